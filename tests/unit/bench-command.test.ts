import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, buildCommand } from '../bench/astro-build.ts';
import { projectRoot } from '../bench/content.ts';
import { tempDir } from '../support/temp-dir.ts';

function projectWith(pkg: object): string {
  const root = tempDir('bench-command-');
  writeFileSync(join(root, 'package.json'), JSON.stringify(pkg));
  return root;
}

describe('buildCommand: what the benchmark runs for a build', () => {
  it('runs the project’s own build script with its Node flags, as npm run build does', () => {
    const script = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
    const words = script.split(' ');
    expect(words[0]).toBe('node');
    expect(buildCommand(projectRoot, ['--cpu-prof'])).toEqual(['--cpu-prof', ...words.slice(1), '--root', projectRoot]);
  });

  it('runs Astro’s command line for a project without a Node build script', () => {
    const root = projectWith({ name: 'plain', private: true });
    expect(buildCommand(root)).toEqual([join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root]);
    const astro = projectWith({ scripts: { build: 'astro build' } });
    expect(buildCommand(astro)[0]).toBe(join(astro, 'node_modules/astro/bin/astro.mjs'));
  });

  it('refuses a script it cannot run without a shell', () => {
    const root = projectWith({ scripts: { build: 'node a.js build && echo done' } });
    expect(() => buildCommand(root)).toThrow(/cannot run its build script/);
  });
});

describe('astroBuild: the peak memory of a build', () => {
  it('adds up the processes that run at once, a child Node leaves to exit on its own among them', async () => {
    // A "build" that holds 150 MB and starts a child holding 300 MB, as the search indexer runs beside
    // Node; the child is not waited for, and it outlives the build's own process by a moment.
    const root = projectWith({ scripts: { build: 'node build.mjs build' } });
    const hold = (mb: number) => `const held = Buffer.alloc(${mb} * 2 ** 20, 1);`;
    writeFileSync(join(root, 'child.mjs'), `${hold(300)} setTimeout(() => held.length, 1500);`);
    writeFileSync(
      join(root, 'build.mjs'),
      `import { spawn } from 'node:child_process';
${hold(150)}
spawn(process.execPath, [new URL('child.mjs', import.meta.url).pathname], { stdio: 'ignore' }).unref();
setTimeout(() => held.length, 1200);`,
    );
    const run = await astroBuild(root, join(root, 'build.log'));
    // Both together are over 450 MB (each Node adds its own 40 MB or so); either alone is under 400.
    expect(run.peakMiB).toBeGreaterThan(450);
  }, 30_000);
});
