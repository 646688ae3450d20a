/**
 * Content problems, as the unified ecosystem reports them (`VFileMessage`):
 * the file, the place in it, the reason, a stable rule id, whether it is
 * fatal, and a hint. Every step of loading collects these; one formatter
 * prints them, so the terminal, the dev overlay and the review view say the
 * same thing.
 */

export interface ContentMessage {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line, when the problem has a position. */
  line?: number;
  /** 1-based column, when the problem has a position. */
  column?: number;
  /** What was expected and what was found. */
  reason: string;
  /** What to do about it. */
  hint?: string;
  /** A stable name for the kind of problem, such as `anchor-not-found`. */
  ruleId: string;
  /** `true`: an error, no page is written; `false`: a warning; absent: information for the build log. */
  fatal?: boolean;
}

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

export function severityOf(m: Pick<ContentMessage, 'fatal'>): Severity {
  return m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info';
}

type MessageInit = Omit<ContentMessage, 'fatal'>;

/** A problem that stops the build. */
export function error(init: MessageInit): ContentMessage {
  return { ...init, fatal: true };
}

/** A problem worth fixing that does not stop the build (unless strict). */
export function warning(init: MessageInit): ContentMessage {
  return { ...init, fatal: false };
}

/** A line for the build log, such as a residue line left out. */
export function info(init: MessageInit): ContentMessage {
  return { ...init };
}

export function isFatal(m: ContentMessage): boolean {
  return m.fatal === true;
}

/** `file:line:column` (as far as known), which terminals and editors open. */
export function formatLocation(m: Pick<ContentMessage, 'file' | 'line' | 'column'>): string {
  let where = m.file;
  if (m.line !== undefined) {
    where += `:${m.line}`;
    if (m.column !== undefined) where += `:${m.column}`;
  }
  return where;
}

/**
 * One message: `file:line:column  error  reason` (a build-log line has no
 * severity), further lines of the reason indented, then the hint in brackets.
 */
export function formatMessage(m: ContentMessage): string {
  const [first, ...rest] = m.reason.split('\n');
  const label = m.fatal === undefined ? '' : `  ${severityOf(m)}`;
  const lines = [`${formatLocation(m)}${label}  ${first}`, ...rest.map((l) => `    ${l}`)];
  if (m.hint) lines.push(`    (${m.hint})`);
  return lines.join('\n');
}

/** `2 errors, 1 warning`. */
export function formatCounts(messages: readonly ContentMessage[]): string {
  const errors = messages.filter((m) => m.fatal === true).length;
  const warnings = messages.filter((m) => m.fatal === false).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Every message in file order, then one line with the counts. */
export function formatReport(messages: readonly ContentMessage[]): string {
  const sorted = [...messages].sort(compareMessages);
  return `${sorted.map(formatMessage).join('\n')}\n${formatCounts(messages)}`;
}

/** By file, then line, then column; messages without a place first within their file. */
export function compareMessages(a: ContentMessage, b: ContentMessage): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0)
  );
}

/** Thrown once, with every message of the build, when any is fatal: no page is written. */
export class ContentValidationError extends Error {
  readonly messages: readonly ContentMessage[];

  constructor(messages: readonly ContentMessage[]) {
    const shown = messages.filter((m) => m.fatal !== undefined);
    const errors = messages.filter(isFatal).length;
    super(`${errors} content error${errors === 1 ? '' : 's'}; no page was written.\n\n${formatReport(shown)}\n`);
    this.name = 'ContentValidationError';
    this.messages = messages;
  }
}
