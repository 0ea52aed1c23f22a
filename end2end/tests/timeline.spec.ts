import { expect, test, type Page } from '@playwright/test';
import { areaBox, dayOf, detailsAsked, holdDetails, open, root, settled, viewOf, watch } from './helpers';

/** Opens the Vlora withdrawal's popover with a click, and gives it. */
async function openVlora(page: Page) {
  await page.locator('button[data-event-id="vlora-withdrawal"]').click();
  return page.locator('[role="dialog"][data-popover-for="vlora-withdrawal"]');
}

test.describe('the timeline', () => {
  test('shows the whole range with both lanes and their events', async ({ page }) => {
    const problems = watch(page);
    await open(page);
    const v = await viewOf(page);
    expect(v.start).toBe('1948-01-01');
    expect(v.end).toBe('1962-12-31');
    for (const [id, name] of [
      ['soviet-albanian', 'Moscow – Tirana'],
      ['soviet-yugoslav', 'Moscow – Belgrade'],
    ]) {
      const lane = page.locator(`[data-lane="${id}"]`);
      await expect(lane).toHaveAttribute('role', 'group');
      await expect(lane).toHaveAttribute('aria-label', name);
      expect(await lane.locator('button[data-event-id]').count()).toBeGreaterThan(3);
    }
    // Accessible names carry the title and the date as written for people.
    const first = page.locator('[data-lane="soviet-yugoslav"] button[data-event-id]').first();
    await expect(first).toHaveAttribute('aria-label', /, (\d{1,2} )?[A-Z]?[a-z]* ?(19[456]\d)/);
    // Too dense at this zoom: count markers stand in for what does not fit.
    expect(await page.locator('.chip').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  });

  test('wheel zoom narrows the window around the pointer', async ({ page }) => {
    await open(page);
    const before = await viewOf(page);
    const box = await areaBox(page);
    const fx = 0.8;
    const x = box.x + box.width * fx;
    const anchor = before.s + (before.e + 1 - before.s) * fx;
    await page.mouse.move(x, box.y + box.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
    const after = await settled(page);
    expect(after.s).toBeGreaterThan(before.s);
    expect(after.e).toBeLessThan(before.e);
    // The day under the pointer stays under the pointer (within two days' rounding).
    const anchorAfter = after.s + (after.e + 1 - after.s) * fx;
    expect(Math.abs(anchorAfter - anchor)).toBeLessThan(Math.max(2, after.span * 0.01));
    // And the reverse direction zooms back out with no jump.
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 200);
    const back = await settled(page);
    expect(Math.abs(back.s - before.s)).toBeLessThanOrEqual(2);
    expect(Math.abs(back.e - before.e)).toBeLessThanOrEqual(2);
  });

  test('keys zoom, pan and jump to the ends', async ({ page }) => {
    await open(page);
    await page.locator('.timeline').focus();
    const full = await viewOf(page);
    await page.keyboard.press('+');
    const zoomed = await settled(page);
    expect(zoomed.span).toBeLessThan(full.span * 0.75);
    const mid = (zoomed.s + zoomed.e) / 2;
    expect(Math.abs(mid - (full.s + full.e) / 2)).toBeLessThan(3);
    await page.keyboard.press('ArrowRight');
    const panned = await settled(page);
    expect(panned.s).toBeGreaterThan(zoomed.s);
    expect(Math.abs(panned.span - zoomed.span)).toBeLessThanOrEqual(1);
    await page.keyboard.press('Home');
    expect((await settled(page)).start).toBe('1948-01-01');
    await page.keyboard.press('End');
    expect((await settled(page)).end).toBe('1962-12-31');
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    const out = await settled(page);
    expect(out.span).toBeGreaterThan(panned.span);
  });

  test('zooms from 1948–1962 down to a week in November 1960 and back', async ({ page }) => {
    await open(page);
    const full = await viewOf(page);
    const box = await areaBox(page);
    // Put the pointer on 14 November 1960 and wheel in: the day stays under it.
    const frac = (dayOf('1960-11-14') + 0.5 - full.s) / (full.e + 1 - full.s);
    await page.mouse.move(box.x + box.width * frac, box.y + box.height / 2);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, -120);
    await page.locator('.timeline').focus();
    const week = await settled(page);
    expect(week.span).toBeLessThanOrEqual(8);
    // A week in November 1960 (the pointer's pixel covers about four days at the start).
    expect(week.start).toMatch(/^1960-11-/);
    expect(Math.abs((week.s + week.e) / 2 - dayOf('1960-11-14'))).toBeLessThanOrEqual(6);
    // Ticks at this zoom are days; the month and year are held at the
    // left edge of the axis, clear of every day's label.
    await expect(page.locator('.tick.day').first()).toBeVisible();
    const context = page.locator('.axis .context');
    await expect(context).toHaveText('Nov 1960');
    const held = (await context.boundingBox())!;
    expect(held.x).toBeLessThanOrEqual(box.x + 1);
    for (const label of await page.locator('.tick span').all()) {
      const b = await label.boundingBox();
      if (b && b.width > 0) expect(b.x).toBeGreaterThanOrEqual(held.x + held.width);
    }
    // Further zoom is clamped; zoom out reverses at once.
    await page.keyboard.press('+');
    expect(Math.abs((await settled(page)).span - week.span)).toBeLessThanOrEqual(1);
    await page.keyboard.press('-');
    expect((await settled(page)).span).toBeGreaterThan(week.span);
    await page.getByRole('button', { name: '1948–1962' }).click();
    const all = await settled(page);
    expect([all.start, all.end]).toEqual(['1948-01-01', '1962-12-31']);
  });

  test('no label of the axis is cut by its left edge', async ({ page }) => {
    // 1 October 1956 falls a few pixels left of the edge in the first
    // view: its label gives way to the month named whole at the edge.
    for (const [hash, context, edge] of [
      ['#date=1956-10&span=1m', 'Oct 1956', true],
      ['#date=1955-03&span=8y', '1951', false],
      ['#date=1960-11-14&span=9d', 'Nov 1960', false],
    ] as const) {
      await open(page, hash);
      await settled(page);
      const area = await areaBox(page);
      const cut = await page.$$eval(
        '.tick span',
        (spans, left) =>
          spans
            .map((s) => ({ text: s.textContent, x: s.getBoundingClientRect().left, w: s.getBoundingClientRect().width }))
            .filter((s) => s.w > 0 && s.x < left - 0.5),
        area.x,
      );
      expect(cut, hash).toEqual([]);
      // The tick left of the edge is drawn, its line without its label.
      const left = await page.$$eval(
        '.tick',
        (ticks, x) => ticks.filter((t) => t.getBoundingClientRect().left < x - 0.5).length,
        area.x,
      );
      expect(left > 0, hash).toBe(edge);
      await expect(page.locator('.axis .context'), hash).toHaveText(context);
    }
  });

  test('no label of the axis is cut by its right edge, on a phone either', async ({ page }) => {
    for (const [width, hash] of [
      [390, ''],
      [390, '#date=1961&span=3y'],
      [320, '#lang=ru'],
      [1280, ''],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await open(page, hash);
      await settled(page);
      const area = await areaBox(page);
      const cut = await page.$$eval(
        '.axis .tick span',
        (spans, right) =>
          spans
            .map((s) => ({ text: s.textContent, r: s.getBoundingClientRect().left + (s as HTMLElement).scrollWidth }))
            .filter((s) => s.text !== '' && s.r > right + 0.5),
        area.x + area.width,
      );
      expect(cut, `${width} ${hash}`).toEqual([]);
    }
  });

  test('dragging pans the window', async ({ page }) => {
    await open(page, '#date=1960&span=2y');
    const before = await viewOf(page);
    const box = await areaBox(page);
    const y = box.y + 20; // the axis band, clear of events
    await page.mouse.move(box.x + box.width * 0.7, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
    await page.mouse.up();
    const after = await settled(page);
    // Dragged left by 40% of the width: the window moves later by about 40% of its span.
    const moved = after.s - before.s;
    expect(moved).toBeGreaterThan(before.span * 0.3);
    expect(moved).toBeLessThan(before.span * 0.5);
    expect(after.span).toBe(before.span);
    // The drag opened no popover.
    await expect(page.locator('[role="dialog"]')).toHaveCount(0);
  });

  test('the popover opens by keyboard, shows the evidence and closes with Escape', async ({ page }) => {
    await open(page, '#date=1961-06&span=3m');
    // Every contract event from here on, in order: opening and closing the
    // popover selects and deselects, and leaves the window where it is.
    await page.evaluate(() => {
      const events: string[] = ((window as any).__events = []);
      document.addEventListener('rift:select', (e: any) => events.push(`select ${e.detail.id}`));
      document.addEventListener('rift:viewchange', (e: any) => events.push(`viewchange ${e.detail.start}/${e.detail.end}`));
    });
    const before = await viewOf(page);
    const button = page.locator('button[data-event-id="vlora-withdrawal"]');
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('[role="dialog"][data-popover-for="vlora-withdrawal"]');
    await expect(dialog).toBeVisible();
    await expect(root(page)).toHaveAttribute('data-selected', 'vlora-withdrawal');
    await expect(dialog.locator('h2')).toContainText('Vlora');
    await expect(dialog.locator('time')).toHaveText('4 June 1961');
    const cites = dialog.locator('cite');
    expect(await cites.count()).toBeGreaterThanOrEqual(2);
    // Sources appear as references, never as file names.
    for (const text of await cites.allTextContents()) {
      expect(text).not.toMatch(/\.txt|_[0-9a-f]{8}/);
      expect(text.length).toBeGreaterThan(20);
    }
    // The passages come with the details (fetched once the reader reached
    // for the timeline).
    await expect(dialog.locator('blockquote').first()).not.toBeEmpty();
    const quotes = await dialog.locator('blockquote').allTextContents();
    expect(quotes.length).toBe(await cites.count());
    expect(quotes.every((q) => q.trim().length > 10)).toBe(true);
    await expect(dialog.locator('.locator').first()).not.toBeEmpty();
    // This event is disputed: both accounts, attributed.
    await expect(dialog.locator('.dispute')).toContainText('Edemskiy');
    await page.keyboard.press('Escape');
    await expect(page.locator('[role="dialog"]')).toHaveCount(0);
    await expect(root(page)).toHaveAttribute('data-selected', '');
    await expect(button).toBeFocused();
    // Once any eased move would have ended: the window never moved.
    const after = await settled(page);
    expect([after.start, after.end]).toEqual([before.start, before.end]);
    expect(await page.evaluate(() => (window as any).__events)).toEqual(['select vlora-withdrawal', 'select null']);
  });

  test('the account and passages load when the reader reaches for the timeline, not before', async ({ page }) => {
    const asked = detailsAsked(page);
    const release = await holdDetails(page);
    await open(page, '#date=1961-06&span=3m');
    await page.waitForTimeout(500);
    // A reader who scrolls past never loads them.
    expect(asked()).toBe(0);
    // A pointer over the timeline asks for them; the popover opened before
    // they arrive says they are coming, and keeps the focus when they do.
    await page.locator('.timeline').hover();
    await expect.poll(asked).toBe(1);
    const dialog = await openVlora(page);
    await expect(dialog.locator('.summary')).toHaveText('Loading the account and its sources…');
    await expect(dialog.locator('.dispute p')).toHaveText('Loading what they disagree on…');
    await expect(dialog.locator('h2')).toContainText('Vlora');
    await expect(dialog.locator('cite').first()).not.toBeEmpty();
    await expect(dialog).toBeFocused();
    release();
    await expect(dialog.locator('.summary')).not.toHaveClass(/pending/);
    await expect(dialog.locator('.summary')).toContainText('Kasatonov');
    await expect(dialog.locator('blockquote').first()).not.toBeEmpty();
    await expect(dialog.locator('.locator').first()).not.toBeEmpty();
    await expect(dialog.locator('.dispute')).toContainText('Edemskiy');
    await expect(dialog).toBeFocused();
    // Fetched once, however many events open.
    await page.keyboard.press('Escape');
    await page.locator('[data-event-id]').nth(2).click();
    await expect(page.locator('[role="dialog"] .summary')).not.toHaveClass(/pending/);
    expect(asked()).toBe(1);
  });

  test('a finger passing over the timeline fetches nothing; a mouse over it does', async ({ page }) => {
    const asked = detailsAsked(page);
    await open(page, '#date=1961-06&span=3m');
    const over = (pointerType: string) =>
      page.evaluate((pointerType) => {
        document.querySelector('.area')!.dispatchEvent(new PointerEvent('pointerover', { pointerType, bubbles: true }));
      }, pointerType);
    // A phone reader scrolling the host page past the embed.
    await over('touch');
    await page.waitForTimeout(500);
    expect(asked()).toBe(0);
    await over('mouse');
    await expect.poll(asked).toBe(1);
  });

  test('when the passages cannot be loaded the popover says so, and the rest works', async ({ page }) => {
    await page.route('**/details.txt', (route) => route.abort());
    await open(page, '#date=1961-06&span=3m');
    const dialog = await openVlora(page);
    await expect(dialog.locator('.summary')).toHaveText('The account and its sources could not be loaded.');
    // The disagreement is named as missing, not left as a bare heading.
    await expect(dialog.locator('.dispute p')).toHaveText('What they disagree on could not be loaded.');
    await expect(dialog.locator('.dispute p')).toHaveClass(/pending/);
    await expect(dialog.locator('h2')).toContainText('Vlora');
    await expect(dialog.locator('time')).toHaveText('4 June 1961');
    await expect(dialog.locator('cite').first()).toContainText('Albanian');
    // Empty passages are not drawn as empty quotes.
    await expect(dialog.locator('blockquote').first()).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(page.locator('[role="dialog"]')).toHaveCount(0);
    // Search by title still finds events.
    await page.getByRole('searchbox').fill('Vlora');
    await expect(page.locator('.result-count')).toHaveText(/^\d+ events?$/);
  });

  test('a translated account shows without the passages, which say why they are missing', async ({ page }) => {
    await page.route('**/details.txt', (route) => route.abort());
    await open(page, '#date=1961-06&span=3m&lang=ru');
    const dialog = await openVlora(page);
    await expect(dialog.locator('.summary')).toContainText('Касатонов');
    await expect(dialog.locator('.summary')).not.toHaveClass(/pending/);
    await expect(dialog.locator('p.pending')).toHaveText('Не удалось загрузить цитаты из источников.');
    await expect(dialog.locator('.dispute p')).not.toBeEmpty();
    await expect(dialog.locator('.dispute p')).not.toHaveClass(/pending/);
    await expect(dialog.locator('blockquote').first()).toBeHidden();
  });

  test('a click outside closes the popover; related events move the view', async ({ page }) => {
    await open(page, '#date=1961-06&span=3m');
    await page.locator('button[data-event-id="vlora-withdrawal"]').click();
    const dialog = page.locator('[role="dialog"]');
    await expect(dialog).toBeVisible();
    const related = dialog.locator('button.related');
    expect(await related.count()).toBeGreaterThan(0);
    // Follow the Vlora base's founding (1957/1959), far outside the window.
    const target = dialog.locator('button.related[data-related-id="vlora-naval-base-established"]');
    // Its title, then its date as the sources word it, on a line of its own.
    await expect(target).toHaveAccessibleName(
      'Soviet naval base at Vlora set up, 1959 (Edemskiy) or 1957 (Albanian paper)',
    );
    const date = (await target.locator('.rel-date').boundingBox())!;
    const title = (await target.locator('.rel-date').evaluate((d) => {
      const r = document.createRange();
      r.selectNodeContents(d.parentElement!.firstChild!);
      return r.getBoundingClientRect().bottom;
    }));
    expect(date.y).toBeGreaterThanOrEqual(title - 1);
    await target.click();
    await expect(page.locator('[role="dialog"]')).toHaveAttribute('data-popover-for', 'vlora-naval-base-established');
    const v = await settled(page);
    expect(v.s).toBeLessThan(dayOf('1959-12-31'));
    await expect(page.locator('button[data-event-id="vlora-naval-base-established"]')).toBeVisible();
    // Outside click.
    const box = await areaBox(page);
    await page.mouse.click(box.x + 10, box.y + 12);
    await expect(page.locator('[role="dialog"]')).toHaveCount(0);
  });

  test('a count marker zooms in to its events', async ({ page }) => {
    await open(page);
    // The marker that counts the most events.
    const chips = page.locator('[data-lane="soviet-albanian"] .chip');
    const counts = (await chips.allTextContents()).map((t) => Number(t.replace('+', '')));
    const n = Math.max(...counts);
    expect(n).toBeGreaterThan(1);
    const chip = chips.nth(counts.indexOf(n));
    const before = await viewOf(page);
    await chip.click();
    const after = await settled(page);
    expect(after.span).toBeLessThan(before.span / 2);
  });

  test('the overview brush drags and resizes the window', async ({ page }) => {
    await open(page, '#date=1955&span=2y');
    const before = await viewOf(page);
    const brush = page.locator('.minimap .brush');
    const b = (await brush.boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 + 200, b.y + b.height / 2, { steps: 6 });
    await page.mouse.up();
    const moved = await viewOf(page);
    expect(moved.s).toBeGreaterThan(before.s + 365);
    expect(Math.abs(moved.span - before.span)).toBeLessThanOrEqual(1);
    const b2 = (await brush.boundingBox())!;
    await page.mouse.move(b2.x + b2.width + 1, b2.y + b2.height / 2);
    await page.mouse.down();
    await page.mouse.move(b2.x + b2.width + 120, b2.y + b2.height / 2, { steps: 6 });
    await page.mouse.up();
    const resized = await viewOf(page);
    expect(resized.s).toBe(moved.s);
    expect(resized.span).toBeGreaterThan(moved.span + 300);
  });

  test('dispatches rift:viewchange as the window changes', async ({ page }) => {
    await open(page);
    await page.evaluate(() => {
      document.addEventListener('rift:viewchange', (e: any) => ((window as any).__views ??= []).push(e.detail));
    });
    await page.locator('.timeline').focus();
    await page.keyboard.press('+');
    const v = await settled(page);
    const views = await page.evaluate(() => (window as any).__views);
    expect(views.length).toBeGreaterThan(0);
    expect(views.at(-1)).toEqual({ start: v.start, end: v.end });
  });

  test('rift:viewchange tells of the view at rest, not of every step of a gesture', async ({ page }) => {
    await open(page);
    await page.evaluate(() => {
      document.addEventListener('rift:viewchange', (e: any) => ((window as any).__rest ??= []).push(e.detail));
    });
    const box = await areaBox(page);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // A ten-notch wheel zoom, then a drag: each changes the days many times.
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -150);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 - i * 30, box.y + box.height / 2);
    await page.mouse.up();
    const v = await settled(page);
    await page.waitForTimeout(400);
    const rests = await page.evaluate(() => (window as any).__rest ?? []);
    expect(rests.length).toBeGreaterThan(0);
    expect(rests.length).toBeLessThanOrEqual(4);
    expect(rests.at(-1)).toEqual({ start: v.start, end: v.end });
  });

  test('dispatches rift:ready once, when the first events are drawn', async ({ page }) => {
    await page.addInitScript(() => {
      document.addEventListener('rift:ready', (e: any) => {
        const drawn = document.querySelectorAll('[data-rift-timeline] button[data-event-id]').length;
        ((window as any).__ready ??= []).push({ detail: e.detail, drawn });
      });
    });
    await open(page, '#date=1961-06&span=3m');
    await expect.poll(() => page.evaluate(() => (window as any).__ready?.length ?? 0)).toBe(1);
    const [ready] = await page.evaluate(() => (window as any).__ready);
    // Fired with the events already on screen, and counting them.
    expect(ready.drawn).toBeGreaterThan(5);
    expect(ready.detail.events).toBe(ready.drawn);
    await page.locator('.timeline').focus();
    await page.keyboard.press('+');
    await settled(page);
    expect(await page.evaluate(() => (window as any).__ready.length)).toBe(1);
  });

  test('10,000 synthetic events pan and zoom without errors', async ({ page }) => {
    const problems = watch(page);
    await open(page, '#bench=10000');
    const buttons = page.locator('button[data-event-id]');
    expect(await buttons.count()).toBeGreaterThan(10);
    expect(await page.locator('button[data-event-id], .chip').count()).toBeLessThan(1500);
    const box = await areaBox(page);
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -250);
    const zoomed = await settled(page);
    expect(zoomed.span).toBeLessThan(365);
    await page.mouse.move(box.x + box.width * 0.6, box.y + 15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.2, box.y + 15, { steps: 10 });
    await page.mouse.up();
    const panned = await settled(page);
    expect(panned.s).toBeGreaterThan(zoomed.s);
    // Only what is visible is in the DOM.
    expect(await page.locator('button[data-event-id]').count()).toBeLessThan(400);
    expect(problems).toEqual([]);
  });

  test('touch pinch zooms around the fingers and a swipe pans', async ({ page }) => {
    await open(page, '#date=1958&span=6y');
    const before = await viewOf(page);
    const box = await areaBox(page);
    const y = box.y + 20;
    const fire = (type: string, id: number, x: number) =>
      page.evaluate(
        ([type, id, x, y]) => {
          document.querySelector('.area')!.dispatchEvent(
            new PointerEvent(type as string, {
              pointerId: id as number,
              pointerType: 'touch',
              isPrimary: id === 1,
              clientX: x as number,
              clientY: y as number,
              bubbles: true,
              cancelable: true,
            }),
          );
        },
        [type, id, x, y],
      );
    const mid = box.x + box.width / 2;
    // Two fingers 100 px apart move to 300 px apart: a threefold zoom.
    await fire('pointerdown', 1, mid - 50);
    await fire('pointerdown', 2, mid + 50);
    for (let d = 50; d <= 150; d += 10) {
      await fire('pointermove', 1, mid - d);
      await fire('pointermove', 2, mid + d);
    }
    await fire('pointerup', 1, mid - 150);
    await fire('pointerup', 2, mid + 150);
    const pinched = await settled(page);
    expect(pinched.span).toBeLessThan(before.span / 2.5);
    expect(pinched.span).toBeGreaterThan(before.span / 3.5);
    expect(Math.abs((pinched.s + pinched.e) / 2 - (before.s + before.e) / 2)).toBeLessThan(before.span * 0.02);
    // One finger swipes right: earlier dates come into view.
    await fire('pointerdown', 1, mid);
    for (let x = mid; x <= mid + 200; x += 20) await fire('pointermove', 1, x);
    await fire('pointerup', 1, mid + 200);
    const swiped = await settled(page);
    expect(swiped.s).toBeLessThan(pinched.s);
    expect(Math.abs(swiped.span - pinched.span)).toBeLessThanOrEqual(1);
  });

  test('works on a 320 px phone with touch', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true });
    const page = await context.newPage();
    const problems = watch(page);
    await open(page);
    await expect(page.locator('[data-lane="soviet-albanian"]')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const tap = page.locator('button[data-event-id]').first();
    await tap.tap();
    await expect(page.locator('[role="dialog"]')).toBeVisible();
    const sheet = (await page.locator('[role="dialog"]').boundingBox())!;
    expect(sheet.width).toBeGreaterThan(300);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('while zooming, each mark shows its own event, in order, and focus stays on its event', async ({ page }) => {
    const problems = watch(page);
    const data = await (await page.request.get('./events.json')).json();
    const events: { id: string; date: string; title: string; disputed?: unknown }[] = data.events;
    const rank = new Map(events.map((e, i) => [e.id, i]));
    const byId = new Map(events.map((e) => [e.id, e]));
    const marks = page.locator('[data-lane] button[data-event-id]');
    // Focus on the mark nearest the middle, which the keys zoom about, so
    // it stays drawn; then on the leftmost, which zooming in pushes out.
    for (const near of [0.5, 0]) {
      await open(page, '#date=1958&span=8y');
      const box = await areaBox(page);
      let focused = '';
      let best = Infinity;
      for (const m of await marks.all()) {
        const b = (await m.locator('.mark').boundingBox())!;
        const d = Math.abs(b.x + b.width / 2 - (box.x + box.width * near));
        if (d < best) [best, focused] = [d, (await m.getAttribute('data-event-id'))!];
      }
      await page.locator(`button[data-event-id="${focused}"]`).focus();
      let [kept, gone] = [0, 0];
      for (const key of ['+', '+', '+', '+', '+', '-', '-', '-', '-', '-']) {
        await page.keyboard.press(key);
        await settled(page);
        const drawn = await page.locator('[data-lane]').evaluateAll((lanes) =>
          lanes.map((lane) =>
            [...lane.querySelectorAll('button[data-event-id]')].map((b) => ({
              id: b.getAttribute('data-event-id')!,
              name: b.getAttribute('aria-label')!,
              text: b.querySelector('.label span:not(.flag):not(.q)')!.textContent!,
              flags: b.querySelectorAll('.flag').length,
              queries: b.querySelectorAll('.q').length,
              pressed: b.getAttribute('aria-pressed'),
            })),
          ),
        );
        for (const lane of drawn) {
          // In the dataset's order, which is the order a keyboard reader tabs through.
          const ranks = lane.map((m) => rank.get(m.id)!);
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          for (const m of lane) {
            const e = byId.get(m.id)!;
            expect(m.name.startsWith(`${e.title}, `), `${m.id}: ${m.name}`).toBe(true);
            const shown = m.text.endsWith('…') ? m.text.slice(0, -1) : m.text;
            expect(e.title.startsWith(shown), `${m.id}: ${m.text}`).toBe(true);
            expect(m.flags, m.id).toBe(e.disputed ? 1 : 0);
            expect(m.queries, m.id).toBe(/[?%]/.test(e.date) ? 1 : 0);
            expect(m.pressed).toBe('false');
          }
        }
        // Focus is on the focused event's mark while it is drawn, and on no
        // other event's mark once it is not.
        const active = await page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null);
        const present = drawn.some((lane) => lane.some((m) => m.id === focused));
        if (present && gone === 0) {
          kept++;
          expect(active, `${key}: focus`).toBe(focused);
        } else {
          gone++;
          expect([null, focused], `${key}: focus on ${active}`).toContain(active);
        }
      }
      expect(near === 0 ? gone : kept, `${focused}`).toBeGreaterThan(near === 0 ? 0 : 9);
    }
    expect(problems).toEqual([]);
  });

  test('a title left of its mark ends at the mark, however short it is cut', async ({ page }) => {
    // On a phone in Russian most titles meet the right edge and go left of
    // their marks; each must end just before its own mark, not where its
    // room starts.
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, '#lang=ru');
    await settled(page);
    const gaps = await page.$$eval('[data-lane] button[data-event-id]', (bs) =>
      bs.flatMap((b) => {
        const label = b.querySelector('.label')!.getBoundingClientRect();
        const mark = b.querySelector('.mark')!.getBoundingClientRect();
        if (label.width === 0 || label.right > mark.left + 0.5) return [];
        return [{ id: b.getAttribute('data-event-id'), gap: mark.left - label.right }];
      }),
    );
    expect(gaps.length).toBeGreaterThanOrEqual(5);
    for (const g of gaps) expect(g.gap, g.id!).toBeLessThanOrEqual(6);
  });

  test('no outline of an approximate date runs through its title', async ({ page }) => {
    // "End of March 1961", "early August 1961": dashed outlines a few
    // weeks wide at six months, with titles longer than that; on a phone
    // too, and over the years around the break.
    const views: [string, number][] = [
      ['#date=1961-06-16&span=6m', 1280],
      ['#date=1961-06-16&span=6m', 390],
      ['#date=1961&span=3y', 1280],
      ['#lang=ru&date=1961-06&span=1y', 1280],
    ];
    let outlined = 0;
    for (const [hash, width] of views) {
      await page.setViewportSize({ width, height: 800 });
      await open(page, hash);
      await settled(page);
      const crossed = await page.$$eval('[data-lane] .ev.soft.approx', (bs) =>
        bs.flatMap((b) => {
          const label = b.querySelector('.label')!.getBoundingClientRect();
          const mark = b.querySelector('.mark')!.getBoundingClientRect();
          if (label.width === 0) return [];
          // An outline's end is a dashed line across the row: the title
          // is inside it, after it or before it, never across it.
          const across = (x: number) => label.left < x - 1 && label.right > x + 1;
          const ends = [mark.left, mark.right].filter((x) => x > 0 && x < innerWidth);
          return ends.filter(across).map(() => b.getAttribute('data-event-id'));
        }),
      );
      outlined += await page.locator('[data-lane] .ev.soft.approx:not(.bare)').count();
      expect(crossed, `${hash} at ${width}`).toEqual([]);
    }
    expect(outlined).toBeGreaterThanOrEqual(6);
  });

  test('a selected span shows its title on the lane colour, with nothing over it or stray beside it', async ({ page }) => {
    const id = 'soviet-albanian-talks-1960-11-10';
    const selected = page.locator(`[data-lane] button[data-event-id="${id}"]`);
    // With its title: the title above the bar, no ring around the bar
    // running over the title's lower edge.
    await open(page, `#event=${id}`);
    await settled(page);
    await expect(selected).toHaveAttribute('aria-pressed', 'true');
    const label = (await selected.locator('.label').boundingBox())!;
    expect(label.width).toBeGreaterThan(50);
    const ring = await selected.locator('.mark').evaluate((m) => getComputedStyle(m).boxShadow);
    expect(ring).toBe('none');
    // On a phone in Russian its title has no room: no empty tag of the
    // lane colour stands by the bar, which keeps its ring.
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `#event=${id}&lang=ru`);
    await settled(page);
    if (await selected.evaluate((b) => b.classList.contains('bare'))) {
      expect(await selected.locator('.label').boundingBox()).toBeNull();
      expect(await selected.locator('.mark').evaluate((m) => getComputedStyle(m).boxShadow)).not.toBe('none');
    }
    const empty = await page.$$eval('[data-lane] button[data-event-id]', (bs) =>
      bs.filter((b) => {
        const l = b.querySelector('.label') as HTMLElement;
        return l.offsetWidth > 0 && l.textContent!.trim() === '';
      }).length,
    );
    expect(empty).toBe(0);
  });

  test('titles use the room they have, and are cut only at a word', async ({ page }) => {
    const words = (text: string) => text.split(/[\s–-]+/).filter(Boolean).length;
    // Brackets a cut title opens, it closes: "at the UN…", not "at the UN (Albanian…".
    const open_brackets = (t: string) => (t.match(/[([]/g) ?? []).length - (t.match(/[)\]]/g) ?? []).length;
    // Each drawn label: its text, the whole title (from the accessible name),
    // and whether its bar spans most of the view.
    const labels = () =>
      page.$$eval('[data-lane] button[data-event-id]', (bs) => {
        const area = document.querySelector('.area')!.getBoundingClientRect();
        return bs.map((b) => {
          const label = b.querySelector('.label') as HTMLElement;
          const text = label.textContent!.replace('≠', '').replace(/\?$/, '').trim();
          const name = b.getAttribute('aria-label')!;
          const mark = b.querySelector('.mark')!.getBoundingClientRect();
          // The text shown is all there is: no clipping behind an ellipsis.
          const clipped = label.scrollWidth > label.clientWidth + 1;
          // Where it starts against the area's left edge: a point just off
          // screen holds its label at the edge, its room what is on screen.
          const start = label.getBoundingClientRect().left - area.left;
          // A flag ("≠", "?") shown with no title: it stands alone, by
          // a mark or at an edge of the view.
          const flags = [...label.querySelectorAll('.flag, .q')].filter(
            (f) => (f as HTMLElement).offsetWidth > 0,
          );
          const stray = text === '' && flags.length > 0;
          return { text, name, clipped, start, stray, spans: mark.width > area.width * 0.7 };
        });
      });
    await open(page, '#date=1960-11&span=3m');
    await settled(page);
    const three = await labels();
    expect(three.length).toBeGreaterThan(8);
    // No title starts off screen: it reads from its first word.
    expect(three.filter((l) => l.start < -0.5)).toEqual([]);
    const inside = three.filter((l) => l.start > 0.5);
    const cut = inside.filter((l) => l.text.endsWith('…'));
    expect(cut.length / inside.length).toBeLessThanOrEqual(0.25);
    expect(three.filter((l) => l.clipped)).toEqual([]);
    for (const l of three) {
      if (l.text.endsWith('…')) {
        // Cut at a word: what is shown is the start of the title, ending where a word ends.
        const kept = l.text.slice(0, -1);
        expect(l.name.startsWith(kept)).toBe(true);
        expect(l.name.charAt(kept.length)).toMatch(/[\s,;:–-]/);
        expect(words(kept), l.text).toBeGreaterThanOrEqual(2);
        expect(open_brackets(kept), l.text).toBe(0);
      } else {
        expect(l.name.startsWith(`${l.text}, `)).toBe(true);
      }
    }
    // Ten days around 12 November 1960: bars across the view show whole titles.
    await open(page, '#date=1960-11-12&span=10d');
    await settled(page);
    const ten = (await labels()).filter((l) => l.spans);
    expect(ten.length).toBeGreaterThanOrEqual(3);
    for (const l of ten) expect(l.name.startsWith(`${l.text}, `) && !l.clipped).toBe(true);
    // Where not even a title's first two words fit, its label is empty
    // rather than a fragment ("Хо…", "Both…"): in Russian over eight
    // months, on a phone, and over the whole range, where titles meet the
    // right edge.
    const views: [string, number][] = [
      ['#lang=ru&date=1960-07&span=8m', 1280],
      ['#date=1960&span=2y', 390],
      ['#lang=ru&date=1960-11&span=3m', 390],
      ['#lang=sq&date=1961-11&span=2m', 390],
      ['', 1280],
    ];
    for (const [hash, width] of views) {
      await page.setViewportSize({ width, height: 800 });
      await open(page, hash);
      await settled(page);
      const all = await labels();
      expect(all.filter((l) => l.start < -0.5), hash).toEqual([]);
      expect(all.filter((l) => l.stray), hash).toEqual([]);
      const cuts = all.filter((l) => l.text.endsWith('…'));
      expect(cuts.length).toBeGreaterThan(0);
      for (const l of cuts) {
        const kept = l.text.slice(0, -1);
        expect(l.name.startsWith(kept)).toBe(true);
        expect(l.name.charAt(kept.length), `${hash}: ${l.text}`).toMatch(/[\s,;:–-]/);
        expect(words(kept), `${hash}: ${l.text}`).toBeGreaterThanOrEqual(2);
        expect(open_brackets(kept), `${hash}: ${l.text}`).toBe(0);
      }
    }
  });
});
