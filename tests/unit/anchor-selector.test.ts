import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Article, paragraphText, parseArticle } from '../../src/lib/article/parse-article.ts';
import { type AnchorResult, anchorSelector, anchorSelectors } from '../../src/lib/claims/anchor-selector.ts';
import { closestPassage } from '../../src/lib/claims/closest-passage.ts';
import type { TextQuoteSelector } from '../../src/schemas/claim.ts';

/** The text a successful result points at, checked against the paragraph it names. */
function anchoredText(article: Article, result: AnchorResult): string {
  if (!result.ok) throw new Error(`expected a match, got ${result.reason}: ${result.message}`);
  const p = article.paragraphs.find((x) => x.n === result.paragraph);
  expect(p).toBeDefined();
  expect(result.start).toBeGreaterThanOrEqual(p!.start);
  expect(result.end).toBeLessThanOrEqual(p!.end);
  return article.text.slice(result.start, result.end);
}

/** A failure as an editor reads it: reason, message, hint. */
function failure(result: AnchorResult): string {
  if (result.ok) throw new Error(`expected a failure, got a match in paragraph ${result.paragraph}`);
  return `${result.reason}\n${result.message}\nhint: ${result.hint}`;
}

function anchor(article: Article, selector: TextQuoteSelector): AnchorResult {
  return anchorSelector(article, selector);
}

const small = parseArticle(
  [
    'The lab said the model cost less than $6 million to train.',
    'Critics said the figure left out the cost of earlier research.',
    'The lab said it would publish more details, and critics said they would wait.',
  ].join('\n'),
);

describe('anchorSelector: one match', () => {
  it('anchors a phrase that occurs once, with its range and paragraph number', () => {
    const result = anchor(small, { exact: 'earlier research' });
    expect(result).toMatchObject({ ok: true, paragraph: 2 });
    expect(anchoredText(small, result)).toBe('earlier research');
    const p2 = small.paragraphs[1]!;
    expect(result.ok && result.start - p2.start).toBe(paragraphText(small, p2).indexOf('earlier research'));
  });

  it('anchors in a hard-wrapped paragraph, where the line break reads as a space', () => {
    const wrapped = parseArticle('First paragraph\nwraps here.\n\nSecond paragraph\nwraps too.\n');
    const result = anchor(wrapped, { exact: 'paragraph wraps too' });
    expect(result).toMatchObject({ ok: true, paragraph: 2 });
    expect(anchoredText(wrapped, result)).toBe('paragraph wraps too');
  });
});

