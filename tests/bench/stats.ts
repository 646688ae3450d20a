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
