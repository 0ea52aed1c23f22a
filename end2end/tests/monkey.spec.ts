import { test, expect, type Page } from '@playwright/test';
import { areaBox, open, root, settled, viewOf, watch } from './helpers';

// A monkey: 500 seeded random inputs (wheel, drag, keys, presses anywhere,
// resizes) on 10,000 synthetic events. It must end with no error in the
// console and a view that is valid and still works. The seed is printed;
// RIFT_MONKEY_SEED replays a run.

const SEED = Number(process.env.RIFT_MONKEY_SEED ?? 20261130);
const STEPS = 500;

/** mulberry32: a small seeded generator of floats in [0, 1). */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['+', '-', '=', 'ArrowLeft', 'ArrowRight', 'Shift+ArrowLeft', 'Shift+ArrowRight', 'Home', 'Escape', 'Enter', 'Tab', 'Shift+Tab', ' ', 'PageDown'];
const SIZES = [
  [1280, 720],
  [390, 844],
  [320, 568],
  [844, 390],
  [1600, 900],
  [1024, 600],
];

/**
 * Whether a press at (x, y) would leave the page or open another window
 * (a link, print), or switch to the list of 10,000 events: the monkey
 * presses everything else.
 */
async function avoided(page: Page, x: number, y: number) {
  return page.evaluate(
    ([x, y]) => {
      let el = document.elementFromPoint(x, y);
      while (el?.shadowRoot) {
        const inner = el.shadowRoot.elementFromPoint(x, y);
        if (!inner || inner === el) break;
        el = inner;
      }
      return !!el?.closest('a[href], .print, .view-switch, .copy-link, .copy-quote, summary, select');
    },
    [x, y],
  );
}

test('500 seeded random inputs on 10,000 events leave a valid, working view', async ({ page }) => {
  test.setTimeout(240_000);
  console.log(`monkey seed ${SEED}`);
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '#bench=10000');
  const rand = generator(SEED);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const log: string[] = [];
  for (let i = 0; i < STEPS; i++) {
    const vp = page.viewportSize()!;
    const x = Math.floor(rand() * vp.width);
    const y = Math.floor(rand() * vp.height);
    const kind = rand();
    if (kind < 0.3) {
      const dx = Math.round((rand() - 0.5) * 400);
      const dy = Math.round((rand() - 0.5) * 600);
      log.push(`wheel ${x},${y} ${dx},${dy}`);
      await page.mouse.move(x, y);
      await page.mouse.wheel(dx, dy);
    } else if (kind < 0.5) {
      const box = await areaBox(page).catch(() => null);
      if (!box) continue;
      const sx = box.x + rand() * box.width;
      const sy = box.y + rand() * box.height;
      const ex = sx + (rand() - 0.5) * 600;
      log.push(`drag ${Math.round(sx)},${Math.round(sy)} -> ${Math.round(ex)}`);
      await page.mouse.move(sx, sy);
      await page.mouse.down();
      await page.mouse.move((sx + ex) / 2, sy, { steps: 2 });
      await page.mouse.move(ex, sy + (rand() - 0.5) * 40, { steps: 2 });
      await page.mouse.up();
    } else if (kind < 0.75) {
      const key = pick(KEYS);
      log.push(`key ${key}`);
      await page.keyboard.press(key);
    } else if (kind < 0.95) {
      if (await avoided(page, x, y)) continue;
      log.push(`press ${x},${y}`);
      await page.mouse.click(x, y);
    } else {
      const [w, h] = pick(SIZES);
      log.push(`resize ${w}x${h}`);
      await page.setViewportSize({ width: w, height: h });
    }
    // Some inputs land mid-transition, some after it.
    if (rand() < 0.3) await page.waitForTimeout(Math.floor(rand() * 120));
  }
  const where = () => `seed ${SEED}, last inputs:\n${log.slice(-12).join('\n')}`;
  expect(problems, where()).toEqual([]);
  await expect(page.locator('.rift-failed'), where()).toHaveCount(0);

  // A valid view: a window of at least a day inside the dataset's years,
  // the same in the address bar.
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1280, height: 720 });
  const v = await settled(page);
  expect(v.s, where()).toBeLessThanOrEqual(v.e);
  expect(Number(v.start.slice(0, 4)), where()).toBeGreaterThanOrEqual(1940);
  expect(Number(v.end.slice(0, 4)), where()).toBeLessThanOrEqual(1970);
  expect(await root(page).getAttribute('aria-busy')).toBe('false');

  // And it still works: the whole range, a zoom in, an event opened.
  await page.getByRole('button', { name: /1948–1962/ }).first().click().catch(async () => {
    await page.locator('.timeline').focus();
    await page.keyboard.press('Home');
  });
  const whole = await settled(page);
  await page.locator('.timeline').focus();
  await page.keyboard.press('+');
  const zoomed = await settled(page);
  expect(zoomed.span, where()).toBeLessThan(whole.span);
  const mark = page.locator('button[data-event-id]').first();
  const id = await mark.getAttribute('data-event-id');
  await mark.click();
  await expect(page.locator(`[role="dialog"][data-popover-for="${id}"]`)).toBeVisible();
  await expect.poll(() => viewOf(page).then(() => root(page).getAttribute('data-selected'))).toBe(id);
  expect(problems, where()).toEqual([]);
});
