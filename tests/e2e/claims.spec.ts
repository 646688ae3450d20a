import { expect, test } from '@playwright/test';
import { noteRefId, sidenoteId } from '../../src/lib/ids.ts';

const url = '/deepseek-r1/';
const statuses = ['verified', 'qualified', 'disputed', 'unverified'];

test('at least 12 note markers link to rated notes that link back', async ({ page }) => {
  await page.goto(url);
  const markers = page.locator('.ex-article a[role="doc-noteref"][data-claim]');
  const ids = await markers.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')!));
  expect(ids.length).toBeGreaterThanOrEqual(12);
  const numbers = await markers.allTextContents();
  expect(numbers).toEqual(ids.map((_, i) => String(i + 1))); // numbered in reading order
  for (const id of ids) {
    const marker = page.locator(`.ex-article a[role="doc-noteref"][data-claim="${id}"]`);
    await expect(marker).toHaveAttribute('href', `#claim-${id}`);
    const note = page.locator(`[role="doc-endnotes"] #claim-${id}`);
    await expect(note).toHaveCount(1);
    expect(statuses).toContain(await note.getAttribute('data-status'));
    const back = note.locator('a[role="doc-backlink"]');
    const href = await back.getAttribute('href');
    expect(await page.locator(href!).getAttribute('data-claim')).toBe(id);
  }
});

test('the endnotes give status legend, sources with links, and safe external links', async ({ page }) => {
  await page.goto(url);
  await expect(page.locator('.ex-legend .ex-status')).toHaveCount(4);
  const external = page.locator('[role="doc-endnotes"] a[href^="http"]');
  expect(await external.count()).toBeGreaterThan(12);
  for (const rel of await external.evaluateAll((els) => els.map((e) => e.getAttribute('rel')))) {
    expect(rel).toBe('noopener noreferrer');
  }
  // An unverified claim says so, with no source to lean on.
  const unverified = page.locator('[role="doc-endnotes"] li[data-status="unverified"]');
  expect(await unverified.count()).toBeGreaterThan(0);
});

test('sidenotes sit beside their line at 1400 px without overlapping', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(url);
  const boxes = await page.locator('.ex-article .ex-note').evaluateAll((notes) =>
    notes.map((n) => {
      const marker = n.querySelector('a[role="doc-noteref"]')!.getBoundingClientRect();
      const side = n.querySelector('.ex-sidenote')!.getBoundingClientRect();
      const text = n.closest('.ex-article')!.getBoundingClientRect();
      return { markerTop: marker.top + scrollY, top: side.top + scrollY, bottom: side.bottom + scrollY, left: side.left, textRight: text.right, width: side.width };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(12);
  let previousBottom = -Infinity;
  for (const b of boxes) {
    expect(b.width).toBeGreaterThan(150);
    expect(b.left).toBeGreaterThan(b.textRight); // in the margin, not over the text
    expect(b.top).toBeGreaterThanOrEqual(previousBottom); // no overlap
    // Beside its line, or just below the note before it when that one is long.
    const besideLine = Math.abs(b.top - b.markerTop) < 40;
    const pushedDown = b.top > b.markerTop && b.top - previousBottom < 30;
    expect(besideLine || pushedDown, JSON.stringify(b)).toBe(true);
    previousBottom = b.bottom;
  }
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a tap opens a note in place under its line, a second tap or Esc closes it', async ({ page }) => {
    await page.goto(url);
    const marker = page.locator('.ex-article a[role="doc-noteref"]').nth(2);
    const id = await marker.getAttribute('data-claim');
    const note = page.locator(`#${sidenoteId(id!)}`);
    await expect(note).toBeHidden();
    await marker.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    await marker.tap();
    await expect(note).toBeVisible();
    await expect(marker).toHaveAttribute('aria-expanded', 'true');
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect((await note.boundingBox())!.y).toBeGreaterThan((await marker.boundingBox())!.y);
    await marker.tap();
    await expect(note).toBeHidden();
    await marker.tap();
    await expect(note).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(note).toBeHidden();
    await expect(marker).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });

  test('the marker leads to the note and the back-link returns to the marker', async ({ page }) => {
    await page.goto(url);
    const marker = page.locator('.ex-article a[role="doc-noteref"]').first();
    const id = await marker.getAttribute('data-claim');
    await marker.click();
    await expect(page).toHaveURL(new RegExp(`#claim-${id}$`));
    await expect(page.locator(`#claim-${id}`)).toBeInViewport();
    await page.locator(`#claim-${id} a[role="doc-backlink"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${noteRefId(id!)}$`));
    await expect(marker).toBeInViewport();
  });
});

test('printed, the notes are endnotes with their addresses written out', async ({ page }) => {
  await page.goto(url);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.ex-sidenote').first()).toBeHidden();
  await expect(page.locator('[role="doc-endnotes"]')).toBeVisible();
  const after = await page
    .locator('[role="doc-endnotes"] .ex-sources a[href^="http"]')
    .first()
    .evaluate((a) => ({ content: getComputedStyle(a, '::after').content, href: a.getAttribute('href') }));
  expect(after.content).toContain(after.href!);
});

test('the endnotes are laid out only near the screen; linked to or printed, they are all there', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  const endnotes = page.locator('.ex-endnotes');
  const lastNote = page.locator('[role="doc-endnotes"] li.ex-endnote').last();
  const rendered = () => lastNote.evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
  // On a phone the first screen is the headline and the article: the notes far below are skipped,
  expect(await endnotes.evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('auto');
  expect(await rendered()).toBe(false);
  // yet in the accessibility tree, and a link to a note renders it.
  await expect(page.getByRole('heading', { name: 'Notes on the claims' })).toBeAttached();
  await page.goto(`${url}#${await lastNote.getAttribute('id')}`);
  await expect(lastNote).toBeInViewport();
  expect(await rendered()).toBe(true);
  // Printed, nothing is skipped.
  await page.goto(url);
  await page.emulateMedia({ media: 'print' });
  expect(await endnotes.evaluate((el) => getComputedStyle(el).contentVisibility)).toBe('visible');
  expect(await rendered()).toBe(true);
});

test('under forced colours the marks stay visible: a claim as a dashed line, a link target as an outline', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${url}#p-2`);
  const claim = await page.locator('#p-2 .ex-claim').first().evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.borderBottomStyle, width: parseFloat(s.borderBottomWidth), image: s.backgroundImage };
  });
  expect(claim.style).toBe('dashed');
  expect(claim.width).toBeGreaterThan(0);
  expect(await page.locator('#p-2').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
});

test('printed from a dark screen, the page uses the light palette and keeps every mark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await page.goto(url);
  const styles = await page.evaluate(() => {
    const css = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    return {
      background: getComputedStyle(document.documentElement).backgroundColor,
      verified: css('.ex-endnote .ex-status[data-status="verified"]').color,
      claim: css('.ex-article .ex-claim').borderBottomStyle,
      term: css('.ex-article .ex-term').textDecorationLine,
      speaker: css('.ex-article .ex-speaker-link').textDecorationLine,
      marker: css('.ex-article a[role="doc-noteref"]').display,
    };
  });
  expect(styles).toEqual({
    background: 'rgb(255, 255, 255)',
    verified: 'rgb(31, 107, 58)', // the light palette's green, not the dark one's
    claim: 'dashed',
    term: 'underline',
    speaker: 'underline',
    marker: 'inline',
  });
});
