/**
 * Gives each paragraph of the article its permalink control, last in the
 * paragraph (src/render/permalink.ts).
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { paragraphId } from '../lib/ids.ts';
import { permalinkElement } from './permalink.ts';

export interface Options {
  /** The numbers of the article's paragraphs (`p-N`). */
  paragraphs: readonly number[];
}

export function rehypeParagraphLinks(options: Options) {
  const numbers = new Map(options.paragraphs.map((n) => [paragraphId(n), n]));
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const n = node.tagName === 'p' ? numbers.get(String(node.properties.id)) : undefined;
      if (n !== undefined) node.children.push(permalinkElement(paragraphId(n), `paragraph ${n}`));
    });
  };
}
