/** The resolved project: what pages render. Plain data, serializable. */
import type { ResidueLine } from '../article/parse-article.ts';
import type { ContentIssue } from '../errors.ts';
import type { ClaimStatus } from '../../schemas/claim.ts';
import type { Source, SourceLink } from '../../schemas/common.ts';

export interface GlossaryTerm {
  id: string;
  file: string;
  term: string;
  aliases: string[];
  category?: string;
  related: string[];
  source?: Omit<Source, 'excerpt'>;
  definitionHtml: string;
  definitionText: string;
  /** Every explainer that uses the term, with the paragraphs. */
  uses: { slug: string; title: string; paragraphs: number[] }[];
}

export interface Person {
  id: string;
  file: string;
  name: string;
  aliases: string[];
  kind: 'person' | 'organization';
  role?: string;
  affiliation?: string;
  asOf: string;
  links: SourceLink[];
  bioHtml: string;
  bioText: string;
  initials: string;
  /** Every quotation of this speaker across explainers. */
  quotes: { slug: string; title: string; quoteId: string; paragraph: number; text: string }[];
}

export interface ClaimNote {
  id: string;
  file: string;
  number: number;
  status: ClaimStatus;
  checked: string;
  sources: Source[];
  noteHtml: string;
  paragraph: number;
  /** The claimed words as they stand in the article. */
  exact: string;
}

export interface QuoteUse {
  quoteId: string;
  paragraph: number;
  text: string;
  rule: string;
}

export interface ExplainerPage {
  slug: string;
  file: string;
  seedFile: string;
  title: string;
  dek: string;
  lang: string;
  source: { credit: string; url?: string; published: string; dateNote?: string };
  wordCount: number;
  readingMinutes: number;
  paragraphCount: number;
  articleHtml: string;
  /** Terms in order of first appearance, with the paragraphs that use them. */
  terms: { id: string; paragraphs: number[] }[];
  claims: ClaimNote[];
  /** Speakers in order of their first quotation. */
  speakers: { id: string; quotes: QuoteUse[] }[];
  residue: ResidueLine[];
}

export interface Project {
  explainers: ExplainerPage[];
  terms: GlossaryTerm[];
  people: Person[];
  /** Warnings (errors stop the build before this is returned). */
  warnings: ContentIssue[];
}
