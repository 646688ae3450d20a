/**
 * The one range model shared by every annotation kind.
 *
 * Offsets are UTF-16 code-unit offsets into the normalized article text (see
 * `article/parse-article.ts`), half-open: `[start, end)`. A zero-width range
 * (`start === end`) inserts an element at a point, such as a note marker.
 */

/**
 * Annotation kinds, outermost first: when two ranges overlap, the kind listed
 * earlier wraps the later one (a quotation holds a claim, a claim holds a term).
 */
export const annotationKinds = ['dateline', 'quote', 'claim', 'speaker', 'term', 'noteref'] as const;
export type AnnotationKind = (typeof annotationKinds)[number];

export interface Annotation<Payload = unknown> {
  kind: AnnotationKind;
  /** Unique within its kind on one page. */
  id: string;
  start: number;
  end: number;
  /** Whether the rendered element is a link; links never nest inside links. */
  link?: boolean;
  /** Whatever the renderer of this kind needs. */
  payload?: Payload;
}

/** Nesting rank of a kind: lower wraps higher. */
export function kindRank(kind: AnnotationKind): number {
  return annotationKinds.indexOf(kind);
}

export interface Range {
  start: number;
  end: number;
}

export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}
