import { expect, test } from '@playwright/test';
import { open, root } from './helpers';

test.describe('languages', () => {
  test('lang=sq gives the Albanian interface, dates and notices', async ({ page }) => {
    await open(page, '#date=1961-06&span=3m&lang=sq&event=vlora-withdrawal&zoom=2');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sq');
    await expect(page.locator('.subtitle')).toHaveText(': Moska, Tirana dhe Beogradi, 1948–1962');
    await expect(page.locator('[data-lane="soviet-albanian"]')).toHaveAttribute('aria-label', 'Moska – Tirana');
    const dialog = page.locator('[role="dialog"][data-popover-for="vlora-withdrawal"]');
    await expect(dialog.locator('time')).toHaveText('4 qershor 1961');
    await expect(dialog.locator('.evidence')).toHaveText('Dëshmitë');
    await expect(page.locator('.notice')).toContainText("zoom '2' nuk është çelës që e njeh kjo kronologji; u shpërfill");
    await expect(page.locator('button[data-event-id="vlora-withdrawal"]')).toHaveAttribute(
      'aria-label',
      /, 4 qershor 1961 \(burimet nuk pajtohen\)$/,
    );
  });

  test("while the module loads, the page says what it is in the reader's language", async ({ page }) => {
    // The module never arrives: what shows is the static page.
    await page.route('**/rift_bg.wasm', () => {});
    await page.goto('./#date=1961&lang=ru');
    const skeleton = page.locator('.rift-skeleton');
    await expect(skeleton.locator('.subtitle:visible')).toHaveText(': Москва, Тирана и Белград, 1948–1962');
    await expect(skeleton.locator('.lead:visible')).toHaveText(/^Интерактивная хронология/);
    await expect(skeleton.locator('.subtitle:visible, .lead:visible')).toHaveCount(2);
  });

  test('the language menu switches everything and goes into the link', async ({ page }) => {
    await open(page, '#date=1960-11&span=1m');
    await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
    await page.locator('select.language-select').selectOption('ru');
    await expect(page.getByRole('button', { name: 'Копировать ссылку' })).toBeVisible();
    await expect(page.locator('.tick.month span').first()).toHaveText(/^(ноя|дек|окт) 1960$/);
    await expect(page.locator('.window')).toContainText(/(октября|ноября|декабря) 1960/);
    await expect.poll(() => new URL(page.url()).hash).toContain('lang=ru');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await page.getByRole('button', { name: 'Список' }).click();
    await expect(page.locator('.list-summary')).toContainText('за');
    await page.locator('select.language-select').selectOption('en');
    await expect(page.getByRole('button', { name: 'Timeline' })).toBeVisible();
    await expect.poll(() => new URL(page.url()).hash).not.toContain('lang=');
  });

  test("the browser's language is the default", async ({ browser }) => {
    const context = await browser.newContext({ locale: 'sq-AL' });
    const page = await context.newPage();
    await open(page, '#date=1961');
    await expect(page.locator('.subtitle')).toContainText('Moska');
    await context.close();
  });

  test('a script embed takes data-lang', async ({ page }) => {
    // An English page (en-GB, a tag the timeline never writes) with an
    // Albanian embed: the embed must not touch the page's own lang.
    await page.goto('/hosts/english-class.html');
    const host = page.locator('#sq');
    await expect(host.locator('[data-lane]').first()).toBeVisible();
    await expect(host.locator('.lane-label').first()).toContainText('Moska');
    await expect(host.locator('.rift')).toHaveAttribute('lang', 'sq');
    // The host page's own language and URL are left alone.
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    expect(new URL(page.url()).hash).toBe('');
  });

  test('the events speak the reader\'s language; quotes stay verbatim', async ({ page }) => {
    const quote = 'So on 4 June 1961 the largest floating dock';
    for (const [lang, title, dispute] of [
      ['sq', 'Nëndetëset sovjetike dhe doku lundrues largohen nga Vlora', /punimi shqiptar/],
      ['ru', 'Советские подводные лодки и плавучий док уходят из Влёры', /албанская работа/],
    ] as const) {
      await open(page, `#date=1961-06&span=3m&lang=${lang}&event=vlora-withdrawal`);
      const dialog = page.locator('[role="dialog"][data-popover-for="vlora-withdrawal"]');
      await expect(dialog.locator('h2')).toHaveText(title);
      await expect(dialog.locator('h2')).not.toHaveAttribute('lang', 'en');
      await expect(dialog.locator('.dispute p')).toContainText(dispute);
      // The evidence is the source's own words, marked as English.
      const q = dialog.locator('blockquote').filter({ hasText: quote });
      await expect(q).toHaveCount(1);
      await expect(q).toHaveAttribute('lang', 'en');
      // The marker's accessible name, the list and the actor names follow.
      await expect(page.locator('button[data-event-id="vlora-withdrawal"]')).toHaveAttribute(
        'aria-label',
        new RegExp(`^${title}, `),
      );
      await page.keyboard.press('Escape');
      await page.locator('.show-list').click();
      await expect(page.locator('.chronology button[data-event-id="vlora-withdrawal"]')).toContainText(title);
      // Each entry's title and summary say which language they are in.
      const entry = page.locator('.chronology li').filter({ has: page.locator('[data-event-id="vlora-withdrawal"]') });
      await expect(entry.locator('.entry-title span[lang]')).toHaveAttribute('lang', lang);
      await expect(entry.locator('.entry-summary')).toHaveAttribute('lang', lang);
      await page.locator('.show-timeline').click();
    }
    await page.locator('details.filters summary').click();
    await expect(page.locator('select.filter-actor option', { hasText: 'Никита Хрущёв' })).toHaveCount(1);
    // English shows the English texts.
    await open(page, '#date=1961-06&span=3m&lang=en&event=vlora-withdrawal');
    await expect(page.locator('[role="dialog"] h2')).toHaveText('Soviet submarines and floating dock leave Vlora');
  });

  test('search finds people in every language and script', async ({ page }) => {
    await open(page, '#date=1955&span=14y');
    const count = async (q: string) => {
      await page.locator('input.search-box').fill(q);
      // A number, once the texts it searches have arrived ("Searching…" before).
      await expect(page.locator('.result-count')).toHaveText(/\d/);
      return Number((await page.locator('.result-count').textContent())!.match(/\d+/)?.[0] ?? 0);
    };
    const hoxha = await count('Hoxha');
    expect(hoxha).toBeGreaterThan(20);
    // Cyrillic finds the same man, in the English interface too.
    expect(await count('Ходжа')).toBe(hoxha);
    const khrushchev = await count('Khrushchev');
    expect(khrushchev).toBeGreaterThan(20);
    for (const spelling of ['Хрущёв', 'Хрущев', 'Hrushov', 'Hrushovi']) {
      expect(await count(spelling), spelling).toBe(khrushchev);
    }
  });
});
