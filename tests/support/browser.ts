/**
 * Which Chromium the end-to-end tests drive: CHROMIUM_PATH when set, else
 * Playwright's own download when present, else Debian's /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The executable to launch, or undefined for Playwright's own browser. */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync(chromium.executablePath())) return undefined;
  return systemChromium.find((p) => existsSync(p));
}

/** Collects a page's console errors, uncaught exceptions and CSP violations, from its next navigation on. */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}
