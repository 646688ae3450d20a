/**
 * Anchors a claim in the article with a W3C Web Annotation text-quote
 * selector: `exact` must occur inside one paragraph, right after `prefix`
 * and right before `suffix` when they are given, exactly once.
 *
 * Matching is exact, character for character: a curly quote never matches a
 * straight one. When the selector does not match, the result says why and
 * shows the closest passage with a diff, but never re-anchors to it (silent
 * fuzzy re-anchoring attaches notes to the wrong words).
 *
 * Only article paragraphs are searched; residue lines are not text of the
 * page. `prefix` and `suffix` may reach into the neighbouring paragraph, and
 * there any run of spaces or line breaks stands for the paragraph break.
 */
import type { Article, ArticleParagraph } from '../article/parse-article.ts';
import type { TextQuoteSelector } from '../../schemas/claim.ts';
import { PatternSet } from '../text/aho-corasick.ts';
import { lastAtOrBefore } from '../text/positions.ts';
import { editDistance } from '../text/edit-distance.ts';
import { hasWord, isSpaceCode, isWordChar } from '../text/words.ts';
import { closestPassage } from './closest-passage.ts';
import { describeMark, describeRun, isLookAlikePair } from './look-alikes.ts';
import { changedPairs, diffText, formatDiff } from './text-diff.ts';

export type AnchorResult =
  | { ok: true; start: number; end: number; paragraph: number }
  | {
      ok: false;
      reason: AnchorFailure;
      /** Plain text: what was expected and found, then a diff line where one helps. */
      message: string;
      /** What the editor should do. */
      hint: string;
      /** Paragraph numbers the message is about: one per match for `many`. */
      paragraphs?: number[];
    };

export const anchorFailures = ['none', 'many', 'crosses-paragraph', 'empty', 'residue'] as const;
export type AnchorFailure = (typeof anchorFailures)[number];

export interface AnchorOptions {
  /** Most cells the "did you mean" search may fill before it scans only the likeliest paragraphs (default: 2,000,000). */
  fuzzyBudget?: number;
}

/** More matches than this get a general hint instead of one prefix or suffix per match. */
const maxSuggestedMatches = 10;

/** A passage needing more edits than this share of the phrase's length is not offered as "did you mean". */
const maxEditShare = 0.4;

/** Paragraph numbers named in one message before the rest are only counted. */
const maxListedParagraphs = 15;

/** Longest prefix or suffix worth suggesting. */
const maxSuggestionLength = 80;

/**
 * Anchors every selector of an article at once: all `exact` texts are found
 * in one pass over the paragraphs (`text/aho-corasick.ts`), so the cost grows
 * with the text, not with the text times the number of claims. A selector
 * that does not anchor cleanly goes through `anchorSelector` for its message.
 */
export function anchorSelectors(article: Article, selectors: readonly TextQuoteSelector[], options?: AnchorOptions | null): AnchorResult[] {
  const stream = paragraphStream(article);
  // Text with tabs or line breaks may match across a paragraph break: those take the slow path.
  const fast = selectors.map((s) => s.exact.trim() !== '' && !/[\n\r\t]/.test(s.exact));
  const occurrences = new PatternSet(selectors.map((s, i) => (fast[i] ? s.exact : ''))).findAll(stream.text);
  return selectors.map((selector, i) => {
    if (fast[i]) {
      const hits = occurrences[i]!.filter((start) => fitsContext(stream.text, { start, end: start + selector.exact.length, crosses: false }, selector));
      if (hits.length === 1) {
        const start = hits[0]!;
        return { ok: true, start: toArticleOffset(stream, start), end: toArticleOffset(stream, start + selector.exact.length), paragraph: paragraphOf(stream, start).n };
      }
    }
    return anchorSelector(article, selector, options);
  });
}

