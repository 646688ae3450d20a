/**
 * Comparison keys for glossary forms and article text.
 *
 * A form and the text are compared through the same key: the curly apostrophe
 * reads as a straight one, the Unicode hyphens (U+2010, U+2011) read as `-`,
 * and any space (including the non-breaking U+00A0) reads as a plain space.
 * En and em dashes stay themselves: they are not hyphens. The text key keeps
 * one key character per UTF-16 code unit, so key offsets are text offsets.
 */

/** Characters read as the straight apostrophe: the typographic one is the same mark. */
const apostrophes = ['\u2019'] as const;

/** Characters read as the ASCII hyphen-minus: true hyphens, unlike en and em dashes. */
const hyphens = ['\u2010', '\u2011'] as const;

/** Any white space, so a non-breaking space in the text matches a space in a form. */
const space = /\s/u;

/** A capital (or title-case) letter: its presence makes a form match with exact case. */
const capital = /[\p{Lu}\p{Lt}]/u;

/** The key character of one UTF-16 code unit. */
function keyChar(c: string): string {
  if ((apostrophes as readonly string[]).includes(c)) return "'";
  if ((hyphens as readonly string[]).includes(c)) return '-';
  if (space.test(c)) return ' ';
  return c;
}

/** Whether a form must match with exactly its own case (`AI`, `X`, `Nvidia`). */
export function isCaseSensitive(form: string): boolean {
  return capital.test(form);
}

/**
 * Lower case, one code point at a time, keeping a code point whose lower case
 * would change the string's length (`İ`), so folded offsets stay text offsets.
 */
export function foldCase(s: string): string {
  // Lower-casing the whole string is the same, and much faster, unless it holds
  // İ (which grows) or Σ (which becomes ς at the end of a word).
  if (!/[\u0130\u03a3]/.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** The key of a form as written: apostrophes, hyphens and spaces unified, spaces collapsed and trimmed. */
export function formKey(form: string): string {
  let out = '';
  for (const c of form) out += c.length === 1 ? keyChar(c) : c;
  return out.replace(/ {2,}/g, ' ').trim();
}

export interface TextKeys {
  /** Key of each code unit, case kept: walked by forms with a capital letter. */
  exact: string;
  /** Key of each code unit, lower-cased: walked by all-lower-case forms. */
  folded: string;
}

/** The code units whose key is not themselves: the apostrophe, the hyphens, and white space other than the plain space. */
const unkeyed = /[\u2019\u2010\u2011]|[^\S ]/g;

/** The two keys of the article text, each exactly as long as the text. */
export function textKeys(text: string): TextKeys {
  // One key character per code unit: every replacement is one unit for one,
  // in one pass over the text, which touches only the units that change.
  const exact = text.replace(unkeyed, (c) => (c === '\u2019' ? "'" : c === '\u2010' || c === '\u2011' ? '-' : ' '));
  return { exact, folded: foldCase(exact) };
}
