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

/** Where a source was actually read, when that was a copy rather than the original. */
export const viaSchema = z.strictObject({
  /** Who runs the copy ("Yahoo News Australia", "prchief.com"). */
  publisher: z.string().min(1),
  /** Address of the copy that was read: http(s) only. */
  url: httpUrlSchema,
});
export type Via = z.infer<typeof viaSchema>;

/** The fields of a source; `sourceSchema` adds the rules that tie them together. */
const sourceFields = z.strictObject({
  /** The page's or document's own title, exactly as it shows it. Give `title` or `description`, not both. */
  title: z.string().min(1).optional(),
  /** A plain description, read after the publisher ("report on Silicon Valley's reaction to DeepSeek"), when the page's own title was not seen. Give `title` or `description`, not both. */
  description: z.string().min(1).optional(),
  /** Who published it: the original publisher, never the site a copy was read on (that goes in `via`). */
  publisher: z.string().min(1),
  /** The original's own address, http(s) only. May be left out only when it is unknown and `via` says where a copy was read. */
  url: httpUrlSchema.optional(),
  /** The source's own publication date, YYYY-MM-DD, when it shows one (not the date it was read: that is the claim's `checked`). */
  published: dateSchema.optional(),
  /** Where it was read, when that was a repost or mirror and not the original: one copy, or a list when parts were read in different copies. */
  via: z
    .union([viaSchema, z.array(viaSchema).min(1)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  /** An archived copy, http(s) only. */
  archived: httpUrlSchema.optional(),
  /** A short excerpt (30 words at most), quoted exactly. */
  excerpt: z.string().max(400).optional(),
});

type SourceFields = z.infer<typeof sourceFields>;

/** Exactly one of `title` and `description`; a `url`, or a `via` when the original's address is unknown. */
function checkSource(source: Partial<SourceFields>, ctx: z.RefinementCtx): void {
  if (source.title !== undefined && source.description !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['description'],
      message: 'Expected either `title` (the page\'s own title) or `description` (a plain description), found both',
    });
  } else if (source.title === undefined && source.description === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['title'],
      message: 'Expected `title` (the page\'s own title) or `description` (a plain description when the title was not seen), found neither',
    });
  }
  if (source.url === undefined && source.via === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: 'Expected `url` (the original\'s address), or `via` naming the copy that was read when the original\'s address is unknown, found neither',
    });
  }
}

/** A source cited by a claim's note. */
export const sourceSchema = sourceFields.superRefine(checkSource);
export type Source = z.infer<typeof sourceSchema>;

/** A source cited by a glossary term or a person: a source without an excerpt. */
export const sourceLinkSchema = sourceFields.omit({ excerpt: true }).superRefine(checkSource);
export type SourceLink = z.infer<typeof sourceLinkSchema>;
