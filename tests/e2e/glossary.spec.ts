import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { definitionId } from '../../src/lib/ids.ts';
import { seedLines, squash } from '../support/seed.ts';

const url = '/deepseek-r1/';
const popover = '#ex-popover';

test('at least 18 terms link to glossary entries that hold a <dfn> and back-links', async ({ page }) => {
  await page.goto(url);
  const ids = await page.locator('.ex-article a[data-term]').evaluateAll((els) => els.map((e) => e.getAttribute('data-term')!));
  expect(new Set(ids).size).toBe(ids.length); // only the first use is linked
  expect(ids.length).toBeGreaterThanOrEqual(18);
  for (const id of ids) {
    const link = page.locator(`.ex-article a[data-term="${id}"]`);
    await expect(link).toHaveAttribute('href', `#term-${id}`);
    const entry = page.locator(`[role="doc-glossary"] #term-${id}`);
    await expect(entry).toHaveCount(1);
    await expect(entry.locator('dfn')).toHaveCount(1);
    const backlinks = await entry.locator('.ex-backlinks a').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
    expect(backlinks.length).toBeGreaterThan(0);
    // The first back-link is the paragraph holding the linked use.
    const linkParagraph = await link.evaluate((el) => el.closest('p')!.id);
    expect(backlinks[0]).toBe(`#${linkParagraph}`);
    for (const href of backlinks) await expect(page.locator(href)).toHaveCount(1);
  }
});

test('the glossary lists terms in order of first appearance', async ({ page }) => {
  await page.goto(url);
  const inText = await page.locator('.ex-article a[data-term]').evaluateAll((els) => els.map((e) => e.getAttribute('data-term')));
  const inGlossary = await page.locator('[role="doc-glossary"] .ex-gloss-entry').evaluateAll((els) => els.map((e) => e.id.replace(/^term-/, '')));
  expect(inGlossary).toEqual(inText);
});

test('keeps the spaces around term links', async ({ page }) => {
  await page.goto(url);
  const contexts = await page.locator('.ex-article a[data-term]').evaluateAll((els) =>
    els.map((a) => {
      const p = a.closest('p')!;
      // The article's own text before the link: note markers and sidenotes are not part of it.
      let offset = 0;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node && !a.contains(node); node = walker.nextNode()) {
        if (a.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) break;
        if (!node.parentElement!.closest('.ex-note')) offset += node.textContent!.length;
      }
      return { n: Number(p.id.slice(2)), offset, text: a.textContent! };
    }),
  );
  for (const c of contexts) {
    const line = seedLines[c.n - 1]!.trim();
    // The link's text sits at the same place as in the seed, so nothing around it was lost.
    expect(line.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
  }
});

test('hovering a term shows its definition next to the word', async ({ page }) => {
  await page.goto(url);
  const term = page.locator('.ex-article a[data-term="nvidia"]');
  await term.hover();
  await expect(page.locator(popover)).toBeVisible();
  const definition = squash((await page.locator(`#${definitionId('nvidia')}`).textContent()) ?? '');
  await expect(page.locator(popover)).toContainText(definition.slice(0, 40));
  const t = (await term.boundingBox())!;
  const p = (await page.locator(popover).boundingBox())!;
  expect(Math.abs(p.y - (t.y + t.height))).toBeLessThan(20);
  await page.mouse.move(5, 5);
  await expect(page.locator(popover)).toBeHidden();
});

test('Tab focus opens the definition and Esc closes it', async ({ page }) => {
  await page.goto(url);
  await page.locator('.ex-intro').click();
  let focused: string | null = null;
  for (let i = 0; i < 40 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.term ?? null);
  }
  expect(focused).not.toBeNull();
  await expect(page.locator(popover)).toBeVisible();
  await expect(page.locator(popover)).toContainText(squash((await page.locator(`#term-${focused} dfn`).textContent()) ?? ''));
  await expect(page.locator(`.ex-article a[data-term="${focused}"]`)).toHaveAttribute('aria-describedby', definitionId(focused!));
  await page.keyboard.press('Escape');
  await expect(page.locator(popover)).toBeHidden();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a tap opens the definition in place, without a jump', async ({ page }) => {
    await page.goto(url);
    const term = page.locator('.ex-article a[data-term="high-flyer"]');
    await term.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => window.scrollY);
    await term.tap();
    await expect(page.locator(popover)).toBeVisible();
    await expect(page.locator(popover)).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    expect(new URL(page.url()).hash).toBe('');
    await page.keyboard.press('Escape');
    await expect(page.locator(popover)).toBeHidden();
  });

  test('the glossary follows the article', async ({ page }) => {
    await page.goto(url);
    const article = (await page.locator('.ex-article').boundingBox())!;
    const glossary = (await page.locator('[role="doc-glossary"]').boundingBox())!;
    expect(glossary.y).toBeGreaterThanOrEqual(article.y + article.height);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a term link still leads to its entry', async ({ page }) => {
    await page.goto(url);
    await page.locator('.ex-article a[data-term="weibo"]').click();
    await expect(page).toHaveURL(/#term-weibo$/);
    await expect(page.locator('#term-weibo')).toBeInViewport();
  });
});