/** Where `exact` occurs in the article. */
export function anchorSelector(
  article: Article,
  selector: TextQuoteSelector,
  options?: AnchorOptions | null,
): AnchorResult {
  const { exact } = selector;
  if (exact.trim() === '') {
    return {
      ok: false,
      reason: 'empty',
      message: `Expected the selector's exact text to hold the claimed words, found ${exact === '' ? 'an empty string' : 'only white space'}.`,
      hint: 'Copy the claimed words from the seed into `exact`.',
    };
  }

  const stream = paragraphStream(article);
  const all = findAll(stream.text, exact);
  const inside = all.filter((m) => !m.crosses);
  const hits = inside.filter((m) => fitsContext(stream.text, m, selector));

  if (hits.length === 1) {
    const hit = hits[0]!;
    return {
      ok: true,
      start: toArticleOffset(stream, hit.start),
      end: toArticleOffset(stream, hit.end),
      paragraph: paragraphOf(stream, hit.start).n,
    };
  }
  if (hits.length > 1) return manyMatches(stream, hits, selector);
  if (inside.length > 0) return contextMiss(stream, inside, selector);
  const crossing = all.filter((m) => m.crosses);
  if (crossing.length > 0) {
    return crossesParagraph(stream, crossing.find((m) => fitsContext(stream.text, m, selector)) ?? crossing[0]!);
  }
  return normalizationMiss(stream, exact) ?? residueMiss(article, exact) ?? notFound(article, exact, options);
}

/**
 * The text is there, but with its accents written the other way: one
 * composed character (NFC, `é`) against a letter and a combining mark (NFD,
 * `e` + U+0301). They look the same and are different text.
 */
function normalizationMiss(stream: ParagraphStream, exact: string): AnchorResult | undefined {
  for (const form of ['NFC', 'NFD'] as const) {
    const other = exact.normalize(form);
    if (other === exact) continue;
    const hit = findAll(stream.text, other).find((m) => !m.crosses);
    if (!hit) continue;
    const decomposed = form === 'NFC' ? exact : other;
    const mark = [...decomposed].find((c) => /\p{M}/u.test(c)) ?? '';
    const how = form === 'NFC' ? 'the selector writes an accented letter as a letter followed by' : 'the seed writes an accented letter as a letter followed by';
    const n = paragraphOf(stream, hit.start).n;
    return {
      ok: false,
      reason: 'none',
      message: `Expected one match of the selector, found none: ${how} ${describeMark(mark)} (decomposed), where the other has one composed character. They look the same, in paragraph ${n}, but are different text.`,
      hint: 'Copy the phrase from the seed into `exact` again: some editors and copies decompose accented letters.',
      paragraphs: [n],
    };
  }
  return undefined;
}

/** The text is on a trailing line that the page leaves out. */
function residueMiss(article: Article, exact: string): AnchorResult | undefined {
  const line = article.residue.find((r) => r.text.includes(exact));
  if (!line) return undefined;
  return {
    ok: false,
    reason: 'residue',
    message: `Expected one match of the selector in the article, found it only on seed line ${line.line}, which is left out of the page: it ${line.reason}.`,
    hint: `To keep that line, set \`endsAtLine: ${line.line}\` (or \`keepResidue: true\`) in the explainer's front matter; otherwise remove the claim.`,
  };
}

/** A match in stream offsets. */
interface Match {
  start: number;
  end: number;
  /** Whether it runs over a paragraph break. */
  crosses: boolean;
}

/**
 * The paragraphs joined by one line feed each: the only text a selector may
 * match, with every line feed standing for a paragraph break.
 */
interface ParagraphStream {
  article: Article;
  text: string;
  /** Where each paragraph starts in `text`, in article order. */
  starts: number[];
}

const streams = new WeakMap<Article, ParagraphStream>();

/** One stream per article, built once however many claims it has. */
function paragraphStream(article: Article): ParagraphStream {
  const cached = streams.get(article);
  if (cached) return cached;
  const starts: number[] = [];
  let text = '';
  for (const p of article.paragraphs) {
    if (starts.length > 0) text += '\n';
    starts.push(text.length);
    text += article.text.slice(p.start, p.end);
  }
  const stream = { article, text, starts };
  streams.set(article, stream);
  return stream;
}

