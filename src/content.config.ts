import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { projectLoader } from './lib/content/astro-loader.ts';
import type { ExplainerPage, GlossaryTerm, Person } from './lib/content/model.ts';
import { explainerSchema } from './schemas/explainer.ts';

/**
 * `intros` holds the editor's MDX introductions (front matter checked by
 * `explainerSchema`); the other collections are the resolved output of the
 * one validation pass over seeds and annotation files (see
 * `lib/content/load-project.ts`), where every annotation file is checked
 * against its schema in `src/schemas/` with line and column.
 */
export const collections = {
  intros: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/explainers' }),
    schema: explainerSchema,
  }),
  explainers: defineCollection({ loader: projectLoader('explainers'), schema: z.custom<ExplainerPage>() }),
  glossary: defineCollection({ loader: projectLoader('terms'), schema: z.custom<GlossaryTerm>() }),
  people: defineCollection({ loader: projectLoader('people'), schema: z.custom<Person>() }),
};
