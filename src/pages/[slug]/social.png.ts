import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { siteConfig } from '../../config/site.ts';
import { valueCacheKey } from '../../render/cache-key.ts';
import { socialCard, socialCardText } from '../../render/social-card.ts';

/**
 * The explainer's social card (`socialCardPath`), drawn at build time. Its key
 * is what the card shows, so a rebuild draws again only the cards whose text
 * changed (a new note leaves a card alone unless it changes the counts).
 */
export const getStaticPaths = (async () => {
  const pages = await getCollection('explainers');
  return pages.map((entry) => {
    const text = socialCardText(entry.data, siteConfig.name);
    return { params: { slug: entry.id }, props: { text }, cacheKey: valueCacheKey(text) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(Buffer.from(await socialCard(props.text)), { headers: { 'Content-Type': 'image/png' } });
