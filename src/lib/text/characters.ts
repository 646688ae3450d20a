/**
 * Characters a reader cannot see but software acts on: control characters,
 * bidirectional overrides and isolates (which can make text read in another
 * order than it is stored), and zero-width characters (a zero-width space
 * inside a word hides it from the glossary). Seeds and content files are
 * scanned for them; each is reported with its place and code point.
 */
import { lineStarts, locate } from './positions.ts';

const names = new Map<number, string>([
  [0x0000, 'NULL'],
  [0x00ad, 'SOFT HYPHEN'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
]);

/**
 * C0 and C1 controls other than tab, line feed and carriage return; the
 * invisible formatting characters named above. A byte-order mark at the very
 * start of a file is not text and is not reported.
 */
const hidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

export interface HiddenCharacter {
  line: number;
  column: number;
  /** `U+200B`. */
  codePoint: string;
  /** `ZERO WIDTH SPACE`, or `control character`. */
  name: string;
}

/** `U+200B` for a character. */
export function codePointLabel(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every hidden character of a text, with its line and column (1-based). */
export function findHiddenCharacters(text: string): HiddenCharacter[] {
  const found: HiddenCharacter[] = [];
  let starts: number[] | undefined;
  for (const m of text.matchAll(hidden)) {
    if (m.index === 0 && m[0] === '\ufeff') continue;
    starts ??= lineStarts(text);
    const cp = m[0].codePointAt(0)!;
    found.push({ ...locate(starts, m.index), codePoint: codePointLabel(m[0]), name: names.get(cp) ?? 'control character' });
  }
  return found;
}
