/**
 * Permalinks: every paragraph, quotation, claim note and glossary entry has
 * a stable id and a small copy-link control; opening such a link scrolls to
 * it and highlights it, with or without JavaScript.
 */
import { expect, test } from '@playwright/test';
import { watchProblems } from '../support/browser.ts';

const url = '/deepseek-r1/';
const highlight = 'rgb(227, 237, 244)'; // --ex-accent-soft, light

test('every paragraph, quotation, claim note and glossary entry has a named copy-link button', async ({ page }) => {
  await page.goto(url);
  const counts = await page.evaluate(() => ({
    paragraphs: document.querySelectorAll('.ex-article > p[id]').length,
    quotes: document.querySelectorAll('.ex-card-quotes li').length,
    notes: document.querySelectorAll('[role="doc-endnotes"] li[id]').length,
    terms: document.querySelectorAll('[role="doc-glossary"] .ex-gloss-entry').length,
  }));
  const buttons = page.locator('a.ex-permalink[role="button"]');
  await expect(buttons).toHaveCount(counts.paragraphs + counts.quotes + counts.notes + counts.terms);
  await expect(page.locator('a.ex-permalink:not([role="button"])')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Copy link to paragraph 12', exact: true })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Copy link to note 1', exact: true })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Copy link to the glossary entry “Nvidia”' })).toHaveCount(1);
  await expect(page.locator('#speaker-feng-ji').getByRole('button', { name: /^Copy link to the quotation “This jaw-dropping/ })).toHaveCount(1);
  // Each names an id that exists on the page.
  for (const target of await buttons.evaluateAll((els) => els.map((b) => b.getAttribute('href')!))) {
    await expect(page.locator(target)).toHaveCount(1);
  }
});

test('a copy-link button copies the full address, says so, and moves neither focus nor the page', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await watchProblems(page);
  await page.goto(url);
  const button = page.getByRole('button', { name: 'Copy link to paragraph 3', exact: true });
  await button.focus();
  const before = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${url}#p-3`);
  // Space works as well as Enter, as on any button.
  await page.getByRole('button', { name: 'Copy link to note 2', exact: true }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${url}#claim-deepseek-founding`);
  await page.getByRole('button', { name: 'Copy link to paragraph 3', exact: true }).focus();
  await expect(button).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  expect(new URL(page.url()).hash).toBe('');
  expect(problems).toEqual([]);
});

test('a claim permalink opened on a fresh page is in view and highlighted, with no console error or CSP violation', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.goto(url);
  const id = await page.locator('[role="doc-endnotes"] li[id]').nth(7).getAttribute('id');
  const fresh = await page.context().newPage();
  const freshProblems = await watchProblems(fresh);
  await fresh.goto(`${url}#${id}`);
  const note = fresh.locator(`#${id}`);
  await expect(note).toBeInViewport();
  expect(await note.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(highlight);
  await fresh.waitForLoadState('networkidle');
  expect([...problems, ...freshProblems]).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each control is a plain link to its fragment, which scrolls to it and highlights it', async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('button', { name: /^Copy link/ })).toHaveCount(0);
    const link = page.getByRole('link', { name: 'Link to paragraph 20', exact: true });
    await expect(link).toHaveAttribute('href', '#p-20');
    await link.click();
    await expect(page).toHaveURL(/#p-20$/);
    await expect(page.locator('#p-20')).toBeInViewport();
    expect(await page.locator('#p-20').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(highlight);
  });

  test('a claim permalink opened on a fresh page is in view and highlighted', async ({ page }) => {
    await page.goto(`${url}#claim-li-qiang-symposium`);
    await expect(page.locator('#claim-li-qiang-symposium')).toBeInViewport();
    expect(await page.locator('#claim-li-qiang-symposium').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(highlight);
  });
});

test('the glossary index has a copy-link button on each entry', async ({ page }) => {
  await page.goto('/glossary/');
  const entries = await page.locator('.ex-gloss-entry').count();
  await expect(page.getByRole('button', { name: /^Copy link to the glossary entry/ })).toHaveCount(entries);
});
