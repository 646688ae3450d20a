/**
 * Resolver for quotations: finds them in the article, finds the speakers the
 * article names, attributes each quotation to a speaker (a people file or a
 * speaker named in the text), and turns them into `quote` ranges plus
 * `speaker` links on the names at the attributions.
 *
 * A quotation the rules cannot attribute is a warning (an error in strict
 * mode) that lists the speakers named before it with their paragraphs and a
 * `speakers` entry to paste; the quotation is shown without a speaker.
 */
import type { Article } from '../article/parse-article.ts';
import type { QuoteAnnotation, Range, SpeakerAnnotation } from '../annotations/types.ts';
import { locate } from '../text/positions.ts';
import type { QuoteUse } from '../content/model.ts';
import { type ContentMessage, error, info, warning } from '../messages.ts';
import { type AttributionProblem, attributeQuotes, type QuoteOverride, type SpeakerEntry } from '../quotes/attribute-quotes.ts';
import { firstWords, scanQuotes } from '../quotes/detect-quotes.ts';
import { castSpeakers, type FoundSpeaker } from '../quotes/discover-speakers.ts';

export interface QuoteContext {
  article: Article;
  /** `seeds/<slug>.txt`, for problems in the text. */
  seedFile: string;
  /** The explainer file, where overrides are written. */
  explainerFile: string;
  /** The people files; the speakers the article names are added to them. */
  speakers: readonly SpeakerEntry[];
  overrides: readonly QuoteOverride[];
  /** Line and column of an override (or of one of its fields) in the explainer file. */
  overridePosition: (override: QuoteOverride, field?: keyof QuoteOverride) => { line: number; column: number };
  /** Report quotations the rules cannot attribute (default: true). */
  reportUnattributed?: boolean;
  /** Problems, and a line for the build log for each span in quotation marks that is not a quotation (scare quotes, titles). */
  messages: ContentMessage[];
}

/** A speaker of the page: the entry the rules used, and what the article says about them. */
export interface QuotedSpeaker {
  id: string;
  entry: SpeakerEntry;
  /** The article's own description of the speaker (role, affiliation), when it gives one. */
  described?: FoundSpeaker;
  quotes: QuoteUse[];
}

export interface QuoteResolution {
  annotations: (QuoteAnnotation | SpeakerAnnotation)[];
  /** Ranges that hold links, which other resolvers must not nest links in. */
  links: Range[];
  /** Speakers in order of their first quotation, with their quotations. */
  speakers: QuotedSpeaker[];
  /** Every speaker the article names or the files hold, by id. */
  cast: Map<string, { entry: SpeakerEntry; described?: FoundSpeaker }>;
}

