/**
 * Resolver for claims: anchors each claim's text-quote selector in the
 * article, numbers the claims in reading order, and turns each into a
 * `claim` range plus a zero-width `noteref` marker at its end.
 */
import type { Article } from '../article/parse-article.ts';
import type { ClaimAnnotation, NoteRefAnnotation, Range } from '../annotations/types.ts';
import { anchorSelectors } from '../claims/anchor-selector.ts';
import type { ClaimNote } from '../content/model.ts';
import type { RenderedMarkdown } from '../content/render-markdown.ts';
import { type ContentMessage, error, warning } from '../messages.ts';
import { firstSentence } from '../text/sentences.ts';
import type { ClaimFrontmatter } from '../../schemas/claim.ts';

export interface ClaimInput {
  id: string;
  file: string;
  data: ClaimFrontmatter;
  note: RenderedMarkdown;
  /** Line and column of a front-matter field, for errors. */
  positionOf: (path: readonly (string | number)[]) => { line: number; column: number };
}

export interface ClaimResolution {
  annotations: (ClaimAnnotation | NoteRefAnnotation)[];
  /** The note markers, which are links. */
  links: Range[];
  /** The notes in reading order, numbered from 1. */
  notes: ClaimNote[];
}

export function resolveClaims(article: Article, claims: readonly ClaimInput[], messages: ContentMessage[]): ClaimResolution {
  const anchored: { claim: ClaimInput; start: number; end: number; paragraph: number }[] = [];
  const results = anchorSelectors(article, claims.map((c) => c.data.anchor));
  for (const [i, claim] of claims.entries()) {
    const result = results[i]!;
    if (result.ok) {
      anchored.push({ claim, start: result.start, end: result.end, paragraph: result.paragraph });
    } else {
      messages.push(error({ ruleId: `anchor-${result.reason}`, file: claim.file, ...claim.positionOf(['anchor', 'exact']), reason: result.message, hint: result.hint }));
    }
  }
  anchored.sort((a, b) => a.end - b.end || a.start - b.start);
  reportSamePassage(anchored, messages);

  const annotations: ClaimResolution['annotations'] = [];
  const links: Range[] = [];
  const notes = anchored.map(({ claim, start, end, paragraph }, i): ClaimNote => {
    const number = i + 1;
    const summary = firstSentence(claim.note.text);
    annotations.push({ kind: 'claim', id: claim.id, start, end, payload: { claim: claim.id, number } });
    const payload = { claim: claim.id, number, status: claim.data.status, summary, complete: summary === claim.note.text };
    annotations.push({ kind: 'noteref', id: claim.id, start: end, end, link: true, payload });
    links.push({ start: end, end });
    return {
      id: claim.id,
      file: claim.file,
      number,
      status: claim.data.status,
      checked: claim.data.checked,
      sources: claim.data.sources,
      noteHtml: claim.note.html,
      noteText: claim.note.text,
      paragraph,
      exact: article.text.slice(start, end),
    };
  });
  return { annotations, links, notes };
}

/** Two claims on the very same words show two notes for one passage: a warning naming both files. */
function reportSamePassage(anchored: readonly { claim: ClaimInput; start: number; end: number; paragraph: number }[], messages: ContentMessage[]): void {
  for (let i = 1; i < anchored.length; i++) {
    const a = anchored[i - 1]!;
    const b = anchored[i]!;
    if (a.start !== b.start || a.end !== b.end) continue;
    messages.push(
      warning({
        ruleId: 'claim-duplicate-passage',
        file: b.claim.file,
        ...b.claim.positionOf(['anchor', 'exact']),
        reason: `Expected one claim per passage, found ${a.claim.file} and ${b.claim.file} both anchored to the same words in paragraph ${b.paragraph}.`,
        hint: 'Merge the two notes into one file, or anchor each to the words it is about.',
      }),
    );
  }
}
