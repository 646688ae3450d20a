/**
 * Finds the quotations of an article: the spans between double quotation
 * marks, with the news conventions that tie them together.
 *
 * - Curly (“ ”) and straight (") double marks delimit quotations. Single marks
 *   (‘ ’ ') never do: inside a quotation they are a nested quotation and part of
 *   it; elsewhere ’ and ' are apostrophes (`America’s`, `don't`).
 * - A quotation with no closing mark in its paragraph runs on when the next
 *   paragraph opens with an opening mark (`runsOn`; the next one is
 *   `carriesOn: 'reopened'`). Without that reopening it is a problem.
 * - A paragraph that is nothing but one quotation, right after a paragraph with
 *   a quotation, carries on that speaker (`carriesOn: 'whole-paragraph'`).
 * - A quotation interrupted by its attribution (`“…,” Xu said, “but …”`) is two
 *   spans; the second names the first in `splitFrom`.
 *
 * Labels, not quotations: a span of one word, of at most six words all in
 * title case, or of at most three words without punctuation inside a sentence,
 * is a scare quote or a title (`the so-called “Avengers”`, `the film
 * “Oppenheimer”`, `40 “for cause” audits`) unless a speech verb is next to it
 * (`“Avengers,” Zhou said`, `Li called for “technological innovation”`).
 * "called" does not count as a speech verb there, since it also names things
 * (`a fund called “High-Flyer”`); a cue word just before the span (`so-called`,
 * `film`, `titled`) makes it a label even next to a speech verb. A span that
 * opens a sentence and ends with its own stop (`“No.”`) is speech. Labels are
 * returned in `skipped` with the reason, never dropped silently.
 *
 * Unbalanced marks are reported in `problems`; the scan never throws.
 */
import type { Range } from '../annotations/types.ts';
import type { Article, ArticleParagraph } from '../article/parse-article.ts';
import type { Severity } from '../messages.ts';
import { sentenceStarts } from '../text/sentences.ts';
import { alternation, labelCues, namingVerbs, speechVerbs, wordEnd, wordStart } from './speech-words.ts';

/** How a quotation carries on the speaker of the paragraph before. */
export const carryKinds = ['reopened', 'whole-paragraph'] as const;
export type CarryKind = (typeof carryKinds)[number];

export interface Quotation {
  /** Stable id, `q-<paragraph>-<index within paragraph, 1-based>` e.g. "q-27-2". */
  id: string;
  /** The paragraph's number (`p-N`). */
  paragraph: number;
  /** Offsets in `Article.text`, the opening and closing marks included (a run-on quotation ends at its paragraph's end). */
  start: number;
  end: number;
  /** The words inside the marks. */
  text: string;
  /** True when `runsOn` or `carriesOn` is set: the quotation is tied to the next or the previous paragraph. */
  continues: boolean;
  /** No closing mark in this paragraph: the words go on in the next paragraph, which reopens with an opening mark. */
  runsOn: boolean;
  /**
   * The quotation carries on the previous paragraph's speaker: `reopened`, it
   * opens the paragraph after a run-on quotation; `whole-paragraph`, the
   * paragraph is only this quotation, after a paragraph with a quotation.
   */
  carriesOn?: CarryKind;
  /** Id of the earlier part when one quotation is split around its attribution (`“…,” Xu said, “but …”`). */
  splitFrom?: string;
}

/** A quoted span taken as a scare quote or a title, kept for the build report. */
export interface SkippedQuote {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  reason: string;
}

export interface QuoteProblem {
  severity: Severity;
  paragraph: number;
  /** Offset of the offending mark in `Article.text`. */
  offset: number;
  /** What was expected and what was found. */
  message: string;
  hint: string;
}

export interface QuoteScan {
  quotations: Quotation[];
  skipped: SkippedQuote[];
  problems: QuoteProblem[];
}

/** Most words a title-case span may have and still read as a title rather than speech. */
const maxLabelWords = 6;
/** Most words a span in lower case may have and still read as a scare quote when no speech verb is next to it. */
const maxScareWords = 3;

/** Small words that stay lower case inside a title (`Black Myth of the West`). */
const titleSmallWords = ['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as'] as const;

const nonNamingVerbs = speechVerbs.filter((v) => !(namingVerbs as readonly string[]).includes(v));
/** A speech verb within the last three words before a span: `said “`, `called for “`. */
const verbBefore = new RegExp(`${wordStart}(?:${alternation(nonNamingVerbs)}|according\\s+to)(?:\\s+[^\\s.!?]+){0,2}\\s*$`, 'iu');
/** A speech verb within the first four words after a span, before any punctuation: `,” Zhou said`. */
const verbAfter = new RegExp(`^[\\s,]*(?:[^\\s.,;:!?“”"]+\\s+){0,3}(?:${alternation(nonNamingVerbs)})${wordEnd}`, 'iu');
/** Any speech verb, as a whole word. */
const anyVerb = new RegExp(`${wordStart}(?:${alternation(speechVerbs)})${wordEnd}`, 'iu');
/** A cue word right before a span: `so-called “`, `the film “`. */
const cueBefore = new RegExp(`${wordStart}(?:${alternation(labelCues)})\\s*$`, 'iu');

