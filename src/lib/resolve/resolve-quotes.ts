/**
 * Resolver for quotations: finds them in the article, attributes each to a
 * speaker, and turns them into `quote` ranges plus `speaker` links on the
 * names at the attributions.
 */
import type { Article } from '../article/parse-article.ts';
import { overlaps, type QuoteAnnotation, type Range, type SpeakerAnnotation } from '../annotations/types.ts';
import { locate } from '../text/positions.ts';
import type { QuoteUse } from '../content/model.ts';
import { type ContentMessage, error, info, warning } from '../messages.ts';
import { attributeQuotes, type QuoteOverride, type SpeakerEntry } from '../quotes/attribute-quotes.ts';
import { scanQuotes } from '../quotes/detect-quotes.ts';

export interface QuoteContext {
  article: Article;
  /** `seeds/<slug>.txt`, for problems in the text. */
  seedFile: string;
  /** The explainer file, where overrides are written. */
  explainerFile: string;
  speakers: readonly SpeakerEntry[];
  overrides: readonly QuoteOverride[];
  /** Line and column of an override in the explainer file. */
  overridePosition: (override: QuoteOverride) => { line: number; column: number };
  /** Report quotations the rules cannot attribute (default: true). */
  reportUnattributed?: boolean;
  /** Problems, and a line for the build log for each span in quotation marks that is not a quotation (scare quotes, titles). */
  messages: ContentMessage[];
}

export interface QuoteResolution {
  annotations: (QuoteAnnotation | SpeakerAnnotation)[];
  /** Ranges that hold links, which other resolvers must not nest links in. */
  links: Range[];
  /** Speakers in order of their first quotation, with their quotations. */
  speakers: { id: string; quotes: QuoteUse[] }[];
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

  const attributed = attributeQuotes(article, scan.quotations, [...ctx.speakers], [...ctx.overrides]);
  for (const p of ctx.reportUnattributed === false ? [] : attributed.problems) {
    messages.push(
      error({
        ruleId: 'quote-unattributed',
        file: seedFile,
        ...locate(article.lineStarts, p.offset),
        reason: `Paragraph ${p.paragraph}: ${p.message}`,
        hint: p.candidates.length
          ? `Candidates: ${p.candidates.join(', ')}. Name the speaker in ${ctx.explainerFile} under \`speakers\`.`
          : `Add the speaker to content/people/ or name the speaker in ${ctx.explainerFile} under \`speakers\`.`,
      }),
    );
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
  const bySpeaker = new Map<string, { id: string; quotes: QuoteUse[] }>();
  for (const at of attributed.attributions) {
    const q = at.quote;
    annotations.push({ kind: 'quote', id: q.id, start: q.start, end: q.end, payload: { speaker: at.speaker, quoteId: q.id } });
    // A split quotation names its speaker once; link the name once.
    const name = at.name;
    if (name && !links.some((r) => overlaps(r, name))) {
      annotations.push({ kind: 'speaker', id: `${q.id}-name`, ...name, link: true, payload: { speaker: at.speaker } });
      links.push(name);
    }
    let entry = bySpeaker.get(at.speaker);
    if (!entry) bySpeaker.set(at.speaker, (entry = { id: at.speaker, quotes: [] }));
    entry.quotes.push({ quoteId: q.id, paragraph: q.paragraph, text: q.text, rule: at.rule });
  }
  return { annotations, links, speakers: [...bySpeaker.values()] };
}
