/**
 * The editor's introduction (the body of `content/explainers/<slug>.mdx`),
 * rendered as data, never as code.
 *
 * It is parsed with the MDX syntax, then checked before anything else: imports,
 * exports and `{expressions}` are refused, and JSX is limited to the
 * allow-list below (the project's own components, and a few inline HTML
 * elements), with string attributes only: no event handlers, no spreads, no
 * `script`, `iframe`, `object`, `embed`, `form` or `style`. Every problem is an
 * error at its file, line and column. What passes becomes plain elements, is
 * rendered as Astro renders Markdown (GFM, smart punctuation, heading ids),
 * and is sanitized like every Markdown field. Nothing of it is compiled or
 * executed, at build time or in the browser.
 */
import Slugger from 'github-slugger';
import type { Element, Properties, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { introHeadingId } from '../ids.ts';
import { type ContentMessage, error } from '../messages.ts';
import type { UrlPolicyOptions } from '../url-policy.ts';
import { type BodyPlace, checkMarkdownUrls, markExternalLinks, placeOf, sanitizeProse } from './markdown-safety.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const toHast = unified().use(remarkSmartypants).use(remarkRehype);

/** A component or element an introduction may use, and what it becomes. */
interface Allowed {
  /** Attributes it takes (string values only). */
  attributes: readonly string[];
  /** The element it becomes, with its properties. */
  render: (attributes: ReadonlyMap<string, string>) => { tagName: string; properties: Properties; title?: string | undefined };
}

/**
 * The allow-list, documented in README ("Trust model"):
 * `<Aside title="…">Markdown</Aside>` is a boxed aside with an optional title;
 * `<abbr title="…">`, `<sub>`, `<sup>` and `<br />` are themselves.
 */
export const introComponents: ReadonlyMap<string, Allowed> = new Map([
  ['Aside', { attributes: ['title'], render: (a) => ({ tagName: 'aside', properties: { className: ['ex-aside'] }, ...(a.get('title') ? { title: a.get('title') } : {}) }) }],
  ['abbr', { attributes: ['title'], render: (a) => ({ tagName: 'abbr', properties: a.has('title') ? { title: a.get('title') } : {} }) }],
  ['sub', { attributes: [], render: () => ({ tagName: 'sub', properties: {} }) }],
  ['sup', { attributes: [], render: () => ({ tagName: 'sup', properties: {} }) }],
  ['br', { attributes: [], render: () => ({ tagName: 'br', properties: {} }) }],
]);

/** Elements refused by name, with the reason, so the message says why. */
const dangerous = new Set(['script', 'iframe', 'object', 'embed', 'form', 'style', 'link', 'meta', 'base', 'frame', 'frameset', 'svg', 'math', 'template']);

/** MDX constructs that would run code. */
const codeNodes: ReadonlyMap<string, string> = new Map([
  ['mdxjsEsm', 'an import or export'],
  ['mdxFlowExpression', 'a {…} expression'],
  ['mdxTextExpression', 'a {…} expression'],
]);

/**
 * Renders an introduction. `bodyLine` is the line of the file the body starts
 * on, so problems point at the right line of the file.
 */
export function renderIntro(file: string, body: string, bodyLine: number, messages: ContentMessage[], options: UrlPolicyOptions = {}): string {
  const place: BodyPlace = { file, bodyLine };
  let mdast: Root;
  try {
    mdast = parser.parse(body);
  } catch (e) {
    // The parser's message names a place inside the body (`(3:1-3:35)`): it is given as the file's place instead.
    const at = e as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string };
    const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)/.exec((e as Error).message);
    const start = at.place?.start ?? at.place ?? (at.line ? { line: at.line, column: at.column } : inText ? { line: Number(inText[1]), column: Number(inText[2]) } : {});
    messages.push(
      error({
        ruleId: 'mdx-syntax',
        file,
        line: (start.line ?? 1) + bodyLine - 1,
        ...(start.column ? { column: start.column } : {}),
        reason: `Expected Markdown, found text the MDX syntax cannot read: ${(at.reason ?? (e as Error).message).split('\n')[0]!.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)/g, '')}`,
        hint: 'Close every element you open; write \\{ and \\< for a literal brace or angle bracket.',
      }),
    );
    return '';
  }
  const before = messages.length;
  visit(mdast, (node) => {
    const code = codeNodes.get(node.type);
    if (code) {
      messages.push(error({ ruleId: 'mdx-code', file, ...placeOf(place, node), reason: `Expected Markdown in the introduction, found ${code}: an introduction is data and never runs code.`, hint: 'Remove it; write the text in Markdown.' }));
      return 'skip';
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      // What is inside a refused element is not looked at: one message per problem.
      return toElement(node, place, messages) ? undefined : 'skip';
    }
    return undefined;
  });
  checkMarkdownUrls(mdast, place, messages, options);
  if (messages.length > before && messages.slice(before).some((m) => m.fatal)) return '';
  const hast = sanitizeProse(toHast.runSync(mdast) as HastRoot);
  addHeadingIds(hast);
  markExternalLinks(hast);
  return toHtml(hast);
}

