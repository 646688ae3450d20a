/**
 * The explainers as pages read them. The content store holds of each what
 * listings show and the file its stored explainer is kept in
 * (`ExplainerEntry`); a page gets the entry and the shared glossary entries
 * and people, reads the stored explainer when it is rendered and makes it
 * whole (`pageOf`), one at a time.
 */
import { getCollection } from 'astro:content';
import { readKept } from '../lib/content/kept-explainers.ts';
import type { ExplainerPage } from '../lib/content/model.ts';
import { type ExplainerEntry, expandExplainer, type SharedEntries, sharedEntries, type StoredExplainer } from '../lib/content/stored-explainer.ts';
import { entryCacheKey, valueCacheKey } from './cache-key.ts';

export type ExplainerProps = { entry: ExplainerEntry; shared: SharedEntries };

export type ExplainerPath = { params: { slug: string }; props: ExplainerProps; cacheKey: string | undefined };

/**
 * Every explainer's path, with the key of its page: the stored explainer's
 * digest and the shared entries it uses, so a new definition or bio renders
 * again the pages that show it and no other.
 */
export async function explainerPaths(): Promise<ExplainerPath[]> {
  const [explainers, glossary, people] = await Promise.all([getCollection('explainers'), getCollection('glossary'), getCollection('people')]);
  const shared = sharedEntries(
    glossary.map((g) => g.data),
    people.map((p) => p.data),
  );
  const termKeys = new Map([...shared.terms].map(([id, entry]) => [id, valueCacheKey(entry)]));
  const personKeys = new Map([...shared.people].map(([id, entry]) => [id, valueCacheKey(entry)]));
  return explainers.map((entry) => {
    const digest = entryCacheKey(entry);
    const uses = [...entry.data.terms.map((t) => termKeys.get(t.id)), ...entry.data.speakers.map((s) => personKeys.get(s.id))];
    return { params: { slug: entry.id }, props: { entry: entry.data, shared }, cacheKey: digest === undefined ? undefined : valueCacheKey([digest, uses]) };
  });
}

/** The explainer as the store kept it, read from its file. */
export function storedOf(entry: ExplainerEntry): StoredExplainer {
  return readKept(entry.file, entry.slug);
}

/** The explainer's page, whole. */
export function pageOf({ entry, shared }: ExplainerProps): ExplainerPage {
  return expandExplainer(storedOf(entry), shared);
}
