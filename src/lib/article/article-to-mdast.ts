/**
 * The tree builder: the parsed article model → mdast, one `paragraph` per
 * article paragraph holding one `text` node, with positions that point at the
 * seed (line and column) and into `Article.text` (offset). Nothing is read as
 * Markdown or HTML.
 */
import type { Paragraph, Root, Text } from 'mdast';
import { paragraphId } from '../ids.ts';
import { locate } from '../text/positions.ts';
import type { Article } from './parse-article.ts';

export function articleToMdast(article: Article): Root {
  const point = (offset: number) => ({ ...locate(article.lineStarts, offset), offset });
  const children: Paragraph[] = article.paragraphs.map((p) => {
    const position = { start: point(p.start), end: point(p.end) };
    const text: Text = { type: 'text', value: article.text.slice(p.start, p.end), position };
    return {
      type: 'paragraph',
      children: [text],
      position,
      data: { hProperties: { id: paragraphId(p.n) } },
    };
  });
  return { type: 'root', children };
}
