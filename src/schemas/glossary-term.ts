import { z } from 'zod';
import { idSchema, sourceLinkSchema } from './common.ts';

export const termCategories = ['company', 'organization', 'product', 'technology', 'policy', 'finance', 'media', 'place', 'concept'] as const;

/** Front matter of `content/glossary/<id>.md`; the body is the definition. */
export const glossaryTermSchema = z.strictObject({
  /** The term as it is shown in the glossary. */
  term: z.string().min(1),
  /**
   * Other spellings found in articles. Forms with a capital letter match with
   * that exact case; all-lower-case forms match any case. Possessives (`’s`)
   * are found without listing them.
   */
  aliases: z.array(z.string().min(1)).default([]),
  /**
   * `true`: every form matches only with exactly its own case (a lower-case
   * term that is also a common word); `false`: every form matches in any case
   * (default: forms with a capital letter match with their own case, all-lower-case
   * forms in any case).
   */
  caseSensitive: z.boolean().optional(),
  /** What sort of thing it is. */
  category: z.enum(termCategories).optional(),
  /** Ids of related glossary terms. */
  related: z.array(idSchema).default([]),
  /** A stub (`npm run draft` writes them) whose definition is still to be written: a warning, an error in strict mode (default: false). */
  draft: z.boolean().optional(),
  /** Where the definition can be checked. */
  source: sourceLinkSchema.optional(),
});
export type GlossaryTermFrontmatter = z.infer<typeof glossaryTermSchema>;
