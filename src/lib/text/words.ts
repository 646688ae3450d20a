/**
 * What a word is made of, in any script: letters, digits and combining marks.
 * Glossary matching, anchoring suggestions and diffs all read words this way.
 */

/** The character class of word characters, for building patterns. */
export const wordCharClass = '\\p{L}\\p{N}\\p{M}';

const wordChar = new RegExp(`[${wordCharClass}]`, 'u');

/** Whether a character (one code point) is a word character. */
export function isWordChar(char: string): boolean {
  return wordChar.test(char);
}

/** Whether a code point is a word character (ASCII answered without a regular expression: it is most text). */
export function isWordCodePoint(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return wordChar.test(String.fromCodePoint(cp));
}

/** Whether a UTF-16 code unit is white space, as `\s` reads it (answered without a regular expression: tokenizers ask it of every character). */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether a text holds at least one letter or digit. */
export function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Words whole, every other character alone: the tokens of a word diff. */
export function wordTokens(text: string): string[] {
  return text.match(new RegExp(`[${wordCharClass}]+|[\\s\\S]`, 'gu')) ?? [];
}
