/**
 * A pull-request preview served the way it is deployed: the site built with
 * `--base /pr-preview/pr-7/`, served by a real nginx under that sub-path (the
 * main site may sit at the root of the same host), and crawled from its home
 * page and from every page in dist/. Every internal link, asset and #fragment
 * must resolve, the 404 page must come back for an unknown path, and nothing
 * may point at the domain root.
 *
 * nginx is Debian's package (`apt-get install -y nginx`; `.ci/run` installs it
 * when /usr/sbin/nginx is missing). Without it this test fails, never skips.
 * NGINX_BIN names another binary. The server listens on 127.0.0.1 only, on a
 * free port, runs as one process (`master_process off`) and is stopped in
 * afterAll whatever happened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { extname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectCopy } from '../support/build-site.ts';
import { cssUrls, htmlFiles, idsIn, isExternal, pageUrls, rootPaths, scriptImports } from '../support/site-links.ts';

const base = '/pr-preview/pr-7/';
const site = 'https://preview.example';
const nginxBin = process.env.NGINX_BIN || '/usr/sbin/nginx';

const types: Record<string, string> = {
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.md': 'text/markdown',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** nginx's configuration: everything under `prefix`, nothing that needs root. */
function nginxConf(prefix: string, port: number, outDir: string): string {
  const q = (path: string) => JSON.stringify(path);
  const typeLines = Object.entries(types)
    .map(([ext, type]) => `    ${type} ${ext.slice(1)};`)
    .join('\n');
  return `master_process off;
pid ${q(join(prefix, 'nginx.pid'))};
error_log ${q(join(prefix, 'error.log'))} warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${q(join(prefix, 'body'))};
  proxy_temp_path ${q(join(prefix, 'proxy'))};
  fastcgi_temp_path ${q(join(prefix, 'fastcgi'))};
  uwsgi_temp_path ${q(join(prefix, 'uwsgi'))};
  scgi_temp_path ${q(join(prefix, 'scgi'))};
  types {
${typeLines}
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/css text/javascript application/json text/markdown image/svg+xml;
  absolute_redirect off;
  server {
    listen 127.0.0.1:${port};
    root ${q(join(prefix, 'empty'))};
    error_page 404 ${base}404.html;
    location ${base} {
      alias ${q(`${outDir}/`)};
      index index.html;
    }
  }
}
`;
}

/** A TCP port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

let outDir = '';
let origin = '';
let prefix = '';
let nginx: ChildProcess | undefined;
let nginxOutput = '';

function nginxLog(): string {
  const log = join(prefix, 'error.log');
  return `${nginxOutput}${existsSync(log) ? readFileSync(log, 'utf8') : ''}`;
}

/** Waits until nginx answers, or fails with what it said when it exits or hangs. */
async function waitForNginx(): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (nginx!.exitCode !== null || nginx!.signalCode !== null) {
      throw new Error(`nginx exited (${nginx!.exitCode ?? nginx!.signalCode}) before answering:\n${nginxLog()}`);
    }
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`nginx did not answer on ${origin} within 15 s:\n${nginxLog()}`);
}

