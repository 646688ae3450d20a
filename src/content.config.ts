import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { type ContentStatus, siteLoader } from './lib/content/astro-loader.ts';
import type { ReviewInput } from './lib/content/export-reviews.ts';
import type { ExplainerPage, GlossaryIndexEntry, PersonPage } from './lib/content/model.ts';

/**
 * The collections are the output of one loading pass over `seeds/` and
 * `content/` (see `lib/content/load-project.ts`): every file is checked
 * against its schema in `src/schemas/` there, with line and column, so the
 * collections hold resolved data and need no schema of their own.
 */
export const collections = {
  explainers: defineCollection({ loader: siteLoader('explainers'), schema: z.custom<ExplainerPage>() }),
  glossary: defineCollection({ loader: siteLoader('glossary'), schema: z.custom<GlossaryIndexEntry>() }),
  people: defineCollection({ loader: siteLoader('people'), schema: z.custom<PersonPage>() }),
  /** What each explainer's review needs beyond its page: its messages and its changes against the base branch. */
  reviews: defineCollection({ loader: siteLoader('reviews'), schema: z.custom<ReviewInput>() }),
  /** The content errors of the last change, which `astro dev` shows on every page. */
  status: defineCollection({ loader: siteLoader('status'), schema: z.custom<ContentStatus>() }),
};
