/**
 * The article renderer writes the annotated tree straight to HTML. These
 * tests hold it to the bytes the unified route gives the same tree
 * (`mdast-util-to-hast`, as `remark-rehype` runs it, then `hast-util-to-html`,
 * as `rehype-stringify` does), on the real DeepSeek page and on every article
 * fixture under thousands of random, crossing annotations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { describe, expect, it } from 'vitest';
import { applyAnnotations, type RenderAnnotation } from '../../src/lib/annotations/apply-annotations.ts';
import { type AnnotationRange, annotationKinds } from '../../src/lib/annotations/types.ts';
import { articleToMdast } from '../../src/lib/article/article-to-mdast.ts';
import { type Article, parseArticle } from '../../src/lib/article/parse-article.ts';
import { loadProject } from '../../src/lib/content/load-project.ts';
import { paragraphId } from '../../src/lib/ids.ts';
import { annotationElement } from '../../src/render/annotation-elements.ts';
import { articleHtml } from '../../src/render/article-html.ts';
import { permalinkElement } from '../../src/render/permalink.ts';
import { projectRoot } from '../support/build-site.ts';
import { debugRender } from '../support/render-article.ts';

/** The same tree through hast: what `remark-rehype` and `rehype-stringify` make of it. */
function throughHast<A extends AnnotationRange>(article: Article, annotations: readonly A[], render: RenderAnnotation<A>, paragraphLinks: boolean): string {
  const tree = articleToMdast(article);
  applyAnnotations(tree, annotations, render);
  const hast = toHast(tree) as Root;
  if (paragraphLinks) {
    const numbers = new Map(article.paragraphs.map((p) => [paragraphId(p.n), p.n]));
    for (const node of hast.children) {
      const n = node.type === 'element' && node.tagName === 'p' ? numbers.get(String(node.properties.id)) : undefined;
      if (n !== undefined) (node as Element).children.push(permalinkElement(paragraphId(n), `paragraph ${n}`));
    }
  }
  return toHtml(hast);
}

/** A small deterministic generator, so a failure can be run again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` annotations of every kind at random places inside paragraphs, crossing each other freely; none is a link, so none can nest in one. */
function randomAnnotations(article: Article, count: number, seed: number): AnnotationRange[] {
  const next = random(seed);
  const out: AnnotationRange[] = [];
  for (let i = 0; i < count && article.paragraphs.length; i++) {
    const p = article.paragraphs[Math.floor(next() * article.paragraphs.length)]!;
    const a = p.start + Math.floor(next() * (p.end - p.start + 1));
    const b = next() < 0.2 ? a : p.start + Math.floor(next() * (p.end - p.start + 1));
    out.push({ kind: annotationKinds[i % annotationKinds.length]!, id: `a${i}`, start: Math.min(a, b), end: Math.max(a, b) });
  }
  return out;
}

const articleFixtures = new URL('../fixtures/articles/', import.meta.url);
const seeds = readdirSync(articleFixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({ name: d.name, text: readFileSync(new URL(`${d.name}/seed.txt`, articleFixtures), 'utf8') }));

/** Characters that need references in text or attributes, and text around them. */
const awkward = [
  'AT&T said <b>nothing</b> of "it" or of \'that\', in `code`, & then a&b.',
  'HONG KONG — “We’re done,” said Jane O’Neill & Co. <script>alert(1)</script>',
  'Plain paragraph, tab\there, and trailing spaces   ',
].join('\n\n');

describe('the article serializer', () => {
  it('writes the DeepSeek page byte for byte as the unified route does, with and without paragraph links', () => {
    const page = loadProject({ root: projectRoot }).explainers.find((p) => p.slug === 'deepseek-r1')!;
    for (const links of [true, false]) {
      const html = articleHtml(page.article, page.annotations, annotationElement, { paragraphLinks: links });
      expect(html).toBe(throughHast(page.article, page.annotations, annotationElement, links));
      expect(html).toContain('role="doc-noteref"');
      expect(html.includes('class="ex-permalink"')).toBe(links);
    }
  });

  for (const { name, text } of [...seeds, { name: 'awkward characters', text: awkward }]) {
    it(`writes "${name}" under random crossing annotations as the unified route does`, () => {
      const article = parseArticle(text, { keepResidue: true });
      for (const seed of [1, 2, 3]) {
        const annotations = randomAnnotations(article, 60, seed);
        const html = articleHtml(article, annotations, debugRender, { paragraphLinks: seed === 1 });
        expect(html).toBe(throughHast(article, annotations, debugRender, seed === 1));
      }
    });
  }

  it('escapes what HTML needs escaped, in text and in attributes', () => {
    const article = parseArticle(awkward, { keepResidue: true });
    const start = article.text.indexOf('"it"');
    const html = articleHtml(article, [{ kind: 'term', id: `x"'&\`<`, start, end: start + 4 }], debugRender);
    expect(html).toContain('AT&#x26;T said &#x3C;b>nothing&#x3C;/b>');
    expect(html).toContain('data-id="x&#x22;&#x27;&#x26;&#x60;<"');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});
