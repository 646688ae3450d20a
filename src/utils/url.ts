import { explainerPath, personPath } from '../lib/ids.ts';
import { withBase as joinBase } from '../lib/url-policy.ts';

/**
 * Site-internal URLs, always under the configured `base`, so the site works
 * at a domain root and under a sub-path such as `/pr-preview/pr-7/`.
 */
export function withBase(path: string): string {
  return joinBase(path, import.meta.env.BASE_URL);
}

export function explainerUrl(slug: string): string {
  return withBase(explainerPath(slug));
}

export function personUrl(id: string): string {
  return withBase(personPath(id));
}

export function glossaryUrl(): string {
  return withBase('glossary/');
}

/**
 * An absolute URL for a site path (one that already holds the base), on the
 * configured `site`: canonical links, feeds, social cards, structured data.
 */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(path, site ?? 'https://example.org').href;
}
