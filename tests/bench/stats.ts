/**
 * Pure statistics of the benchmark: medians, paired ratios and the budget
 * check. No I/O here, so it is unit-tested (tests/unit/bench-stats.test.ts).
 */

/** The median; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  if (values.some((v) => !Number.isFinite(v))) throw new Error(`median of a non-finite value: ${values.join(', ')}`);
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The median of per-round ratios `a[i] / b[i]`: each round's two runs ran
 * next to each other, so load that drifts over the session cancels out.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`paired ratio of ${a.length} and ${b.length} runs`);
  return median(a.map((x, i) => x / b[i]!));
}

/**
 * Orders of `items` for each round, each round starting one later
 * (A B C, B C A, C A B, …): every kind runs in every position as often,
 * and consecutive rounds still alternate the kinds.
 */
export function rotations<T>(items: readonly T[], rounds: number): T[][] {
  return Array.from({ length: rounds }, (_, r) => items.map((_, i) => items[(i + r) % items.length]!));
}

export interface Budget {
  id: string;
  /** What is measured, for the table. */
  label: string;
  /** The measured figure; undefined when it could not be measured. */
  value: number | undefined;
  op: '<=' | '>=';
  limit: number;
  unit?: string;
  /** Why the figure is missing (the exact error), when it is. */
  missing?: string;
}

export interface BudgetResult extends Budget {
  pass: boolean;
}

/** A budget passes only when its figure was measured and is within the limit. */
export function evaluateBudgets(budgets: readonly Budget[]): { results: BudgetResult[]; pass: boolean } {
  const results = budgets.map((b) => {
    const measured = b.value !== undefined && Number.isFinite(b.value);
    const pass = measured && (b.op === '<=' ? b.value! <= b.limit : b.value! >= b.limit);
    return { ...b, pass };
  });
  return { results, pass: results.every((r) => r.pass) };
}

/** Rounds for reports: `digits` decimals, as a number. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** One build comparison at `n` explainers (seconds, MiB). */
export interface BuildFigures {
  n: number;
  annotated_s: number;
  plain_unified_s: number;
  plain_satteri_s: number;
  ratio_vs_unified: number;
  ratio_vs_satteri: number;
  annotated_peak_mib: number;
  plain_unified_peak_mib: number;
  plain_satteri_peak_mib: number;
  /** Median of per-round ratios of annotated to plain unified() peak memory. */
  peak_ratio_vs_unified: number;
  /** The same comparison in CPU seconds (user + system), when measured: less sensitive to other load on the machine. */
  cpu?: { annotated_s: number; plain_unified_s: number; plain_satteri_s: number; ratio_vs_unified: number; ratio_vs_satteri: number };
  /** Every clean build's wall time, in run order. */
  runs_s?: { annotated: number[]; plain_unified: number[]; plain_satteri: number[] };
}

export interface RebuildFigures {
  n: number;
  one_claim_s: number;
  one_term_s: number;
  clean_s: number;
  one_claim_ratio: number;
  one_term_ratio: number;
}

export interface CoreFigures {
  mb_per_s: number;
  text_growth_10x: number;
  terms_growth_10x: number;
}

export interface PageFigures {
  html_gz_kb: number;
  css_gz_kb: number;
  js_gz_kb: number;
  fonts_gz_kb: number;
  total_gz_kb: number;
  lighthouse:
    | { performance: number; accessibility: number; best_practices: number; seo: number; lcp_s: number }
    | { error: string };
}

/** What a run measured; a part that was not run or failed is an error message. */
export interface Figures {
  builds?: BuildFigures[] | { error: string };
  rebuild?: RebuildFigures | { error: string };
  core?: CoreFigures | { error: string };
  page?: PageFigures | { error: string };
}

const failed = (part: object | undefined): string | undefined =>
  part === undefined ? 'not measured in this run' : 'error' in part ? String(part.error) : undefined;

