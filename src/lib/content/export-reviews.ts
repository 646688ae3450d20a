/**
 * Step 5 of loading, for reviewers: each explainer's W3C Web Annotation export,
 * its review view and the Markdown summary for the pull-request comment,
 * compared with the base branch's export when one is given.
 */
import { type AnnotationCollection, toAnnotationCollection } from '../export/web-annotations.ts';
import { explainerPath, personPath } from '../ids.ts';
import type { ContentMessage } from '../messages.ts';
import { diffCollections } from '../review/diff.ts';
import { type Review, reviewOf } from '../review/review.ts';
import { summaryMarkdown } from '../review/summary.ts';
import { withBase } from '../url-policy.ts';
import type { ExplainerPage } from './model.ts';
import { readBaseExport } from './read-content.ts';

export type ExplainerReview = {
  slug: string;
  collection: AnnotationCollection;
  /** The article text the export's selectors apply to (`article.txt`). */
  articleText: string;
  review: Review;
  summary: string;
};

export interface ReviewOptions {
  /** The site's origin, such as `https://example.org` (default: that). */
  site?: string;
  /** The base path (default: `/`). */
  base?: string;
  /** A folder holding the base build's `<slug>/annotations.json`, to compare with. */
  baseExport?: string;
}

export function exportReviews(pages: readonly ExplainerPage[], messages: ContentMessage[], options: ReviewOptions): ExplainerReview[] {
  const site = options.site ?? 'https://example.org';
  const base = options.base ?? '/';
  const absolute = (path: string) => new URL(withBase(path, base), site).href;
  return pages.map((page) => {
    const collection = toAnnotationCollection(page, {
      page: absolute(explainerPath(page.slug)),
      article: absolute(`${explainerPath(page.slug)}article.txt`),
      collection: absolute(`${explainerPath(page.slug)}annotations.json`),
      person: (id) => absolute(personPath(id)),
    });
    const previous = options.baseExport ? readBaseExport(options.baseExport, page.slug, messages) : undefined;
    const changes = previous ? diffCollections(previous.collection, collection, previous.articleText, page.article.text) : undefined;
    const review = reviewOf(page, messages, changes);
    return { slug: page.slug, collection, articleText: page.article.text, review, summary: summaryMarkdown(review, absolute(`${explainerPath(page.slug)}review/`)) };
  });
}
