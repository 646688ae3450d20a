import { describe, expect, it } from 'vitest';
import { firstSentence } from '../../src/lib/text/sentences.ts';

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
