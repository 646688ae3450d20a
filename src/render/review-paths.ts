/**
 * The paths of the files a reviewer gets of each explainer (its W3C export,
 * article text, review view and summary): each gets the explainer's page and
 * its review input, and makes what it writes from the two when it is written.
 */
import { getCollection } from 'astro:content';
import type { ReviewInput } from '../lib/content/export-reviews.ts';
import type { ExplainerPage } from '../lib/content/model.ts';
import { entryCacheKey } from './cache-key.ts';

export type ReviewProps = { page: ExplainerPage; input: ReviewInput };

export async function reviewPaths(): Promise<{ params: { slug: string }; props: ReviewProps; cacheKey: string | undefined }[]> {
  const [pages, inputs] = await Promise.all([getCollection('explainers'), getCollection('reviews')]);
  const inputBySlug = new Map(inputs.map((i) => [i.id, i]));
  return pages.map((entry) => {
    const input = inputBySlug.get(entry.id);
    if (!input) throw new Error(`The review input of the explainer “${entry.id}” is missing from the content store.`);
    const pageKey = entryCacheKey(entry);
    const inputKey = entryCacheKey(input);
    return { params: { slug: entry.id }, props: { page: entry.data, input: input.data }, cacheKey: pageKey && inputKey ? `${pageKey}:${inputKey}` : undefined };
  });
}

/** Where the site is, as the loader saw it: the export's and summary's absolute URLs are made from this. */
export function reviewAddresses(site: URL | undefined): { site?: string; base: string } {
  return { ...(site ? { site: site.href } : {}), base: import.meta.env.BASE_URL };
}
