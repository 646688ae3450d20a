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
    ctx.addIssue({ code: 'custom', message: verdict.problem.reason.replace(/\.$/, ''), params: { ruleId: verdict.problem.ruleId } });
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
