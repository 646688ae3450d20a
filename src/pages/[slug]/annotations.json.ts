import type { APIRoute, GetStaticPaths } from 'astro';
import { exportCollection } from '../../lib/content/export-reviews.ts';
import { reviewAddresses, type ReviewProps, reviewPaths } from '../../render/review-paths.ts';
import { pageOf } from '../../render/site-data.ts';

/** The explainer's annotations as a W3C Web Annotation collection (JSON-LD). */
export const getStaticPaths = reviewPaths satisfies GetStaticPaths;

export const GET: APIRoute<ReviewProps> = ({ props, site }) =>
  new Response(`${JSON.stringify(exportCollection(pageOf(props), reviewAddresses(site)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/ld+json; charset=utf-8' },
  });
