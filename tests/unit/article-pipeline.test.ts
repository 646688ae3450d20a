/**
 * Each real release of tests/fixtures/articles/ through the loading pipeline
 * in this one process, with only its seed and a minimal explainer (no people
 * file, no term, no claim): it must load without an error, find and attribute
 * at least 95% of the labelled quotations, and read the headline, sub-headings,
 * paragraphs and residue the labels give.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { loadProject } from '../../src/lib/content/load-project.ts';
import type { Site } from '../../src/lib/content/model.ts';
import { type ArticleFixture, articleFixtures, minimalExplainer, minimumShare, scoreQuotes, type ShownQuote } from '../support/article-fixtures.ts';
import { tempDir } from '../support/temp-dir.ts';

const fixtures = articleFixtures();

/** A project holding the fixture's seed and its minimal explainer, and nothing else. */
function load(f: ArticleFixture, seed = f.seed): Site {
  const root = tempDir(`article-${f.name}-`);
  mkdirSync(join(root, 'seeds'));
  mkdirSync(join(root, 'content/explainers'), { recursive: true });
  writeFileSync(join(root, 'seeds', `${f.name}.txt`), seed);
  writeFileSync(join(root, 'content/explainers', `${f.name}.mdx`), minimalExplainer(f));
  return loadProject({ root, buildDate: '2026-11-29' });
}

/** The quotations a page wraps, with the name of the speaker each is given. */
function shownQuotes(site: Site): ShownQuote[] {
  const page = site.explainers[0]!;
  const names = new Map(page.speakers.map((s) => [s.speaker.id, s.speaker.name]));
  return page.annotations.flatMap((a) => {
    if (a.kind !== 'quote') return [];
    const p = page.article.paragraphs.find((x) => a.start >= x.start && a.end <= x.end)!;
    const inner = page.article.text.slice(a.start + 1, page.article.text[a.end - 1]?.match(/[”"]/) ? a.end - 1 : a.end);
    const speaker = names.get(a.payload.speaker);
    return [{ paragraph: p.n, text: inner, ...(speaker ? { speaker } : {}) }];
  });
}

describe.each(fixtures.map((f) => [f.name, f] as const))('%s, with its seed and a minimal explainer only', (_name, f) => {
  const site = load(f);
  const page = site.explainers[0]!;

  it('loads with no error and no people file', () => {
    expect(site.explainers).toHaveLength(1);
    expect(site.people.every((p) => p.file === undefined)).toBe(true);
  });

  it(`wraps and attributes at least ${minimumShare * 100}% of the labelled quotations`, () => {
    const score = scoreQuotes(f.truth, shownQuotes(site));
    expect(score.wrapped / score.truth, score.misses.join('\n')).toBeGreaterThanOrEqual(minimumShare);
    expect(score.right / score.truth, score.misses.join('\n')).toBeGreaterThanOrEqual(minimumShare);
  });

  it('gives every quoted speaker a card with the name, and the role or affiliation the release gives', () => {
    for (const s of f.truth.speakers) {
      const card = page.speakers.find((x) => x.speaker.name === s.name)?.speaker;
      expect(card, s.name).toBeDefined();
      if (s.role !== null || s.affiliation !== null) expect(card!.role ?? card!.affiliation, s.name).toBeDefined();
      expect(card!.describedIn, s.name).toBe('the article');
    }
  });

  it('reads the headline, the dateline, the sub-headings, the paragraphs and the residue as labelled', () => {
    const { article } = page;
    expect(article.headline?.line).toBe(f.truth.headline.line);
    expect(page.source.headline).toBe(f.truth.headline.text);
    expect(article.dateline ? article.text.slice(article.dateline.start, article.dateline.end) : null).toBe(f.truth.dateline);
    expect(article.headings.map((h) => [h.line, h.text])).toEqual(f.truth.headings.map((h) => [h.line, h.text]));
    expect(article.paragraphs.map((p) => p.line)).toEqual(f.truth.paragraphLines);
    expect(article.residue.map((r) => [r.line, r.text])).toEqual(f.truth.residue.map((r) => [r.line, r.text]));
  });
});

describe('a hard-wrapped release without blank lines', () => {
  const f = fixtures.find((x) => x.truth.layout === 'hard-wrapped')!;
  const squeezed = f.seed.replace(/\n\n+/g, '\n');

  it('is joined into the labelled paragraphs and headings, and its quotations are attributed', () => {
    const site = load(f, squeezed);
    const { article } = site.explainers[0]!;
    expect(article.layout.kind).toBe('hard-wrapped');
    expect(article.paragraphs).toHaveLength(f.truth.paragraphs);
    expect(article.headings.map((h) => h.text)).toEqual(f.truth.headings.map((h) => h.text));
    const score = scoreQuotes(f.truth, shownQuotes(site));
    expect(score.right, score.misses.join('\n')).toBe(score.truth);
    expect(site.messages.some((m) => m.ruleId === 'seed-layout' && /looks hard-wrapped at 72 characters/.test(m.reason))).toBe(true);
  });

  it('parses exactly as the unsqueezed text does, paragraph for paragraph', () => {
    const a = parseArticle(squeezed);
    const b = parseArticle(f.seed);
    const text = (x: typeof a) => x.paragraphs.map((p) => x.text.slice(p.start, p.end));
    expect(text(a)).toEqual(text(b));
  });
});
