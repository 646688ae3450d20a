/**
 * Self time per function from a V8 `.cpuprofile` (what `node --cpu-prof`
 * writes), for `npm run bench -- --profile`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
  share: number;
}

/** Functions by self time, longest first; `filter` keeps only the ones whose file matches. */
export function selfTimes(file: string, filter?: RegExp): { totalMs: number; top: SelfTime[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const msById = new Map<number, number>();
  profile.samples.forEach((id, i) => msById.set(id, (msById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const totalMs = [...msById.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, SelfTime>();
  for (const [id, ms] of msById) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const url = frame.url.replace(/^file:\/\//, '');
    if (filter && !filter.test(url)) continue;
    const name = frame.functionName || '(anonymous)';
    const where = url ? `${url}:${frame.lineNumber + 1}` : '(native)';
    const key = `${name} ${where}`;
    const entry = byFunction.get(key) ?? { name, where, ms: 0, share: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
  }
  const top = [...byFunction.values()].sort((a, b) => b.ms - a.ms).map((e) => ({ ...e, share: e.ms / totalMs }));
  return { totalMs, top };
}
