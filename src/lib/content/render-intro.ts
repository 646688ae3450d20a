/**
 * The editor's introduction (the body of `content/explainers/<slug>.mdx`),
 * rendered as data: it is parsed with the MDX syntax, and anything that would
 * run code (imports, exports, `{expressions}`, JSX elements) is refused with
 * its file, line and column. What remains is Markdown, rendered to HTML as
 * Astro renders Markdown (GFM, smart punctuation, heading ids). Nothing of it
 * is ever compiled or executed.
 */
import Slugger from 'github-slugger';
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { type ContentMessage, error } from '../messages.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const toHast = unified().use(remarkSmartypants).use(remarkRehype);

/** What each refused MDX construct is, for messages. */
const refused: Record<string, string> = {
  mdxjsEsm: 'an import or export',
  mdxFlowExpression: 'a {…} expression',
  mdxTextExpression: 'a {…} expression',
  mdxJsxFlowElement: 'a JSX element',
  mdxJsxTextElement: 'a JSX element',
};

/**
 * Renders an introduction. `bodyLine` is the line of the file the body starts
 * on, so problems point at the right line of the file.
 */
export function renderIntro(file: string, body: string, bodyLine: number, messages: ContentMessage[]): string {
  let mdast: Root;
  try {
    mdast = parser.parse(body);
  } catch (e) {
    const place = (e as { line?: number; column?: number });
    messages.push(
      error({
        ruleId: 'mdx-syntax',
        file,
        line: (place.line ?? 1) + bodyLine - 1,
        ...(place.column ? { column: place.column } : {}),
        reason: `Expected Markdown, found text the MDX syntax cannot read: ${(e as Error).message.split('\n')[0]}`,
        hint: 'Write `\\{` and `\\<` for a literal brace or angle bracket.',
      }),
    );
    return '';
  }
  let ok = true;
  visit(mdast, (node) => {
    const what = refused[node.type];
    if (!what) return;
    ok = false;
    messages.push(
      error({
        ruleId: 'mdx-code',
        file,
        line: (node.position?.start.line ?? 1) + bodyLine - 1,
        column: node.position?.start.column ?? 1,
        reason: `Expected Markdown in the introduction, found ${what}: an introduction is data and never runs code.`,
        hint: 'Remove it; write the text in Markdown.',
      }),
    );
  });
  if (!ok) return '';
  const hast = toHast.runSync(mdast) as HastRoot;
  addHeadingIds(hast);
  return toHtml(hast);
}

/** `id`s on headings, from their text, as Astro gives them. */
function addHeadingIds(tree: HastRoot): void {
  const slugger = new Slugger();
  visit(tree, 'element', (el: Element) => {
    if (!/^h[1-6]$/.test(el.tagName)) return;
    el.properties.id = slugger.slug(toString(el));
  });
}
