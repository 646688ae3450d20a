import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Article, parseArticle } from '../../src/lib/article/parse-article.ts';
import {
  type TermForms,
  type TermMatch,
  findAliasConflicts,
  matchTerms,
} from '../../src/lib/glossary/match-terms.ts';
import { textKeys } from '../../src/lib/glossary/form-keys.ts';

/** A term with the file name editors would see. */
function term(id: string, ...forms: string[]): TermForms {
  return { id, file: `content/glossary/${id}.md`, forms };
}

/** What each match covers in the text, with its term: the offsets are checked through the text itself. */
function covered(article: Article, matches: readonly TermMatch[]): [string, string][] {
  return matches.map((m) => [m.id, article.text.slice(m.start, m.end)]);
}

/** Matches of the terms in a one-paragraph article. */
function find(text: string, ...terms: TermForms[]): [string, string][] {
  const article = parseArticle(text);
  return covered(article, matchTerms(article, terms));
}

describe('matchTerms: whole words', () => {
  it('does not find an acronym inside a longer word', () => {
    expect(find('AIM said the OpenAI model AIs are trained.', term('ai', 'AI'))).toEqual([]);
  });

  it('finds an acronym standing alone at the start, middle and end of a paragraph', () => {
    expect(find('AI is here, AI is there, all of it AI.', term('ai', 'AI'))).toEqual([
      ['ai', 'AI'],
      ['ai', 'AI'],
      ['ai', 'AI'],
    ]);
  });

  it('does not find Meta inside Metadata', () => {
    expect(find('Metadata from Meta was shared.', term('meta', 'Meta'))).toEqual([['meta', 'Meta']]);
  });

  it('never finds a term inside a hyphenated compound', () => {
    expect(find('It runs AI-driven trading on non-AI data.', term('ai', 'AI'))).toEqual([]);
    expect(find('An X-ray of the post on X.', term('x', 'X'))).toEqual([['x', 'X']]);
    expect(find('A pre\u2011X era.', term('x', 'X'))).toEqual([]);
  });

  it('finds a term next to a dash or a slash, which separate words', () => {
    expect(find('AI—and AI/ML—won.', term('ai', 'AI'))).toEqual([
      ['ai', 'AI'],
      ['ai', 'AI'],
    ]);
  });

  it('does not find a word glued to a full stop inside a name such as 01.AI', () => {
    const article = parseArticle('Kai-Fu Lee, founder of 01.AI, said so in the U.S.');
    const matches = matchTerms(article, [term('ai', 'AI'), term('s', 'S')]);
    expect(matches).toEqual([]);
  });

  it('does not find a term after an apostrophe inside a name such as O’Neill', () => {
    expect(find('Mr O’Neill and Ms O\'Neill spoke.', term('neill', 'Neill'))).toEqual([]);
  });

  it('does not find a term before a contraction that is not a clitic ending', () => {
    expect(find('We don’t know.', term('don', 'don'))).toEqual([]);
  });

  it('treats letters of other scripts as word characters', () => {
    expect(find('Jiří and Ji met in Москвах, not Москва.', term('ji', 'Ji'), term('moscow', 'Москва'))).toEqual([
      ['ji', 'Ji'],
      ['moscow', 'Москва'],
    ]);
  });

  it('treats a combining accent as part of the word', () => {
    expect(find('Jose\u0301 met Jose.', term('jose', 'Jose'))).toEqual([['jose', 'Jose']]);
    const article = parseArticle('Jose\u0301 met Jose.');
    expect(matchTerms(article, [term('jose', 'Jose')])[0]!.start).toBe(article.text.lastIndexOf('Jose'));
  });

  it('does not find a model name inside a longer one', () => {
    expect(find('R10 is not R1, but R1.5 follows R1.', term('r1', 'R1'))).toEqual([
      ['r1', 'R1'],
      ['r1', 'R1'],
    ]);
  });
});

describe('matchTerms: case', () => {
  it('matches a form with a capital letter only in exactly that case', () => {
    expect(find('ai, Ai and aI are not AI.', term('ai', 'AI'))).toEqual([['ai', 'AI']]);
  });

  it('does not read the letter x as the platform X', () => {
    expect(find('Multiply x by two, then post it on X.', term('x', 'X'))).toEqual([['x', 'X']]);
  });

  it('matches an all-lower-case form in any case', () => {
    expect(find('Hedge fund, hedge fund and HEDGE FUND.', term('hedge-fund', 'hedge fund'))).toEqual([
      ['hedge-fund', 'Hedge fund'],
      ['hedge-fund', 'hedge fund'],
      ['hedge-fund', 'HEDGE FUND'],
    ]);
  });

  it('keeps a capitalized form case-sensitive even when another form of the term is lower case', () => {
    expect(find('nvidia and NVIDIA and Nvidia.', term('nvidia', 'Nvidia', 'NVIDIA'))).toEqual([
      ['nvidia', 'NVIDIA'],
      ['nvidia', 'Nvidia'],
    ]);
  });
});

