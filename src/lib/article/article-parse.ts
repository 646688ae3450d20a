/**
 * A unified parser for plain-text articles: turns the text into mdast with
 * one `paragraph` per article paragraph and one `text` node in each, carrying
 * offsets into the normalized text. Nothing is read as Markdown or HTML.
 */
import type { Paragraph, Root, Text } from 'mdast';
import type { Processor } from 'unified';
import { lineLocator } from '../errors.ts';
import { type Article, type ParseArticleOptions, parseArticle } from './parse-article.ts';

export type Options = ParseArticleOptions;

declare module 'mdast' {
  interface RootData {
    /** The article model the tree was made from. */
    article?: Article;
  }
}

/** Parser plugin: `unified().use(articleParse)` reads plain text. */
export function articleParse(this: Processor, options?: Options | null): void {
  const settings = options ?? {};
  const self = this as unknown as Processor<Root>;
  self.parser = (doc: string) => articleToMdast(parseArticle(doc, settings));
}

/** The mdast of an already parsed article. */
export function articleToMdast(article: Article): Root {
  const locate = lineLocator(article.text);
  const point = (offset: number) => ({ ...locate(offset), offset });
  const children: Paragraph[] = article.paragraphs.map((p) => {
    const position = { start: point(p.start), end: point(p.end) };
    const text: Text = { type: 'text', value: article.text.slice(p.start, p.end), position };
    return {
      type: 'paragraph',
      children: [text],
      position,
      data: { hProperties: { id: `p-${p.n}` } },
    };
  });
  return { type: 'root', children, data: { article } };
}
