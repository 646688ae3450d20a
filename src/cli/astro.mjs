// @ts-check
/**
 * `npm run dev|build|preview|check`: Astro's own command line, with settings
 * of this project's, all environment variables: Astro's anonymous usage
 * reporting (telemetry) off, and the bundler's allocator committing memory on
 * demand and returning it as soon as it is freed (below). Setting them here
 * rather than in the npm scripts works the same in every shell (sh,
 * PowerShell, cmd), and it leaves the user's global Astro settings alone. Set
 * `ASTRO_TELEMETRY_DISABLED=` (empty) to send the usage data anyway; a value
 * already in the environment is kept for each.
 *
 * `build` runs Astro in a process of its own, then makes the search index
 * (src/integrations/search-index.ts) once that process has ended: the
 * indexer holds every page it reads until it writes, and beside the build's
 * heap the machine needed the two together. Astro's own `astro build` still
 * makes the index itself, in its last step.
 *
 * Plain JavaScript: this process waits beside the build for as long as it
 * runs, and a TypeScript loader would add 14 MB to it.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deferredIndexVariable } from '../integrations/search-index-job.mjs';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

// Vite's bundler (Rolldown) is a native module with its own copy of the
// mimalloc allocator. By default it commits its 1 GiB arena eagerly, and it
// hands freed memory back to the system only on a later call, a second or
// more after the free: the bundler is idle once Vite's build is done, so what
// it freed stayed resident to the end. In clean builds of 1,000 explainers,
// committing on demand took Node's peak resident set from 956-999 MB to
// 776-819 MB; returning freed memory at once (a purge delay of 0) took the
// peak of the whole build from 907 to 798 MiB, in no more time. mimalloc
// reads both when the module loads, so they are set before Astro is started.
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';
process.env.MIMALLOC_PURGE_DELAY ??= '0';

const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const args = process.argv.slice(2);

if (args[0] === 'build') {
  process.exitCode = await buildThenIndex();
} else {
  // Astro's bin script checks the Node version, then runs the command in process.argv.
  await import(pathToFileURL(astroBin).href);
}

/**
 * Runs `astro build` with these arguments in a child process with the same
 * Node flags, telling the search integration where to leave its job; once
 * the child has ended well, makes the index it left.
 * @returns {Promise<number>} the exit code
 */
async function buildThenIndex() {
  const scratch = mkdtempSync(join(tmpdir(), 'explainers-build-'));
  const jobFile = join(scratch, 'search-index.json');
  try {
    const child = spawn(process.execPath, [...process.execArgv, astroBin, ...args], {
      stdio: 'inherit',
      env: { ...process.env, [deferredIndexVariable]: jobFile },
    });
    // Ctrl-C reaches both processes; a signal sent to this one alone is passed
    // on while the build runs. Once it has ended, a signal ends this process
    // as usual, the search index included.
    const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
    /** @param {NodeJS.Signals} signal */
    const passOn = (signal) => child.kill(signal);
    for (const signal of signals) process.on(signal, passOn);
    /** @type {number} */
    const code = await new Promise((done, fail) => {
      child.on('error', fail);
      child.on('close', (exit, signal) => done(exit ?? (signal ? 1 : 0)));
    }).finally(() => {
      for (const signal of signals) process.off(signal, passOn);
    });
    if (code !== 0) return code;
    let text;
    try {
      text = readFileSync(jobFile, 'utf8');
    } catch {
      // No pages were written (`astro build --help`…): nothing to index.
      return 0;
    }
    const { runDeferredIndex } = await import('../integrations/search-index.ts');
    return await runDeferredIndex(JSON.parse(text));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
