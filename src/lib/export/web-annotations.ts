/**
 * An explainer's annotations as W3C Web Annotations (JSON-LD): one
 * `AnnotationCollection` holding every claim, glossary term, quotation and
 * speaker link, each targeting the article text with a `TextQuoteSelector`
 * and a `TextPositionSelector`. Positions count Unicode code points, as the
 * Web Annotation Data Model specifies, not UTF-16 units. The article text the
 * selectors apply to is published next to the export (`article.txt`).
 *
 * https://www.w3.org/TR/annotation-model/
 */
import type { Annotation } from '../annotations/types.ts';
import type { ExplainerPage } from '../content/model.ts';
import { claimId, quoteId, speakerId, termId } from '../ids.ts';
import type { Source } from '../../schemas/common.ts';

export const annotationContext = 'http://www.w3.org/ns/anno.jsonld';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Code points from the start of the article text. */
  start: number;
  end: number;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format?: string;
  language?: string;
  purpose?: string;
}

export interface SpecificResourceBody {
  type: 'SpecificResource';
  purpose: string;
  source: string;
  /** Where a copy of the source was read. */
  via?: string[];
}

export interface WebAnnotation {
  '@context': string;
  id: string;
  type: 'Annotation';
  motivation: 'assessing' | 'describing' | 'identifying';
  /** For claims: the day the claim was checked. */
  modified?: string;
  body: (TextualBody | SpecificResourceBody)[];
  target: {
    type: 'SpecificResource';
    source: string;
    /** The explainer page the annotation is shown on. */
    scope: string;
    selector: [TextQuoteSelector, TextPositionSelector];
  };
}

export interface AnnotationCollection {
  '@context': string;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: {
    id: string;
    type: 'AnnotationPage';
    startIndex: number;
    items: WebAnnotation[];
  };
}

/** Where the explainer and its exports are published, as absolute URLs. */
export interface ExportUrls {
  /** The explainer page. */
  page: string;
  /** The article text the selectors apply to. */
  article: string;
  /** The export itself. */
  collection: string;
  /** A speaker's page, from the speaker's id. */
  person: (id: string) => string;
}

/** Characters of context on each side of a quote selector. */
const contextLength = 32;

export function toAnnotationCollection(page: ExplainerPage, urls: ExportUrls): AnnotationCollection {
  const text = page.article.text;
  const codePoints = codePointIndex(text);
  const lang = page.lang;
  const target = (a: Annotation): WebAnnotation['target'] => ({
    type: 'SpecificResource',
    source: urls.article,
    scope: urls.page,
    selector: [quoteSelector(text, a.start, a.end), { type: 'TextPositionSelector', start: codePoints(a.start), end: codePoints(a.end) }],
  });
  const claims = new Map(page.claims.map((c) => [c.id, c]));
  const terms = new Map(page.terms.map((t) => [t.entry.id, t.entry]));
  const speakers = new Map(page.speakers.map((s) => [s.speaker.id, s.speaker]));
  const base = (fragment: string) => ({ '@context': annotationContext, id: `${urls.collection}#${fragment}`, type: 'Annotation' as const });

  const items: WebAnnotation[] = [];
  for (const a of [...page.annotations].sort((x, y) => x.start - y.start || y.end - x.end)) {
    if (a.kind === 'claim') {
      const c = claims.get(a.payload.claim)!;
      items.push({
        ...base(claimId(c.id)),
        motivation: 'assessing',
        modified: c.checked,
        body: [
          { type: 'TextualBody', purpose: 'assessing', value: c.noteText, format: 'text/plain', language: lang },
          { type: 'TextualBody', purpose: 'classifying', value: c.status },
          ...c.sources.flatMap((s) => sourceBodies(s)),
        ],
        target: target(a),
      });
    } else if (a.kind === 'term') {
      const t = terms.get(a.payload.term)!;
      items.push({
        ...base(termId(t.id)),
        motivation: 'describing',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: t.term },
          { type: 'TextualBody', purpose: 'describing', value: t.definitionText, format: 'text/plain', language: lang },
        ],
        target: target(a),
      });
    } else if (a.kind === 'quote' || a.kind === 'speaker') {
      const s = speakers.get(a.payload.speaker)!;
      const who = [s.name, s.role, s.affiliation].filter(Boolean).join(', ');
      items.push({
        ...base(a.kind === 'quote' ? quoteId(a.payload.quoteId) : speakerId(a.id)),
        motivation: 'identifying',
        body: [
          { type: 'SpecificResource', purpose: 'identifying', source: urls.person(s.id) },
          { type: 'TextualBody', purpose: 'describing', value: a.kind === 'quote' ? `Quotation of ${who}` : `Names ${who}` },
        ],
        target: target(a),
      });
    }
  }
  return {
    '@context': annotationContext,
    id: urls.collection,
    type: 'AnnotationCollection',
    label: `Annotations of “${page.title}”`,
    total: items.length,
    first: { id: `${urls.collection}#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** A source as a link to it, and its citation as text. */
function sourceBodies(s: Source): (TextualBody | SpecificResourceBody)[] {
  const via = s.via?.map((v) => v.url);
  const link = s.url ?? via?.[0];
  const citation = [s.publisher, s.title ? `“${s.title}”` : s.description, s.published, s.url, via ? `read via ${via.join(', ')}` : undefined].filter(Boolean).join(', ');
  return [
    ...(link ? [{ type: 'SpecificResource' as const, purpose: 'linking', source: link, ...(s.url && via ? { via } : {}) }] : []),
    { type: 'TextualBody', purpose: 'linking', value: citation },
  ];
}

/** A quote selector with up to `contextLength` characters of the article on each side. */
function quoteSelector(text: string, start: number, end: number): TextQuoteSelector {
  const prefix = text.slice(Math.max(0, start - contextLength), start);
  const suffix = text.slice(end, end + contextLength);
  return { type: 'TextQuoteSelector', exact: text.slice(start, end), ...(prefix ? { prefix: wholeCodePoints(prefix, 'start') } : {}), ...(suffix ? { suffix: wholeCodePoints(suffix, 'end') } : {}) };
}

/** A slice that does not start (or end) in the middle of a surrogate pair. */
function wholeCodePoints(s: string, side: 'start' | 'end'): string {
  if (side === 'start' && /^[\udc00-\udfff]/.test(s)) return s.slice(1);
  if (side === 'end' && /[\ud800-\udbff]$/.test(s)) return s.slice(0, -1);
  return s;
}

/** Code-point offset of each UTF-16 offset of a text, computed once. */
export function codePointIndex(text: string): (utf16: number) => number {
  const index = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = cp;
    const c = text.charCodeAt(i);
    // The low half of a surrogate pair belongs to the code point its high half starts.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) cp++;
    else index[i] = cp - 1;
  }
  index[text.length] = cp;
  return (utf16) => index[utf16]!;
}
