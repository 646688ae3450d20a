import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, type BuildResult } from '../support/build-site.ts';
import { htmlFiles, idsIn, isExternal, pageUrls, rootPaths } from '../support/site-links.ts';

const base = '/pr-preview/pr-7/';
let build: BuildResult;

/** The file a site path is served from, given the build's folder. */
function fileFor(outDir: string, path: string): string | undefined {
  const local = join(outDir, decodeURIComponent(path.slice(base.length)));
  if (path.endsWith('/')) return existsSync(join(local, 'index.html')) ? join(local, 'index.html') : undefined;
  return existsSync(local) ? local : undefined;
}

describe(`a build with --base ${base}, by Astro's own command line (\`astro build\`)`, () => {
  beforeAll(() => {
    const root = projectCopy('base-build');
    build = astroBuild(root, join(root, 'dist'), ['--base', base], {}, 'astro');
  }, 300_000);

  it('succeeds', () => {
    expect(build.status, build.output).toBe(0);
  });

  it('makes the search index in its own last step, before Astro reports the build done', () => {
    const indexed = build.output.search(/\[search-index\] Search index: \d+ pages/);
    const done = build.output.search(/\[build\] \d+ page\(s\) built in/);
    expect(indexed, build.output).toBeGreaterThan(0);
    expect(indexed).toBeLessThan(done);
    expect(existsSync(join(build.outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('names the teaser lines 31–34 as left out, and why', () => {
    for (const line of [31, 32, 33, 34]) {
      expect(build.output).toMatch(new RegExp(`seeds/deepseek-r1\\.txt:${line}\\s+left out of the page: stops mid-sentence`));
    }
    expect(build.output).not.toMatch(/seeds\/deepseek-r1\.txt:30\s+left out/);
  });

  it('resolves every internal link and asset of every page under the prefix', () => {
    const pages = htmlFiles(build.outDir);
    expect(pages.map((p) => relative(build.outDir, p)).sort()).toEqual(
      expect.arrayContaining(['index.html', '404.html', 'deepseek-r1/index.html', 'glossary/index.html']),
    );
    let checked = 0;
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const pageUrl = base + relative(build.outDir, page).replace(/index\.html$/, '');
      expect(rootPaths(html, base), `${relative(build.outDir, page)} points at the domain root`).toEqual([]);
      for (const raw of pageUrls(html)) {
        if (isExternal(raw)) continue;
        const target = new URL(raw, `http://site${pageUrl}`);
        expect(target.pathname, `${relative(build.outDir, page)}: ${raw}`).toMatch(new RegExp(`^${base}`));
        const file = fileFor(build.outDir, target.pathname);
        expect(file, `${relative(build.outDir, page)}: ${raw} has no file`).toBeDefined();
        if (target.hash && file!.endsWith('.html')) {
          const id = decodeURIComponent(target.hash.slice(1));
          expect(idsIn(readFileSync(file!, 'utf8')).has(id), `${relative(build.outDir, page)}: ${raw}: no element with id ${id}`).toBe(true);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('writes valid HTML on every page', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const page of htmlFiles(build.outDir)) {
      const report = await validator.validateString(readFileSync(page, 'utf8'), relative(build.outDir, page));
      for (const r of report.results) {
        for (const m of r.messages) problems.push(`${r.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
