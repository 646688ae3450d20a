/**
 * The tree builder: the parsed article model → mdast, one `paragraph` per
 * article paragraph holding one `text` node, and one `heading` (depth 2) per
 * sub-heading, in text order, with positions that point at the seed (line and
 * column) and into `Article.text` (offset). Nothing is read as Markdown or
 * HTML. The headline is not part of the tree: the page shows it with the
 * source credit.
 */
import type { Heading, Paragraph, Root, Text } from 'mdast';
import { paragraphId } from '../ids.ts';
import { locate } from '../text/positions.ts';
import type { Article } from './parse-article.ts';

export function articleToMdast(article: Article): Root {
  const point = (offset: number) => ({ ...locate(article.lineStarts, offset), offset });
  const textNode = (start: number, end: number): Text => ({
    type: 'text',
    value: article.text.slice(start, end),
    position: { start: point(start), end: point(end) },
  });
  const children: (Paragraph | Heading)[] = [];
  let h = 0;
  for (const p of article.paragraphs) {
    for (let heading = article.headings[h]; heading && heading.before === p.n; heading = article.headings[++h]) {
      children.push({
        type: 'heading',
        depth: 2,
        children: [textNode(heading.start, heading.end)],
        position: { start: point(heading.start), end: point(heading.end) },
        data: { hProperties: { id: heading.id } },
      });
    }
    children.push({
      type: 'paragraph',
      children: [textNode(p.start, p.end)],
      position: { start: point(p.start), end: point(p.end) },
      data: { hProperties: { id: paragraphId(p.n) } },
    });
  }
  return { type: 'root', children };
}
