// @ts-check
/**
 * How `npm run build` (src/cli/astro.mjs) has the search index made after
 * Astro's process has ended: it names a file in this environment variable,
 * and the search integration writes there what to index instead of indexing.
 * Plain JavaScript, apart from the integration, so that the command line
 * reads it without loading the indexer or a TypeScript loader.
 */
export const deferredIndexVariable = 'EXPLAINERS_SEARCH_INDEX_JOB';

/**
 * What the build leaves for the command line: the site to index, and the
 * folder that keeps indexes between builds.
 * @typedef {{ out: string, cacheDir?: string }} DeferredIndex
 */