export function resolveQuotes(ctx: QuoteContext): QuoteResolution {
  const { article, seedFile, messages } = ctx;
  const lineOf = (paragraph: number) => article.paragraphs[paragraph - 1]?.line;

  const scan = scanQuotes(article);
  for (const p of scan.problems) {
    const make = p.severity === 'error' ? error : warning;
    messages.push(
      make({
        ruleId: 'quote-marks',
        file: seedFile,
        ...locate(article.lineStarts, p.offset),
        reason: `Paragraph ${p.paragraph}: ${p.message}`,
        hint: p.hint,
      }),
    );
  }
  for (const s of scan.skipped) {
    const line = lineOf(s.paragraph);
    messages.push(info({ ruleId: 'quote-skipped', file: seedFile, ...(line ? { line } : {}), reason: `“${s.text}” is not treated as a quotation: ${s.reason}` }));
  }

  const cast = castSpeakers(article, scan.quotations, ctx.speakers, seedFile);
  const byId = new Map(cast.entries.map((e) => [e.id, { entry: e, ...(cast.described.has(e.id) ? { described: cast.described.get(e.id)! } : {}) }]));
  const overrides = ctx.overrides.filter((o) => {
    if (byId.has(o.speaker)) return true;
    messages.push(
      error({
        ruleId: 'speaker-missing',
        file: ctx.explainerFile,
        ...ctx.overridePosition(o, 'speaker'),
        reason: `Expected a speaker id with a file in content/people/ or of a speaker the article names, found “${o.speaker}”, which is neither.`,
        hint: `Create content/people/${o.speaker}.md, or use the id of a speaker the article names (${[...byId.keys()].slice(0, 8).join(', ') || 'none found'}).`,
      }),
    );
    return false;
  });

  const attributed = attributeQuotes(article, scan.quotations, cast.entries, overrides);
  for (const p of ctx.reportUnattributed === false ? [] : attributed.problems) {
    messages.push(unattributed(p, ctx, byId, article.lineStarts));
  }
  for (const o of attributed.overridesUnused) {
    messages.push(
      error({
        ruleId: 'speaker-override-unused',
        file: ctx.explainerFile,
        ...ctx.overridePosition(o),
        reason: `Expected a quotation in paragraph ${o.paragraph} opening with “${o.quote}”, found none.`,
        hint: 'Copy the first words inside the quotation marks exactly.',
      }),
    );
  }

  const annotations: QuoteResolution['annotations'] = [];
  const links: Range[] = [];
  // The code units inside a linked name, so a name is checked against the links so far in its own length.
  const linked = new Uint8Array(article.text.length);
  const isFree = (r: Range) => !linked.subarray(r.start, r.end).includes(1);
  const bySpeaker = new Map<string, QuotedSpeaker>();
  for (const at of attributed.attributions) {
    const q = at.quote;
    annotations.push({ kind: 'quote', id: q.id, start: q.start, end: q.end, payload: { speaker: at.speaker, quoteId: q.id } });
    // A split quotation names its speaker once; link the name once.
    const name = at.name;
    if (name && isFree(name)) {
      annotations.push({ kind: 'speaker', id: `${q.id}-name`, ...name, link: true, payload: { speaker: at.speaker } });
      links.push(name);
      linked.fill(1, name.start, name.end);
    }
    let entry = bySpeaker.get(at.speaker);
    if (!entry) bySpeaker.set(at.speaker, (entry = { id: at.speaker, ...byId.get(at.speaker)!, quotes: [] }));
    entry.quotes.push({ quoteId: q.id, paragraph: q.paragraph, text: q.text, rule: at.rule });
  }
  return { annotations, links, speakers: [...bySpeaker.values()], cast: byId };
}

/**
 * The warning for a quotation the rules could not attribute: what was
 * expected, the speakers named before it with their paragraphs, and a
 * `speakers` entry to paste into the explainer.
 */
function unattributed(
  p: AttributionProblem,
  ctx: QuoteContext,
  byId: ReadonlyMap<string, { entry: SpeakerEntry }>,
  lineStarts: readonly number[],
): ContentMessage {
  const listed = p.candidates.map((id) => {
    const name = byId.get(id)?.entry.name ?? id;
    const where = p.places[id] ?? [];
    return `${name} (${id}${where.length ? `, named in ${where.map((n) => `¶${n}`).join(', ')}` : ''})`;
  });
  const opening = firstWords(p.quote.replace(/…$/u, ''), false, 5).replace(/…$/u, '').replace(/"/g, '\\"');
  const entry = `- { paragraph: ${p.paragraph}, quote: "${opening}", speaker: ${p.candidates[0] ?? '<id>'} }`;
  return warning({
    ruleId: 'quote-unattributed',
    file: ctx.seedFile,
    ...locate(lineStarts, p.offset),
    reason: `Paragraph ${p.paragraph}: ${p.message} The quotation is shown without a speaker.${listed.length ? `\nCandidates, nearest first: ${listed.join('; ')}.` : '\nNo speaker is named before it.'}`,
    hint: `Name the speaker under \`speakers\` in ${ctx.explainerFile}: ${entry}${p.candidates.length ? '' : ', where <id> is a file in content/people/ or the id of a speaker the article names'}`,
  });
}
