/**
 * Astro content loaders over the one project pass in `load-project.ts`.
 *
 * The pass runs once per build (memoized per root) during content sync, which
 * Astro finishes before it renders any page: a content error stops the build
 * before anything is written.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { formatIssue } from '../errors.ts';
import { loadProject } from './load-project.ts';
import type { Project } from './model.ts';

let cached: { root: string; project: Project } | undefined;

function project(context: LoaderContext): Project {
  const root = fileURLToPath(context.config.root);
  if (cached?.root === root) return cached.project;
  const result = loadProject({
    root,
    onResidue: (file, line, reason) => context.logger.info(`${file}:${line} left out of the page: ${reason}`),
    onSkippedQuote: (file, line, reason) => context.logger.info(`${file}:${line} ${reason}`),
  });
  for (const w of result.warnings) context.logger.warn(formatIssue(w));
  cached = { root, project: result };
  return result;
}

/** Forget the pass when a seed or content file changes (dev server). */
function watch(context: LoaderContext): void {
  context.watcher?.on('all', (_event, path) => {
    if (/[\\/](content|seeds)[\\/]/.test(path)) cached = undefined;
  });
}

type Part = 'explainers' | 'terms' | 'people';

/** Loads one part of the resolved project into a collection. */
export function projectLoader(part: Part): Loader {
  return {
    name: `explainer-project-${part}`,
    load: async (context) => {
      watch(context);
      const items: { id?: string; slug?: string }[] = project(context)[part];
      context.store.clear();
      for (const item of items) {
        const id = (item.slug ?? item.id)!;
        const data = item as unknown as Record<string, unknown>;
        context.store.set({ id, data, digest: context.generateDigest(data) });
      }
    },
  };
}
