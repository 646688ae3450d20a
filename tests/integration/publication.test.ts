/**
 * What the site offers beyond its pages, checked on one build under a
 * pull-request preview's base path: how reader modes see an explainer
 * (Firefox's Readability, also behind many read-later apps).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy, projectRoot, type BuildResult } from '../support/build-site.ts';
import { seedLines, squash } from '../support/seed.ts';

const base = '/pr-preview/pr-7/';
const site = 'https://preview.example';
let build: BuildResult;

/** Every explainer of the project, by slug. */
const slugs = readdirSync(join(projectRoot, 'content/explainers'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''))
  .sort();

const built = (path: string) => readFileSync(join(build.outDir, path), 'utf8');

beforeAll(() => {
  const root = projectCopy('publication');
  build = astroBuild(root, join(root, 'dist'), ['--base', base, '--site', site]);
}, 300_000);

it('builds', () => {
  expect(build.status, build.output).toBe(0);
});

describe('in reader mode (Readability)', () => {
  /** An explainer as Readability extracts it, and the page it came from. */
  function read(slug: string) {
    const html = built(`${slug}/index.html`);
    const { document } = parseHTML(html);
    const credit = squash(document.querySelector('.ex-meta dd')!.textContent!);
    const article = new Readability(document).parse()!;
    return { article, credit, body: parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document };
  }

  it('keeps all 30 paragraphs of the DeepSeek article intact and in order, the dateline inside the first', () => {
    const { body } = read('deepseek-r1');
    const paragraphs = [...body.querySelectorAll('p[id^="p-"]')];
    expect(paragraphs.map((p) => p.id)).toEqual(Array.from({ length: 30 }, (_, i) => `p-${i + 1}`));
    paragraphs.forEach((p, i) => expect(squash(p.textContent!), p.id).toBe(squash(seedLines[i]!)));
    expect(squash(paragraphs[0]!.textContent!)).toMatch(/^HONG KONG — An artificial intelligence lab/);
  });

  for (const slug of slugs) {
    it(`${slug}: takes the page's credit as the byline and its headline as the title`, () => {
      const { article, credit } = read(slug);
      expect(article.byline).toBe(credit);
      expect(article.title).toBe(squash(parseHTML(built(`${slug}/index.html`)).document.querySelector('h1')!.textContent!));
    });

    it(`${slug}: leaves margin notes, endnotes, the glossary and speaker cards out of the body`, () => {
      const { article, body } = read(slug);
      expect(body.querySelectorAll('[role="doc-noteref"], .ex-sidenote, [role="doc-endnotes"], [role="doc-glossary"], .ex-card, button').length).toBe(0);
      for (const chrome of ['Full note and sources', 'Back to the text', 'Notes on the claims', 'Who is quoted', 'In order of first use']) {
        expect(article.textContent).not.toContain(chrome);
      }
      expect(article.textContent).not.toMatch(/\b(VERIFIED|Verified|Needs context|Disputed|Unverified)\b/);
    });
  }
});
