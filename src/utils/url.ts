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
