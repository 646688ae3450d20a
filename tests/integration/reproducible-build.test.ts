/**
 * Two clean builds of the same sources, in two different folders, write the
 * same dist/ byte for byte: no absolute path, time stamp or random order in
 * any output file, so a preview and the deployed site can be compared file by
 * file and a rebuild changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, type BuildResult } from '../support/build-site.ts';
import { filesUnder } from '../support/site-links.ts';

let builds: BuildResult[] = [];

/** Where two files first differ, with a few bytes around it from each. */
function firstDifference(file: string, a: Buffer, b: Buffer): string | undefined {
  if (a.equals(b)) return undefined;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  const around = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, at - 40), at + 40).toString('utf8'));
  return `${file}: ${a.length} and ${b.length} bytes, first difference at byte ${at}\n  first:  ${around(a)}\n  second: ${around(b)}`;
}

describe('two clean builds in two different folders', () => {
  beforeAll(() => {
    builds = ['reproducible-a', 'reproducible-b/nested'].map((name) => {
      const root = projectCopy(name);
      return astroBuild(root, join(root, 'dist'));
    });
  }, 300_000);

  it('both succeed', () => {
    for (const build of builds) expect(build.status, build.output).toBe(0);
  });

  it('write the same files, byte for byte', () => {
    const [a, b] = builds.map((build) => filesUnder(build.outDir).map((file) => relative(build.outDir, file)));
    expect(a!.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
    const differences = a!.flatMap((file) => {
      const d = firstDifference(file, readFileSync(join(builds[0]!.outDir, file)), readFileSync(join(builds[1]!.outDir, file)));
      return d ? [d] : [];
    });
    expect(differences.join('\n'), `${differences.length} file(s) differ`).toBe('');
  });
});
