/**
 * Step 3 of loading, resolve: one explainer's article and content → the
 * `ExplainerPage` it shows. A pure function: it reads no file and changes
 * nothing it is given; problems go to `messages`.
 */
import type { Annotation } from '../annotations/types.ts';
import type { Article } from '../article/parse-article.ts';
import { type ContentMessage, info, warning } from '../messages.ts';
import type { SpeakerEntry } from '../quotes/attribute-quotes.ts';
import { resolveClaims } from '../resolve/resolve-claims.ts';
import { resolveQuotes } from '../resolve/resolve-quotes.ts';
import { resolveTerms } from '../resolve/resolve-terms.ts';
import type { ExplainerPage, GlossaryEntry } from './model.ts';
import { speakerOnPage } from './page-speakers.ts';
import type { ValidContent, ValidExplainer } from './validate-content.ts';

/** Reading speed for the reading-time estimate, in words a minute. */
const wordsPerMinute = 230;

export interface ExplainerInput {
  explainer: ValidExplainer;
  seedFile: string;
  article: Article;
  /** The shared glossary and people. */
  content: Pick<ValidContent, 'terms' | 'termForms' | 'people' | 'peopleComplete'>;
}

export function resolveExplainer({ explainer, seedFile, article, content }: ExplainerInput, messages: ContentMessage[]): ExplainerPage {
  const { id: slug, file, data } = explainer;
  reportSeed(seedFile, article, messages);

  const speakerEntries: SpeakerEntry[] = content.people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, kind: p.kind, file: p.file ?? seedFile }));
  const overrides = data.speakers ?? [];
  const quotes = resolveQuotes({
    article,
    seedFile,
    explainerFile: file,
    speakers: speakerEntries,
    overrides,
    overridePosition: (o, field) => explainer.front.positionOf(['speakers', overrides.indexOf(o), ...(field ? [field] : [])]),
    // With a people file that did not load, an unattributed quotation may be its consequence.
    reportUnattributed: content.peopleComplete,
    messages,
  });
  const claims = resolveClaims(article, explainer.claims, messages);
  const excluded = new Set(data.excludeTerms ?? []);
  const termForms = excluded.size ? content.termForms.filter((t) => !excluded.has(t.id)) : content.termForms;
  const glossary = resolveTerms(article, termForms, [...quotes.links, ...claims.links]);

  const annotations: Annotation[] = [
    ...(article.dateline ? [{ kind: 'dateline' as const, id: 'dateline', ...article.dateline }] : []),
    ...quotes.annotations,
    ...claims.annotations,
    ...glossary.annotations,
  ];
  const termById = byId(content.terms);
  const speakerById = byId(content.people);
  const words = countWords(article);
  return {
    slug,
    file,
    seedFile,
    title: data.title,
    dek: data.dek,
    lang: data.lang,
    source: { ...data.source, ...(article.headline ? { headline: article.headline.text } : {}) },
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / wordsPerMinute)),
    introHtml: explainer.introHtml,
    article,
    annotations,
    terms: glossary.terms.map((t) => ({ entry: get(termById, t.id, 'glossary term'), paragraphs: t.paragraphs })),
    claims: claims.notes,
    speakers: quotes.speakers.map((s) => ({ speaker: speakerOnPage(s, speakerById.get(s.id), data.source.published, messages), quotes: s.quotes })),
  };
}

/** Lines of the seed the page shows differently from the text: markup kept as text, residue left out. */
function reportSeed(seedFile: string, article: Article, messages: ContentMessage[]): void {
  for (const place of article.markup) {
    messages.push(
      warning({
        ruleId: 'seed-markup',
        file: seedFile,
        ...place,
        reason: 'Expected plain text, found what looks like HTML markup; it is shown as literal text, never as HTML.',
        hint: 'The seed is the article as published, in plain text: if the markup came from copying the page, copy its text instead.',
      }),
    );
  }
  for (const r of article.residue) {
    messages.push(info({ ruleId: 'seed-residue', file: seedFile, line: r.line, reason: `left out of the page: ${r.reason}` }));
  }
  const { layout, headline } = article;
  if (layout.kind === 'hard-wrapped') {
    messages.push(
      info({
        ruleId: 'seed-layout',
        file: seedFile,
        reason: `the text has no blank lines between paragraphs and looks hard-wrapped at ${layout.width} characters (${layout.wrappedLines} of ${layout.lines} lines end mid-sentence): its lines were joined into paragraphs where a line ends short of the width`,
        hint: 'Separate paragraphs with blank lines to decide yourself.',
      }),
    );
  } else if (layout.kind === 'blank-lines' && layout.lines > article.paragraphs.length + article.headings.length + article.residue.length + (headline ? 1 : 0)) {
    messages.push(info({ ruleId: 'seed-layout', file: seedFile, reason: 'the paragraphs are hard-wrapped (separated by blank lines, several lines each): the lines of each were joined' }));
  }
  if (headline) {
    messages.push(info({ ruleId: 'seed-headline', file: seedFile, line: headline.line, reason: `read as the article's headline, shown with the source, not as paragraph 1: “${headline.text}”`, hint: 'Set `headline: false` in the explainer to keep it as paragraph 1.' }));
  }
  for (const h of article.headings) {
    messages.push(info({ ruleId: 'seed-heading', file: seedFile, line: h.line, reason: `read as a sub-heading before paragraph ${h.before}: “${h.text}”` }));
  }
}

function countWords(article: Article): number {
  return article.paragraphs.reduce((n, p) => n + article.text.slice(p.start, p.end).split(/\s+/).filter(Boolean).length, 0);
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

/** An id the resolvers produced must exist: a missing one is a bug, not a content problem. */
function get<T extends GlossaryEntry>(map: Map<string, T>, id: string, what: string): T {
  const item = map.get(id);
  if (!item) throw new Error(`Resolved a ${what} “${id}” that the content does not hold.`);
  return item;
}
