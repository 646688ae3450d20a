import { z } from 'zod';
import { monthOrDateSchema, sourceLinkSchema } from './common.ts';

export const speakerKinds = ['person', 'organization'] as const;

/** Front matter of `content/people/<id>.md`; the body is a short bio. */
export const personSchema = z.strictObject({
  /** Full name as shown on the card. */
  name: z.string().min(1),
  /** Short forms used in text: surname, acronym, "the company" is not one. */
  aliases: z.array(z.string().min(1)).default([]),
  /** A person or an organization. */
  kind: z.enum(speakerKinds),
  /** Role at the time of the article ("Founder and chief executive"). */
  role: z.string().min(1).optional(),
  /** Organization the role belongs to. */
  affiliation: z.string().min(1).optional(),
  /** When the role was held, YYYY-MM or YYYY-MM-DD. */
  asOf: monthOrDateSchema,
  /** Where the role and the bio can be checked: official pages, encyclopedia entries, reports; each a source with its publisher. */
  links: z.array(sourceLinkSchema).default([]),
});
export type PersonFrontmatter = z.infer<typeof personSchema>;