/** A span between marks as first found, before the conventions are applied. */
interface RawSpan {
  paragraph: ArticleParagraph;
  start: number;
  end: number;
  closed: boolean;
  runsOn: boolean;
  reopened: boolean;
}

/** The quotations of an article; use `scanQuotes` to also get skipped labels and problems. */
export function detectQuotes(article: Article): Quotation[] {
  return scanQuotes(article).quotations;
}

/** The quotations of an article, the spans skipped as labels, and the problems with quotation marks. */
export function scanQuotes(article: Article): QuoteScan {
  const problems: QuoteProblem[] = [];
  const spans = article.paragraphs.map((p) => markSpans(article.text, p, problems));
  linkRunOns(article, spans, problems);

  const quotations: Quotation[] = [];
  const skipped: SkippedQuote[] = [];
  let previousHadQuotation = false;
  for (const paragraphSpans of spans) {
    const kept: RawSpan[] = [];
    for (const span of paragraphSpans) {
      const reason =
        span.runsOn || span.reopened || isWholeParagraph(article.text, span) ? undefined : labelReason(article.text, span);
      if (reason)
        skipped.push({
          paragraph: span.paragraph.n,
          start: span.start,
          end: span.end,
          text: innerText(article.text, span),
          reason,
        });
      else kept.push(span);
    }
    const inside = kept.map((s) => ({ start: s.start, end: s.end }));
    kept.forEach((span, i) => {
      const q: Quotation = {
        id: `q-${span.paragraph.n}-${i + 1}`,
        paragraph: span.paragraph.n,
        start: span.start,
        end: span.end,
        text: innerText(article.text, span),
        continues: false,
        runsOn: span.runsOn,
      };
      if (span.reopened) q.carriesOn = 'reopened';
      else if (kept.length === 1 && previousHadQuotation && isWholeParagraph(article.text, span)) q.carriesOn = 'whole-paragraph';
      q.continues = q.runsOn || q.carriesOn !== undefined;
      const before = kept[i - 1];
      if (before && isSplit(article.text, before, span, inside)) q.splitFrom = `q-${span.paragraph.n}-${i}`;
      quotations.push(q);
    });
    previousHadQuotation = kept.length > 0;
  }
  return { quotations, skipped, problems };
}

/** The spans between double marks in one paragraph; an unclosed span runs to the paragraph's end. */
function markSpans(text: string, p: ArticleParagraph, problems: QuoteProblem[]): RawSpan[] {
  const spans: RawSpan[] = [];
  let open: number | undefined;
  for (let i = p.start; i < p.end; i++) {
    const ch = text[i];
    if (ch === '‘' && open === undefined) {
      problems.push({
        severity: 'warning',
        paragraph: p.n,
        offset: i,
        message: `Expected single quotation marks only inside a double-quoted quotation, found ‘ outside one in paragraph ${p.n}.`,
        hint: 'It is left as text. If it opens a quotation, use double marks (“ ”); if it is an apostrophe, use ’.',
      });
      continue;
    }
    const role = markRole(text, i, p, open !== undefined);
    if (role === 'open') {
      if (open !== undefined) {
        problems.push({
          severity: 'error',
          paragraph: p.n,
          offset: open,
          message: `Expected a closing quotation mark before the next opening mark in paragraph ${p.n}, found “${firstWords(text.slice(open + 1, i))}” left open.`,
          hint: 'Add the missing closing mark (”), or use single marks (‘ ’) for a quotation inside a quotation.',
        });
      }
      open = i;
    } else if (role === 'close') {
      if (open === undefined) {
        problems.push({
          severity: 'error',
          paragraph: p.n,
          offset: i,
          message: `Expected an opening quotation mark before the closing mark in paragraph ${p.n}, found none (the text before it reads “${firstWords(text.slice(Math.max(p.start, i - 60), i), true)}”).`,
          hint: 'Add the missing opening mark (“), or remove the stray closing mark.',
        });
      } else {
        spans.push({ paragraph: p, start: open, end: i + 1, closed: true, runsOn: false, reopened: false });
        open = undefined;
      }
    }
  }
  if (open !== undefined) spans.push({ paragraph: p, start: open, end: p.end, closed: false, runsOn: false, reopened: false });
  return spans;
}

/** Whether the character at `i` opens or closes a quotation; a straight mark is read from its neighbours. */
function markRole(text: string, i: number, p: ArticleParagraph, isOpen: boolean): 'open' | 'close' | undefined {
  const ch = text[i];
  if (ch === '“') return 'open';
  if (ch === '”') return 'close';
  if (ch !== '"') return undefined;
  if (isOpen) return 'close';
  const prev = i > p.start ? (text[i - 1] ?? '') : '';
  const next = i + 1 < p.end ? (text[i + 1] ?? '') : '';
  const looksClosing = prev !== '' && !/[\s([{—–-]/u.test(prev) && (next === '' || /[\s.,;:!?)\]}—–]/u.test(next));
  return looksClosing ? 'close' : 'open';
}

