import { expect, test, type Page } from '@playwright/test';
import { open, root, settled } from './helpers';

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

/**
 * Every visible control: at least 24 by 24 pixels (WCAG 2.2, 2.5.8), and
 * whole on screen. Events and count markers are clipped by the drawing area
 * and may run past its edges; they only need the size.
 */
async function checkTargets(page: Page) {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, summary, select, input')) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      const name = `${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
      if (r.width < 24 || r.height < 24) out.push(`${name} is ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
      const drawn = el.matches('[data-event-id], .chip');
      if (!drawn && (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5)) {
        out.push(`${name} is off screen at ${r.left.toFixed(0)},${r.top.toFixed(0)}–${r.right.toFixed(0)},${r.bottom.toFixed(0)}`);
      }
    }
    return out;
  });
  expect(problems).toEqual([]);
}

test.describe('a steady frame', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the header keeps or drops its subtitle whatever the window, cuts no label and holds every control', async ({ page }) => {
    test.setTimeout(120_000);
    const views = ['#date=1961-10-25&span=3w', '#date=1960-12-31&span=10d', '#date=1961-06&span=6m'];
    for (const width of [1000, 1280, 1440]) {
      await page.setViewportSize({ width, height: 720 });
      for (const lang of ['en', 'sq', 'ru']) {
        for (const text of ['', '&text=large']) {
          const shown = new Set<boolean>();
          for (const view of views) {
            // A fresh load each time: the window's label is announced once
            // the view has rested, after settled() returns.
            await page.goto('about:blank');
            await open(page, `#lang=${lang}${text}&${view.slice(1)}`);
            await settled(page);
            await expect(page.locator('.toolbar .window')).toHaveText(/\d{4}$/);
            const header = await page.evaluate(() => {
              const title = document.querySelector('.toolbar .title')!.getBoundingClientRect();
              const sub = document.querySelector('.toolbar .subtitle')!.getBoundingClientRect();
              const w = document.querySelector('.toolbar .window') as HTMLElement;
              const controls = [...document.querySelectorAll('.toolbar .controls button')];
              return {
                subtitle: sub.width > 1 && sub.top < title.bottom && sub.right <= title.right + 1,
                // A compact toolbar keeps the label for screen readers only.
                cut: !w.closest('.compact') && w.scrollWidth > w.clientWidth + 1,
                reach: Math.max(...controls.map((c) => c.getBoundingClientRect().right)),
              };
            });
            const at = `${width} ${lang}${text} ${view}`;
            shown.add(header.subtitle);
            expect(header.cut, at).toBe(false);
            expect(header.reach, at).toBeLessThanOrEqual(width);
          }
          expect(shown.size, `${width} ${lang}${text}: the subtitle came and went`).toBe(1);
        }
      }
    }
  });

  test('a projector of 1024 × 768 in large text has every control on screen, the rest in the menu', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const lang of ['en', 'sq', 'ru']) {
      await page.goto('about:blank');
      await open(page, `#lang=${lang}&text=large`);
      for (const part of ['.search-box', '.zoom-out', '.zoom-in', '.menu > summary']) {
        const b = (await page.locator(`.toolbar ${part}`).boundingBox())!;
        expect(b.x + b.width, `${lang}: ${part}`).toBeLessThanOrEqual(1024);
      }
      await page.locator('.menu > summary').click();
      for (const sel of ['.copy-link', '.print', '.embed-open', '.text-size']) {
        await expect(page.locator(`.menu-panel ${sel}`), `${lang}: ${sel}`).toBeVisible();
      }
    }
  });

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

  // Large text and the reader's language are marked before the first
  // paint (early.js), so the skeleton already has the app's sizes.
  for (const [width, height, text] of [
    [1280, 720, ''],
    [390, 844, ''],
    [1280, 720, '&text=large'],
    [1024, 768, '&text=large&lang=sq'],
    [390, 844, '&text=large&lang=ru'],
  ] as const) {
    test(`nothing moves while the page starts at ${width}×${height}${text}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await recordShifts(page);
      // Where the toolbar's controls are in each frame, from the app's
      // first: the search, filters and menus come a few tasks after the
      // lanes, into room kept for them.
      await page.addInitScript(() => {
        const seen = new Set<string>();
        (window as any).__controls = seen;
        const look = () => {
          const c = document.querySelector('.rift:not(.rift-skeleton) .toolbar .controls');
          if (c) {
            const r = c.getBoundingClientRect();
            seen.add(`${r.left.toFixed(1)},${r.top.toFixed(1)}`);
          }
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      await open(page, `#date=1960-11&span=3m${text}`);
      await expect(page.locator('[data-lane] button[data-event-id]').first()).toBeVisible();
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as any).__shift)).toBeLessThanOrEqual(0.01);
      expect(await page.evaluate(() => [...(window as any).__controls])).toHaveLength(1);
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

