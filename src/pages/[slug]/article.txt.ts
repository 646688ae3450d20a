import type { APIRoute, GetStaticPaths } from 'astro';
import { type ReviewProps, reviewPaths } from '../../render/review-paths.ts';
import { storedOf } from '../../render/site-data.ts';

/** The article text that the selectors of `annotations.json` apply to. */
export const getStaticPaths = reviewPaths satisfies GetStaticPaths;

export const GET: APIRoute<ReviewProps> = ({ props }) => new Response(storedOf(props.entry).article.text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
