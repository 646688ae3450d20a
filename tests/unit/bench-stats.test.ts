import { describe, expect, it } from 'vitest';
import { budgetsFor, evaluateBudgets, type Figures, median, pairedRatio, rotations, round } from '../bench/stats.ts';

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

describe('budgetsFor', () => {
  // The figures issue 13 reports for today's build.
  const build = (n: number, annotated: number, unified: number, satteri: number, peak: number, unifiedPeak: number) => ({
    n,
    annotated_s: annotated,
    plain_unified_s: unified,
    plain_satteri_s: satteri,
    ratio_vs_unified: annotated / unified,
    ratio_vs_satteri: annotated / satteri,
    annotated_peak_mib: peak,
    plain_unified_peak_mib: unifiedPeak,
    plain_satteri_peak_mib: 780,
    peak_ratio_vs_unified: peak / unifiedPeak,
  });
  const today: Figures = {
    builds: [build(100, 6.7, 3.5, 1.6, 629, 600), build(1000, 32.6, 20.2, 6.3, 1710, 1126)],
    rebuild: { n: 1000, one_claim_s: 33, one_term_s: 33, clean_s: 32.6, one_claim_ratio: 1.01, one_term_ratio: 1.01 },
    core: { mb_per_s: 0.75, text_growth_10x: 46, terms_growth_10x: 1.05 },
    page: {
      html_gz_kb: 22.6,
      css_gz_kb: 3.2,
      js_gz_kb: 1.4,
      fonts_gz_kb: 0,
      total_gz_kb: 26,
      lighthouse: { performance: 1, accessibility: 1, best_practices: 1, seo: 1, lcp_s: 1.3 },
    },
  };

  it('checks every budget of the issue against what was measured', () => {
    const { results, pass } = evaluateBudgets(budgetsFor(today));
    const verdict = Object.fromEntries(results.map((r) => [r.id, r.pass]));
    expect(verdict).toEqual({
      'build-100-vs-unified': false,
      'build-100-vs-satteri': false,
      'build-1000-vs-unified': false,
      'build-1000-vs-satteri': false,
      'build-peak-memory': false,
      'rebuild-one-claim': false,
      'core-throughput': false,
      'core-text-growth': false,
      'core-terms-growth': true,
      'page-total': true,
      'page-js': true,
      'lighthouse-performance': true,
      'lighthouse-accessibility': true,
      'lighthouse-best-practices': true,
      'lighthouse-seo': true,
      'lighthouse-lcp': false,
    });
    expect(pass).toBe(false);
    // Peak memory is judged at the largest N measured.
    expect(results.find((r) => r.id === 'build-peak-memory')!.label).toContain('N = 1000');
  });

  it('fails the Lighthouse budgets with the exact error when Lighthouse could not run', () => {
    const page = { ...(today.page as object), lighthouse: { error: 'No Chromium at /usr/bin/chromium' } } as Figures['page'];
    const results = evaluateBudgets(budgetsFor({ ...today, page })).results.filter((r) => r.id.startsWith('lighthouse-'));
    expect(results).toHaveLength(5);
    for (const r of results) {
      expect(r.pass).toBe(false);
      expect(r.value).toBeUndefined();
      expect(r.missing).toBe('No Chromium at /usr/bin/chromium');
    }
  });

  it('fails what a run did not measure', () => {
    const results = evaluateBudgets(budgetsFor({ core: today.core })).results;
    expect(results.find((r) => r.id === 'core-terms-growth')!.pass).toBe(true);
    expect(results.filter((r) => !r.id.startsWith('core-')).every((r) => !r.pass && r.missing === 'not measured in this run')).toBe(true);
  });
});
