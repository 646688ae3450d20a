import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { siteConfig } from '../config/site.ts';
import { feedContent } from '../render/feed-content.ts';
import { storedOf } from '../render/site-data.ts';
import { absoluteUrl, explainerUrl, withBase } from '../utils/url.ts';

/** The feed of explainers, newest article first, each with the article's text. */
export const GET: APIRoute = async ({ site }) => {
  const pages = (await getCollection('explainers'))
    .map((e) => e.data)
    .sort((a, b) => b.source.published.localeCompare(a.source.published) || a.slug.localeCompare(b.slug));
  const home = absoluteUrl(withBase('/'), site);
  return rss({
    title: siteConfig.name,
    description: siteConfig.description,
    site: home,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en</language><atom:link href="${absoluteUrl(withBase('rss.xml'), site)}" rel="self" type="application/rss+xml"/>`,
    items: pages.map((page) => {
      const url = absoluteUrl(explainerUrl(page.slug), site);
      return {
        title: page.title,
        link: url,
        // The article's date: the explainer has none of its own.
        pubDate: new Date(`${page.source.published}T00:00:00Z`),
        description: page.dek,
        content: feedContent(storedOf(page), url),
      };
    }),
  });
};