test('an axe scan with a definition open finds no violations', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(url);
  await page.locator('.ex-article a[data-term="deepseek"]').focus();
  await expect(page.locator(popover)).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('the glossary index lists every term A–Z with links to where it is used', async ({ page }) => {
  await page.goto('/glossary/');
  const terms = await page.locator('.ex-gloss-entry dfn').allTextContents();
  expect(terms.length).toBeGreaterThanOrEqual(18);
  const sorted = [...terms].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  expect(terms).toEqual(sorted);
  const link = page.locator('#term-nvidia .ex-backlinks a[href*="#p-"]').first();
  await link.click();
  await expect(page).toHaveURL(/\/deepseek-r1\/#p-\d+$/);
});

/** Scrolls the page so that paragraph `id` crosses the middle of the viewport; returns the page's scroll position. */
async function readParagraph(page: Page, id: string): Promise<number> {
  return page.evaluate((pid) => {
    const r = document.getElementById(pid)!.getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + r.top + r.height / 2 - window.innerHeight / 2, behavior: 'instant' });
    return window.scrollY;
  }, id);
}

/** The glossary entries of the terms marked in paragraph `id` (the terms it introduces). */
async function entriesOf(page: Page, id: string): Promise<string[]> {
  return page.locator(`#${id} a[data-term]`).evaluateAll((els) => els.map((e) => `term-${e.getAttribute('data-term')}`));
}

/** Whether every entry is fully inside the sidebar's visible box and the viewport. */
async function inPanelView(page: Page, ids: string[]): Promise<boolean> {
  return page.evaluate((list) => {
    const panel = document.querySelector('.ex-sidebar-inner')!.getBoundingClientRect();
    return list.every((id) => {
      const r = document.getElementById(id)!.getBoundingClientRect();
      return r.top >= Math.max(panel.top, 0) - 1 && r.bottom <= Math.min(panel.bottom, window.innerHeight) + 1;
    });
  }, ids);
}

for (const motion of ['reduce', 'no-preference'] as const) {
  test(`on a wide screen the glossary brings the entries of the paragraph being read into view (${motion === 'reduce' ? 'instantly, reduced motion' : 'smoothly'})`, async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.emulateMedia({ reducedMotion: motion });
    await page.goto(url);
    const focused = await page.evaluate(() => document.activeElement?.tagName);
    const entries = await entriesOf(page, 'p-12');
    expect(entries.length).toBeGreaterThan(0);
    expect(await inPanelView(page, entries)).toBe(false); // at the top, the panel shows the first entries
    const scrolled = await readParagraph(page, 'p-12');
    await expect.poll(() => inPanelView(page, entries)).toBe(true);
    for (const id of entries) await expect(page.locator(`#${id}`)).toHaveClass(/\bis-current\b/);
    // Only the panel moved: the page stays where the reader put it, and so does focus.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe(focused);
    // A later paragraph with other entries takes over.
    const later = await entriesOf(page, 'p-27');
    await readParagraph(page, 'p-27');
    await expect.poll(() => inPanelView(page, later)).toBe(true);
    // Every entry the paragraph uses is highlighted, the ones it introduces included.
    const used = await page.locator('[role="doc-glossary"] .ex-gloss-entry:has(.ex-backlinks a[href="#p-27"])').count();
    await expect(page.locator('.ex-gloss-entry.is-current')).toHaveCount(used);
    // Past the article, in the endnotes, no entry stays highlighted.
    await page.locator('[role="doc-endnotes"] h2').evaluate((h) => h.scrollIntoView({ block: 'center' }));
    await expect(page.locator('.ex-gloss-entry.is-current')).toHaveCount(0);
  });
}

test.describe('on a phone, the glossary after the article', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('does not move or highlight while the article is read', async ({ page }) => {
    await page.goto(url);
    const scrolled = await readParagraph(page, 'p-12');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await expect(page.locator('.ex-gloss-entry.is-current')).toHaveCount(0);
  });
});
