import { z } from 'zod';
import { dateSchema, sourceSchema } from './common.ts';

export const claimStatuses = ['verified', 'qualified', 'disputed', 'unverified'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** How each status is shown to readers. */
export const claimStatusLabels: Record<ClaimStatus, string> = {
  verified: 'Verified',
  qualified: 'Needs context',
  disputed: 'Disputed',
  unverified: 'Unverified',
};

/** A W3C Web Annotation text-quote selector. */
export const textQuoteSelectorSchema = z.strictObject({
  /** The claimed words, exactly as the article has them. */
  exact: z.string().min(1),
  /** Text just before `exact`, to tell apart several matches. */
  prefix: z.string().min(1).optional(),
  /** Text just after `exact`, to tell apart several matches. */
  suffix: z.string().min(1).optional(),
});
export type TextQuoteSelector = z.infer<typeof textQuoteSelectorSchema>;

/** Front matter of `content/claims/<slug>/<id>.md`; the body is the note. */
export const claimSchema = z
  .strictObject({
    /** Where the claim is in the article. */
    anchor: textQuoteSelectorSchema,
    /** How the claim stands up. */
    status: z.enum(claimStatuses),
    /** The date the claim was checked, YYYY-MM-DD. */
    checked: dateSchema,
    /** What the note rests on; may be empty only for `unverified`. */
    sources: z.array(sourceSchema).default([]),
  })
  .superRefine((claim, ctx) => {
    if (claim.status !== 'unverified' && claim.sources.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sources'],
        message: `Expected at least one source for a claim rated "${claim.status}"; only "unverified" claims may have none`,
      });
    }
  });
export type ClaimFrontmatter = z.infer<typeof claimSchema>;
