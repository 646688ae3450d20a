/**
 * How each annotation kind becomes an element of the page. This is where the
 * page contract (../shared/DESIGN.md) is met: `data-term`, `data-claim`,
 * `role="doc-noteref"`, `data-speaker`.
 */
import type { ElementContent } from 'hast';
import type { ElementSpec, PartInfo } from '../annotations/apply-annotations.ts';
import type { Annotation } from '../annotations/types.ts';
import { claimStatusLabels, type ClaimStatus } from '../../schemas/claim.ts';

export interface QuotePayload {
  speaker: string;
  quoteId: string;
}
export interface SpeakerPayload {
  speaker: string;
}
export interface ClaimPayload {
  claim: string;
  number: number;
}
export interface NoteRefPayload {
  claim: string;
  number: number;
  status: ClaimStatus;
  /** The note's first sentence, shown beside its line (or in place on narrow screens). */
  summary: string;
  /** Whether the summary is the whole note. */
  complete: boolean;
}
export interface TermPayload {
  term: string;
}

export function renderAnnotation(a: Annotation, part: PartInfo): ElementSpec {
  const first = part.index === 0;
  const partProps = part.count > 1 ? { dataPart: `${part.index + 1}/${part.count}` } : {};
  switch (a.kind) {
    case 'dateline':
      return { tagName: 'span', properties: { className: ['ex-dateline'] } };
    case 'quote': {
      const p = a.payload as QuotePayload;
      return {
        tagName: 'span',
        properties: {
          className: ['ex-quote'],
          dataSpeaker: p.speaker,
          dataQuote: p.quoteId,
          ...(first ? { id: `quote-${p.quoteId}` } : {}),
          ...partProps,
        },
      };
    }
    case 'speaker': {
      const p = a.payload as SpeakerPayload;
      return {
        tagName: 'a',
        properties: { className: ['ex-speaker-link'], href: `#speaker-${p.speaker}`, dataSpeakerLink: p.speaker, ...partProps },
      };
    }
    case 'claim': {
      const p = a.payload as ClaimPayload;
      return { tagName: 'span', properties: { className: ['ex-claim'], dataClaimText: p.claim, ...partProps } };
    }
    case 'noteref': {
      const p = a.payload as NoteRefPayload;
      return {
        tagName: 'span',
        properties: { className: ['ex-note'] },
        children: [
          {
            type: 'element',
            tagName: 'sup',
            properties: { className: ['ex-noteref'] },
            children: [
              {
                type: 'element',
                tagName: 'a',
                properties: {
                  id: `claimref-${p.claim}`,
                  href: `#claim-${p.claim}`,
                  role: 'doc-noteref',
                  dataClaim: p.claim,
                  ariaLabel: `Note ${p.number}: ${claimStatusLabels[p.status]}`,
                  ariaControls: `sidenote-${p.claim}`,
                  ariaExpanded: 'false',
                },
                children: [{ type: 'text', value: String(p.number) }],
              },
            ],
          },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['ex-sidenote'], id: `sidenote-${p.claim}`, dataStatus: p.status, role: 'note', ariaLabel: `Note ${p.number}` },
            children: sidenote(p),
          },
        ],
      };
    }
    case 'term': {
      const p = a.payload as TermPayload;
      return {
        tagName: 'a',
        properties: {
          className: ['ex-term'],
          href: `#term-${p.term}`,
          dataTerm: p.term,
          ariaDescribedby: `term-def-${p.term}`,
          ...partProps,
        },
      };
    }
  }
}

/** The margin note: number, status, the note's gist and a link to all of it. */
function sidenote(p: NoteRefPayload): ElementContent[] {
  const text = (value: string): ElementContent => ({ type: 'text', value });
  return [
    { type: 'element', tagName: 'span', properties: { className: ['ex-sidenote-number'] }, children: [text(String(p.number))] },
    text(' '),
    { type: 'element', tagName: 'span', properties: { className: ['ex-status'], dataStatus: p.status }, children: [text(claimStatusLabels[p.status])] },
    text(` ${p.summary} `),
    {
      type: 'element',
      tagName: 'a',
      properties: { className: ['ex-sidenote-more'], href: `#claim-${p.claim}` },
      children: [text(p.complete ? 'Sources' : 'Full note and sources')],
    },
  ];
}
