/**
 * Step 5 of loading, for reviewers: each explainer's W3C Web Annotation export,
 * its review view and the Markdown summary for the pull-request comment,
 * compared with the base branch's export when one is given.
 */
import { type AnnotationCollection, toAnnotationCollection } from '../export/web-annotations.ts';
import { explainerPath, personPath } from '../ids.ts';
import type { ContentMessage } from '../messages.ts';
import { type AnnotationChanges, diffCollections } from '../review/diff.ts';
import { MessagesByFile, messagesAbout, type Review, reviewOf } from '../review/review.ts';
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

/**
 * What the review of an explainer needs beyond its page, kept by the loader:
 * the build's messages about the explainer's files and, when the build was
 * given the base branch's export, what changed against it. The export, the
 * review view and the summary are made from the page and this when their
 * files are written, so the content store does not hold them.
 */
export type ReviewInput = {
  slug: string;
  messages: ContentMessage[];
  changes?: AnnotationChanges;
};

export interface ReviewOptions {
  /** The site's origin, such as `https://example.org` (default: that). */
  site?: string;
  /** The base path (default: `/`). */
  base?: string;
  /** A folder holding the base build's `<slug>/annotations.json`, to compare with. */
  baseExport?: string;
}

type Addresses = { site: string; base: string };

function addressesOf(options: Pick<ReviewOptions, 'site' | 'base'>): Addresses {
  return { site: options.site ?? 'https://example.org', base: options.base ?? '/' };
}

const absolute = ({ site, base }: Addresses, path: string) => new URL(withBase(path, base), site).href;

/** The explainer's annotations as a W3C Web Annotation collection. */
export function exportCollection(page: ExplainerPage, options: Pick<ReviewOptions, 'site' | 'base'>): AnnotationCollection {
  const at = addressesOf(options);
  return toAnnotationCollection(page, {
    page: absolute(at, explainerPath(page.slug)),
    article: absolute(at, `${explainerPath(page.slug)}article.txt`),
    collection: absolute(at, `${explainerPath(page.slug)}annotations.json`),
    person: (id) => absolute(at, personPath(id)),
  });
}

/** What the review of each explainer needs: its messages, and its changes against the base export when there is one. */
export function reviewInputs(pages: readonly ExplainerPage[], messages: ContentMessage[], options: ReviewOptions): ReviewInput[] {
  const changes = pages.map((page) => {
    const previous = options.baseExport ? readBaseExport(options.baseExport, page.slug, messages) : undefined;
    return previous ? diffCollections(previous.collection, exportCollection(page, options), previous.articleText, page.article.text) : undefined;
  });
  const byFile = new MessagesByFile(messages);
  return pages.map((page, i) => ({ slug: page.slug, messages: messagesAbout(page, byFile), ...(changes[i] ? { changes: changes[i] } : {}) }));
}

/** The review view of an explainer and its Markdown summary. */
export function reviewWithSummary(page: ExplainerPage, input: ReviewInput, options: Pick<ReviewOptions, 'site' | 'base'>): { review: Review; summary: string } {
  const review = reviewOf(page, input.messages, input.changes);
  return { review, summary: summaryMarkdown(review, absolute(addressesOf(options), `${explainerPath(page.slug)}review/`)) };
}

/** Everything a reviewer gets of one explainer: the export, the article text, the review view and its summary. */
export function exportReview(page: ExplainerPage, input: ReviewInput, options: Pick<ReviewOptions, 'site' | 'base'>): ExplainerReview {
  return { slug: page.slug, collection: exportCollection(page, options), articleText: page.article.text, ...reviewWithSummary(page, input, options) };
}

/** Every explainer's review files, as the build writes them, for a loaded site. */
export function exportReviews(site: { explainers: readonly ExplainerPage[]; reviews: readonly ReviewInput[] }, options: Pick<ReviewOptions, 'site' | 'base'>): ExplainerReview[] {
  const inputs = new Map(site.reviews.map((r) => [r.slug, r]));
  return site.explainers.map((page) => exportReview(page, inputs.get(page.slug)!, options));
}
