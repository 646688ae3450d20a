import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

/** The article text that the selectors of `annotations.json` apply to. */
export const getStaticPaths = (async () => {
  const reviews = await getCollection('reviews');
  return reviews.map((r) => ({ params: { slug: r.id }, props: { text: r.data.articleText } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(props.text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
