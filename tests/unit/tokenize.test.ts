/**
 * The word tokenizer of the quotation rules (`tokenizePart` in
 * src/lib/quotes/names.ts) reads characters one by one. These tests hold it
 * to the rules as regular expressions state them, on every article fixture,
 * the DeepSeek seed and random strings of the marks it treats specially.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { honorifics, type Token, tokenizePart } from '../../src/lib/quotes/names.ts';
import { isAbbreviation } from '../../src/lib/text/sentences.ts';
import { isSpaceCode } from '../../src/lib/text/words.ts';

/** The rules as regular expressions: a word is a run of non-space, less its opening and closing marks. */
function byExpressions(part: string, offset: number): Token[] {
  const tokens: Token[] = [];
  for (const m of part.matchAll(/\S+/gu)) {
    const raw = m[0];
    const lead = /^[“"‘'(\[]+/u.exec(raw)?.[0] ?? '';
    let core = raw.slice(lead.length);
    let trail = /[”"’'),;:!?.…\]]+$/u.exec(core)?.[0] ?? '';
    core = core.slice(0, core.length - trail.length);
    if (trail.startsWith('.') && core !== '' && (isAbbreviation(core) || (honorifics as readonly string[]).includes(core))) {
      core += '.';
      trail = trail.slice(1);
    }
    let possessive = false;
    const s = /^(.*?)[’']s$/u.exec(core);
    if (s && s[1]) {
      core = s[1];
      trail = `’s${trail}`;
      possessive = true;
    } else if (/s$/u.test(core) && /^[’']/u.test(trail) && /^\p{Lu}/u.test(core)) {
      possessive = true;
    }
    if (core === '') continue;
    const start = offset + m.index + lead.length;
    tokens.push({ text: core, start, end: start + core.length, lead, trail, possessive });
  }
  return tokens;
}

const fixtures = new URL('../fixtures/articles/', import.meta.url);
const texts = [
  ...readdirSync(fixtures, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readFileSync(new URL(`${d.name}/seed.txt`, fixtures), 'utf8')),
  readFileSync(new URL('../../seeds/deepseek-r1.txt', import.meta.url), 'utf8'),
];

/** Random strings of letters, marks and spaces of every kind the tokenizer tells apart. */
function randomText(seed: number, length: number): string {
  const pieces = ['a', 'S', 's', 'Dr', 'U.S', 'E', '.', ',', '’', "'", '“', '”', '"', '‘', '(', ')', '[', ']', '…', '!', '?', ';', ':', ' ', ' ', '\u00a0', '\u2009', '\n', '\t', '😀', 'É'];
  let s = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out += pieces[s % pieces.length];
  }
  return out;
}

describe('tokenizePart', () => {
  it('reads every article fixture and the DeepSeek seed as the expressions do', () => {
    for (const text of texts) expect(tokenizePart(text, 7)).toEqual(byExpressions(text, 7));
  });

  it('reads random strings of marks, letters and spaces as the expressions do', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, 200);
      expect(tokenizePart(text, 0), JSON.stringify(text)).toEqual(byExpressions(text, 0));
    }
  });

  it('splits off marks and possessives, and keeps the full stop of an abbreviation', () => {
    const words = tokenizePart('“Dr. Haaland’s (U.S.) plan,” said Thomas’ aide.', 0);
    expect(words.map((t) => [t.lead, t.text, t.trail, t.possessive])).toEqual([
      ['“', 'Dr.', '', false],
      ['', 'Haaland', '’s', true],
      ['(', 'U.S.', ')', false],
      ['', 'plan', ',”', false],
      ['', 'said', '', false],
      ['', 'Thomas', '’', true],
      ['', 'aide', '.', false],
    ]);
  });
});

describe('isSpaceCode', () => {
  it('is true of exactly the code units \\s matches', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
