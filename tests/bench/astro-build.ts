/**
 * One build of a project as a whole process, run as `npm run build` runs it:
 * wall time from spawn to exit, and peak memory.
 *
 * Peak memory is the largest sum of the resident sets of the build's whole
 * process tree, polled from /proc every 100 ms: the annotated build runs its
 * search indexer (Pagefind) as a second process while Node still holds its
 * heap, and what the machine must have is both together. GNU time's `%M`
 * (Debian package `time`, /usr/bin/time), when it is there, gives the CPU time
 * and a floor for the peak (a spike shorter than a poll); it is not the peak
 * itself, as it counts one process at a time and misses a child that Node
 * leaves to exit on its own, as the indexer is.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const gnuTime = '/usr/bin/time';

export const memoryMethod = `sum of the resident sets of the build's process tree, polled from /proc every 100 ms${existsSync(gnuTime) ? " (at least GNU time's %M)" : ''}`;

export interface BuildRun {
  seconds: number;
  peakMiB: number;
  /** User + system CPU seconds (GNU time only), less sensitive to other load than wall time: Node's and the children it waits for, which leaves out the search indexer. */
  cpuSeconds?: number;
}

/** The environment without what a test runner adds (`NODE_ENV=test`…), which Vite would read as the build's own. */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$)/.test(key)) delete env[key];
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
}

function rssKiB(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) out.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // The process is gone.
  }
  return out;
}

function treeRssKiB(root: number): number {
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rssKiB(pid);
    stack.push(...childrenOf(pid));
  }
  return total;
}

/**
 * The command `npm run build` runs in `root`, without npm itself: the
 * project's `build` script when it runs Node (`node [flags] file build`),
 * with the project's Node; Astro's own command line otherwise. The annotated
 * project's script sets how its Node collects garbage, which is part of what
 * is measured.
 */
export function buildCommand(root: string, nodeFlags: readonly string[] = []): string[] {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: { build?: string } }).scripts?.build;
  const words = script?.trim().split(/\s+/) ?? [];
  if (words[0] === 'node' && words.length > 1 && words.every((w) => /^[\w@./=:-]+$/.test(w))) return [...nodeFlags, ...words.slice(1), '--root', root];
  if (script !== undefined && !/^astro build\b/.test(script.trim())) throw new Error(`${root}/package.json: cannot run its build script "${script}" without a shell`);
  return [...nodeFlags, join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root];
}

/**
 * Runs the project's build in `root` (`buildCommand`) with the project's
 * Node; the log goes to `logFile`. `nodeFlags` go to Node (a CPU profile).
 * Throws with the end of the log when the build fails.
 */
export async function astroBuild(root: string, logFile: string, nodeFlags: readonly string[] = []): Promise<BuildRun> {
  const args = buildCommand(root, nodeFlags);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const timeFile = join(scratch, 'maxrss');
  const useTime = existsSync(gnuTime);
  const [command, commandArgs] = useTime ? [gnuTime, ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];

  const log = openSync(logFile, 'w');
  let peakKiB = 0;
  let poller: NodeJS.Timeout | undefined;
  try {
    const start = performance.now();
    const child = spawn(command, commandArgs, { cwd: root, env: buildEnv(), stdio: ['ignore', log, log] });
    if (child.pid) {
      const pid = child.pid;
      poller = setInterval(() => {
        peakKiB = Math.max(peakKiB, treeRssKiB(pid));
      }, 100);
    }
    const code = await new Promise<number | null>((done, fail) => {
      child.on('error', fail);
      child.on('close', done);
    });
    const seconds = (performance.now() - start) / 1000;
    if (code !== 0) {
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
      throw new Error(`astro build in ${root} exited with ${code}:\n${tail}`);
    }
    if (useTime) {
      const [maxrss, user, system] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
      if (!Number.isFinite(maxrss) || !Number.isFinite(user) || !Number.isFinite(system)) throw new Error(`unexpected output of ${gnuTime} in ${timeFile}`);
      return { seconds, peakMiB: Math.max(peakKiB, maxrss!) / 1024, cpuSeconds: user! + system! };
    }
    return { seconds, peakMiB: peakKiB / 1024 };
  } finally {
    if (poller) clearInterval(poller);
    closeSync(log);
    rmSync(scratch, { recursive: true, force: true });
  }
}
