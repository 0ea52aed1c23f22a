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

  test('the page before the module speaks the language the timeline will speak', async ({ browser, baseURL }) => {
    // The link's language when it names one exactly; else the browser's;
    // else English. A link's unknown language is reported, not obeyed.
    for (const [locale, hash, lang, lead] of [
      ['ru-RU', '#lang=de', 'ru', /^Интерактивная/],
      ['en-US', '#lang=sq-AL', 'en', /^An interactive/],
      ['sq-AL', '', 'sq', /^Një kronologji/],
      ['ru-RU', '#lang=en', 'en', /^An interactive/],
    ] as const) {
      const context = await browser.newContext({ baseURL, locale });
      const page = await context.newPage();
      let release = () => {};
      const held = new Promise<void>((ok) => (release = ok));
      await page.route('**/rift_bg.wasm', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`./${hash}`);
      const skeleton = page.locator('.rift-skeleton');
      await expect(skeleton.locator('.lead:visible'), `${locale} ${hash}`).toHaveText(lead);
      await expect(skeleton.locator('.lead:visible')).toHaveCount(1);
      release();
      await expect(page.locator('[data-lane] button[data-event-id]').first()).toBeVisible();
      await expect(page.locator('html'), `${locale} ${hash}`).toHaveAttribute('lang', lang);
      await context.close();
    }
  });

  test('an Albanian page draws its first frame in Albanian, however late its texts come', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.route('**/texts-sq.txt', async (r) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      await r.continue();
    });
    // Every name the Vlora marker ever has, from the first one on.
    await page.addInitScript(() => {
      const w = window as any;
      w.__names = [];
      new MutationObserver(() => {
        const b = document.querySelector('button[data-event-id="vlora-withdrawal"]');
        const name = b?.getAttribute('aria-label');
        if (name && w.__names.at(-1) !== name) w.__names.push(name);
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto('./#date=1961-06&span=3m&lang=sq');
    // Meanwhile the page says what it is, in Albanian.
    await expect(page.locator('.rift-skeleton .subtitle:visible')).toHaveText(': Moska, Tirana dhe Beogradi, 1948–1962');
    await expect(page.locator('button[data-event-id="vlora-withdrawal"]')).toHaveAttribute(
      'aria-label',
      /^Nëndetëset sovjetike dhe doku lundrues largohen nga Vlora, 4 qershor 1961/,
    );
    await expect(page.getByRole('button', { name: 'Kopjo lidhjen' })).toBeVisible();
    await expect(page.locator('.rift-skeleton')).toHaveCount(0);
    // Never in English first.
    const names: string[] = await page.evaluate(() => (window as any).__names);
    expect(names.filter((n) => !n.startsWith('Nëndetëset'))).toEqual([]);
    // The texts are fetched once: the page asks for them while the module loads.
    expect(asked.filter((p) => p.endsWith('/texts-sq.txt'))).toHaveLength(1);
  });

  test('texts that cannot come leave the timeline in English, and it says so', async ({ page }) => {
    await page.route('**/texts-sq.txt', (r) => r.fulfill({ status: 503, body: '' }));
    await open(page, '#date=1961-06&span=3m&lang=sq');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.notice')).toContainText('Shqip could not be loaded; the timeline is in English');
    await expect(page.locator('button[data-event-id="vlora-withdrawal"]')).toHaveAttribute(
      'aria-label',
      /^Soviet submarines and floating dock leave Vlora, 4 June 1961/,
    );
    await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
    // Asking again in the menu: still English, said again, and the menu
    // shows the language in use.
    await page.locator('select.language-select').selectOption('sq');
    await expect(page.locator('.notice li')).toHaveCount(2);
    await expect(page.locator('select.language-select')).toHaveValue('en');
    // Another language still comes.
    await page.locator('select.language-select').selectOption('ru');
    await expect(page.getByRole('button', { name: 'Копировать ссылку' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });

  test('a switch of language waits for its texts: nothing is half in one language', async ({ page }) => {
    await open(page, '#date=1961-06&span=3m');
    let release = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/texts-ru.txt', async (r) => {
      await held;
      await r.continue();
    });
    await page.locator('select.language-select').selectOption('ru');
    // While the Russian texts are on their way, everything stays English.
    await page.waitForTimeout(300);
    await expect(page.getByRole('button', { name: 'Copy link', exact: true })).toBeVisible();
    await expect(page.locator('button[data-event-id="vlora-withdrawal"]')).toHaveAttribute('aria-label', /^Soviet submarines/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    release();
    await expect(page.getByRole('button', { name: 'Копировать ссылку' })).toBeVisible();
    await expect(page.locator('button[data-event-id="vlora-withdrawal"]')).toHaveAttribute(
      'aria-label',
      /^Советские подводные лодки и плавучий док уходят из Влёры/,
    );
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

  test('a date as the sources word it is read in the reader\'s language', async ({ page }) => {
    // The sources disagree on the year: the wording names both, and who
    // gives which, in every language; the mark's name and the list say it too.
    for (const [lang, date] of [
      ['en', '1959 (Edemskiy) or 1957 (Albanian paper)'],
      ['sq', '1959 (Edemskiy) ose 1957 (punimi shqiptar)'],
      ['ru', '1959 (Едемский) или 1957 (албанская работа)'],
    ] as const) {
      await open(page, `#lang=${lang}&event=vlora-naval-base-established`);
      const dialog = page.locator('[role="dialog"][data-popover-for="vlora-naval-base-established"]');
      await expect(dialog.locator('time')).toHaveText(date);
      await expect(page.locator('button[data-event-id="vlora-naval-base-established"]')).toHaveAttribute(
        'aria-label',
        new RegExp(`, ${date.replace(/[()]/g, '\\$&')}`),
      );
      await page.keyboard.press('Escape');
      await page.locator('.show-list').click();
      const entry = page.locator('.chronology li').filter({ has: page.locator('[data-event-id="vlora-naval-base-established"]') });
      await expect(entry.locator('time')).toHaveText(date);
    }
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
