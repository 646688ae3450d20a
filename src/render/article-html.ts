/**
 * The one renderer of an article: the parsed article and its annotations →
 * HTML. The explainer page calls it with `annotationElement`; the range-core
 * fixture tests call it with a neutral renderer, so both go through the same
 * tree builder, range core and serializer.
 */
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { RenderAnnotation } from '../lib/annotations/apply-annotations.ts';
import { remarkAnnotations } from '../lib/annotations/remark-annotations.ts';
import type { AnnotationRange } from '../lib/annotations/types.ts';
import { articleToMdast } from '../lib/article/article-to-mdast.ts';
import type { Article } from '../lib/article/parse-article.ts';
import { rehypeParagraphLinks } from './rehype-paragraph-links.ts';

export interface ArticleHtmlOptions {
  /** Give each paragraph its permalink control (default: false; the page sets it). */
  paragraphLinks?: boolean;
}

/** The article's paragraphs as HTML, each annotation an element made by `render`. */
export function articleHtml<A extends AnnotationRange>(
  article: Article,
  annotations: readonly A[],
  render: RenderAnnotation<A>,
  options: ArticleHtmlOptions = {},
): string {
  const processor = unified()
    .use(remarkAnnotations<A>, { annotations, render })
    .use(remarkRehype)
    .use(rehypeParagraphLinks, { paragraphs: options.paragraphLinks ? article.paragraphs.map((p) => p.n) : [] })
    .use(rehypeStringify);
  return processor.stringify(processor.runSync(articleToMdast(article)));
}
