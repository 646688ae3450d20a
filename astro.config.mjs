// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

// The article itself is rendered by the project's own unified pipeline
// (src/lib/render/article-html.ts); this processor renders the editors' MDX
// introductions, so remark/rehype plugins keep working there.
//
// Where the site lives comes from the environment, so one build command serves
// every host: SITE_URL is the origin (canonical and absolute URLs), BASE_PATH
// the sub-path it is served under (a pull-request preview:
// /pr-preview/pr-7/). Unset or empty, they fall back to the defaults below;
// `astro build --site URL --base PATH` still overrides both.
export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: { processor: unified({ remarkPlugins: [], rehypePlugins: [] }) },
  build: { format: 'directory' },
});