describe('matchTerms: possessives and apostrophes', () => {
  it('finds a possessive with a curly apostrophe and leaves the ’s outside the match', () => {
    expect(find('Nvidia’s market value fell.', term('nvidia', 'Nvidia'))).toEqual([['nvidia', 'Nvidia']]);
  });

  it('finds a possessive with a straight apostrophe and leaves the \'s outside the match', () => {
    expect(find("Nvidia's market value fell.", term('nvidia', 'Nvidia'))).toEqual([['nvidia', 'Nvidia']]);
  });

  it('finds a possessive in capitals and a plural possessive', () => {
    expect(find('NVIDIA’S chips and the hedge funds’ bets.', term('nvidia', 'NVIDIA'), term('hf', 'hedge funds'))).toEqual([
      ['nvidia', 'NVIDIA'],
      ['hf', 'hedge funds'],
    ]);
  });

  it('matches a form written with a straight apostrophe against a curly one in the text', () => {
    expect(find('It topped Apple’s App Store.', term('app-store', "Apple's App Store"))).toEqual([
      ['app-store', 'Apple’s App Store'],
    ]);
  });

  it('matches a form written with a curly apostrophe against a straight one in the text', () => {
    expect(find("It topped Apple's App Store.", term('app-store', 'Apple’s App Store'))).toEqual([
      ['app-store', "Apple's App Store"],
    ]);
  });
});

describe('matchTerms: hyphens and spaces', () => {
  const openSource = term('open-source', 'open-source');

  it('does not match the spaced spelling of a hyphenated form unless it is listed', () => {
    expect(find('It is open source.', openSource)).toEqual([]);
    expect(find('It is open source and open-source.', term('open-source', 'open-source', 'open source'))).toEqual([
      ['open-source', 'open source'],
      ['open-source', 'open-source'],
    ]);
  });

  it('does not find a hyphenated form inside a longer word', () => {
    expect(find('The code was open-sourced.', openSource)).toEqual([]);
  });

  it('does not read an en or em dash as a hyphen', () => {
    expect(find('open–source and open—source.', openSource)).toEqual([]);
  });

  it('reads a non-breaking hyphen as a hyphen', () => {
    expect(find('It is open\u2011source.', openSource)).toEqual([['open-source', 'open\u2011source']]);
  });

  it('matches a space in a form against a non-breaking space in the text', () => {
    expect(find('A hedge\u00a0fund bought it.', term('hf', 'hedge fund'))).toEqual([['hf', 'hedge\u00a0fund']]);
  });

  it('matches a space in a form against a run of spaces in the text', () => {
    expect(find('A hedge   fund bought it.', term('hf', 'hedge fund'))).toEqual([['hf', 'hedge   fund']]);
  });
});

describe('matchTerms: longest match', () => {
  it('prefers the longer form at the same start', () => {
    const terms = [term('nvidia', 'Nvidia'), term('a100', 'Nvidia A100')];
    expect(find('Nvidia A100 chips, made by Nvidia.', ...terms)).toEqual([
      ['a100', 'Nvidia A100'],
      ['nvidia', 'Nvidia'],
    ]);
  });

  it('prefers the longer form whichever term lists it first', () => {
    const terms = [term('sputnik-moment', 'Sputnik moment'), term('sputnik', 'Sputnik')];
    expect(find('AI’s Sputnik moment, like Sputnik.', ...terms.reverse())).toEqual([
      ['sputnik-moment', 'Sputnik moment'],
      ['sputnik', 'Sputnik'],
    ]);
  });

  it('lets the longer of two overlapping forms win and keeps a shorter one that no longer overlaps', () => {
    const terms = [term('a-b', 'alpha beta'), term('b-c-d', 'beta gamma delta'), term('a', 'alpha')];
    expect(find('alpha beta gamma delta.', ...terms)).toEqual([
      ['a', 'alpha'],
      ['b-c-d', 'beta gamma delta'],
    ]);
  });

  it('never returns overlapping matches where forms chain, the longest of them winning', () => {
    const terms = [term('us', 'U.S.'), term('us-china', 'U.S.-China'), term('china', 'China'), term('rivalry', 'China rivalry')];
    const article = parseArticle('The U.S.-China rivalry and China rivalry in the U.S.');
    const matches = matchTerms(article, terms);
    for (let i = 1; i < matches.length; i++) expect(matches[i]!.start).toBeGreaterThanOrEqual(matches[i - 1]!.end);
    expect(covered(article, matches)).toEqual([
      ['us', 'U.S.'],
      ['rivalry', 'China rivalry'],
      ['rivalry', 'China rivalry'],
      ['us', 'U.S.'],
    ]);
  });
});