/** Index of the paragraph holding a stream offset (a paragraph's end offset counts as inside it). */
function paragraphIndex(stream: ParagraphStream, pos: number): number {
  return Math.max(0, lastAtOrBefore(stream.starts, pos, (s) => s));
}

function paragraphOf(stream: ParagraphStream, pos: number): ArticleParagraph {
  return stream.article.paragraphs[paragraphIndex(stream, pos)]!;
}

/** Stream bounds of the paragraph holding `pos`. */
function paragraphBounds(stream: ParagraphStream, pos: number): { start: number; end: number } {
  const i = paragraphIndex(stream, pos);
  const p = stream.article.paragraphs[i]!;
  const start = stream.starts[i]!;
  return { start, end: start + (p.end - p.start) };
}

function toArticleOffset(stream: ParagraphStream, pos: number): number {
  const i = paragraphIndex(stream, pos);
  return stream.article.paragraphs[i]!.start + (pos - stream.starts[i]!);
}

/** What an editor may type for a paragraph break. */
function isBreakSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\n' || char === '\t' || char === '\r';
}

/** Every occurrence of `exact`, overlapping ones included. */
function findAll(text: string, exact: string): Match[] {
  const out: Match[] = [];
  const first = exact.charAt(0);
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    const m = matchExactAt(text, at, exact);
    if (m) out.push(m);
  }
  return out;
}

/**
 * The one matcher loop: walks `pattern` over `text` from `from`, forwards
 * (`step` 1, the pattern starting at `from`) or backwards (`step` -1, the
 * pattern ending at `from`), character for character, except that a
 * paragraph break in the text matches a run of spaces or line breaks in the
 * pattern. Returns the other end of the matched text and whether it crossed
 * a break, or undefined on a mismatch.
 */
function walk(text: string, from: number, pattern: string, step: 1 | -1): { to: number; crosses: boolean } | undefined {
  let i = step === 1 ? from : from - 1;
  let k = step === 1 ? 0 : pattern.length - 1;
  const more = () => (step === 1 ? k < pattern.length : k >= 0);
  let crosses = false;
  while (more()) {
    if (i < 0 || i >= text.length) return undefined;
    if (text.charAt(i) === '\n') {
      if (!isBreakSpace(pattern.charAt(k))) return undefined;
      while (more() && isBreakSpace(pattern.charAt(k))) k += step;
      crosses = true;
    } else if (text.charAt(i) === pattern.charAt(k)) {
      k += step;
    } else {
      return undefined;
    }
    i += step;
  }
  return { to: step === 1 ? i : i + 1, crosses };
}

/**
 * `exact` at `at`. A match never starts or ends at a paragraph break: white
 * space there is not text of the article.
 */
function matchExactAt(text: string, at: number, exact: string): Match | undefined {
  if (text.charAt(at) === '\n') return undefined;
  const w = walk(text, at, exact, 1);
  if (!w || text.charAt(w.to - 1) === '\n') return undefined;
  return { start: at, end: w.to, crosses: w.crosses };
}

/** Whether `prefix` ends right at `end`. */
function precededBy(text: string, end: number, prefix: string): boolean {
  return walk(text, end, prefix, -1) !== undefined;
}

/** Whether `suffix` starts right at `start`. */
function followedBy(text: string, start: number, suffix: string): boolean {
  return walk(text, start, suffix, 1) !== undefined;
}

function prefixFits(text: string, m: Match, prefix: string | undefined): boolean {
  return !prefix || precededBy(text, m.start, prefix);
}

function suffixFits(text: string, m: Match, suffix: string | undefined): boolean {
  return !suffix || followedBy(text, m.end, suffix);
}

function fitsContext(text: string, m: Match, selector: TextQuoteSelector): boolean {
  return prefixFits(text, m, selector.prefix) && suffixFits(text, m, selector.suffix);
}

