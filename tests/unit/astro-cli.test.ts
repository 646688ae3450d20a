import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `astro info` through the project's command line with mimalloc's
 * options printed: `info` loads Vite's bundler, whose native module reads the
 * options as it loads, so what it prints is what a build gets.
 */
function arenaCommitOptions(value: string | undefined): string[] {
  const env: NodeJS.ProcessEnv = { ...process.env, MIMALLOC_VERBOSE: '1' };
  delete env.MIMALLOC_ARENA_EAGER_COMMIT;
  if (value !== undefined) env.MIMALLOC_ARENA_EAGER_COMMIT = value;
  const run = spawnSync(process.execPath, ['src/cli/astro.ts', 'info'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  return [...`${run.stdout}${run.stderr}`.matchAll(/option 'arena_eager_commit': (\d+)/g)].map((m) => m[1]!);
}

describe('src/cli/astro.ts', () => {
  it("has the bundler's allocator commit its arena on demand, set before Astro loads it", () => {
    const seen = arenaCommitOptions(undefined);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['0']));
  });

  it('leaves a value set in the environment as it is', () => {
    const seen = arenaCommitOptions('2');
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['2']));
  });
});