describe('matchTerms: case', () => {
  it('matches every form with its own case when the term is case-sensitive', () => {
    const lead = { ...term('lead', 'lead'), caseSensitive: true };
    expect(find('Lead pipes still lead the list.', lead)).toEqual([['lead', 'lead']]);
  });

  it('matches every form in any case when the term says so', () => {
    const nasa = { ...term('nasa', 'NASA'), caseSensitive: false };
    expect(find('Nasa and NASA agree.', nasa)).toEqual([
      ['nasa', 'Nasa'],
      ['nasa', 'NASA'],
    ]);
  });
});

describe('matchTerms: avoid ranges', () => {
  const text = 'Liang Wenfeng founded DeepSeek. Liang says DeepSeek is small.';

  it('skips a match that overlaps a speaker link and keeps later occurrences', () => {
    const article = parseArticle(text);
    const speaker = { start: 0, end: 'Liang Wenfeng'.length };
    const matches = matchTerms(article, [term('liang', 'Liang')], { avoid: [speaker] });
    expect(matches.map((m) => m.start)).toEqual([text.indexOf('Liang', 1)]);
  });

  it('skips a match that a zero-width note marker would split but not one the marker only touches', () => {
    const article = parseArticle(text);
    const first = text.indexOf('DeepSeek');
    const second = text.lastIndexOf('DeepSeek');
    const markers = [
      { start: first + 4, end: first + 4 },
      { start: second + 'DeepSeek'.length, end: second + 'DeepSeek'.length },
    ];
    const matches = matchTerms(article, [term('deepseek', 'DeepSeek')], { avoid: markers });
    expect(matches.map((m) => m.start)).toEqual([second]);
  });

  it('falls back to a shorter form at the same start when the longer one would overlap', () => {
    const article = parseArticle('Nvidia A100 chips.');
    const avoid = [{ start: 7, end: 11 }];
    const matches = matchTerms(article, [term('a100', 'Nvidia A100'), term('nvidia', 'Nvidia')], { avoid });
    expect(covered(article, matches)).toEqual([['nvidia', 'Nvidia']]);
  });
});

describe('matchTerms: paragraphs and offsets', () => {
  it('never matches across a paragraph break', () => {
    const article = parseArticle('It was a hedge\nfund that bought.\nThen a hedge fund sold.', { headline: false });
    const matches = matchTerms(article, [term('hf', 'hedge fund')]);
    expect(matches.map((m) => m.paragraph)).toEqual([3]);
  });

  it('matches across a hard-wrapped line inside one paragraph', () => {
    const article = parseArticle('It was a hedge\nfund that bought.\n\nThen it sold.');
    const matches = matchTerms(article, [term('hf', 'hedge fund')]);
    expect(covered(article, matches)).toEqual([['hf', 'hedge fund']]);
    expect(matches[0]!.paragraph).toBe(1);
  });

  it('does not read the end of one paragraph and the start of the next as one word', () => {
    const article = parseArticle('The lab is DeepSeek.\nDeepSeek grew.');
    const matches = matchTerms(article, [term('deepseek', 'DeepSeek')]);
    expect(matches.map((m) => [m.paragraph, m.start])).toEqual([
      [1, article.text.indexOf('DeepSeek')],
      [2, article.text.lastIndexOf('DeepSeek')],
    ]);
  });

  it('gives offsets into the article text after surrogate pairs, spaces and line breaks', () => {
    const raw = '\ufeffFirst 🤖 line about AI.\r\n\r\n  Second 𝒜 line:\r\n the hedge fund and Nvidia’s A100.';
    const article = parseArticle(raw);
    const terms = [term('ai', 'AI'), term('hf', 'hedge fund'), term('nvidia', 'Nvidia'), term('a100', 'A100')];
    const matches = matchTerms(article, terms);
    expect(covered(article, matches)).toEqual([
      ['ai', 'AI'],
      ['hf', 'hedge fund'],
      ['nvidia', 'Nvidia'],
      ['a100', 'A100'],
    ]);
    expect(matches.map((m) => m.paragraph)).toEqual([1, 2, 2, 2]);
    expect(matches[0]!.start).toBe(article.text.indexOf('AI'));
    expect(matches[3]!.end).toBe(article.text.indexOf('A100') + 4);
  });

  it('reports which form matched, as written in the term file', () => {
    const article = parseArticle('It is open source, he said.');
    const [match] = matchTerms(article, [term('os', 'open-source', 'Open Source', 'open source')]);
    expect(match?.form).toBe('open source');
  });
});

