/**
 * Whole-word tests for glossary matches, in any script.
 *
 * A word is a run of letters, digits and combining marks (`text/words.ts`).
 * An apostrophe or a full stop between two word characters joins them into
 * one word (`O’Neill`, `01.AI`), except that an apostrophe followed by a short
 * English ending (`Nvidia’s`, `DeepSeek’ll`) leaves the word before it whole.
 * Slashes and dashes separate words. A hyphen joins two words into one
 * compound: a term never matches a part of it (`X` is not a use of the social
 * network in `X-ray`, `AI` none of AI in `AI-driven`); a form that holds the
 * hyphen (`open-source`, `U.S.-China`) matches the compound.
 */

import { isWordCodePoint } from '../text/words.ts';

/** Marks that join two word characters into one word, straight and curly apostrophes first. */
const joiners = ["'", '\u2019', '.'] as const;

/** Hyphens that join two words into one compound (the ASCII hyphen-minus, U+2010, U+2011). */
const hyphens = ['-', '\u2010', '\u2011'] as const;

/** Whether a hyphen at `i` joins a word character before it to one after it. */
function joinsCompound(text: string, i: number, lo: number, hi: number): boolean {
  if (!(hyphens as readonly string[]).includes(text[i] ?? '')) return false;
  const before = previousIndex(text, i, lo);
  return before !== -1 && wordAt(text, before, lo, hi) && wordAt(text, i + 1, lo, hi);
}

/** Marks that may introduce a clitic ending. */
const apostrophes = ["'", '\u2019'] as const;

/** Endings after an apostrophe that leave the word before it a use of the term (`Nvidia’s`). */
export const clitics = ['s', 'd', 'll', 're', 've'] as const;

/** Index of the code point that ends just before `i`, or -1 at `lo`: steps back over a surrogate pair. */
function previousIndex(text: string, i: number, lo: number): number {
  if (i <= lo) return -1;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i - 2 >= lo) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return i - 2;
  }
  return i - 1;
}

/** Whether the code point at `i` (inside `[lo, hi)`) is a word character. */
function wordAt(text: string, i: number, lo: number, hi: number): boolean {
  return i >= lo && i < hi && isWordCodePoint(text.codePointAt(i));
}

/** Whether `i` falls between the two halves of a surrogate pair, where no match may start. */
export function isInsideCodePoint(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xdc00 || c > 0xdfff || i === 0) return false;
  const before = text.charCodeAt(i - 1);
  return before >= 0xd800 && before <= 0xdbff;
}

/**
 * Whether a match may start at `s` within a paragraph starting at `lo`: a
 * match that opens with a word character needs no word character before it,
 * nor a joiner or a compound's hyphen glued to one (`Neill` is not a word in
 * `O’Neill`, `ray` none in `X-ray`).
 */
export function startsWord(text: string, s: number, lo: number): boolean {
  if (!wordAt(text, s, lo, text.length)) return true;
  const before = previousIndex(text, s, lo);
  if (before === -1) return true;
  if (wordAt(text, before, lo, s)) return false;
  if (joinsCompound(text, before, lo, text.length)) return false;
  if (!(joiners as readonly string[]).includes(text[before]!)) return true;
  const twoBefore = previousIndex(text, before, lo);
  return !(twoBefore !== -1 && wordAt(text, twoBefore, lo, s));
}

/**
 * Whether a match may end at `e` within a paragraph ending at `hi`: a match
 * that closes with a word character needs no word character after it, nor a
 * joiner or a compound's hyphen glued to one, unless that is an apostrophe and
 * a clitic ending.
 */
export function endsWord(text: string, e: number, lo: number, hi: number): boolean {
  const last = previousIndex(text, e, lo);
  if (last === -1 || !wordAt(text, last, lo, hi)) return true;
  if (e >= hi) return true;
  if (wordAt(text, e, lo, hi)) return false;
  if (joinsCompound(text, e, lo, hi)) return false;
  const mark = text[e]!;
  if (!(joiners as readonly string[]).includes(mark)) return true;
  const after = e + 1;
  if (!wordAt(text, after, lo, hi)) return true;
  return (apostrophes as readonly string[]).includes(mark) && cliticAt(text, after, hi);
}

/** Whether a clitic ending (`s`, `ll`, ...) starts at `i` and is a whole word ending. */
function cliticAt(text: string, i: number, hi: number): boolean {
  return clitics.some((c) => {
    const end = i + c.length;
    if (end > hi || text.slice(i, end).toLowerCase() !== c) return false;
    return end === hi || !isWordCodePoint(text.codePointAt(end));
  });
}
