/**
 * The built DeepSeek page against a stored copy of it, byte for byte: a
 * change to the loading pipeline, the renderer or the content that alters the
 * page shows up here as a diff. A deliberate change to the page is made by
 * replacing the stored copy (tests/fixtures/pages/) with the new build, after
 * looking at the diff, or by listing it in `deliberate` below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, type BuildResult } from '../support/build-site.ts';

const stored = readFileSync(new URL('../fixtures/pages/deepseek-r1.html', import.meta.url), 'utf8');

/** Changes made on purpose since the stored copy was built, applied to it before comparing. */
const deliberate: [RegExp | string, string][] = [];

/** Asset file names carry a content hash, and the inline script is tested in the browser: neither is page content. */
function normalize(html: string): string {
  return html
    .replace(/(\/_astro\/[\w-]+)\.[\w-]{8}\.(css|js)/g, '$1.[hash].$2')
    .replace(/<script type="module">[\s\S]*?<\/script>/g, '<script type="module">[script]</script>');
}

/** The first place two texts differ, with some context, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}:\n  stored: …${a.slice(Math.max(0, i - 80), i + 120)}…\n  built:  …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}

describe('the built DeepSeek page', () => {
  let build: BuildResult;
  beforeAll(() => {
    const root = projectCopy('page-build');
    build = astroBuild(root, join(root, 'dist'));
  }, 300_000);

  it('is the stored copy, byte for byte, apart from the deliberate changes', () => {
    expect(build.status, build.output).toBe(0);
    const built = normalize(readFileSync(join(build.outDir, 'deepseek-r1/index.html'), 'utf8'));
    const expected = normalize(deliberate.reduce((html, [from, to]) => html.replace(from, to), stored));
    if (built !== expected) expect.fail(`The page differs from tests/fixtures/pages/deepseek-r1.html ${firstDifference(expected, built)}`);
  });
});
