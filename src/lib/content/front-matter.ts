/**
 * Front matter with positions: YAML between `---` lines, parsed once, then
 * checked by a Zod schema, every problem reported at the line and column of
 * the value (or of the key's parent, when the key is missing).
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { type Document, isMap, isNode, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { type ContentMessage, error } from '../messages.ts';
import { didYouMean } from '../text/edit-distance.ts';

/** A content file split into its front matter (parsed YAML, not yet checked) and its body. */
export interface FrontMatter {
  /** The YAML as plain data. */
  raw: unknown;
  /** Line and column of a field's value (or of its parent, when absent). */
  positionOf(path: readonly (string | number)[]): { line: number; column: number };
  /** Line and column of a field's name, for a field that should not be there. */
  keyPositionOf(path: readonly (string | number)[]): { line: number; column: number };
  /** The body after the front matter. */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; messages: ContentMessage[] };

const fence = /^---[ \t]*\r?\n/;
const yamlStartLine = 2;

/** Splits a content file and parses its YAML, with positions for messages. */
export function parseFrontMatter(file: string, source: string): Parsed<FrontMatter> {
  const text = source.replace(/^\uFEFF/, '');
  const open = fence.exec(text);
  if (!open) {
    return fail(file, 'front-matter-missing', 'Expected the file to start with a front matter block (a line with `---`), found none.', 'Start the file with `---`, the YAML fields, and another `---` line.');
  }
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) {
    return fail(file, 'front-matter-unclosed', 'Expected a closing `---` line after the front matter, found none.', 'End the YAML fields with a line holding only `---`.');
  }
  const yamlText = rest.slice(0, close.index);
  const body = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyLine = yamlStartLine + countNewlines(rest.slice(0, close.index + close[0].length)) + 1;

  // Most files are valid: read them with the fast parser, and find positions
  // (with the slower one) only when a message needs them.
  const data = quickYaml(yamlText);
  if (data !== undefined) {
    let located: Located | undefined;
    const locate = () => (located ??= locateYaml(yamlText));
    return {
      ok: true,
      value: { raw: data, positionOf: (path) => locate().positionOf(path), keyPositionOf: (path) => locate().keyPositionOf(path), body, bodyLine },
    };
  }
  return parseWithPositions(file, yamlText, body, bodyLine);
}

type Located = Pick<FrontMatter, 'positionOf' | 'keyPositionOf'>;

/**
 * The data of plain YAML, read by js-yaml's core schema (the same YAML 1.2
 * core types as the `yaml` package's default), or undefined when the text has
 * anchors or aliases, or any error: those take the careful path, which
 * refuses alias bombs and reports every problem with its place.
 */
function quickYaml(text: string): Record<string, unknown> | undefined {
  if (/(^|[\s[{,:-])[&*][^\s,\]}]/.test(text)) return undefined;
  try {
    const data: unknown = load(text, { schema: CORE_SCHEMA });
    if (data === undefined || data === null) return {};
    return typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Positions of a valid YAML text's fields, from its syntax tree. */
function locateYaml(text: string): Located {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return positionsOf(doc, lineCounter);
}

/** Parses with positions: every problem is reported at its line and column. */
function parseWithPositions(file: string, yamlText: string, body: string, bodyLine: number): Parsed<FrontMatter> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + yamlStartLine - 1, column: pos.col };
  };
  const yamlError = (offset: number, what: string): Parsed<never> => ({
    ok: false,
    messages: [error({ ruleId: 'yaml', file, ...at(offset), reason: `Expected valid YAML front matter: ${what}`, hint: 'Quote values that contain `: `, `#` or start with a quote, and indent nested fields with spaces.' })],
  });
  if (doc.errors.length > 0) {
    // The first error is the one to fix; the others usually follow from it.
    const e = doc.errors[0]!;
    return yamlError(unclosedBracket(yamlText, e.pos[0]) ?? e.pos[0], e.message.split('\n')[0]!);
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // Aliases that expand without bound (a "billion laughs"): refused, at the first alias.
    let first = 0;
    visit(doc, { Alias: (_key, node) => ((first = node.range?.[0] ?? 0), visit.BREAK) });
    return yamlError(first, `${(e as Error).message} (aliases that expand too far).`);
  }
  return { ok: true, value: { raw, ...positionsOf(doc, lineCounter), body, bodyLine } };
}

/** Line and column of fields, from a parsed document. */
function positionsOf(doc: Document, lineCounter: LineCounter): Located {
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + yamlStartLine - 1, column: pos.col };
  };
  const positionOf = (path: readonly (string | number)[]) => {
    const node = nodeAt(doc.contents, path);
    return node?.range ? at(node.range[0]) : { line: yamlStartLine, column: 1 };
  };
  const keyPositionOf = (path: readonly (string | number)[]) => {
    const parent = nodeAt(doc.contents, path.slice(0, -1));
    const pair = parent && isMap(parent) ? parent.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === path[path.length - 1]) : undefined;
    return pair && isNode(pair.key) && pair.key.range ? at(pair.key.range[0]) : positionOf(path);
  };
  return { positionOf, keyPositionOf };
}

