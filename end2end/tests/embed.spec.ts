import { expect, test, type Page } from '@playwright/test';
import { dayOf, recordCsp, watch } from './helpers';

async function frameView(page: Page) {
  const f = page.frameLocator('#rift');
  const r = f.locator('[data-rift-timeline]');
  await expect(r).toBeVisible();
  const start = (await r.getAttribute('data-view-start'))!;
  const end = (await r.getAttribute('data-view-end'))!;
  return { start, end, s: dayOf(start), e: dayOf(end), span: dayOf(end) - dayOf(start) + 1 };
}

/** Waits until the frame's window stops moving, then reads it. */
async function settledFrame(page: Page) {
  let last = '';
  await expect
    .poll(
      async () => {
        const busy = await page.frameLocator('#rift').locator('[data-rift-timeline]').getAttribute('aria-busy');
        if (busy === 'true') return false;
        const v = await frameView(page);
        const same = `${v.start}/${v.end}` === last;
        last = `${v.start}/${v.end}`;
        return same;
      },
      { intervals: [300, 300, 300, 500, 500] },
    )
    .toBe(true);
  return frameView(page);
}

test.describe('iframe embed', () => {
  test('the article mirrors the view in its own URL and restores it', async ({ page }) => {
    const problems = watch(page);
    await recordCsp(page);
    await page.goto('/hosts/news-article.html');
    const first = await frameView(page);
    expect(first.start.slice(0, 4)).toBe('1961');
    // viewchange reaches the host, which mirrors it.
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('#rift=date=1961-');
    // Zoom inside the frame: the host hears of it.
    const f = page.frameLocator('#rift');
    await f.locator('.timeline').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(async () => (await frameView(page)).span).toBeLessThan(first.span * 0.6);
    // Wait for the eased zoom to settle, and for the host to hear the final view.
    const settledView = await settledFrame(page);
    await expect
      .poll(async () => JSON.parse((await page.locator('body').getAttribute('data-last-message')) ?? '{}'))
      .toMatchObject({ source: 'rift', type: 'viewchange', start: settledView.start, end: settledView.end });
    await expect.poll(() => decodeURIComponent(page.url())).toContain(
      JSON.parse((await page.locator('body').getAttribute('data-last-message'))!).fragment,
    );
    const shared = page.url();
    // A reader opening the article's link sees the same view in the frame.
    const other = await page.context().newPage();
    await other.goto(shared);
    await expect.poll(async () => (await frameView(other)).start).toBe(settledView.start);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  });

  test('goto messages move the frame; messages of other shapes are ignored', async ({ page }) => {
    await page.goto('/hosts/news-article.html');
    await frameView(page);
    await page.getByRole('button', { name: '3 December 1961' }).click();
    await expect.poll(async () => (await frameView(page)).start).toMatch(/^1961-11-2/);
    const dec = await frameView(page);
    expect(dec.s).toBeLessThanOrEqual(dayOf('1961-12-03'));
    expect(dec.e).toBeGreaterThanOrEqual(dayOf('1961-12-03'));
    // From here on, every message the frame posts to the host, in order.
    await page.evaluate(() => {
      const frame = document.getElementById('rift') as HTMLIFrameElement;
      const seen: any[] = ((window as any).__messages = []);
      window.addEventListener('message', (e) => {
        if (e.source === frame.contentWindow) seen.push(e.data);
      });
    });
    await page.getByRole('button', { name: 'The Vlora withdrawal' }).click();
    const f = page.frameLocator('#rift');
    await expect(f.locator('[role="dialog"][data-popover-for="vlora-withdrawal"]')).toBeVisible();
    await expect(f.locator('[data-rift-timeline]')).toHaveAttribute('data-selected', 'vlora-withdrawal');
    // The select reached the host too (viewchanges may follow it as the
    // frame eases to the event, so look for it among all the messages).
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as any).__messages
            .filter((m: any) => m?.type === 'select')
            .map((m: any) => ({ source: m.source, id: m.id, event: /(^|&)event=vlora-withdrawal(&|$)/.test(m.fragment) })),
        ),
      )
      .toEqual([{ source: 'rift', id: 'vlora-withdrawal', event: true }]);
    const before = await settledFrame(page);
    await page.evaluate(() => {
      const w = (document.getElementById('rift') as HTMLIFrameElement).contentWindow!;
      w.postMessage({ source: 'other', type: 'goto', date: '1950' }, '*');
      w.postMessage({ source: 'rift', type: 'goto', date: 1950 }, '*');
      w.postMessage({ source: 'rift', type: 'zoom', date: '1950' }, '*');
      w.postMessage({ source: 'rift', type: 'goto' }, '*');
      w.postMessage('goto 1950', '*');
      w.postMessage(null, '*');
    });
    await page.waitForTimeout(600);
    expect((await frameView(page)).start).toBe(before.start);
    await expect(f.locator('.notice')).toHaveCount(0);
    // The right shape with a bad value: applied as far as it can be, with a notice.
    await page.evaluate(() => {
      const w = (document.getElementById('rift') as HTMLIFrameElement).contentWindow!;
      w.postMessage({ source: 'rift', type: 'goto', date: '1961-13' }, '*');
    });
    await expect(f.locator('.notice')).toContainText("date '1961-13'");
    // A burst of them replaces the notice: one notice, not a flood.
    await page.evaluate(() => {
      const w = (document.getElementById('rift') as HTMLIFrameElement).contentWindow!;
      for (let i = 0; i < 30; i++) w.postMessage({ source: 'rift', type: 'goto', date: `1961-${20 + i}` }, '*');
    });
    await expect(f.locator('.notice')).toContainText("date '1961-49'");
    await expect(f.locator('.notice')).toHaveCount(1);
    await expect(f.locator('.notice li')).toHaveCount(1);
  });

  test('goto is taken from the parent window only', async ({ page }) => {
    await page.goto('/hosts/news-article.html');
    await frameView(page);
    const before = await settledFrame(page);
    // A sibling frame on the host page posts a well-formed goto: ignored.
    await page.evaluate(() => {
      const sibling = document.createElement('iframe');
      sibling.id = 'sibling';
      sibling.src = 'sibling.html';
      document.body.append(sibling);
    });
    await expect(page.frameLocator('#sibling').locator('body')).toHaveAttribute('data-posted', 'yes');
    await page.waitForTimeout(800);
    expect((await frameView(page)).start).toBe(before.start);
    // The same message from the parent moves it.
    await page.evaluate(() => {
      const rift = (document.getElementById('rift') as HTMLIFrameElement).contentWindow!;
      rift.postMessage({ source: 'rift', type: 'goto', date: '1950', span: '2y' }, '*');
    });
    await expect.poll(async () => (await frameView(page)).start.slice(0, 4)).toBe('1949');
  });

  test("the article's back and forward drive the frame", async ({ page }) => {
    await page.goto('/hosts/news-article.html');
    await frameView(page);
    await page.goto(`/hosts/news-article.html#rift=${encodeURIComponent('date=1950&span=2y')}`);
    await expect.poll(async () => (await frameView(page)).start.slice(0, 4)).toBe('1949');
    await page.goto(`/hosts/news-article.html#rift=${encodeURIComponent('date=1960-11&span=1m')}`);
    await expect.poll(async () => (await frameView(page)).start.slice(0, 4)).toBe('1960');
    await page.goBack();
    await expect.poll(async () => (await frameView(page)).start.slice(0, 4)).toBe('1949');
  });

  test('embed.html is chrome-less and fills its frame', async ({ page }) => {
    await page.setViewportSize({ width: 700, height: 480 });
    await page.goto('/exhibits/rift/embed.html#date=1961-06');
    const r = page.locator('[data-rift-timeline]');
    await expect(r).toBeVisible();
    await expect(page.locator('h1')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Embed' })).toHaveCount(0);
    const box = (await r.boundingBox())!;
    expect(box.width).toBe(700);
    expect(box.height).toBe(480);
  });

  test('a short frame with a notice still shows the lanes', async ({ page }) => {
    // A 300 px strip beside an article, opened on a bad link: the notice
    // names what was wrong on one line, and the lanes keep their room.
    for (const [width, lines] of [
      [600, 1],
      [360, 2],
    ] as const) {
      await page.setViewportSize({ width, height: 300 });
      await page.goto('about:blank');
      await page.goto("/embed.html#date=1961-13-45&span=3m");
      const notice = page.locator('.notice');
      await expect(notice).toContainText("date '1961-13-45' is not a date");
      // One notice has no bullet: its text starts at the box's padding.
      const text = (await notice.locator('li').boundingBox())!;
      const box = (await notice.boundingBox())!;
      expect(text.x - box.x, `${width}`).toBeLessThan(16);
      const lineHeight = await notice.locator('li').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(Math.round(text.height / lineHeight), `${width}`).toBe(lines);
      // No taller than its text or its 32 px close button, and padding.
      expect(box.height, `${width}`).toBeLessThanOrEqual(Math.max(lines * lineHeight, 32) + 8);
      // Two rows of titles in the first lane are whole on screen.
      const lane = page.locator('[data-lane]').first();
      const stage = (await page.locator('.stage').boundingBox())!;
      const events = lane.locator('button[data-event-id]');
      await expect(events.nth(1)).toBeVisible();
      for (const i of [0, 1]) {
        const e = (await events.nth(i).boundingBox())!;
        expect(e.y + e.height, `${width}: event ${i}`).toBeLessThanOrEqual(stage.y + stage.height);
      }
    }
  });
});

