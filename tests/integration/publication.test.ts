/**
 * What the site offers beyond its pages, checked on one build under a
 * pull-request preview's base path and site: how reader modes see an
 * explainer (Firefox's Readability, also behind many read-later apps), its
 * structured data, social card and sharing meta, the feed and the sitemap.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { DOMParser, parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, projectRoot, type BuildResult } from '../support/build-site.ts';
import { seedLines, squash } from '../support/seed.ts';

const base = '/pr-preview/pr-7/';
const site = 'https://preview.example';
let build: BuildResult;

/** Every explainer of the project, by slug. */
const slugs = readdirSync(join(projectRoot, 'content/explainers'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();

/** The source's credit as the page's header shows it, without the original headline cited after it. */
function creditOf(document: Document): string {
  const dd = document.querySelector('.ex-meta dd')!.cloneNode(true) as Element;
  dd.querySelector('.ex-source-headline')?.remove();
  return squash(dd.textContent!);
}

const built = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

beforeAll(() => {
  const root = projectCopy('publication');
  build = astroBuild(root, join(root, 'dist'), ['--base', base, '--site', site]);
}, 300_000);

it('builds', () => {
  expect(build.status, build.output).toBe(0);
});

it("makes the search index as `npm run build` does: after Astro's process has ended, with every explainer in it", () => {
  const complete = build.output.search(/\[build\] Complete!/);
  const indexed = build.output.search(/\[search-index\] Search index: \d+ pages/);
  expect(complete, build.output).toBeGreaterThan(0);
  expect(indexed, build.output).toBeGreaterThan(complete);
  const entry = JSON.parse(built('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
  const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
  expect(pages).toBeGreaterThanOrEqual(slugs.length);
});

describe('in reader mode (Readability)', () => {
  /** An explainer as Readability extracts it, and the page it came from. */
  function read(slug: string) {
    const html = built(`${slug}/index.html`);
    const { document } = parseHTML(html);
    const credit = creditOf(document);
    const article = new Readability(document).parse()!;
    return { article, credit, body: parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document };
  }

  it('keeps all 30 paragraphs of the DeepSeek article intact and in order, the dateline inside the first', () => {
    const { body } = read('deepseek-r1');
    const paragraphs = [...body.querySelectorAll('p[id^="p-"]')];
    expect(paragraphs.map((p) => p.id)).toEqual(Array.from({ length: 30 }, (_, i) => `p-${i + 1}`));
    paragraphs.forEach((p, i) => expect(squash(p.textContent!), p.id).toBe(squash(seedLines[i]!)));
    expect(squash(paragraphs[0]!.textContent!)).toMatch(/^HONG KONG — An artificial intelligence lab/);
  });

  for (const slug of slugs) {
    it(`${slug}: takes the page's credit as the byline and its headline as the title`, () => {
      const { article, credit } = read(slug);
      expect(article.byline).toBe(credit);
      expect(article.title).toBe(squash(parseHTML(built(`${slug}/index.html`)).document.querySelector('h1')!.textContent!));
    });

    it(`${slug}: leaves margin notes, endnotes, the glossary and speaker cards out of the body`, () => {
      const { article, body } = read(slug);
      expect(body.querySelectorAll('[role="doc-noteref"], .ex-sidenote, [role="doc-endnotes"], [role="doc-glossary"], .ex-card, button').length).toBe(0);
      for (const chrome of ['Full note and sources', 'Back to the text', 'Notes on the claims', 'Who is quoted', 'In order of first use']) {
        expect(article.textContent).not.toContain(chrome);
      }
      expect(article.textContent).not.toMatch(/\b(VERIFIED|Verified|Needs context|Disputed|Unverified)\b/);
    });
  }
});

describe('structured data (JSON-LD)', () => {
  type Node = Record<string, unknown> & { '@type': string; '@id'?: string };

  /** The page's JSON-LD graph and the ids its HTML defines. */
  function graphOf(slug: string) {
    const html = built(`${slug}/index.html`);
    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).not.toContain('<');
    const data = JSON.parse(scripts[0]!) as { '@context': string; '@graph': Node[] };
    const { document } = parseHTML(html);
    return { data, nodes: data['@graph'], document, pageUrl: `${site}${base}${slug}/` };
  }

  /** Every `{ "@id": … }` reference anywhere in a value. */
  function references(value: unknown): string[] {
    if (Array.isArray(value)) return value.flatMap(references);
    if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (Object.keys(o).length === 1 && typeof o['@id'] === 'string') return [o['@id']];
      return Object.entries(o).flatMap(([k, v]) => (k === '@id' ? [] : references(v)));
    }
    return [];
  }

  /** The site glossary's DefinedTerms, from the JSON-LD of its index page. */
  function glossaryTerms(): Node[] {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(built('glossary/index.html'))![1]!;
    const set = (JSON.parse(json) as { '@graph': Node[] })['@graph'].find((n) => n['@type'] === 'DefinedTermSet')!;
    return set.hasDefinedTerm as Node[];
  }

  it('the glossary index describes every term with its definition, under its entry’s address', () => {
    const { document } = parseHTML(built('glossary/index.html'));
    const entries = [...document.querySelectorAll('.ex-gloss-entry[id]')];
    const terms = glossaryTerms();
    expect(terms.map((t) => t['@id'])).toEqual(entries.map((e) => `${site}${base}glossary/#${e.id}`));
    for (const t of terms) expect(String(t.description).length, String(t.name)).toBeGreaterThan(20);
  });

  for (const slug of slugs) {
    it(`${slug}: is one schema.org graph whose references all resolve, with absolute URLs under the site and base`, () => {
      const { data, nodes, pageUrl } = graphOf(slug);
      expect(data['@context']).toBe('https://schema.org');
      const known = new Set(['NewsArticle', 'Organization', 'ClaimReview', 'DefinedTermSet', 'Person', 'Quotation']);
      for (const n of nodes) expect(known, JSON.stringify(n).slice(0, 200)).toContain(n['@type']);
      const ids = nodes.flatMap((n) => n['@id'] ?? []);
      expect(new Set(ids).size).toBe(ids.length);
      for (const ref of references(nodes)) expect(ids, ref).toContain(ref);
      const urls = JSON.stringify(data).match(/"https?:[^"]+"/g)!.map((u) => JSON.parse(u) as string);
      for (const url of urls.filter((u) => !u.startsWith('https://schema.org') && !u.startsWith(site))) {
        // External URLs are only the original article's.
        expect(nodes.find((n) => n.url === url)?.['@id']).toBe(`${pageUrl}#ld--source`);
      }
      for (const url of urls.filter((u) => u.startsWith(site))) expect(url.startsWith(`${site}${base}`), url).toBe(true);
    });

    it(`${slug}: describes the page as a NewsArticle crediting the original, with a ClaimReview per note, the glossary, speakers and quotations`, () => {
      const { nodes, document, pageUrl } = graphOf(slug);
      const byType = (t: string) => nodes.filter((n) => n['@type'] === t);
      const explainer = nodes[0]!;
      expect(explainer).toMatchObject({ '@type': 'NewsArticle', url: pageUrl, headline: squash(document.querySelector('h1')!.textContent!) });
      const source = nodes.find((n) => n['@id'] === (explainer.isBasedOn as { '@id': string })['@id'])!;
      expect(source).toMatchObject({ '@type': 'NewsArticle', creditText: creditOf(document) });
      expect(source.datePublished).toBe(document.querySelector('.ex-meta time')!.getAttribute('datetime'));

      const notes = [...document.querySelectorAll('[role="doc-endnotes"] li[id^="claim-"]')];
      const reviews = byType('ClaimReview');
      expect(reviews.map((r) => r.url)).toEqual(notes.map((n) => `${pageUrl}#${n.id}`));
      const scale: Record<string, [string, number | undefined]> = {
        verified: ['Verified', 5],
        qualified: ['Needs context', 4],
        disputed: ['Disputed', 1],
        unverified: ['Unverified', undefined],
      };
      reviews.forEach((r, i) => {
        const [name, value] = scale[notes[i]!.getAttribute('data-status')!]!;
        const rating = r.reviewRating as Record<string, unknown>;
        expect(rating).toMatchObject({ '@type': 'Rating', alternateName: name });
        expect(rating.ratingValue).toBe(value);
        if (value !== undefined) expect(rating).toMatchObject({ bestRating: 5, worstRating: 1 });
        expect(String(rating.ratingExplanation).trim()).not.toBe('');
        expect(String(r.claimReviewed).length).toBeGreaterThan(5);
        expect(r.itemReviewed).toMatchObject({ '@type': 'Claim', appearance: { '@id': source['@id'] } });
      });

      // The page's terms, named; their definitions are in the site glossary's data, under the same ids.
      const entries = [...document.querySelectorAll('[role="doc-glossary"] .ex-gloss-entry')];
      const terms = (byType('DefinedTermSet')[0]?.hasDefinedTerm ?? []) as Node[];
      expect(terms.map((t) => t['@id'])).toEqual(entries.map((e) => `${site}${base}glossary/#${e.id}`));
      terms.forEach((t, i) => expect(t.name).toBe(squash(entries[i]!.querySelector('dfn')!.textContent!)));
      const defined = new Set(glossaryTerms().map((t) => t['@id']));
      for (const t of terms) expect(defined, t['@id']).toContain(t['@id']);

      const cards = [...document.querySelectorAll('[data-speaker-card]')].map((c) => c.getAttribute('data-speaker-card'));
      const publisher = (explainer.publisher as { '@id': string })['@id'];
      const speakers = nodes.filter((n) => n['@type'] === 'Person' || (n['@type'] === 'Organization' && n['@id'] !== publisher));
      expect(speakers.map((s) => s.url)).toEqual(cards.map((id) => `${site}${base}people/${id}/`));
      const quotes = [...document.querySelectorAll('.ex-article [data-quote][id^="quote-"]')];
      expect(byType('Quotation').map((q) => q['@id']).sort()).toEqual(quotes.map((q) => `${pageUrl}#${q.id}`).sort());
    });
  }
});

describe('sharing', () => {
  /** The content of a page's `<meta property|name=…>`. */
  const meta = (html: string, key: string) => parseHTML(html).document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

  for (const slug of slugs) {
    it(`${slug}: has its social card, a 1200 × 630 PNG of reasonable size`, () => {
      const png = readFileSync(join(build.outDir, slug, 'social.png'));
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
      expect(png.length).toBeGreaterThan(10_000);
      expect(png.length).toBeLessThan(400_000);
    });

    it(`${slug}: names its canonical URL, card and summary for link previews, under the site and base`, () => {
      const html = built(`${slug}/index.html`);
      const url = `${site}${base}${slug}/`;
      expect(parseHTML(html).document.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(url);
      expect(meta(html, 'og:url')).toBe(url);
      expect(meta(html, 'og:type')).toBe('article');
      expect(meta(html, 'og:image')).toBe(`${url}social.png`);
      expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')]).toEqual(['1200', '630']);
      expect(meta(html, 'og:image:alt')).toContain(meta(html, 'og:title'));
      expect(meta(html, 'twitter:card')).toBe('summary_large_image'); // X takes the rest from og:

    });
  }

  it('gives the review views and the 404 page no canonical URL or card', () => {
    for (const page of ['404.html', ...slugs.map((s) => `${s}/review/index.html`)]) {
      const html = built(page);
      expect(html, page).not.toContain('rel="canonical"');
      expect(html, page).not.toContain('og:image');
    }
  });
});

describe('feed and sitemap', () => {
  const xml = (path: string) => new DOMParser().parseFromString(built(path), 'text/xml');
  const texts = (doc: ReturnType<typeof xml>, tag: string) => [...doc.getElementsByTagName(tag)].map((e) => e.textContent!.trim());

  it('the sitemap lists every explainer, the glossary and the people, with absolute URLs under the site and base', () => {
    const index = texts(xml('sitemap-index.xml'), 'loc');
    expect(index.length).toBeGreaterThan(0);
    const urls = index.flatMap((loc) => {
      expect(loc.startsWith(`${site}${base}`), loc).toBe(true);
      return texts(xml(loc.slice(`${site}${base}`.length)), 'loc');
    });
    for (const url of urls) expect(url.startsWith(`${site}${base}`), url).toBe(true);
    expect(urls).toEqual(expect.arrayContaining([`${site}${base}`, `${site}${base}glossary/`, ...slugs.map((s) => `${site}${base}${s}/`)]));
    expect(urls.some((u) => u.includes('/people/'))).toBe(true);
  });

  it('the sitemap leaves out review views, search, the 404 page and data files', () => {
    const urls = texts(xml('sitemap-0.xml'), 'loc');
    expect(urls.filter((u) => /\/review\/|\/search\/|404|\.(json|txt|md|png|xml)$/.test(u))).toEqual([]);
  });

  it('the feed lists every explainer, newest article first, with absolute URLs under the site and base', () => {
    const feed = xml('rss.xml');
    const channel = feed.getElementsByTagName('channel')[0]!;
    expect(channel.getElementsByTagName('link')[0]!.textContent).toBe(`${site}${base}`);
    const items = [...feed.getElementsByTagName('item')];
    expect(items.map((i) => i.getElementsByTagName('link')[0]!.textContent).sort()).toEqual(slugs.map((s) => `${site}${base}${s}/`));
    const dates = items.map((i) => Date.parse(i.getElementsByTagName('pubDate')[0]!.textContent!));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(built('rss.xml')).not.toMatch(/\/review\//);
  });

  it('feed items carry the article text, without note markers, ratings or glossary chrome', () => {
    const item = [...xml('rss.xml').getElementsByTagName('item')].find((i) => i.getElementsByTagName('link')[0]!.textContent!.endsWith('/deepseek-r1/'))!;
    const content = parseHTML(`<!doctype html><html><body>${item.getElementsByTagName('content:encoded')[0]!.textContent}</body></html>`).document;
    const paragraphs = [...content.querySelectorAll('p')].map((p) => squash(p.textContent!));
    expect(paragraphs.slice(1, 31)).toEqual(seedLines.slice(0, 30).map(squash));
    expect(content.querySelectorAll('a').length).toBe(1);
    expect(content.querySelector('a')!.getAttribute('href')).toBe(`${site}${base}deepseek-r1/`);
    expect(content.body.textContent).not.toMatch(/Full note|Verified|Needs context|Glossary/);
  });
});
