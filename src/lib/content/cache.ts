/**
 * What loading can reuse from the last build: results keyed by a hash of
 * everything they depend on (a file's text, the options, the code that made
 * them), so a rebuild after one edit redoes only what the edit touched, and
 * `npm run validate` run twice reads each unchanged file once. Kept as one
 * JSON file between runs; a result whose key is not in it is computed again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ContentCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

/** A cache that keeps nothing: every result is computed. */
export const noCache: ContentCache = { get: () => undefined, set: () => {} };

/** A short, stable hash of some texts. */
export function hashOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const p of parts) {
    hash.update(typeof p === 'string' ? p : Buffer.from(p));
    hash.update('\u0000');
  }
  return hash.digest('base64url').slice(0, 24);
}

let codeHash: string | undefined;

/**
 * A hash of the code that loads content (`src/lib`, `src/schemas`,
 * `src/config`): a change to it makes every cached result stale.
 */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  const src = fileURLToPath(new URL('../../', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mjs|js)$/.test(name)) files.push(path);
    }
  };
  for (const part of ['lib', 'schemas', 'config']) walk(join(src, part));
  return (codeHash = hashOf(...files.flatMap((f) => [f.slice(src.length), readFileSync(f)])));
}

/** A cache kept in a JSON file: entries used in this run are written back, the others dropped. */
export class FileCache implements ContentCache {
  private readonly path: string;
  private readonly previous: Map<string, unknown>;
  private readonly used = new Map<string, unknown>();

  constructor(path: string) {
    this.path = path;
    let entries: [string, unknown][] = [];
    try {
      const saved = JSON.parse(readFileSync(path, 'utf8')) as { version?: string; entries?: [string, unknown][] };
      if (saved.version === codeVersion() && Array.isArray(saved.entries)) entries = saved.entries;
    } catch {
      // No cache yet, or one that cannot be read: start empty.
    }
    this.previous = new Map(entries);
  }

  get<T>(key: string): T | undefined {
    const value = (this.used.get(key) ?? this.previous.get(key)) as T | undefined;
    if (value !== undefined) this.used.set(key, value);
    return value;
  }

  set(key: string, value: unknown): void {
    this.used.set(key, value);
  }

  /** Writes the entries used in this run (atomically: a half-written cache is never read). */
  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: codeVersion(), entries: [...this.used] }));
    renameSync(temporary, this.path);
  }
}
