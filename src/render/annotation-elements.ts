/**
 * How each annotation kind becomes an element of the page: classes, ARIA and
 * the words readers see. This is where the page contract (DESIGN.md) is met:
 * `data-term`, `data-claim`, `role="doc-noteref"`, `data-speaker`.
 */
import type { ElementContent } from 'hast';
import type { ElementSpec, PartInfo } from '../lib/annotations/apply-annotations.ts';
import type { Annotation, NoteRefAnnotation } from '../lib/annotations/types.ts';
import { claimId, definitionId, fragment, noteRefId, quoteId, sidenoteId, speakerId, termId } from '../lib/ids.ts';
import { claimStatusLabels } from '../schemas/claim.ts';

export function annotationElement(a: Annotation, part: PartInfo): ElementSpec {
  const first = part.index === 0;
  const partProps = part.count > 1 ? { dataPart: `${part.index + 1}/${part.count}` } : {};
  switch (a.kind) {
    case 'dateline':
      return { tagName: 'span', properties: { className: ['ex-dateline'] } };
    case 'quote':
      return {
        tagName: 'span',
        properties: {
          className: ['ex-quote'],
          dataSpeaker: a.payload.speaker,
          dataQuote: a.payload.quoteId,
          ...(first ? { id: quoteId(a.payload.quoteId) } : {}),
          ...partProps,
        },
      };
    case 'speaker':
      return {
        tagName: 'a',
        properties: { className: ['ex-speaker-link'], href: fragment(speakerId(a.payload.speaker)), dataSpeakerLink: a.payload.speaker, ...partProps },
      };
    case 'claim':
      return { tagName: 'span', properties: { className: ['ex-claim'], dataClaimText: a.payload.claim, ...partProps } };
    case 'noteref':
      return noteMarker(a.payload);
    case 'term':
      return {
        tagName: 'a',
        properties: {
          className: ['ex-term'],
          href: fragment(termId(a.payload.term)),
          dataTerm: a.payload.term,
          ariaDescribedby: definitionId(a.payload.term),
          ...partProps,
        },
      };
  }
}

/**
 * The note marker and its sidenote. The marker is a plain link to the note;
 * it gets `aria-expanded` only from the script, and only while notes open in
 * place (narrow screens): in the margin, or without JavaScript, nothing is
 * collapsed, so nothing says so.
 *
 * Both are the page's presentation of a note, which the stylesheet shows
 * (`.ex-note[hidden]` in annotations.css). Clients that read the page without
 * it (reader modes such as Firefox's Readability, read-later apps, text
 * browsers) honour `hidden` and get the article's own sentences, with no
 * number, rating or "Full note and sources" inside them; the notes
 * themselves are in the endnotes. The search index leaves it out for the same
 * reason (`data-pagefind-ignore`): a note's gist is indexed once, from the
 * endnote, and an excerpt of the article reads as the article.
 */
function noteMarker(p: NoteRefAnnotation['payload']): ElementSpec {
  return {
    tagName: 'span',
    properties: { className: ['ex-note'], hidden: true, dataPagefindIgnore: '' },
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
              id: noteRefId(p.claim),
              href: fragment(claimId(p.claim)),
              role: 'doc-noteref',
              dataClaim: p.claim,
              ariaLabel: `Note ${p.number}: ${claimStatusLabels[p.status]}`,
              ariaControls: sidenoteId(p.claim),
            },
            children: [{ type: 'text', value: String(p.number) }],
          },
        ],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['ex-sidenote'], id: sidenoteId(p.claim), dataStatus: p.status, role: 'note', ariaLabel: `Note ${p.number}` },
        children: sidenote(p),
      },
    ],
  };
}

/** The margin note: number, status, the note's gist and a link to all of it. */
function sidenote(p: NoteRefAnnotation['payload']): ElementContent[] {
  const text = (value: string): ElementContent => ({ type: 'text', value });
  return [
    { type: 'element', tagName: 'span', properties: { className: ['ex-sidenote-number'] }, children: [text(String(p.number))] },
    text(' '),
    { type: 'element', tagName: 'span', properties: { className: ['ex-status'], dataStatus: p.status }, children: [text(claimStatusLabels[p.status])] },
    text(` ${p.summary} `),
    {
      type: 'element',
      tagName: 'a',
      properties: { className: ['ex-sidenote-more'], href: fragment(claimId(p.claim)) },
      children: [text(p.complete ? 'Sources' : 'Full note and sources')],
    },
  ];
}
