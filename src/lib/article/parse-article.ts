/**
 * The article parser: seed text → the plain-text article model (paragraphs
 * with offsets, dateline, residue lines). `article-to-mdast.ts` turns the
 * model into a tree.
 *
 * A seed is plain text, never Markdown or HTML: every character is kept as
 * text. Line endings and a byte-order mark are normalized once, here; every
 * annotation offset in the project points into `Article.text`.
 */
import GithubSlugger from 'github-slugger';
import { headingId } from '../ids.ts';
import { endsSentence } from '../text/sentences.ts';
import { lastAtOrBefore, lineStarts, type Range } from '../text/positions.ts';
import { type Block, layOut, type Layout, type Line, spacesAt, splitLines } from './layout.ts';
import { boilerplateReason, isEndMarker, looksLikeHeading, looksLikeHeadline } from './structure.ts';

export interface ArticleParagraph {
  /** 1-based number of the paragraph among the article's body paragraphs: the page's `p-N`. */
  n: number;
  /** 1-based seed line the paragraph starts on. */
  line: number;
  /** Offsets of the paragraph's text (outer white space excluded) in `Article.text`. */
  start: number;
  end: number;
}

/** A line of the seed that is not a body paragraph but is shown: the headline, a sub-heading. */
export interface ArticleLine {
  /** 1-based seed line. */
  line: number;
  /** Offsets of its text in `Article.text`. */
  start: number;
  end: number;
  text: string;
}

/** A sub-heading between body paragraphs, shown as a heading with its text untouched. */
export interface ArticleHeading extends ArticleLine {
  /** The number of the paragraph it stands before. */
  before: number;
  /** The heading's element id (`section--<words>`), unique in the article. */
  id: string;
}

export interface ResidueLine {
  /** 1-based seed line. */
  line: number;
  text: string;
  /** Why it was left out, for the build log. */
  reason: string;
}

export interface Article {
  /**
   * The normalized text: BOM removed, CRLF and lone CR turned into LF, and the
   * line breaks inside a hard-wrapped paragraph turned into spaces (one
   * character for one, so offsets and lines still match the seed).
   */
  text: string;
  /** The body paragraphs shown on the page: not the headline, sub-headings or residue. */
  paragraphs: ArticleParagraph[];
  /** The first line, when it reads as the article's headline (see `ParseArticleOptions.headline`). */
  headline?: ArticleLine;
  /** Sub-headings between paragraphs, in text order. */
  headings: ArticleHeading[];
  /** Trailing lines left out of the page. */
  residue: ResidueLine[];
  /** The dateline (`HONG KONG —`) at the start of the first paragraph, if any. */
  dateline?: Range;
  /** Where markup-like passages (`<b>`, `&amp;`) start, kept as literal text and reported so editors know. */
  markup: { line: number; column: number }[];
  /**
   * Where each seed line starts in `text` (hard-wrapped lines joined into one
   * paragraph keep their own line), so an offset maps back to its seed line.
   */
  lineStarts: number[];
  /** How the seed lays out its paragraphs, and what was joined, for the build log. */
  layout: { kind: Layout; lines: number; width?: number; wrappedLines?: number };
}

export interface ParseArticleOptions {
  /**
   * The last seed line that belongs to the article; later lines are left out
   * as residue (default: detected, see `structure.ts`).
   */
  endsAtLine?: number;
  /** Keep trailing lines that are not article text instead of leaving them out (default: false). */
  keepResidue?: boolean;
  /** Read a first line that looks like a headline as the headline rather than paragraph 1 (default: true). */
  headline?: boolean;
}

export class ArticleParseError extends Error {
  readonly hint: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, hint: string, line?: number, column?: number) {
    super(message);
    this.name = 'ArticleParseError';
    this.hint = hint;
    this.line = line;
    this.column = column;
  }
}

