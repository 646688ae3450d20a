/**
 * The real releases of tests/fixtures/articles/, each with only its seed and a
 * minimal explainer, built together by the real `astro build` in one project
 * copy with no other content: every page is written, and on the built HTML the
 * quotations (`data-speaker` elements) and the speaker cards meet the same
 * recall and accuracy as in the pipeline, with the labelled paragraphs,
 * sub-headings and headline.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFixtures, minimalExplainer, minimumShare, quotesInPage, scoreQuotes, textOfHtml } from '../support/article-fixtures.ts';
import { astroBuild, type BuildResult, projectCopy } from '../support/build-site.ts';

const fixtures = articleFixtures();

describe('the article fixtures, built with no people file', () => {
  let build: BuildResult;
  beforeAll(() => {
    const root = projectCopy('article-fixtures', {}, { content: 'none' });
    mkdirSync(join(root, 'seeds'));
    mkdirSync(join(root, 'content/explainers'), { recursive: true });
    for (const f of fixtures) {
      writeFileSync(join(root, 'seeds', `${f.name}.txt`), f.seed);
      writeFileSync(join(root, 'content/explainers', `${f.name}.mdx`), minimalExplainer(f));
    }
    build = astroBuild(root, join(root, 'dist'));
  }, 300_000);

  it('builds every page', () => {
    expect(build.status, build.output).toBe(0);
  });

  describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (name, f) => {
    const page = () => readFileSync(join(build.outDir, name, 'index.html'), 'utf8');

    it(`wraps and attributes at least ${minimumShare * 100}% of the labelled quotations on the page`, () => {
      const score = scoreQuotes(f.truth, quotesInPage(page()));
      expect(score.wrapped / score.truth, score.misses.join('\n')).toBeGreaterThanOrEqual(minimumShare);
      expect(score.right / score.truth, score.misses.join('\n')).toBeGreaterThanOrEqual(minimumShare);
    });

    it('numbers the body paragraphs from 1, shows the sub-headings as headings with ids and the headline with the source', () => {
      const html = page();
      const article = /<article class="ex-article"[^>]*>([\s\S]*?)<\/article>/.exec(html)![1]!;
      const numbers = [...article.matchAll(/<p id="p-(\d+)">/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual(Array.from({ length: f.truth.paragraphs }, (_, i) => i + 1));
      expect([...article.matchAll(/<h2 id="(section--[a-z0-9-]+)">([^<]*)<\/h2>/g)].map((m) => textOfHtml(m[2]!))).toEqual(f.truth.headings.map((h) => h.text));
      expect(textOfHtml(/<cite class="ex-source-headline">([\s\S]*?)<\/cite>/.exec(html)?.[1] ?? '')).toBe(`“${f.truth.headline.text}”`);
      const paragraphs = new Set([...article.matchAll(/<p id="p-\d+">([\s\S]*?)<\/p>/g)].map((m) => textOfHtml(m[1]!)));
      for (const r of f.truth.residue) expect(paragraphs.has(r.text), r.text).toBe(false);
      expect(paragraphs.size).toBe(f.truth.paragraphs);
    });

    it('gives every quoted speaker a card with the name and “as described in the article”, and a page of their own', () => {
      const html = page();
      for (const s of f.truth.speakers) {
        expect(html, s.name).toContain(`>${s.name}</h3>`);
      }
      expect(html).toContain('(as described in the article)');
      const ids = [...html.matchAll(/<article class="ex-card" id="speaker-([^"]+)"/g)].map((m) => m[1]!);
      for (const id of ids) expect(readFileSync(join(build.outDir, 'people', id, 'index.html'), 'utf8')).toContain('ex-card-quotes');
    });
  });
});