/** Checks parsed front matter against a schema; every problem at the line and column of its field. */
export function validateFrontMatter<S extends z.ZodType>(file: string, fm: FrontMatter, schema: S): Parsed<z.output<S>> {
  const parsed = schema.safeParse(fm.raw, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    messages: withoutFollowOns(parsed.error.issues, schema).map((issue) => {
      const path = issue.path as (string | number)[];
      const field = issue.path.length ? `\`${issue.path.join('.')}\`` : 'the front matter';
      // A check of this project's (the URL policy) names its own rule and hint.
      const own = issue.code === 'custom' ? (issue.params as { ruleId?: string; hint?: string } | undefined) : undefined;
      return error({
        ruleId: own?.ruleId ?? 'schema',
        file,
        ...(issue.code === 'unrecognized_keys' ? fm.keyPositionOf([...path, issue.keys[0]!]) : fm.positionOf(path)),
        reason: `${field}: ${describeIssue(issue)}`,
        hint: own?.hint ?? hintFor(issue, schema),
      });
    }),
  };
}

/**
 * A misspelt field (`sttaus:`) also leaves the real one (`status`) missing:
 * report the spelling, which is the one thing to fix, not the absence too.
 */
function withoutFollowOns(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): z.core.$ZodIssue[] {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const field = didYouMean(key, fieldsAt(schema, issue.path));
      if (field) meant.add(JSON.stringify([...issue.path, field]));
    }
  }
  return issues.filter((i) => !(inputOf(i) === undefined && i.code !== 'unrecognized_keys' && meant.has(JSON.stringify(i.path))));
}

function inputOf(issue: z.core.$ZodIssue): unknown {
  return (issue as { input?: unknown }).input;
}

/** How a YAML value reads in a message: `nothing`, `a list`, `"text"`. */
function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
}

/** The deepest YAML node along a path (the parent when the key itself is missing). */
function nodeAt(root: unknown, path: readonly (string | number)[]): YamlNode | undefined {
  let node = isNode(root) ? root : undefined;
  for (const key of path) {
    if (!node) return undefined;
    const next = isMap(node) ? node.get(key, true) : 'items' in node && Array.isArray((node as { items: unknown[] }).items) ? (node as { items: unknown[] }).items[key as number] : undefined;
    if (!isNode(next)) {
      // A missing field: for a map, point at its key if present, else at the map.
      if (isMap(node)) {
        const pair = node.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key);
        if (pair && isNode(pair.key)) return pair.key;
      }
      return node;
    }
    node = next;
  }
  return node;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = inputOf(issue);
  if (issue.code === 'invalid_type') return `Expected ${issue.expected}, found ${describeValue(input)}.`;
  if (issue.code === 'unrecognized_keys') {
    return `Expected only known fields, found ${issue.keys.map((k) => `\`${k}\``).join(', ')}.`;
  }
  if (issue.code === 'invalid_value') {
    return `Expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(input)}.`;
  }
  const message = issue.message.replace(/\.$/, '');
  const stated = message.startsWith('Expected') ? message : `Expected a valid value: ${message}`;
  // Say what was found, when the check's own message does not.
  return /\bfound\b/.test(stated) ? `${stated}.` : `${stated}, found ${describeValue(input)}.`;
}

function hintFor(issue: z.core.$ZodIssue, schema: z.ZodType): string {
  if (issue.code === 'unrecognized_keys') {
    const known = fieldsAt(schema, issue.path);
    const meant = didYouMean(issue.keys[0]!, known);
    if (meant) return `Did you mean \`${meant}\`? Fields here: ${known.join(', ')}.`;
    return known.length ? `Fields here: ${known.join(', ')}; src/schemas/ describes each.` : 'Check the spelling of the field; src/schemas/ lists every field.';
  }
  if (issue.code === 'invalid_value') {
    const input = (issue as { input?: unknown }).input;
    const meant = typeof input === 'string' ? didYouMean(input, issue.values.map(String)) : undefined;
    if (meant) return `Did you mean "${meant}"?`;
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && inputOf(issue) === undefined) return 'Add the missing field.';
  return 'Every field is described in src/schemas/.';
}

/** The field names an object schema allows at a path, for "did you mean". */
function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let node: unknown = schema;
  for (const key of [...path, undefined]) {
    // Look through wrappers (optional, default, pipes, refinements) to the schema that holds fields.
    for (let i = 0; i < 8; i++) {
      const def = (node as { def?: Record<string, unknown> }).def;
      if (!def) return [];
      const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
      if (!inner) break;
      node = inner;
    }
    if (key === undefined) break;
    const def = (node as { def: Record<string, unknown> }).def;
    node = typeof key === 'number' ? def.element : (def.shape as Record<string, unknown> | undefined)?.[key as string];
    if (!node) return [];
  }
  const shape = (node as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

function fail(file: string, ruleId: string, reason: string, hint: string): Parsed<never> {
  return { ok: false, messages: [error({ ruleId, file, line: 1, column: 1, reason, hint })] };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Where an unclosed `[` or `{` opens before the place the parser reports an
 * error: the parser notices it only where the list should have ended, but
 * the place to fix is the bracket.
 */
export function unclosedBracket(yaml: string, reportedAt: number): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < Math.min(reportedAt + 1, yaml.length); i++) {
    const c = yaml[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1]!))) while (i < yaml.length && yaml[i] !== '\n') i++;
    else if (c === '[' || c === '{') open.push(i);
    else if (c === ']' || c === '}') open.pop();
  }
  return open[0];
}
