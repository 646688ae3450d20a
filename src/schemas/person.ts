import { z } from 'zod';
import { monthOrDateSchema, sourceLinkSchema } from './common.ts';

export const speakerKinds = ['person', 'organization'] as const;

/** One role a person held, with when: an entry of `roles`. */
export const personRoleSchema = z.strictObject({
  /** The role ("Director", "Secretary of the Interior"). */
  role: z.string().min(1),
  /** The body the role belongs to ("Bureau of Land Management"). */
  affiliation: z.string().min(1).optional(),
  /** When the role began, YYYY-MM or YYYY-MM-DD. */
  from: monthOrDateSchema,
  /** When it ended, YYYY-MM or YYYY-MM-DD, that day or month included (default: still held). */
  to: monthOrDateSchema.optional(),
});
export type PersonRole = z.infer<typeof personRoleSchema>;

/**
 * Front matter of `content/people/<id>.md`; the body is a short bio (optional).
 * A file is never required: a speaker the article names gets a card with the
 * role the article gives. A file enriches the card with a bio, links and the
 * role the person held on the article's date.
 */
export const personSchema = z
  .strictObject({
    /** Full name as shown on the card. */
    name: z.string().min(1),
    /** Short forms used in text besides the first and last word of the name, which need not be listed: acronyms, a name without its middle initial. */
    aliases: z.array(z.string().min(1)).default([]),
    /** A person or an organization. */
    kind: z.enum(speakerKinds),
    /** A role held on one date, `asOf` ("Founder and chief executive"); for a person whose roles changed, use `roles`. */
    role: z.string().min(1).optional(),
    /** Organization that role belongs to. */
    affiliation: z.string().min(1).optional(),
    /** When `role` was held, YYYY-MM or YYYY-MM-DD: a card shows it for an article of that month, or one that describes no role. */
    asOf: monthOrDateSchema.optional(),
    /** Roles with their dates: a card shows the one the person held on the article's date. */
    roles: z.array(personRoleSchema).default([]),
    /** Where the role and the bio can be checked: official pages, encyclopedia entries, reports; each a source with its publisher. */
    links: z.array(sourceLinkSchema).default([]),
  })
  .superRefine((p, ctx) => {
    if ((p.role || p.affiliation) && !p.asOf) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], input: undefined, message: 'Expected `asOf` (YYYY-MM or YYYY-MM-DD, when the role was held) next to `role` or `affiliation`, found none' });
    }
    p.roles.forEach((r, i) => {
      if (r.to !== undefined && r.to < r.from) {
        ctx.addIssue({ code: 'custom', path: ['roles', i, 'to'], input: r.to, message: `Expected \`to\` on or after \`from\` (${r.from}), found ${r.to}` });
      }
    });
  });
export type PersonFrontmatter = z.infer<typeof personSchema>;
