/**
 * The first sentence of a plain text, for sidenotes that sit beside their
 * line: a full note may run long, so the margin shows its gist and links to
 * the whole note with its sources.
 */

/** Words that end with a full stop without ending a sentence. */
const abbreviations = new Set(['Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'vs', 'e.g', 'i.e', 'Inc', 'Corp', 'Co', 'Ltd']);

export function firstSentence(text: string, maxLength = 240): string {
  const re = /[.!?]["”’)]*(?=\s+["“‘(]?[\p{Lu}\d])/gu;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    const before = text.slice(0, m.index);
    const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    // Initials and abbreviations such as "U.S." or "Jan." do not end a sentence.
    if (abbreviations.has(word) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word)) continue;
    return clip(text.slice(0, end), maxLength);
  }
  return clip(text, maxLength);
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}
