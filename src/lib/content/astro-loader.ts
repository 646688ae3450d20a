/**
 * The Astro side of loading: a thin adapter that runs `loadProject` once per
 * build (memoized per root and generation) during content sync, which Astro
 * finishes before it renders any page.
 *
 * - `astro build`: a content error prints the report (every problem once,
 *   `file:line:column  error  reason`, then the counts) and ends the build with
 *   exit code 1 before anything is written: no stack trace, no Astro hint.
 * - Each explainer's result is kept in Astro's cache folder
 *   (`<cacheDir>/explainers/`), so a rebuild validates and resolves again only
 *   the explainers whose files, or the glossary, people and policy, changed.
 * - `astro dev`: a change to a seed or content file starts a new generation and
 *   every collection reloads from one new pass. A content error is printed
 *   once and shown on every page (the `status` collection, read by the
 *   layout), while the last good content stays; fixing the file clears it.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { siteConfig } from '../../config/site.ts';
import { ContentValidationError, type ContentMessage, formatCounts, formatMessage, formatReport, severityOf } from '../messages.ts';
import { isStrict } from '../strict.ts';
import { FolderCache } from './cache.ts';
import { loadProject } from './load-project.ts';
import { KeptExplainers } from './kept-explainers.ts';
import { explainerEntry, storeExplainer } from './stored-explainer.ts';
import type { Site } from './model.ts';

/** What one loading pass gave: the site, or the messages that stopped it. */
type Pass = { site: Site; failed?: undefined } | { site?: undefined; failed: readonly ContentMessage[] };

/** The content problems the dev server shows on every page. */
export type ContentStatus = { errors: string[]; counts: string };

let generation = 0;
let cached: { root: string; generation: number; pass: Pass; taken: Set<Part> } | undefined;
const watched = new WeakSet<object>();

function pass(context: LoaderContext): Pass {
  const root = fileURLToPath(context.config.root);
  if (cached?.root === root && cached.generation === generation) return cached.pass;
  let result: Pass;
  try {
    const cache = new FolderCache(fileURLToPath(new URL('explainers/', context.config.cacheDir)));
    const site = loadProject({
      root,
      cache,
      base: context.config.base,
      ...(context.config.site ? { site: context.config.site } : {}),
      ...(process.env.BASE_ANNOTATIONS ? { baseExport: process.env.BASE_ANNOTATIONS } : {}),
      imageHosts: siteConfig.imageHosts,
      strict: isStrict(process.env),
    });
    for (const m of site.messages) (severityOf(m) === 'warning' ? context.logger.warn : context.logger.info).call(context.logger, formatMessage(m));
    cache.prune();
    result = { site };
  } catch (e) {
    if (!(e instanceof ContentValidationError)) throw e;
    result = { failed: e.messages.filter((m) => m.fatal !== undefined) };
    if (!context.watcher) {
      // A build: the report is the whole output, then the build ends.
      process.stderr.write(`\n${e.message}`);
      process.exit(1);
    }
    context.logger.error(`\n${formatReport(result.failed)}`);
  }
  cached = { root, generation, pass: result, taken: new Set() };
  return result;
}

/**
 * A build loads once, and every collection takes its part of that one pass:
 * once all have, the pass is dropped, so the pages are rendered without every
 * explainer's resolved data held in memory (it is in the content store and
 * the kept files). The dev server keeps it for the next change.
 */
function taken(context: LoaderContext, part: Part): void {
  if (context.watcher || !cached) return;
  cached.taken.add(part);
  if (cached.taken.size === collectionNames.length) cached = undefined;
}

const isContent = (path: string) => /[\\/](content|seeds)[\\/]/.test(path);

/** The parts of the site that become collections, each entry keyed by its id (explainers are kept apart: see `fillExplainers`). */
const parts = {
  glossary: (s: Site) => s.glossary.map((data) => ({ id: data.id, data })),
  people: (s: Site) => s.people.map((data) => ({ id: data.id, data })),
  reviews: (s: Site) => s.reviews.map((data) => ({ id: data.slug, data })),
} as const;

/**
 * The explainers: each stored explainer is kept in a file of the cache folder
 * (`<cacheDir>/explainer-data/`), and its entry says what listings show and
 * where the file is. The entry's digest is the stored explainer's, so a page
 * is rendered again exactly when what it shows changed. The dev server keeps
 * its files apart from builds', so neither prunes what the other reads.
 */
function fillExplainers(context: LoaderContext, site: Site): void {
  const kept = new KeptExplainers(fileURLToPath(new URL(`explainer-data/${context.watcher ? 'dev' : 'build'}/`, context.config.cacheDir)));
  context.store.clear();
  for (const page of site.explainers) {
    const stored = storeExplainer(page);
    const digest = context.generateDigest(stored);
    context.store.set({ id: page.slug, data: explainerEntry(stored, kept.keep(stored, digest)), digest });
  }
  kept.prune();
}

/** Every collection `src/content.config.ts` makes with `siteLoader`. */
const collectionNames = ['explainers', 'glossary', 'people', 'reviews', 'status'] as const;
type Part = (typeof collectionNames)[number];

/** Loads one part of the site into a collection; `status` holds the current content errors. */
export function siteLoader(part: Part): Loader {
  const fill = (context: LoaderContext) => {
    const current = pass(context);
    if (part === 'status') {
      const data: ContentStatus = { errors: current.failed?.map(formatMessage) ?? [], counts: current.failed ? formatCounts(current.failed) : '' };
      context.store.clear();
      context.store.set({ id: 'current', data, digest: context.generateDigest(data) });
    } else if (current.site) {
      // After an error, keep the last good content until the files are fixed.
      if (part === 'explainers') fillExplainers(context, current.site);
      else {
        context.store.clear();
        for (const { id, data } of parts[part](current.site)) context.store.set({ id, data, digest: context.generateDigest(data) });
      }
    }
    taken(context, part);
  };
  return {
    name: 'explainers',
    load: async (context) => {
      const { watcher } = context;
      if (watcher) {
        watcher.add([fileURLToPath(new URL('content/', context.config.root)), fileURLToPath(new URL('seeds/', context.config.root))]);
        refills.add(() => fill(context));
        if (!watched.has(watcher)) {
          watched.add(watcher);
          watcher.on('all', (_event, path) => {
            if (isContent(path)) scheduleReload();
          });
        }
      }
      fill(context);
    },
  };
}

/** Every collection's refill, run together after a change. */
const refills = new Set<() => void>();
let reloadTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * One saved file can fire several watcher events (an editor writes a
 * temporary file, then renames it): they make one new generation, loaded
 * and reported once, after the events stop.
 */
function scheduleReload(): void {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => {
    generation++;
    for (const refill of refills) refill();
  }, 80);
}
