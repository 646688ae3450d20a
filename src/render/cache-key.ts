/**
 * The keys of Astro's incremental build (`experimental.incrementalBuild`): a
 * page returned by `getStaticPaths` with a `cacheKey` is copied from the last
 * build when its key and the code it is built from are both unchanged.
 *
 * A page's key is the content digest of the entry it renders. The entries
 * are resolved data, each holding everything its page shows (an explainer
 * holds the glossary entries and speakers it uses), so a change to a glossary
 * entry changes the digest of every explainer that uses it, and of no other.
 */
import { createHash } from 'node:crypto';

/** The key of a page that renders one collection entry; none (always rendered) when the entry has no digest. */
export function entryCacheKey(entry: { digest?: string | number | undefined }): string | undefined {
  return entry.digest === undefined ? undefined : String(entry.digest);
}

/** The key of a page drawn from a plain value alone (a social card from its text). */
export function valueCacheKey(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url');
}
