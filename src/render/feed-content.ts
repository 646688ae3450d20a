/**
 * An explainer as a feed item's full text: the article's own paragraphs,
 * credited, with no note markers, ratings or glossary chrome (a feed reader
 * shows none of the page's annotations), then a link to the annotated page.
 */
import type { ExplainerPage } from '../lib/content/model.ts';
import { formatDate } from '../utils/format.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => escapes[c]!);

/** The item's HTML (`content:encoded`); `url` is the explainer's absolute URL. */
export function feedContent(page: Pick<ExplainerPage, 'article' | 'source'>, url: string): string {
  const { text, paragraphs } = page.article;
  return [
    `<p>${escape(page.source.credit)}, ${escape(formatDate(page.source.published))}.</p>`,
    ...paragraphs.map((p) => `<p>${escape(text.slice(p.start, p.end))}</p>`),
    `<p><a href="${escape(url)}">Read it annotated: what the terms mean, who is speaking, and which claims hold up</a>.</p>`,
  ].join('\n');
}
