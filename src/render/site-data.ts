/**
 * The explainers as pages read them: the content store keeps each without
 * its copies of shared glossary entries and bios (`StoredExplainer`); a page
 * gets the stored explainer and the shared entries, and is made whole when it
 * is rendered (`pageOf`), one at a time.
 */
import { getCollection } from 'astro:content';
import type { ExplainerPage } from '../lib/content/model.ts';
import { expandExplainer, type SharedEntries, sharedEntries, type StoredExplainer } from '../lib/content/stored-explainer.ts';
import { entryCacheKey, valueCacheKey } from './cache-key.ts';

export type ExplainerProps = { stored: StoredExplainer; shared: SharedEntries };

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
    const stored = entry.data;
    const digest = entryCacheKey(entry);
    const uses = [...stored.terms.map((t) => termKeys.get(t.id)), ...stored.speakers.map((s) => personKeys.get(s.speaker.id))];
    return { params: { slug: entry.id }, props: { stored, shared }, cacheKey: digest === undefined ? undefined : valueCacheKey([digest, uses]) };
  });
}

/** The explainer's page, whole. */
export function pageOf({ stored, shared }: ExplainerProps): ExplainerPage {
  return expandExplainer(stored, shared);
}
