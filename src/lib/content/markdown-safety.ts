/**
 * What every Markdown field of content goes through (notes, definitions,
 * bios, the introduction): every link and image URL checked by the one URL
 * policy and rewritten where it must be (root-relative links under the base),
 * and the rendered tree sanitized with a schema written for this project, so
 * nothing but plain prose markup can reach the page.
 */
import type { Element, Root as HastRoot } from 'hast';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { type ContentMessage, error, warning } from '../messages.ts';
import { findHiddenCharacters } from '../text/characters.ts';
import { checkUrl, type UrlPolicyOptions } from '../url-policy.ts';

/** Where a Markdown body sits in its file, for messages. */
export interface BodyPlace {
  file: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

/** Line and column in the file of a node of the body. */
export function placeOf(body: BodyPlace, node: { position?: { start: { line: number; column: number } } }): { line: number; column: number } {
  return { line: (node.position?.start.line ?? 1) + body.bodyLine - 1, column: node.position?.start.column ?? 1 };
}

/**
 * Checks every link, link definition and image of a Markdown tree against the
 * URL policy, reports problems at their place, and rewrites each URL to what
 * the page gets (an unsafe one becomes empty, never reaching the page).
 */
export function checkMarkdownUrls(tree: Root, body: BodyPlace, messages: ContentMessage[], options: UrlPolicyOptions): void {
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
    const verdict = checkUrl(node.url, node.type === 'image' ? 'image' : 'link', options);
    // A hidden character is reported by the scan of the whole file; the URL is still refused.
    const reported = verdict.problem?.ruleId === 'url-characters' && findHiddenCharacters(node.url).length > 0;
    if (verdict.problem && !reported) {
      const make = verdict.problem.fatal ? error : warning;
      messages.push(make({ ruleId: verdict.problem.ruleId, file: body.file, ...placeOf(body, node), reason: verdict.problem.reason, hint: verdict.problem.hint }));
    }
    node.url = verdict.href;
  });
}

/** The elements and attributes prose may have, and nothing else: no scripts, frames, forms, styles or event handlers. */
export const proseSchema: Schema = {
  strip: ['script', 'style'],
  clobber: [],
  tagNames: [
    'p', 'a', 'em', 'strong', 'code', 'pre', 'del', 'sub', 'sup', 'abbr', 'q', 'br', 'hr',
    'ul', 'ol', 'li', 'blockquote', 'h2', 'h3', 'h4', 'img',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'aside',
  ],
  attributes: {
    a: ['href', ['rel', 'noopener', 'noreferrer']],
    img: ['src', 'alt', 'title'],
    abbr: ['title'],
    q: [],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    aside: [['className', 'ex-aside']],
    p: [['className', 'ex-aside-title']],
  },
  protocols: { href: ['http', 'https'], src: ['http', 'https'] },
  required: {},
};

/** The tree with everything outside `proseSchema` removed. */
export function sanitizeProse(tree: HastRoot): HastRoot {
  return sanitize(tree, proseSchema) as HastRoot;
}

/** Links to other sites open no window handle and send no referrer. */
export function markExternalLinks(tree: HastRoot): void {
  visit(tree, 'element', (el: Element) => {
    if (el.tagName === 'a' && typeof el.properties.href === 'string' && /^https?:/.test(el.properties.href)) {
      el.properties.rel = ['noopener', 'noreferrer'];
    }
  });
}
