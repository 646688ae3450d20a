/**
 * A large synthetic article for the pure core, made from the real content:
 * the DeepSeek article's paragraphs repeated in order (so every quotation
 * keeps the attribution context it has in the real article), with one
 * generated paragraph per claim in between. Each generated paragraph names
 * glossary terms made up for the benchmark and carries a unique claim anchor.
 * Claim statuses, dates, sources and notes cycle through the real claims;
 * speakers are the real people; the real glossary terms are all kept.
 */
import type { CoreClaim, CoreInput, CoreSpeaker, CoreTerm } from './core-pipeline.ts';
import { type RealContent, seedParagraphs } from './content.ts';

const syllables = ['ka', 'lo', 'mi', 'ru', 'te', 'vo', 'zan', 'pe', 'sul', 'dor', 'ni', 'qua', 'bre', 'fen', 'gu', 'hax'];

/** A made-up proper name, unique for `i` < 65,536, never a prefix of another (all have four syllables). */
export function madeUpName(i: number): string {
  const n = (i * 7919 + 12345) % 65536;
  const word = [12, 8, 4, 0].map((shift) => syllables[(n >> shift) & 15]).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}

export interface CoreCorpusOptions {
  /** Target size of the article text in bytes (UTF-8). */
  bytes: number;
  /** Glossary terms in all (the real ones included). */
  terms: number;
  /** Of those, how many the text names (the real ones included); the others occur nowhere. */
  termsInText: number;
  claims: number;
}

export function makeCoreCorpus(real: RealContent, options: CoreCorpusOptions): CoreInput {
  const realTerms: CoreTerm[] = real.glossary.map((g) => ({
    id: g.id,
    forms: [String(g.data.term), ...((g.data.aliases as string[] | undefined) ?? []).map(String)],
  }));
  const made = Math.max(0, options.terms - realTerms.length);
  const madeInText = Math.max(1, Math.min(made, options.termsInText - realTerms.length));
  const madeTerms: CoreTerm[] = Array.from({ length: made }, (_, i) => ({ id: `bench-term-${i + 1}`, forms: [madeUpName(i)] }));

  const speakers: CoreSpeaker[] = real.people.map((p) => ({
    id: p.id,
    name: String(p.data.name),
    aliases: ((p.data.aliases as string[] | undefined) ?? []).map(String),
    kind: p.data.kind === 'organization' ? 'organization' : 'person',
  }));

  const block = seedParagraphs(real.seed);
  const blockBytes = Buffer.byteLength(block.join('\n') + '\n');
  let slot = 0;
  const nextName = () => madeUpName(slot++ % madeInText);
  const claimParagraphs: string[] = [];
  const claims: CoreClaim[] = [];
  for (let i = 0; i < options.claims; i++) {
    const id = String(i + 1).padStart(6, '0');
    const [a, b, c, d] = [nextName(), nextName(), nextName(), nextName()];
    const exact = `Filing ${id} from the ${a} desk`;
    claimParagraphs.push(`${exact} says that ${b} and ${c} shared their figures with ${d} before the markets opened.`);
    const model = real.claims[i % real.claims.length]!;
    const data = model.data as { status: CoreClaim['status']; checked: unknown; sources?: CoreClaim['sources'] };
    claims.push({
      id: `bench-claim-${id}`,
      anchor: { exact },
      status: data.status,
      checked: data.checked instanceof Date ? data.checked.toISOString().slice(0, 10) : String(data.checked),
      sources: data.sources ?? [],
      note: model.body.trim(),
    });
  }
  const claimBytes = claimParagraphs.reduce((n, p) => n + Buffer.byteLength(p) + 1, 0);
  const blocks = Math.max(1, Math.round((options.bytes - claimBytes) / blockBytes));

  const lines: string[] = [];
  for (let b = 0; b < blocks; b++) {
    lines.push(...block);
    const from = Math.floor((b * claimParagraphs.length) / blocks);
    const to = Math.floor(((b + 1) * claimParagraphs.length) / blocks);
    lines.push(...claimParagraphs.slice(from, to));
  }
  return { text: lines.join('\n') + '\n', terms: [...realTerms, ...madeTerms], speakers, claims };
}
