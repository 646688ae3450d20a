/**
 * The paths of the files a reviewer gets of each explainer (its W3C export,
 * article text, review view and summary): each gets the explainer and its
 * review input, and makes what it writes from the two when it is written.
 */
import { getCollection } from 'astro:content';
import type { ReviewInput } from '../lib/content/export-reviews.ts';
import { entryCacheKey } from './cache-key.ts';
import { type ExplainerProps, explainerPaths } from './site-data.ts';

export type ReviewProps = ExplainerProps & { input: ReviewInput };

export async function reviewPaths(): Promise<{ params: { slug: string }; props: ReviewProps; cacheKey: string | undefined }[]> {
  const [paths, inputs] = await Promise.all([explainerPaths(), getCollection('reviews')]);
  const inputBySlug = new Map(inputs.map((i) => [i.id, i]));
  return paths.map(({ params, props, cacheKey }) => {
    const input = inputBySlug.get(params.slug);
    if (!input) throw new Error(`The review input of the explainer “${params.slug}” is missing from the content store.`);
    const inputKey = entryCacheKey(input);
    return { params, props: { ...props, input: input.data }, cacheKey: cacheKey && inputKey ? `${cacheKey}:${inputKey}` : undefined };
  });
}

/** Where the site is, as the loader saw it: the export's and summary's absolute URLs are made from this. */
export function reviewAddresses(site: URL | undefined): { site?: string; base: string } {
  return { ...(site ? { site: site.href } : {}), base: import.meta.env.BASE_URL };
}
