/**
 * Site search: Pagefind's index of explainers, glossary entries and people,
 * queried from the search page; the header's box leads there.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { explainerIndexList, writeIndex } from '../../src/integrations/search-index.ts';
import { watchProblems } from '../support/browser.ts';

test('“export controls” typed in the header’s box finds the DeepSeek explainer and the glossary entry, by keyboard alone', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.goto('/deepseek-r1/');
  await page.getByRole('searchbox', { name: 'Search explainers, terms and people' }).focus();
  await page.keyboard.type('export controls');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=export\+controls$/);
  const results = page.locator('.ex-search-results');
  await expect(results.getByRole('link', { name: 'Export controls on AI chips' })).toHaveAttribute('href', '/glossary/#term-export-controls');
  await expect(results.getByRole('link', { name: /^DeepSeek’s R1/ })).toHaveAttribute('href', '/deepseek-r1/');
  await expect(page.getByRole('status')).toContainText(/\d+ results? for “export controls”/);
  // ↓ from the box to the first result, and Enter follows it.
  await page.getByRole('searchbox').focus();
  await page.keyboard.press('ArrowDown');
  const first = results.locator('a').first();
  await expect(first).toBeFocused();
  const href = await first.getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});

test('results update as the reader types, find people, and leave out the review view and the 404 page', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.goto('/search/');
  const box = page.getByRole('searchbox', { name: 'Explainers, glossary entries and people' });
  await box.fill('Liang Wenfeng');
  const results = page.locator('.ex-search-results');
  await expect(results.getByRole('link', { name: 'Liang Wenfeng', exact: true })).toHaveAttribute('href', '/people/liang-wenfeng/');
  const hrefs = await results.locator('a').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
  expect(hrefs.filter((h) => /review|404|search/.test(h))).toEqual([]);
  await box.fill('');
  await expect(results.locator('li')).toHaveCount(0);
  await box.fill('zzzqqxx');
  await expect(page.getByRole('status')).toHaveText('Nothing found for “zzzqqxx”.');
  expect(problems).toEqual([]);
});

test('a word found only in a definition leads to the glossary entry, not to every explainer whose sidebar repeats it', async ({ page }) => {
  await page.goto('/search/?q=microblogging');
  const results = page.locator('.ex-search-results');
  await expect(results.getByRole('link', { name: 'Weibo' })).toHaveAttribute('href', '/glossary/#term-weibo');
  await expect(page.getByRole('status')).toContainText(/\d+ results? for “microblogging”/);
  const hrefs = await results.locator('a').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
  // The DeepSeek explainer shows Weibo's definition in its sidebar, and its text says “Weibo”, not “microblogging”.
  expect(hrefs).not.toContain('/deepseek-r1/');
  expect(hrefs.every((h) => h.startsWith('/glossary/#') || h.startsWith('/people/'))).toBe(true);
});

test('a word of an explainer’s title finds the explainer, not the glossary entries and people that list it', async ({ page }) => {
  // “shook” is in the DeepSeek explainer's title only; the glossary index lists that title under each term
  // the explainer uses, and each person's page under each quotation from it.
  await page.goto('/search/?q=shook');
  const results = page.locator('.ex-search-results');
  await expect(results.getByRole('link', { name: /^DeepSeek’s R1/ })).toHaveAttribute('href', '/deepseek-r1/');
  await expect(page.getByRole('status')).toHaveText('1 result for “shook”.');
  const hrefs = await results.locator('a').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
  expect(hrefs.filter((h) => h.startsWith('/glossary/') || h.startsWith('/people/'))).toEqual([]);
  // A person's quotation still finds the person.
  await page.goto('/search/?q=jaw-dropping');
  await expect(results.getByRole('link', { name: 'Feng Ji', exact: true })).toHaveAttribute('href', '/people/feng-ji/');
});

test('a claim note is indexed once, from the endnotes, and the article without the margin notes inside it or the notes’ legend', async ({ page }) => {
  await page.goto('/search/');
  // The explainer's record as Pagefind holds it, through its own API.
  const content = await page.evaluate(async () => {
    const pagefind = await import(new URL('/pagefind/pagefind.js', location.href).href);
    const search = await pagefind.search('sputnik');
    for (const result of search.results) {
      const data = await result.data();
      if (data.url === '/deepseek-r1/') return data.content as string;
    }
    return undefined;
  });
  expect(content).toBeDefined();
  // The gist of note 1 is in the margin note beside the article and in the endnote: one copy is indexed.
  const gist = 'Nvidia\'s shares fell 17%';
  expect(content!.split(gist).length - 1).toBe(1);
  expect(content).not.toContain('Full note and sources');
  // The article's sentence reads on without the note's number and rating.
  expect(content).toContain('American chipmaker Nvidia in the biggest drop');
  // What every explainer's notes say alike (the ratings' legend, the links back) is not indexed either.
  expect(content).toContain('Checked 28 November 2026.');
  expect(content).not.toContain('Back to the text');
  expect(content).not.toContain('the sources contradict the claim');
});

test('a site whose explainers are split into several indexes is searched as one', async ({ page }) => {
  // The built site, indexed again as a site past the limit is: one explainer an index.
  const site = mkdtempSync(join(tmpdir(), 'split-search-'));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  cpSync(join(root, 'dist'), site, { recursive: true });
  expect(await writeIndex(site, { perIndex: 1 })).toMatch(/in 3 indexes/);
  expect(JSON.parse(readFileSync(join(site, 'pagefind', explainerIndexList), 'utf8'))).toEqual(['explainers-1/', 'explainers-2/']);
  const server = spawn(process.execPath, [join(root, 'tests/support/serve-dist.mjs'), '--dir', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const origin = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(chunk.toString());
        if (m) resolve(m[1]!);
      });
      server.on('exit', () => reject(new Error('the static server stopped')));
    });
    const problems = await watchProblems(page);
    const indexes = new Set<string>();
    page.on('request', (r) => {
      const m = /\/pagefind\/(explainers-\d+\/)?index\//.exec(new URL(r.url()).pathname);
      if (m) indexes.add(m[1] ?? 'main');
    });
    // “California” is in both articles: each explainer comes from its own index, and the people from the main one.
    await page.goto(`${origin}/search/?q=california`);
    const results = page.locator('.ex-search-results');
    await expect(results.getByRole('link', { name: /^DeepSeek’s R1/ })).toHaveAttribute('href', '/deepseek-r1/');
    await expect(results.getByRole('link', { name: /^The Public Lands Rule/ })).toHaveAttribute('href', '/blm-public-lands-rule/');
    expect([...indexes].sort()).toEqual(['explainers-1/', 'explainers-2/', 'main']);
    await page.goto(`${origin}/search/?q=jaw-dropping`);
    await expect(results.getByRole('link', { name: 'Feng Ji', exact: true })).toHaveAttribute('href', '/people/feng-ji/');
    expect(problems).toEqual([]);
  } finally {
    server.kill();
    rmSync(site, { recursive: true, force: true });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the header offers the glossary index instead of a search box, and the search page says why', async ({ page }) => {
    await page.goto('/deepseek-r1/');
    await expect(page.getByRole('searchbox')).toBeHidden();
    await page.getByRole('link', { name: 'Find a term in the glossary' }).click();
    await expect(page).toHaveURL(/\/glossary\/$/);
    await page.goto('/search/?q=export');
    await expect(page.getByRole('searchbox')).toBeHidden();
    await expect(page.getByText('Search runs in your browser and needs JavaScript.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'glossary, A to Z' })).toHaveAttribute('href', '/glossary/');
  });
});
