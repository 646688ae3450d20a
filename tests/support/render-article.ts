/**
 * Test helpers: run a small text through the one article renderer
 * (`src/render/article-html.ts`) with annotations written against the text.
 */
import { parseArticle, type Article } from '../../src/lib/article/parse-article.ts';
import type { RenderAnnotation } from '../../src/lib/annotations/apply-annotations.ts';
import type { AnnotationKind, AnnotationRange } from '../../src/lib/annotations/types.ts';
import { articleHtml } from '../../src/render/article-html.ts';

/** Where a fixture annotation is, written against the text instead of offsets. */
export interface FixturePlace {
  /** The annotated text; its `occurrence`-th match (default 1) is used. */
  exact?: string;
  occurrence?: number;
  /** Zero-width: right after this text. */
  after?: string;
  /** Zero-width: at this offset. */
  at?: number;
}

/** A range-core fixture annotation: kind and id only, rendered by `debugRender`. */
export interface FixtureAnnotation extends FixturePlace {
  kind: AnnotationKind;
  id: string;
  link?: boolean;
}

/** Offsets of a fixture place in the article text; throws if the text is not there. */
export function locate(article: Article, a: FixturePlace): { start: number; end: number } {
  const find = (needle: string, nth = 1) => {
    let from = -1;
    for (let i = 0; i < nth; i++) {
      from = article.text.indexOf(needle, from + 1);
      if (from === -1) throw new Error(`Fixture text not found: ${needle}`);
    }
    return from;
  };
  if (a.exact !== undefined) {
    const start = find(a.exact, a.occurrence);
    return { start, end: start + a.exact.length };
  }
  if (a.after !== undefined) {
    const at = find(a.after, a.occurrence) + a.after.length;
    return { start: at, end: at };
  }
  return { start: a.at ?? 0, end: a.at ?? 0 };
}

/** A neutral renderer that shows kind, id and part, so range-core fixtures show the structure. */
export const debugRender: RenderAnnotation = (a, part) => ({
  tagName: a.start === a.end ? 'sup' : a.link ? 'a' : 'span',
  properties: {
    dataKind: a.kind,
    dataId: a.id,
    ...(part.count > 1 ? { dataPart: `${part.index + 1}/${part.count}` } : {}),
  },
  ...(a.start === a.end ? { children: [{ type: 'text' as const, value: '*' }] } : {}),
});

/** Renders a text with range-core annotations through the one renderer, with `debugRender`. */
export function renderArticle(text: string, annotations: FixtureAnnotation[] | ((a: Article) => AnnotationRange[])) {
  const article = parseArticle(text, { keepResidue: true });
  const list =
    typeof annotations === 'function'
      ? annotations(article)
      : annotations.map((a) => ({ kind: a.kind, id: a.id, ...(a.link ? { link: true } : {}), ...locate(article, a) }));
  return { article, html: articleHtml(article, list, debugRender) };
}
