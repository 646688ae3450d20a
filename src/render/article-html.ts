/**
 * The one renderer of an article: the parsed article and its annotations →
 * HTML. The explainer page calls it with `annotationElement`; the range-core
 * fixture tests call it with a neutral renderer, so both go through the same
 * tree builder, range core and serializer.
 *
 * The ranges are applied to the mdast tree by the remark plugin
 * (`remarkAnnotations`); the tree it leaves holds only paragraphs,
 * sub-headings, text and annotation elements, so the compiler below writes it
 * out directly, with the markup `remark-rehype` and `rehype-stringify` would
 * give it (a unit test holds the two to the same bytes): going through hast
 * and back took three times as long on a long article.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { Heading, Paragraph, PhrasingContent, Root } from 'mdast';
import { find, html as htmlSchema } from 'property-information';
import { type Plugin, unified } from 'unified';
import type { AnnotationNode, RenderAnnotation } from '../lib/annotations/apply-annotations.ts';
import { remarkAnnotations } from '../lib/annotations/remark-annotations.ts';
import type { AnnotationRange } from '../lib/annotations/types.ts';
import { articleToMdast } from '../lib/article/article-to-mdast.ts';
import type { Article } from '../lib/article/parse-article.ts';
import { paragraphId } from '../lib/ids.ts';
import { permalinkElement } from './permalink.ts';

export interface ArticleHtmlOptions {
  /** Give each paragraph its permalink control, last in the paragraph (default: false; the page sets it). */
  paragraphLinks?: boolean;
}

/** The article's paragraphs as HTML, each annotation an element made by `render`. */
export function articleHtml<A extends AnnotationRange>(
  article: Article,
  annotations: readonly A[],
  render: RenderAnnotation<A>,
  options: ArticleHtmlOptions = {},
): string {
  const processor = unified()
    .use(remarkAnnotations<A>, { annotations, render })
    .use(articleCompiler, { paragraphs: options.paragraphLinks ? article.paragraphs.map((p) => p.n) : [] });
  return processor.stringify(processor.runSync(articleToMdast(article)) as Root);
}

interface CompilerOptions {
  /** The numbers of the paragraphs that get a permalink control (`p-N`). */
  paragraphs: readonly number[];
}

/** Unified compiler: the annotated article tree → HTML. */
const articleCompiler: Plugin<[CompilerOptions], Root, string> = function (options) {
  const links = new Map(options.paragraphs.map((n) => [paragraphId(n), n]));
  this.compiler = (tree) => (tree as Root).children.map((block) => blockHtml(block as Paragraph | Heading, links)).join('\n');
};

function blockHtml(block: Paragraph | Heading, links: ReadonlyMap<string, number>): string {
  const properties = (block.data?.hProperties ?? {}) as Properties;
  const tagName = block.type === 'heading' ? `h${block.depth}` : 'p';
  let inner = phrasingHtml(block.children);
  const n = block.type === 'paragraph' ? links.get(String(properties.id)) : undefined;
  if (n !== undefined) inner += elementHtml(permalinkElement(paragraphId(n), `paragraph ${n}`));
  return `<${tagName}${attributesHtml(properties)}>${inner}</${tagName}>`;
}

function phrasingHtml(nodes: readonly PhrasingContent[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += escapeText(trimLines(node.value));
    else if (node.type === 'annotation') out += annotationHtml(node);
    else throw new Error(`The article tree holds a ${node.type} node; only text and annotations are expected in a paragraph.`);
  }
  return out;
}

function annotationHtml(node: AnnotationNode): string {
  const data = node.data;
  if (!data?.hName) throw new Error(`Annotation “${node.annotation.id}” was not rendered to an element.`);
  const inner = data.hChildren ? data.hChildren.map(contentHtml).join('') : phrasingHtml(node.children);
  return `<${data.hName}${attributesHtml(data.hProperties ?? {})}>${inner}</${data.hName}>`;
}

function contentHtml(node: ElementContent): string {
  if (node.type === 'text') return escapeText(node.value);
  if (node.type === 'element') return elementHtml(node);
  throw new Error(`An annotation element holds a ${node.type} node; only elements and text are expected.`);
}

/** Elements with no content and no end tag. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function elementHtml(node: Element): string {
  const open = `<${node.tagName}${attributesHtml(node.properties)}>`;
  if (voidElements.has(node.tagName)) return open;
  return `${open}${node.children.map(contentHtml).join('')}</${node.tagName}>`;
}

/** Attribute names by property name (`className` → `class`, `ariaLabel` → `aria-label`), as hast names them. */
const attributeNames = new Map<string, { name: string; boolean: boolean; commaSeparated: boolean }>();

function attributeInfo(property: string) {
  let info = attributeNames.get(property);
  if (!info) {
    const found = find(htmlSchema, property);
    info = { name: found.attribute, boolean: Boolean(found.boolean || found.overloadedBoolean), commaSeparated: Boolean(found.commaSeparated) };
    attributeNames.set(property, info);
  }
  return info;
}

function attributesHtml(properties: Properties): string {
  let out = '';
  for (const key in properties) {
    let value = properties[key];
    const info = attributeInfo(key);
    if (info.boolean && (typeof value !== 'string' || value === info.name || value === '')) value = Boolean(value);
    if (value === null || value === undefined || value === false || (typeof value === 'number' && Number.isNaN(value))) continue;
    if (value === true) {
      out += ` ${info.name}`;
      continue;
    }
    const text = Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
    out += ` ${info.name}="${escapeAttribute(text)}"`;
  }
  return out;
}

/** The character references hast-util-to-html writes (hexadecimal). */
const references: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '"': '&#x22;', "'": '&#x27;', '`': '&#x60;', '\0': '&#x0;' };
const reference = (c: string) => references[c]!;

function escapeText(value: string): string {
  return /[&<]/.test(value) ? value.replace(/[&<]/g, reference) : value;
}

function escapeAttribute(value: string): string {
  return /[\0"&'`]/.test(value) ? value.replace(/[\0"&'`]/g, reference) : value;
}

/** Spaces and tabs around the line breaks inside a text are dropped, as `remark-rehype` does; the text's own ends are kept. */
function trimLines(value: string): string {
  return /[\r\n]/.test(value) ? value.replace(/[ \t]*(\r\n|\r|\n)[ \t]*/g, '$1') : value;
}
