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
 *
 * A large site is indexed in parts. Pagefind has no incremental mode: it
 * reads every page again and holds all of them in memory until it writes
 * (1.3 MB a page of the DeepSeek explainer's size, 1.3 GB for 1,000). Past
 * `explainersPerIndex` explainers, the explainers are split by a hash of
 * their slug into indexes of about that many (`pagefind/explainers-<n>/`),
 * made one after the other; the main index (`pagefind/`) holds the people
 * and the glossary, and `pagefind/explainer-indexes.json` lists the others,
 * which the search page merges (Pagefind's `mergeIndex`: one WebAssembly
 * module for all, one more request a search per index). Each index is kept
 * in the cache folder under a hash of what it was made from, so a rebuild
 * after one edit makes again only the index whose pages changed.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import * as pagefind from 'pagefind';
import { codeVersion, hashOf } from '../lib/content/cache.ts';
import { type DeferredIndex, deferredIndexVariable } from './search-index-job.mjs';

/** How many explainers one index holds before they are split (see above): one index for every site of up to this many. */
export const explainersPerIndex = 250;

/** The files of Pagefind's bundle that the search page does not use (it has its own interface). */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** What an index merged into the main one needs: its entry file, metadata, word index, filters and page fragments. */
const mergedIndexFile = /^(pagefind-entry\.json|pagefind\..*\.pf_meta|index|filter|fragment)$/;

/** The file that lists the explainer indexes for the search page, in the main index's folder. */
export const explainerIndexList = 'explainer-indexes.json';

/**
 * Which way the kept indexes were made, part of every index's key: the lock
 * file (Pagefind's version) and the loading code, through `codeVersion`, and
 * this file's own way of making records, by hand.
 */
const indexFormat = () => `${codeVersion()} records 2`;

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

/** 32-bit FNV-1a: a slug's index stays the same as explainers are added, as long as the number of indexes does. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * The explainer indexes of a site with these explainers: for each, its
 * folder under `pagefind/` and its explainers. None for a site of up to
 * `perIndex` explainers, whose main index holds them; past that,
 * ⌈n / perIndex⌉ of them, by a hash of the slug (an index no slug falls
 * into is left out).
 */
export function explainerIndexes(slugs: readonly string[], perIndex: number = explainersPerIndex): { path: string; slugs: string[] }[] {
  if (slugs.length <= perIndex) return [];
  const count = Math.ceil(slugs.length / perIndex);
  const indexes = Array.from({ length: count }, (_, i) => ({ path: `explainers-${i + 1}/`, slugs: [] as string[] }));
  for (const slug of [...slugs].sort()) indexes[hash32(slug) % count]!.slugs.push(slug);
  return indexes.filter((x) => x.slugs.length > 0);
}

/** One index to write: its folder under `pagefind/`, the built pages it reads (paths in `dist/`) and its custom records. */
interface IndexPlan {
  path: string;
  pages: string[];
  records: pagefind.CustomRecord[];
}

/** A folder or file name that can go into a glob as it is. */
const plainName = /^[\w-]+$/;

/**
 * The built pages that carry a searchable body: explainers (one level down,
 * marked as such in their metadata) and the others (people's pages, and any
 * other page one level down that has one), each with a hash of its bytes
 * (read once, for both).
 */
function searchablePages(out: string): { explainers: string[]; others: string[]; digests: Map<string, string> } {
  const digests = new Map<string, string>();
  const explainers: string[] = [];
  const others: string[] = [];
  const folders = (dir: string) =>
    existsSync(join(out, dir))
      ? readdirSync(join(out, dir), { withFileTypes: true })
          .filter((d) => d.isDirectory() && existsSync(join(out, dir, d.name, 'index.html')))
          .map((d) => (dir === '.' ? d.name : `${dir}/${d.name}`))
          .sort()
      : [];
  for (const folder of [...folders('.'), ...folders('people')]) {
    const page = `${folder}/index.html`;
    const bytes = readFileSync(join(out, page));
    if (!bytes.includes('data-pagefind-body')) continue;
    if (!folder.split('/').every((name) => plainName.test(name))) throw new Error(`Search index: the page folder “${folder}” is not a plain slug (letters, digits, - and _).`);
    digests.set(page, hashOf(bytes));
    (!folder.includes('/') && bytes.includes('data-pagefind-meta="kind:Explainer"') ? explainers : others).push(folder);
  }
  return { explainers, others: others.map((folder) => `${folder}/index.html`), digests };
}

/** What an index is made of, as a key: the same pages and records always make the same index. */
function indexKey(plan: IndexPlan, digests: ReadonlyMap<string, string>): string {
  return hashOf(indexFormat(), plan.path, JSON.stringify(plan.records), ...plan.pages.flatMap((page) => [page, digests.get(page)!]));
}

/** Makes one index with Pagefind into `folder`, pages read in the order given. */
async function makeIndex(out: string, plan: IndexPlan, folder: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('\n'));
  const problems: string[] = [];
  if (plan.pages.length > 0) problems.push(...(await index.addDirectory({ path: out, glob: `{${plan.pages.join(',')}}` })).errors);
  for (const record of plan.records) problems.push(...(await index.addCustomRecord(record)).errors);
  problems.push(...(await index.writeFiles({ outputPath: folder })).errors);
  await index.deleteIndex();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const merged = plan.path !== '';
  for (const name of readdirSync(folder)) {
    if (merged ? !mergedIndexFile.test(name) : unusedBundleFiles.includes(name)) rmSync(join(folder, name), { recursive: true, force: true });
  }
}

