/**
 * How a seed lays out its paragraphs, and its lines grouped into blocks (a
 * paragraph, a headline, a sub-heading or a residue line each):
 *
 * - `blank-lines`: blocks are separated by blank lines; the lines of a block
 *   are joined (they were hard-wrapped).
 * - `line-per-paragraph`: no blank lines, every non-empty line is a block
 *   (the DeepSeek seed).
 * - `hard-wrapped`: no blank lines, but the lines are wrapped at a fixed
 *   width: a line that ends mid-sentence goes on in the next one. A line
 *   starts a new block when the first word of the next line would have fitted
 *   on it (a wrapper only breaks where the next word does not fit), when it is
 *   indented, or when it is much longer than the wrap width (a headline or a
 *   URL left unwrapped).
 */
import { endsSentence } from '../text/sentences.ts';

export const layouts = ['blank-lines', 'line-per-paragraph', 'hard-wrapped'] as const;
export type Layout = (typeof layouts)[number];

export interface Line {
  /** 1-based seed line. */
  number: number;
  /** Offset of the line in the text. */
  start: number;
  text: string;
}

/** Lines grouped into one block: its first line, last line and trimmed offsets. */
export interface Block {
  line: number;
  lastLine: number;
  start: number;
  end: number;
}

export interface BlockLayout {
  layout: Layout;
  blocks: Block[];
  /** The wrap width found for hard-wrapped text. */
  width?: number;
  /** Lines of hard-wrapped text that end mid-sentence and go on in the next line. */
  wrappedLines?: number;
  /** Offsets of the line breaks inside blocks, in order: the text reads a space at each. */
  joins: number[];
}

/** Shortest and longest wrap widths taken for hard wrapping (editors wrap at 60–80 characters). */
const minWidth = 30;
const maxWidth = 100;
/** Share of lines that must reach near the wrap width. */
const fullShare = 0.5;
/** Share of line ends that must fall mid-sentence, the next line going on in lower case. */
const midSentenceShare = 0.2;

export function splitLines(text: string): Line[] {
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

/**
 * The blocks of `text`, split into `lines`. Line breaks inside a block are
 * listed in `joins`: the article reads a space at each (one character for
 * one, so offsets and lines still match the seed).
 */
export function layOut(lines: readonly Line[], text: string): BlockLayout {
  const filled = lines.filter((l) => l.text.trim() !== '');
  const joins: number[] = [];
  if (hasBlankLineBetweenText(lines)) return { layout: 'blank-lines', blocks: joinRuns(lines, text, joins, () => false), joins };
  const wrap = hardWrapWidth(filled);
  if (wrap === undefined) return { layout: 'line-per-paragraph', blocks: filled.map((l) => blockOf(l)), joins };
  const breaks = new Set<number>();
  let wrapped = 0;
  filled.forEach((l, i) => {
    const next = filled[i + 1];
    if (!next) return;
    if (startsBlock(l, next, wrap)) breaks.add(next.number);
    else wrapped++;
  });
  return { layout: 'hard-wrapped', blocks: joinRuns(lines, text, joins, (l) => breaks.has(l.number)), width: wrap.width, wrappedLines: wrapped, joins };
}

/** One block per run of non-empty lines, a new one also where `breaksBefore` says. */
function joinRuns(lines: readonly Line[], text: string, joins: number[], breaksBefore: (l: Line) => boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const l of lines) {
    if (l.text.trim() === '') {
      current = undefined;
      continue;
    }
    const next = blockOf(l);
    if (current && !breaksBefore(l)) {
      for (let i = current.end; i < next.start; i++) if (text.charCodeAt(i) === 10) joins.push(i);
      current.end = next.end;
      current.lastLine = l.number;
      continue;
    }
    current = next;
    blocks.push(current);
  }
  return blocks;
}

/** `text` with a space at each of `offsets` (in order), in place of what was there. */
export function spacesAt(text: string, offsets: readonly number[]): string {
  if (offsets.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const i of offsets) {
    parts.push(text.slice(from, i), ' ');
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function blockOf(l: Line): Block {
  const start = l.start + (l.text.length - l.text.trimStart().length);
  return { line: l.number, lastLine: l.number, start, end: l.start + l.text.trimEnd().length };
}

function hasBlankLineBetweenText(lines: readonly Line[]): boolean {
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

interface Wrap {
  /** The longest line that runs on into the next: the wrap width. Longer lines were left unwrapped (a headline, a URL). */
  width: number;
  /** Whether paragraphs start with an indented line while other lines are not indented. */
  indented: boolean;
}

/**
 * The wrap width when lines without blank lines between them look
 * hard-wrapped, or undefined: a good share of lines end mid-sentence with the
 * next line going on in lower case, those lines are at most `maxWidth`
 * characters long, and most lines reach near the longest of them. Text with
 * one paragraph per line has long lines that end sentences, so it never looks
 * wrapped.
 */
export function hardWrapWidth(filled: readonly Line[]): Wrap | undefined {
  if (filled.length < 4) return undefined;
  const runOn = filled.filter((l, i) => {
    const next = filled[i + 1];
    return next !== undefined && !endsSentence(l.text.trimEnd()) && /^\s*[\p{Ll}\p{N}(]/u.test(next.text);
  });
  if (runOn.length < (filled.length - 1) * midSentenceShare) return undefined;
  const width = Math.max(...runOn.map((l) => l.text.trimEnd().length));
  if (width < minWidth || width > maxWidth) return undefined;
  const full = filled.filter((l) => l.text.trimEnd().length >= width * 0.7).length;
  if (full < filled.length * fullShare) return undefined;
  const indents = filled.filter((l) => /^\s/.test(l.text)).length;
  return { width, indented: indents > 0 && indents < filled.length / 2 };
}

/** Lines that open a block after a line that closes a sentence: list items (`-- `, `• `), a lead-in in capitals (`ARIZONA: `), an end marker, a web address. */
const opensBlock = /^(?:--?\s|[•*]\s|\p{Lu}{2,}[\p{Lu} ]*:\s|(?:#\s*){3}$|-(?:30|end)-$|https?:\/\/\S+$)/iu;

/** Whether `next` starts a new block after line `l` in hard-wrapped text. */
function startsBlock(l: Line, next: Line, wrap: Wrap): boolean {
  const text = l.text.trim();
  const following = next.text.trim();
  if (text.length > wrap.width || following.length > wrap.width) return true;
  if (wrap.indented && /^\s/.test(next.text)) return true;
  const closes = endsSentence(text) || /[:”"’)]$/u.test(text);
  if ((closes && opensBlock.test(following)) || /^(?:#\s*){3}$|^https?:\/\/\S+$/u.test(text)) return true;
  const firstWord = following.split(/\s+/)[0] ?? '';
  const fits = l.text.trimEnd().length + 1 + firstWord.length <= wrap.width;
  return fits && (closes || /^[\p{Lu}\p{N}“"‘(—–-]/u.test(following));
}
