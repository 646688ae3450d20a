import type { APIRoute, GetStaticPaths } from 'astro';
import { exportCollection } from '../../lib/content/export-reviews.ts';
import { reviewAddresses, type ReviewProps, reviewPaths } from '../../render/review-paths.ts';

/** The explainer's annotations as a W3C Web Annotation collection (JSON-LD). */
export const getStaticPaths = reviewPaths satisfies GetStaticPaths;

export const GET: APIRoute<ReviewProps> = ({ props, site }) =>
  new Response(`${JSON.stringify(exportCollection(props.page, reviewAddresses(site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
  });
