/**
 * The MUST requirements of the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/, Recommendation of 23 February
 * 2017) for what this project exports, written as checks, in the spirit of
 * the assertions of the W3C's annotation-model test suite (its
 * `annotations/*.json` MUST schemas): no network is needed to run them.
 *
 * Each check returns the list of violations, as `path: what is wrong`.
 */

const context = 'http://www.w3.org/ns/anno.jsonld';

/** The motivations the model defines (§3.3.5). */
export const motivations = [
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
  'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
] as const;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const isIri = (v: Json) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(v);
const isNonNegativeInteger = (v: Json) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const hasType = (v: Record<string, Json>, type: string) => asList(v.type).includes(type);

/** §3.1: @context, id, type Annotation, at least one target; bodies and targets well formed. */
export function checkAnnotation(a: Json, path = 'annotation', contextFromParent = false): string[] {
  const out: string[] = [];
  if (!isObject(a)) return [`${path}: MUST be an object`];
  if (!contextFromParent || a['@context'] !== undefined) {
    if (!asList(a['@context']).includes(context)) out.push(`${path}.@context: MUST include ${context}`);
  }
  if (!isIri(a.id)) out.push(`${path}.id: MUST be exactly one IRI`);
  if (!hasType(a, 'Annotation')) out.push(`${path}.type: MUST include "Annotation"`);
  const targets = asList(a.target);
  if (targets.length === 0) out.push(`${path}.target: an Annotation MUST have 1 or more targets`);
  targets.forEach((t, i) => out.push(...checkResource(t, `${path}.target[${i}]`)));
  asList(a.body).forEach((b, i) => out.push(...checkResource(b, `${path}.body[${i}]`)));
  for (const m of asList(a.motivation)) if (!(motivations as readonly string[]).includes(m as string)) out.push(`${path}.motivation: "${String(m)}" is not a motivation the model defines`);
  for (const field of ['created', 'modified'] as const) {
    if (a[field] !== undefined && (typeof a[field] !== 'string' || Number.isNaN(Date.parse(a[field] as string)))) out.push(`${path}.${field}: MUST be an xsd:dateTime`);
  }
  return out;
}

/** A body or target: an IRI, a TextualBody (§3.2.4) or a SpecificResource (§4) with its selectors. */
function checkResource(r: Json, path: string): string[] {
  if (isIri(r)) return [];
  if (!isObject(r)) return [`${path}: MUST be an IRI or an object`];
  const out: string[] = [];
  if (hasType(r, 'TextualBody')) {
    if (typeof r.value !== 'string') out.push(`${path}.value: a TextualBody MUST have exactly one value, a string`);
  } else if (hasType(r, 'SpecificResource')) {
    if (!isIri(r.source) && !(isObject(r.source) && isIri(r.source.id))) out.push(`${path}.source: a SpecificResource MUST have exactly one source, an IRI`);
    asList(r.selector).forEach((s, i) => out.push(...checkSelector(s, `${path}.selector[${i}]`)));
    if (r.scope !== undefined && !isIri(r.scope)) out.push(`${path}.scope: MUST be an IRI`);
    if (r.purpose !== undefined && !asList(r.purpose).every((p) => (motivations as readonly string[]).includes(p as string))) out.push(`${path}.purpose: MUST be a motivation`);
  } else if (!isIri(r.id)) {
    out.push(`${path}.id: an external resource MUST have an IRI`);
  }
  if (hasType(r, 'TextualBody') && r.purpose !== undefined && !asList(r.purpose).every((p) => (motivations as readonly string[]).includes(p as string))) out.push(`${path}.purpose: MUST be a motivation`);
  return out;
}

/** §4.2.4 TextQuoteSelector, §4.2.5 TextPositionSelector. */
function checkSelector(s: Json, path: string): string[] {
  if (!isObject(s)) return [`${path}: MUST be an object`];
  const out: string[] = [];
  if (hasType(s, 'TextQuoteSelector')) {
    if (typeof s.exact !== 'string' || s.exact === '') out.push(`${path}.exact: a TextQuoteSelector MUST have exactly one exact, a string`);
    for (const f of ['prefix', 'suffix'] as const) if (s[f] !== undefined && typeof s[f] !== 'string') out.push(`${path}.${f}: MUST be a string`);
  } else if (hasType(s, 'TextPositionSelector')) {
    if (!isNonNegativeInteger(s.start)) out.push(`${path}.start: a TextPositionSelector MUST have exactly one start, a non-negative integer`);
    if (!isNonNegativeInteger(s.end)) out.push(`${path}.end: a TextPositionSelector MUST have exactly one end, a non-negative integer`);
    if (isNonNegativeInteger(s.start) && isNonNegativeInteger(s.end) && (s.end as number) < (s.start as number)) out.push(`${path}: end MUST NOT be before start`);
  } else {
    out.push(`${path}.type: a selector this project writes is a TextQuoteSelector or a TextPositionSelector`);
  }
  return out;
}

/** §5.1–5.2: an AnnotationCollection with its first AnnotationPage, every item an Annotation. */
export function checkCollection(c: Json): string[] {
  if (!isObject(c)) return ['collection: MUST be an object'];
  const out: string[] = [];
  if (!asList(c['@context']).includes(context)) out.push(`collection.@context: MUST include ${context}`);
  if (!isIri(c.id)) out.push('collection.id: MUST be an IRI');
  if (!hasType(c, 'AnnotationCollection')) out.push('collection.type: MUST include "AnnotationCollection"');
  if (c.total !== undefined && !isNonNegativeInteger(c.total)) out.push('collection.total: MUST be a non-negative integer');
  const first = c.first;
  if (!isObject(first)) return [...out, 'collection.first: MUST be the first AnnotationPage'];
  if (!hasType(first, 'AnnotationPage')) out.push('collection.first.type: MUST include "AnnotationPage"');
  if (!Array.isArray(first.items) || first.items.length === 0) out.push('collection.first.items: an AnnotationPage MUST have 1 or more items');
  if (first.startIndex !== undefined && !isNonNegativeInteger(first.startIndex)) out.push('collection.first.startIndex: MUST be a non-negative integer');
  if (Array.isArray(first.items)) {
    first.items.forEach((a, i) => out.push(...checkAnnotation(a, `items[${i}]`, true)));
    if (isNonNegativeInteger(c.total) && c.total !== first.items.length && first.next === undefined) out.push('collection.total: MUST count the annotations of every page');
  }
  return out;
}
