import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `astro info` through the project's command line with mimalloc's
 * options printed: `info` loads Vite's bundler, whose native module reads the
 * options as it loads, so what it prints is what a build gets.
 */
function allocatorOptions(set: { MIMALLOC_ARENA_EAGER_COMMIT?: string; MIMALLOC_PURGE_DELAY?: string } = {}): { arenaEagerCommit: string[]; purgeDelay: string[] } {
  const env: NodeJS.ProcessEnv = { ...process.env, MIMALLOC_VERBOSE: '1' };
  delete env.MIMALLOC_ARENA_EAGER_COMMIT;
  delete env.MIMALLOC_PURGE_DELAY;
  Object.assign(env, set);
  const run = spawnSync(process.execPath, ['src/cli/astro.mjs', 'info'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  const printed = `${run.stdout}${run.stderr}`;
  const option = (name: string) => [...printed.matchAll(new RegExp(`option '${name}': (\\d+)`, 'g'))].map((m) => m[1]!);
  return { arenaEagerCommit: option('arena_eager_commit'), purgeDelay: option('purge_delay') };
}

describe('src/cli/astro.mjs', () => {
  it("has the bundler's allocator commit its arena on demand and return freed memory at once, set before Astro loads it", () => {
    const seen = allocatorOptions();
    expect(seen.arenaEagerCommit.length).toBeGreaterThan(0);
    expect(new Set(seen.arenaEagerCommit)).toEqual(new Set(['0']));
    expect(seen.purgeDelay.length).toBeGreaterThan(0);
    expect(new Set(seen.purgeDelay)).toEqual(new Set(['0']));
  });

  it('leaves values set in the environment as they are', () => {
    const seen = allocatorOptions({ MIMALLOC_ARENA_EAGER_COMMIT: '2', MIMALLOC_PURGE_DELAY: '250' });
    expect(seen.arenaEagerCommit.length).toBeGreaterThan(0);
    expect(new Set(seen.arenaEagerCommit)).toEqual(new Set(['2']));
    expect(new Set(seen.purgeDelay)).toEqual(new Set(['250']));
  });
});
