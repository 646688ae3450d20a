/**
 * What assistive technology is told, read from Chromium's accessibility tree:
 * links stay links, the hover preview is not announced, and a note marker
 * says it is expanded or collapsed only while notes open in place.
 */
import { expect, test } from '@playwright/test';
import { definitionId } from '../../src/lib/ids.ts';

const url = '/deepseek-r1/';

test('a term is a link to its entry, described by its definition, and stays a plain link while previewed', async ({ page }) => {
  await page.goto(url);
  const term = page.locator('.ex-article a[data-term="deepseek"]');
  await expect(term).toMatchAriaSnapshot(`- link "DeepSeek":\n  - /url: "#term-deepseek"`);
  const definition = (await page.locator(`#${definitionId('deepseek')}`).textContent())!.replace(/\s+/g, ' ').trim();
  await expect(term).toHaveAccessibleDescription(definition);
  await term.hover();
  await expect(page.locator('#ex-popover')).toBeVisible();
  // The preview copies the entry the link leads to; it is not announced a second time.
  await expect(page.locator('#ex-popover')).toHaveAttribute('aria-hidden', 'true');
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await term.getAttribute('aria-expanded')).toBeNull();
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree.split(definition.slice(0, 40)).length - 1, 'the definition is in the tree once, in the glossary').toBe(1);
});

test('a speaker’s name is a link to the card, and the card reads as a named article with its heading', async ({ page }) => {
  await page.goto(url);
  const name = page.locator('#p-4 a[data-speaker-link="feng-ji"]');
  await expect(name).toMatchAriaSnapshot(`- link "Feng Ji":\n  - /url: "#speaker-feng-ji"`);
  await name.focus();
  await expect(page.locator('#ex-popover')).toBeVisible();
  expect(await name.getAttribute('aria-expanded')).toBeNull();
  await expect(page.locator('#speaker-feng-ji')).toMatchAriaSnapshot(`
    - article "Feng Ji":
      - heading "Feng Ji" [level=3]
      - paragraph: /Founder and chief executive, Game Science/
      - list:
        - listitem:
          - link /¶4/
  `);
});

test('on a wide screen a note marker is a plain link (the sidenote is always shown)', async ({ page }) => {
  await page.goto(url);
  const marker = page.locator('.ex-article a[role="doc-noteref"]').first();
  await expect(marker).toMatchAriaSnapshot(`- 'link "Note 1: Verified"':\n  - /url: "#claim-nvidia-market-value-drop"`);
  expect(await marker.getAttribute('aria-expanded')).toBeNull();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a note marker says collapsed, then expanded once tapped open in place', async ({ page }) => {
    await page.goto(url);
    const marker = page.locator('.ex-article a[role="doc-noteref"]').first();
    await expect(marker).toMatchAriaSnapshot(`- 'link "Note 1: Verified" [expanded=false]'`);
    await marker.tap();
    await expect(marker).toMatchAriaSnapshot(`- 'link "Note 1: Verified" [expanded=true]'`);
  });

  test('widening the window drops the expanded state with the inline note', async ({ page }) => {
    await page.goto(url);
    const marker = page.locator('.ex-article a[role="doc-noteref"]').first();
    await marker.tap();
    await expect(marker).toHaveAttribute('aria-expanded', 'true');
    await page.setViewportSize({ width: 1400, height: 900 });
    await expect.poll(() => marker.getAttribute('aria-expanded')).toBeNull();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('no marker claims to be collapsed: nothing would expand it', async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('.ex-article a[role="doc-noteref"][aria-expanded]')).toHaveCount(0);
    await expect(page.locator('.ex-article a[aria-expanded]')).toHaveCount(0);
  });
});
