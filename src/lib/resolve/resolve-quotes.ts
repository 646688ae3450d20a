/**
 * Resolver for quotations: finds them in the article, attributes each to a
 * speaker, and turns them into `quote` ranges plus `speaker` links on the
 * names at the attributions.
 */
import type { Article } from '../article/parse-article.ts';
import { type Annotation, overlaps, type Range } from '../annotations/types.ts';
import type { ContentIssue } from '../errors.ts';
import type { QuoteUse } from '../content/model.ts';
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
  /** Line and column of override `i` in the explainer file. */
  overridePosition: (i: number) => { line: number; column: number };
  issues: ContentIssue[];
  /** Spans in quotation marks that are not quotations (scare quotes, titles). */
  onSkipped?: (line: number, reason: string) => void;
}

export interface QuoteResolution {
  annotations: Annotation[];
  /** Ranges that hold links, which other resolvers must not nest links in. */
  links: Range[];
  /** Speakers in order of their first quotation, with their quotations. */
  speakers: { id: string; quotes: QuoteUse[] }[];
}

export function resolveQuotes(ctx: QuoteContext): QuoteResolution {
  const { article, seedFile, issues } = ctx;
  const lineOf = (paragraph: number) => article.paragraphs[paragraph - 1]?.line;

  const scan = scanQuotes(article);
  for (const p of scan.problems) {
    const line = lineOf(p.paragraph);
    issues.push({
      severity: p.severity,
      file: seedFile,
      ...(line ? { line, column: p.offset - article.paragraphs[p.paragraph - 1]!.start + 1 } : {}),
      message: `Paragraph ${p.paragraph}: ${p.message}`,
      hint: p.hint,
    });
  }
  for (const s of scan.skipped) ctx.onSkipped?.(lineOf(s.paragraph) ?? 0, `“${s.text}” is not treated as a quotation: ${s.reason}`);

  const attributed = attributeQuotes(article, scan.quotations, [...ctx.speakers], [...ctx.overrides]);
  for (const p of attributed.problems) {
    const line = lineOf(p.paragraph);
    issues.push({
      severity: 'error',
      file: seedFile,
      ...(line ? { line } : {}),
      message: `Paragraph ${p.paragraph}: ${p.message}`,
      hint: p.candidates.length
        ? `Candidates: ${p.candidates.join(', ')}. Name the speaker in ${ctx.explainerFile} under \`speakers\`.`
        : `Add the speaker to content/people/ or name the speaker in ${ctx.explainerFile} under \`speakers\`.`,
    });
  }
  for (const o of attributed.overridesUnused) {
    issues.push({
      severity: 'error',
      file: ctx.explainerFile,
      ...ctx.overridePosition(ctx.overrides.indexOf(o)),
      message: `Expected a quotation in paragraph ${o.paragraph} opening with “${o.quote}”, found none.`,
      hint: 'Copy the first words inside the quotation marks exactly.',
    });
  }

  const annotations: Annotation[] = [];
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