/** Several matches: name their paragraphs and suggest the shortest prefix or suffix that picks each. */
function manyMatches(stream: ParagraphStream, hits: Match[], selector: TextQuoteSelector): AnchorResult {
  const numbers = hits.map((m) => paragraphOf(stream, m.start).n);
  const message = `Expected one match of the selector, found ${hits.length} matches, ${inParagraphs(numbers)}.`;
  const general =
    'Add a `prefix` (the words just before the phrase) or a `suffix` (the words just after) that only one of the matches has.';
  if (hits.length > maxSuggestedMatches) {
    return { ok: false, reason: 'many', message, hint: general, paragraphs: numbers };
  }
  const labels = matchLabels(numbers);
  const picks = hits.map((m, i) => {
    const s = shortestDistinguisher(stream, hits, m, selector);
    return s ? `${s.field} ${quote(s.text)} picks ${labels[i]}` : `nothing short tells apart ${labels[i]}`;
  });
  return {
    ok: false,
    reason: 'many',
    message,
    hint: `Add a \`prefix\` or \`suffix\` that only one match has: ${listWords(picks)}.`,
    paragraphs: numbers,
  };
}

/** `paragraph 4`, or `the 2nd in paragraph 4` when a paragraph holds more than one match. */
function matchLabels(numbers: number[]): string[] {
  const seen = new Map<number, number>();
  return numbers.map((n) => {
    const count = numbers.filter((x) => x === n).length;
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return count > 1 ? `the ${ordinal(k)} in paragraph ${n}` : `paragraph ${n}`;
  });
}

/**
 * The shortest prefix or suffix inside the paragraph, in whole space-separated
 * words (`U.S. `, not `S. `), that keeps only `target` among `hits` (the
 * selector's other field kept as it is).
 */
function shortestDistinguisher(
  stream: ParagraphStream,
  hits: Match[],
  target: Match,
  selector: TextQuoteSelector,
): { field: 'prefix' | 'suffix'; text: string } | undefined {
  const { text } = stream;
  const bounds = paragraphBounds(stream, target.start);
  const unique = (fits: (m: Match) => boolean) => hits.filter(fits).length === 1;

  let prefix: string | undefined;
  const maxBefore = Math.min(target.start - bounds.start, maxSuggestionLength);
  for (let len = (selector.prefix?.length ?? 0) + 1; len <= maxBefore; len++) {
    let start = target.start - len;
    while (start > bounds.start && !isSpace(text.charAt(start - 1)) && !isSpace(text.charAt(start))) start--;
    const candidate = text.slice(start, target.start);
    if (hasWord(candidate) && unique((m) => precededBy(text, m.start, candidate))) {
      prefix = candidate;
      break;
    }
  }

  let suffix: string | undefined;
  const maxAfter = Math.min(bounds.end - target.end, maxSuggestionLength);
  for (let len = (selector.suffix?.length ?? 0) + 1; len <= maxAfter; len++) {
    let end = target.end + len;
    while (end < bounds.end && !isSpace(text.charAt(end - 1)) && !isSpace(text.charAt(end))) end++;
    const candidate = text.slice(target.end, end);
    if (hasWord(candidate) && unique((m) => followedBy(text, m.end, candidate))) {
      suffix = candidate;
      break;
    }
  }

  if (prefix !== undefined && (suffix === undefined || prefix.length <= suffix.length)) {
    return { field: 'prefix', text: prefix };
  }
  return suffix === undefined ? undefined : { field: 'suffix', text: suffix };
}

