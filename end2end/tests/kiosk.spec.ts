import { expect, test, type Page } from '@playwright/test';
import { open, root, settled, viewOf, watch } from './helpers';

// Kiosk mode (`kiosk=SECONDS`, `data-kiosk`): the unattended tour of museum
// screens, with a short interval. The idle period after input is a minute;
// the tests shorten it through `window.__riftKioskIdleMs`, a test-only hook
// (src/kiosk.rs) that no link or attribute can reach.

/**
 * Every event id in date order, as the list view of the whole range shows
 * them (in a page of its own: the test's page then loads afresh, with its
 * init scripts, rather than changing only its fragment).
 */
async function dateOrder(page: Page): Promise<string[]> {
  const reader = await page.context().newPage();
  await open(reader, '#view=list');
  const ids = await reader.locator('ol.chronology button[data-event-id]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-event-id')!),
  );
  await reader.close();
  expect(ids.length).toBeGreaterThan(100);
  return ids;
}

/** Shortens the idle period for the page's next loads (test only). */
async function idle(page: Page, ms: number) {
  await page.addInitScript((ms) => ((window as any).__riftKioskIdleMs = ms), ms);
}

const selected = (page: Page) => root(page).getAttribute('data-selected');

/** Reads the selection and the window every 250 ms for `ms`; returns each distinct state seen. */
async function watchFor(page: Page, ms: number) {
  const seen = new Set<string>();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await viewOf(page);
    seen.add(`${await selected(page)} ${v.start}/${v.end}`);
    await page.waitForTimeout(250);
  }
  return [...seen];
}

