/**
 * The passage of an article closest to a phrase that was not found in it,
 * for a "did you mean" suggestion. It never anchors anything: a selector
 * that does not match exactly is an error.
 *
 * Approximate substring search (Sellers' edit distance with a free start and
 * end in the paragraph), one paragraph at a time, so a suggestion never
 * spans a paragraph break. A full scan costs |phrase| × |article| cells;
 * above a budget, paragraphs are ranked by the three-letter sequences they
 * share with the phrase and only the best ones are scanned.
 */
import type { Article, ArticleParagraph } from '../article/parse-article.ts';
import { isWordChar } from '../text/words.ts';
import { foldChar } from './look-alikes.ts';

export interface ClosestPassageOptions {
  /** Most dynamic-programming cells to fill before falling back to the best-ranked paragraphs (default: 2,000,000). */
  budget?: number;
}

export interface Passage {
  paragraph: ArticleParagraph;
  /** Offsets in `Article.text`, widened to whole words. */
  start: number;
  end: number;
  /** Edits between the phrase and the passage; a look-alike or case change counts half. */
  edits: number;
  /** How many paragraphs were scanned: all of them unless the budget ran out. */
  scanned: number;
}

const defaultBudget = 2_000_000;

/** Edit costs in half-steps, so a near miss of one character costs less than a real change. */
const cost = { same: 0, lookAlike: 1, change: 2 } as const;

/** The passage closest to `phrase`, or undefined when there is nothing to compare. */
export function closestPassage(
  article: Article,
  phrase: string,
  options?: ClosestPassageOptions | null,
): Passage | undefined {
  const budget = options?.budget ?? defaultBudget;
  if (phrase === '' || article.paragraphs.length === 0) return undefined;

  const needle = prepare(phrase);
  let best: { paragraph: ArticleParagraph; cost: number; start: number; end: number } | undefined;
  const candidates = paragraphsWithinBudget(article, needle.folded, budget);
  const texts = preparedParagraphs(article);
  for (const i of candidates) {
    const hit = sellers(needle, texts[i]!);
    if (!best || hit.cost < best.cost) best = { paragraph: article.paragraphs[i]!, ...hit };
  }
  if (!best) return undefined;

  const [start, end] = widenToWords(
    article.text,
    best.paragraph,
    best.paragraph.start + best.start,
    best.paragraph.start + best.end,
  );
  return { paragraph: best.paragraph, start, end, edits: best.cost / cost.change, scanned: candidates.length };
}

interface Prepared {
  /** The code units as they are. */
  raw: Uint16Array;
  /** Lower-cased and look-alike-folded code units, one for one with `raw`. */
  folded: Uint16Array;
}

function prepare(text: string): Prepared {
  const raw = new Uint16Array(text.length);
  const folded = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    raw[i] = text.charCodeAt(i);
    folded[i] = foldCode(text, i);
  }
  return { raw, folded };
}

/** One folded code unit; ASCII takes a fast path because it is nearly all of an English article. */
function foldCode(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? code + 0x20 : foldChar(text.charAt(i)).charCodeAt(0);
  const f = foldChar(text.charAt(i).toLowerCase());
  return f === '' ? code : f.charCodeAt(0);
}

/** Indices of all paragraphs if a full scan fits the budget, otherwise of the best-ranked ones that fit (at least one). */
function paragraphsWithinBudget(article: Article, folded: Uint16Array, budget: number): number[] {
  const m = folded.length;
  const total = article.paragraphs.reduce((sum, p) => sum + (p.end - p.start), 0);
  if (m * total <= budget) return article.paragraphs.map((_, i) => i);

  const grams = trigrams(folded);
  const texts = preparedParagraphs(article);
  const ranked = article.paragraphs
    .map((p, i) => ({ p, i, score: sharedTrigrams(texts[i]!.folded, grams) }))
    .sort((x, y) => y.score - x.score || x.i - y.i);
  const chosen: number[] = [];
  let spent = 0;
  for (const { p, i } of ranked) {
    const cells = m * (p.end - p.start);
    if (chosen.length > 0 && spent + cells > budget) break;
    chosen.push(i);
    spent += cells;
  }
  return chosen.sort((x, y) => x - y);
}

const preparedCache = new WeakMap<Article, Prepared[]>();

/** Folded paragraph texts, made once per article however many claims are checked against it. */
function preparedParagraphs(article: Article): Prepared[] {
  let texts = preparedCache.get(article);
  if (!texts) {
    texts = article.paragraphs.map((p) => prepare(article.text.slice(p.start, p.end)));
    preparedCache.set(article, texts);
  }
  return texts;
}

/** A three-character window as one number (three UTF-16 code units fit in 48 bits). */
function trigramAt(text: Uint16Array, i: number): number {
  return text[i]! * 0x1_0000_0000 + text[i + 1]! * 0x1_0000 + text[i + 2]!;
}

function trigrams(text: Uint16Array): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 3 <= text.length; i++) out.add(trigramAt(text, i));
  return out;
}

/** How many three-character windows of a paragraph occur in the phrase: a cheap proxy for closeness. */
function sharedTrigrams(text: Uint16Array, grams: Set<number>): number {
  let n = 0;
  for (let i = 0; i + 3 <= text.length; i++) if (grams.has(trigramAt(text, i))) n++;
  return n;
}

/**
 * Cheapest alignment of the whole needle against any stretch of the text.
 * Two rows of costs plus the start each cell's best path came from: O(m × n)
 * time, O(n) memory. Ties keep the earliest end.
 */
function sellers(needle: Prepared, text: Prepared): { cost: number; start: number; end: number } {
  const m = needle.raw.length;
  const n = text.raw.length;
  let prev = new Int32Array(n + 1);
  let prevFrom = Int32Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Int32Array(n + 1);
  let curFrom = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i * cost.change;
    curFrom[0] = 0;
    const a = needle.raw[i - 1];
    const af = needle.folded[i - 1];
    for (let j = 1; j <= n; j++) {
      const b = text.raw[j - 1];
      const sub = a === b ? cost.same : af === text.folded[j - 1] ? cost.lookAlike : cost.change;
      let best = prev[j - 1]! + sub;
      let from = prevFrom[j - 1]!;
      const skipNeedle = prev[j]! + cost.change;
      if (skipNeedle < best) {
        best = skipNeedle;
        from = prevFrom[j]!;
      }
      const skipText = cur[j - 1]! + cost.change;
      if (skipText < best) {
        best = skipText;
        from = curFrom[j - 1]!;
      }
      cur[j] = best;
      curFrom[j] = from;
    }
    [prev, cur] = [cur, prev];
    [prevFrom, curFrom] = [curFrom, prevFrom];
  }
  let end = 0;
  for (let j = 1; j <= n; j++) if (prev[j]! < prev[end]!) end = j;
  return { cost: prev[end]!, start: prevFrom[end]!, end };
}

/** A passage that starts or ends inside a word is widened to the whole word, so it reads as text. */
function widenToWords(text: string, p: ArticleParagraph, start: number, end: number): [number, number] {
  const isWord = (i: number) => isWordChar(text.charAt(i));
  while (start > p.start && start < end && isWord(start - 1) && isWord(start)) start--;
  while (end < p.end && end > start && isWord(end - 1) && isWord(end)) end++;
  return [start, end];
}
