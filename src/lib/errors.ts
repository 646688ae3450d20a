/**
 * Content problems found while loading and resolving annotations.
 *
 * Every problem names a file and, where known, a 1-based line and column, so an
 * editor can jump straight to it. Problems are collected for the whole project
 * and reported together before any page is written.
 */

export const severities = ['error', 'warning'] as const;
export type Severity = (typeof severities)[number];

export interface ContentIssue {
  severity: Severity;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when the problem has a position. */
  line?: number;
  /** 1-based column, when the problem has a position. */
  column?: number;
  /** What was expected and what was found. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** `file:line:column` (as far as known) for terminals and editors. */
export function formatLocation(issue: Pick<ContentIssue, 'file' | 'line' | 'column'>): string {
  let where = issue.file;
  if (issue.line !== undefined) {
    where += `:${issue.line}`;
    if (issue.column !== undefined) where += `:${issue.column}`;
  }
  return where;
}

export function formatIssue(issue: ContentIssue): string {
  const head = `${formatLocation(issue)} ${issue.severity}: ${issue.message}`;
  return issue.hint ? `${head}\n    hint: ${issue.hint}` : head;
}

/** Thrown once, with every error of the build, when content is not valid. */
export class ContentValidationError extends Error {
  readonly issues: ContentIssue[];

  constructor(issues: ContentIssue[]) {
    const errors = issues.filter((i) => i.severity === 'error');
    const count = `${errors.length} content error${errors.length === 1 ? '' : 's'}`;
    super(`${count}; no page was written.\n\n${errors.map(formatIssue).join('\n\n')}\n`);
    this.name = 'ContentValidationError';
    this.issues = issues;
  }
}

/**
 * Line and column (1-based) of character offsets in a text. The line starts
 * are found once, so locating every paragraph of a long article stays linear.
 */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
