/**
 * Markdown of editors' notes, definitions and bios, rendered once to hast and
 * HTML. Raw HTML is refused and links must be http(s) or in-page fragments,
 * so what an editor writes can never inject markup or scripts.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { type ContentMessage, error } from '../messages.ts';
import { httpUrlSchema } from '../../schemas/common.ts';

export interface RenderedMarkdown {
  hast: HastRoot;
  html: string;
  /** The text without markup, for descriptions and previews. */
  text: string;
}

const parser = unified().use(remarkParse);
const toHast = unified().use(remarkRehype);

/**
 * Renders a Markdown body. `bodyLine` is the line of the file the body starts
 * on, so problems point at the right line of the file.
 */
export function renderMarkdown(file: string, body: string, bodyLine: number, messages: ContentMessage[]): RenderedMarkdown {
  const mdast = parser.parse(body) as Root;
  const where = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: (node.position?.start.line ?? 1) + bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });

  visit(mdast, (node) => {
    if (node.type === 'html') {
      messages.push(
        error({
          ruleId: 'markdown-html',
          file,
          ...where(node),
          reason: `Expected Markdown text, found raw HTML \`${node.value.slice(0, 60)}\`.`,
          hint: 'Write the text without HTML tags; use Markdown for emphasis and links.',
        }),
      );
    }
    if (node.type === 'link' || node.type === 'definition') {
      if (!node.url.startsWith('#') && !httpUrlSchema.safeParse(node.url).success) {
        messages.push(
          error({
            ruleId: 'url',
            file,
            ...where(node),
            reason: `Expected an http(s) link, found "${node.url}".`,
            hint: 'Link only to http:// or https:// addresses.',
          }),
        );
      }
    }
  });

  const hast = toHast.runSync(mdast) as HastRoot;
  visit(hast, 'element', (el: Element) => {
    if (el.tagName === 'a' && typeof el.properties.href === 'string' && /^https?:/.test(el.properties.href)) {
      el.properties.rel = ['noopener', 'noreferrer'];
    }
  });
  return { hast, html: toHtml(hast), text: plainText(mdast) };
}

function plainText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    if (node.type === 'paragraph' && parts.length) parts.push(' ');
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}
