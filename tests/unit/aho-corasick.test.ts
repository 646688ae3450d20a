import { describe, expect, it } from 'vitest';
import { PatternSet } from '../../src/lib/text/aho-corasick.ts';

/** Every start of `pattern` in `text`, overlapping ones included, found one by one. */
function naive(text: string, pattern: string): number[] {
  const out: number[] = [];
  if (pattern === '') return out;
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) out.push(at);
  return out;
}

describe('PatternSet', () => {
  it('finds every occurrence of every pattern, overlapping and nested ones included', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'ushers', '', 'h', 'aaa', 'a'];
    const text = 'ushers said his hers; she aaaa he';
    const found = new PatternSet(patterns).findAll(text);
    expect(found).toEqual(patterns.map((p) => naive(text, p)));
    expect(found[0]).toEqual([2, 16, 23, 31]);
    expect(found[7]).toEqual([26, 27]);
    expect(found[5]).toEqual([]);
  });

  it('agrees with a search pattern by pattern on random texts, in any script', () => {
    const alphabet = ['a', 'b', 'ab', '’', 'é', '😀', ' ', '中'];
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const word = (max: number) => Array.from({ length: 1 + next(max) }, () => alphabet[next(alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const patterns = Array.from({ length: 1 + next(12) }, () => word(4));
      const text = word(60);
      expect(new PatternSet(patterns).findAll(text), JSON.stringify({ patterns, text })).toEqual(patterns.map((p) => naive(text, p)));
    }
  });

  it('matches a pattern that holds a surrogate pair or starts with its second half', () => {
    const text = 'x😀y😀😀';
    const found = new PatternSet(['😀', '\ude00y', '😀😀']).findAll(text);
    expect(found).toEqual([[1, 4, 6], [2], [4]]);
  });
});
