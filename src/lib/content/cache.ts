/**
 * What loading can reuse from the last build: results keyed by a hash of
 * everything they depend on (the files' text, the options, the code that made
 * them), so a rebuild after one edit redoes only what the edit touched. A
 * result whose key is not kept is computed again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

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
 * `src/config`) and of the lock file (the packages it runs on): a change to
 * either makes every cached result stale.
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
  const lockFile = join(src, '../package-lock.json');
  let lock: Buffer | string = '';
  try {
    lock = readFileSync(lockFile);
  } catch {
    // No lock file (a copy of the sources alone): the code's hash is the key.
  }
  return (codeHash = hashOf(...files.flatMap((f) => [f.slice(src.length), readFileSync(f)]), lock));
}

/**
 * A cache kept as one file per entry in a folder (V8's serialization: fast,
 * and it keeps what JSON would not). Writes are atomic, so a half-written
 * entry is never read; an entry that cannot be read counts as missing.
 * `prune()` removes the entries this run neither read nor wrote.
 */
export class FolderCache implements ContentCache {
  private readonly dir: string;
  private readonly touched = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  private pathOf(key: string): string {
    if (!/^[\w-]+$/.test(key)) throw new Error(`A cache key is a file name: letters, digits, - and _; found “${key}”.`);
    return join(this.dir, `${key}.bin`);
  }

  get<T>(key: string): T | undefined {
    try {
      const value = deserialize(readFileSync(this.pathOf(key))) as T;
      this.touched.add(key);
      return value;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: unknown): void {
    mkdirSync(this.dir, { recursive: true });
    const path = this.pathOf(key);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialize(value));
    renameSync(temporary, path);
    this.touched.add(key);
  }

  /** Deletes every entry not read or written since this cache was opened. */
  prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.endsWith('.bin') && !this.touched.has(name.slice(0, -4))) rmSync(join(this.dir, name), { force: true });
    }
  }
}
