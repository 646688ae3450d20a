import { expect, test } from '@playwright/test';

const url = '/deepseek-r1/';
const popover = '#ex-popover';

/**
 * Who says each quotation of the article, read from its meaning: paragraph,
 * the first words inside the marks, and the speaker's id and name.
 */
const expected: [number, string, string, string][] = [
  [4, 'This jaw-dropping breakthrough', 'feng-ji', 'Feng Ji'],
  [5, 'DeepSeek may be', 'feng-ji', 'Feng Ji'],
  [6, 'undoubtedly come out', 'zhou-hongyi', 'Zhou Hongyi'],
  [7, 'If we are to counter', 'zhou-hongyi', 'Zhou Hongyi'],
  [11, 'Our core technical roles', 'liang-wenfeng', 'Liang Wenfeng'],
  [11, 'down-to-earth individuals', 'liang-wenfeng', 'Liang Wenfeng'],
  [13, 'curiosity about the boundaries', 'liang-wenfeng', 'Liang Wenfeng'],
  [14, 'AI’s Sputnik moment', 'marc-andreessen', 'Marc Andreessen'],
  [16, 'due to large-scale malicious attacks', 'deepseek', 'DeepSeek'],
  [21, 'technological innovation', 'li-qiang', 'Li Qiang'],
  [23, 'should be a wake-up call', 'donald-trump', 'Donald Trump'],
  [26, 'no one in the West', 'kevin-xu', 'Kevin Xu'],
  [27, 'They are also aware', 'kevin-xu', 'Kevin Xu'],
  [27, 'but they want to create', 'kevin-xu', 'Kevin Xu'],
  [29, 'The Chinese companies are able', 'kai-fu-lee', 'Kai-Fu Lee'],
  [30, 'When you do excellent', 'kai-fu-lee', 'Kai-Fu Lee'],
];

test('every one of the 16 quotations is wrapped with the right speaker, whose card names them', async ({ page }) => {
  await page.goto(url);
  const quotes = await page.locator('.ex-article [data-speaker][data-quote]').evaluateAll((els) => {
    const byId = new Map<string, { speaker: string; text: string; paragraph: string }>();
    for (const el of els) {
      const id = el.getAttribute('data-quote')!;
      const prev = byId.get(id);
      const text = (prev?.text ?? '') + (el.textContent ?? '');
      byId.set(id, { speaker: el.getAttribute('data-speaker')!, text, paragraph: el.closest('p')!.id });
    }
    return [...byId.values()];
  });
  expect(quotes).toHaveLength(16);
  expected.forEach(([paragraph, opening, speaker], i) => {
    const q = quotes[i]!;
    expect(q.paragraph, opening).toBe(`p-${paragraph}`);
    expect(q.text.replace(/^[“"]/, ''), opening).toContain(opening);
    expect(q.speaker, opening).toBe(speaker);
  });
  for (const [, , speaker, name] of expected) {
    await expect(page.locator(`#speaker-${speaker} .ex-card-name`)).toHaveText(name);
  }
});

test('the nested ‘Avengers team,’ stays inside its quotation', async ({ page }) => {
  await page.goto(url);
  const quote = page.locator('#p-7 [data-speaker="zhou-hongyi"]');
  await expect(quote).toContainText('‘Avengers team,’');
});

test('hover and focus on a speaker’s name show a card preview; Esc closes it', async ({ page }) => {
  await page.goto(url);
  const name = page.locator('#p-4 a[data-speaker-link="feng-ji"]');
  await expect(name).toHaveText('Feng Ji');
  await expect(name).toHaveAttribute('href', '#speaker-feng-ji');
  await name.hover();
  await expect(page.locator(popover)).toBeVisible();
  await expect(page.locator(popover)).toContainText('Feng Ji');
  await expect(page.locator(popover)).toContainText('Game Science');
  await page.mouse.move(5, 5);
  await expect(page.locator(popover)).toBeHidden();
  await page.locator('#p-26 a[data-speaker-link="kevin-xu"]').focus();
  await expect(page.locator(popover)).toContainText('Kevin Xu');
  await page.keyboard.press('Escape');
  await expect(page.locator(popover)).toBeHidden();
});

test('the quotation links on a card land on the quotation', async ({ page }) => {
  await page.goto(url);
  const links = page.locator('#speaker-kai-fu-lee .ex-card-quotes a:not(.ex-permalink)');
  await expect(links).toHaveCount(2);
  await links.nth(1).click();
  await expect(page).toHaveURL(/#quote-q-30-1$/);
  const target = page.locator('#quote-q-30-1');
  await expect(target).toHaveAttribute('data-speaker', 'kai-fu-lee');
  await expect(target).toBeInViewport();
});

test('cards show an initials avatar, the role with its date, and a bio', async ({ page }) => {
  await page.goto(url);
  const card = page.locator('#speaker-liang-wenfeng');
  await expect(card.locator('.ex-avatar')).toHaveText('LW');
  await expect(card.locator('.ex-card-role')).toContainText('DeepSeek');
  await expect(card.locator('.ex-card-role')).toContainText('as of');
  await expect(card.locator('.ex-card-bio')).not.toBeEmpty();
  await expect(page.locator('.ex-speakers img')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the cards follow the article', async ({ page }) => {
    await page.goto(url);
    const article = (await page.locator('.ex-article').boundingBox())!;
    const cards = (await page.locator('.ex-speakers').boundingBox())!;
    expect(cards.y).toBeGreaterThanOrEqual(article.y + article.height);
  });
});

test('a person’s page lists their quotations across explainers', async ({ page }) => {
  await page.goto('/people/zhou-hongyi/');
  await expect(page.locator('h1')).toHaveText('Zhou Hongyi');
  const quotes = page.locator('.ex-card-quotes li');
  await expect(quotes).toHaveCount(2);
  await quotes.nth(1).locator('a').click();
  await expect(page).toHaveURL(/\/deepseek-r1\/#quote-q-7-1$/);
});
