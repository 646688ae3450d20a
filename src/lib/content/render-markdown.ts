/**
 * Markdown of editors' notes, definitions and bios, rendered once to hast and
 * HTML. Raw HTML is refused, every link and image passes the URL policy, and
 * the result is sanitized (`markdown-safety.ts`), so what an editor writes can
 * never inject markup or scripts.
 */
import type { Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { type ContentMessage, error } from '../messages.ts';
import type { UrlPolicyOptions } from '../url-policy.ts';
import { checkMarkdownUrls, markExternalLinks, placeOf, sanitizeProse } from './markdown-safety.ts';

export interface RenderedMarkdown {
  /** The HTML, or '' when only checking (`html: false`). */
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
export interface RenderOptions extends UrlPolicyOptions {
  /** Render HTML (default: true); `npm run validate` only checks. */
  html?: boolean;
}

export function renderMarkdown(file: string, body: string, bodyLine: number, messages: ContentMessage[], options: RenderOptions = {}): RenderedMarkdown {
  const mdast = parser.parse(body) as Root;
  const place = { file, bodyLine };
  visit(mdast, 'html', (node) => {
    // One message per element: its closing tag is not a second problem.
    if (/^<\//.test(node.value)) return;
    messages.push(
      error({
        ruleId: 'markdown-html',
        file,
        ...placeOf(place, node),
        reason: `Expected Markdown text, found raw HTML \`${node.value.slice(0, 60)}\`.`,
        hint: 'Write the text without HTML tags; use Markdown for emphasis and links.',
      }),
    );
  });
  checkMarkdownUrls(mdast, place, messages, options);

  if (options.html === false) return { html: '', text: plainText(mdast) };
  const hast = sanitizeProse(toHast.runSync(mdast) as HastRoot);
  markExternalLinks(hast);
  return { html: toHtml(hast), text: plainText(mdast) };
}

function plainText(tree: Root): string {
  const parts: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    if (node.type === 'paragraph' && parts.length) parts.push(' ');
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}
