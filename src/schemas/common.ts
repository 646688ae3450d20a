import { z } from 'zod';
import { checkUrl } from '../lib/url-policy.ts';

/** Lower-case kebab-case id, as used in file names and `#term-<id>` anchors. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Expected a lower-case kebab-case id such as "nvidia-a100"');

/**
 * An absolute http(s) URL that passes the one URL policy (`lib/url-policy.ts`):
 * no other scheme, no spaces or hidden characters, no credentials, no
 * private or local host. Plain `http` passes here and is warned about when
 * the front matter is checked.
 */
export const httpUrlSchema = z.string().superRefine((value, ctx) => {
  const verdict = checkUrl(value, 'link');
  if (verdict.problem?.fatal && verdict.problem.ruleId !== 'url-relative') {
    ctx.addIssue({ code: 'custom', message: verdict.problem.reason.replace(/\.$/, ''), params: { ruleId: verdict.problem.ruleId, hint: verdict.problem.hint } });
    return;
  }
  if (!/^https?:\/\//i.test(value)) ctx.addIssue({ code: 'custom', message: `Expected an absolute http(s) URL, found "${value}"` });
});

/** Whether year, month and day (day optional) name a day that exists: no 13th month, no 30 February. */
export function isCalendarDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number);
  if (!y || !m || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

const fromYamlDate = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/** A calendar date written as YYYY-MM-DD (YAML dates are accepted too); it must exist. */
export const dateSchema = z.preprocess(
  fromYamlDate,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date written as YYYY-MM-DD')
    .refine(isCalendarDate, { error: (issue) => `Expected a date that exists, found ${String(issue.input)} (no such month or day)` }),
);

/** A month or a day: YYYY-MM or YYYY-MM-DD; it must exist. */
export const monthOrDateSchema = z.preprocess(
  fromYamlDate,
  z
    .string()
    .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'Expected YYYY-MM or YYYY-MM-DD')
    .refine(isCalendarDate, { error: (issue) => `Expected a date that exists, found ${String(issue.input)} (no such month or day)` }),
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
