/**
 * A small, readable diff between two short texts, for error messages.
 *
 * Words are compared whole and every other character on its own, so a
 * changed quote mark shows as one character and a changed word as one word:
 * `it[-'-]{+’+}s`, `[-under-]{+than+} $6 million`. The format is wdiff's:
 * `[-…-]` is only in the first text, `{+…+}` only in the second.
 */
import { wordTokens } from '../text/words.ts';
import { codePoint, foldLookAlikes, isInvisible, isLookAlikePair } from './look-alikes.ts';

export interface DiffOp {
  kind: 'equal' | 'delete' | 'insert';
  text: string;
}

/** Above this many token pairs the middle is shown as one replacement: messages stay cheap. */
const maxTablePairs = 250_000;

/** Common text a changed word pair must share at an end before it is split inside the word. */
const minSharedChars = 3;

/** The diff from `a` to `b`: equal runs, deletions from `a`, insertions from `b`. */
export function diffText(a: string, b: string): DiffOp[] {
  const ta = wordTokens(a);
  const tb = wordTokens(b);
  let head = 0;
  while (head < ta.length && head < tb.length && ta[head] === tb[head]) head++;
  let tail = 0;
  while (tail < ta.length - head && tail < tb.length - head && ta[ta.length - 1 - tail] === tb[tb.length - 1 - tail]) {
    tail++;
  }
  const ops: DiffOp[] = [];
  push(ops, 'equal', ta.slice(0, head).join(''));
  for (const op of diffTokens(ta.slice(head, ta.length - tail), tb.slice(head, tb.length - tail))) {
    push(ops, op.kind, op.text);
  }
  push(ops, 'equal', ta.slice(ta.length - tail).join(''));
  return splitLookAlikes(refineWords(groupChanges(absorbBlankEquals(ops))));
}

/** `took [-three-]{+only two+} months`: one line, blank characters other than a space shown by code point. */
export function formatDiff(ops: readonly DiffOp[]): string {
  return ops
    .map((op) => {
      const text = showInvisible(op.text);
      if (op.kind === 'delete') return `[-${text}-]`;
      if (op.kind === 'insert') return `{+${text}+}`;
      return text;
    })
    .join('');
}

/** The changes as (only in `a`, only in `b`) pairs, for explaining what differs. */
export function changedPairs(ops: readonly DiffOp[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    if (op.kind === 'equal') continue;
    const next = ops[i + 1];
    if (op.kind === 'delete' && next?.kind === 'insert') {
      pairs.push([op.text, next.text]);
      i++;
    } else {
      pairs.push(op.kind === 'delete' ? [op.text, ''] : ['', op.text]);
    }
  }
  return pairs;
}

/** Longest-common-subsequence diff of two token lists. */
function diffTokens(a: string[], b: string[]): DiffOp[] {
  if (a.length === 0 || b.length === 0 || a.length * b.length > maxTablePairs) {
    return [
      { kind: 'delete', text: a.join('') },
      { kind: 'insert', text: b.join('') },
    ].filter((op) => op.text !== '') as DiffOp[];
  }
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push(ops, 'equal', a[i++]!);
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) {
      push(ops, 'insert', b[j++]!);
    } else {
      push(ops, 'delete', a[i++]!);
    }
  }
  return ops;
}

/** Appends text, merging it into the last op of the same kind. */
function push(ops: DiffOp[], kind: DiffOp['kind'], text: string): void {
  if (text === '') return;
  const last = ops[ops.length - 1];
  if (last && last.kind === kind) last.text += text;
  else ops.push({ kind, text });
}

/** A lone space kept between two changes splits one edit in two (`[-A-]{+C+} [-B-]{+D+}`); fold it in. */
function absorbBlankEquals(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  ops.forEach((op, i) => {
    const inner = i > 0 && i < ops.length - 1;
    if (op.kind === 'equal' && inner && op.text.trim() === '') {
      out.push({ kind: 'delete', text: op.text }, { kind: 'insert', text: op.text });
    } else {
      out.push({ ...op });
    }
  });
  return out;
}

