/**
 * What each block of a seed is, apart from body paragraphs: the headline on
 * the first line, sub-headings between paragraphs, and the tail that is not
 * article text (teasers of other stories, contact blocks, "for more
 * information" lines, bare URLs, end markers and what follows them).
 *
 * Every rule reads the block's own text; none knows an article.
 */
import { endsSentence } from '../text/sentences.ts';

/** Longest headline, in characters and words. */
const maxHeadlineLength = 200;
const maxHeadlineWords = 30;
/** Longest sub-heading, in characters and words. */
const maxHeadingLength = 120;
const maxHeadingWords = 15;

/** `###`, `# # #`, `-30-`, `-end-`, `ENDS`: the line that ends a press release. */
const endMarker = /^(?:#\s*){3}$|^-\s*(?:30|end)\s*-$|^\(?(?:ends?|end of (?:release|text))\)?$|^\*\s*\*\s*\*$/iu;
/** A line that is only a web address. */
const bareUrl = /^<?(?:https?:\/\/|www\.)\S+>?$/iu;
/** An e-mail address anywhere in a line. */
const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
/** A telephone number: at least seven digits in groups. */
const phone = /(?:\+?\d[\d\s().-]{6,}\d)/u;
/** Lines that send the reader elsewhere or name the press office. */
const pointer =
  /^(?:for (?:more|further|additional) (?:information|details)|to learn more|learn more|more information|further information|for media inquiries|media inquiries|(?:news )?media contacts?|press contacts?|contacts?:|follow us|visit us)/iu;

/** Why a trailing block is left out, or undefined when it reads as article text. */
export function boilerplateReason(text: string): string | undefined {
  const t = text.trim();
  if (endMarker.test(t)) return `an end marker (“${t}”)`;
  if (bareUrl.test(t)) return 'a bare web address';
  const words = t.split(/\s+/).length;
  if (email.test(t) && words <= 12) return 'contact details (an e-mail address)';
  if (phone.test(t) && words <= 12 && !/[.!?]$/u.test(t)) return 'contact details (a telephone number)';
  if (pointer.test(t)) return `a pointer elsewhere (“${firstWordsOf(t, 4)}”)`;
  if (/:$/u.test(t) && words <= 6) return `a field label (“${t}”)`;
  return undefined;
}

/** Whether a block is an end marker, after which nothing is article text. */
export function isEndMarker(text: string): boolean {
  return endMarker.test(text.trim());
}

/**
 * Whether the first block reads as a headline: one short line that does not
 * end like a sentence or a clause (a full stop, comma, colon or ellipsis) and
 * is not the first paragraph's dateline.
 */
export function looksLikeHeadline(text: string, datelinePattern: RegExp): boolean {
  const t = text.trim();
  if (t.includes('\n') || t.length > maxHeadlineLength || t.split(/\s+/).length > maxHeadlineWords) return false;
  if (datelinePattern.test(t) || bareUrl.test(t)) return false;
  return !/[.,;:…]$/u.test(t.replace(/[”’"')\]]+$/u, ''));
}

/**
 * Whether a block between paragraphs reads as a sub-heading: one short line
 * that starts with a capital or a digit (not a numbered list item), holds no quotation mark and has no
 * punctuation at its end (a question mark included: a short question between
 * paragraphs is usually a paragraph of the article).
 */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (t.includes('\n') || t.length > maxHeadingLength || t.split(/\s+/).length > maxHeadingWords) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(t) || /^\d+[.)]\s/u.test(t) || /[“”"]/u.test(t) || bareUrl.test(t)) return false;
  return !/[.,;:!?…—–-]$/u.test(t) && !endsSentence(t);
}

function firstWordsOf(text: string, n: number): string {
  const words = text.split(/\s+/);
  return words.length <= n ? text : `${words.slice(0, n).join(' ')}…`;
}
