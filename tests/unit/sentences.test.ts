import { describe, expect, it } from 'vitest';
import { firstSentence, sentenceStarts } from '../../src/lib/text/sentences.ts';

describe('firstSentence', () => {
  it('ends at the first full stop followed by a new sentence', () => {
    expect(firstSentence('The figure holds up. A paper says so.')).toBe('The figure holds up.');
  });

  it('does not end at initials or abbreviations', () => {
    expect(firstSentence('The U.S. Commerce Department acted on Jan. 20 and No. 2 agreed. Then more.')).toBe(
      'The U.S. Commerce Department acted on Jan. 20 and No. 2 agreed.',
    );
  });

  it('keeps a closing quotation mark with its sentence', () => {
    expect(firstSentence('He called it “a wake-up call.” Others disagreed.')).toBe('He called it “a wake-up call.”');
  });

  it('clips a long sentence at a word boundary', () => {
    const s = firstSentence(`${'word '.repeat(80)}end.`, 40);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(41);
    expect(s).not.toMatch(/ …$/);
  });

  it('returns a text without sentence breaks whole', () => {
    expect(firstSentence('No full stop here')).toBe('No full stop here');
  });
});

describe('sentenceStarts', () => {
  const starts = (text: string, from = 0, to = text.length, inside: { start: number; end: number }[] = []) => sentenceStarts(text, from, to, inside);

  it('reads the whole word before a stop, letters outside the Basic Multilingual Plane included', () => {
    // “𝒜B” is two capitals, not initials: the stop ends a sentence. Read as just “B”, it would not.
    expect(starts('It was 𝒜B. Then it ended.')).toEqual([0, 12]);
    expect(starts('It was B. Then it ended.')).toEqual([0]);
    expect(starts('Ask the U.S. Then wait. Done.')).toEqual([0, 24]);
  });

  it('does not read the word before a stop past `from`', () => {
    // From inside “Dr”, the word before the stop is “r”: not an abbreviation.
    const text = 'Ask Dr. Li. Then go.';
    expect(starts(text)).toEqual([0, 12]);
    expect(starts(text, 5)).toEqual([5, 8, 12]);
  });

  it('ignores a boundary inside a quotation', () => {
    const text = 'He said “Yes. Never.” Then left.';
    expect(starts(text)).toEqual([0, 14, 22]);
    expect(starts(text, 0, text.length, [{ start: 8, end: 21 }])).toEqual([0, 22]);
  });
});
