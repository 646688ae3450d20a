import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, projectRoot } from '../support/build-site.ts';

const seed = readFileSync(join(projectRoot, 'seeds/deepseek-r1.txt'), 'utf8');

/** The report and nothing else: no stack trace, no internal location, no unrelated Astro hint; a count line; each problem once. */
function expectQuiet(output: string): void {
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toMatch(/Location:|Stack trace|Hint:|Browser APIs/);
  expect(output).toMatch(/^\d+ errors?, \d+ warnings?$/m);
  const problems = output.split('\n').filter((l) => /^\S+:\d+(:\d+)?\s+error\s/.test(l));
  expect(new Set(problems).size).toBe(problems.length);
}

describe('a build over content that no longer matches', () => {
  it('fails, names the claim file and quotes the nearest passage when an anchored phrase is edited', () => {
    expect(seed).toContain('less than $6 million');
    const root = projectCopy('edited-seed', {
      'seeds/deepseek-r1.txt': seed.replace('less than $6 million', 'under $6 million'),
    });
    const build = astroBuild(root, join(root, 'dist'));
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/content\/claims\/deepseek-r1\/[a-z0-9-]+\.md:\d+:\d+\s+error\s+/);
    expect(build.output).toContain('under $6 million');
    expect(build.output).toMatch(/paragraph 15/i);
    expect(build.output).toMatch(/no page was written/);
    expect(existsSync(join(root, 'dist'))).toBe(false);
    expectQuiet(build.output);
  }, 300_000);

  it('fails naming the seed when it is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(seed.slice(0, 200)), Buffer.from([0xff, 0xfe]), Buffer.from(seed.slice(200))]);
    const root = projectCopy('bad-utf8', { 'seeds/deepseek-r1.txt': bytes });
    const build = astroBuild(root, join(root, 'dist'));
    expect(build.status).not.toBe(0);
    expect(build.output).toMatch(/seeds\/deepseek-r1\.txt:1:\d+\s+error\s+Expected UTF-8 text/);
    expectQuiet(build.output);
  }, 300_000);
});
