/**
 * The real markup of the page (`src/render/annotation-elements.ts`) through
 * the one renderer, on fixtures: `tests/fixtures/render/<case>/` holds
 * `input.txt`, `annotations.json` (annotations with their payloads, placed by
 * text) and `output.html`, the expected HTML, reviewed by eye.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/lib/annotations/types.ts';
import { parseArticle } from '../../src/lib/article/parse-article.ts';
import { annotationElement } from '../../src/render/annotation-elements.ts';
import { articleHtml } from '../../src/render/article-html.ts';
import { locate, type FixturePlace } from '../support/render-article.ts';

const fixtures = new URL('../fixtures/render/', import.meta.url);

/** An annotation as a fixture file writes it: placed by text, with its payload. */
type RenderFixture = FixturePlace & Omit<Annotation, 'start' | 'end'>;

describe('the article renderer with the page markup', () => {
  for (const name of readdirSync(fixtures)) {
    it(`renders the "${name}" fixture`, async () => {
      const input = readFileSync(new URL(`${name}/input.txt`, fixtures), 'utf8');
      const article = parseArticle(input, { keepResidue: true });
      const written = JSON.parse(readFileSync(new URL(`${name}/annotations.json`, fixtures), 'utf8')) as RenderFixture[];
      const annotations = written.map(({ exact, occurrence, after, at, ...a }) => ({ ...a, ...locate(article, { exact, occurrence, after, at }) }) as Annotation);
      const html = articleHtml(article, annotations, annotationElement);
      await expect(`${html}\n`).toMatchFileSnapshot(new URL(`${name}/output.html`, fixtures).pathname);
      // Whatever the markup, the article's words are all there, in order.
      const text = html.replace(/<span class="ex-sidenote"[\s\S]*?<\/a><\/span>/g, '').replace(/<sup[\s\S]*?<\/sup>/g, '').replace(/<[^>]+>/g, '');
      expect(text).toBe(input.trim());
    });
  }
});
