/**
 * The projects the build benchmark runs `astro build` on, each in its own
 * folder under a temporary directory, all sharing the project's node_modules:
 *
 * - annotated: a copy of this project with N explainers, each a copy of the
 *   template explainer with its own seed and its own claim folder; glossary
 *   and people stay shared, as in a real newsroom project.
 * - plain-unified / plain-satteri: a bare Astro project whose one content
 *   collection holds the same N article texts as Markdown, each page rendered
 *   in a layout with an <html> element; the first renders Markdown with
 *   `unified()` from @astrojs/markdown-remark, the second with Astro's default.
 *
 * Every project's Astro cache (`cacheDir`, which holds the content layer's
 * data store `data-store.json` for builds) is `./.cache` inside the project,
 * never the shared node_modules/.astro, and so is Vite's (which would
 * otherwise be the shared node_modules/.vite).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, type RealContent, readFolder, seedParagraphs, templateSlug } from './content.ts';

export type ProjectKind = 'annotated' | 'plain-unified' | 'plain-satteri';

export const cacheDirName = '.cache';

/** What a clean build deletes first: output, generated types and the Astro cache. */
export const buildState = ['dist', '.astro', cacheDirName];

export function slugOf(i: number): string {
  return `${templateSlug}-${String(i).padStart(4, '0')}`;
}

function linkNodeModules(dir: string): void {
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
}

function fresh(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** A copy of the project itself (src, content, seeds, public, configs), untouched but for its cache folder. */
export function copyProject(dir: string): void {
  fresh(dir);
  for (const part of ['src', 'content', 'seeds', 'public', 'tsconfig.json', 'package.json']) {
    cpSync(join(projectRoot, part), join(dir, part), { recursive: true });
  }
  cpSync(join(projectRoot, 'astro.config.mjs'), join(dir, 'astro.config.base.mjs'));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import config from './astro.config.base.mjs';\n` +
      `export default { ...config, cacheDir: './${cacheDirName}/', vite: { ...config.vite, cacheDir: './${cacheDirName}/vite/' } };\n`,
  );
  linkNodeModules(dir);
}

/** The project with its explainers replaced by `n` copies of the template explainer. */
export function makeAnnotatedProject(dir: string, n: number, real: RealContent): void {
  copyProject(dir);
  for (const e of readFolder(join(dir, 'content/explainers'), /\.mdx$/)) {
    rmSync(e.path);
    rmSync(join(dir, 'content/claims', e.id), { recursive: true, force: true });
    rmSync(join(dir, 'seeds', String(e.data.seed)), { force: true });
  }
  if (!/^seed:.*$/m.test(real.explainer.source)) throw new Error(`${real.explainer.path} has no \`seed:\` line`);
  for (let i = 1; i <= n; i++) {
    const slug = slugOf(i);
    writeFileSync(join(dir, 'content/explainers', `${slug}.mdx`), real.explainer.source.replace(/^seed:.*$/m, `seed: ${slug}.txt`));
    writeFileSync(join(dir, 'seeds', `${slug}.txt`), real.seed);
    const claims = join(dir, 'content/claims', slug);
    mkdirSync(claims, { recursive: true });
    for (const c of real.claims) writeFileSync(join(claims, `${c.id}.md`), c.source);
  }
}

const layout = `---
interface Props { title: string }
const { title } = Astro.props;
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title}</title>
  </head>
  <body>
    <main><slot /></main>
  </body>
</html>
`;

const articlePage = `---
import { getCollection, render } from 'astro:content';
import Page from '../../layouts/Page.astro';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Page title={entry.data.title}>
  <article>
    <h1>{entry.data.title}</h1>
    <Content />
  </article>
</Page>
`;

const indexPage = `---
import { getCollection } from 'astro:content';
import Page from '../layouts/Page.astro';
const articles = await getCollection('articles');
---
<Page title="Articles">
  <h1>Articles</h1>
  <ul>{articles.map((a) => <li><a href={\`/\${a.id}/\`}>{a.data.title}</a></li>)}</ul>
</Page>
`;

const contentConfig = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '*.md', base: './content/articles' }),
    schema: z.object({ title: z.string() }),
  }),
};
`;

function astroConfig(kind: 'plain-unified' | 'plain-satteri'): string {
  const common = `site: 'https://example.org',\n  trailingSlash: 'always',\n  build: { format: 'directory' },\n  cacheDir: './${cacheDirName}/',\n  vite: { cacheDir: './${cacheDirName}/vite/' },`;
  if (kind === 'plain-unified') {
    return `import { unified } from '@astrojs/markdown-remark';\nimport { defineConfig } from 'astro/config';\n\nexport default defineConfig({\n  ${common}\n  markdown: { processor: unified({ remarkPlugins: [], rehypePlugins: [] }) },\n});\n`;
  }
  return `import { defineConfig } from 'astro/config';\n\n// Astro's default Markdown processor.\nexport default defineConfig({\n  ${common}\n});\n`;
}

/** The article as Markdown: its title in front matter, one paragraph per block. */
export function articleMarkdown(real: RealContent): string {
  return `---\ntitle: ${JSON.stringify(String(real.explainer.data.title))}\n---\n\n${seedParagraphs(real.seed).join('\n\n')}\n`;
}

/** A bare Astro project with the same `n` article texts as Markdown pages. */
export function makePlainProject(dir: string, n: number, kind: 'plain-unified' | 'plain-satteri', real: RealContent): void {
  fresh(dir);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `bench-${kind}`, private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(dir, 'astro.config.mjs'), astroConfig(kind));
  mkdirSync(join(dir, 'src/layouts'), { recursive: true });
  mkdirSync(join(dir, 'src/pages/[slug]'), { recursive: true });
  mkdirSync(join(dir, 'content/articles'), { recursive: true });
  writeFileSync(join(dir, 'src/content.config.ts'), contentConfig);
  writeFileSync(join(dir, 'src/layouts/Page.astro'), layout);
  writeFileSync(join(dir, 'src/pages/[slug]/index.astro'), articlePage);
  writeFileSync(join(dir, 'src/pages/index.astro'), indexPage);
  const markdown = articleMarkdown(real);
  for (let i = 1; i <= n; i++) writeFileSync(join(dir, 'content/articles', `${slugOf(i)}.md`), markdown);
  linkNodeModules(dir);
}

export function makeProject(dir: string, kind: ProjectKind, n: number, real: RealContent): void {
  if (kind === 'annotated') makeAnnotatedProject(dir, n, real);
  else makePlainProject(dir, n, kind, real);
}

/** Deletes what a build leaves behind, so the next build starts clean. */
export function cleanBuildState(dir: string): void {
  for (const part of buildState) rmSync(join(dir, part), { recursive: true, force: true });
}

/** Appends a sentence to the body of a content file (a claim note, a glossary definition). */
export function editBody(file: string, sentence: string): void {
  const source = readFileSync(file, 'utf8');
  if (!/\n---[ \t]*\r?\n/.test(source)) throw new Error(`${file} has no front matter to edit after`);
  writeFileSync(file, `${source.trimEnd()} ${sentence}\n`);
}