describe('matchTerms on the DeepSeek seed', () => {
  const seed = readFileSync(new URL('../../seeds/deepseek-r1.txt', import.meta.url), 'utf8');
  const article = parseArticle(seed);
  const terms = [
    term('ai', 'AI'),
    term('nvidia', 'Nvidia'),
    term('a100', 'A100'),
    term('open-source', 'open-source', 'open source'),
    term('sputnik-moment', 'Sputnik moment'),
    term('hedge-fund', 'hedge fund'),
    term('x', 'X'),
  ];
  const matches = matchTerms(article, terms);
  const seedLines = seed.split('\n');

  it('finds each term in the paragraphs where the seed has it as a whole word', () => {
    const paragraphsOf = (id: string) => matches.filter((m) => m.id === id).map((m) => m.paragraph);
    expect(paragraphsOf('nvidia')).toEqual([2, 12]);
    expect(paragraphsOf('a100')).toEqual([12]);
    expect(paragraphsOf('sputnik-moment')).toEqual([14]);
    expect(paragraphsOf('hedge-fund')).toEqual([9, 26]);
    expect(paragraphsOf('open-source')).toEqual([14, 25, 26, 27]);
    expect(paragraphsOf('x')).toEqual([27]);
  });

  it('finds AI as a word but not in OpenAI, 01.AI, AI-driven or the residue lines', () => {
    const ai = matches.filter((m) => m.id === 'ai');
    const standalone = seedLines.slice(0, 30).map((l) => (l.match(/(?<![\p{L}\p{N}.]|[\p{L}\p{N}]-)AI(?![\p{L}\p{N}]|-[\p{L}\p{N}])/gu) ?? []).length);
    expect(ai).toHaveLength(standalone.reduce((a, b) => a + b, 0));
    expect(ai.every((m) => article.text.slice(m.start - 2, m.end) !== 'enAI')).toBe(true);
    expect(ai.some((m) => m.paragraph === 28)).toBe(true);
    expect(ai.every((m) => m.paragraph <= 30)).toBe(true);
  });

  it('covers exactly the text of a form at every offset', () => {
    for (const m of matches) expect(article.text.slice(m.start, m.end)).toBe(m.form);
  });
});

