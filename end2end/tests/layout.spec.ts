import { expect, test, type Page } from '@playwright/test';
import { open, settled } from './helpers';

/** Where the first lane starts, in page pixels. */
async function laneTop(page: Page) {
  const box = await page.locator('[data-lane]').first().boundingBox();
  if (!box) throw new Error('no lane on screen');
  return box.y;
}

/** Sums the layout shifts of the page from its first paint on. */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    (window as any).__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

test.describe('a steady frame', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the lanes stay where they are at every zoom and in every language', async ({ page }) => {
    await open(page, '#date=1960-11-12&span=10d');
    // The window label at its longest ("7–17 November 1960") does not wrap the toolbar.
    await expect(page.locator('.toolbar .window')).toHaveText(/7–17 November 1960/);
    const top = await laneTop(page);
    const toolbar = (await page.locator('.toolbar').boundingBox())!.height;
    await page.locator('.timeline').focus();
    for (const key of ['+', '+', '-', '-', '-', '-', '-', '-', '-', '0', 'End']) {
      await page.keyboard.press(key);
      await settled(page);
      expect(await laneTop(page), `after ${key}`).toBe(top);
    }
    expect((await page.locator('.toolbar').boundingBox())!.height).toBe(toolbar);
    for (const lang of ['en', 'sq', 'ru']) {
      for (const view of ['date=1960-11-12&span=10d', 'date=1960-11&span=3m', 'date=1961-12-25&span=3w', 'span=15y']) {
        const other = await page.context().newPage();
        await open(other, `#${view}&lang=${lang}`);
        expect(await laneTop(other), `${view} in ${lang}`).toBe(top);
        await other.close();
      }
    }
  });

  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ]) {
    test(`nothing moves while the page starts at ${width}×${height}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await recordShifts(page);
      await open(page, '#date=1960-11&span=3m');
      await expect(page.locator('[data-lane] button[data-event-id]').first()).toBeVisible();
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as any).__shift)).toBeLessThanOrEqual(0.01);
      // The static skeleton is gone, and its place taken.
      await expect(page.locator('.rift-skeleton')).toHaveCount(0);
      await expect(page.locator('body > .rift')).toHaveCount(1);
    });
  }

  test("a host page with the Embed dialog's script snippet does not jump", async ({ page }) => {
    await open(page, '#date=1961-06&span=3m');
    await page.getByRole('button', { name: 'Embed' }).click();
    const snippet = await page.locator('textarea.snippet-script').inputValue();
    await page.route('**/hosts/snippet.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><body><h1>An article</h1><p>Before.</p>${snippet}<p id="after">After.</p></body></html>`,
      }),
    );
    await recordShifts(page);
    await page.goto('/hosts/snippet.html');
    await expect(page.locator('[data-rift-timeline] [data-lane]').first()).toBeVisible();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as any).__shift)).toBeLessThanOrEqual(0.01);
  });

  test('a script embed has its height before the module arrives', async ({ page }) => {
    // Hold the module back until the reserved heights are checked.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/rift.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/hosts/museum.html');
    const hosts = page.locator('[data-rift-timeline]');
    await expect.poll(() => hosts.first().evaluate((el) => getComputedStyle(el).minHeight)).not.toBe('0px');
    const before = await hosts.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    release();
    await expect(hosts.first().locator('[data-lane]').first()).toBeVisible();
    await expect(hosts.last().locator('[data-lane]').first()).toBeVisible();
    const after = await hosts.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(after).toEqual(before);
  });
});