async function stopNginx(): Promise<void> {
  const proc = nginx;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, 'exit');
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The file in dist/ a path under the base is served from, if any. */
function fileFor(path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const local = join(outDir, decodeURIComponent(path.slice(base.length)));
  const file = path.endsWith('/') ? join(local, 'index.html') : local;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

interface Resource {
  status: number;
  type: string;
  body: Buffer;
  location: string | null;
}

async function get(path: string): Promise<Resource> {
  const res = await fetch(origin + path, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
    location: res.headers.get('location'),
  };
}

/** What the crawl found: everything fetched, and every problem, one line each. */
const crawl = {
  fetched: new Map<string, Resource>(),
  serving: [] as string[],
  links: [] as string[],
  fragments: [] as string[],
  rooted: [] as string[],
  urlsChecked: 0,
  fragmentsChecked: 0,
};

/**
 * Resolves a URL written in `from` (a page, style sheet or script at
 * `fromPath`): the internal path and fragment it names, or undefined for an
 * external one. Problems go to crawl.links.
 */
function resolveInternal(raw: string, fromPath: string, from: string): { path: string; hash: string } | undefined {
  if (raw === '' || raw === '#') return undefined;
  if (isExternal(raw) && !raw.startsWith(`${site}/`) && !raw.startsWith(site.replace(/^https?:/, '') + '/')) {
    return undefined;
  }
  const url = new URL(raw.startsWith(site) ? raw.slice(site.length) : raw.replace(/^\/\/[^/]+/, ''), `http://host${fromPath}`);
  if (!url.pathname.startsWith(base)) {
    crawl.links.push(`${from}: ${raw} leaves ${base} (${url.pathname})`);
    return undefined;
  }
  crawl.urlsChecked++;
  return { path: url.pathname + url.search, hash: url.hash };
}

async function runCrawl(): Promise<void> {
  const pending: { path: string; from: string; expect: number }[] = [{ path: base, from: 'the start', expect: 200 }];
  for (const page of htmlFiles(outDir)) {
    const rel = relative(outDir, page).split('\\').join('/');
    pending.push({ path: base + rel.replace(/(^|\/)index\.html$/, '$1'), from: 'dist/', expect: 200 });
  }
  // What no page links to, but the search page's script and feed readers load.
  for (const path of ['pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'rss.xml', 'sitemap-index.xml']) {
    pending.push({ path: base + path, from: 'the search page and feed readers', expect: 200 });
  }
  // The 404 page is served at any depth: its links must not depend on where.
  pending.push({ path: `${base}no/such/page/here/`, from: 'an unknown path', expect: 404 });
  const wanted: { path: string; id: string; from: string }[] = [];

  while (pending.length > 0) {
    const { path, from, expect: status } = pending.shift()!;
    if (crawl.fetched.has(path)) continue;
    const res = await get(path);
    crawl.fetched.set(path, res);
    if (res.status !== status) {
      crawl.serving.push(`${path} (linked from ${from}): status ${res.status}${res.location ? ` → ${res.location}` : ''}, expected ${status}`);
      continue;
    }
    const file = status === 404 ? join(outDir, '404.html') : fileFor(path.split('?')[0]!);
    if (!file) {
      crawl.serving.push(`${path} (linked from ${from}): served with ${res.status} but no such file in dist/`);
      continue;
    }
    if (!res.body.equals(readFileSync(file))) crawl.serving.push(`${path}: the body differs from ${relative(outDir, file)}`);
    const type = types[extname(file)];
    if (type && !res.type.startsWith(type)) crawl.serving.push(`${path}: content-type ${res.type}, expected ${type}`);

    const text = res.body.toString('utf8');
    let urls: string[] = [];
    if (file.endsWith('.html')) {
      urls = pageUrls(text);
      for (const value of rootPaths(text, base)) crawl.rooted.push(`${path}: ${value}`);
    } else if (file.endsWith('.css')) {
      urls = cssUrls(text);
      for (const value of urls) {
        if (value.startsWith('/') && !value.startsWith('//') && !value.startsWith(base)) crawl.rooted.push(`${path}: url(${value})`);
      }
    } else if (/\.m?js$/.test(file)) {
      urls = scriptImports(text);
    } else if (file.endsWith('.xml')) {
      // The feed and the sitemap: absolute URLs of pages, which must be this preview's.
      urls = [...text.matchAll(/<(loc|link|guid)\b[^>]*>([^<]+)<\/\1>/g)].map((m) => m[2]!.trim());
    }
    if (file.endsWith('.html')) {
      // Link previews' images and canonical addresses are absolute: they must be this preview's too.
      urls.push(...[...text.matchAll(/<meta (?:property|name)="(?:og:image|og:url)" content="([^"]+)"/g)].map((m) => m[1]!));
    }
    for (const raw of urls) {
      const target = resolveInternal(raw, path, path);
      if (!target) continue;
      if (target.hash.length > 1) wanted.push({ path: target.path, id: decodeURIComponent(target.hash.slice(1)), from: `${path}: ${raw}` });
      if (!crawl.fetched.has(target.path)) pending.push({ path: target.path, from: path, expect: 200 });
    }
  }

  const ids = new Map<string, Set<string>>();
  for (const { path, id, from } of wanted) {
    const res = crawl.fetched.get(path);
    if (!res || res.status !== 200) continue; // already reported as a broken link
    if (!res.type.startsWith('text/html')) {
      crawl.fragments.push(`${from}: #${id} on a resource that is no page`);
      continue;
    }
    if (!ids.has(path)) ids.set(path, idsIn(res.body.toString('utf8')));
    if (!ids.get(path)!.has(id)) crawl.fragments.push(`${from}: no element with id "${id}" on ${path}`);
    crawl.fragmentsChecked++;
  }
}

/**
 * Builds, starts nginx and crawls. A problem here (no nginx, a failed build)
 * is kept and thrown by every test, so each one fails with it, none is skipped.
 */
let setupError: unknown;
function ready(): void {
  if (setupError) throw setupError;
}

async function setUp(): Promise<void> {
  if (!existsSync(nginxBin)) {
    throw new Error(
      `nginx is not installed: ${nginxBin} does not exist. This test serves the built site with a real nginx. ` +
        'Install it with `apt-get install -y nginx` (Debian/Ubuntu; .ci/run does this when /usr/sbin/nginx is missing), ' +
        'or set NGINX_BIN to an nginx binary.',
    );
  }
  const root = projectCopy('nginx-preview');
  const build = astroBuild(root, join(root, 'dist'), ['--base', base, '--site', site]);
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.output}`);
  outDir = build.outDir;

  prefix = join(root, 'nginx');
  mkdirSync(join(prefix, 'empty'), { recursive: true });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, nginxConf(prefix, port, outDir));
  nginx = spawn(nginxBin, ['-c', conf, '-p', `${prefix}/`, '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  nginx.stdout!.on('data', (d: Buffer) => (nginxOutput += d.toString()));
  nginx.stderr!.on('data', (d: Buffer) => (nginxOutput += d.toString()));
  nginx.on('error', (e) => (nginxOutput += `${e.message}\n`));
  await waitForNginx();
  await runCrawl();
}

describe(`a pull-request preview served by nginx under ${base}`, () => {
  beforeAll(async () => {
    try {
      await setUp();
    } catch (error) {
      setupError = error;
    }
  }, 300_000);

  afterAll(async () => {
    await stopNginx();
  });

  it('crawls every page of the build', () => {
    ready();
    const pages = htmlFiles(outDir).map((p) => relative(outDir, p).split('\\').join('/'));
    expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'deepseek-r1/index.html', 'glossary/index.html']));
    const servedPages = [...crawl.fetched].filter(([, r]) => r.status === 200 && r.type.startsWith('text/html'));
    expect(servedPages.length).toBeGreaterThanOrEqual(pages.length);
    expect(crawl.fetched.has(`${base}deepseek-r1/`)).toBe(true);
  });

  it('serves every internal URL with status 200 and the bytes of its file in dist/', () => {
    ready();
    expect(crawl.serving).toEqual([]);
  });

  it('finds zero broken links or assets', () => {
    ready();
    expect(crawl.links).toEqual([]);
    expect(crawl.urlsChecked).toBeGreaterThan(100);
  });

  it('finds every #fragment as an id on its page', () => {
    ready();
    expect(crawl.fragments).toEqual([]);
    expect(crawl.fragmentsChecked).toBeGreaterThan(50);
  });

  it('points nothing at the domain root', () => {
    ready();
    expect(crawl.rooted).toEqual([]);
  });

  it('serves the 404 page with status 404 for an unknown path, inside the base or not', async () => {
    ready();
    const notFound = readFileSync(join(outDir, '404.html'));
    for (const path of [`${base}no-such-explainer/`, `${base}deepseek-r1/nope.html`, '/no-such-page']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.type, path).toMatch(/^text\/html/);
      expect(res.body.equals(notFound), `${path} is not the site's 404 page`).toBe(true);
    }
  });

  it('redirects a folder without its trailing slash within the base', async () => {
    ready();
    const res = await get(`${base}glossary`);
    expect(res.status).toBe(301);
    expect(res.location).toBe(`${base}glossary/`);
  });
});
