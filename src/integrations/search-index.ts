/**
 * Site search: once `astro build` has written the pages, Pagefind indexes
 * them into `dist/pagefind/`, so `npm run build` does everything. Indexed are
 * the pages whose main content carries `data-pagefind-body` (explainers,
 * people) and each glossary entry on its own, read from the glossary index
 * page, so a search for a term finds its entry (`/glossary/#term-<id>`) and
 * not just the page of all terms. An explainer's sidebar is left out of its
 * page's record (`data-pagefind-ignore`): its definitions and speaker cards
 * are copies of glossary entries and people's pages, which are indexed on
 * their own, so a word of a definition finds the entry, not every explainer
 * that shows it (on 1,000 explainers Pagefind also took 11.8 s instead of
 * 19.0 s). Review views, search, the home and 404 pages are left out.
 * Result URLs are written without the base, which the search page's script
 * adds (Pagefind's `baseUrl`), so one index works under any base.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import * as pagefind from 'pagefind';

/** Pagefind's ready-made interfaces, which the site does not use (it has its own search page). */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/**
 * One search record per entry of the built glossary index page: the term,
 * its definition and its source. The list of explainers that use the term is
 * left out, so the title of an explainer finds that explainer, not every
 * term it uses; it is cut from the page before it is parsed, as on a large
 * site it is most of the page.
 */
export function glossaryRecords(html: string): pagefind.CustomRecord[] {
  const { document } = parseHTML(html.replace(/<dd class="ex-backlinks">[\s\S]*?<\/dd>/g, ''));
  const language = document.documentElement.getAttribute('lang') ?? 'en';
  return [...document.querySelectorAll('.ex-gloss-entry[id]')].map((entry) => ({
    url: `/glossary/#${entry.id}`,
    language,
    content: [...entry.querySelectorAll('dfn, dd:not(.ex-backlinks)')].map((el) => el.textContent!.replace(/\s+/g, ' ').trim()).join('\n'),
    meta: { title: entry.querySelector('dfn')!.textContent!.trim(), kind: 'Glossary entry' },
  }));
}

/** The built pages Pagefind reads: one level down (explainers) and people's pages. */
const searchableGlob = '{*/index.html,people/*/index.html}';

/** How many records the written index holds, over all languages (Pagefind reads every page, indexes the marked ones). */
function indexedCount(bundle: string): number {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/** Indexes the built site in `out` into `out/pagefind/`; returns what to log. */
async function writeIndex(out: string): Promise<string> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(errors.join('\n'));
    // Only the pages that can hold a searchable body: explainers and people
    // (and the glossary, read below), never the review views a level deeper,
    // which are the largest pages and would only be parsed to be skipped.
    const pages = await index.addDirectory({ path: out, glob: searchableGlob });
    const records = glossaryRecords(readFileSync(join(out, 'glossary/index.html'), 'utf8'));
    for (const record of records) await index.addCustomRecord(record);
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    const problems = [...pages.errors, ...written.errors];
    if (problems.length > 0) throw new Error(problems.join('\n'));
    for (const file of unusedBundleFiles) rmSync(join(out, 'pagefind', file), { force: true });
    return `Search index: ${indexedCount(join(out, 'pagefind')) - records.length} pages and ${records.length} glossary entries`;
  } finally {
    await pagefind.close();
  }
}

/**
 * Pagefind starts as soon as every page is written (`astro:build:generated`)
 * and runs in its own process while the build finishes (the sitemap and
 * Astro's own last steps); `astro:build:done` waits for it and fails the
 * build with its errors.
 */
export function searchIndex(): AstroIntegration {
  let outDir: string | undefined;
  let indexing: Promise<{ message: string } | { error: unknown }> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:generated': () => {
        indexing = writeIndex(outDir!).then(
          (message) => ({ message }),
          (error: unknown) => ({ error }),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // A build that did not go through astro:build:generated (or wrote elsewhere) is indexed here.
        const result = await (indexing && out === outDir ? indexing : writeIndex(out).then((message) => ({ message })));
        indexing = undefined;
        if ('error' in result) throw result.error;
        logger.info(result.message);
      },
    },
  };
}
