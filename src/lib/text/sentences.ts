/**
 * Where sentences start and end, for every module that reads sentences: the
 * article parser (a trailing line that stops mid-sentence), quotation
 * detection and attribution, and the sidenote gist of a claim note.
 */
import type { Range } from './positions.ts';

/** Words whose full stop does not end a sentence (`Jan. 20`, `No. 2 official`, `e.g. this`). */
export const abbreviations = [
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Sen', 'Rep', 'Gov', 'Gen', 'Lt', 'Col', 'St', 'Jr', 'Sr',
  'Inc', 'Corp', 'Co', 'Ltd', 'No', 'Nos',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'vs', 'e.g', 'i.e',
] as const;

/** Sentence-final punctuation. */
const stop = '[.!?…]';
/** Marks that close a sentence after its stop: quotation marks, brackets. */
const closers = `[”’"')\\]]*`;

/**
 * A sentence boundary: the stop, closing marks, white space, then a capital
 * or a digit, optionally behind an opening mark. The word before the stop (to
 * tell abbreviations) is read backwards from the match (`wordBefore`): a
 * pattern that began with it would try every letter of every word as a start.
 */
const boundary = new RegExp(`${stop}${closers}\\s+(?=[“"‘(]?[\\p{Lu}\\p{N}])`, 'gu');
/** A character of the word before a stop: letters, digits, full stops (`U.S`). */
const wordChar = /[\p{L}\p{N}.]/uy;

/** The run of word characters that ends at `at`, starting no earlier than `from`. */
function wordBefore(text: string, at: number, from: number): string {
  let i = at;
  while (i > from) {
    // A character outside the Basic Multilingual Plane is two code units.
    const width = i - 2 >= from && /[\uDC00-\uDFFF]/.test(text[i - 1]!) && /[\uD800-\uDBFF]/.test(text[i - 2]!) ? 2 : 1;
    wordChar.lastIndex = i - width;
    if (!wordChar.test(text)) break;
    i -= width;
  }
  return text.slice(i, at);
}

/** Text that ends a sentence: a stop and closing marks, or a closing quotation mark (and a stop). */
const sentenceEnd = new RegExp(`${stop}${closers}$|[”"][.!?]?$`, 'u');

/** Whether a word before a full stop is an abbreviation or initials (`U.S.`, `J.`). */
export function isAbbreviation(word: string): boolean {
  if ((abbreviations as readonly string[]).includes(word)) return true;
  return /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word);
}

/**
 * Offsets in [from, to) where a sentence starts, `from` included. A boundary
 * inside one of `inside` (quotations) does not count, so a quotation of two
 * sentences stays inside one sentence of the narrative.
 */
export function sentenceStarts(text: string, from: number, to: number, inside: readonly Range[] = []): number[] {
  const starts = [from];
  const re = new RegExp(boundary.source, boundary.flags);
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const next = m.index + m[0].length;
    if (next >= to) break;
    if (isAbbreviation(wordBefore(text, m.index, from))) continue;
    if (inside.some((r) => next > r.start && next < r.end)) continue;
    starts.push(next);
  }
  return starts;
}

/** Whether a line or passage ends a sentence (its last characters are a stop or a closing quotation mark). */
export function endsSentence(text: string): boolean {
  return sentenceEnd.test(text);
}

/**
 * The first sentence of a plain text, clipped at a word boundary to
 * `maxLength` characters: the gist a sidenote shows beside its line.
 */
export function firstSentence(text: string, maxLength = 240): string {
  const second = sentenceStarts(text, 0, text.length)[1];
  return clip(second === undefined ? text : text.slice(0, second).trimEnd(), maxLength);
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}
