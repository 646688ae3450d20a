import type { APIRoute, GetStaticPaths } from 'astro';
import { reviewWithSummary } from '../../../lib/content/export-reviews.ts';
import { reviewAddresses, type ReviewProps, reviewPaths } from '../../../render/review-paths.ts';
import { pageOf } from '../../../render/site-data.ts';

/** The review as Markdown, for the pull-request comment. */
export const getStaticPaths = reviewPaths satisfies GetStaticPaths;

export const GET: APIRoute<ReviewProps> = ({ props, site }) =>
  new Response(reviewWithSummary(pageOf(props), props.input, reviewAddresses(site)).summary, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
