/**
 * Permalink controls: every paragraph, quotation, claim note and glossary
 * entry has one. In the HTML it is a plain link to the fragment, which works
 * without JavaScript; the page's script turns it into a button that copies
 * the full address (src/scripts/permalinks.ts). Its text is drawn by the
 * stylesheet, so it adds no words to what it sits in.
 */
import type { Element } from 'hast';
import { fragment } from '../lib/ids.ts';

export const permalinkClass = 'ex-permalink';

/** The link's name: "Link to paragraph 3"; the button's is "Copy link to paragraph 3". */
export const permalinkLabel = (what: string) => `Link to ${what}`;

/** The control as a hast element, for HTML made outside Astro (the article). */
export function permalinkElement(id: string, what: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: [permalinkClass], href: fragment(id), ariaLabel: permalinkLabel(what) },
    children: [],
  };
}