describe('findAliasConflicts', () => {
  it('finds a form claimed by two terms in different case and names both files', () => {
    const conflicts = findAliasConflicts([
      term('artificial-intelligence', 'artificial intelligence', 'AI'),
      term('ai-lab', 'AI lab', 'ai'),
    ]);
    expect(conflicts).toEqual([
      {
        form: 'AI',
        ids: ['artificial-intelligence', 'ai-lab'],
        files: ['content/glossary/artificial-intelligence.md', 'content/glossary/ai-lab.md'],
        forms: ['AI', 'ai'],
      },
    ]);
  });

  it('treats curly and straight apostrophes and extra spaces as the same form', () => {
    const conflicts = findAliasConflicts([term('a', "Apple's  App Store"), term('b', 'apple’s app store')]);
    expect(conflicts.map((c) => c.ids)).toEqual([['a', 'b']]);
  });

  it('does not report a term that repeats its own form', () => {
    expect(findAliasConflicts([term('ai', 'AI', 'ai'), term('nvidia', 'Nvidia')])).toEqual([]);
  });

  it('does not confuse a hyphenated form with a spaced one', () => {
    expect(findAliasConflicts([term('a', 'open-source'), term('b', 'open source')])).toEqual([]);
  });

  it('reports each term that claims a form already taken', () => {
    const conflicts = findAliasConflicts([term('a', 'Meta'), term('b', 'meta'), term('c', 'META')]);
    expect(conflicts.map((c) => c.ids)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });
});

describe('matchTerms with 1,000 terms on a long article', () => {
  /** Deterministic pseudo-random numbers (mulberry32), so the test is the same on every run. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** A made-up word for a number: `zq` and base-26 letters, so no filler word is a form. */
  function word(i: number): string {
    let s = '';
    let n = i;
    do {
      s = String.fromCharCode(97 + (n % 26)) + s;
      n = Math.floor(n / 26);
    } while (n > 0);
    return `zq${s}`;
  }

  const rand = random(20250128);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const filler = ['the', 'market', 'report', 'said', 'chips', 'models', 'investors', 'on', 'Monday', 'a', 'new'] as const;

  // Four shapes of term: a lower-case word, an acronym, a two-word phrase that
  // opens with the previous lower-case word term, and a term with a hyphen alias.
  const terms: TermForms[] = [];
  for (let i = 0; i < 1000; i++) {
    const w = word(i);
    const shape = i % 4;
    if (shape === 0) terms.push(term(`t${i}`, w));
    else if (shape === 1) terms.push(term(`t${i}`, w.toUpperCase()));
    else if (shape === 2) terms.push(term(`t${i}`, `${word(i - 2)} ${w}`));
    else terms.push(term(`t${i}`, `${w}-net`, `${w} net`));
  }
  const singleWordTerms = terms.filter((_, i) => i % 4 !== 2);

  /** The text of a use of a term's form as it is planted in the article. */
  function planted(t: TermForms): string {
    const form = pick(t.forms);
    return form === form.toLowerCase() && rand() < 0.5 ? form[0]!.toUpperCase() + form.slice(1) : form;
  }

  /**
   * Near misses that must not match: a form inside a longer word, an acronym
   * in lower case, an en dash for a hyphen. (Digits and a leading `x` keep the
   * longer words from being some other term's made-up word.)
   */
  function decoy(t: TermForms): string {
    const form = t.forms[0]!;
    const kinds = [`${form}9`, `x${form}`, `9${form}`];
    if (form !== form.toLowerCase()) kinds.push(form.toLowerCase());
    if (form.includes('-')) kinds.push(form.replace('-', '–'));
    return pick(kinds);
  }

  const lines: string[] = [];
  const expected: { id: string; start: number; end: number; paragraph: number }[] = [];
  let offset = 0;
  for (let p = 1; p <= 400; p++) {
    let line = '';
    const add = (s: string) => {
      line += line === '' ? s : ` ${s}`;
    };
    for (let k = 0; k < 60; k++) {
      const r = rand();
      if (r < 0.05) {
        const t = pick(terms);
        const text = planted(t);
        if (line !== '') line += ' ';
        const start = offset + line.length;
        line += text;
        expected.push({ id: t.id, start, end: start + text.length, paragraph: p });
        if (rand() < 0.3) line += '’s';
      } else if (r < 0.1) {
        add(decoy(pick(singleWordTerms)));
      } else {
        add(pick(filler));
      }
    }
    line += '.';
    lines.push(line);
    offset += line.length + 1;
  }
  const article = parseArticle(lines.join('\n'));

  it('parses the generated text into 400 paragraphs with a term planted in most', () => {
    expect(article.paragraphs).toHaveLength(400);
    expect(expected.length).toBeGreaterThan(1000);
  });

  it('finds every planted occurrence at its exact offsets and nothing else', () => {
    const matches = matchTerms(article, terms);
    expect(matches.map(({ id, start, end, paragraph }) => ({ id, start, end, paragraph }))).toEqual(expected);
  });

  it('finds planted occurrences next to an avoided range but not inside it', () => {
    const [first, second] = expected;
    const matches = matchTerms(article, terms, { avoid: [{ start: first!.start, end: first!.end }] });
    expect(matches[0]?.start).toBe(second!.start);
    expect(matches).toHaveLength(expected.length - 1);
  });
});

describe('the text key', () => {
  /** The rule as expressions: the typographic apostrophe, the two hyphens, any white space. */
  const byExpressions = (text: string) => text.replace(/\u2019/g, "'").replace(/[\u2010\u2011]/g, '-').replace(/\s/gu, ' ');

  it('replaces the apostrophe, the hyphens and every kind of white space, one code unit for one, as the expressions do', () => {
    const pool = ['a', 'É', '’', '‘', '‐', '‑', '–', '—', '-', "'", ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '😀'];
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let i = 0; i < 300; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        text += pool[seed % pool.length];
      }
      const keys = textKeys(text);
      expect(keys.exact).toBe(byExpressions(text));
      expect(keys.exact).toHaveLength(text.length);
      expect(keys.folded).toHaveLength(text.length);
    }
    const seedText = readFileSync(new URL('../../seeds/deepseek-r1.txt', import.meta.url), 'utf8');
    expect(textKeys(seedText).exact).toBe(byExpressions(seedText));
  });
});