test.describe('script embed', () => {
  test('an embed hidden at first gets its controls, and draws its events once shown', async ({ page }) => {
    // A museum's tab that is closed when the page loads.
    await page.route('**/hosts/hidden-tab.html', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><body><div id="tab" style="display: none"><div id="t" data-rift-timeline data-date="1961-11" data-span="2m" data-height="560"></div></div><script type="module" src="/exhibits/rift/embed.js"></script></body></html>`,
      }),
    );
    await page.goto('/hosts/hidden-tab.html');
    const embed = page.locator('#t');
    // With no room to draw in (a compact toolbar, then), the controls
    // still come: they follow the lanes, or a moment after the start.
    await expect(embed.locator('input.search-box')).toHaveCount(1);
    await expect(embed.locator('.menu-panel select')).toHaveCount(1);
    await expect(embed.locator('.strip svg')).toHaveCount(1);
    expect(await embed.locator('[data-lane] button[data-event-id]').count()).toBe(0);
    await page.evaluate(() => {
      (window as any).__ready = 0;
      document.addEventListener('rift:ready', () => (window as any).__ready++);
      document.getElementById('tab')!.style.display = 'block';
    });
    await expect(embed.locator('[data-lane] button[data-event-id]').first()).toBeVisible();
    await expect(embed.locator('input.search-box')).toBeVisible();
    await expect.poll(() => page.evaluate(() => (window as any).__ready)).toBe(1);
  });

  test('two instances on one page are independent', async ({ page }) => {
    const problems = watch(page);
    await recordCsp(page);
    await page.goto('/hosts/museum.html');
    const early = page.locator('#early');
    const late = page.locator('#late');
    await expect(early.locator('[data-lane]').first()).toBeVisible();
    await expect(late.locator('[data-lane]').first()).toBeVisible();
    // Each opens on its own period, with its own lanes in its own order.
    await expect(early).toHaveAttribute('data-view-start', /^194[78]/);
    await expect(late).toHaveAttribute('data-view-start', /^1961-1/);
    expect(await early.locator('[data-lane]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-lane')))).toEqual([
      'soviet-yugoslav',
      'soviet-albanian',
    ]);
    expect(await late.locator('[data-lane]').count()).toBe(3);
    // Zooming one leaves the other alone, and only the first reports it.
    await page.evaluate(() => {
      (window as any).__views = [];
      document.addEventListener('rift:viewchange', (e) => (window as any).__views.push((e.target as Element).id));
    });
    const lateStart = await late.getAttribute('data-view-start');
    const earlyStart = await early.getAttribute('data-view-start');
    await early.locator('.timeline').focus();
    await page.keyboard.press('+');
    await expect(early).not.toHaveAttribute('data-view-start', earlyStart!);
    await expect(late).toHaveAttribute('data-view-start', lateStart!);
    // Told once the view is at rest.
    await expect.poll(async () => [...new Set(await page.evaluate(() => (window as any).__views))]).toEqual(['early']);
    // Selecting in one does not select in the other.
    await late.locator('button[data-event-id]').first().click();
    await expect(late.locator('[role="dialog"]')).toBeVisible();
    await expect(early.locator('[role="dialog"]')).toHaveCount(0);
    await expect(early).toHaveAttribute('data-selected', '');
    await expect(late).not.toHaveAttribute('data-selected', '');
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  });

  test("the host's CSS does not reach in, and ours does not leak out", async ({ page }) => {
    await page.goto('/hosts/museum.html');
    const early = page.locator('#early');
    const label = early.locator('button[data-event-id] .label').first();
    await expect(label).toBeVisible();
    const inside = await label.evaluate((el) => {
      const s = getComputedStyle(el);
      return { size: s.fontSize, family: s.fontFamily, transform: s.textTransform, color: s.color };
    });
    expect(inside.size).toBe('13px');
    expect(inside.family).not.toContain('Comic');
    expect(inside.transform).toBe('none');
    // `button { all: unset }` does not reach our buttons.
    const zoom = early.locator('.controls .zoom-in');
    expect(await zoom.evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe('1px');
    // `[role="dialog"] { display: none !important }` does not hide our popover.
    await early.locator('button[data-event-id]').first().click();
    await expect(early.locator('[role="dialog"]')).toBeVisible();
    // The host page keeps its own look.
    const host = await page.evaluate(() => {
      const p = getComputedStyle(document.getElementById('intro')!);
      return {
        size: p.fontSize,
        transform: p.textTransform,
        color: p.color,
        bg: getComputedStyle(document.body).backgroundColor,
        margin: getComputedStyle(document.body).marginTop,
        timelineInDocument: document.querySelectorAll('.rift, .lane, .popover').length,
        stylesheets: document.styleSheets.length,
      };
    });
    expect(host).toEqual({
      size: '30px',
      transform: 'uppercase',
      color: 'rgb(128, 0, 0)',
      bg: 'rgb(255, 255, 238)',
      margin: '0px',
      timelineInDocument: 0,
      stylesheets: 1,
    });
    // Custom properties set on the embedding element theme it.
    const laneColour = (id: string) =>
      page.locator(`#${id} [data-lane="soviet-yugoslav"] .lane-label`).evaluate((el) => getComputedStyle(el).color);
    expect(await laneColour('early')).toBe('rgb(0, 128, 0)');
    expect(await laneColour('late')).toBe('rgb(130, 177, 255)');
    // The dark instance is dark, the other follows the (light) system theme.
    const bgOf = (id: string) =>
      page.locator(`#${id} .rift`).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bgOf('late')).toBe('rgb(22, 21, 19)');
    expect(await bgOf('early')).toBe('rgb(251, 250, 247)');
  });

  test('malformed attributes each leave a working timeline with a notice', async ({ page }) => {
    const problems = watch(page);
    await recordCsp(page);
    await page.goto('/hosts/bad-attributes.html');
    const hosts = page.locator('div.bad');
    const n = await hosts.count();
    expect(n).toBe(10);
    for (let i = 0; i < n; i++) {
      const h = hosts.nth(i);
      await expect(h.locator('[data-lane]').first()).toBeVisible();
      await expect(h.locator('.notice')).toBeVisible();
      await expect(h).toHaveAttribute('data-view-start', /^19\d\d-\d\d-\d\d$/);
    }
    await expect(hosts.nth(7).locator('.notice')).toContainText("No event '<img src=x");
    expect(await page.locator('div.bad img').count()).toBe(0);
    expect(await page.title()).toBe('Malformed embed attributes');
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  });
});
