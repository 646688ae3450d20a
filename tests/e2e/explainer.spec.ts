import { expect, test, type Page } from '@playwright/test';
import { seedLines, squash } from '../support/seed.ts';

const url = '/deepseek-r1/';

/** Collects console errors and uncaught exceptions of a page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test('the article paragraphs p-1…p-30 hold exactly seed lines 1–30, in order', async ({ page }) => {
  await page.goto(url);
  const paragraphs = page.locator('.ex-article > p');
  await expect(paragraphs).toHaveCount(30);
  const ids = await paragraphs.evaluateAll((els) => els.map((e) => e.id));
  expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => `p-${i + 1}`));
  for (let n = 1; n <= 30; n++) {
    const text = await page.locator(`#p-${n}`).evaluate((el) => {
      // The visible text of the article itself: note markers and sidenotes are not part of it.
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.ex-note').forEach((x) => x.remove());
      return copy.textContent ?? '';
    });
    expect(squash(text), `p-${n}`).toBe(squash(seedLines[n - 1]!));
  }
});

test('nothing from the teaser lines 31–34 is on the page', async ({ page }) => {
  await page.goto(url);
  const body = squash((await page.locator('body').textContent()) ?? '');
  for (const line of seedLines.slice(30, 34)) {
    // A distinctive stretch of each teaser line.
    expect(body).not.toContain(squash(line).slice(0, 60));
  }
  await expect(page.locator('#p-31')).toHaveCount(0);
});

test('the header gives the headline, dek, source credit and reading time', async ({ page }) => {
  await page.goto(url);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('.ex-title')).toContainText('DeepSeek');
  await expect(page.locator('.ex-dek')).not.toBeEmpty();
  await expect(page.locator('.ex-meta')).toContainText('Source');
  await expect(page.locator('.ex-meta')).toContainText(/\d+ min/);
  await expect(page.locator('.ex-intro li')).toHaveCount(5);
  await expect(page.locator('.ex-dateline')).toHaveText('HONG KONG —');
});

test('the page loads without console errors', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});

for (const width of [1400, 390]) {
  test(`renders at ${width} px without horizontal scroll, and keeps a screenshot`, async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Kept as files in the test's output folder (tests/.tmp/e2e-results/) for reviewers.
    for (const [name, fullPage] of [[`explainer-${width}.png`, false], [`explainer-${width}-full.png`, true]] as const) {
      const path = testInfo.outputPath(name);
      await page.screenshot({ path, fullPage });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    }
    expect(errors).toEqual([]);
  });
}

test('the home page lists the explainer and links to it', async ({ page }) => {
  await page.goto('/');
  const link = page.locator('.ex-index-list a', { hasText: 'DeepSeek' });
  await expect(link).toHaveCount(1);
  await link.click();
  await expect(page).toHaveURL(/\/deepseek-r1\/$/);
});

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-explainer/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
});

test('the tests see the built site, not a dev server (no dev toolbar, no Vite client)', async ({ page }) => {
  await page.goto(url);
  const html = await page.content();
  expect(html).not.toContain('/@vite/client');
  await expect(page.locator('astro-dev-toolbar')).toHaveCount(0);
  // The scripts and styles are bundled by the build and inlined into the page (a dev
  // server links each script as a module of its own, served on demand): the page's
  // enhancement, its copy-link buttons and the theme toggle, each self-contained.
  const scripts = page.locator('script[type="module"]');
  await expect(scripts).toHaveCount(3);
  await expect(page.locator('script[src]')).toHaveCount(0);
  for (const code of await scripts.allTextContents()) expect(code).not.toMatch(/^\s*import\b|\bimport\s*\(/m);
  await expect(page.locator('style')).not.toHaveCount(0);
  expect(html).not.toMatch(/\/src\/|\?astro&type=(style|script)/);
});

test('the review view’s styles are in the review view only, which they lay out', async ({ page }) => {
  const ruleSelectors = () =>
    [...document.styleSheets].flatMap((sheet) => {
      const all = (rules: CSSRuleList): string[] =>
        [...rules].flatMap((r) => ('selectorText' in r ? [(r as CSSStyleRule).selectorText] : 'cssRules' in r ? all((r as CSSGroupingRule).cssRules) : []));
      return all(sheet.cssRules);
    });
  await page.goto(url);
  const onPage = await page.evaluate(ruleSelectors);
  expect(onPage.some((s) => s.includes('.ex-article'))).toBe(true);
  expect(onPage.filter((s) => s.includes('.ex-review'))).toEqual([]);
  await page.goto(`${url}review/`);
  expect((await page.evaluate(ruleSelectors)).some((s) => s.includes('.ex-review-counts'))).toBe(true);
  // The view's column, and the counts set as a row of boxes.
  await expect(page.locator('.ex-review')).toHaveCSS('max-width', '736px');
  await expect(page.locator('.ex-review-counts')).toHaveCSS('display', 'flex');
});

test('every page carries a Content-Security-Policy without unsafe-inline scripts, and works under it with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const path of ['/', url, '/glossary/', '/people/feng-ji/', '/no-such-page/']) {
    await page.goto(path);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp, path).toMatch(/script-src 'self'( 'sha(256|384|512)-[^']+')*;/);
    expect(csp, path).not.toContain('unsafe-inline');
    expect(csp, path).toContain("object-src 'none'");
  }
  await page.goto(url);
  await page.locator('.ex-article a[data-term]').first().hover();
  await expect(page.locator('#ex-popover')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('the social card is a 1200 × 630 PNG that the browser decodes: the accent bar on top, the page colour below, the headline in ink', async ({ page }) => {
  await page.goto(url);
  const card = await page.locator('meta[property="og:image"]').getAttribute('content');
  const pixels = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = new URL(src).pathname;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const at = (x: number, y: number) => [...g.getImageData(x, y, 1, 1).data];
    // The darkest pixel of the headline's band, where its first line is drawn.
    const band = g.getImageData(72, 130, 600, 60).data;
    let darkest = 255 * 3;
    for (let i = 0; i < band.length; i += 4) darkest = Math.min(darkest, band[i]! + band[i + 1]! + band[i + 2]!);
    return { size: [img.naturalWidth, img.naturalHeight], bar: at(600, 6), page: at(20, 400), darkest };
  }, card!);
  expect(pixels.size).toEqual([1200, 630]);
  expect(pixels.bar).toEqual([0x1d, 0x4f, 0x73, 255]);
  expect(pixels.page).toEqual([0xfb, 0xf9, 0xf4, 255]);
  expect(pixels.darkest).toBeLessThan(150);
});
