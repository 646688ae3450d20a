/**
 * Characters that look alike on screen but are different text: curly and
 * straight quotes, hyphens and dashes, the kinds of space, the ellipsis.
 *
 * A selector is matched exactly, so a look-alike is a miss; this module only
 * helps to find the near miss and to say which code points differ.
 */

import { codePointLabel } from '../text/characters.ts';

/** Each look-alike with its Unicode name and the plain character it stands in for. */
const lookAlikeTable = [
  ['\u0027', 'APOSTROPHE', "'"],
  ['\u2018', 'LEFT SINGLE QUOTATION MARK', "'"],
  ['\u2019', 'RIGHT SINGLE QUOTATION MARK', "'"],
  ['\u201A', 'SINGLE LOW-9 QUOTATION MARK', "'"],
  ['\u201B', 'SINGLE HIGH-REVERSED-9 QUOTATION MARK', "'"],
  ['\u2032', 'PRIME', "'"],
  ['\u0060', 'GRAVE ACCENT', "'"],
  ['\u00B4', 'ACUTE ACCENT', "'"],
  ['\u0022', 'QUOTATION MARK', '"'],
  ['\u201C', 'LEFT DOUBLE QUOTATION MARK', '"'],
  ['\u201D', 'RIGHT DOUBLE QUOTATION MARK', '"'],
  ['\u201E', 'DOUBLE LOW-9 QUOTATION MARK', '"'],
  ['\u201F', 'DOUBLE HIGH-REVERSED-9 QUOTATION MARK', '"'],
  ['\u2033', 'DOUBLE PRIME', '"'],
  ['\u002D', 'HYPHEN-MINUS', '-'],
  ['\u2010', 'HYPHEN', '-'],
  ['\u2011', 'NON-BREAKING HYPHEN', '-'],
  ['\u2012', 'FIGURE DASH', '-'],
  ['\u2013', 'EN DASH', '-'],
  ['\u2014', 'EM DASH', '-'],
  ['\u2015', 'HORIZONTAL BAR', '-'],
  ['\u2212', 'MINUS SIGN', '-'],
  ['\u0020', 'SPACE', ' '],
  ['\u0009', 'CHARACTER TABULATION', ' '],
  ['\u000A', 'LINE FEED', ' '],
  ['\u00A0', 'NO-BREAK SPACE', ' '],
  ['\u2002', 'EN SPACE', ' '],
  ['\u2003', 'EM SPACE', ' '],
  ['\u2007', 'FIGURE SPACE', ' '],
  ['\u2009', 'THIN SPACE', ' '],
  ['\u200A', 'HAIR SPACE', ' '],
  ['\u202F', 'NARROW NO-BREAK SPACE', ' '],
  ['\u002E', 'FULL STOP', '.'],
  ['\u2026', 'HORIZONTAL ELLIPSIS', '...'],
  ['\u00AD', 'SOFT HYPHEN', ''],
  ['\u200B', 'ZERO WIDTH SPACE', ''],
  ['\u2060', 'WORD JOINER', ''],
  ['\uFEFF', 'ZERO WIDTH NO-BREAK SPACE', ''],
] as const;

const names = new Map<string, string>(lookAlikeTable.map(([c, name]) => [c, name]));
const plain = new Map<string, string>(lookAlikeTable.map(([c, , p]) => [c, p]));

/** Characters with no visible glyph, shown by code point so a message never prints blank space. */
const invisible = /[\s\u00AD\u200B-\u200D\u2060\uFEFF]/u;

/** `U+2019`: the code point of one character. */
export const codePoint = codePointLabel;

/** Accents written as separate characters, which decomposed text (NFD) uses. */
const combiningMarks = new Map([
  ['\u0300', 'COMBINING GRAVE ACCENT'],
  ['\u0301', 'COMBINING ACUTE ACCENT'],
  ['\u0302', 'COMBINING CIRCUMFLEX ACCENT'],
  ['\u0303', 'COMBINING TILDE'],
  ['\u0304', 'COMBINING MACRON'],
  ['\u0306', 'COMBINING BREVE'],
  ['\u0308', 'COMBINING DIAERESIS'],
  ['\u030A', 'COMBINING RING ABOVE'],
  ['\u030C', 'COMBINING CARON'],
  ['\u0327', 'COMBINING CEDILLA'],
  ['\u0328', 'COMBINING OGONEK'],
]);

/** `U+0301 COMBINING ACUTE ACCENT`, or the code point alone for a mark not in the table. */
export function describeMark(mark: string): string {
  const name = combiningMarks.get(mark);
  return name ? `${codePointLabel(mark)} ${name}` : codePointLabel(mark);
}

/** Whether a character prints as nothing or as blank space. */
export function isInvisible(char: string): boolean {
  return invisible.test(char);
}

/** The plain stand-in of one character (one for one), for cheap scoring of near misses. */
export function foldChar(char: string): string {
  const p = plain.get(char);
  if (p === undefined) return char;
  return p.length === 1 ? p : p.charAt(0);
}

/** Text with every look-alike replaced by its plain form, so two spellings compare equal. */
export function foldLookAlikes(text: string): string {
  let out = '';
  for (const char of text) out += plain.get(char) ?? char;
  return out;
}

/** `U+2019 RIGHT SINGLE QUOTATION MARK (’)`, or without the glyph for blank characters. */
export function describeChar(char: string): string {
  const name = names.get(char);
  const head = name ? `${codePoint(char)} ${name}` : codePoint(char);
  return isInvisible(char) ? head : `${head} (${char})`;
}

/** `three U+002E FULL STOP (.)`: a run of characters named once with a count where it repeats. */
export function describeRun(run: string): string {
  if (run === '') return 'nothing';
  const chars = [...run];
  const counts = ['one', 'two', 'three', 'four', 'five'] as const;
  if (chars.length > 1 && chars.every((c) => c === chars[0])) {
    const count = counts[chars.length - 1] ?? String(chars.length);
    return `${count} ${describeChar(chars[0]!)}`;
  }
  return chars.map(describeChar).join(' + ');
}

/** Whether two runs differ only by look-alike characters. */
export function isLookAlikePair(a: string, b: string): boolean {
  return a !== b && foldLookAlikes(a) === foldLookAlikes(b);
}
