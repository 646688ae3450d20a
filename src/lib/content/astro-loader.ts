/**
 * Astro content loaders over the one project pass in `load-project.ts`.
 *
 * The pass runs once per build (memoized per root and generation) during
 * content sync, which Astro finishes before it renders any page: a content
 * error stops the build before anything is written. In `astro dev`, a change
 * to a seed or content file starts a new generation and every collection
 * reloads from one new pass.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatIssue } from '../errors.ts';
import { loadProject } from './load-project.ts';
import type { Project } from './model.ts';

let generation = 0;
let cached: { root: string; generation: number; project: Project } | undefined;
const watched = new WeakSet<object>();

function project(context: LoaderContext): Project {
  const root = fileURLToPath(context.config.root);
  if (cached?.root === root && cached.generation === generation) return cached.project;
  const result = loadProject({
    root,
    onResidue: (file, line, reason) => context.logger.info(`${file}:${line} left out of the page: ${reason}`),
    onSkippedQuote: (file, line, reason) => context.logger.info(`${file}:${line} ${reason}`),
  });
  for (const w of result.warnings) context.logger.warn(formatIssue(w));
  cached = { root, generation, project: result };
  return result;
}

const isContent = (path: string) => /[\\/](content|seeds)[\\/]/.test(path);

type Part = 'explainers' | 'terms' | 'people';

/** Loads one part of the resolved project into a collection. */
export function projectLoader(part: Part): Loader {
  const fill = (context: LoaderContext) => {
    const items: { id?: string; slug?: string }[] = project(context)[part];
    context.store.clear();
    for (const item of items) {
      const id = (item.slug ?? item.id)!;
      const data = item as unknown as Record<string, unknown>;
      context.store.set({ id, data, digest: context.generateDigest(data) });
    }
  };
  return {
    name: `explainer-project-${part}`,
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
