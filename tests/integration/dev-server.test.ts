/**
 * `astro dev` with a content error: the problem is printed once and shown at
 * the top of the page (which keeps the last content that loaded), and both
 * go away when the file is fixed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, projectCopy, projectRoot } from '../support/build-site.ts';

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeout = 60_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('the dev server with a content error', () => {
  let dev: ChildProcess;
  let output = '';
  let url: string;
  let root: string;
  const claim = 'content/claims/deepseek-r1/app-store-top-spot.md';
  const banner = /<section class="ex-content-status"[\s\S]*?<\/section>/;
  const page = async () => (await fetch(url)).text();

  beforeAll(async () => {
    root = projectCopy('dev-server');
    const port = await freePort();
    url = `http://127.0.0.1:${port}/deepseek-r1/`;
    dev = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--root', root, '--port', String(port), '--host', '127.0.0.1'], {
      cwd: root,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    dev.stdout!.on('data', (d) => (output += String(d)));
    dev.stderr!.on('data', (d) => (output += String(d)));
    await until('the dev server', async () => ((await fetch(url)).ok ? true : undefined));
  }, 120_000);

  afterAll(() => {
    dev?.kill();
  });

  it('shows the error once in the terminal and on the page, keeps the last good content, and recovers', async () => {
    expect(await page()).not.toMatch(banner);
    const good = readFileSync(join(root, claim), 'utf8');
    writeFileSync(join(root, claim), good.replace('status: qualified', 'status: qualifed'));
    const shown = await until('the error on the page', async () => banner.exec(await page())?.[0]);
    expect(shown).toContain(`${claim}:4:9`);
    expect(shown).toMatch(/found (&quot;|&#34;|")qualifed/);
    // The last content that loaded is still on the page.
    expect(await page()).toContain('data-claim="app-store-top-spot"');
    await new Promise((r) => setTimeout(r, 1000));
    expect(output.split(`${claim}:4:9  error`).length - 1, output).toBe(1);
    expect(output).not.toMatch(/^\s+at .+\.ts:\d+:\d+\)?$/m);

    writeFileSync(join(root, claim), good);
    await until('the error to clear', async () => (banner.test(await page()) ? undefined : true));
  }, 120_000);
});
