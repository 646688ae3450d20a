import { describe, expect, it } from 'vitest';
import { evaluateBudgets, median, pairedRatio, rotations, round } from '../bench/stats.ts';

describe('median', () => {
  it('takes the middle value of an odd count, in any order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([10, 1, 7, 3, 2])).toBe(3);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses no values and non-finite ones', () => {
    expect(() => median([])).toThrow();
    expect(() => median([1, Number.NaN])).toThrow();
  });
});

describe('pairedRatio', () => {
  it('is the median of the per-round ratios, not the ratio of the medians', () => {
    // Round ratios 2, 2 and 1: the median is 2, where the medians' ratio is 6 / 5.
    const a = [10, 2, 6];
    const b = [5, 1, 6];
    expect(pairedRatio(a, b)).toBe(2);
    expect(median(a) / median(b)).toBe(1.2);
    expect(pairedRatio([1, 10, 100], [2, 5, 200])).toBe(0.5);
  });

  it('needs as many runs on both sides', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow();
  });
});

describe('rotations', () => {
  it('alternates the kinds and starts each round one later', () => {
    expect(rotations(['A', 'B', 'C'], 4)).toEqual([
      ['A', 'B', 'C'],
      ['B', 'C', 'A'],
      ['C', 'A', 'B'],
      ['A', 'B', 'C'],
    ]);
  });
});

describe('evaluateBudgets', () => {
  it('passes figures within their limits, the limit itself included', () => {
    const { results, pass } = evaluateBudgets([
      { id: 'ratio', label: 'ratio', value: 1.0, op: '<=', limit: 1.0 },
      { id: 'speed', label: 'speed', value: 12, op: '>=', limit: 10 },
    ]);
    expect(results.map((r) => r.pass)).toEqual([true, true]);
    expect(pass).toBe(true);
  });

  it('fails a figure past its limit, and the whole check with it', () => {
    const { results, pass } = evaluateBudgets([
      { id: 'ratio', label: 'ratio', value: 1.9, op: '<=', limit: 1.0 },
      { id: 'speed', label: 'speed', value: 0.75, op: '>=', limit: 10 },
      { id: 'kb', label: 'kb', value: 26, op: '<=', limit: 100 },
    ]);
    expect(results.map((r) => r.pass)).toEqual([false, false, true]);
    expect(pass).toBe(false);
  });

  it('fails a figure that could not be measured, keeping the reason', () => {
    const { results, pass } = evaluateBudgets([
      { id: 'lh', label: 'Lighthouse', value: undefined, op: '>=', limit: 0.95, missing: 'Chrome not found' },
      { id: 'nan', label: 'NaN', value: Number.NaN, op: '<=', limit: 1 },
    ]);
    expect(results.map((r) => r.pass)).toEqual([false, false]);
    expect(results[0]!.missing).toBe('Chrome not found');
    expect(pass).toBe(false);
  });
});

describe('round', () => {
  it('rounds to the given decimals', () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 3)).toBe(1.235);
  });
});
