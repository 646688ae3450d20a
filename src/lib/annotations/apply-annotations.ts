/**
 * The one mechanism that applies annotation ranges to an article tree.
 *
 * Every kind (dateline, quotation, claim, term, speaker, note marker) goes
 * through here. Text nodes are split at range boundaries; ranges nest by kind
 * (see `annotationKinds`); a range that crosses another is split into parts
 * instead of producing overlapping elements; every character of the text is
 * kept, in order; paragraphs no range touches are left as they were.
 *
 * The algorithm is the one editors use to turn marks into DOM: cut the
 * paragraph into pieces at every boundary, give each piece the ordered list
 * of ranges that cover it, and keep a stack of open elements, closing only
 * what the next piece does not share.
 */
import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type { ElementContent, Properties } from 'hast';
import type { Position } from 'unist';
import { lastAtOrBefore } from '../text/positions.ts';
import { type AnnotationRange, kindRank } from './types.ts';

export interface ElementSpec {
  tagName: string;
  properties?: Properties;
  /** Content of a zero-width annotation (a note marker's number, say). */
  children?: ElementContent[];
}

export interface PartInfo {
  /** 0-based index of this part among the parts of a split range. */
  index: number;
  /** How many parts the range was split into (1 when it was not split). */
  count: number;
}

/** Turns one annotation (or one part of a split one) into an element. */
export type RenderAnnotation<A extends AnnotationRange = AnnotationRange> = (annotation: A, part: PartInfo) => ElementSpec;

/** An mdast node for an applied annotation; `data.hName` makes it an element in hast. */
export interface AnnotationNode {
  type: 'annotation';
  annotation: AnnotationRange;
  children: PhrasingContent[];
  position?: Position;
  data?: { hName?: string; hProperties?: Properties; hChildren?: ElementContent[] };
}

declare module 'mdast' {
  interface PhrasingContentMap {
    annotation: AnnotationNode;
  }
}

export class AnnotationRangeError extends Error {
  readonly annotation: AnnotationRange;

  constructor(message: string, annotation: AnnotationRange) {
    super(message);
    this.name = 'AnnotationRangeError';
    this.annotation = annotation;
  }
}

interface TextPiece<A> {
  type: 'text';
  start: number;
  end: number;
  source: Text;
  sourceStart: number;
  active: A[];
}

interface PointPiece<A> {
  type: 'point';
  annotation: A;
  active: A[];
}

type Piece<A> = TextPiece<A> | PointPiece<A>;

