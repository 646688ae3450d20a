import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable, chromiumFlags } from './support/browser.ts';

/**
 * A free port, chosen once by the main process and inherited by the workers
 * (which load this file again). Never the dev server's 4321, and never a
 * server that happens to be running: the tests always see a fresh build.
 */
function freePort(): string {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}
process.env.E2E_PORT ||= freePort();
const port = Number(process.env.E2E_PORT);
const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: './e2e',
  outputDir: './.tmp/e2e-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { args: chromiumFlags, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1400, height: 900 } } }],
  webServer: {
    // The built site, served as a static host serves it (tests/support/serve-dist.mjs).
    command: `npm run build && node tests/support/serve-dist.mjs --dir dist --port ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
  },
});