/** How many records a written index holds, over all languages. */
function indexedCount(folder: string): number {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

export interface IndexOptions {
  /** Where indexes are kept between builds (a folder of Astro's cache); none: every index is made. */
  cacheDir?: string;
  /** How many explainers one index holds before they are split. */
  perIndex?: number;
}

/** Indexes the built site in `out` into `out/pagefind/`; returns what to log. */
export async function writeIndex(out: string, { cacheDir, perIndex = explainersPerIndex }: IndexOptions = {}): Promise<string> {
  const { explainers, others, digests } = searchablePages(out);
  const records = glossaryRecords(readFileSync(join(out, 'glossary/index.html'), 'utf8'));
  const split = explainerIndexes(explainers, perIndex);
  const page = (slug: string) => `${slug}/index.html`;
  // The main index goes first: its folder holds the others.
  const plans: IndexPlan[] = [
    { path: '', pages: split.length > 0 ? others : [...explainers.map(page), ...others], records },
    ...split.map(({ path, slugs }) => ({ path, pages: slugs.map(page), records: [] })),
  ];
  const bundle = join(out, 'pagefind');
  rmSync(bundle, { recursive: true, force: true });
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  let made = 0;
  const used = new Set<string>();
  try {
    for (const plan of plans) {
      const folder = join(bundle, plan.path);
      const key = cacheDir ? indexKey(plan, digests) : undefined;
      const kept = key ? join(cacheDir!, key) : undefined;
      if (kept && existsSync(kept)) {
        cpSync(kept, folder, { recursive: true });
      } else {
        await makeIndex(out, plan, folder);
        made++;
        if (kept) {
          // Copied whole, then renamed: a build that stops half-way leaves no half index under the key.
          const partial = `${kept}.${process.pid}.tmp`;
          cpSync(folder, partial, { recursive: true });
          renameSync(partial, kept);
        }
      }
      if (key) used.add(key);
    }
  } finally {
    await pagefind.close();
  }
  writeFileSync(join(bundle, explainerIndexList), `${JSON.stringify(split.map((x) => x.path))}\n`);
  // Indexes of earlier builds that this one did not use, and halves a stopped build left.
  if (cacheDir) for (const name of readdirSync(cacheDir)) if (!used.has(name)) rmSync(join(cacheDir, name), { recursive: true, force: true });
  const pages = plans.reduce((n, plan) => n + indexedCount(join(bundle, plan.path)), 0) - records.length;
  const parts = plans.length === 1 ? (made ? '' : ', kept from the last build') : `, in ${plans.length} indexes (${made} made, ${plans.length - made} kept from the last build)`;
  return `Search index: ${pages} pages and ${records.length} glossary entries${parts}`;
}

/** The index of a build whose job was left for the command line (`deferredIndexVariable`): logs as the integration would, and returns the exit code. */
export async function runDeferredIndex({ out, cacheDir }: DeferredIndex): Promise<number> {
  const time = () => new Date().toTimeString().slice(0, 8);
  try {
    const message = await writeIndex(out, cacheDir ? { cacheDir } : {});
    console.log(`${time()} [search-index] ${message}`);
    return 0;
  } catch (error) {
    console.error(`${time()} [search-index] The search index could not be made: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/**
 * Pagefind starts as soon as every page is written (`astro:build:generated`)
 * and runs in its own process while the build finishes (the sitemap and
 * Astro's own last steps); `astro:build:done` waits for it and fails the
 * build with its errors. Under `npm run build`, which names a job file in
 * `deferredIndexVariable`, the build only writes the job there, and the
 * command line makes the index once the build's process has ended.
 */
export function searchIndex(): AstroIntegration {
  let outDir: string | undefined;
  let cacheDir: string | undefined;
  let indexing: Promise<{ message: string } | { error: unknown }> | undefined;
  const jobFile = process.env[deferredIndexVariable];
  const run = (out: string) => writeIndex(out, { ...(cacheDir ? { cacheDir } : {}) });
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(new URL('search-index/', config.cacheDir));
      },
      'astro:build:generated': () => {
        if (jobFile) return;
        indexing = run(outDir!).then(
          (message) => ({ message }),
          (error: unknown) => ({ error }),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (jobFile) {
          writeFileSync(jobFile, JSON.stringify({ out, ...(cacheDir ? { cacheDir } : {}) } satisfies DeferredIndex));
          return;
        }
        // A build that did not go through astro:build:generated (or wrote elsewhere) is indexed here.
        const result = await (indexing && out === outDir ? indexing : run(out).then((message) => ({ message })));
        indexing = undefined;
        if ('error' in result) throw result.error;
        logger.info(result.message);
      },
    },
  };
}