/** Outer first: by kind, then earlier start, then longer, then id. */
export function compareNesting(a: AnnotationRange, b: AnnotationRange): number {
  return (
    kindRank(a.kind) - kindRank(b.kind) ||
    a.start - b.start ||
    b.end - a.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Applies `annotations` to the paragraphs of `tree` in place. Every range must
 * lie inside one paragraph; one that does not is an `AnnotationRangeError`.
 */
export function applyAnnotations<A extends AnnotationRange>(tree: Root, annotations: readonly A[], render: RenderAnnotation<A>): void {
  const paragraphs = tree.children.filter((n): n is Paragraph => n.type === 'paragraph');
  const spans = paragraphs.map((p) => spanOf(p));
  const byParagraph = new Map<number, A[]>();

  for (const a of annotations) {
    if (!(a.start <= a.end)) {
      throw new AnnotationRangeError(`Range of ${a.kind} “${a.id}” ends (${a.end}) before it starts (${a.start}).`, a);
    }
    const index = findParagraph(spans, a);
    if (index === -1) {
      throw new AnnotationRangeError(
        `Range ${a.start}–${a.end} of ${a.kind} “${a.id}” does not lie inside one paragraph.`,
        a,
      );
    }
    let list = byParagraph.get(index);
    if (!list) byParagraph.set(index, (list = []));
    list.push(a);
  }

  for (const [index, list] of byParagraph) {
    const paragraph = paragraphs[index]!;
    paragraph.children = applyToParagraph(paragraph, list, render);
  }
}

function spanOf(p: Paragraph): { start: number; end: number } {
  const start = p.position?.start.offset;
  const end = p.position?.end.offset;
  if (start === undefined || end === undefined) {
    throw new Error('Paragraph without offsets: the tree must come from `articleToMdast`.');
  }
  return { start, end };
}

/** Index of the paragraph span holding the whole range, or -1. */
function findParagraph(spans: { start: number; end: number }[], a: AnnotationRange): number {
  const i = lastAtOrBefore(spans, a.start, (s) => s.start);
  return i !== -1 && a.end <= spans[i]!.end ? i : -1;
}

function applyToParagraph<A extends AnnotationRange>(paragraph: Paragraph, annotations: A[], render: RenderAnnotation<A>): PhrasingContent[] {
  const texts = paragraph.children.map((child) => {
    if (child.type !== 'text' || child.position?.start.offset === undefined) {
      throw new Error(`Expected only text nodes with offsets in a paragraph, found ${child.type}.`);
    }
    return { node: child, start: child.position.start.offset, end: child.position.start.offset + child.value.length };
  });

  const ranged = annotations.filter((a) => a.end > a.start);
  // Markers at one point keep the order they were given in (note 1 before note 2), outer kinds first.
  const points = annotations.filter((a) => a.end === a.start).sort((a, b) => kindRank(a.kind) - kindRank(b.kind));

  const cuts = new Set<number>();
  for (const t of texts) cuts.add(t.start).add(t.end);
  for (const a of annotations) cuts.add(a.start).add(a.end);
  const sortedCuts = [...cuts].sort((x, y) => x - y);

  const pieces: Piece<A>[] = [];
  const pointsAt = (offset: number) => points.filter((p) => p.start === offset);
  const addPoints = (offset: number) => {
    for (const a of pointsAt(offset)) {
      pieces.push({
        type: 'point',
        annotation: a,
        active: ranged.filter((r) => r.start < offset && offset < r.end).sort(compareNesting),
      });
    }
  };

  let t = 0;
  for (let i = 0; i < sortedCuts.length; i++) {
    const at = sortedCuts[i]!;
    addPoints(at);
    const next = sortedCuts[i + 1];
    if (next === undefined) break;
    while (t < texts.length && texts[t]!.end <= at) t++;
    const source = texts[t];
    if (!source || source.start > at) continue;
    pieces.push({
      type: 'text',
      start: at,
      end: next,
      source: source.node,
      sourceStart: source.start,
      active: ranged.filter((r) => r.start <= at && next <= r.end).sort(compareNesting),
    });
  }

  const out: PhrasingContent[] = [];
  const stack: AnnotationNode[] = [];
  const parts = new Map<A, AnnotationNode[]>();

  const open = (a: A): AnnotationNode => {
    if (a.link && stack.some((n) => n.annotation.link)) {
      const outer = stack.find((n) => n.annotation.link)!.annotation;
      throw new AnnotationRangeError(
        `The link of ${a.kind} “${a.id}” would sit inside the link of ${outer.kind} “${outer.id}”; links cannot nest.`,
        a,
      );
    }
    const node: AnnotationNode = { type: 'annotation', annotation: a, children: [] };
    let list = parts.get(a);
    if (!list) parts.set(a, (list = []));
    list.push(node);
    return node;
  };
  const container = () => (stack.length ? stack[stack.length - 1]!.children : out);

  for (const piece of pieces) {
    let keep = 0;
    while (keep < stack.length && keep < piece.active.length && stack[keep]!.annotation === piece.active[keep]) keep++;
    stack.length = keep;
    for (const a of piece.active.slice(keep)) {
      const node = open(a);
      container().push(node);
      stack.push(node);
    }
    if (piece.type === 'point') {
      container().push(open(piece.annotation));
      continue;
    }
    appendText(container(), piece);
  }

  for (const [a, nodes] of parts) {
    nodes.forEach((node, index) => {
      const spec = render(a, { index, count: nodes.length });
      node.data = {
        hName: spec.tagName,
        hProperties: spec.properties ?? {},
        ...(spec.children ? { hChildren: spec.children } : {}),
      };
    });
  }
  return out;
}

/** Which original text node each new text node was cut from. */
const cutFrom = new WeakMap<Text, Text>();

/** Appends a piece of text, merging with the previous piece of the same source node. */
function appendText(into: PhrasingContent[], piece: TextPiece<unknown>): void {
  const value = piece.source.value.slice(piece.start - piece.sourceStart, piece.end - piece.sourceStart);
  const last = into[into.length - 1];
  if (last && last.type === 'text' && cutFrom.get(last) === piece.source && last.position?.end.offset === piece.start) {
    last.value += value;
    last.position.end = { ...last.position.end, offset: piece.end };
    return;
  }
  const line = piece.source.position!.start.line;
  const column = piece.source.position!.start.column;
  const node: Text = {
    type: 'text',
    value,
    position: {
      start: { line, column: column + piece.start - piece.sourceStart, offset: piece.start },
      end: { line, column: column + piece.end - piece.sourceStart, offset: piece.end },
    },
  };
  cutFrom.set(node, piece.source);
  into.push(node);
}