/** Every stretch between equal runs becomes one deletion then one insertion, each trimmed of shared ends. */
function groupChanges(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    const [lead, d, i, trail] = splitSharedEnds(del, ins, (c) => c.trim() === '');
    push(out, 'equal', lead);
    push(out, 'delete', d);
    push(out, 'insert', i);
    push(out, 'equal', trail);
    del = '';
    ins = '';
  };
  for (const op of ops) {
    if (op.kind === 'delete') del += op.text;
    else if (op.kind === 'insert') ins += op.text;
    else {
      flush();
      push(out, 'equal', op.text);
    }
  }
  flush();
  return out;
}

/** `[-months-]{+month+}` reads better as `month[-s-]`: split a changed pair inside a shared word. */
function refineWords(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const next = ops[i + 1];
    if (op.kind !== 'delete' || next?.kind !== 'insert') {
      push(out, op.kind, op.text);
      continue;
    }
    const [lead, d, ins, trail] = splitSharedEnds(op.text, next.text, () => true);
    const keepLead = lead.length >= minSharedChars ? lead : '';
    const keepTrail = trail.length >= minSharedChars ? trail : '';
    push(out, 'equal', keepLead);
    push(out, 'delete', lead.slice(keepLead.length) + d + trail.slice(0, trail.length - keepTrail.length));
    push(out, 'insert', lead.slice(keepLead.length) + ins + trail.slice(0, trail.length - keepTrail.length));
    push(out, 'equal', keepTrail);
    i++;
  }
  return out;
}

/**
 * `[-..."-]{+…”+}` becomes `[-...-]{+…+}[-"-]{+”+}`: a change made only of
 * look-alikes is cut at each character of the second text, so every pair
 * can be named on its own.
 */
function splitLookAlikes(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const next = ops[i + 1];
    const pieces = op.kind === 'delete' && next?.kind === 'insert' ? alignLookAlikes(op.text, next.text) : undefined;
    if (!pieces) {
      push(out, op.kind, op.text);
      continue;
    }
    for (const [a, b] of pieces) {
      if (a === b) {
        push(out, 'equal', a);
        continue;
      }
      // Keep each pair apart: `push` would merge it into the previous pair.
      if (a !== '') out.push({ kind: 'delete', text: a });
      if (b !== '') out.push({ kind: 'insert', text: b });
    }
    i++;
  }
  return out;
}

/** Pairs of (run of `a`, one character of `b`) that fold alike, or undefined if `a` and `b` do not line up so. */
function alignLookAlikes(a: string, b: string): [string, string][] | undefined {
  if (!isLookAlikePair(a, b)) return undefined;
  const as = [...a];
  const pieces: [string, string][] = [];
  let k = 0;
  for (const char of b) {
    const want = foldLookAlikes(char);
    let taken = '';
    while (foldLookAlikes(taken).length < want.length && k < as.length) taken += as[k++];
    if (foldLookAlikes(taken) !== want) return undefined;
    pieces.push([taken, char]);
  }
  const rest = as.slice(k).join('');
  if (foldLookAlikes(rest) !== '') return undefined;
  if (rest !== '') pieces.push([rest, '']);
  return pieces;
}

/** Splits two texts into [shared start, rest of a, rest of b, shared end], counting only characters that pass `keep`. */
function splitSharedEnds(a: string, b: string, keep: (char: string) => boolean): [string, string, string, string] {
  let lead = 0;
  while (lead < a.length && lead < b.length && a[lead] === b[lead] && keep(a[lead]!)) lead++;
  let trail = 0;
  while (
    trail < a.length - lead &&
    trail < b.length - lead &&
    a[a.length - 1 - trail] === b[b.length - 1 - trail] &&
    keep(a[a.length - 1 - trail]!)
  ) {
    trail++;
  }
  if (lead > 0 && isHighSurrogate(a.charCodeAt(lead - 1))) lead--;
  if (trail > 0 && isLowSurrogate(a.charCodeAt(a.length - trail))) trail--;
  return [
    a.slice(0, lead),
    a.slice(lead, a.length - trail),
    b.slice(lead, b.length - trail),
    a.slice(a.length - trail),
  ];
}

/** Blank characters other than a plain space, as `<U+00A0>`. */
function showInvisible(text: string): string {
  let out = '';
  for (const char of text) out += char !== ' ' && isInvisible(char) ? `<${codePoint(char)}>` : char;
  return out;
}

/** Never cut between the two halves of a character outside the Basic Multilingual Plane. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
