/**
 * Front matter is read with a fast parser and located (line and column) with
 * the `yaml` package only when a message needs it: both must agree on the
 * data of every content file the project and its fixtures hold.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/lib/content/front-matter.ts';
import { projectRoot } from '../support/build-site.ts';

function contentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) return contentFiles(path);
    return /\.mdx?$/.test(name) ? [path] : [];
  });
}

const files = [...contentFiles(join(projectRoot, 'content')), ...contentFiles(join(projectRoot, 'tests/fixtures'))];

describe('reading front matter', () => {
  it('finds content files to compare', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('gives the same data as the yaml package for every content file and fixture', () => {
    let compared = 0;
    for (const path of files) {
      const source = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      const yamlText = /^---[ \t]*\r?\n([\s\S]*?)^---[ \t]*$/m.exec(source)?.[1];
      const parsed = parseFrontMatter(path, source);
      if (yamlText === undefined || !parsed.ok) continue;
      const reference = parseDocument(yamlText, { uniqueKeys: true });
      if (reference.errors.length) continue;
      expect(parsed.value.raw, path).toEqual(reference.toJS({ maxAliasCount: 100 }) ?? {});
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('locates a field of a file read on the fast path only when asked, at the right line and column', () => {
    const parsed = parseFrontMatter('c.md', '---\nanchor:\n  exact: "x"\nstatus: verified\n---\nNote.\n');
    expect(parsed.ok && parsed.value.positionOf(['status'])).toEqual({ line: 4, column: 9 });
    expect(parsed.ok && parsed.value.keyPositionOf(['anchor', 'exact'])).toEqual({ line: 3, column: 3 });
  });

  it('reads YAML 1.2 core types as the yaml package does: dates stay text, yes stays text', () => {
    const parsed = parseFrontMatter('c.md', '---\nchecked: 2025-02-01\nflag: yes\nn: 0o17\n---\n');
    expect(parsed.ok && parsed.value.raw).toEqual({ checked: '2025-02-01', flag: 'yes', n: 15 });
  });
});
