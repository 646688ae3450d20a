/**
 * Stored explainers kept one file each (`v8.serialize`), in a folder of
 * Astro's cache, for the entries of the content store to point to
 * (`ExplainerEntry.file`; see `stored-explainer.ts` for why). A file is named
 * by the explainer's slug and digest: an unchanged explainer keeps its file
 * from the last build, and a changed one gets a new file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { StoredExplainer } from './stored-explainer.ts';

export class KeptExplainers {
  private readonly dir: string;
  private readonly used = new Set<string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /** The file that keeps `stored`, written unless the folder has it already. */
  keep(stored: StoredExplainer, digest: string): string {
    const name = `${stored.slug}-${digest}.bin`;
    const file = join(this.dir, name);
    if (!existsSync(file)) {
      mkdirSync(this.dir, { recursive: true });
      // Written whole, then renamed: a build that stops half-way leaves no half file under the name.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, serialize(stored));
      renameSync(partial, file);
    }
    this.used.add(name);
    return file;
  }

  /** Deletes the files no entry of this pass points to. */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const name of readdirSync(this.dir)) if (!this.used.has(name)) rmSync(join(this.dir, name), { force: true });
  }
}

/** The stored explainer an entry points to. */
export function readKept(file: string, slug: string): StoredExplainer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new Error(`The kept data of the explainer “${slug}” is missing (${(e as NodeJS.ErrnoException).code ?? 'error'} ${file}): the cache folder changed during the build. Build again.`);
  }
  return deserialize(bytes) as StoredExplainer;
}