/** Checks a JSX element against the allow-list and turns it into a plain element (in place); false when it is refused. */
function toElement(node: MdxJsxFlowElement | MdxJsxTextElement, place: BodyPlace, messages: ContentMessage[]): boolean {
  const name = node.name ?? '';
  const refuse = (ruleId: string, reason: string, hint: string, at: { position?: MdxJsxFlowElement['position'] } = node) => {
    messages.push(error({ ruleId, file: place.file, ...placeOf(place, at), reason, hint }));
    return false;
  };
  const allowedNames = [...introComponents.keys()].map((n) => `<${n}>`).join(', ');
  if (dangerous.has(name.toLowerCase())) {
    return refuse('mdx-element', `Expected only allowed elements in the introduction, found <${name}>, which could run code or load another page.`, `Remove it. Allowed: ${allowedNames}.`);
  }
  const allowed = introComponents.get(name);
  if (!allowed) {
    return refuse('mdx-element', `Expected only allowed components and elements in the introduction, found <${name || 'fragment'}>.`, `Use Markdown, or one of ${allowedNames}.`);
  }
  const values = new Map<string, string>();
  for (const attribute of node.attributes) {
    const problem = attributeProblem(attribute, allowed);
    if (problem) {
      const takes = allowed.attributes.length ? `<${name}> takes ${allowed.attributes.map((a) => `${a}="…"`).join(', ')}.` : `<${name}> takes no attributes.`;
      return refuse('mdx-attribute', `Expected ${problem} on <${name}>.`, takes, attribute.position ? attribute : node);
    }
    if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') values.set(attribute.name, attribute.value);
  }
  const { tagName, properties, title } = allowed.render(values);
  const children = node.children as RootContent[];
  if (title) children.unshift({ type: 'paragraph', data: { hProperties: { className: ['ex-aside-title'] } }, children: [{ type: 'text', value: title }] });
  node.data = { ...node.data, hName: tagName, hProperties: properties };
  return true;
}

/** What is wrong with an attribute, or undefined when it is allowed. */
function attributeProblem(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute, allowed: Allowed): string | undefined {
  if (attribute.type === 'mdxJsxExpressionAttribute') return 'attributes written out, found a {…spread}';
  if (/^on/i.test(attribute.name)) return `no event handler, found ${attribute.name}`;
  if (!allowed.attributes.includes(attribute.name)) return `only known attributes, found ${attribute.name}`;
  if (typeof attribute.value !== 'string') return `a quoted text value for ${attribute.name}, found ${attribute.value === null ? 'none' : 'a {…} expression'}`;
  return undefined;
}

/** `id`s on headings, from their text, as Astro gives them, in the introduction's own namespace. */
function addHeadingIds(tree: HastRoot): void {
  const slugger = new Slugger();
  visit(tree, 'element', (el: Element) => {
    if (!/^h[1-6]$/.test(el.tagName)) return;
    el.properties.id = introHeadingId(slugger.slug(toString(el)));
  });
}