/** The budgets of issue 13, each with the figure this run measured. */
export function budgetsFor(f: Figures): Budget[] {
  const out: Budget[] = [];
  const add = (b: Omit<Budget, 'missing'>, missing: string | undefined) => out.push(missing ? { ...b, value: undefined, missing } : b);

  const buildsMissing = failed(f.builds as object | undefined);
  const builds = buildsMissing ? [] : (f.builds as BuildFigures[]);
  const ns = buildsMissing ? [100, 1000] : builds.map((b) => b.n);
  for (const n of ns) {
    const b = builds.find((x) => x.n === n);
    add({ id: `build-${n}-vs-unified`, label: `Annotated build / plain unified(), N = ${n}`, value: b?.ratio_vs_unified, op: '<=', limit: 1.0, unit: '×' }, buildsMissing);
    add({ id: `build-${n}-vs-satteri`, label: `Annotated build / plain Sätteri, N = ${n} (target)`, value: b?.ratio_vs_satteri, op: '<=', limit: 1.5, unit: '×' }, buildsMissing);
  }
  const largest = builds.reduce<BuildFigures | undefined>((m, b) => (!m || b.n > m.n ? b : m), undefined);
  add(
    { id: 'build-peak-memory', label: `Peak memory, annotated / plain unified(), N = ${largest?.n ?? 1000}`, value: largest?.peak_ratio_vs_unified, op: '<=', limit: 1.0, unit: '×' },
    buildsMissing,
  );

  const rebuildMissing = failed(f.rebuild);
  const rebuild = rebuildMissing ? undefined : (f.rebuild as RebuildFigures);
  add(
    { id: 'rebuild-one-claim', label: `Rebuild after one claim edit / clean build, N = ${rebuild?.n ?? 1000}`, value: rebuild?.one_claim_ratio, op: '<=', limit: 0.25, unit: '×' },
    rebuildMissing,
  );

  const coreMissing = failed(f.core);
  const core = coreMissing ? undefined : (f.core as CoreFigures);
  add({ id: 'core-throughput', label: 'Core throughput, 1 MB, 1,000 terms', value: core?.mb_per_s, op: '>=', limit: 10, unit: 'MB/s' }, coreMissing);
  add({ id: 'core-text-growth', label: 'Core time, 10× text', value: core?.text_growth_10x, op: '<=', limit: 11, unit: '×' }, coreMissing);
  add({ id: 'core-terms-growth', label: 'Core time, 10× terms', value: core?.terms_growth_10x, op: '<=', limit: 2, unit: '×' }, coreMissing);

  const pageMissing = failed(f.page);
  const page = pageMissing ? undefined : (f.page as PageFigures);
  add({ id: 'page-total', label: 'DeepSeek page, all files gzipped', value: page?.total_gz_kb, op: '<=', limit: 100, unit: 'KB' }, pageMissing);
  add({ id: 'page-js', label: 'DeepSeek page, JS gzipped', value: page?.js_gz_kb, op: '<=', limit: 10, unit: 'KB' }, pageMissing);
  const lhMissing = pageMissing ?? (page && 'error' in page.lighthouse ? page.lighthouse.error : undefined);
  const lh = lhMissing || !page || 'error' in page.lighthouse ? undefined : page.lighthouse;
  add({ id: 'lighthouse-performance', label: 'Lighthouse mobile performance', value: lh?.performance, op: '>=', limit: 0.95 }, lhMissing);
  add({ id: 'lighthouse-accessibility', label: 'Lighthouse mobile accessibility', value: lh?.accessibility, op: '>=', limit: 1 }, lhMissing);
  add({ id: 'lighthouse-best-practices', label: 'Lighthouse mobile best practices', value: lh?.best_practices, op: '>=', limit: 1 }, lhMissing);
  add({ id: 'lighthouse-seo', label: 'Lighthouse mobile SEO', value: lh?.seo, op: '>=', limit: 1 }, lhMissing);
  add({ id: 'lighthouse-lcp', label: 'Largest contentful paint, mobile', value: lh?.lcp_s, op: '<=', limit: 1.0, unit: 's' }, lhMissing);
  return out;
}
