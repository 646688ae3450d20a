/**
 * Offsets, ranges, lines and paragraphs: the one binary search every lookup
 * by offset goes through.
 */

/** A half-open range `[start, end)` of offsets into a text. */
export interface Range {
  start: number;
  end: number;
}

export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Index of the last item whose key is at most `value`, in items sorted by
 * key; -1 when every key is greater.
 */
export function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

const identity = (n: number) => n;

/** Offsets where each line of a text starts (the first is 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Line and column (1-based) of an offset, given the text's line starts. */
export function locate(starts: readonly number[], offset: number): { line: number; column: number } {
  const i = Math.max(0, lastAtOrBefore(starts, offset, identity));
  return { line: i + 1, column: offset - starts[i]! + 1 };
}

/** Line and column (1-based) of offsets in a text; the line starts are found once. */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = lineStarts(text);
  return (offset) => locate(starts, offset);
}
