import { z } from 'zod';
import { dateSchema, httpUrlSchema, idSchema } from './common.ts';

/** Front matter of `content/explainers/<slug>.mdx`. */
export const explainerSchema = z.strictObject({
  /** The headline of the explainer. */
  title: z.string().min(1).max(120),
  /** One or two sentences under the headline. */
  dek: z.string().min(1).max(320),
  /** The seed file in `seeds/`, such as `deepseek-r1.txt`. */
  seed: z.string().regex(/^[a-z0-9][a-z0-9-]*\.txt$/, 'Expected a seed file name such as "deepseek-r1.txt"'),
  /** Where the article comes from. */
  source: z.strictObject({
    /** Credit line for the article, as it should be shown. */
    credit: z.string().min(1),
    /** Link to the original, when known. */
    url: httpUrlSchema.optional(),
    /** Publication date of the article, YYYY-MM-DD. */
    published: dateSchema,
    /** How the date was established, when the article does not state it. */
    dateNote: z.string().optional(),
  }),
  /** BCP 47 language tag of the article, such as "en". */
  lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Expected a language tag such as "en" or "en-GB"'),
  /** The last seed line that belongs to the article (default: lines that stop mid-sentence at the end are left out). */
  endsAtLine: z.number().int().positive().optional(),
  /** Keep trailing lines that are not article text (teasers, contacts, web addresses) (default: false). */
  keepResidue: z.boolean().optional(),
  /**
   * Read a first line that looks like a headline (short, no full stop at its
   * end) as the article's headline, shown with the source credit, rather than
   * as paragraph 1 (default: true). `false` keeps it as paragraph 1.
   */
  headline: z.boolean().optional(),
  /**
   * Invisible characters the seed may hold, as code points such as "U+200B"
   * (default: none; any other control, bidirectional or zero-width character
   * in the seed stops the build). The seed is never edited.
   */
  acceptCharacters: z.array(z.string().regex(/^U\+[0-9A-F]{4,6}$/, 'Expected a code point written as U+200B')).optional(),
  /** Ids of shared glossary terms this article does not use in their glossary sense (default: none): they are not matched in it. */
  excludeTerms: z.array(idSchema).optional(),
  /**
   * A draft (`npm run draft` writes one): its title, dek and source are guesses
   * from the text that an editor has not checked yet. A warning in every
   * build, an error in strict mode (the main-branch deploy). Default: false.
   */
  draft: z.boolean().optional(),
  /** Editor overrides of quotation speakers: the quotation's opening words and who said it. */
  speakers: z
    .array(
      z.strictObject({
        /** Paragraph number (`p-N`) of the quotation. */
        paragraph: z.number().int().positive(),
        /** The first words inside the quotation marks. */
        quote: z.string().min(1),
        /** Id of the speaker: a file in `content/people/`, or a speaker the article names (`jane-doe` for Jane Doe). */
        speaker: idSchema,
      }),
    )
    .optional(),
});
export type ExplainerFrontmatter = z.infer<typeof explainerSchema>;
