/**
 * What a built page points at, read straight from its HTML or CSS: the one
 * place the integration tests extract links, assets and ids, whether they
 * check the files on disk (build-base) or crawl a real web server (nginx).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under a folder, as absolute paths, in a stable order. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** Every .html file under a folder. */
export function htmlFiles(dir: string): string[] {
  return filesUnder(dir).filter((path) => path.endsWith('.html'));
}

const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Decodes the character references an attribute value may hold. */
export function decodeEntities(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex: string, dec: string, name: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return named[name.toLowerCase()] ?? whole;
  });
}

/** The markup of a page without script bodies and comments, whose text is no attribute. */
function markup(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
}

/** Every start tag of a page, quoted attribute values (which may hold `>`) included. */
const startTag = /<[a-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s'">]+))?)*\s*\/?>/gi;
const attribute = /\s([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'">]+)))?/g;

/** Every attribute in the start tags of a page, as lower-case name and decoded value. */
export function attributes(html: string): { name: string; value: string }[] {
  return [...markup(html).matchAll(startTag)].flatMap((tag) =>
    [...tag[0].replace(/^<[^\s/>]+/, '').matchAll(attribute)].map((m) => ({
      name: m[1]!.toLowerCase(),
      value: decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''),
    })),
  );
}

/** The URLs a `srcset` lists, without their width or density descriptors. */
function srcsetUrls(value: string): string[] {
  return value
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0]!)
    .filter(Boolean);
}

/** Every `url(…)` in a style sheet or a `style` attribute, except `data:` URLs. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
    .filter((url) => url && !url.startsWith('data:'));
}

/**
 * Every URL a page links to or loads, exactly as written: `href`, `src`,
 * `srcset`, `poster`, `action`, and `url()` in `<style>` blocks and `style`
 * attributes.
 */
export function pageUrls(html: string): string[] {
  const urls: string[] = [];
  for (const { name, value } of attributes(html)) {
    if (name === 'href' || name === 'xlink:href' || name === 'src' || name === 'poster' || name === 'action') {
      urls.push(value);
    } else if (name === 'srcset' || name === 'imagesrcset') {
      urls.push(...srcsetUrls(value));
    } else if (name === 'style') {
      urls.push(...cssUrls(value));
    }
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) urls.push(...cssUrls(m[1]!));
  return urls;
}

/** Module specifiers a built script imports by path (`./chunk.js`, `/_astro/x.js`). */
export function scriptImports(js: string): string[] {
  return [...js.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']((?:\.{1,2})?\/[^"'\s]+)["']/g)].map((m) => m[1]!);
}

/** True for a URL that leaves the site or is no resource at all. */
export function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url);
}

/** The ids a page defines (the targets its `#fragments` may name). */
export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const { name, value } of attributes(html)) if (name === 'id') ids.add(value);
  return ids;
}

/**
 * Root-relative values (`/…`, not `//…`) of any attribute or `url()` that do
 * not start with the base: what would point at the domain root.
 */
export function rootPaths(html: string, base: string): string[] {
  const values = [
    ...attributes(html).flatMap(({ name, value }) =>
      name === 'srcset' || name === 'imagesrcset' ? srcsetUrls(value) : name === 'style' ? cssUrls(value) : [value],
    ),
    ...[...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].flatMap((m) => cssUrls(m[1]!)),
  ];
  return values.filter((v) => v.startsWith('/') && !v.startsWith('//') && !v.startsWith(base));
}
