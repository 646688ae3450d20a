import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { siteConfig } from '../../config/site.ts';
import { socialCard } from '../../render/social-card.ts';

/** The explainer's social card (`socialCardPath`), drawn at build time. */
export const getStaticPaths = (async () => {
  const pages = await getCollection('explainers');
  return pages.map((entry) => ({ params: { slug: entry.id }, props: { page: entry.data } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(Buffer.from(await socialCard(props.page, siteConfig.name)), { headers: { 'Content-Type': 'image/png' } });
