/**
 * How each annotation kind becomes an element of the page. This is where the
 * page contract (../shared/DESIGN.md) is met: `data-term`, `data-claim`,
 * `role="doc-noteref"`, `data-speaker`.
 */
import type { ElementContent } from 'hast';
import type { ElementSpec, PartInfo } from '../annotations/apply-annotations.ts';
import type { Annotation } from '../annotations/types.ts';
import type { ClaimStatus } from '../../schemas/claim.ts';

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
  statusLabel: string;
  /** The note, shown beside its line on wide screens and in place on narrow ones. */
  sidenote: ElementContent[];
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
                  ariaLabel: `Note ${p.number}: ${p.statusLabel}`,
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
            children: p.sidenote,
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
