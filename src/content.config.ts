import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { type ContentStatus, siteLoader } from './lib/content/astro-loader.ts';
import type { ReviewInput } from './lib/content/export-reviews.ts';
import type { GlossaryIndexEntry, PersonPage } from './lib/content/model.ts';
import type { ExplainerEntry } from './lib/content/stored-explainer.ts';

/**
 * The collections are the output of one loading pass over `seeds/` and
 * `content/` (see `lib/content/load-project.ts`): every file is checked
 * against its schema in `src/schemas/` there, with line and column, so the
 * collections hold resolved data and need no schema of their own.
 */
export const collections = {
  /** What listings show of each explainer, and the file that keeps the rest: `src/render/site-data.ts` reads it and makes pages whole. */
  explainers: defineCollection({ loader: siteLoader('explainers'), schema: z.custom<ExplainerEntry>() }),
  glossary: defineCollection({ loader: siteLoader('glossary'), schema: z.custom<GlossaryIndexEntry>() }),
  people: defineCollection({ loader: siteLoader('people'), schema: z.custom<PersonPage>() }),
  /** What each explainer's review needs beyond its page: its messages and its changes against the base branch. */
  reviews: defineCollection({ loader: siteLoader('reviews'), schema: z.custom<ReviewInput>() }),
  /** The content errors of the last change, which `astro dev` shows on every page. */
  status: defineCollection({ loader: siteLoader('status'), schema: z.custom<ContentStatus>() }),
};
