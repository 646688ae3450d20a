/**
 * Permalink controls: every paragraph, quotation, claim note and glossary
 * entry has one. In the HTML it is a plain link to the fragment, which works
 * without JavaScript; the page's script gives it a button's role and name
 * ("Copy link to paragraph 3") and makes it copy the full address
 * (src/scripts/permalinks.ts). Only attributes change, so the page is not laid
 * out again. Its text is drawn by the stylesheet, so it adds no words to what
 * it sits in.
 */
import type { Element } from 'hast';
import { fragment } from '../lib/ids.ts';

export const permalinkClass = 'ex-permalink';

/** The link's name: "Link to paragraph 3"; as a button it is "Copy link to paragraph 3". */
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
