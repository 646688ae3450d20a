/**
 * Reads content files for the source-policy tests: front
 * matter parsed with `yaml` and checked by the content schemas, with the line
 * and column of every field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isNode, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { PositionOf } from '../../src/lib/sources/source-policy.ts';

export const root = new URL('../..', import.meta.url).pathname;

export interface ParsedFile<T> {
  file: string;
  data: T;
  positionOf: PositionOf;
}

/** Parses the front matter of one content file with a schema; throws with the schema's issues. */
export function readContentFile<S extends z.ZodType>(file: string, schema: S): ParsedFile<z.output<S>> {
  const text = readFileSync(join(root, file), 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) throw new Error(`${file}: no front matter`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(match[1]!, { lineCounter });
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const positionOf: PositionOf = (path) => {
    let node: unknown = doc.contents;
    for (const key of path) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node)) node = node.items[key as number];
      else return undefined;
    }
    const range = isNode(node) ? (node as YamlNode).range : undefined;
    if (!range) return undefined;
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line + 1, column: pos.col };
  };
  return { file, data: parsed.data, positionOf };
}

/** Every `.md` file of a content folder, as project-relative paths. */
export function contentFiles(dir: string): string[] {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `${dir}/${name}`);
}
