import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Root, Text } from 'mdast';
import { applyAnnotations } from '../../src/lib/annotations/apply-annotations.ts';
import { articleToMdast } from '../../src/lib/article/article-to-mdast.ts';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { debugRender, renderArticle, type FixtureAnnotation } from '../support/render-article.ts';

const fixtures = new URL('../fixtures/ranges/', import.meta.url);

/** The visible text of some HTML: tags removed, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<sup[^>]*>\*<\/sup>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x3C;/g, '<')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('range core fixtures', () => {
  for (const name of readdirSync(fixtures)) {
    it(`applies the "${name}" fixture`, async () => {
      const input = readFileSync(new URL(`${name}/input.txt`, fixtures), 'utf8');
      const annotations = JSON.parse(readFileSync(new URL(`${name}/annotations.json`, fixtures), 'utf8')) as FixtureAnnotation[];
      const { html } = renderArticle(input, annotations);
      await expect(html + '\n').toMatchFileSnapshot(new URL(`${name}/output.html`, fixtures).pathname);
      // Every character of every paragraph is still there, in order.
      const paragraphs = input.split('\n').filter((l) => l.trim() !== '');
      expect(textOf(html).split('\n')).toEqual(paragraphs);
    });
  }
});

describe('applyAnnotations', () => {
  it('keeps every character when ranges cross in every possible way', () => {
    const text = 'abcdefghij klmnopqrst';
    // All ranges of length 1..4 over the first paragraph, many crossing each other.
    const { html } = renderArticle(text, () => {
      const list = [];
      for (let s = 0; s < 10; s += 2) list.push({ kind: 'term' as const, id: `t${s}`, start: s, end: s + 3 });
      for (let s = 1; s < 10; s += 3) list.push({ kind: 'claim' as const, id: `c${s}`, start: s, end: s + 4 });
      return list;
    });
    expect(textOf(html)).toBe(text);
    // Elements are well nested: every closing tag matches the last opened one.
    const stack: string[] = [];
    for (const m of html.matchAll(/<(\/?)(\w+)[^>]*>/g)) {
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]!);
    }
    expect(stack).toEqual([]);
  });

  it('leaves paragraphs without annotations untouched', () => {
    const article = parseArticle('First paragraph.\nSecond paragraph.');
    const tree = articleToMdast(article);
    const second = tree.children[1];
    const secondText = (second as { children: Text[] }).children[0];
    applyAnnotations(tree, [{ kind: 'term', id: 'first', start: 0, end: 5 }], debugRender);
    expect(tree.children[1]).toBe(second);
    expect((tree.children[1] as { children: Text[] }).children[0]).toBe(secondText);
  });

  it('splits at text-node boundaries inside one paragraph', () => {
    const article = parseArticle('abcdef');
    const tree: Root = articleToMdast(article);
    const paragraph = tree.children[0] as { children: Text[] };
    const [whole] = paragraph.children;
    const pos = (o: number) => ({ line: 1, column: o + 1, offset: o });
    paragraph.children = [
      { type: 'text', value: 'abc', position: { start: pos(0), end: pos(3) } },
      { type: 'text', value: 'def', position: { start: pos(3), end: pos(6) } },
    ];
    expect(whole!.value).toBe('abcdef');
    applyAnnotations(tree, [{ kind: 'term', id: 'cd', start: 2, end: 4 }], debugRender);
    const json = JSON.stringify(tree.children[0]);
    expect(json).toContain('"value":"ab"');
    expect(json).toContain('"value":"c"');
    expect(json).toContain('"value":"d"');
    expect(json).toContain('"value":"ef"');
  });

  it('refuses a range that runs across a paragraph break', () => {
    expect(() => renderArticle('One two.\nThree four.', () => [{ kind: 'claim', id: 'across', start: 4, end: 14 }])).toThrow(
      /claim “across” does not lie inside one paragraph/,
    );
  });

  it('refuses a link inside another link', () => {
    expect(() =>
      renderArticle('Kevin Xu said so.', () => [
        { kind: 'speaker', id: 'kevin-xu', start: 0, end: 8, link: true },
        { kind: 'term', id: 'xu', start: 6, end: 8, link: true },
      ]),
    ).toThrow(/links cannot nest/);
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => renderArticle('Some text.', () => [{ kind: 'term', id: 'bad', start: 5, end: 2 }])).toThrow(/ends \(2\) before it starts \(5\)/);
  });
});