/** `exact` occurs, but never with the given prefix or suffix: show the nearest occurrence's real context. */
function contextMiss(stream: ParagraphStream, inside: Match[], selector: TextQuoteSelector): AnchorResult {
  const { text } = stream;
  const { prefix, suffix, exact } = selector;
  const scored = inside.map((m) => {
    const bounds = paragraphBounds(stream, m.start);
    const before = prefix ? textBefore(text, bounds.start, m.start, prefix.length) : '';
    const after = suffix ? textAfter(text, m.end, bounds.end, suffix.length) : '';
    const prefixOk = prefixFits(text, m, prefix);
    const suffixOk = suffixFits(text, m, suffix);
    const distance =
      (prefixOk ? 0 : editDistance(prefix ?? '', before)) + (suffixOk ? 0 : editDistance(suffix ?? '', after));
    return { m, before, after, prefixOk, suffixOk, distance };
  });
  const best = scored.reduce((a, b) => (b.distance < a.distance ? b : a));

  const everyPrefixFails = scored.every((s) => !s.prefixOk);
  const everySuffixFails = scored.every((s) => !s.suffixOk);
  const field =
    everyPrefixFails && !everySuffixFails ? 'prefix' : everySuffixFails && !everyPrefixFails ? 'suffix' : 'both';
  const numbers = inside.map((m) => paragraphOf(stream, m.start).n);
  const times = inside.length === 1 ? 'once' : `${inside.length} times`;
  const never = field === 'both' ? 'this prefix and suffix together' : `this ${field}`;

  const typed = (best.prefixOk ? '' : (prefix ?? '')) + exact + (best.suffixOk ? '' : (suffix ?? ''));
  const real = (best.prefixOk ? '' : best.before) + exact + (best.suffixOk ? '' : best.after);
  const n = paragraphOf(stream, best.m.start).n;
  const hints = {
    prefix: 'Copy the prefix from the words just before the phrase in the seed, or remove it.',
    suffix: 'Copy the suffix from the words just after the phrase in the seed, or remove it.',
    both: 'Copy the prefix and suffix from the words around the phrase in the seed, or remove them.',
  } as const;
  return {
    ok: false,
    reason: 'none',
    message:
      `Expected one match of the selector, found none: its exact text occurs ${times}, ${inParagraphs(numbers)}, but never with ${never}.\n` +
      `Closest, in paragraph ${n}, selector → article: ${formatDiff(diffText(typed, real))}`,
    hint: hints[field],
    paragraphs: numbers,
  };
}

/** About `length` characters before `end` inside the paragraph, widened to a word start. */
function textBefore(text: string, paragraphStart: number, end: number, length: number): string {
  let start = Math.max(paragraphStart, end - length);
  while (start > paragraphStart && isWordChar(text.charAt(start - 1)) && isWordChar(text.charAt(start))) start--;
  return text.slice(start, end);
}

/** About `length` characters after `start` inside the paragraph, widened to a word end. */
function textAfter(text: string, start: number, paragraphEnd: number, length: number): string {
  let end = Math.min(paragraphEnd, start + length);
  while (end < paragraphEnd && isWordChar(text.charAt(end - 1)) && isWordChar(text.charAt(end))) end++;
  return text.slice(start, end);
}

/** The text runs over a paragraph break: name the paragraphs and the part in each. */
function crossesParagraph(stream: ParagraphStream, m: Match): AnchorResult {
  const first = paragraphIndex(stream, m.start);
  const last = paragraphIndex(stream, m.end);
  const numbers = stream.article.paragraphs.slice(first, last + 1).map((p) => p.n);
  const span =
    numbers.length === 2
      ? `across the break between paragraphs ${numbers[0]} and ${numbers[1]}`
      : `across the breaks from paragraph ${numbers[0]} to paragraph ${numbers[numbers.length - 1]}`;
  const parts = stream.text.slice(m.start, m.end).split('\n');
  const hint =
    parts.length === 2
      ? `Anchor only the part in one paragraph, ${quote(parts[0]!)} in paragraph ${numbers[0]} or ${quote(parts[1]!)} in paragraph ${numbers[1]}, or write one claim for each.`
      : 'Anchor only the part in one paragraph, or write one claim for each paragraph.';
  return {
    ok: false,
    reason: 'crosses-paragraph',
    message: `Expected one match of the selector inside a paragraph, found it only ${span}: an anchor must lie inside one paragraph.`,
    hint,
    paragraphs: numbers,
  };
}

