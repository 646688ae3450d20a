/**
 * The review view of an explainer, as data: every annotation in text order
 * with the passage it anchors to in context, the build's messages about the
 * explainer, counts, and (when the base branch's export is given) what
 * changed. Pure: the page and the Markdown summary render it.
 */
import type { Annotation } from '../annotations/types.ts';
import type { ClaimNote, ExplainerPage } from '../content/model.ts';
import type { ContentMessage } from '../messages.ts';
import { paragraphAt } from '../article/parse-article.ts';
import type { ClaimStatus } from '../../schemas/claim.ts';
import type { AnnotationChanges } from './diff.ts';

export const reviewKinds = ['claim', 'term', 'quote', 'speaker'] as const;
export type ReviewKind = (typeof reviewKinds)[number];

export type ReviewItem = {
  kind: ReviewKind;
  /** The annotation's id within its kind. */
  id: string;
  /** What a reviewer calls it: "Note 3", the term, the speaker. */
  label: string;
  paragraph: number;
  /** A few words before the anchored words, the words, a few after. */
  before: string;
  text: string;
  after: string;
  /** The content file it comes from, when it has one. */
  file?: string;
  claim?: Pick<ClaimNote, 'status' | 'checked' | 'sources' | 'noteText'>;
  /** A term's definition, or the speaker a quotation or name is attributed to. */
  detail?: string;
};

export type ReviewCounts = {
  claims: Record<ClaimStatus, number> & { total: number };
  terms: number;
  quotations: number;
  speakers: number;
};

export type Review = {
  slug: string;
  title: string;
  counts: ReviewCounts;
  items: ReviewItem[];
  /** Warnings and build-log lines about this explainer's files and what it shows. */
  messages: ContentMessage[];
  /** What changed against the base branch, when its export was given. */
  changes?: AnnotationChanges;
};

/** Words of context on each side of an anchored passage. */
const contextWords = 6;

/** The messages about an explainer's own files: its introduction, seed, claims, and the glossary and people files it uses. */
export function messagesAbout(page: ExplainerPage, messages: readonly ContentMessage[] | MessagesByFile): ContentMessage[] {
  const index = messages instanceof MessagesByFile ? messages : new MessagesByFile(messages);
  return index.about([page.file, page.seedFile, ...page.claims.map((c) => c.file), ...page.terms.map((t) => t.entry.file), ...page.speakers.flatMap((s) => s.speaker.file ?? [])], `content/claims/${page.slug}/`);
}

/** Messages grouped by file once, so finding each explainer's among thousands costs what it finds. */
export class MessagesByFile {
  private readonly byFile = new Map<string, number[]>();
  private readonly byClaimFolder = new Map<string, number[]>();
  private readonly messages: readonly ContentMessage[];

  constructor(messages: readonly ContentMessage[]) {
    this.messages = messages;
    messages.forEach((m, i) => {
      push(this.byFile, m.file, i);
      const folder = /^content\/claims\/[^/]+\//.exec(m.file)?.[0];
      if (folder) push(this.byClaimFolder, folder, i);
    });
  }

  /** The messages about any of `files` or any file under `folder`, in their original order. */
  about(files: readonly string[], folder: string): ContentMessage[] {
    const found = new Set<number>(this.byClaimFolder.get(folder));
    for (const f of files) for (const i of this.byFile.get(f) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b).map((i) => this.messages[i]!);
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function reviewOf(page: ExplainerPage, messages: readonly ContentMessage[], changes?: AnnotationChanges): Review {
  const claims = new Map(page.claims.map((c) => [c.id, c]));
  const terms = new Map(page.terms.map((t) => [t.entry.id, t.entry]));
  const speakers = new Map(page.speakers.map((s) => [s.speaker.id, s.speaker]));
  const items: ReviewItem[] = [];
  for (const a of [...page.annotations].sort((x, y) => x.start - y.start || y.end - x.end)) {
    const place = { ...inContext(page, a), paragraph: paragraphAt(page.article, a.start)?.n ?? 0 };
    if (a.kind === 'claim') {
      const c = claims.get(a.payload.claim)!;
      items.push({ kind: 'claim', id: c.id, label: `Note ${c.number}`, ...place, file: c.file, claim: { status: c.status, checked: c.checked, sources: c.sources, noteText: c.noteText } });
    } else if (a.kind === 'term') {
      const t = terms.get(a.payload.term)!;
      items.push({ kind: 'term', id: t.id, label: t.term, ...place, file: t.file, detail: t.definitionText });
    } else if (a.kind === 'quote' || a.kind === 'speaker') {
      const s = speakers.get(a.payload.speaker)!;
      items.push({ kind: a.kind, id: a.kind === 'quote' ? a.payload.quoteId : a.id, label: s.name, ...place, file: s.file, detail: [s.name, s.role, s.affiliation].filter(Boolean).join(', ') });
    }
  }
  const statuses = { verified: 0, qualified: 0, disputed: 0, unverified: 0 };
  for (const c of page.claims) statuses[c.status]++;
  return {
    slug: page.slug,
    title: page.title,
    counts: {
      claims: { ...statuses, total: page.claims.length },
      terms: page.terms.length,
      quotations: page.speakers.reduce((n, s) => n + s.quotes.length, 0),
      speakers: page.speakers.length,
    },
    items,
    messages: messagesAbout(page, messages),
    ...(changes ? { changes } : {}),
  };
}

/** The anchored words with a few words of their paragraph on each side. */
function inContext(page: ExplainerPage, a: Annotation): { before: string; text: string; after: string } {
  const { text } = page.article;
  const p = paragraphAt(page.article, a.start);
  const from = p?.start ?? a.start;
  const to = p?.end ?? a.end;
  const beforeWords = text.slice(from, a.start).split(/(?<=\s)/);
  const afterWords = text.slice(a.end, to).split(/(?=\s)/);
  const before = beforeWords.slice(-contextWords).join('');
  const after = afterWords.slice(0, contextWords).join('');
  return {
    before: (beforeWords.length > contextWords ? '…' : '') + before,
    text: text.slice(a.start, a.end),
    after: after + (afterWords.length > contextWords ? '…' : ''),
  };
}
