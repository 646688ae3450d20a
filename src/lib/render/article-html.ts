/** The article tree, with its annotations applied, as HTML. */
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { remarkAnnotations } from '../annotations/remark-annotations.ts';
import type { Annotation } from '../annotations/types.ts';
import { renderAnnotation } from './render-annotation.ts';

export function articleHtml(tree: Root, annotations: readonly Annotation[]): string {
  const processor = unified()
    .use(remarkAnnotations, { annotations, render: renderAnnotation })
    .use(remarkRehype)
    .use(rehypeStringify);
  return processor.stringify(processor.runSync(tree));
}
