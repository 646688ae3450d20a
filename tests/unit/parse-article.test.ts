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
    // Ends with a full stop, so the first line is a paragraph rather than a headline.
    const line = '<script>alert(1)</script> **bold** _under_ # heading.';
    const { html } = renderArticle(`${line}\n1. not a list\n> not a quote`, []);
    expect(html).toBe(
      '<p id="p-1">&#x3C;script>alert(1)&#x3C;/script> **bold** _under_ # heading.</p>\n' +
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

describe('the structure of an article', () => {
  const release = [
    'Agency opens new field office in Denver',
    '',
    'DENVER — The agency today opened a field office in Denver.',
    '',
    '“We are glad to be here,” said Director Jane Doe.',
    '',
    'What the office does',
    '',
    'The office will process permits for the region.',
    '',
    'For more information, visit:',
    'https://www.example.gov/denver',
    '',
    'News Media Contacts',
    'John Roe, 202-555-0100',
    'john.roe@example.gov',
    '',
    '-end-',
  ].join('\n');

  it('reads a first line that ends without a full stop as the headline, not paragraph 1', () => {
    const a = parseArticle(release);
    expect(a.headline).toMatchObject({ line: 1, text: 'Agency opens new field office in Denver' });
    expect(a.paragraphs[0]).toMatchObject({ n: 1, line: 3 });
    expect(a.text.slice(a.dateline!.start, a.dateline!.end)).toBe('DENVER —');
  });

  it('keeps the first line as paragraph 1 when told to', () => {
    const a = parseArticle(release, { headline: false });
    expect(a.headline).toBeUndefined();
    expect(a.paragraphs[0]).toMatchObject({ n: 1, line: 1 });
    expect(a.dateline).toBeUndefined();
  });

  it('never reads a first line that ends a sentence as a headline', () => {
    expect(parseArticle(seed).headline).toBeUndefined();
    expect(parseArticle('One line here.\nAnother one.').headline).toBeUndefined();
  });

  it('reads a short line without end punctuation between paragraphs as a sub-heading with an id, and numbers body paragraphs only', () => {
    const a = parseArticle(release);
    expect(a.headings).toEqual([{ line: 7, start: a.text.indexOf('What the'), end: a.text.indexOf('What the') + 20, text: 'What the office does', before: 3, id: 'section--what-the-office-does' }]);
    expect(a.paragraphs.map((p) => [p.n, p.line])).toEqual([
      [1, 3],
      [2, 5],
      [3, 9],
    ]);
    const { html } = renderArticle(release, []);
    expect(html).toContain('<p id="p-2">“We are glad to be here,” said Director Jane Doe.</p>\n<h2 id="section--what-the-office-does">What the office does</h2>\n<p id="p-3">');
  });

  it('does not read a run of short lines (a list) or a short question as sub-headings', () => {
    const a = parseArticle('Intro paragraph.\nThe rule covers:\nBonding\nRoyalty rates\nMinimum bids\nSo what changed?\nThe end of it.');
    expect(a.headings).toEqual([]);
    expect(a.paragraphs).toHaveLength(7);
  });

  it('leaves out a trailing contact block, "for more information" lines, bare URLs and an end marker, saying why', () => {
    const a = parseArticle(release);
    expect(a.residue.map((r) => [r.line, r.reason])).toEqual([
      [11, 'a pointer elsewhere (“For more information, visit:”)'],
      [12, 'a bare web address'],
      [14, 'a pointer elsewhere (“News Media Contacts”)'],
      [15, 'contact details (a telephone number)'],
      [16, 'contact details (an e-mail address)'],
      [18, 'an end marker (“-end-”): the article ends here'],
    ]);
  });

  it('leaves out everything after an end marker, a footnote included', () => {
    const a = parseArticle('WASHINGTON – The budget rose.*\n\nIt was approved.\n\n# # #\n\n*The figure includes a carryover.');
    expect(a.paragraphs).toHaveLength(2);
    expect(a.residue.map((r) => [r.line, r.reason])).toEqual([
      [5, 'an end marker (“# # #”): the article ends here'],
      [7, 'after the end marker “# # #” on line 5'],
    ]);
  });

  it('lists each line of a trailing block of fields as its own residue line', () => {
    const a = parseArticle('The rule is final.\n\nIt takes effect soon.\n\nFiscal Year:\n2024\n\nContact:\nName:\nInterior Press');
    expect(a.paragraphs).toHaveLength(2);
    expect(a.residue.map((r) => r.line)).toEqual([5, 6, 8, 9, 10]);
    expect(a.residue[0]?.reason).toBe('a field label (“Fiscal Year:”)');
    expect(a.text.split('\n')[5]).toBe('2024');
  });

  it('recognizes a dateline with a state as written', () => {
    const a = parseArticle('PALM SPRINGS, Calif. — The battery system is running.');
    expect(a.text.slice(a.dateline!.start, a.dateline!.end)).toBe('PALM SPRINGS, Calif. —');
  });
});

describe('hard-wrapped text without blank lines', () => {
  const fixture = readFileSync(new URL('../fixtures/articles/blm-clean-energy-milestones/seed.txt', import.meta.url), 'utf8');
  const truth = JSON.parse(readFileSync(new URL('../fixtures/articles/blm-clean-energy-milestones/truth.json', import.meta.url), 'utf8')) as {
    paragraphs: number;
    headings: { text: string }[];
  };
  const squeezed = fixture.replace(/\n\n+/g, '\n');

  it('is detected and joined into its paragraphs, the sub-headings and headline kept apart', () => {
    const a = parseArticle(squeezed);
    expect(a.layout).toMatchObject({ kind: 'hard-wrapped', width: 72 });
    expect(a.headline?.text).toMatch(/^Biden-Harris Administration delivers/);
    expect(a.paragraphs).toHaveLength(truth.paragraphs);
    expect(a.headings.map((h) => h.text)).toEqual(truth.headings.map((h) => h.text));
    expect(paragraphText(a, a.paragraphs[2]!)).toMatch(/^“Since Day One, .* said Secretary Deb Haaland\. “The Interior .* future generations\.”$/);
  });

  it('keeps one paragraph per line when the lines are long and end sentences', () => {
    expect(parseArticle(seed).layout).toEqual({ kind: 'line-per-paragraph', lines: 34 });
  });

  it('says so when paragraphs separated by blank lines were hard-wrapped', () => {
    expect(parseArticle(fixture).layout.kind).toBe('blank-lines');
  });
});
