/**
 * Finds glossary terms in the article text.
 *
 * All forms of all terms go into one index (two character tries: one for
 * forms with a capital letter, walked over the text as written, one for
 * all-lower-case forms, walked over the lower-cased text). Each paragraph is
 * read once: from every position where a word may start, both tries are
 * walked as far as the text follows them, so the cost is about
 * O(text length × longest form), whatever the number of terms. The candidate
 * matches of a paragraph are then chosen longest first, so matches never
 * overlap and `Nvidia A100` wins over `Nvidia`.
 *
 * Rules: whole words only, never a part of a hyphenated compound (see
 * `word-boundaries.ts`); a form with a capital letter matches with exactly
 * that case, an all-lower-case form matches any case, unless the term says
 * `caseSensitive`; `’` and `'` are the same, as are a non-breaking space and a space (see
 * `form-keys.ts`); a possessive `’s` is left outside the match; hyphenated and
 * spaced spellings match only when both are listed.
 */
import type { Article, ArticleParagraph } from '../article/parse-article.ts';
import type { Range } from '../annotations/types.ts';
import { foldCase, formKey, isCaseSensitive, textKeys } from './form-keys.ts';
import { isWordCodePoint } from '../text/words.ts';
import { endsWord, isInsideCodePoint, startsWord } from './word-boundaries.ts';

export interface TermForms {
  id: string;
  /** The term's content file, for error messages. */
  file: string;
  /** The term and its aliases. */
  forms: string[];
  /**
   * `true`: every form matches only with its own case; `false`: every form
   * matches in any case (default: a form with a capital letter matches with
   * its own case, an all-lower-case form in any case).
   */
  caseSensitive?: boolean;
}

export interface TermMatch {
  id: string;
  /** Offsets into `Article.text`, half-open. */
  start: number;
  end: number;
  /** The paragraph's 1-based number (`ArticleParagraph.n`, the page's `p-N`). */
  paragraph: number;
  /** The form, as written in the term's file, that matched. */
  form: string;
}

export interface AliasConflict {
  /** The form as the first of the two terms writes it. */
  form: string;
  ids: [string, string];
  files: [string, string];
  /** How each of the two terms writes it (`AI` and `ai`). */
  forms: [string, string];
}

export interface MatchTermsOptions {
  /**
   * Ranges that already hold another annotation's link (a speaker's name, a
   * note marker). A match that would overlap one is skipped; a zero-width
   * range blocks only the matches it would fall strictly inside.
   */
  avoid?: readonly Range[];
}

/** One form in the index; `order` keeps the first-listed term first when two share a form. */
interface FormEntry {
  id: string;
  form: string;
  order: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** The form ending here; the first one listed, when several share the key. */
  entry?: FormEntry;
  /** Key length up to here: the match's length for "longest wins". */
  depth: number;
}

interface Candidate {
  start: number;
  end: number;
  length: number;
  exact: boolean;
  entry: FormEntry;
}

interface FormIndex {
  /** Forms with a capital letter, keyed as written. */
  exact: TrieNode;
  /** All-lower-case forms, keyed lower-cased. */
  folded: TrieNode;
}

/** Every occurrence of every term in the article paragraphs, non-overlapping, in text order. */
export function matchTerms(article: Article, terms: readonly TermForms[], options: MatchTermsOptions = {}): TermMatch[] {
  const index = buildIndex(terms);
  const keys = textKeys(article.text);
  const taken = blockedRanges(article.text.length, options.avoid ?? []);
  const exactFirst = firstUnits(index.exact);
  const foldedFirst = firstUnits(index.folded);
  const text = article.text;
  const matches: TermMatch[] = [];
  for (const p of article.paragraphs) {
    const candidates: Candidate[] = [];
    for (let s = p.start; s < p.end; s++) {
      // Inside an ASCII word no match starts: answered before anything slower, as it is most positions.
      if (s > p.start && isAsciiWord(text.charCodeAt(s)) && isAsciiWord(text.charCodeAt(s - 1))) continue;
      const exactRoot = exactFirst(keys.exact.charCodeAt(s));
      const foldedRoot = foldedFirst(keys.folded.charCodeAt(s));
      if (!(exactRoot || foldedRoot) || isInsideCodePoint(text, s) || !startsWord(text, s, p.start)) continue;
      if (exactRoot) collect(index.exact, keys.exact, text, s, p, true, candidates);
      if (foldedRoot) collect(index.folded, keys.folded, text, s, p, false, candidates);
    }
    for (const c of chooseLongest(candidates, taken)) {
      matches.push({ id: c.entry.id, start: c.start, end: c.end, paragraph: p.n, form: c.entry.form });
    }
  }
  return matches;
}

