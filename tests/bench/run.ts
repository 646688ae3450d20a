/**
 * `npm run bench` — the benchmark of issue 13.
 *
 *   npm run bench                  full: builds at N = 100 and 1,000, rebuilds at 1,000, core, page
 *   npm run bench -- --quick       N = 100 only, 3 rounds (a few minutes)
 *   npm run bench -- --json        one JSON object on stdout (the tables go to stderr)
 *
 * Other flags: --rounds <k> (build rounds), --rebuild-rounds <k>, --only build,rebuild,core,page,
 * --keep (keep the temporary folder), --profile (write a V8 CPU profile of
 * one annotated build, in the temporary folder).
 *
 * Every figure is a median of runs interleaved in this session, and every
 * ratio the median of per-round paired ratios, so the load of a shared
 * machine cancels out as far as it can. Exits 1 when a budget is missed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { astroBuild, type BuildRun, memoryMethod } from './astro-build.ts';
import { projectRoot, readFolder, readRealContent, templateSlug } from './content.ts';
import { runCoreBench } from './core.ts';
import { type SelfTime, selfTimes } from './cpu-profile.ts';
import { cleanBuildState, copyProject, editBody, makeProject, type ProjectKind, slugOf } from './corpus.ts';
import { lighthouse, type LighthouseScores, pageBytes } from './page.ts';
import {
  type BudgetResult,
  type BuildFigures,
  budgetsFor,
  evaluateBudgets,
  type Figures,
  median,
  type PageFigures,
  pairedRatio,
  type RebuildFigures,
  rotations,
  round,
} from './stats.ts';
import { serveDist } from '../support/serve-dist.mjs';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    'rebuild-rounds': { type: 'string' },
    only: { type: 'string' },
  },
});

const quick = flags.quick!;
const log = (s: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const allParts = ['build', 'rebuild', 'core', 'page'];
const parts = new Set((flags.only ?? allParts.join(',')).split(',').map((s) => s.trim()));
for (const p of parts) if (!allParts.includes(p)) throw new Error(`--only takes ${allParts.join(', ')}; found “${p}”`);
const buildNs = quick ? [100] : [100, 1000];
const buildRounds = flags.rounds ? Number(flags.rounds) : 3;
const rebuildN = quick ? 100 : 1000;
const rebuildRounds = flags['rebuild-rounds'] ? Number(flags['rebuild-rounds']) : 3;
const lighthouseRuns = 3;
if (!(buildRounds >= 1)) throw new Error('--rounds must be a positive number');
if (!(rebuildRounds >= 1)) throw new Error('--rebuild-rounds must be a positive number');

const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
if (major < 22 || (major === 22 && minor < 12)) {
  throw new Error(`Astro 7 needs Node >= 22.12, this is ${process.version}: run through \`npm run bench\`, which uses the project's Node.`);
}

const work = mkdtempSync(join(tmpdir(), 'explainers-bench-'));
log(`working in ${work}`);
const real = readRealContent();
const kinds: ProjectKind[] = ['annotated', 'plain-unified', 'plain-satteri'];
const projectDir = (kind: ProjectKind, n: number) => join(work, `${kind}-${n}`);
let buildCount = 0;

async function build(dir: string, what: string, clean: boolean, nodeFlags: string[] = []): Promise<BuildRun> {
  if (clean) cleanBuildState(dir);
  const run = await astroBuild(dir, join(work, `build-${++buildCount}.log`), nodeFlags);
  log(`${what}: ${run.seconds.toFixed(2)} s, ${run.peakMiB.toFixed(0)} MiB${run.cpuSeconds === undefined ? '' : `, ${run.cpuSeconds.toFixed(1)} s CPU`}`);
  return run;
}

const errorOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function benchBuilds(): Promise<BuildFigures[]> {
  const out: BuildFigures[] = [];
  for (const n of buildNs) {
    for (const kind of kinds) makeProject(projectDir(kind, n), kind, n, real);
    log(`N = ${n}: warm-up round (not counted)`);
    for (const kind of kinds) await build(projectDir(kind, n), `warm-up ${kind} N=${n}`, true);
    const runs: Record<ProjectKind, BuildRun[]> = { annotated: [], 'plain-unified': [], 'plain-satteri': [] };
    const order = rotations(kinds, buildRounds);
    for (const [r, kindsInRound] of order.entries()) {
      for (const kind of kindsInRound) runs[kind].push(await build(projectDir(kind, n), `round ${r + 1}/${buildRounds} ${kind} N=${n}`, true));
    }
    const s = (k: ProjectKind) => runs[k].map((x) => x.seconds);
    const mem = (k: ProjectKind) => runs[k].map((x) => x.peakMiB);
    const cpu = (k: ProjectKind) => runs[k].map((x) => x.cpuSeconds ?? Number.NaN);
    const hasCpu = kinds.every((k) => runs[k].every((x) => x.cpuSeconds !== undefined));
    out.push({
      n,
      annotated_s: median(s('annotated')),
      plain_unified_s: median(s('plain-unified')),
      plain_satteri_s: median(s('plain-satteri')),
      ratio_vs_unified: pairedRatio(s('annotated'), s('plain-unified')),
      ratio_vs_satteri: pairedRatio(s('annotated'), s('plain-satteri')),
      annotated_peak_mib: median(mem('annotated')),
      plain_unified_peak_mib: median(mem('plain-unified')),
      plain_satteri_peak_mib: median(mem('plain-satteri')),
      peak_ratio_vs_unified: pairedRatio(mem('annotated'), mem('plain-unified')),
      ...(hasCpu
        ? {
            cpu: {
              annotated_s: median(cpu('annotated')),
              plain_unified_s: median(cpu('plain-unified')),
              plain_satteri_s: median(cpu('plain-satteri')),
              ratio_vs_unified: pairedRatio(cpu('annotated'), cpu('plain-unified')),
              ratio_vs_satteri: pairedRatio(cpu('annotated'), cpu('plain-satteri')),
            },
          }
        : {}),
      runs_s: { annotated: s('annotated'), plain_unified: s('plain-unified'), plain_satteri: s('plain-satteri') },
    });
  }
  return out;
}

async function benchRebuild(): Promise<RebuildFigures> {
  const dir = projectDir('annotated', rebuildN);
  if (!parts.has('build') || !buildNs.includes(rebuildN)) makeProject(dir, 'annotated', rebuildN, real);
  const claim = readFolder(join(dir, 'content/claims', slugOf(1)), /\.md$/)[0];
  const term = readFolder(join(dir, 'content/glossary'), /\.md$/)[0];
  if (!claim || !term) throw new Error('no claim or glossary file to edit');
  const clean: number[] = [];
  const oneClaim: number[] = [];
  const oneTerm: number[] = [];
  for (let r = 1; r <= rebuildRounds; r++) {
    clean.push((await build(dir, `rebuild round ${r}/${rebuildRounds} clean N=${rebuildN}`, true)).seconds);
    editBody(claim.path, `Checked again for benchmark round ${r}.`);
    oneClaim.push((await build(dir, `rebuild round ${r}/${rebuildRounds} after editing ${claim.id}`, false)).seconds);
    editBody(term.path, `Revised for benchmark round ${r}.`);
    oneTerm.push((await build(dir, `rebuild round ${r}/${rebuildRounds} after editing glossary/${term.id}`, false)).seconds);
  }
  return {
    n: rebuildN,
    one_claim_s: median(oneClaim),
    one_term_s: median(oneTerm),
    clean_s: median(clean),
    one_claim_ratio: pairedRatio(oneClaim, clean),
    one_term_ratio: pairedRatio(oneTerm, clean),
  };
}

async function benchPage(): Promise<PageFigures & { files: string[] }> {
  const dir = join(work, 'page');
  copyProject(dir);
  await build(dir, 'page: build of the project as it is', true);
  const dist = join(dir, 'dist');
  const { files, ...bytes } = pageBytes(dist, `/${templateSlug}/`);
  let lh: PageFigures['lighthouse'];
  const { server, url } = (await serveDist({ dir: dist, port: 0 })) as { server: { close(): void }; url: string };
  try {
    const runs: LighthouseScores[] = [];
    for (let i = 1; i <= lighthouseRuns; i++) {
      const scores = await lighthouse(`${url}${templateSlug}/`, join(work, `lighthouse-${i}.json`));
      log(`lighthouse ${i}/${lighthouseRuns}: ${JSON.stringify(scores)}`);
      runs.push(scores);
    }
    const m = (k: keyof LighthouseScores) => median(runs.map((r) => r[k]));
    lh = { performance: m('performance'), accessibility: m('accessibility'), best_practices: m('best_practices'), seo: m('seo'), lcp_s: m('lcp_s') };
  } catch (e) {
    lh = { error: errorOf(e) };
    log(`lighthouse failed: ${lh.error}`);
  } finally {
    server.close();
  }
  return { ...bytes, lighthouse: lh, files };
}

async function profileBuild(): Promise<string> {
  const dir = projectDir('annotated', 100);
  makeProject(dir, 'annotated', 100, real);
  cleanBuildState(dir);
  const profDir = join(work, 'cpu-profile');
  // Node takes --cpu-prof on its command line only, not from NODE_OPTIONS.
  await build(dir, 'profiled annotated build N=100', false, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
  // One profile per thread; the main thread's is the largest.
  const files = readdirSync(profDir).map((f) => join(profDir, f));
  if (!files.length) throw new Error(`no CPU profile written to ${profDir}`);
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
}

const r2 = (v: number) => round(v, 2);
const r3 = (v: number) => round(v, 3);
const figures: Figures = {};
const started = performance.now();

if (parts.has('build')) {
  try {
    figures.builds = await benchBuilds();
  } catch (e) {
    figures.builds = { error: errorOf(e) };
  }
}
if (parts.has('rebuild')) {
  try {
    figures.rebuild = await benchRebuild();
  } catch (e) {
    figures.rebuild = { error: errorOf(e) };
  }
}
let pageFiles: string[] = [];
if (parts.has('page')) {
  try {
    const { files, ...page } = await benchPage();
    figures.page = page;
    pageFiles = files;
  } catch (e) {
    figures.page = { error: errorOf(e) };
  }
}
let coreDetail: ReturnType<typeof runCoreBench> | undefined;
if (parts.has('core')) {
  try {
    coreDetail = runCoreBench({ rounds: quick ? 3 : 5, warmups: 2, log });
    figures.core = { mb_per_s: coreDetail.mb_per_s, text_growth_10x: coreDetail.text_growth_10x, terms_growth_10x: coreDetail.terms_growth_10x };
  } catch (e) {
    figures.core = { error: errorOf(e) };
  }
}
let profile: string | undefined;
if (flags.profile) {
  profile = await profileBuild();
  const all = selfTimes(profile);
  const lib = selfTimes(profile, /\/src\/lib\//);
  const show = (rows: SelfTime[]) => rows.slice(0, 15).map((r) => `  ${r.ms.toFixed(0).padStart(6)} ms ${(r.share * 100).toFixed(1).padStart(5)}%  ${r.name}  ${r.where.replace(work, '')}`).join('\n');
  log(`CPU profile of one annotated build at N = 100 (${(all.totalMs / 1000).toFixed(1)} s sampled): ${profile}`);
  process.stderr.write(`Top self time, all code:\n${show(all.top)}\nTop self time in src/lib:\n${show(lib.top)}\n`);
}

const { results, pass } = evaluateBudgets(budgetsFor(figures));

// The report: the object of the issue, rounded, plus what it rests on.
const builds = Array.isArray(figures.builds) ? figures.builds : undefined;
const roundBuild = (b: BuildFigures) => ({
  n: b.n,
  annotated_s: r2(b.annotated_s),
  plain_unified_s: r2(b.plain_unified_s),
  plain_satteri_s: r2(b.plain_satteri_s),
  ratio_vs_unified: r2(b.ratio_vs_unified),
  ratio_vs_satteri: r2(b.ratio_vs_satteri),
  annotated_peak_mib: Math.round(b.annotated_peak_mib),
  plain_unified_peak_mib: Math.round(b.plain_unified_peak_mib),
  plain_satteri_peak_mib: Math.round(b.plain_satteri_peak_mib),
  peak_ratio_vs_unified: r2(b.peak_ratio_vs_unified),
  ...(b.cpu
    ? {
        cpu: {
          annotated_s: r2(b.cpu.annotated_s),
          plain_unified_s: r2(b.cpu.plain_unified_s),
          plain_satteri_s: r2(b.cpu.plain_satteri_s),
          ratio_vs_unified: r2(b.cpu.ratio_vs_unified),
          ratio_vs_satteri: r2(b.cpu.ratio_vs_satteri),
        },
      }
    : {}),
  runs_s: b.runs_s && {
    annotated: b.runs_s.annotated.map(r2),
    plain_unified: b.runs_s.plain_unified.map(r2),
    plain_satteri: b.runs_s.plain_satteri.map(r2),
  },
});
const first = builds?.find((b) => b.n === 100) ?? builds?.[0];
const rebuild = figures.rebuild && !('error' in figures.rebuild) ? figures.rebuild : undefined;
const page = figures.page && !('error' in figures.page) ? figures.page : undefined;
const report = {
  build: figures.builds === undefined ? undefined : first ? roundBuild(first) : figures.builds,
  ...(builds && builds.length > 1 ? { builds: builds.map(roundBuild) } : {}),
  rebuild: rebuild
    ? {
        n: rebuild.n,
        one_claim_s: r2(rebuild.one_claim_s),
        clean_s: r2(rebuild.clean_s),
        one_term_s: r2(rebuild.one_term_s),
        one_claim_ratio: r3(rebuild.one_claim_ratio),
        one_term_ratio: r3(rebuild.one_term_ratio),
      }
    : figures.rebuild,
  core: coreDetail
    ? {
        mb_per_s: r3(coreDetail.mb_per_s),
        text_growth_10x: r2(coreDetail.text_growth_10x),
        terms_growth_10x: r2(coreDetail.terms_growth_10x),
        base_s: r3(coreDetail.base.median_s),
        text_10x_s: r3(coreDetail.text_10x.median_s),
        terms_10x_s: r3(coreDetail.terms_10x.median_s),
      }
    : figures.core,
  page: page
    ? {
        html_gz_kb: r2(page.html_gz_kb),
        css_gz_kb: r2(page.css_gz_kb),
        js_gz_kb: r2(page.js_gz_kb),
        fonts_gz_kb: r2(page.fonts_gz_kb),
        total_gz_kb: r2(page.total_gz_kb),
        lighthouse: 'error' in page.lighthouse ? page.lighthouse : { ...page.lighthouse, lcp_s: r2(page.lighthouse.lcp_s) },
      }
    : figures.page,
  // A budget with no figure (its part not run, or a measurement that failed) is not met either.
  budgets: {
    pass,
    failed: results.filter((r) => !r.pass && r.value !== undefined).map((r) => r.id),
    not_measured: results.filter((r) => r.value === undefined).map((r) => r.id),
  },
  meta: {
    mode: quick ? 'quick' : 'full',
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    astro: readPackageVersion('astro'),
    lighthouse: readPackageVersion('lighthouse'),
    cpus: cpus().length,
    memory_gib: round(totalmem() / 2 ** 30, 1),
    build_rounds: buildRounds,
    rebuild_rounds: rebuildRounds,
    lighthouse_runs: lighthouseRuns,
    peak_memory: memoryMethod,
    page_files: pageFiles,
    minutes: r2((performance.now() - started) / 60000),
    ...(profile ? { cpu_profile: profile } : {}),
  },
};

function readPackageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

process.stderr.write(`\n${budgetTable(results)}\n`);
if (flags.json) process.stdout.write(`${JSON.stringify(report)}\n`);
else process.stdout.write(`\n${resultTable()}\n\n${JSON.stringify(report, null, 2)}\n`);

if (flags.keep || flags.profile) log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exitCode = pass ? 0 : 1;

function fmt(v: number | undefined, unit = ''): string {
  if (v === undefined) return '—';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${v.toFixed(digits)}${unit && unit !== '×' ? ` ${unit}` : unit}`;
}

function budgetTable(rows: BudgetResult[]): string {
  const lines = ['| Budget | Measured | Limit | |', '|---|---|---|---|'];
  for (const r of rows) {
    const measured = r.value === undefined ? `not measured: ${r.missing ?? ''}` : fmt(r.value, r.unit);
    lines.push(`| ${r.label} | ${measured} | ${r.op === '<=' ? '≤' : '≥'} ${fmt(r.limit, r.unit)} | ${r.pass ? 'PASS' : 'FAIL'} |`);
  }
  return lines.join('\n');
}

function resultTable(): string {
  const lines: string[] = [];
  if (builds) {
    lines.push('| N | annotated | plain `unified()` | plain Sätteri | annotated / unified | annotated / Sätteri |', '|---|---|---|---|---|---|');
    for (const b of builds) {
      lines.push(
        `| ${b.n} | ${fmt(b.annotated_s, 's')}, ${fmt(b.annotated_peak_mib, 'MiB')} | ${fmt(b.plain_unified_s, 's')}, ${fmt(b.plain_unified_peak_mib, 'MiB')} | ${fmt(b.plain_satteri_s, 's')}, ${fmt(b.plain_satteri_peak_mib, 'MiB')} | ${fmt(b.ratio_vs_unified, '×')} | ${fmt(b.ratio_vs_satteri, '×')} |`,
      );
    }
  }
  if (rebuild) {
    lines.push('', `Rebuild at N = ${rebuild.n}: clean ${fmt(rebuild.clean_s, 's')}; after one claim edit ${fmt(rebuild.one_claim_s, 's')} (${fmt(rebuild.one_claim_ratio, '×')}); after one glossary edit ${fmt(rebuild.one_term_s, 's')} (${fmt(rebuild.one_term_ratio, '×')}).`);
  }
  if (coreDetail) {
    lines.push('', `Core: ${fmt(coreDetail.mb_per_s, 'MB/s')} on ${fmt(coreDetail.base.mb, 'MB')} with ${coreDetail.base.terms} terms and ${coreDetail.base.claims} claims (${fmt(coreDetail.base.median_s, 's')}); 10× text ${fmt(coreDetail.text_growth_10x, '×')} the time, 10× terms ${fmt(coreDetail.terms_growth_10x, '×')}.`);
  }
  if (page) {
    const lh = 'error' in page.lighthouse ? `Lighthouse failed: ${page.lighthouse.error}` : `Lighthouse mobile: performance ${page.lighthouse.performance}, accessibility ${page.lighthouse.accessibility}, best practices ${page.lighthouse.best_practices}, SEO ${page.lighthouse.seo}, LCP ${fmt(page.lighthouse.lcp_s, 's')}`;
    lines.push('', `Page (gzip -9): HTML ${fmt(page.html_gz_kb, 'KB')}, CSS ${fmt(page.css_gz_kb, 'KB')}, JS ${fmt(page.js_gz_kb, 'KB')}, fonts ${fmt(page.fonts_gz_kb, 'KB')}, total ${fmt(page.total_gz_kb, 'KB')}. ${lh}.`);
  }
  return lines.join('\n');
}
