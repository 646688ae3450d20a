/**
 * What the loading pipeline produces and pages render: plain, serializable
 * data. `ExplainerPage` holds everything one explainer shows; the glossary
 * index and people pages are assembled across explainers.
 */
import type { Annotation } from '../annotations/types.ts';
import type { Article } from '../article/parse-article.ts';
import type { ContentMessage } from '../messages.ts';
import type { ReviewInput } from './export-reviews.ts';
import type { ClaimStatus } from '../../schemas/claim.ts';
import type { Source, SourceLink } from '../../schemas/common.ts';
import type { PersonRole } from '../../schemas/person.ts';

/** A glossary term with its rendered definition (`content/glossary/<id>.md`). */
export type GlossaryEntry = {
  id: string;
  file: string;
  term: string;
  aliases: string[];
  category?: string;
  caseSensitive?: boolean;
  related: string[];
  source?: Omit<Source, 'excerpt'>;
  definitionHtml: string;
  definitionText: string;
};

/**
 * A speaker: a person or organization with a file in `content/people/`, or
 * one the article names (no `file`, no bio). On an explainer page the role is
 * the one for that article: from the file's dated roles, its `role` as of a
 * date, or the article's own description.
 */
export type Speaker = {
  id: string;
  /** The people file, when there is one. */
  file?: string;
  name: string;
  aliases: string[];
  kind: 'person' | 'organization';
  role?: string;
  affiliation?: string;
  /** The date the role and affiliation are given as of; absent when they are the article's own description. */
  asOf?: string;
  /** Where the role and affiliation come from when an article describes them: "the article" on its page, the article's title elsewhere. */
  describedIn?: string;
  /** The file's dated roles, to choose from by an article's date. */
  roles: PersonRole[];
  links: SourceLink[];
  /** The bio, rendered; empty when the speaker has no file or the file no bio. */
  bioHtml: string;
  bioText: string;
  initials: string;
};

export type ClaimNote = {
  id: string;
  file: string;
  number: number;
  status: ClaimStatus;
  checked: string;
  sources: Source[];
  noteHtml: string;
  /** The note without markup. */
  noteText: string;
  paragraph: number;
  /** The claimed words as they stand in the article. */
  exact: string;
};

export type QuoteUse = {
  quoteId: string;
  paragraph: number;
  text: string;
  rule: string;
};

export type ExplainerPage = {
  slug: string;
  file: string;
  seedFile: string;
  title: string;
  dek: string;
  lang: string;
  /** Where the article comes from; `headline` is the article's own headline, read from its first line. */
  source: { credit: string; url?: string; published: string; dateNote?: string; headline?: string };
  wordCount: number;
  readingMinutes: number;
  /** The editor's introduction, rendered. */
  introHtml: string;
  /** The parsed article, which the page renders with `annotations`. */
  article: Article;
  annotations: Annotation[];
  /** Terms in order of first appearance, with the paragraphs that use them. */
  terms: { entry: GlossaryEntry; paragraphs: number[] }[];
  /** Notes in reading order. */
  claims: ClaimNote[];
  /** Speakers in order of their first quotation, with their quotations. */
  speakers: { speaker: Speaker; quotes: QuoteUse[] }[];
};

/** Where an explainer uses a term. */
export type TermUse = { slug: string; title: string; paragraphs: number[] };

/** A glossary entry with every explainer that uses it: the glossary index. */
export type GlossaryIndexEntry = GlossaryEntry & { uses: TermUse[] };

/** A quotation of a speaker in some explainer. */
export type PersonQuote = { slug: string; title: string; quoteId: string; paragraph: number; text: string };

/** A speaker with their quotations across explainers: a person's page. */
export type PersonPage = Speaker & { quotes: PersonQuote[] };

/** The whole site, as the pages render it. */
export type Site = {
  explainers: ExplainerPage[];
  glossary: GlossaryIndexEntry[];
  people: PersonPage[];
  /** What each explainer's review needs beyond its page (its W3C export, review view and summary are made from the two). */
  reviews: ReviewInput[];
  /** Warnings and build-log lines (errors stop the build before this is returned). */
  messages: ContentMessage[];
};
