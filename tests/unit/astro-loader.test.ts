/**
 * The Astro side of loading (`src/lib/content/astro-loader.ts`), driven the
 * way content sync drives it: each collection's loader is called once, with
 * a context of its own. One loading pass fills them all, and a build drops
 * that pass once every collection has taken its part.
 */
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { hashOf } from '../../src/lib/content/cache.ts';
import { siteLoader } from '../../src/lib/content/astro-loader.ts';
import { projectRoot } from '../support/build-site.ts';
import { tempDir } from '../support/temp-dir.ts';

const cacheDir = tempDir('loader-cache-');

/** What one collection's loader was given and wrote: its entries, and what it logged. */
function buildContext(log: string[]) {
  const entries = new Map<string, unknown>();
  const context = {
    config: { root: pathToFileURL(`${projectRoot}/`), cacheDir: pathToFileURL(`${cacheDir}/`), base: '/', site: 'https://example.org' },
    store: {
      clear: () => entries.clear(),
      set: ({ id, data }: { id: string; data: unknown }) => (entries.set(id, data), true),
    },
    generateDigest: (data: unknown) => hashOf(JSON.stringify(data)),
    logger: { info: (m: string) => log.push(m), warn: (m: string) => log.push(m), error: (m: string) => log.push(m) },
    watcher: undefined,
  };
  return { context: context as unknown as LoaderContext, entries };
}

describe('the content loader in a build', () => {
  const log: string[] = [];
  const loaded = async (name: Parameters<typeof siteLoader>[0]) => {
    const { context, entries } = buildContext(log);
    await siteLoader(name).load(context);
    return entries;
  };
  /** The DeepSeek explainer's report of its sources, which each loading pass logs once. */
  const passes = () => log.filter((m) => m.startsWith('content/explainers/deepseek-r1.mdx') && m.includes('Sources:')).length;

  it('loads the project once for all five collections, then lets the pass go', async () => {
    const explainers = await loaded('explainers');
    expect([...explainers.keys()]).toContain('deepseek-r1');
    expect([...(await loaded('glossary')).keys()]).toContain('export-controls');
    expect([...(await loaded('people')).keys()]).toContain('liang-wenfeng');
    expect([...(await loaded('reviews')).keys()]).toContain('deepseek-r1');
    expect((await loaded('status')).get('current')).toEqual({ errors: [], counts: '' });
    expect(passes()).toBe(1);
    // Every collection has its part: a loader called again (which a build does not do) loads anew
    // rather than from a pass kept in memory for the rest of the build.
    await loaded('glossary');
    expect(passes()).toBe(2);
  }, 60_000);
});