/** Nothing matches: suggest the closest passage, with a diff and the look-alike characters named. */
function notFound(article: Article, exact: string, options: AnchorOptions | null | undefined): AnchorResult {
  const passage = closestPassage(article, exact, { budget: options?.fuzzyBudget });
  if (!passage || passage.edits > exact.length * maxEditShare) {
    return {
      ok: false,
      reason: 'none',
      message: 'Expected one match of the selector, found none, and no passage of the article comes close to it.',
      hint: 'Check that the claim belongs to this article, then copy the phrase from the seed exactly.',
    };
  }
  const shown = article.text.slice(passage.start, passage.end);
  const ops = diffText(exact, shown);
  const pairs = changedPairs(ops);
  const lookAlikes = uniquePairs(pairs.filter(([a, b]) => isLookAlikePair(a, b)));
  const p = passage.paragraph;
  const lines = [`Expected one match of the selector, found none. Did you mean ${quote(shown)}, in paragraph ${p.n}?`];
  if (lookAlikes.length > 0) {
    const lead =
      lookAlikes.length === uniquePairs(pairs).length
        ? 'Only look-alike characters differ'
        : 'Some differences are look-alike characters';
    const which = lookAlikes.map(([a, b], i) =>
      i === 0
        ? `the selector has ${describeRun(a)} where the article has ${describeRun(b)}`
        : `${describeRun(a)} where it has ${describeRun(b)}`,
    );
    lines.push(`${lead}: ${listWords(which, '; ')}.`);
  }
  lines.push(`selector → article: ${formatDiff(ops)}`);
  return {
    ok: false,
    reason: 'none',
    message: lines.join('\n'),
    hint:
      lookAlikes.length > 0
        ? `Copy the phrase exactly from line ${p.line} of the seed: its quotes, dashes and spaces are other characters than the ones in the selector.`
        : `Copy the phrase exactly from line ${p.line} of the seed.`,
    paragraphs: [p.n],
  };
}

function uniquePairs(pairs: [string, string][]): [string, string][] {
  const seen = new Set<string>();
  return pairs.filter(([a, b]) => {
    const key = `${a}\u0000${b}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `in paragraphs 2, 14 and 19`, with repeats counted (`2 (twice)`) and a long
 * list cut short (`… and 40 other paragraphs`) so the message stays readable.
 */
function inParagraphs(numbers: number[]): string {
  const counts = new Map<number, number>();
  for (const n of numbers) counts.set(n, (counts.get(n) ?? 0) + 1);
  if (counts.size === 1) return `in paragraph ${numbers[0]}`;
  const items = [...counts].map(([n, c]) => (c === 1 ? `${n}` : `${n} (${c === 2 ? 'twice' : `${c} times`})`));
  if (items.length > maxListedParagraphs) {
    const rest = items.length - maxListedParagraphs;
    return `in paragraphs ${items.slice(0, maxListedParagraphs).join(', ')} and ${rest} other paragraph${rest === 1 ? '' : 's'}`;
  }
  return `in paragraphs ${listWords(items)}`;
}

/** `a, b and c`. */
function listWords(items: string[], separator = ', '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)}${separator === ', ' ? ' and ' : `${separator}and `}${items[items.length - 1]}`;
}

function ordinal(k: number): string {
  const tens = k % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ((['th', 'st', 'nd', 'rd'] as const)[k % 10] ?? 'th');
  return `${k}${suffix}`;
}

function isSpace(char: string): boolean {
  return isSpaceCode(char.charCodeAt(0));
}

/** Characters a reader cannot see or tell apart from a space, and the bidirectional controls that would reorder the terminal's text. */
const hiddenChars = /[\u00A0\u00AD\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/g;

/** A double-quoted string that can be pasted into YAML or JSON as is, with hidden characters escaped. */
function quote(text: string): string {
  return JSON.stringify(text).replace(hiddenChars, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
