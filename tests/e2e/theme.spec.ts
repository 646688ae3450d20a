/**
 * The theme: the system's setting by default, a toggle that remembers the
 * reader's choice, and no flash of the other theme when the page loads.
 */
import { expect, test, type Page } from '@playwright/test';

const url = '/deepseek-r1/';
const light = 'rgb(251, 249, 244)';
const dark = 'rgb(22, 21, 20)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** Records console errors and CSP violations of a page. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`follows the system's ${scheme} setting when the reader has chosen nothing`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url);
    expect(await background(page)).toBe(scheme === 'dark' ? dark : light);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'auto');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', String(scheme === 'dark'));
  });
}

test('a stored choice opposite to the system is there from the first frame, with no flash and no CSP violation', async ({ page }) => {
  const problems = watchProblems(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
    localStorage.setItem('ex-theme', 'dark');
    // Every frame's background until the page has loaded: the first one is what the reader sees first.
    const frames: string[] = ((window as unknown as { frames_: string[] }).frames_ = []);
    const record = () => {
      frames.push(getComputedStyle(document.documentElement).backgroundColor);
      if (document.readyState !== 'complete') requestAnimationFrame(record);
    };
    requestAnimationFrame(record);
  });
  await page.goto(url);
  await page.waitForLoadState('load');
  const frames = await page.evaluate(() => (window as unknown as { frames_: string[] }).frames_);
  expect(frames.length).toBeGreaterThan(0);
  expect(new Set(frames)).toEqual(new Set([dark]));
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(problems).toEqual([]);
});

test('the toggle switches the theme, remembers it across pages, and goes back to the system’s', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await background(page)).toBe(dark);
  expect(await page.evaluate(() => localStorage.getItem('ex-theme'))).toBe('dark');
  await page.goto('/glossary/');
  expect(await background(page)).toBe(dark);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await background(page)).toBe(light);
  // The choice is now the system's own: nothing is stored, the page follows the system again.
  expect(await page.evaluate(() => localStorage.getItem('ex-theme'))).toBeNull();
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background(page)).toBe(dark);
});

test('the theme script runs under the page’s CSP when a host sends it as a header', async ({ page }) => {
  const problems = watchProblems(page);
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const type = response.headers()['content-type'] ?? '';
    if (!type.startsWith('text/html')) return route.fulfill({ response });
    const body = await response.text();
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(body)![1]!.replaceAll('&#39;', "'");
    await route.fulfill({ response, body, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    localStorage.setItem('ex-theme', 'dark');
  });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  expect(await background(page)).toBe(dark);
  expect(problems).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the page follows the system and shows no toggle that could not work', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(url);
    expect(await background(page)).toBe(dark);
    await expect(page.locator('.ex-theme-toggle')).toBeHidden();
  });
});
