/**
 * What changed between the base branch's export of an explainer and this
 * build's: annotations added and removed, notes and sources edited, claim
 * ratings changed, anchors moved, and, loudly, any change to the article text
 * itself. Both sides are W3C Web Annotation collections (`export/`); the base
 * one is read from a file, so it is checked before it is trusted.
 */
import { parseArticle } from '../article/parse-article.ts';
import type { AnnotationCollection, SpecificResourceBody, TextPositionSelector, TextQuoteSelector, TextualBody, WebAnnotation } from '../export/web-annotations.ts';
import type { ReviewKind } from './review.ts';

export const changeKinds = ['added', 'removed', 'status', 'edited', 'moved'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export type AnnotationChange = {
  change: ChangeKind;
  kind: ReviewKind;
  /** The id of a claim or term, or the quoted words of a quotation. */
  key: string;
  /** What changed, in words: `verified → qualified`, `¶4 → ¶5`. */
  detail: string;
};

export type ParagraphChange = { paragraph: number; before?: string; after?: string };

export type AnnotationChanges = {
  changes: AnnotationChange[];
  /** Paragraphs of the article text that differ from the base: should be rare. */
  text: ParagraphChange[];
};

/** The comparable parts of one annotation. */
type Facts = { kind: ReviewKind; key: string; exact: string; start: number; end: number; status?: string; note?: string; sources?: string; who?: string };

export function diffCollections(base: AnnotationCollection, current: AnnotationCollection, baseText: string | undefined, currentText: string): AnnotationChanges {
  const before = factsOf(base);
  const after = factsOf(current);
  const changes: AnnotationChange[] = [];
  const paragraphs = { before: paragraphFinder(baseText ?? currentText), after: paragraphFinder(currentText) };
  for (const [id, b] of before) {
    const a = after.get(id);
    if (!a) {
      changes.push({ change: 'removed', kind: b.kind, key: b.key, detail: `${paragraphs.before(b.start)} “${b.exact}”` });
      continue;
    }
    if (b.status !== a.status) changes.push({ change: 'status', kind: a.kind, key: a.key, detail: `${b.status} → ${a.status}` });
    const edits = [b.note !== a.note && 'note', b.sources !== a.sources && 'sources', b.who !== a.who && `speaker (${b.who} → ${a.who})`].filter(Boolean);
    if (edits.length) changes.push({ change: 'edited', kind: a.kind, key: a.key, detail: `${edits.join(', ')} changed` });
    if (b.exact !== a.exact || b.start !== a.start || b.end !== a.end) {
      const where = (p: string, f: Facts) => `${p} “${f.exact}”`;
      changes.push({ change: 'moved', kind: a.kind, key: a.key, detail: `${where(paragraphs.before(b.start), b)} → ${where(paragraphs.after(a.start), a)}` });
    }
  }
  for (const [id, a] of after) {
    if (!before.has(id)) changes.push({ change: 'added', kind: a.kind, key: a.key, detail: `${paragraphs.after(a.start)} “${a.exact}”` });
  }
  changes.sort((x, y) => changeKinds.indexOf(x.change) - changeKinds.indexOf(y.change));
  return { changes, text: baseText === undefined || baseText === currentText ? [] : textChanges(baseText, currentText) };
}

/** Whether parsed JSON has the shape of an annotation collection this project writes. */
export function isAnnotationCollection(value: unknown): value is AnnotationCollection {
  const v = value as AnnotationCollection;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.type === 'AnnotationCollection' &&
    Array.isArray(v.first?.items) &&
    v.first.items.every((i) => typeof i?.id === 'string' && Array.isArray(i.body) && Array.isArray(i.target?.selector))
  );
}

/** Claims and terms by id; quotations by their words (and which occurrence), since their ids are positions. */
function factsOf(collection: AnnotationCollection): Map<string, Facts> {
  const facts = new Map<string, Facts>();
  const seen = new Map<string, number>();
  for (const item of collection.first.items) {
    const fragment = item.id.slice(item.id.lastIndexOf('#') + 1);
    const [quote, position] = selectors(item);
    if (!quote || !position) continue;
    const kind: ReviewKind | undefined = fragment.startsWith('claim-') ? 'claim' : fragment.startsWith('term-') ? 'term' : fragment.startsWith('quote-') ? 'quote' : undefined;
    if (!kind) continue;
    const texts = item.body.filter((b): b is TextualBody => b.type === 'TextualBody');
    const bodyValue = (purpose: string) => texts.filter((b) => b.purpose === purpose).map((b) => b.value).join('\n') || undefined;
    let key = kind === 'quote' ? quote.exact : fragment.slice(kind.length + 1);
    if (kind === 'quote') {
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      if (n > 1) key = `${key} (${n})`;
    }
    const who = item.body.find((b): b is SpecificResourceBody => b.type === 'SpecificResource' && b.purpose === 'identifying')?.source;
    facts.set(`${kind}:${key}`, {
      kind,
      key,
      exact: quote.exact,
      start: position.start,
      end: position.end,
      ...(kind === 'claim' ? { status: bodyValue('classifying') ?? '', note: bodyValue('assessing') ?? '', sources: bodyValue('linking') ?? '' } : {}),
      ...(kind === 'term' ? { note: bodyValue('describing') ?? '' } : {}),
      ...(who ? { who: who.replace(/\/+$/, '').split('/').pop() } : {}),
    });
  }
  return facts;
}

function selectors(item: WebAnnotation): [TextQuoteSelector | undefined, TextPositionSelector | undefined] {
  const list = item.target.selector;
  return [list.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector'), list.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector')];
}

/** `¶N` of a code-point offset in an article text. */
function paragraphFinder(text: string): (codePoint: number) => string {
  const article = parseArticle(text, { keepResidue: true });
  const starts = article.paragraphs.map((p) => [...text.slice(0, p.start)].length);
  return (cp) => {
    let n = 0;
    for (let i = 0; i < starts.length && starts[i]! <= cp; i++) n = i + 1;
    return `¶${n}`;
  };
}

/** The paragraphs whose text differs, by number. */
function textChanges(before: string, after: string): ParagraphChange[] {
  const split = (t: string) => {
    const a = parseArticle(t, { keepResidue: true });
    return a.paragraphs.map((p) => a.text.slice(p.start, p.end));
  };
  const b = split(before);
  const a = split(after);
  const out: ParagraphChange[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    out.push({ paragraph: i + 1, ...(b[i] !== undefined ? { before: b[i] } : {}), ...(a[i] !== undefined ? { after: a[i] } : {}) });
  }
  return out;
}