describe('anchorSelector: no match', () => {
  it('shows the closest passage as "did you mean" with a word diff', () => {
    expect(failure(anchor(small, { exact: 'the model cost under $6 million' }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "the model cost less than $6 million", in paragraph 1?
      selector → article: the model cost [-under-]{+less than+} $6 million
      hint: Copy the phrase exactly from line 1 of the seed."
    `);
  });

  it('says so when no passage comes close, instead of suggesting a random one', () => {
    expect(failure(anchor(small, { exact: 'penguins migrate south in winter' }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none, and no passage of the article comes close to it.
      hint: Check that the claim belongs to this article, then copy the phrase from the seed exactly."
    `);
  });

  it('does not match a phrase whose trailing space would fall on the paragraph break', () => {
    expect(failure(anchor(small, { exact: 'to train. ' }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "to train.", in paragraph 1?
      selector → article: to train.[- -]
      hint: Copy the phrase exactly from line 1 of the seed."
    `);
  });

  it('names the code points when only a straight apostrophe differs from a curly one', () => {
    const article = parseArticle('Investors doubted the company’s figures.\n');
    expect(failure(anchor(article, { exact: "the company's figures" }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "the company’s figures", in paragraph 1?
      Only look-alike characters differ: the selector has U+0027 APOSTROPHE (') where the article has U+2019 RIGHT SINGLE QUOTATION MARK (’).
      selector → article: the company[-'-]{+’+}s figures
      hint: Copy the phrase exactly from line 1 of the seed: its quotes, dashes and spaces are other characters than the ones in the selector."
    `);
  });

  it('names the code points when a hyphen stands for an em dash', () => {
    const article = parseArticle('HONG KONG — A lab in China has become a front in the rivalry.\n');
    expect(failure(anchor(article, { exact: 'HONG KONG - A lab' }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "HONG KONG — A lab", in paragraph 1?
      Only look-alike characters differ: the selector has U+002D HYPHEN-MINUS (-) where the article has U+2014 EM DASH (—).
      selector → article: HONG KONG [---]{+—+} A lab
      hint: Copy the phrase exactly from line 1 of the seed: its quotes, dashes and spaces are other characters than the ones in the selector."
    `);
  });

  it('names the code points when a plain space stands for a no-break space, and shows the hidden one', () => {
    const article = parseArticle('The model cost $6\u00A0million to build.\n');
    expect(failure(anchor(article, { exact: 'cost $6 million' }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "cost $6\\u00a0million", in paragraph 1?
      Only look-alike characters differ: the selector has U+0020 SPACE where the article has U+00A0 NO-BREAK SPACE.
      selector → article: cost $6[- -]{+<U+00A0>+}million
      hint: Copy the phrase exactly from line 1 of the seed: its quotes, dashes and spaces are other characters than the ones in the selector."
    `);
  });

  it('names the code points when three full stops stand for an ellipsis and straight quotes for curly ones', () => {
    const article = parseArticle('He wrote: “We will see…” and left.\n');
    expect(failure(anchor(article, { exact: 'wrote: "We will see..."' }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "wrote: “We will see…”", in paragraph 1?
      Only look-alike characters differ: the selector has U+0022 QUOTATION MARK (") where the article has U+201C LEFT DOUBLE QUOTATION MARK (“); three U+002E FULL STOP (.) where it has U+2026 HORIZONTAL ELLIPSIS (…); and U+0022 QUOTATION MARK (") where it has U+201D RIGHT DOUBLE QUOTATION MARK (”).
      selector → article: wrote: [-"-]{+“+}We will see[-...-]{+…+}[-"-]{+”+}
      hint: Copy the phrase exactly from line 1 of the seed: its quotes, dashes and spaces are other characters than the ones in the selector."
    `);
  });

  it('splits a changed word at the letters it shares, so a missing letter shows alone', () => {
    const article = parseArticle('The model took two months to build.\n');
    expect(failure(anchor(article, { exact: 'took two month to build' }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "took two months to build", in paragraph 1?
      selector → article: took two month{+s+} to build
      hint: Copy the phrase exactly from line 1 of the seed."
    `);
  });

  it('names the look-alikes separately when other words differ too', () => {
    const article = parseArticle('The company’s revenue rose last year.\n');
    expect(failure(anchor(article, { exact: "company's revenues rose" }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "company’s revenue rose", in paragraph 1?
      Some differences are look-alike characters: the selector has U+0027 APOSTROPHE (') where the article has U+2019 RIGHT SINGLE QUOTATION MARK (’).
      selector → article: company[-'-]{+’+}s revenue[-s-] rose
      hint: Copy the phrase exactly from line 1 of the seed: its quotes, dashes and spaces are other characters than the ones in the selector."
    `);
  });

  it('never re-anchors to a look-alike, however close', () => {
    const article = parseArticle('It’s a deal.\n');
    expect(anchor(article, { exact: "It's a deal" })).toMatchObject({ ok: false, reason: 'none', paragraphs: [1] });
  });
});

describe('anchorSelector: several matches', () => {
  it('names how many and the paragraph of each, and suggests a prefix or suffix that picks each', () => {
    const result = anchor(small, { exact: 'said' });
    expect(result).toMatchObject({ ok: false, reason: 'many', paragraphs: [1, 2, 3, 3] });
    expect(failure(result)).toMatchInlineSnapshot(`
      "many
      Expected one match of the selector, found 4 matches, in paragraphs 1, 2 and 3 (twice).
      hint: Add a \`prefix\` or \`suffix\` that only one match has: suffix " the model" picks paragraph 1, prefix "Critics " picks paragraph 2, suffix " it" picks the 1st in paragraph 3 and suffix " they" picks the 2nd in paragraph 3."
    `);
  });

  it('suggests a pick that keeps the prefix the selector already has', () => {
    const article = parseArticle('The lab said no. The lab said yes. A critic said no.\n');
    const result = anchor(article, { exact: 'said', prefix: 'lab ' });
    expect(result).toMatchObject({ ok: false, reason: 'many', paragraphs: [1, 1] });
    expect(failure(result)).toMatchInlineSnapshot(`
      "many
      Expected one match of the selector, found 2 matches, in paragraph 1.
      hint: Add a \`prefix\` or \`suffix\` that only one match has: suffix " no." picks the 1st in paragraph 1 and suffix " yes." picks the 2nd in paragraph 1."
    `);
    const picked = anchor(article, { exact: 'said', prefix: 'lab ', suffix: ' yes.' });
    expect(picked).toMatchObject({ ok: true, paragraph: 1, start: 'The lab said no. The lab '.length });
  });

  it('names the first fifteen paragraphs of a long list and counts the rest', () => {
    const article = parseArticle(Array.from({ length: 20 }, (_, i) => `Paragraph ${i + 1} is about AI.`).join('\n'));
    const result = anchor(article, { exact: 'about AI' });
    expect(result).toMatchObject({ ok: false, reason: 'many' });
    expect(!result.ok && result.paragraphs).toHaveLength(20);
    expect(!result.ok && result.message).toMatchInlineSnapshot(
      `"Expected one match of the selector, found 20 matches, in paragraphs 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 and 5 other paragraphs."`,
    );
  });

  it('counts overlapping occurrences as separate matches', () => {
    const article = parseArticle('The code was aaa.\n');
    expect(anchor(article, { exact: 'aa' })).toMatchObject({ ok: false, reason: 'many', paragraphs: [1, 1] });
  });

  it('falls back to a general hint when there are too many matches to list a pick for each', () => {
    const article = parseArticle(`${'AI and AI. '.repeat(6).trim()}\n`);
    expect(failure(anchor(article, { exact: 'AI' }))).toMatchInlineSnapshot(`
      "many
      Expected one match of the selector, found 12 matches, in paragraph 1.
      hint: Add a \`prefix\` (the words just before the phrase) or a \`suffix\` (the words just after) that only one of the matches has."
    `);
  });
});

describe('anchorSelector: prefix and suffix', () => {
  it('picks one of several matches with a prefix alone', () => {
    const result = anchor(small, { exact: 'said', prefix: 'Critics ' });
    expect(result).toMatchObject({ ok: true, paragraph: 2 });
    expect(anchoredText(small, result)).toBe('said');
  });

  it('picks one of several matches with a suffix alone', () => {
    const result = anchor(small, { exact: 'said', suffix: ' they' });
    expect(result).toMatchObject({ ok: true, paragraph: 3 });
    expect(anchoredText(small, result)).toBe('said');
  });

  it('picks one of several matches with a prefix and a suffix together, when neither alone is enough', () => {
    const article = parseArticle('The lab said no. The lab said yes. A critic said no.\n');
    expect(anchor(article, { exact: 'said', prefix: 'lab ' })).toMatchObject({ ok: false, reason: 'many' });
    expect(anchor(article, { exact: 'said', suffix: ' no' })).toMatchObject({ ok: false, reason: 'many' });
    const result = anchor(article, { exact: 'said', prefix: 'lab ', suffix: ' no' });
    expect(result).toMatchObject({ ok: true, paragraph: 1 });
    expect(result.ok && result.start).toBe('The lab '.length);
  });

  it('reports no match when the prefix rules out every occurrence, with a diff of the real text before it', () => {
    const result = anchor(small, { exact: 'said', prefix: 'The critics ' });
    expect(result).toMatchObject({ ok: false, reason: 'none', paragraphs: [1, 2, 3, 3] });
    expect(failure(result)).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none: its exact text occurs 4 times, in paragraphs 1, 2 and 3 (twice), but never with this prefix.
      Closest, in paragraph 3, selector → article: [-The-]{+and+} critics said
      hint: Copy the prefix from the words just before the phrase in the seed, or remove it."
    `);
  });

  it('reports no match when the suffix rules out every occurrence, with a diff of the real text after it', () => {
    expect(failure(anchor(small, { exact: 'less than $6 million', suffix: ' to build' }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none: its exact text occurs once, in paragraph 1, but never with this suffix.
      Closest, in paragraph 1, selector → article: less than $6 million to [-build-]{+train+}
      hint: Copy the suffix from the words just after the phrase in the seed, or remove it."
    `);
  });

  it('lets a prefix reach back over the paragraph break, a space standing for the break', () => {
    const article = parseArticle('It rained.\nThe lab said no.\nThe lab said yes.\n');
    const result = anchor(article, { exact: 'The lab', prefix: 'rained. ' });
    expect(result).toMatchObject({ ok: true, paragraph: 2 });
    expect(anchoredText(article, result)).toBe('The lab');
  });
});

describe('anchorSelector: paragraph breaks', () => {
  const twoLines = parseArticle('The model took two months to build.\nInvestors were unnerved.\n');

  it('refuses a selector written across a paragraph break with a space, and names both paragraphs', () => {
    const result = anchor(twoLines, { exact: 'to build. Investors were' });
    expect(result).toMatchObject({ ok: false, reason: 'crosses-paragraph', paragraphs: [1, 2] });
    expect(failure(result)).toMatchInlineSnapshot(`
      "crosses-paragraph
      Expected one match of the selector inside a paragraph, found it only across the break between paragraphs 1 and 2: an anchor must lie inside one paragraph.
      hint: Anchor only the part in one paragraph, "to build." in paragraph 1 or "Investors were" in paragraph 2, or write one claim for each."
    `);
  });

  it('refuses a selector written across a paragraph break with a newline, or across blank lines', () => {
    expect(anchor(twoLines, { exact: 'to build.\nInvestors' })).toMatchObject({ reason: 'crosses-paragraph' });
    const blocks = parseArticle('The model took two months\nto build.\n\nInvestors were unnerved.\n');
    expect(anchor(blocks, { exact: 'to build.\n\nInvestors' })).toMatchObject({
      reason: 'crosses-paragraph',
      paragraphs: [1, 2],
    });
  });

  it('names the first and last paragraph when a selector spans three', () => {
    const article = parseArticle('One ends.\nTwo.\nThree starts.\n');
    expect(failure(anchor(article, { exact: 'ends. Two. Three' }))).toMatchInlineSnapshot(`
      "crosses-paragraph
      Expected one match of the selector inside a paragraph, found it only across the breaks from paragraph 1 to paragraph 3: an anchor must lie inside one paragraph.
      hint: Anchor only the part in one paragraph, or write one claim for each paragraph."
    `);
  });
});

describe('anchorSelector: text outside the article', () => {
  it('never matches residue lines, and says the line is left out and how to keep it', () => {
    const article = parseArticle(
      'Nvidia lost almost $600 billion in market value.\nShares of Nvidia fell sharply on Monday, headlined by\n',
    );
    expect(article.residue.map((r) => r.line)).toEqual([2]);
    const result = anchor(article, { exact: 'Shares of Nvidia fell sharply' });
    expect(result).toMatchObject({ ok: false, reason: 'residue' });
    expect(failure(result)).toMatchInlineSnapshot(`
      "residue
      Expected one match of the selector in the article, found it only on seed line 2, which is left out of the page: it stops mid-sentence (ends with “headlined by”), after the article's last complete paragraph.
      hint: To keep that line, set \`endsAtLine: 2\` (or \`keepResidue: true\`) in the explainer's front matter; otherwise remove the claim."
    `);
  });

  it('refuses an empty or whitespace-only exact text', () => {
    expect(failure(anchor(small, { exact: '' }))).toMatchInlineSnapshot(`
      "empty
      Expected the selector's exact text to hold the claimed words, found an empty string.
      hint: Copy the claimed words from the seed into \`exact\`."
    `);
    expect(failure(anchor(small, { exact: ' \t' }))).toMatchInlineSnapshot(`
      "empty
      Expected the selector's exact text to hold the claimed words, found only white space.
      hint: Copy the claimed words from the seed into \`exact\`."
    `);
  });
});

describe('anchorSelector on the DeepSeek seed', () => {
  const seed = parseArticle(readFileSync(new URL('../../seeds/deepseek-r1.txt', import.meta.url), 'utf8'));

  it('anchors "less than $6 million" in paragraph 15', () => {
    const result = anchor(seed, { exact: 'less than $6 million' });
    expect(result).toMatchObject({ ok: true, paragraph: 15 });
    expect(anchoredText(seed, result)).toBe('less than $6 million');
  });

  it('suggests paragraph 15 with a diff for "under $6 million"', () => {
    const result = anchor(seed, { exact: 'under $6 million' });
    expect(result).toMatchObject({ ok: false, reason: 'none', paragraphs: [15] });
    expect(failure(result)).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "than $6 million", in paragraph 15?
      selector → article: [-under-]{+than+} $6 million
      hint: Copy the phrase exactly from line 15 of the seed."
    `);
  });

  it('gives the same suggestion when the budget only allows scanning the likeliest paragraphs', () => {
    const full = anchorSelector(seed, { exact: 'under $6 million' });
    const cheap = anchorSelector(seed, { exact: 'under $6 million' }, { fuzzyBudget: 1 });
    expect(cheap).toEqual(full);
    expect(closestPassage(seed, 'under $6 million', { budget: 1 })?.scanned).toBe(1);
    expect(closestPassage(seed, 'under $6 million')?.scanned).toBe(30);
  });

  it('names the apostrophe in a seed phrase typed with a straight one', () => {
    expect(failure(anchor(seed, { exact: "DeepSeek's recently released app" }))).toMatchInlineSnapshot(`
      "none
      Expected one match of the selector, found none. Did you mean "DeepSeek’s recently released app", in paragraph 16?
      Only look-alike characters differ: the selector has U+0027 APOSTROPHE (') where the article has U+2019 RIGHT SINGLE QUOTATION MARK (’).
      selector → article: DeepSeek[-'-]{+’+}s recently released app
      hint: Copy the phrase exactly from line 16 of the seed: its quotes, dashes and spaces are other characters than the ones in the selector."
    `);
  });

  it('lists the paragraphs of a phrase the seed repeats, with a pick for each', () => {
    expect(failure(anchor(seed, { exact: 'said Monday' }))).toMatchInlineSnapshot(`
      "many
      Expected one match of the selector, found 2 matches, in paragraphs 23 and 27.
      hint: Add a \`prefix\` or \`suffix\` that only one match has: suffix " that" picks paragraph 23 and suffix " in" picks paragraph 27."
    `);
  });

  it('suggests only picks that really anchor one match each', () => {
    const selector = { exact: 'restrictions' };
    const result = anchor(seed, selector);
    if (result.ok) throw new Error('expected several matches');
    const picks = [...result.hint.matchAll(/(prefix|suffix) ("(?:[^"\\]|\\.)*") picks/g)].map(([, field, text]) => ({
      ...selector,
      [field!]: JSON.parse(text!) as string,
    }));
    expect(picks).toHaveLength(result.paragraphs!.length);
    expect(picks.map((pick) => anchor(seed, pick))).toEqual(
      result.paragraphs!.map((n) => expect.objectContaining({ ok: true, paragraph: n })),
    );
  });

  it('does not match the residue teaser lines after paragraph 30', () => {
    const result = anchor(seed, { exact: 'sent a chill through the U.S. stock market' });
    expect(result).toMatchObject({ ok: false, reason: 'residue' });
  });
});

describe('anchorSelectors', () => {
  const seed = parseArticle(readFileSync(new URL('../../seeds/deepseek-r1.txt', import.meta.url), 'utf8'));
  it('anchors many selectors in one pass, with the same results and messages as one at a time', () => {
    const selectors = [
      { exact: 'less than $6 million' },
      { exact: 'Nvidia' },
      { exact: 'said', prefix: 'Xu ' },
      { exact: 'penguins migrate' },
      { exact: 'the company' },
      { exact: '“should be a wake-up call”' },
    ];
    expect(anchorSelectors(seed, selectors)).toEqual(selectors.map((s) => anchor(seed, s)));
  });
});
