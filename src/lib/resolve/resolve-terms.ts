/**
 * Resolver for glossary terms: every use of every term in the article, the
 * first use of each linked to its entry, never inside another link.
 */
import type { Article } from '../article/parse-article.ts';
import type { Range, TermAnnotation } from '../annotations/types.ts';
import { matchTerms, type TermForms } from '../glossary/match-terms.ts';

export interface TermResolution {
  annotations: TermAnnotation[];
  /** Terms in order of first use, with every paragraph that uses them. */
  terms: { id: string; paragraphs: number[] }[];
}

export function resolveTerms(article: Article, forms: readonly TermForms[], avoid: readonly Range[]): TermResolution {
  const annotations: TermAnnotation[] = [];
  const byId = new Map<string, { id: string; paragraphs: number[] }>();
  for (const m of matchTerms(article, forms, { avoid })) {
    let entry = byId.get(m.id);
    if (!entry) {
      byId.set(m.id, (entry = { id: m.id, paragraphs: [] }));
      annotations.push({ kind: 'term', id: m.id, start: m.start, end: m.end, link: true, payload: { term: m.id } });
    }
    // Matches come in text order: a paragraph already listed is the last one.
    if (entry.paragraphs[entry.paragraphs.length - 1] !== m.paragraph) entry.paragraphs.push(m.paragraph);
  }
  return { annotations, terms: [...byId.values()] };
}
