import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ArticleParseError,
  decodeSeed,
  paragraphAt,
  paragraphText,
  parseArticle,
} from '../../src/lib/article/parse-article.ts';
import { articleToMdast } from '../../src/lib/article/article-to-mdast.ts';
import { lineLocator } from '../../src/lib/text/positions.ts';
import { renderArticle } from '../support/render-article.ts';

const seedBytes = readFileSync(new URL('../../seeds/deepseek-r1.txt', import.meta.url));
const seed = seedBytes.toString('utf8');
const seedLines = seed.split('\n');

describe('parseArticle on the DeepSeek seed', () => {
  const article = parseArticle(seed);

  it('makes one paragraph per line for the 30 article lines', () => {
    expect(article.paragraphs).toHaveLength(30);
    article.paragraphs.forEach((p, i) => {
      expect(p.n).toBe(i + 1);
      expect(p.line).toBe(i + 1);
      expect(paragraphText(article, p)).toBe(seedLines[i]!.trim());
    });
  });

  it('leaves out the four truncated teaser lines and says why', () => {
    expect(article.residue.map((r) => r.line)).toEqual([31, 32, 33, 34]);
    expect(article.residue[0]!.text).toBe(seedLines[30]);
    expect(article.residue[0]!.reason).toMatchInlineSnapshot(
      `"stops mid-sentence (ends with “headlined by”), after the article's last complete paragraph"`,
    );
  });

  it('recognizes the dateline', () => {
    expect(article.dateline).toBeDefined();
    expect(article.text.slice(article.dateline!.start, article.dateline!.end)).toBe('HONG KONG —');
  });

  it('finds the paragraph of an offset', () => {
    const p15 = article.paragraphs[14]!;
    const offset = article.text.indexOf('less than $6 million');
    expect(paragraphAt(article, offset)).toBe(p15);
    expect(paragraphAt(article, article.text.length - 2)).toBeUndefined();
  });

  it('keeps the seed bytes: decoding is lossless', () => {
    expect(decodeSeed(seedBytes)).toBe(seed);
  });
});

describe('parseArticle', () => {
  it('normalizes CRLF, lone CR and a byte-order mark once', () => {
    const a = parseArticle('\uFEFFOne.\r\nTwo.\rThree.');
    expect(a.text).toBe('One.\nTwo.\nThree.');
    expect(a.paragraphs.map((p) => paragraphText(a, p))).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('joins hard-wrapped lines when paragraphs are separated by blank lines', () => {
    const a = parseArticle('First line\nstill first.\n\nSecond\nparagraph here.\n');
    expect(a.paragraphs.map((p) => paragraphText(a, p))).toEqual(['First line still first.', 'Second paragraph here.']);
    expect(a.paragraphs.map((p) => p.line)).toEqual([1, 4]);
    // One character for one: offsets still point at the same places in the seed.
    expect(a.text.length).toBe('First line\nstill first.\n\nSecond\nparagraph here.\n'.length);
  });

  it('ends the article where the explainer says', () => {
    const a = parseArticle('One.\nTwo.\nThree.', { endsAtLine: 2 });
    expect(a.paragraphs).toHaveLength(2);
    expect(a.residue).toEqual([{ line: 3, text: 'Three.', reason: 'after line 2, where the explainer says the article ends' }]);
  });

  it('keeps unfinished trailing lines when asked to', () => {
    const a = parseArticle('One.\nTwo and', { keepResidue: true });
    expect(a.paragraphs).toHaveLength(2);
    expect(a.residue).toEqual([]);
  });

  it('counts a paragraph ending in a closing quotation mark as complete', () => {
    const a = parseArticle('He said “yes.”\nShe said “no”\nThe end of');
    expect(a.paragraphs).toHaveLength(2);
    expect(a.residue.map((r) => r.line)).toEqual([3]);
  });

  it('refuses an empty or whitespace-only seed', () => {
    expect(() => parseArticle('')).toThrow(ArticleParseError);
    expect(() => parseArticle(' \n\t\r\n ')).toThrow(/empty or whitespace-only seed/);
  });

  it('refuses bytes that are not UTF-8 and names the line', () => {
    const bytes = new Uint8Array([...Buffer.from('Fine line.\nBad '), 0xff, 0x41]);
    let error: unknown;
    try {
      decodeSeed(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArticleParseError);
    expect((error as ArticleParseError).message).toBe('Expected UTF-8 text, found a byte sequence that is not valid UTF-8 at byte 15.');
    expect((error as ArticleParseError).line).toBe(2);
  });

  it.each([
    ['NEW YORK (AP) — Stocks fell.', 'NEW YORK (AP) —'],
    ['WASHINGTON – The rule.', 'WASHINGTON –'],
    ['ST. LOUIS — A story.', 'ST. LOUIS —'],
  ])('recognizes the dateline in %j', (text, dateline) => {
    const a = parseArticle(text);
    expect(a.text.slice(a.dateline!.start, a.dateline!.end)).toBe(dateline);
  });

  it.each([['New York CNN — mixed case is not a dateline.'], ['The U.S. — and others — said so.']])('finds no dateline in %j', (text) => {
    expect(parseArticle(text).dateline).toBeUndefined();
  });

  it('reports lines that look like HTML but keeps them as text', () => {
    const a = parseArticle('Plain line.\nA <b>bold</b> claim &amp; more.');
    expect(a.markup.map((m) => m.line)).toEqual([2]);
  });
});

describe('the article is never read as Markdown or HTML', () => {
  it('renders script tags, emphasis, headings and list markers as literal text', () => {
    const line = '<script>alert(1)</script> **bold** _under_ # heading';
    const { html } = renderArticle(`${line}\n1. not a list\n> not a quote`, []);
    expect(html).toBe(
      '<p id="p-1">&#x3C;script>alert(1)&#x3C;/script> **bold** _under_ # heading</p>\n' +
        '<p id="p-2">1. not a list</p>\n' +
        '<p id="p-3">> not a quote</p>',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<strong');
    expect(html).not.toContain('<h1');
  });
});

describe('lineLocator', () => {
  it('gives 1-based lines and columns, also at line starts and ends', () => {
    const locate = lineLocator('ab\ncd\n\nef');
    expect([0, 1, 2, 3, 5, 6, 7, 8].map((o) => locate(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});

describe('articleToMdast', () => {
  it('points each paragraph at its own seed line, also when lines were hard-wrapped and joined', () => {
    const text = 'First paragraph,\nwrapped here.\n\nSecond one,\nalso wrapped,\nthree lines.\n\nThird.';
    const tree = articleToMdast(parseArticle(text));
    const starts = tree.children.map((p) => p.position?.start);
    expect(starts.map((s) => s?.line)).toEqual([1, 4, 8]);
    expect(starts.map((s) => s?.column)).toEqual([1, 1, 1]);
    // The second paragraph ends on its third line, after "three lines.".
    expect(tree.children[1]!.position?.end).toMatchObject({ line: 6, column: 13 });
  });
});
