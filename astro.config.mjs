// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { searchIndex } from './src/integrations/search-index.ts';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The CSP hash of an inline script, from the file the layout inlines
 * (`?raw`), so the two cannot drift apart.
 * @param {string} path relative to this file
 * @returns {`sha256-${string}`}
 */
function scriptHash(path) {
  return `sha256-${createHash('sha256').update(readFileSync(new URL(path, import.meta.url), 'utf8')).digest('base64')}`;
}

// Articles, notes and the editors' introductions are rendered as data by the
// project's own unified pipelines (src/render/article-html.ts,
// src/lib/content/): nothing in content/ is compiled. Markdown that Astro
// itself renders goes through the unified() processor, so remark and rehype
// plugins work there too.
//
// Where the site lives comes from the environment, so one build command serves
// every host: SITE_URL is the origin (canonical and absolute URLs), BASE_PATH
// the sub-path it is served under (a pull-request preview:
// /pr-preview/pr-7/). Unset or empty, they fall back to the defaults below;
// `astro build --site URL --base PATH` still overrides both.
/** Pages the sitemap leaves out: review views, search results and data files. */
const unlisted = /\/(review|search)\/$|\.(json|txt|md|png|xml)$/;

export default defineConfig({
  site: process.env.SITE_URL || 'https://example.org',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  integrations: [mdx(), sitemap({ filter: (page) => !unlisted.test(page) }), searchIndex()],
  // No syntax highlighting: news explainers hold no code, and Shiki's inline
  // styles would need the CSP to allow inline styles.
  markdown: { processor: unified({ remarkPlugins: [], rehypePlugins: [] }), syntaxHighlight: false },
  // The stylesheet is small (about 4 KB gzipped): inlined, it saves a request
  // before the first paint on slow connections.
  //
  // Two pages are rendered at a time: while one waits for work on libuv's
  // thread pool (a social card's rasterising and compression), the main
  // thread renders the other.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 2 },
  // A Content-Security-Policy meta tag on every page: scripts and styles only
  // from the site, by hash (Astro hashes its own), never inline handlers.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // data: for the site's icon, which every page holds (BaseLayout.astro).
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // The theme is applied by a script in <head> before the first paint,
      // which must be inline; Astro hashes the scripts it bundles itself.
      scriptDirective: { hashes: [scriptHash('./src/scripts/theme-init.js')] },
    },
  },
  // Lightning CSS bundles the stylesheets and resolves the custom media
  // queries of src/styles/breakpoints.css, where the breakpoints are defined once.
  // Rebuilds copy the pages whose data and code are unchanged from the last
  // build (kept in cacheDir) instead of rendering them again: every page made
  // from a collection entry gives Astro the entry's digest as its cacheKey
  // (src/render/cache-key.ts). Pagefind, the sitemap and the few pages made
  // from the whole site are made anew each time.
  experimental: { incrementalBuild: true },
  vite: {
    css: { transformer: 'lightningcss', lightningcss: { drafts: { customMedia: true } } },
    // Astro inlines a page's script when it imports nothing and is smaller
    // than this. An explainer's enhancement script (4.6 KB, 1.9 KB
    // gzipped) is inlined too: a linked script is a request that Lighthouse's
    // mobile model counts before the first paint. Other files keep Vite's limit.
    build: { assetsInlineLimit: (file, content) => (file.endsWith('.js') ? content.length <= 8192 : undefined) },
  },
});
