/**
 * Each explainer's validated and resolved result is kept between builds, keyed
 * by everything it depends on: a rebuild gives the same site and the same
 * messages as a build from nothing, and redoes only the explainers an edit
 * touched.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ContentCache, FolderCache } from '../../src/lib/content/cache.ts';
import { loadProject } from '../../src/lib/content/load-project.ts';
import { ContentValidationError } from '../../src/lib/messages.ts';
import { projectRoot } from '../support/build-site.ts';
import { tempDir } from '../support/temp-dir.ts';

const buildDate = '2026-11-29';
let root: string;
let cacheDir: string;

/** A cache that counts what it was asked for and what it had. */
function counting(inner: ContentCache) {
  const counts = { hits: 0, misses: 0, writes: 0 };
  const cache: ContentCache = {
    get: <T>(key: string) => {
      const value = inner.get<T>(key);
      counts[value === undefined ? 'misses' : 'hits']++;
      return value;
    },
    set: (key, value) => {
      counts.writes++;
      inner.set(key, value);
    },
  };
  return { cache, counts };
}

function load() {
  const folder = new FolderCache(cacheDir);
  const { cache, counts } = counting(folder);
  const site = loadProject({ root, buildDate, cache });
  folder.prune();
  return { site, counts };
}

const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(join(root, path), 'utf8');
  expect(text).toContain(from);
  writeFileSync(join(root, path), text.replace(from, to));
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'content-cache-'));
  for (const part of ['content', 'seeds']) cpSync(join(projectRoot, part), join(root, part), { recursive: true });
  cacheDir = join(root, '.cache/explainers');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the explainer cache', () => {
  it('gives the same site and messages as a load without a cache, from the second load on', () => {
    const explainers = readdirSync(join(root, 'content/explainers')).length;
    const fresh = loadProject({ root, buildDate });
    const first = load();
    expect(first.counts).toEqual({ hits: 0, misses: explainers, writes: explainers });
    const second = load();
    expect(second.counts).toEqual({ hits: explainers, misses: 0, writes: 0 });
    expect(second.site).toEqual(fresh);
    expect(first.site).toEqual(fresh);
  });

  it('redoes only the explainer whose claim changed, and shows the change', () => {
    load();
    edit('content/claims/deepseek-r1/andreessen-sputnik-moment.md', 'the first satellite, which', 'the first artificial satellite, which');
    const { site, counts } = load();
    expect(counts).toMatchObject({ hits: 1, misses: 1, writes: 1 });
    const page = site.explainers.find((e) => e.slug === 'deepseek-r1')!;
    expect(page.claims.some((c) => c.noteText.includes('first artificial satellite'))).toBe(true);
    expect(site).toEqual(loadProject({ root, buildDate }));
  });

  it('redoes every explainer when a glossary entry, the source policy or the build date changes', () => {
    load();
    const definition = readdirSync(join(root, 'content/glossary'))[0]!;
    writeFileSync(join(root, 'content/glossary', definition), `${readFileSync(join(root, 'content/glossary', definition), 'utf8')}\nOne more sentence.\n`);
    expect(load().counts.hits).toBe(0);
    writeFileSync(join(root, 'content/source-policy.yaml'), `${readFileSync(join(root, 'content/source-policy.yaml'), 'utf8')}\n# a comment\n`);
    expect(load().counts.hits).toBe(0);
    const { cache, counts } = counting(new FolderCache(cacheDir));
    loadProject({ root, buildDate: '2026-11-30', cache });
    expect(counts.hits).toBe(0);
  });

  it('never keeps a result with an error, and reports it again on the next load', () => {
    edit('content/claims/deepseek-r1/andreessen-sputnik-moment.md', 'status:', 'status: nonsense\nformer_status:');
    const explainers = readdirSync(join(root, 'content/explainers')).length;
    for (let i = 0; i < 2; i++) {
      const { cache, counts } = counting(new FolderCache(cacheDir));
      expect(() => loadProject({ root, buildDate, cache })).toThrow(/andreessen-sputnik-moment\.md:4:\d+ +error/);
      // Only the other explainers' results are kept; the broken one is checked again each time.
      expect(readdirSync(cacheDir)).toHaveLength(explainers - 1);
      expect(counts.misses).toBe(i === 0 ? explainers : 1);
    }
  });

  it('reports a claim whose front matter does not parse on every load, whether the explainer was kept before or not', () => {
    load();
    const claim = 'content/claims/deepseek-r1/andreessen-sputnik-moment.md';
    writeFileSync(join(root, claim), readFileSync(join(root, claim), 'utf8').replace(/^---\n/, ''));
    for (let i = 0; i < 2; i++) {
      const { cache, counts } = counting(new FolderCache(cacheDir));
      expect(() => loadProject({ root, buildDate, cache })).toThrow(/andreessen-sputnik-moment\.md:1:1 +error +Expected the file to start with a front matter block/);
      expect(counts).toMatchObject({ misses: 1, writes: 0 });
    }
  });

  it('reports a claim that does not parse in a folder of no explainer, and the folder', () => {
    mkdirSync(join(root, 'content/claims/no-such-explainer'));
    writeFileSync(join(root, 'content/claims/no-such-explainer/x.md'), 'no front matter\n');
    let thrown: unknown;
    try {
      loadProject({ root, buildDate, cache: new FolderCache(cacheDir) });
    } catch (e) {
      thrown = e;
    }
    const rules = (thrown as ContentValidationError).messages.filter((m) => m.fatal).map((m) => `${m.file} ${m.ruleId}`);
    expect(rules.sort()).toEqual(['content/claims/no-such-explainer claims-folder', 'content/claims/no-such-explainer/x.md front-matter-missing']);
  });

  it('reads a seed that became a link to a file outside the project, and refuses it, though its text is the same', () => {
    load();
    const outside = join(tempDir('outside-'), 'deepseek-r1.txt');
    cpSync(join(root, 'seeds/deepseek-r1.txt'), outside);
    rmSync(join(root, 'seeds/deepseek-r1.txt'));
    symlinkSync(outside, join(root, 'seeds/deepseek-r1.txt'));
    let thrown: unknown;
    try {
      loadProject({ root, buildDate, cache: new FolderCache(cacheDir) });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ContentValidationError);
    expect((thrown as ContentValidationError).messages.some((m) => m.fatal && m.file === 'seeds/deepseek-r1.txt')).toBe(true);
  });

  it('drops the entries no load used any more', () => {
    load();
    const before = readdirSync(cacheDir).length;
    edit('content/claims/deepseek-r1/andreessen-sputnik-moment.md', 'the first satellite, which', 'the first artificial satellite, which');
    load();
    expect(readdirSync(cacheDir).length).toBe(before);
    expect(existsSync(cacheDir)).toBe(true);
  });
});
