/**
 * The Astro side of loading: a thin adapter that runs `loadProject` once per
 * build (memoized per root and generation) during content sync, which Astro
 * finishes before it renders any page, so a content error stops the build
 * before anything is written. In `astro dev`, a change to a seed or content
 * file starts a new generation and every collection reloads from one new pass.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { siteConfig } from '../../config/site.ts';
import { formatMessage, severityOf } from '../messages.ts';
import { loadProject } from './load-project.ts';
import type { Site } from './model.ts';

let generation = 0;
let cached: { root: string; generation: number; site: Site } | undefined;
const watched = new WeakSet<object>();

function site(context: LoaderContext): Site {
  const root = fileURLToPath(context.config.root);
  if (cached?.root === root && cached.generation === generation) return cached.site;
  const result = loadProject({ root, base: context.config.base, imageHosts: siteConfig.imageHosts });
  for (const m of result.messages) {
    if (severityOf(m) === 'warning') context.logger.warn(formatMessage(m));
    else context.logger.info(formatMessage(m));
  }
  cached = { root, generation, site: result };
  return result;
}

const isContent = (path: string) => /[\\/](content|seeds)[\\/]/.test(path);

/** The parts of the site that become collections, each entry keyed by its id. */
const parts = {
  explainers: (s: Site) => s.explainers.map((data) => ({ id: data.slug, data })),
  glossary: (s: Site) => s.glossary.map((data) => ({ id: data.id, data })),
  people: (s: Site) => s.people.map((data) => ({ id: data.id, data })),
} as const;

/** Loads one part of the site into a collection. */
export function siteLoader(part: keyof typeof parts): Loader {
  const fill = (context: LoaderContext) => {
    const entries = parts[part](site(context));
    context.store.clear();
    for (const { id, data } of entries) context.store.set({ id, data, digest: context.generateDigest(data) });
  };
  return {
    name: `explainer-site-${part}`,
    load: async (context) => {
      const { watcher } = context;
      if (watcher) {
        // One listener per watcher starts the new generation, before the
        // collections' own listeners reload from it.
        if (!watched.has(watcher)) {
          watched.add(watcher);
          watcher.on('all', (_event, path) => {
            if (isContent(path)) generation++;
          });
        }
        watcher.add([fileURLToPath(new URL('content/', context.config.root)), fileURLToPath(new URL('seeds/', context.config.root))]);
        watcher.on('all', (_event, path) => {
          if (!isContent(path)) return;
          try {
            fill(context);
          } catch (e) {
            context.logger.error((e as Error).message);
          }
        });
      }
      fill(context);
    },
  };
}
