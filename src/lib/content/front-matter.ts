/**
 * Front matter with positions: YAML between `---` lines, checked by a Zod
 * schema, every problem reported at the line and column of the value (or of
 * the key's parent, when the key is missing).
 */
import { isMap, isNode, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { ContentIssue } from '../errors.ts';

export interface FrontMatterFile<T> {
  data: T;
  /** Line and column of a field's value (or of its parent, when absent). */
  positionOf(path: (string | number)[]): { line: number; column: number };
  /** The body after the front matter. */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

export type FrontMatterResult<T> = { ok: true; value: FrontMatterFile<T> } | { ok: false; issues: ContentIssue[] };

const fence = /^---[ \t]*\r?\n/;

/** Splits, parses and validates a content file. */
export function readFrontMatter<S extends z.ZodType>(file: string, source: string, schema: S): FrontMatterResult<z.output<S>> {
  const text = source.replace(/^\uFEFF/, '');
  const open = fence.exec(text);
  if (!open) {
    return fail(file, 1, 1, 'Expected the file to start with a front matter block (a line with `---`), found none.', 'Start the file with `---`, the YAML fields, and another `---` line.');
  }
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*$/m.exec(rest);
  if (!close) {
    return fail(file, 1, 1, 'Expected a closing `---` line after the front matter, found none.', 'End the YAML fields with a line holding only `---`.');
  }
  const yamlText = rest.slice(0, close.index);
  const yamlStartLine = 2;
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyLine = yamlStartLine + countNewlines(rest.slice(0, close.index + close[0].length)) + 1;

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + yamlStartLine - 1, column: pos.col };
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        severity: 'error' as const,
        file,
        ...at(e.pos[0]),
        message: `Expected valid YAML front matter: ${e.message.split('\n')[0]}`,
        hint: 'Quote values that contain `: `, `#` or start with a quote, and indent nested fields with spaces.',
      })),
    };
  }

  const raw: unknown = doc.toJS() ?? {};
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path as (string | number)[];
        const node = nodeAt(doc.contents, issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path);
        const pos = node?.range ? at(node.range[0]) : { line: yamlStartLine, column: 1 };
        const field = issue.path.length ? `\`${issue.path.join('.')}\`` : 'the front matter';
        return {
          severity: 'error' as const,
          file,
          ...pos,
          message: `${field}: ${describeIssue(issue)}`,
          hint: hintFor(issue),
        };
      }),
    };
  }
  const positionOf = (path: (string | number)[]) => {
    const node = nodeAt(doc.contents, path);
    return node?.range ? at(node.range[0]) : { line: yamlStartLine, column: 1 };
  };
  return { ok: true, value: { data: parsed.data, positionOf, body: afterClose, bodyLine } };
}

/** The deepest YAML node along a path (the parent when the key itself is missing). */
function nodeAt(root: unknown, path: (string | number)[]): YamlNode | undefined {
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
  if (issue.code === 'invalid_type') {
    const received = 'input' in issue && issue.input === undefined ? 'nothing' : typeof (issue as { input?: unknown }).input;
    return `Expected ${issue.expected}, found ${received}.`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `Expected only known fields, found ${issue.keys.map((k) => `\`${k}\``).join(', ')}.`;
  }
  if (issue.code === 'invalid_value') {
    return `Expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${JSON.stringify((issue as { input?: unknown }).input)}.`;
  }
  const message = issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  return message.startsWith('Expected') ? message : `Expected a valid value: ${message}`;
}

function hintFor(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'Check the spelling of the field; the schemas in src/schemas/ list every field.';
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return 'Add the missing field.';
  return 'See the field documentation in src/schemas/.';
}

function fail(file: string, line: number, column: number, message: string, hint: string): FrontMatterResult<never> {
  return { ok: false, issues: [{ severity: 'error', file, line, column, message, hint }] };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
