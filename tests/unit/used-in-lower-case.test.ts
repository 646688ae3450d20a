import { describe, expect, it } from 'vitest';
import { usedInLowerCase } from '../../src/lib/quotes/discover-speakers.ts';

/** What the whole-text scan reads as the text's lower-case words. */
const scanned = (text: string) => new Set(text.match(/\b\p{Ll}[\p{Ll}'’-]*\b/gu) ?? []);

const texts = [
  'Andrew Young said the young players would grant a bill.',
  'The trumpet sounded; Trump spoke. Nobody used trump as a verb.',
  'A rock- and roll-band; rock-solid, don’t stop, o’neill and rock.',
  'fleet sleek lee; Lee’s car. le-e lee- -lee lee’',
  'Émile and émile; éa-lee x-lee_lee 9lee lee9 lee',
  'math 𝑎lee and lee𝑎 and 𝑎 lee',
  'LEE, Lee, lEe and l’ee: leeward',
  '',
];
const words = ['young', 'grant', 'bill', 'trump', 'rock', 'roll', 'lee', 'émile', 'neill', 'stop', 'ee', 'ward', 'sounded'];

describe('usedInLowerCase', () => {
  it('finds a word exactly when the scan of the whole text has it as a lower-case word', () => {
    let found = 0;
    for (const text of texts) {
      const all = scanned(text);
      for (const w of words) {
        expect(usedInLowerCase(text, w), `${w} in ${JSON.stringify(text)}`).toBe(all.has(w));
        if (all.has(w)) found++;
      }
    }
    // Both answers occur: the comparison above is not all `false`.
    expect(found).toBeGreaterThan(8);
  });

  it('finds no empty word, and returns', () => {
    expect(usedInLowerCase('any text', '')).toBe(false);
  });

  it('agrees with the scan on random texts of letters, marks and spaces', () => {
    const alphabet = ['l', 'e', 'E', 'L', '-', '’', "'", ' ', '_', '9', 'é', '𝑎', '.'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 4 + (n % 12) }, () => alphabet[next()]).join('');
      const all = scanned(text);
      for (const w of ['le', 'lee', 'e', 'l-e', 'e’e', 'é']) expect(usedInLowerCase(text, w), `${w} in ${JSON.stringify(text)}`).toBe(all.has(w));
    }
  });
});
