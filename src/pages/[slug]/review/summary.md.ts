import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

/** The review as Markdown, for the pull-request comment. */
export const getStaticPaths = (async () => {
  const reviews = await getCollection('reviews');
  return reviews.map((r) => ({ params: { slug: r.id }, props: { summary: r.data.summary } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.summary, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
