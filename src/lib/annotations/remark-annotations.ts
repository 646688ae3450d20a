/**
 * Remark plugin: applies a page's annotations to the article tree with the
 * one range mechanism in `apply-annotations.ts`.
 */
import type { Root } from 'mdast';
import { applyAnnotations, type RenderAnnotation } from './apply-annotations.ts';
import type { Annotation } from './types.ts';

export interface Options {
  /** Every annotation of the page (default: none). */
  annotations?: readonly Annotation[];
  /** How each kind becomes an element. */
  render: RenderAnnotation;
}

export function remarkAnnotations(options: Options) {
  const annotations = options.annotations ?? [];
  return (tree: Root): void => {
    applyAnnotations(tree, annotations, options.render);
  };
}
