/**
 * The pure core in-process, without Astro: throughput on a 1 MB article with
 * 1,000 glossary terms and 500 claims, and how the time grows when the text
 * grows 10× (10 MB, 5,000 claims, the same 1,000 terms) and when the glossary
 * grows 10× (10,000 terms on the same 1 MB text, of which the same 1,000
 * occur in it: a newsroom glossary is mostly terms a given article does not
 * use). The three cases run in rotated rounds after warm-up runs, and each
 * growth is the median of per-round ratios.
 */
import { readRealContent } from './content.ts';
import { makeCoreCorpus } from './core-corpus.ts';
import { type CoreInput, runCorePipeline } from './core-pipeline.ts';
import { median, pairedRatio, rotations } from './stats.ts';

export interface CoreResult {
  mb_per_s: number;
  text_growth_10x: number;
  terms_growth_10x: number;
  base: { mb: number; terms: number; claims: number; median_s: number; runs_s: number[] };
  text_10x: { mb: number; terms: number; claims: number; median_s: number; runs_s: number[] };
  terms_10x: { mb: number; terms: number; claims: number; median_s: number; runs_s: number[] };
}

const gc = (globalThis as { gc?: () => void }).gc;

function timeOnce(input: CoreInput): number {
  gc?.();
  const start = performance.now();
  runCorePipeline(input);
  return (performance.now() - start) / 1000;
}

export function runCoreBench(options: { rounds: number; warmups: number; log: (s: string) => void }): CoreResult {
  const real = readRealContent();
  const cases = {
    base: makeCoreCorpus(real, { bytes: 1_000_000, terms: 1_000, termsInText: 1_000, claims: 500 }),
    terms_10x: makeCoreCorpus(real, { bytes: 1_000_000, terms: 10_000, termsInText: 1_000, claims: 500 }),
    text_10x: makeCoreCorpus(real, { bytes: 10_000_000, terms: 1_000, termsInText: 1_000, claims: 5_000 }),
  };
  type Case = keyof typeof cases;
  const runs: Record<Case, number[]> = { base: [], terms_10x: [], text_10x: [] };

  for (let i = 0; i < options.warmups; i++) {
    options.log(`core warm-up ${i + 1}/${options.warmups}`);
    timeOnce(cases.base);
    timeOnce(cases.terms_10x);
  }
  rotations(['base', 'terms_10x', 'text_10x'] as Case[], options.rounds).forEach((order, r) => {
    for (const c of order) {
      const s = timeOnce(cases[c]);
      runs[c].push(s);
      options.log(`core round ${r + 1}/${options.rounds} ${c}: ${s.toFixed(2)} s`);
    }
  });

  const describe = (c: Case) => ({
    mb: Buffer.byteLength(cases[c].text) / 1e6,
    terms: cases[c].terms.length,
    claims: cases[c].claims.length,
    median_s: median(runs[c]),
    runs_s: runs[c],
  });
  const base = describe('base');
  return {
    mb_per_s: base.mb / base.median_s,
    text_growth_10x: pairedRatio(runs.text_10x, runs.base),
    terms_growth_10x: pairedRatio(runs.terms_10x, runs.base),
    base,
    text_10x: describe('text_10x'),
    terms_10x: describe('terms_10x'),
  };
}
