/**
 * What a reader downloads for the DeepSeek page, and how Lighthouse scores it.
 *
 * Sizes are gzip level 9 of each file the page needs: the HTML (inline
 * scripts and styles included), the style sheets and scripts it links, the
 * fonts those style sheets or preload links name, and anything else it links
 * (the icon). `js` counts linked scripts plus the inline ones (these are
 * gzipped on their own for the figure, and are part of the HTML in `total`).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './content.ts';

const kib = (bytes: number) => bytes / 1024;
const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

export interface PageBytes {
  html_gz_kb: number;
  css_gz_kb: number;
  js_gz_kb: number;
  fonts_gz_kb: number;
  other_gz_kb: number;
  total_gz_kb: number;
  files: string[];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** The file of the built site a URL of the page points to, or undefined when it is external. */
function fileOf(dist: string, pagePath: string, url: string): string | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(url) || url.startsWith('data:') || url.startsWith('#')) return undefined;
  const abs = new URL(url, `http://site${pagePath}`).pathname;
  const file = join(dist, decodeURIComponent(abs));
  return existsSync(file) ? file : undefined;
}

/** Gzipped bytes of the page at `pagePath` (e.g. `/deepseek-r1/`) of the site built in `dist`. */
export function pageBytes(dist: string, pagePath: string): PageBytes {
  const htmlFile = join(dist, pagePath, 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const sizes = { css: 0, js: 0, fonts: 0, other: 0 };
  const seen = new Set<string>();
  const add = (kind: keyof typeof sizes, file: string | undefined) => {
    if (!file || seen.has(file)) return;
    seen.add(file);
    const data = readFileSync(file);
    sizes[kind] += gz(data);
    if (kind === 'css') {
      for (const m of data.toString('utf8').matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
        const target = m[2]!;
        const cssPath = '/' + file.slice(dist.length).replace(/^\/+/, '');
        const resolved = fileOf(dist, cssPath, target);
        add(/\.(woff2?|ttf|otf|eot)(?:[?#].*)?$/i.test(target) ? 'fonts' : 'other', resolved);
      }
    }
  };

  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href');
    if (!href) continue;
    const file = fileOf(dist, pagePath, href);
    if (rel.includes('stylesheet')) add('css', file);
    else if (rel.includes('modulepreload') || (rel.includes('preload') && attr(tag, 'as') === 'script')) add('js', file);
    else if (rel.includes('preload') && attr(tag, 'as') === 'font') add('fonts', file);
    else if (rel.includes('icon') || rel.includes('preload')) add('other', file);
  }
  let inlineJs = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = attr(m[1]!, 'src');
    const type = (attr(m[1]!, 'type') ?? '').toLowerCase();
    if (src) add('js', fileOf(dist, pagePath, src));
    else if (!type || type === 'module' || type.includes('javascript')) inlineJs += gz(m[2]!);
  }
  const htmlGz = gz(html);
  const total = htmlGz + sizes.css + sizes.js + sizes.fonts + sizes.other;
  return {
    html_gz_kb: kib(htmlGz),
    css_gz_kb: kib(sizes.css),
    js_gz_kb: kib(sizes.js + inlineJs),
    fonts_gz_kb: kib(sizes.fonts),
    other_gz_kb: kib(sizes.other),
    total_gz_kb: kib(total),
    files: [htmlFile, ...seen].map((f) => f.slice(dist.length)),
  };
}

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  best_practices: number;
  seo: number;
  /** Largest contentful paint on the mobile profile, seconds. */
  lcp_s: number;
}

export const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromePath(): string {
  return process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** One Lighthouse run (mobile, the default form factor) of `url`; throws with Lighthouse's own error. */
export async function lighthouse(url: string, outFile: string): Promise<LighthouseScores> {
  const cli = join(projectRoot, 'node_modules/lighthouse/cli/index.js');
  if (!existsSync(cli)) throw new Error(`Lighthouse is not installed (no ${cli}); run npm ci`);
  const chrome = chromePath();
  if (!existsSync(chrome)) throw new Error(`No Chromium at ${chrome}; set CHROME_PATH or CHROMIUM_PATH`);
  rmSync(outFile, { force: true });
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=${chromeFlags.join(' ')}`,
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', done);
  });
  if (code !== 0 || !existsSync(outFile)) {
    throw new Error(`lighthouse exited with ${code}: ${output.trim().split('\n').slice(-8).join(' | ')}`);
  }
  const lhr = JSON.parse(readFileSync(outFile, 'utf8')) as {
    runtimeError?: { code: string; message: string };
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  if (lhr.runtimeError) throw new Error(`Lighthouse runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const score = (id: string) => {
    const s = lhr.categories[id]?.score;
    if (typeof s !== 'number') throw new Error(`Lighthouse gave no score for ${id}`);
    return s;
  };
  const lcp = lhr.audits['largest-contentful-paint']?.numericValue;
  if (typeof lcp !== 'number') throw new Error('Lighthouse gave no largest contentful paint');
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    seo: score('seo'),
    lcp_s: lcp / 1000,
  };
}
