/**
 * The search index as the build writes it (`writeIndex` in
 * src/integrations/search-index.ts), on a small built site made here: the
 * explainers split into indexes past a given number, and each index kept
 * between builds under a hash of what it was made from.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { explainerIndexes, explainerIndexList, runDeferredIndex, writeIndex } from '../../src/integrations/search-index.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('explainerIndexes: which index each explainer goes into', () => {
  const slugs = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `explainer-${String(i + from).padStart(4, '0')}`);

  it('keeps every explainer in the main index up to the limit', () => {
    expect(explainerIndexes(slugs(250), 250)).toEqual([]);
    expect(explainerIndexes([], 1)).toEqual([]);
  });

  it('past it, splits them into indexes of about the limit, each explainer in one', () => {
    const indexes = explainerIndexes(slugs(1000), 250);
    expect(indexes.map((x) => x.path)).toEqual(['explainers-1/', 'explainers-2/', 'explainers-3/', 'explainers-4/']);
    for (const x of indexes) expect(x.slugs.length).toBeGreaterThan(200), expect(x.slugs.length).toBeLessThan(300);
    expect(indexes.flatMap((x) => x.slugs).sort()).toEqual(slugs(1000));
  });

  it('leaves each explainer where it was when one is added, as long as the number of indexes stays', () => {
    const before = explainerIndexes(slugs(999), 250);
    const after = explainerIndexes([...slugs(999), 'a-new-one'], 250);
    expect(after).toHaveLength(before.length);
    for (const [i, x] of before.entries()) expect(after[i]!.slugs.filter((s) => s !== 'a-new-one')).toEqual(x.slugs);
  });
});

const html = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><header>Site</header><main data-pagefind-body>${body}</main></body></html>`;

/** A built site: four explainers, a person, the glossary with one entry, and a page with nothing to index. */
function builtSite(): string {
  const out = tempDir('search-site-');
  const write = (path: string, text: string) => {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), text);
  };
  for (const [slug, word] of [['alpha', 'quince'], ['beta', 'medlar'], ['gamma', 'loquat'], ['delta', 'sorb']]) {
    write(`${slug}/index.html`, html(`<h1 data-pagefind-meta="kind:Explainer">Explainer ${slug}</h1><p>An orchard of ${word} trees.</p>`));
  }
  write('people/ada/index.html', html('<h1>Ada</h1><p>Quoted on the orchard.</p>'));
  write('search/index.html', '<!doctype html><html lang="en"><body><main><h1>Search</h1></main></body></html>');
  write(
    'glossary/index.html',
    '<!doctype html><html lang="en"><body><dl><div class="ex-gloss-entry" id="term-orchard"><dt><dfn>Orchard</dfn></dt><dd><p>Fruit trees.</p></dd></div></dl></body></html>',
  );
  return out;
}

/** Every file of the written index, by path, as a hash of its bytes. */
function files(out: string): Record<string, string> {
  const bundle = join(out, 'pagefind');
  const all: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name);
      if (d.isDirectory()) walk(path);
      else all[relative(bundle, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(bundle);
  return all;
}

describe('writeIndex: the site split into indexes, and kept between builds', () => {
  it('makes the main index and the explainer indexes, lists them for the search page, and makes again only what changed', async () => {
    const out = builtSite();
    const cacheDir = join(tempDir('search-cache-'), 'search-index');
    const split = explainerIndexes(['alpha', 'beta', 'gamma', 'delta'], 1);
    expect(split.length).toBeGreaterThan(1);
    const total = split.length + 1;

    expect(await writeIndex(out, { cacheDir, perIndex: 1 })).toBe(`Search index: 5 pages and 1 glossary entries, in ${total} indexes (${total} made, 0 kept from the last build)`);
    expect(JSON.parse(readFileSync(join(out, 'pagefind', explainerIndexList), 'utf8'))).toEqual(split.map((x) => x.path));
    const first = files(out);
    // The main index has Pagefind's script and WebAssembly; a merged index has only its data.
    expect(Object.keys(first)).toContain('pagefind.js');
    for (const { path } of split) {
      expect(Object.keys(first).filter((f) => f.startsWith(path) && !/^(pagefind-entry\.json|pagefind\.en_\w+\.pf_meta|(index|fragment|filter)\/.*)$/.test(f.slice(path.length)))).toEqual([]);
      expect(first[`${path}pagefind-entry.json`]).toBeDefined();
    }

    // Nothing changed: every index is the kept one, the same bytes.
    expect(await writeIndex(out, { cacheDir, perIndex: 1 })).toContain(`(0 made, ${total} kept from the last build)`);
    expect(files(out)).toEqual(first);

    // One explainer changed: its index alone is made again, and the result is what a build without kept indexes writes.
    writeFileSync(join(out, 'beta/index.html'), html(`<h1 data-pagefind-meta="kind:Explainer">Explainer beta</h1><p>An orchard of medlar and rowan trees.</p>`));
    expect(await writeIndex(out, { cacheDir, perIndex: 1 })).toContain(`(1 made, ${total - 1} kept from the last build)`);
    const third = files(out);
    const changed = Object.keys(third).filter((f) => third[f] !== first[f] || !(f in first));
    const betaIndex = split.find((x) => x.slugs.includes('beta'))!.path;
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((f) => !f.startsWith(betaIndex))).toEqual([]);
    const fresh = tempDir('search-fresh-');
    cpSync(out, fresh, { recursive: true });
    await writeIndex(fresh, { perIndex: 1 });
    expect(files(fresh)).toEqual(third);
    // The cache holds the indexes of the last build and nothing else.
    expect(readdirSync(cacheDir)).toHaveLength(total);
  }, 60_000);

  it('keeps every explainer in the main index of a small site, and lists no others', async () => {
    const out = builtSite();
    expect(await writeIndex(out)).toBe('Search index: 5 pages and 1 glossary entries');
    expect(readFileSync(join(out, 'pagefind', explainerIndexList), 'utf8')).toBe('[]\n');
    expect(existsSync(join(out, 'pagefind/explainers-1'))).toBe(false);
  }, 30_000);
});

describe('runDeferredIndex: the index `npm run build` makes once the build has ended', () => {
  it('makes the index of the folder the build named, and logs it as the integration does', async () => {
    const out = builtSite();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runDeferredIndex({ out })).toBe(0);
      expect(log.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d \[search-index\] Search index: 5 pages and 1 glossary entries$/)]);
    } finally {
      log.mockRestore();
    }
    expect(existsSync(join(out, 'pagefind/pagefind-entry.json'))).toBe(true);
  }, 30_000);

  it('says in one line why it could not, and returns exit code 1', async () => {
    const out = join(tempDir('search-missing-'), 'dist');
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await runDeferredIndex({ out })).toBe(1);
      const lines = error.mock.calls.map((c) => String(c[0]));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/\[search-index\] The search index could not be made: .*ENOENT/);
      expect(lines[0]).not.toContain('\n');
    } finally {
      error.mockRestore();
    }
  });
});
