/**
 * The article parser: seed text → the plain-text article model (paragraphs
 * with offsets, dateline, residue lines). `article-to-mdast.ts` turns the
 * model into a tree.
 *
 * A seed is plain text, never Markdown or HTML: every character is kept as
 * text. Line endings and a byte-order mark are normalized once, here; every
 * annotation offset in the project points into `Article.text`.
 */
import { endsSentence } from '../text/sentences.ts';
import { lastAtOrBefore, lineStarts, type Range } from '../text/positions.ts';

export interface ArticleParagraph {
  /** 1-based number of the paragraph in the seed: the page's `p-N`. */
  n: number;
  /** 1-based seed line the paragraph starts on. */
  line: number;
  /** Offsets of the paragraph's text (outer white space excluded) in `Article.text`. */
  start: number;
  end: number;
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
  /** The paragraphs shown on the page, residue excluded. */
  paragraphs: ArticleParagraph[];
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
}

export interface ParseArticleOptions {
  /**
   * The last seed line that belongs to the article; later lines are left out
   * as residue (default: detected, see `detectResidue`).
   */
  endsAtLine?: number;
  /** Keep trailing lines that stop mid-sentence instead of leaving them out (default: false). */
  keepResidue?: boolean;
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
 * `HONG KONG —`, `NEW YORK (AP) —`, `WASHINGTON –`: a place in capitals,
 * an optional agency in brackets, then a dash.
 */
const datelinePattern = /^(\p{Lu}[\p{Lu}\p{M}.,'’ -]*?\p{Lu}\.?(?: \([\p{Lu}\p{L}. ]+\))?)\s*(?:—|–|--)(?=\s)/u;

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
  const starts = lineStarts(normalized);
  const blockMode = hasBlankLineBetweenText(lines);
  const chars = normalized.split('');
  const blocks: { line: number; start: number; end: number; lastLine: number }[] = [];

  let current: { line: number; start: number; end: number; lastLine: number } | undefined;
  for (const l of lines) {
    const trimmedStart = l.start + (l.text.length - l.text.trimStart().length);
    const trimmedEnd = l.start + l.text.trimEnd().length;
    const blank = l.text.trim() === '';
    if (blank) {
      current = undefined;
      continue;
    }
    if (blockMode && current) {
      // A hard-wrapped line joins the paragraph: its line break becomes a space.
      for (let i = current.end; i < trimmedStart; i++) if (chars[i] === '\n') chars[i] = ' ';
      current.end = trimmedEnd;
      current.lastLine = l.number;
      continue;
    }
    current = { line: l.number, start: trimmedStart, end: trimmedEnd, lastLine: l.number };
    blocks.push(current);
  }
  const text = chars.join('');

  let keep = blocks.length;
  const residue: ResidueLine[] = [];
  if (options.endsAtLine !== undefined) {
    keep = blocks.findIndex((b) => b.line > options.endsAtLine!);
    if (keep === -1) keep = blocks.length;
    for (const b of blocks.slice(keep)) {
      residue.push({
        line: b.line,
        text: text.slice(b.start, b.end),
        reason: `after line ${options.endsAtLine}, where the explainer says the article ends`,
      });
    }
  } else if (!options.keepResidue) {
    while (keep > 1 && !endsSentence(text.slice(blocks[keep - 1]!.start, blocks[keep - 1]!.end))) keep--;
    for (const b of blocks.slice(keep)) {
      const body = text.slice(b.start, b.end);
      const tail = body.split(/\s+/).slice(-2).join(' ');
      residue.push({
        line: b.line,
        text: body,
        reason: `stops mid-sentence (ends with “${tail}”), after the article's last complete paragraph`,
      });
    }
  }

  if (keep === 0) {
    throw new ArticleParseError(
      'Expected at least one article paragraph, found only lines that stop mid-sentence.',
      'Set `keepResidue: true` or `endsAtLine` in the explainer front matter.',
    );
  }

  const paragraphs: ArticleParagraph[] = blocks.slice(0, keep).map((b, i) => ({
    n: i + 1,
    line: b.line,
    start: b.start,
    end: b.end,
  }));

  const first = paragraphs[0]!;
  const dl = datelinePattern.exec(text.slice(first.start, first.end));
  const dateline = dl ? { start: first.start, end: first.start + dl[0].length } : undefined;

  const markup = lines.flatMap((l) => {
    const m = markupPattern.exec(l.text);
    return m ? [{ line: l.number, column: m.index + 1 }] : [];
  });

  return { text, paragraphs, residue, ...(dateline ? { dateline } : {}), markup, lineStarts: starts };
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

interface Line {
  number: number;
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  let number = 1;
  for (const part of text.split('\n')) {
    out.push({ number, start, text: part });
    start += part.length + 1;
    number++;
  }
  return out;
}

function hasBlankLineBetweenText(lines: Line[]): boolean {
  const first = lines.findIndex((l) => l.text.trim() !== '');
  let last = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.text.trim() !== '') {
      last = i;
      break;
    }
  }
  return lines.slice(first, last + 1).some((l) => l.text.trim() === '');
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
