/**
 * The one range model shared by every annotation kind.
 *
 * Offsets are UTF-16 code-unit offsets into the normalized article text (see
 * `article/parse-article.ts`), half-open: `[start, end)`. A zero-width range
 * (`start === end`) inserts an element at a point, such as a note marker.
 */
import type { ClaimStatus } from '../../schemas/claim.ts';
import type { Range } from '../text/positions.ts';

export { overlaps, type Range } from '../text/positions.ts';

/**
 * Annotation kinds, outermost first: when two ranges overlap, the kind listed
 * earlier wraps the later one (a quotation holds a claim, a claim holds a term).
 */
export const annotationKinds = ['dateline', 'quote', 'claim', 'speaker', 'term', 'noteref'] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

/** What the range core needs of any annotation: kind, id, range, and whether it is a link. */
export interface AnnotationRange<K extends AnnotationKind = AnnotationKind> extends Range {
  kind: K;
  /** Unique within its kind on one page. */
  id: string;
  /** Whether the rendered element is a link; links never nest inside links. */
  link?: boolean;
}

/** `HONG KONG —` at the start of the first paragraph. */
export type DatelineAnnotation = AnnotationRange<'dateline'>;

/** A quotation, marks included. */
export interface QuoteAnnotation extends AnnotationRange<'quote'> {
  payload: { speaker: string; quoteId: string };
}

/** The speaker's name at an attribution, linked to the speaker's card. */
export interface SpeakerAnnotation extends AnnotationRange<'speaker'> {
  link: true;
  payload: { speaker: string };
}

/** The claimed words. */
export interface ClaimAnnotation extends AnnotationRange<'claim'> {
  payload: { claim: string; number: number };
}

/** The note marker at the end of a claim (zero-width). */
export interface NoteRefAnnotation extends AnnotationRange<'noteref'> {
  link: true;
  payload: {
    claim: string;
    number: number;
    status: ClaimStatus;
    /** The note's first sentence, shown beside its line (or in place on narrow screens). */
    summary: string;
    /** Whether the summary is the whole note. */
    complete: boolean;
  };
}

/** The first use of a glossary term, linked to its entry. */
export interface TermAnnotation extends AnnotationRange<'term'> {
  link: true;
  payload: { term: string };
}

/** Every annotation a page shows, told apart by `kind`. */
export type Annotation =
  | DatelineAnnotation
  | QuoteAnnotation
  | SpeakerAnnotation
  | ClaimAnnotation
  | NoteRefAnnotation
  | TermAnnotation;

/** Nesting rank of a kind: lower wraps higher. */
export function kindRank(kind: AnnotationKind): number {
  return annotationKinds.indexOf(kind);
}