const PHONES: [number, number][] = [
  [390, 844],
  [320, 568],
  [844, 390],
  [568, 320],
];

for (const [width, height] of PHONES) {
  test.describe(`a ${width}×${height} phone`, () => {
    test.use({ viewport: { width, height }, hasTouch: true, isMobile: true });

    test('one toolbar row, the lanes in the top quarter, every control on screen and large enough', async ({ page }) => {
      await open(page, '#date=1960-11&span=3m');
      expect(await laneTop(page)).toBeLessThanOrEqual(height * 0.25);
      // One row: the search, zoom and the menu side by side.
      const row = await page.locator('.toolbar').boundingBox();
      expect(row!.height).toBeLessThanOrEqual(48);
      for (const part of ['.search-box', '.zoom-in', '.menu > summary']) {
        const b = (await page.locator(`.toolbar ${part}`).boundingBox())!;
        expect(b.y + b.height, part).toBeLessThanOrEqual(row!.y + row!.height);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
      await checkTargets(page);
      // The rest is in the menu, which opens by touch and stays on screen.
      await page.locator('.menu > summary').tap();
      await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
      for (const name of ['1948–1962', 'Large text', 'Copy link', 'Embed', 'List']) {
        await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
      }
      await expect(page.locator('select.language-select')).toBeVisible();
      await expect(page.locator('.filters summary')).toBeVisible();
      await checkTargets(page);
      // A press outside closes it.
      await page.locator('.minimap').tap();
      await expect(page.locator('.menu-panel')).toBeHidden();
      // A search shows its count and its steps in the same row.
      await page.locator('.search-box').fill('Hoxha');
      await expect(page.locator('.result-count')).not.toBeEmpty();
      await checkTargets(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    });

    test('in large text too, the toolbar\'s controls stand side by side, none over another', async ({ page }) => {
      for (const hash of ['#date=1960-11&span=3m', '#date=1960-11&span=3m&text=large&lang=ru']) {
        await open(page, hash);
        const boxes = [];
        for (const part of ['.title', '.search-box', '.zoom-out', '.zoom-in', '.menu > summary']) {
          const b = (await page.locator(`.toolbar ${part}`).boundingBox())!;
          expect(b.x, `${hash}: ${part}`).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width, `${hash}: ${part}`).toBeLessThanOrEqual(width);
          boxes.push({ part, l: b.x, r: b.x + b.width });
        }
        for (let i = 1; i < boxes.length; i++) {
          expect(boxes[i].l, `${hash}: ${boxes[i - 1].part} reaches over ${boxes[i].part}`).toBeGreaterThanOrEqual(
            boxes[i - 1].r,
          );
        }
      }
    });

    test('a search shows its query and its count side by side in the field, in every language', async ({ page }) => {
      for (const [hash, query] of [
        ['#lang=ru', 'Ходжа'],
        ['', 'Khrushchev'],
        ['#lang=sq&text=large', 'Shehu'],
      ]) {
        await open(page, hash);
        const box = page.locator('.search-box');
        await box.fill(query);
        // Screen readers hear the full count; the field shows the number.
        await expect(page.locator('.result-count')).toHaveText(/\D\d|\d\D/);
        const short = page.locator('.result-short');
        await expect(short).toHaveText(/^\d+$/);
        // The count stands in the field's end, clear of the text and of
        // the field's own clear button, which sit before its padding.
        const field = await box.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { end: r.right - parseFloat(getComputedStyle(el).paddingRight), scrolled: el.scrollWidth > el.clientWidth + 1 };
        });
        const c = (await short.boundingBox())!;
        expect(c.x, `${hash} ${query}`).toBeGreaterThanOrEqual(field.end);
        expect(c.x + c.width, `${hash} ${query}`).toBeLessThanOrEqual((await box.boundingBox())!.x + (await box.boundingBox())!.width);
        // The query is whole, not scrolled out at its start.
        expect(field.scrolled, `${hash} ${query}`).toBe(false);
        // With a result selected, its place: "3/12".
        await box.press('Enter');
        await expect(short).toHaveText(/^\d+\/\d+$/);
      }
    });

    test("the search field's placeholder is whole, in every language and text size", async ({ page }) => {
      for (const lang of ['en', 'sq', 'ru']) {
        for (const text of ['', '&text=large']) {
          await page.goto('about:blank');
          await open(page, `#lang=${lang}${text}`);
          // The placeholder's width in its own font, against the field's
          // room (an empty field shows no clear button).
          const fit = await page.locator('.search-box').evaluate((el: HTMLInputElement) => {
            const cs = getComputedStyle(el);
            const ph = getComputedStyle(el, '::placeholder');
            const c = document.createElement('canvas').getContext('2d')!;
            c.font = `${ph.fontWeight} ${ph.fontSize} ${ph.fontFamily}`;
            const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
            return { need: c.measureText(el.placeholder).width, room, placeholder: el.placeholder };
          });
          expect.soft(fit.need, `${lang}${text}: "${fit.placeholder}"`).toBeLessThanOrEqual(fit.room);
        }
      }
    });

    test('the popover is a bottom sheet, with its event in view above it', async ({ page }) => {
      // An event of the last lane, which the sheet would cover.
      await open(page, '#date=1960-11-12&span=10d&event=moscow-conference-1960');
      const sheet = page.locator('[role="dialog"][data-popover-for="moscow-conference-1960"]');
      await expect(sheet).toBeVisible();
      await settled(page);
      await expect(async () => {
        const s = (await sheet.boundingBox())!;
        expect(Math.abs(s.y + s.height - height)).toBeLessThanOrEqual(1);
        expect(s.width).toBe(width);
        expect(s.y).toBeGreaterThanOrEqual(height * 0.4);
        const axis = (await page.locator('.lanes').boundingBox())!.y;
        const ev = (await page.locator('button[data-event-id="moscow-conference-1960"]').boundingBox())!;
        expect(ev.y).toBeGreaterThanOrEqual(axis);
        expect(ev.y + ev.height).toBeLessThanOrEqual(s.y);
        expect(ev.x + ev.width).toBeGreaterThan(0);
        expect(ev.x).toBeLessThan(width);
      }).toPass({ timeout: 3000 });
      // Tapping another event moves the sheet to it; that one is in view too.
      await page.keyboard.press('Escape');
      await expect(sheet).toHaveCount(0);
      const first = page.locator('[data-lane] button[data-event-id]').first();
      const id = (await first.getAttribute('data-event-id'))!;
      await first.tap();
      const next = page.locator(`[role="dialog"][data-popover-for="${id}"]`);
      await expect(next).toBeVisible();
      await expect(async () => {
        const s = (await next.boundingBox())!;
        const ev = (await page.locator(`button[data-event-id="${id}"]`).boundingBox())!;
        expect(ev.y + ev.height).toBeLessThanOrEqual(s.y);
      }).toPass({ timeout: 3000 });
      await expect(root(page)).toHaveAttribute('data-selected', id);
      // In large text too, the sheet is as wide as the screen.
      await open(page, '#date=1960-11-12&span=10d&event=moscow-conference-1960&text=large');
      await expect(async () => {
        expect((await page.locator('[role="dialog"]').boundingBox())!.width).toBe(width);
      }).toPass({ timeout: 3000 });
    });
  });
}

test.describe('the phone menu by keyboard', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('opens with Enter, closes with Escape and gives focus back', async ({ page }) => {
    await open(page, '#date=1961&span=1y');
    const summary = page.locator('.menu > summary');
    await expect(summary).toHaveAccessibleName('Menu');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.menu-panel')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.locator('.menu-panel :focus')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(page.locator('.menu-panel')).toBeHidden();
    await expect(summary).toBeFocused();
    // Escape straight after Enter, before the browser tells that the menu
    // opened (its toggle event comes a task later), closes it too.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await expect(page.locator('.menu-panel')).toBeHidden();
    }
    // A filter set from the menu is announced on its button.
    await page.keyboard.press('Enter');
    await page.locator('.menu .filters summary').click();
    await page.locator('input.filter-disputed').check();
    await expect(summary).toHaveAccessibleName(/Menu \(on\)/);
  });
});
