/**
 * Remark plugin: applies a page's annotations to the article tree with the
 * one range mechanism in `apply-annotations.ts`.
 */
import type { Root } from 'mdast';
import { applyAnnotations, type RenderAnnotation } from './apply-annotations.ts';
import type { AnnotationRange } from './types.ts';

export interface Options<A extends AnnotationRange = AnnotationRange> {
  /** Every annotation of the page (default: none). */
  annotations?: readonly A[];
  /** How each kind becomes an element. */
  render: RenderAnnotation<A>;
}

export function remarkAnnotations<A extends AnnotationRange>(options: Options<A>) {
  const annotations = options.annotations ?? [];
  return (tree: Root): void => {
    applyAnnotations(tree, annotations, options.render);
  };
}
