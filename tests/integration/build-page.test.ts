/**
 * The built DeepSeek page against a stored copy of it, byte for byte: a
 * change to the loading pipeline, the renderer or the content that alters the
 * page shows up here as a diff. A deliberate change to the page is made by
 * replacing the stored copy (tests/fixtures/pages/) with the new build, after
 * looking at the diff, or by listing it in `deliberate` below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, type BuildResult } from '../support/build-site.ts';
import { checkCollection } from '../support/web-annotation-model.ts';

const stored = readFileSync(new URL('../fixtures/pages/deepseek-r1.html', import.meta.url), 'utf8');

/** Changes made on purpose since the stored copy was built, applied to it before comparing. */
const deliberate: [RegExp | string, string][] = [];

/** Asset file names and the CSP carry content hashes, and the scripts and the inline stylesheet are tested in the browser: none is page content. */
function normalize(html: string): string {
  return html
    .replace(/(\/_astro\/[\w.-]+?)\.[\w-]{8}\.(css|js)/g, '$1.[hash].$2')
    .replace(/'sha(256|384|512)-[A-Za-z0-9+/=]+'/g, "'sha$1-[hash]'")
    .replace(/<script type="module">[\s\S]*?<\/script>/g, '<script type="module">[script]</script>')
    .replace(/<style>[\s\S]*?<\/style>/g, '<style>[stylesheet]</style>');
}

/** The first place two texts differ, with some context, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}:\n  stored: …${a.slice(Math.max(0, i - 80), i + 120)}…\n  built:  …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}

describe('the built DeepSeek page', () => {
  let build: BuildResult;
  let root: string;
  beforeAll(() => {
    root = projectCopy('page-build');
    build = astroBuild(root, join(root, 'dist'));
  }, 300_000);

  it('is the stored copy, byte for byte, apart from the deliberate changes', () => {
    expect(build.status, build.output).toBe(0);
    const built = normalize(readFileSync(join(build.outDir, 'deepseek-r1/index.html'), 'utf8'));
    const expected = normalize(deliberate.reduce((html, [from, to]) => html.replace(from, to), stored));
    if (built !== expected) expect.fail(`The page differs from tests/fixtures/pages/deepseek-r1.html ${firstDifference(expected, built)}`);
  });

  it('is made from a content store that holds no article, note or annotation: those are kept in files apart', () => {
    const store = readFileSync(join(root, '.cache/data-store.json'), 'utf8');
    const article = readFileSync(join(root, 'seeds/deepseek-r1.txt'), 'utf8');
    const sentence = article.split('\n')[5]!.slice(0, 80);
    expect(sentence.length).toBe(80);
    expect(readFileSync(join(build.outDir, 'deepseek-r1/article.txt'), 'utf8')).toContain(sentence);
    expect(store).not.toContain(sentence);
    expect(store).not.toContain('"annotations"');
    const kept = readdirSync(join(root, '.cache/explainer-data/build'));
    expect(kept.filter((f) => f.startsWith('deepseek-r1-'))).toHaveLength(1);
  });

  it('publishes the W3C export next to it, meeting the model, with the article text its selectors apply to', () => {
    const collection = JSON.parse(readFileSync(join(build.outDir, 'deepseek-r1/annotations.json'), 'utf8'));
    expect(checkCollection(collection)).toEqual([]);
    const text = readFileSync(join(build.outDir, 'deepseek-r1/article.txt'), 'utf8');
    const points = [...text];
    for (const a of collection.first.items) {
      const [quote, position] = a.target.selector;
      expect(points.slice(position.start, position.end).join(''), a.id).toBe(quote.exact);
    }
  });
});
