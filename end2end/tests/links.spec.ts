import { expect, test } from '@playwright/test';
import { dayOf, holdDetails, open, recordCsp, root, settled, viewOf, watch } from './helpers';

test.describe('deep links', () => {
  test('a link opens exactly there, and the address follows the view', async ({ page }) => {
    const problems = watch(page);
    await open(page, '#date=1961-06-04&span=3m&event=vlora-withdrawal');
    const v = await viewOf(page);
    expect(v.s).toBeLessThanOrEqual(dayOf('1961-06-04'));
    expect(v.e).toBeGreaterThanOrEqual(dayOf('1961-06-04'));
    expect(Math.abs(v.span - 91)).toBeLessThanOrEqual(2);
    await expect(page.locator('[role="dialog"][data-popover-for="vlora-withdrawal"]')).toBeVisible();
    await expect(page.locator('.notice')).toHaveCount(0);
    // Pan and close the popover: the address bar becomes the link to this view.
    await page.keyboard.press('Escape');
    await page.locator('.timeline').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('+');
    const moved = await settled(page);
    await expect.poll(() => new URL(page.url()).hash).not.toContain('event=');
    await expect.poll(() => new URL(page.url()).hash).toContain(`date=`);
    const link = page.url();
    expect(link).not.toContain('1961-06-04');
    // Whoever opens it lands exactly there.
    const other = await page.context().newPage();
    await other.goto(link);
    await expect(root(other)).toBeVisible();
    const there = await viewOf(other);
    expect(Math.abs(there.s - moved.s)).toBeLessThanOrEqual(2);
    expect(Math.abs(there.e - moved.e)).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
  });

  test('a bare date, and a date alone sets the zoom from its precision', async ({ page }) => {
    await open(page, '#1960-11-14');
    let v = await viewOf(page);
    expect(v.span).toBeGreaterThanOrEqual(13);
    expect(v.span).toBeLessThanOrEqual(16);
    await page.goto('./#date=1957');
    await expect.poll(async () => (await viewOf(page)).start.slice(0, 4)).toBe('1956');
    v = await settled(page);
    expect(v.span).toBeGreaterThan(365);
    expect(v.span).toBeLessThan(500);
  });

  test('back and forward move between linked views', async ({ page }) => {
    await open(page, '#date=1950&span=2y');
    await page.goto('./#date=1960-11&span=1m');
    await expect.poll(async () => (await viewOf(page)).start.slice(0, 7)).toMatch(/1960-1[01]/);
    await page.goBack();
    await expect.poll(async () => (await viewOf(page)).start.slice(0, 4)).toBe('1949');
    await page.goForward();
    await expect.poll(async () => (await viewOf(page)).start.slice(0, 7)).toMatch(/1960-1[01]/);
    await page.goto('./#event=soviet-note-embassy-withdrawal-1961-12-03');
    await expect(page.locator('[role="dialog"]')).toHaveAttribute(
      'data-popover-for',
      'soviet-note-embassy-withdrawal-1961-12-03',
    );
    await page.goBack();
    await expect(page.locator('[role="dialog"]')).toHaveCount(0);
  });

  test('copy link and copy link to this event', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // The locators come with the details: held back until the reference
    // has been asked for.
    const release = await holdDetails(page);
    await open(page, '#date=1961-06&span=3m');
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(page.locator('.toolbar .copy-status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#date=1961-06-\d\d&span=3m$/);
    await page.locator('button[data-event-id="vlora-withdrawal"]').click();
    await page.getByRole('button', { name: 'Copy link to this event' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/#event=vlora-withdrawal$/);
    await page.getByRole('button', { name: 'Copy reference' }).click();
    release();
    // Copied once they are there, with them.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('n. 33');
    const reference = await page.evaluate(() => navigator.clipboard.readText());
    expect(reference).toContain('4 June 1961');
    expect(reference).toContain('Rift: Moscow, Tirana and Belgrade');
    expect(reference).toContain('Edemskiy, A.');
  });

  test('"Copied" shows under the button that copied, over no other control, and in the popover', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const hash of ['#lang=sq', '#text=large', '#lang=ru&text=large']) {
      await open(page, hash);
      const button = page.locator('.toolbar .copy-link');
      await button.click();
      const status = page.locator('.toolbar .copy-status');
      await expect(status).not.toBeEmpty();
      const [s, b] = [(await status.boundingBox())!, (await button.boundingBox())!];
      // Under the button, its right edge under the button's.
      expect(s.y, hash).toBeGreaterThanOrEqual(b.y + b.height);
      expect(Math.abs(s.x + s.width - (b.x + b.width)), hash).toBeLessThanOrEqual(1);
      for (const control of await page.locator('.explore button, .explore select, .explore input, .explore summary').all()) {
        const c = await control.boundingBox();
        if (c) expect(overlaps(s, c), `${hash}: over ${await control.evaluate((e) => e.outerHTML.slice(0, 60))}`).toBe(false);
      }
      // As large as the rest of the text.
      const size = await status.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(size, hash).toBeGreaterThanOrEqual(hash.includes('large') ? 17 : 13);
    }
    // The popover's own copies say so inside it.
    await page.goto('about:blank');
    await open(page, '#event=kosygin-letter');
    await page.getByRole('button', { name: 'Copy link to this event' }).click();
    const said = page.locator('.popover .copy-status');
    await expect(said).toHaveText('Copied');
    // In the popover's footer, where the reader pressed (the footer ends
    // the popover's scrolled content, so only its sides are checked).
    await expect(said).toBeInViewport();
    const [s, p] = [(await said.boundingBox())!, (await page.locator('.popover').boundingBox())!];
    expect(s.y).toBeGreaterThanOrEqual(p.y);
    expect(s.x).toBeGreaterThanOrEqual(p.x);
    expect(s.x + s.width).toBeLessThanOrEqual(p.x + p.width);
  });

  test('"Copied" goes after a while; a refused or missing clipboard shows the link to copy by hand', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '#date=1961-06&span=3m');
    const status = page.locator('.toolbar .copy-status');
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(status).toHaveText('Copied');
    await expect(status).toHaveText('', { timeout: 6000 });

    // The browser refuses the copy.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    });
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(status).toHaveText(/^Could not copy; select and copy: http:\/\/127\.0\.0\.1:\d+\/#date=1961-06-\d\d&span=3m$/);

    // An insecure page has no clipboard at all.
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await page.reload();
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(status).toHaveText(/^Could not copy; select and copy: http:\/\/127\.0\.0\.1:\d+\/#date=1961-06/);
  });

  const MALFORMED = [
    ['#date=1961-13', 'date'],
    ['#date=1961-02-30', 'date'],
    ['#date=June', 'date'],
    ['#date=', 'date'],
    ['#date=19610604', 'date'],
    ['#date=2024', 'outside'],
    ['#date=1900-01-01', 'outside'],
    ['#span=0d', 'span'],
    ['#span=-3m', 'span'],
    ['#span=3x', 'span'],
    ['#span=1e9y', 'span'],
    ['#span=', 'span'],
    ['#event=no-such-event', "No event 'no-such-event'; showing"],
    ['#event=', 'event'],
    ['#lanes=nope', "No lane 'nope'"],
    ['#lanes=,,', 'lanes'],
    ['#lang=fr', 'lang'],
    ['#zoom=3', 'zoom'],
    ['#1961-06-31', '1961-06-31'],
    ['#bench=0', 'bench'],
    ['#bench=abc', 'bench'],
    ['#date=1961-06&&&&span=', 'span'],
    ['#%E0%A4%A', 'not a date'],
    ['#<script>alert(1)</script>', '<script>'],
    ['#event=%3Cimg%20src%3Dx%20onerror%3D%22document.title%3D1%22%3E', '<img src=x'],
  ] as const;

  test(`${MALFORMED.length} malformed links each leave a working page with a notice`, async ({ page }) => {
    const problems = watch(page);
    await recordCsp(page);
    for (const [hash, says] of MALFORMED) {
      await page.goto(`about:blank`);
      await page.goto(`./${hash}`);
      await expect(root(page), hash).toBeVisible();
      // The lanes are drawn one per task after the page starts.
      await expect.poll(() => page.locator('button[data-event-id]').count(), { message: hash }).toBeGreaterThan(3);
      const notice = page.locator('.notice');
      await expect(notice, hash).toBeVisible();
      await expect(notice, hash).toContainText(says);
      // Text from the link is text, never markup.
      expect(await page.locator('.rift img, .rift script').count(), hash).toBe(0);
      expect(await page.title(), hash).toContain('Rift');
    }
    // The notice can be dismissed, and the page keeps working.
    await page.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(page.locator('.notice')).toHaveCount(0);
    await page.locator('.timeline').focus();
    await page.keyboard.press('+');
    expect((await settled(page)).span).toBeLessThan(5000);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  });

  test('works from a sub-path and serves the open data', async ({ page, request }) => {
    const problems = watch(page);
    await recordCsp(page);
    await page.goto('/exhibits/rift/#date=1961-06&span=2m');
    await expect(root(page)).toBeVisible();
    await expect(page.locator('button[data-event-id="vlora-withdrawal"]')).toBeVisible();
    const json = await (await request.get('/exhibits/rift/events.json')).json();
    expect(json.lanes.map((l: any) => l.id)).toEqual(['soviet-albanian', 'soviet-yugoslav', 'bloc-context']);
    expect(json.sources.every((s: any) => s.id && s.citation && !('text' in s))).toBe(true);
    expect(json.events.length).toBeGreaterThan(100);
    const vlora = json.events.find((e: any) => e.id === 'vlora-withdrawal');
    expect(vlora).toMatchObject({ lane: 'soviet-albanian', date: '1961-06-04' });
    expect(vlora.citations[0]).toHaveProperty('quote');
    expect(JSON.stringify(json)).not.toMatch(/\.txt"/);
    const csv = await (await request.get('/exhibits/rift/events.csv')).text();
    expect(csv.split('\n')[0]).toBe(
      'id,lane,date,date_label,title,summary,actors,sources,locators,disputed,related,title_sq,summary_sq,title_ru,summary_ru',
    );
    // The translations travel with the open data.
    expect(json.events.every((e: any) => e.tr?.sq?.title && e.tr?.ru?.summary)).toBe(true);
    expect(csv.trim().split('\n').length).toBe(json.events.length + 1);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  });

  test('the Embed dialog gives both snippets for the current view', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '#date=1961-06-04&span=3m&event=vlora-withdrawal');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.locator('.embed-dialog[role="dialog"]');
    await expect(dialog).toBeVisible();
    const iframe = await dialog.locator('textarea.snippet-iframe').inputValue();
    expect(iframe).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#date=1961-06-0\d&amp;span=3m"/);
    const script = await dialog.locator('textarea.snippet-script').inputValue();
    expect(script).toContain('data-rift-timeline data-date="1961-06-0');
    expect(script).toContain('data-span="3m"');
    expect(script).toMatch(/<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\.js"><\/script>$/);
    await dialog.getByRole('button', { name: 'Copy script' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    // Copied in Russian, both open in Russian, and the frame's title says so.
    await page.locator('select.language-select').selectOption('ru');
    await page.getByRole('button', { name: 'Встроить' }).click();
    await expect(dialog.locator('textarea.snippet-iframe')).toHaveValue(
      /embed\.html#date=1961-06-0\d&amp;span=3m&amp;lang=ru" title="Rift: Москва, Тирана и Белград, 1948–1962"/,
    );
    await expect(dialog.locator('textarea.snippet-script')).toHaveValue(/ data-lang="ru" /);
  });
});