/** Decodes seed bytes as strict UTF-8. */
export function decodeSeed(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Offset(bytes);
    const line = bad === -1 ? undefined : countLines(bytes, bad);
    // The column counts the characters before the bad byte on its line, which are valid UTF-8.
    const lineStart = bad === -1 ? 0 : bytes.lastIndexOf(10, bad - 1) + 1;
    const column = bad === -1 ? undefined : [...new TextDecoder().decode(bytes.subarray(lineStart, bad))].length + 1;
    throw new ArticleParseError(
      `Expected UTF-8 text, found a byte sequence that is not valid UTF-8${bad === -1 ? '' : ` at byte ${bad}`}.`,
      'Save the seed as UTF-8 (most editors offer "Save with encoding").',
      line,
      column,
    );
  }
}

/** The normalized text of a seed: no BOM, LF line endings. */
export function normalizeText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * `HONG KONG —`, `NEW YORK (AP) —`, `WASHINGTON –`, `PALM SPRINGS, Calif. —`:
 * a place in capitals, an optional state or country as written (`, Calif.`),
 * an optional agency in brackets, then a dash.
 */
const datelinePattern =
  /^(\p{Lu}[\p{Lu}\p{M}.,'’ -]*?\p{Lu}\.?(?:,\s\p{Lu}[\p{L}.]*)?(?: \([\p{Lu}\p{L}. ]+\))?)\s*(?:—|–|--)(?=\s)/u;

/** Tags or entities that would mean something in HTML. */
const markupPattern = /<\/?[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;/;

export function parseArticle(raw: string, options: ParseArticleOptions = {}): Article {
  const normalized = normalizeText(raw);
  if (normalized.trim() === '') {
    throw new ArticleParseError(
      'Expected article text, found an empty or whitespace-only seed.',
      'Paste the article text into the seed file, one paragraph per line or paragraphs separated by blank lines.',
    );
  }

  const lines = splitLines(normalized);
  const layout = layOut(lines, normalized);
  const joined = spacesAt(normalized, layout.joins);
  const blocks = layout.blocks;
  const { keep, residue } = trailingResidue(blocks, lines, (b) => joined.slice(b.start, b.end), options);
  // Residue is reported line by line: the lines of a residue block stay apart.
  const left = blocks.slice(keep);
  const inResidue = (i: number) => left.some((b) => i >= b.start && i < b.end);
  const text = left.length > 0 && layout.joins.some(inResidue) ? spacesAt(normalized, layout.joins.filter((i) => !inResidue(i))) : joined;
  const body = (b: Block) => text.slice(b.start, b.end);

  if (keep === 0) {
    throw new ArticleParseError(
      'Expected at least one article paragraph, found only lines that are not article text (lines that stop mid-sentence, contact details, web addresses).',
      'Set `keepResidue: true` or `endsAtLine` in the explainer front matter.',
    );
  }

  let first = 0;
  let headline: ArticleLine | undefined;
  const top = blocks[0]!;
  if (options.headline !== false && keep > 1 && looksLikeHeadline(body(top), datelinePattern)) {
    headline = { line: top.line, start: top.start, end: top.end, text: body(top) };
    first = 1;
  }

  const paragraphs: ArticleParagraph[] = [];
  const headings: ArticleHeading[] = [];
  const slugger = new GithubSlugger();
  const kept = blocks.slice(first, keep);
  kept.forEach((b, i) => {
    if (paragraphs.length > 0 && isHeading(kept, i, body)) {
      headings.push({ line: b.line, start: b.start, end: b.end, text: body(b), before: paragraphs.length + 1, id: headingId(slugger.slug(body(b)) || 'section') });
      return;
    }
    paragraphs.push({ n: paragraphs.length + 1, line: b.line, start: b.start, end: b.end });
  });

  const opening = paragraphs[0]!;
  const dl = datelinePattern.exec(text.slice(opening.start, opening.end));
  const dateline = dl ? { start: opening.start, end: opening.start + dl[0].length } : undefined;

  const markup = lines.flatMap((l) => {
    const m = markupPattern.exec(l.text);
    return m ? [{ line: l.number, column: m.index + 1 }] : [];
  });

  return {
    text,
    paragraphs,
    ...(headline ? { headline } : {}),
    headings,
    residue,
    ...(dateline ? { dateline } : {}),
    markup,
    lineStarts: lineStarts(normalized),
    layout: {
      kind: layout.layout,
      lines: lines.filter((l) => l.text.trim() !== '').length,
      ...(layout.width !== undefined ? { width: layout.width } : {}),
      ...(layout.wrappedLines !== undefined ? { wrappedLines: layout.wrappedLines } : {}),
    },
  };
}

/**
 * The blocks that end the article, left out as residue: after `endsAtLine`;
 * otherwise everything from an end marker (`###`, `-end-`) on, then, from the
 * end, lines that stop mid-sentence (teasers of other stories) and
 * boilerplate (contacts, "for more information" lines, bare web addresses).
 */
function trailingResidue(
  blocks: readonly Block[],
  lines: readonly Line[],
  body: (b: Block) => string,
  options: ParseArticleOptions,
): { keep: number; residue: ResidueLine[] } {
  const linesOf = (b: Block) => lines.slice(b.line - 1, b.lastLine).filter((l) => l.text.trim() !== '');
  const residue: ResidueLine[] = [];
  if (options.endsAtLine !== undefined) {
    let keep = blocks.findIndex((b) => b.line > options.endsAtLine!);
    if (keep === -1) keep = blocks.length;
    for (const b of blocks.slice(keep)) {
      for (const l of linesOf(b)) residue.push({ line: l.number, text: l.text.trim(), reason: `after line ${options.endsAtLine}, where the explainer says the article ends` });
    }
    return { keep, residue };
  }
  if (options.keepResidue) return { keep: blocks.length, residue };

  const marker = blocks.findIndex((b, i) => i > 0 && isEndMarker(body(b)));
  let keep = marker === -1 ? blocks.length : marker;
  while (keep > 1) {
    const text = body(blocks[keep - 1]!);
    if (!boilerplateReason(text) && endsSentence(text)) break;
    keep--;
  }
  const sign = marker === -1 ? '' : body(blocks[marker]!).trim();
  for (const b of blocks.slice(keep)) {
    for (const l of linesOf(b)) {
      const text = l.text.trim();
      const afterMarker = marker !== -1 && l.number > blocks[marker]!.line;
      const reason = afterMarker
        ? `after the end marker “${sign}” on line ${blocks[marker]!.line}`
        : isEndMarker(text)
          ? `an end marker (“${text}”): the article ends here`
          : (boilerplateReason(text) ?? (endsSentence(text) ? `part of the trailing block from line ${b.line}, which is not article text` : midSentence(text)));
      residue.push({ line: l.number, text, reason });
    }
  }
  return { keep, residue };
}

function midSentence(text: string): string {
  const tail = text.split(/\s+/).slice(-2).join(' ');
  return `stops mid-sentence (ends with “${tail}”), after the article's last complete paragraph`;
}

/**
 * Whether block `i` of the article's blocks (headline and residue left out) is
 * a sub-heading: it looks like one, stands between body paragraphs, and is not
 * one of a run of such lines (a list of short items is a list, not headings).
 */
function isHeading(blocks: readonly Block[], i: number, body: (b: Block) => string): boolean {
  const b = blocks[i]!;
  const before = blocks[i - 1];
  const after = blocks[i + 1];
  if (!before || !after || b.line !== b.lastLine || !looksLikeHeading(body(b))) return false;
  return !looksLikeHeading(body(before)) && !looksLikeHeading(body(after));
}

/** The text of one paragraph. */
export function paragraphText(article: Article, p: ArticleParagraph): string {
  return article.text.slice(p.start, p.end);
}

/** The paragraph holding an offset, or undefined for offsets between paragraphs. */
export function paragraphAt(article: Article, offset: number): ArticleParagraph | undefined {
  const p = article.paragraphs[lastAtOrBefore(article.paragraphs, offset, (q) => q.start)];
  return p && offset <= p.end ? p : undefined;
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need === -1) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countLines(bytes: Uint8Array, upTo: number): number {
  let line = 1;
  for (let i = 0; i < upTo; i++) if (bytes[i] === 10) line++;
  return line;
}
