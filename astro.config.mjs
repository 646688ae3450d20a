// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';

// The article itself is rendered by the project's own unified pipeline
// (src/lib/render/article-html.ts); this processor renders the editors' MDX
// introductions, so remark/rehype plugins keep working there.
export default defineConfig({
  site: 'https://example.org',
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: { processor: unified({ remarkPlugins: [], rehypePlugins: [] }) },
  build: { format: 'directory' },
  // Lightning CSS bundles the stylesheets and resolves the custom media
  // queries of src/styles/breakpoints.css, where the breakpoints are defined once.
  vite: { css: { transformer: 'lightningcss', lightningcss: { drafts: { customMedia: true } } } },
});
