// A static file server for the built site, as a static host serves it:
// `dist/` under an optional base path, `index.html` for a folder, `404.html`
// with status 404 for anything else, text compressed with gzip when the
// client accepts it (as every static host does, so page weights and load
// times measured through it are the real ones). The end-to-end tests run against this,
// never against a dev server that happens to be running.
//
//   node tests/support/serve-dist.mjs --dir dist --port 0 [--base /pr-preview/pr-7/]
//
// Prints `listening on http://127.0.0.1:<port><base>` once it accepts requests.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** The file a request path maps to, or undefined when there is none. */
function fileFor(root, base, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  if (!path.startsWith(base)) return undefined;
  const rel = normalize(path.slice(base.length)).replace(/^([/\\])+/, '');
  const abs = resolve(root, rel);
  if (abs !== root && !abs.startsWith(root + sep)) return undefined;
  if (!existsSync(abs)) return undefined;
  const stat = statSync(abs);
  if (stat.isFile()) return abs;
  if (stat.isDirectory()) {
    // A folder without its trailing slash: static hosts redirect; so do we.
    if (!path.endsWith('/')) return { redirect: `${path}/` };
    const index = join(abs, 'index.html');
    return existsSync(index) ? index : undefined;
  }
  return undefined;
}

/** Starts the server; resolves with its origin once it listens. */
export function serveDist({ dir, port = 0, base = '/' }) {
  const root = resolve(dir);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = createServer((req, res) => {
    const found = fileFor(root, prefix, req.url ?? '/');
    if (found && typeof found === 'object') {
      res.writeHead(301, { location: found.redirect });
      res.end();
      return;
    }
    const file = found ?? join(root, '404.html');
    const status = found ? 200 : 404;
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found');
      return;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && /^(text\/|application\/(json|xml|javascript|ld\+json)|image\/svg)/.test(type);
    res.writeHead(status, { 'content-type': type, vary: 'Accept-Encoding', ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
    if (req.method === 'HEAD') res.end();
    else if (gzip) createReadStream(file).pipe(createGzip()).pipe(res);
    else createReadStream(file).pipe(res);
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      done({ server, origin: `http://127.0.0.1:${address.port}`, url: `http://127.0.0.1:${address.port}${prefix}` });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { dir: { type: 'string', default: 'dist' }, port: { type: 'string', default: '0' }, base: { type: 'string', default: '/' } },
  });
  const { url } = await serveDist({ dir: values.dir, port: Number(values.port), base: values.base });
  console.log(`listening on ${url}`);
}
