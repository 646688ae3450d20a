import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

/** The explainer's annotations as a W3C Web Annotation collection (JSON-LD). */
export const getStaticPaths = (async () => {
  const reviews = await getCollection('reviews');
  return reviews.map((r) => ({ params: { slug: r.id }, props: { collection: r.data.collection } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(`${JSON.stringify(props.collection, null, 2)}\n`, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
