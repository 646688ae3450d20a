import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = ['/', '/deepseek-r1/', '/glossary/', '/people/feng-ji/', '/people/deepseek/', '/no-such-page/', '/search/?q=export+controls'];

// An axe run on the explainer page takes seconds; on a loaded machine, many.
test.describe.configure({ timeout: 120_000 });

for (const width of [1400, 390]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const url of pages) {
      test(`axe finds no violations on ${url} at ${width} px in ${colorScheme} mode`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await page.goto(url);
        // The search page's results arrive after the page has loaded.
        if (url.startsWith('/search/')) await page.locator('.ex-search-results li').first().waitFor();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      });
    }
  }
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('axe finds no violations with a note open in place', async ({ page }) => {
    await page.goto('/deepseek-r1/');
    const marker = page.locator('.ex-article a[role="doc-noteref"]').first();
    await marker.tap();
    await expect(page.locator('.ex-sidenote.is-open')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});
