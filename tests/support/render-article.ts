/** Test helpers: run the article pipeline on a small text with given annotations. */
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { articleParse } from '../../src/lib/article/article-parse.ts';
import { parseArticle, type Article } from '../../src/lib/article/parse-article.ts';
import type { RenderAnnotation } from '../../src/lib/annotations/apply-annotations.ts';
import { remarkAnnotations } from '../../src/lib/annotations/remark-annotations.ts';
import type { Annotation, AnnotationKind } from '../../src/lib/annotations/types.ts';

/** An annotation written against text instead of offsets, as fixture files do. */
export interface FixtureAnnotation {
  kind: AnnotationKind;
  id: string;
  /** The annotated text; its `occurrence`-th match (default 1) is used. */
  exact?: string;
  occurrence?: number;
  /** Zero-width: right after this text. */
  after?: string;
  /** Zero-width: at this offset. */
  at?: number;
  link?: boolean;
}

/** Offsets of a fixture annotation in the article text; throws if the text is not there. */
export function locate(article: Article, a: FixtureAnnotation): Annotation {
  const find = (needle: string, nth = 1) => {
    let from = -1;
    for (let i = 0; i < nth; i++) {
      from = article.text.indexOf(needle, from + 1);
      if (from === -1) throw new Error(`Fixture text not found: ${needle}`);
    }
    return from;
  };
  const base = { kind: a.kind, id: a.id, ...(a.link ? { link: true } : {}) };
  if (a.exact !== undefined) {
    const start = find(a.exact, a.occurrence);
    return { ...base, start, end: start + a.exact.length };
  }
  if (a.after !== undefined) {
    const at = find(a.after, a.occurrence) + a.after.length;
    return { ...base, start: at, end: at };
  }
  return { ...base, start: a.at ?? 0, end: a.at ?? 0 };
}

/** A neutral renderer that shows kind, id and part, so fixtures show the structure. */
export const debugRender: RenderAnnotation = (a, part) => ({
  tagName: a.start === a.end ? 'sup' : a.link ? 'a' : 'span',
  properties: {
    dataKind: a.kind,
    dataId: a.id,
    ...(part.count > 1 ? { dataPart: `${part.index + 1}/${part.count}` } : {}),
  },
  ...(a.start === a.end ? { children: [{ type: 'text' as const, value: '*' }] } : {}),
});

export function renderArticle(text: string, annotations: FixtureAnnotation[] | ((a: Article) => Annotation[]), render: RenderAnnotation = debugRender) {
  const article = parseArticle(text, { keepResidue: true });
  const list = typeof annotations === 'function' ? annotations(article) : annotations.map((a) => locate(article, a));
  const processor = unified()
    .use(articleParse, { keepResidue: true })
    .use(remarkAnnotations, { annotations: list, render })
    .use(remarkRehype)
    .use(rehypeStringify);
  const tree = processor.parse(text) as Root;
  const hast = processor.runSync(tree);
  return { article, tree, html: processor.stringify(hast) };
}