/** Whether a form of the trie may start with a code unit: ASCII answered from a table. */
function firstUnits(root: TrieNode): (c: number) => boolean {
  const ascii = new Uint8Array(128);
  const other = new Set<number>();
  for (const key of root.next.keys()) {
    const c = key.charCodeAt(0);
    if (c < 128) ascii[c] = 1;
    else other.add(c);
  }
  return (c) => (c < 128 ? ascii[c] === 1 : other.has(c));
}

/** An ASCII word character (a letter or digit). */
const isAsciiWord = (c: number) => c < 128 && isWordCodePoint(c);

/** Forms claimed by two terms (compared case-insensitively), for a build error naming both files. */
export function findAliasConflicts(terms: readonly TermForms[]): AliasConflict[] {
  const owners = new Map<string, { id: string; file: string; form: string }>();
  const conflicts: AliasConflict[] = [];
  const reported = new Set<string>();
  for (const term of terms) {
    for (const form of term.forms) {
      const key = foldCase(formKey(form));
      if (key === '') continue;
      const owner = owners.get(key);
      if (!owner) {
        owners.set(key, { id: term.id, file: term.file, form });
        continue;
      }
      const pair = `${key}\u0000${owner.id}\u0000${term.id}`;
      if (owner.id === term.id || reported.has(pair)) continue;
      reported.add(pair);
      conflicts.push({
        form: owner.form,
        ids: [owner.id, term.id],
        files: [owner.file, term.file],
        forms: [owner.form, form],
      });
    }
  }
  return conflicts;
}

/** One index of every form, so the text is read once rather than once per term. */
function buildIndex(terms: readonly TermForms[]): FormIndex {
  const index: FormIndex = { exact: newNode(0), folded: newNode(0) };
  let order = 0;
  for (const term of terms) {
    for (const form of term.forms) {
      const key = formKey(form);
      if (key === '') continue;
      const entry = { id: term.id, form, order: order++ };
      if (term.caseSensitive ?? isCaseSensitive(form)) insert(index.exact, key, entry);
      else insert(index.folded, foldCase(key), entry);
    }
  }
  return index;
}

function newNode(depth: number): TrieNode {
  return { next: new Map(), depth };
}

/** Adds a form's key to a trie; the first form to claim a key keeps it. */
function insert(root: TrieNode, key: string, entry: FormEntry): void {
  let node = root;
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!;
    let child = node.next.get(c);
    if (!child) {
      child = newNode(node.depth + 1);
      node.next.set(c, child);
    }
    node = child;
  }
  node.entry ??= entry;
}

/**
 * Walks one trie over the text key from `s`, inside the paragraph, adding
 * every form that ends on a word boundary; a run of spaces in the text
 * follows one space in a form.
 */
function collect(
  root: TrieNode,
  key: string,
  text: string,
  s: number,
  p: ArticleParagraph,
  exact: boolean,
  out: Candidate[],
): void {
  let node = root;
  let j = s;
  while (j < p.end) {
    const c = key[j]!;
    const child = node.next.get(c);
    if (!child) return;
    node = child;
    j++;
    if (c === ' ') while (j < p.end && key[j] === ' ') j++;
    if (node.entry && endsWord(text, j, p.start, p.end)) {
      out.push({ start: s, end: j, length: node.depth, exact, entry: node.entry });
    }
  }
}

/**
 * Marks the code units a match may not cover: those inside `avoid` ranges
 * (value 1), and positions of zero-width ranges, which a match may touch
 * but not straddle (value 2).
 */
function blockedRanges(length: number, avoid: readonly Range[]): Uint8Array {
  const blocked = new Uint8Array(length + 1);
  for (const r of avoid) {
    if (r.start === r.end) {
      if (r.start >= 0 && r.start <= length) blocked[r.start]! |= 2;
      continue;
    }
    for (let i = Math.max(0, r.start); i < Math.min(length, r.end); i++) blocked[i]! |= 1;
  }
  return blocked;
}

/**
 * Picks non-overlapping candidates, longest first (then the earlier, then a
 * form with a capital letter, then the first-listed term), and returns them
 * in text order. Picked matches are marked in `taken`.
 */
function chooseLongest(candidates: Candidate[], taken: Uint8Array): Candidate[] {
  candidates.sort(
    (a, b) =>
      b.length - a.length || a.start - b.start || Number(b.exact) - Number(a.exact) || a.entry.order - b.entry.order,
  );
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (!isFree(taken, c)) continue;
    for (let i = c.start; i < c.end; i++) taken[i]! |= 1;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Whether a candidate covers no taken code unit and straddles no zero-width range. */
function isFree(taken: Uint8Array, c: Range): boolean {
  if (taken[c.start]! & 1) return false;
  for (let i = c.start + 1; i < c.end; i++) if (taken[i]! !== 0) return false;
  return true;
}