/**
 * News convention: a quotation left open at the end of a paragraph goes on
 * when the next paragraph starts with an opening mark; otherwise the
 * closing mark is missing.
 */
function linkRunOns(article: Article, spans: RawSpan[][], problems: QuoteProblem[]): void {
  spans.forEach((paragraphSpans, k) => {
    const last = paragraphSpans[paragraphSpans.length - 1];
    if (!last || last.closed) return;
    const next = spans[k + 1]?.[0];
    const nextParagraph = article.paragraphs[k + 1];
    if (next && nextParagraph && next.start === nextParagraph.start) {
      last.runsOn = true;
      next.reopened = true;
      return;
    }
    paragraphSpans.pop();
    problems.push({
      severity: 'error',
      paragraph: last.paragraph.n,
      offset: last.start,
      message: nextParagraph
        ? `Expected a closing quotation mark for the quotation that opens with “${firstWords(innerText(article.text, last))}” in paragraph ${last.paragraph.n}, found the end of the paragraph, and paragraph ${nextParagraph.n} does not reopen with an opening mark.`
        : `Expected a closing quotation mark for the quotation that opens with “${firstWords(innerText(article.text, last))}” in paragraph ${last.paragraph.n}, found the end of the article.`,
      hint: 'Add the closing mark (”). A quotation that goes on into the next paragraph has no closing mark, and the next paragraph starts with an opening mark (“).',
    });
  });
}

/** Why a span reads as a scare quote or a title, or undefined when it reads as speech. */
function labelReason(text: string, span: RawSpan): string | undefined {
  const words = innerText(text, span)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const before = text.slice(span.paragraph.start, span.start);
  const after = text.slice(span.end, span.paragraph.end);
  const cue = cueBefore.exec(before);
  const single = words.length <= 1;
  const title = words.length <= maxLabelWords && isTitleCase(words);
  // `40 to 45 “for cause” audits`: a few words inside a sentence, with no punctuation of their own.
  const phrase = words.length <= maxScareWords && !/[.!?,;:…]/u.test(innerText(text, span)) && !opensSentence(before);
  if (!single && !title && !phrase) return undefined;
  if (opensSentence(before) && /[.!?][’'\s]*$/u.test(innerText(text, span))) return undefined;
  const shape = single ? 'one word' : title ? `a title-case phrase of ${words.length} words` : `a phrase of ${words.length} words inside a sentence`;
  if (cue) return `${shape} right after “${cue[0].trim()}”: a name or title, not speech`;
  if (verbBefore.test(before) || verbAfter.test(after)) return undefined;
  return `${shape} with no speech verb next to it: a scare quote or a title, not speech`;
}

/** Whether a span opens a sentence: with its own closing stop it reads as speech (`“No.”`), not as a title. */
function opensSentence(before: string): boolean {
  return /(?:^|[.!?…][”’"')\]]*)\s*$/u.test(before);
}

/** Whether every word starts with a capital or a digit, small words inside a title excepted. */
function isTitleCase(words: readonly string[]): boolean {
  return words.every((w, i) => {
    const core = w.replace(/^[^\p{L}\p{N}]+/u, '');
    if (core === '') return true;
    const bare = core.replace(/[^\p{L}]+$/u, '').toLowerCase();
    if (i > 0 && (titleSmallWords as readonly string[]).includes(bare)) return true;
    return /^[\p{Lu}\p{N}]/u.test(core);
  });
}

/** Whether a span is all of its paragraph, trailing punctuation aside. */
function isWholeParagraph(text: string, span: RawSpan): boolean {
  return span.start === span.paragraph.start && /^[\s.,;:!?]*$/u.test(text.slice(span.end, span.paragraph.end));
}

/**
 * Whether `b` resumes `a` after an attribution: same sentence, `a` ends with a
 * comma, the words between end with a comma and hold a speech verb, and `b`
 * starts in lower case (`“…,” Xu … said Monday in a post on X, “but …”`).
 */
function isSplit(text: string, a: RawSpan, b: RawSpan, inside: readonly Range[]): boolean {
  if (!a.closed) return false;
  const gap = text.slice(a.end, b.start);
  const sameSentence = sentenceStarts(text, a.start, b.start + 1, inside).length === 1;
  const aEndsWithComma = /,[’'\s]*$/u.test(innerText(text, a));
  const bStartsLower = /^[^\p{L}]*\p{Ll}/u.test(innerText(text, b));
  const gapHasVerb = anyVerb.test(gap);
  return sameSentence && aEndsWithComma && /,\s*$/u.test(gap) && bStartsLower && gapHasVerb;
}

/** The words inside a span's marks. */
function innerText(text: string, span: RawSpan): string {
  return text.slice(span.start + 1, span.closed ? span.end - 1 : span.end);
}

/** The first (or last) few words of a passage, for messages. */
export function firstWords(passage: string, fromEnd = false, count = 6): string {
  const words = passage
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length <= count) return words.join(' ');
  return fromEnd ? `…${words.slice(-count).join(' ')}` : `${words.slice(0, count).join(' ')}…`;
}
