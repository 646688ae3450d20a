import { z } from 'zod';

/** Lower-case kebab-case id, as used in file names and `#term-<id>` anchors. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected a lower-case kebab-case id such as "nvidia-a100"');

const controlOrSpace = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/u;

/**
 * An absolute http(s) URL. Anything else (javascript:, data:, relative paths,
 * schemes hidden behind spaces or control characters) is refused.
 */
export const httpUrlSchema = z.string().superRefine((value, ctx) => {
  if (controlOrSpace.test(value)) {
    const ch = value.match(controlOrSpace)![0];
    ctx.addIssue({
      code: 'custom',
      message: `Expected an http(s) URL without spaces or control characters, found U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} in "${value}"`,
    });
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `Expected an absolute http(s) URL, found "${value}"` });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: `Expected an http(s) URL, found the scheme "${url.protocol}" in "${value}"` });
  }
});

/** A calendar date written as YYYY-MM-DD (YAML dates are accepted too). */
export const dateSchema = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date written as YYYY-MM-DD'),
);

/** A source cited by a note, a term or a person. */
export const sourceSchema = z.strictObject({
  /** Title of the page or document, as it shows it. */
  title: z.string().min(1),
  /** Who published it ("CNBC (as republished by prchief.com)" for a copy). */
  publisher: z.string().min(1),
  /** Where it is: http(s) only. */
  url: httpUrlSchema,
  /** Publication date, YYYY-MM-DD, when the page shows one. */
  date: dateSchema.optional(),
  /** An archived copy, http(s) only. */
  archived: httpUrlSchema.optional(),
  /** A short excerpt (30 words at most), quoted exactly. */
  excerpt: z.string().max(400).optional(),
});
export type Source = z.infer<typeof sourceSchema>;