test.describe('kiosk mode', () => {
  test('steps through the events in date order, opening each, with no share, embed or print', async ({ page }) => {
    const order = await dateOrder(page);
    const problems = watch(page);
    await open(page, '#kiosk=2');
    // The controls for sharing, embedding and printing are gone; the rest stay.
    for (const sel of ['.copy-link', '.embed-open', '.print']) {
      await expect(page.locator(sel)).toHaveCount(0);
    }
    await expect(page.locator('.zoom-in')).toBeVisible();
    await expect(page.locator('.text-size')).toBeVisible();
    // After one interval the first event opens, then the next, and so on.
    for (const id of order.slice(0, 4)) {
      await expect(root(page)).toHaveAttribute('data-selected', id, { timeout: 4_000 });
      const pop = page.locator(`[role="dialog"][data-popover-for="${id}"]`);
      await expect(pop).toBeVisible();
      // No copy buttons in the popover either.
      await expect(pop.locator('footer')).toHaveCount(0);
      // The window moved to the event: its marker is drawn, clear of the popover.
      const mark = page.locator(`.area button[data-event-id="${id}"]`);
      await expect(mark).toBeVisible();
      const [m, p] = [await mark.boundingBox(), await pop.boundingBox()];
      expect(m!.x).toBeLessThan(p!.x);
      // The address bar keeps kiosk mode, for a reload.
      await expect.poll(() => new URL(page.url()).hash).toContain(`event=${id}`);
      expect(new URL(page.url()).hash).toMatch(/(#|&)kiosk=2(&|$)/);
    }
    // The popover was opened by the tour, not a visitor: focus stays put.
    expect(await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') ?? null)).toBeNull();
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  });

  test('on a narrow projector, the tour sets each event clear of its wide popover', async ({ page }) => {
    // Large text at 1240 px, the narrowest window with the side popover
    // in large text: it covers the right 636 px, so an event placed a
    // fixed third of the way in would have a long one's end under it.
    await page.setViewportSize({ width: 1240, height: 720 });
    const order = await dateOrder(page);
    await open(page, '#kiosk=5&text=large');
    for (const id of order.slice(0, 3)) {
      await expect(root(page)).toHaveAttribute('data-selected', id, { timeout: 7_000 });
      const pop = page.locator(`[role="dialog"][data-popover-for="${id}"]`);
      await expect(pop).toBeVisible();
      await settled(page);
      const mark = page.locator(`.area button[data-event-id="${id}"] .mark`);
      await expect(mark).toBeVisible();
      const [m, p] = [(await mark.boundingBox())!, (await pop.boundingBox())!];
      // An event that the part left of the popover can hold stands whole
      // in it. One longer than that part even at the whole range (an
      // undated dismissal, "1948–1957") starts in it, and runs under.
      if (m.width < p.x) expect(m.x + m.width, id).toBeLessThanOrEqual(p.x);
      else expect(m.x, id).toBeLessThanOrEqual(16);
      // Room for a few words of its title before the popover.
      expect(p.x - Math.max(m.x, 0), id).toBeGreaterThanOrEqual(150);
    }
  });

  test('a reload stays in kiosk mode and a bad value is named', async ({ page }) => {
    await open(page, '#kiosk=2');
    await expect.poll(() => selected(page), { timeout: 4_000 }).not.toBe('');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/event=.*kiosk=2/);
    await page.reload();
    await expect(root(page)).toBeVisible();
    await expect(page.locator('.copy-link')).toHaveCount(0);
    const before = await selected(page);
    await expect.poll(() => selected(page), { timeout: 4_000 }).not.toBe(before);

    await page.goto('about:blank');
    await open(page, '#date=1961-06&kiosk=1');
    await expect(page.locator('.notice')).toContainText("kiosk '1' is not a number of seconds from 2 to 600");
    await expect(page.locator('.copy-link')).toBeVisible();
    await page.waitForTimeout(2_500);
    await expect(root(page)).toHaveAttribute('data-selected', '');
  });

  test('an edited link turns kiosk mode on and off', async ({ page }) => {
    await open(page, '#date=1961-06&span=3m');
    await expect(page.locator('.copy-link')).toBeVisible();
    await page.goto('./#date=1961-06&span=3m&kiosk=2');
    await expect(page.locator('.copy-link')).toHaveCount(0);
    await expect.poll(() => selected(page), { timeout: 4_000 }).not.toBe('');
    await page.goto('./#date=1961-06&span=3m');
    await expect(page.locator('.copy-link')).toBeVisible();
    await expect(root(page)).toHaveAttribute('data-selected', '');
    await page.waitForTimeout(2_500);
    await expect(root(page)).toHaveAttribute('data-selected', '');
  });

  test('a click pauses it; a quiet idle period later it goes back to the start and tours again', async ({ page }) => {
    const order = await dateOrder(page);
    await idle(page, 6_000);
    await open(page, '#date=1961-06&span=3m&kiosk=2');
    const home = await viewOf(page);
    // An event in the window opens, then the next in date order.
    await expect.poll(() => selected(page), { timeout: 4_000 }).not.toBe('');
    const opened = (await selected(page))!;
    const at = order.indexOf(opened);
    await expect(root(page)).toHaveAttribute('data-selected', order[at + 1], { timeout: 4_000 });
    // A click (on the title: it does nothing else) pauses the tour.
    await page.locator('.toolbar .title').click();
    const paused = await settled(page);
    const now = await selected(page);
    expect(now).not.toBe('');
    // Nothing moves for more than two intervals.
    const seen = await watchFor(page, 4_500);
    expect(seen).toEqual([`${now} ${paused.start}/${paused.end}`]);
    // After the idle period: back to the starting view with the popover
    // closed, then touring again from its first event.
    await expect(root(page)).toHaveAttribute('data-selected', '', { timeout: 4_000 });
    await expect.poll(async () => (await settled(page)).start).toBe(home.start);
    expect((await viewOf(page)).end).toBe(home.end);
    await expect(root(page)).toHaveAttribute('data-selected', opened, { timeout: 4_000 });
  });

  test('a key pauses it, and the visitor gets the keyboard back', async ({ page }) => {
    await open(page, '#kiosk=2');
    await expect.poll(() => selected(page), { timeout: 4_000 }).not.toBe('');
    await page.keyboard.press('Shift');
    const paused = await settled(page);
    const now = (await selected(page))!;
    const seen = await watchFor(page, 4_500);
    expect(seen).toEqual([`${now} ${paused.start}/${paused.end}`]);
    // Paused, the page is the reader's again: opening an event focuses its popover.
    await page.locator('[role="dialog"] .close').click();
    await expect(root(page)).toHaveAttribute('data-selected', '');
    await page.locator(`.area button[data-event-id="${now}"]`).click();
    await expect(root(page)).toHaveAttribute('data-selected', now);
    await expect(page.locator(`[data-popover-for="${now}"]`)).toBeFocused();
  });

  test('honours reduced motion: the window jumps and nothing animates', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.addInitScript(() => {
      // Every value aria-busy takes, from the first frame on.
      (window as any).__busy = [];
      new MutationObserver((list) => {
        for (const m of list) {
          const v = (m.target as Element).getAttribute('aria-busy');
          if (v === 'true') (window as any).__busy.push(v);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    });
    await open(page, '#kiosk=2');
    const views = new Set<string>();
    for (let k = 0; k < 3; k++) {
      const before = await selected(page);
      await expect.poll(() => selected(page), { timeout: 4_000 }).not.toBe(before);
      // The window jumps: a new start or end (an undated event shows the
      // whole range, which starts where the first events' windows do).
      const v = await viewOf(page);
      views.add(`${v.start}/${v.end}`);
      const pop = page.locator('[role="dialog"]');
      expect(await pop.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    }
    expect(views.size).toBeGreaterThan(1);
    expect(await page.evaluate(() => (window as any).__busy)).toEqual([]);
  });

  test('data-kiosk tours a script embed, which never scrolls its host page', async ({ page }) => {
    const order = await dateOrder(page);
    const problems = watch(page);
    await page.goto('/hosts/museum-kiosk.html');
    const screen = page.locator('#screen');
    const plain = page.locator('#reading');
    await expect(screen.locator('[data-lane]').first()).toBeAttached();
    await expect(plain.locator('[data-lane]').first()).toBeAttached();
    // The kiosk embed has no share or print controls; the other one has.
    await expect(screen.locator('.copy-link')).toHaveCount(0);
    await expect(screen.locator('.print')).toHaveCount(0);
    await expect(plain.locator('.copy-link')).toHaveCount(1);
    // The visitor reads on, further down the page.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(200);
    // The screen opens one event after another, in date order, from the
    // first in its window (data-date="1960-06" data-span="1y").
    const ids: string[] = [];
    for (let k = 0; k < 3; k++) {
      const before = ids.at(-1) ?? '';
      await expect.poll(() => screen.getAttribute('data-selected'), { timeout: 4_000 }).not.toBe(before);
      ids.push((await screen.getAttribute('data-selected'))!);
      await expect(screen.locator(`[data-popover-for="${ids[k]}"]`)).toBeAttached();
    }
    const at = order.indexOf(ids[0]);
    expect(ids).toEqual(order.slice(at, at + 3));
    // The page stayed where the visitor scrolled it, and the other embed is untouched.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    await expect(plain).toHaveAttribute('data-selected', '');
    // A press inside the embed pauses it.
    await screen.locator('.zoom-in').click();
    const now = await screen.getAttribute('data-selected');
    await page.waitForTimeout(4_500);
    expect(await screen.getAttribute('data-selected')).toBe(now);
    expect(problems).toEqual([]);
  });

  test('runs for minutes without growing memory, renewing itself unseen', async ({ page }) => {
    test.setTimeout(200_000);
    const order = await dateOrder(page);
    await page.addInitScript((order: string[]) => {
      const w = window as any;
      // Keep the module's memory (WebAssembly.Memory) as it is instantiated.
      const keep = (r: any) => {
        const exports = (r?.instance ?? r)?.exports;
        if (exports?.memory instanceof WebAssembly.Memory) w.__wasmMemory = exports.memory;
        return r;
      };
      const streaming = WebAssembly.instantiateStreaming;
      const plain = WebAssembly.instantiate;
      WebAssembly.instantiateStreaming = (...a: any[]) => (streaming as any)(...a).then(keep);
      WebAssembly.instantiate = (...a: any[]) => (plain as any)(...a).then(keep);
      // Counters, not lists: the test must not grow either. Every step
      // opens the next event in date order, renewals included.
      Object.assign(w, { __steps: 0, __outOfOrder: 0, __ready: 0, __lastSelect: 0, __entrances: 0 });
      let last: string | null = null;
      document.addEventListener('rift:ready', () => w.__ready++);
      document.addEventListener('rift:select', (e: any) => {
        const id = e.detail.id;
        if (last !== null && id !== order[(order.indexOf(last) + 1) % order.length]) w.__outOfOrder++;
        last = id;
        w.__steps++;
        w.__lastSelect = performance.now();
      });
      // A popover that appears with no new selection is a renewal's: it
      // must not play its entrance animation. (It may come alone, or
      // inside the new instance.)
      new MutationObserver((list) => {
        for (const m of list)
          for (const n of m.addedNodes) {
            if (!(n instanceof Element)) continue;
            const popover = n.matches('.popover') ? n : n.querySelector('.popover');
            if (popover && performance.now() - w.__lastSelect > 200) {
              w.__renewals = (w.__renewals ?? 0) + 1;
              if (getComputedStyle(popover).animationName !== 'none') w.__entrances++;
            }
          }
      }).observe(document, { subtree: true, childList: true });
    }, order);
    const cdp = await page.context().newCDPSession(page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(500);
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const wasm = await page.evaluate(() => (window as any).__wasmMemory?.buffer.byteLength ?? 0);
      return { heap, wasm };
    };
    await open(page, '#kiosk=2');
    await page.waitForTimeout(60_000);
    const early = await measure();
    const stepsEarly = await page.evaluate(() => (window as any).__steps);
    await page.waitForTimeout(60_000);
    const late = await measure();
    const w = await page.evaluate(() => {
      const w = window as any;
      return { steps: w.__steps, outOfOrder: w.__outOfOrder, ready: w.__ready, renewals: w.__renewals ?? 0, entrances: w.__entrances };
    });
    console.log(`kiosk memory: after 1 min ${JSON.stringify(early)}, after 2 min ${JSON.stringify(late)}, ${JSON.stringify(w)}`);
    expect(early.wasm).toBeGreaterThan(0);
    expect(stepsEarly).toBeGreaterThan(20);
    expect(w.steps - stepsEarly).toBeGreaterThan(20);
    expect(late.heap).toBeLessThan(early.heap * 1.2);
    expect(late.wasm).toBeLessThanOrEqual(early.wasm * 1.2);
    // Renewed at least once (every 30 steps), unseen: the tour went on in
    // order, the page heard rift:ready once, and no popover re-entered.
    expect(w.renewals).toBeGreaterThan(0);
    expect(w.outOfOrder).toBe(0);
    expect(w.ready).toBe(1);
    expect(w.entrances).toBe(0);
    expect(page.url()).toContain('kiosk=2');
  });
});
