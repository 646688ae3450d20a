/**
 * Builds the site, or a copy of the project with some files changed, with the
 * command `npm run build` runs (the project's command line, which runs the real
 * Astro CLI), so tests see exactly what it does; or with Astro's own CLI.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCommand } from '../bench/astro-build.ts';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * The environment without what the test runner adds (`BASE_URL`, `MODE`,
 * `NODE_ENV=test`…), which Vite would otherwise read as the build's own.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$)/.test(key)) delete env[key];
  }
  return env;
}

/**
 * Builds `root` into `outDir` with extra CLI flags: `via: 'npm'` runs the
 * project's `build` script as npm runs it (without npm itself), which makes
 * the search index once Astro's process has ended; `via: 'astro'` runs
 * `astro build`, where the search integration makes it in the build's last step.
 */
export function astroBuild(root: string, outDir: string, flags: string[] = [], env: Record<string, string> = {}, via: 'npm' | 'astro' = 'npm'): BuildResult {
  const command = via === 'npm' ? buildCommand(root) : [astroBin, 'build', '--root', root];
  const r = spawnSync(process.execPath, [...command, '--outDir', outDir, ...flags], {
    cwd: root,
    encoding: 'utf8',
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env },
    timeout: 300_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, outDir };
}

/**
 * A throwaway copy of the project under tests/.tmp/<name>, sharing
 * node_modules, with its own Astro cache so builds do not share state.
 * With `content: 'none'`, `content/` and `seeds/` are left for the caller.
 */
export function projectCopy(name: string, changes: Record<string, string | Uint8Array> = {}, options: { content?: 'project' | 'none' } = {}): string {
  const root = join(projectRoot, 'tests/.tmp', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const parts = ['src', 'public', 'tsconfig.json', 'package.json', ...(options.content === 'none' ? [] : ['content', 'seeds'])];
  for (const part of parts) {
    cpSync(join(projectRoot, part), join(root, part), { recursive: true });
  }
  cpSync(join(projectRoot, 'astro.config.mjs'), join(root, 'astro.config.base.mjs'));
  writeFileSync(
    join(root, 'astro.config.mjs'),
    "import config from './astro.config.base.mjs';\nexport default { ...config, cacheDir: './.cache' };\n",
  );
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  for (const [path, content] of Object.entries(changes)) writeFileSync(join(root, path), content);
  return root;
}
