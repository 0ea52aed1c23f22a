import { expect, test } from '@playwright/test';
import { dayOf, holdDetails, open, root, settled, viewOf, watch } from './helpers';

test.describe('search, filters and the list', () => {
  test('search finds spelling variants, highlights and steps through results', async ({ page }) => {
    const problems = watch(page);
    await open(page, '#date=1961&span=2y');
    const box = page.getByRole('searchbox', { name: 'Search events' });
    await box.fill('Baluku');
    await expect(page.locator('.result-count')).toHaveText(/^\d+ events$/);
    const n = Number((await page.locator('.result-count').textContent())!.split(' ')[0]);
    expect(n).toBeGreaterThanOrEqual(5);
    // The variant spelling finds the same events.
    await box.fill('Balluku');
    await expect(page.locator('.result-count')).toHaveText(`${n} events`);
    await expect(page.locator('.ev.hit').first()).toBeVisible();
    expect(await page.locator('.ev.dim').count()).toBeGreaterThan(0);
    // Enter steps to a result: it is selected, in view, and counted.
    await box.press('Enter');
    await expect(page.locator('.result-count')).toHaveText(new RegExp(`^\\d+ of ${n}$`));
    const first = await root(page).getAttribute('data-selected');
    expect(first).not.toBe('');
    await page.getByRole('button', { name: 'Next result' }).click();
    await expect(root(page)).not.toHaveAttribute('data-selected', first!);
    await page.getByRole('button', { name: 'Previous result' }).click();
    await expect(root(page)).toHaveAttribute('data-selected', first!);
    // The search is part of the link.
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('q=Balluku');
    expect(problems).toEqual([]);
  });

  test('"Mehmed" finds Mehmet Shehu, and a link carries the search', async ({ page }) => {
    await open(page, '#q=Mehmed&span=15y');
    await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('Mehmed');
    // "Searching…" until the texts it reads have arrived.
    await expect(page.locator('.result-count')).toHaveText(/^\d+ events$/);
    const count = (await page.locator('.result-count').textContent())!;
    expect(Number(count.split(' ')[0])).toBeGreaterThanOrEqual(10);
  });

  test('filters by actor, source and dispute keep only those events', async ({ page }) => {
    await open(page, '#date=1961&span=2y');
    const all = await page.locator('button[data-event-id]').count();
    await page.locator('.filters summary').click();
    // The open panel has its one heading, marked once a filter is on.
    const summary = page.locator('details.filters summary');
    await expect(summary).toHaveCount(1);
    await expect(summary.locator('.active-dot')).toHaveCount(0);
    await page.locator('select.filter-actor').selectOption('Mehmet Shehu');
    await expect(summary.locator('.active-dot')).toHaveCount(1);
    await expect(summary).toHaveCount(1);
    await expect.poll(() => page.locator('button[data-event-id]').count()).toBeLessThan(all);
    const labels = await page.locator('button[data-event-id]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-event-id')));
    const data = await (await page.request.get('/events.json')).json();
    for (const id of labels) {
      expect(data.events.find((e: any) => e.id === id).actors).toContain('Mehmet Shehu');
    }
    await page.locator('select.filter-actor').selectOption('');
    await page.locator('input.filter-disputed').check();
    await expect.poll(() => page.locator('button[data-event-id]').count()).toBeGreaterThan(0);
    for (const b of await page.locator('button[data-event-id]').all()) {
      await expect(b).toHaveClass(/disputed/);
    }
    await page.locator('select.filter-source').selectOption('tirana-observatory');
    await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('source=tirana-observatory');
    expect(new URL(page.url()).hash).toContain('disputed=1');
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect.poll(() => page.locator('button[data-event-id]').count()).toBe(all);
    await expect(summary.locator('.active-dot')).toHaveCount(0);
  });

  test('the list shares the window, the filters and the selection', async ({ page }) => {
    await open(page, '#date=1961-11&span=2m&event=soviet-note-recall-shikin-1961-11-25');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'List' }).click();
    const list = page.locator('ol.chronology');
    await expect(list).toBeVisible();
    const items = list.locator('li');
    expect(await items.count()).toBeGreaterThan(5);
    // Chronological, each with a machine-readable date and its lane.
    const datetimes = await list.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    const starts = datetimes.map((d) => d.split('/')[0].replace(/[~?%]/g, ''));
    expect([...starts].sort()).toEqual(starts);
    expect(await items.first().getAttribute('data-lane')).toMatch(/soviet-|bloc-/);
    // Only the window's events: each starts before the window ends and ends
    // after it starts (a span that began in 1960 may reach into it).
    const v = await viewOf(page);
    const ends = datetimes.map((d) => d.split('/').pop()!.replace(/[~?%]/g, ''));
    expect(starts.every((d) => d <= v.end)).toBe(true);
    const lastMonth = (d: string) => (d.length === 4 ? `${d}-12` : d.slice(0, 7));
    expect(ends.every((d) => lastMonth(d) >= v.start.slice(0, 7))).toBe(true);
    expect(v.start.slice(0, 4)).toBe('1961');
    // Selecting in the list opens the same popover.
    await list.locator('button[data-event-id="soviet-note-nase-1961-11-25"]').click();
    await expect(page.locator('[role="dialog"][data-popover-for="soviet-note-nase-1961-11-25"]')).toBeVisible();
    await expect(root(page)).toHaveAttribute('data-selected', 'soviet-note-nase-1961-11-25');
    await page.keyboard.press('Escape');
    // Filters apply to the list too, and it is in the link.
    await page.locator('.filters summary').click();
    await page.locator('input.filter-disputed').check();
    await expect.poll(() => items.count()).toBeLessThan(datetimes.length);
    await expect.poll(() => new URL(page.url()).hash).toContain('view=list');
    // Keys still move the window.
    await page.getByRole('button', { name: 'Clear all' }).click();
    await page.getByRole('button', { name: 'Timeline' }).click();
    await expect(page.locator('.timeline')).toBeVisible();
    await page.locator('.timeline').focus();
    await page.keyboard.press('-');
    expect((await settled(page)).span).toBeGreaterThan(v.span);
  });

  test('an event opened in the list stands in sight, beside its popover, as does the whole list', async ({ page }) => {
    for (const hash of ['#view=list&event=vlora-withdrawal', '#view=list&event=vlora-withdrawal&text=large']) {
      await page.goto('about:blank');
      await open(page, hash);
      const popover = (await page.locator('.popover').boundingBox())!;
      const list = (await page.locator('.list-view').boundingBox())!;
      const title = page.locator('.entry-title.selected');
      await expect(title).toHaveAttribute('data-event-id', 'vlora-withdrawal');
      // Scrolled to, once the summaries above it have arrived.
      await expect(page.locator('.entry-summary').first()).not.toBeEmpty();
      await expect
        .poll(async () => {
          const t = (await title.boundingBox())!;
          return t.y >= list.y && t.y + t.height <= list.y + list.height;
        }, { message: hash })
        .toBe(true);
      // No entry reaches under the popover.
      const reach = await page.$$eval('.chronology .entry', (es) => Math.max(...es.map((e) => e.getBoundingClientRect().right)));
      expect(reach, hash).toBeLessThanOrEqual(popover.x);
    }
  });

  test('a link can open the list with a filter', async ({ page }) => {
    await page.goto('./#date=1961-12&span=1m&view=list&actor=Mehmed%20Shehu&disputed=0');
    await expect(page.locator('.list-view')).toBeVisible();
    await expect(page.locator('.list-summary')).toContainText('December 1961');
    await expect(page.locator('.notice')).toHaveCount(0);
    await expect(page.locator('select.filter-actor')).toHaveValue('Mehmet Shehu');
  });

  test('a long list comes a page at a time, and a linked event is always listed', async ({ page }) => {
    // The real dataset fits in one page: no button.
    await page.goto('./#view=list');
    await expect(page.locator('ol.chronology > li').first()).toBeVisible();
    await expect(page.locator('.list-more')).toBeHidden();
    // A thousand events: two hundred at first, the count of the rest said.
    await page.goto('./#bench=1000&view=list');
    await page.reload();
    const items = page.locator('ol.chronology > li');
    await expect(items).toHaveCount(200);
    await expect(page.locator('.list-summary')).toContainText('1,000 events');
    const more = page.locator('.list-more');
    await expect(more).toHaveText('Show 200 more (800 not listed yet)');
    // The next page, by keyboard: the focus goes to its first entry.
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(items).toHaveCount(400);
    const first = await items.nth(200).locator('[data-event-id]').getAttribute('data-event-id');
    await expect(items.nth(200).locator('[data-event-id]')).toBeFocused();
    for (let k = 0; k < 3; k++) await more.click();
    await expect(items).toHaveCount(1000);
    await expect(more).toBeHidden();
    // A link to an event beyond the first page lists as far as that event.
    const far = await items.nth(650).locator('[data-event-id]').getAttribute('data-event-id');
    const other = await page.context().newPage();
    await other.goto(`./#bench=1000&view=list&date=1955-07-01&span=15y&event=${far}`);
    await expect(other.locator(`ol.chronology [data-event-id="${far}"]`)).toHaveClass(/selected/);
    await expect(other.locator('ol.chronology > li')).toHaveCount(800);
    await expect(other.locator('.list-more')).toHaveText('Show 200 more (200 not listed yet)');
    expect(first).not.toBe(far);
  });
});

test.describe('projector', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('large text is large, in the link, and labels still never overlap', async ({ page }) => {
    await open(page, '#date=1961-11&span=2m');
    const size = () =>
      page.locator('button[data-event-id] .label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await size()).toBe(13);
    await page.getByRole('button', { name: 'Large text' }).click();
    await expect(page.getByRole('button', { name: 'Large text' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(size).toBeGreaterThanOrEqual(17);
    await expect.poll(() => new URL(page.url()).hash).toContain('text=large');
    // The search field's placeholder is read whole, not cut at "places"
    // (nor at "words": the field keeps room for its clear button, about
    // a line's height, even while empty).
    const placeholder = await page.locator('.search-box').evaluate((el: HTMLInputElement) => {
      const cs = getComputedStyle(el);
      const c = document.createElement('canvas').getContext('2d')!;
      c.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return { need: c.measureText(el.placeholder).width + parseFloat(cs.fontSize), room };
    });
    expect(placeholder.need).toBeLessThanOrEqual(placeholder.room);
    // No two labels overlap on screen.
    const boxes = await page.locator('button[data-event-id] .label').evaluateAll((ls) =>
      ls.map((l) => {
        const r = l.getBoundingClientRect();
        return { l: r.left, r: r.right, t: r.top, b: r.bottom };
      }),
    );
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        const overlap = a.l < b.r - 1 && b.l < a.r - 1 && a.t < b.b - 1 && b.t < a.b - 1;
        expect(overlap, `labels ${i} and ${j} overlap`).toBe(false);
      }
    }
    // In Russian, with a window of a month named by its days, the toolbar
    // still holds "Rift" and the window whole.
    await open(page, '#lang=ru&text=large&date=1961-06&span=1m');
    const cut = await page.evaluate(() => {
      const title = document.querySelector('.toolbar .title')!;
      const r = document.createRange();
      r.selectNodeContents(title.firstChild!);
      const win = document.querySelector('.toolbar .window') as HTMLElement;
      return {
        rift: r.getBoundingClientRect().right - title.getBoundingClientRect().right,
        window: win.scrollWidth - win.clientWidth,
        text: win.textContent,
      };
    });
    expect(cut.rift).toBeLessThanOrEqual(0.5);
    expect(cut.window, cut.text!).toBeLessThanOrEqual(0);
    // A link opens in large text.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect(other.locator('.rift')).toHaveClass(/large/);
  });
});

test.describe('print', () => {
  test('prints a chronology of the window and filters with numbered notes', async ({ page }, info) => {
    await page.addInitScript(() => {
      window.print = () => {
        (window as any).__printed = true;
        // What the printout holds at the moment it is printed.
        (window as any).__quoted = /“.+”/.test(document.querySelector('.print-view .footnotes')?.textContent ?? '');
      };
    });
    // The passages are still on their way when the button is pressed.
    const release = await holdDetails(page);
    await open(page, '#date=1961-06&span=3m&disputed=1');
    await page.getByRole('button', { name: 'Print / Save as PDF' }).click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as any).__printed)).toBeUndefined();
    release();
    await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(true);
    expect(await page.evaluate(() => (window as any).__quoted)).toBe(true);
    const view = page.locator('.print-view');
    await expect(view).toBeAttached();
    await page.emulateMedia({ media: 'print' });
    await expect(view).toBeVisible();
    await expect(page.locator('.lanes')).toBeHidden();
    await expect(view.locator('.print-scope')).toContainText('where the sources disagree');
    const entries = view.locator('.print-chronology > li');
    const n = await entries.count();
    expect(n).toBeGreaterThan(2);
    // Every entry is disputed and inside the window, in order.
    const data = await (await page.request.get('/events.json')).json();
    const dates = await entries.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    for (const d of dates) {
      const e = data.events.find((x: any) => x.date === d && x.disputed);
      expect(e, d).toBeTruthy();
    }
    // Notes are numbered 1..N, each cited from the text exactly once.
    const notes = await view.locator('.footnotes > li').count();
    const refs = await view.locator('sup a').evaluateAll((as) => as.map((a) => Number(a.textContent)));
    expect(refs).toEqual(Array.from({ length: notes }, (_, k) => k + 1));
    const first = await view.locator('.footnotes > li').first().textContent();
    expect(first).toMatch(/(Edemskiy, A\.|Disruption of Albanian-Soviet Relations|Tirana Observatory|Memorie\.al).*: “/);
    // And it makes a real PDF.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await info.attach('chronology.pdf', { body: pdf, contentType: 'application/pdf' });
  });

  test("a script embed's printed link is its own view, not the host page's address", async ({ page }) => {
    await page.goto('/hosts/museum.html#visitor=42');
    const late = page.locator('#late');
    await expect(late.locator('[data-lane]').first()).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const link = late.locator('.print-view .print-link');
    await expect(link).toHaveCount(1);
    const text = (await link.textContent())!;
    // The full timeline opened on the embed's window (November 1961), at the embed's site.
    expect(text).toMatch(/\/exhibits\/rift\/#date=1961-1[01]-\d\d&span=/);
    expect(text).not.toContain('visitor');
  });

  test('the printed link is the view on screen, before the address bar catches up', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await open(page, '#date=1960-11-15&span=1m');
    const before = await settled(page);
    await page.locator('.timeline').focus();
    await page.keyboard.press('Shift+ArrowRight');
    // At once: the address bar still says the old view (it follows 250 ms
    // after the view rests); the printout must not.
    const at = await page.evaluate(() => {
      const r = document.querySelector('[data-rift-timeline]')!;
      const now = { hash: location.hash, start: r.getAttribute('data-view-start')!, end: r.getAttribute('data-view-end')! };
      window.dispatchEvent(new Event('beforeprint'));
      return now;
    });
    expect(at.hash).toContain('date=1960-11-15');
    expect(at.start > before.start, `${at.start} after ${before.start}`).toBe(true);
    const text = (await page.locator('.print-view .print-link').textContent())!;
    const date = /#date=(\d{4}-\d\d-\d\d)/.exec(text)?.[1];
    expect(date, text).toBeDefined();
    // The link's date is the centre of the window on screen.
    const centre = (dayOf(at.start) + dayOf(at.end)) / 2;
    expect(Math.abs(dayOf(date!) - centre), `${date} for ${at.start}..${at.end}`).toBeLessThanOrEqual(1);
  });

  test("the browser's own print command prints the chronology too", async ({ page }) => {
    await open(page, '#date=1960-11&span=1m');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(page.locator('.print-view')).toBeAttached();
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(page.locator('.print-view')).toHaveCount(0);
  });

  test('a printout made before the passages arrived says what it lacks', async ({ page }) => {
    const release = await holdDetails(page);
    await open(page, '#date=1961-06&span=3m&lang=sq');
    // The browser's command prints at once: nothing has reached for the
    // details yet, and this printout goes without them.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const missing = page.locator('.print-view .print-missing');
    await expect(missing).toHaveText('Përshkrimet dhe pasazhet e burimeve po ngarkoheshin ende: printojeni përsëri që të përfshihen.');
    await page.emulateMedia({ media: 'print' });
    await expect(missing).toBeVisible();
    // Once they are in, the printout is whole and says nothing of it.
    release();
    await expect(missing).toHaveCount(0);
    await expect(page.locator('.print-view .footnotes')).toContainText('“');
  });

  test('a printout whose passages failed to load says so', async ({ page }) => {
    await page.route('**/details.txt', (route) => route.abort());
    await open(page, '#date=1961-06&span=3m');
    await page.locator('.timeline').hover();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(page.locator('.print-view .print-missing')).toHaveText(
      'Accounts and source passages could not be loaded: this printout gives titles, dates and sources only.',
    );
  });
});

test.describe('a class, by keyboard alone', () => {
  test('find every Shehu event, compare November 1961, switch to Albanian, print', async ({ page }) => {
    await page.addInitScript(() => {
      window.print = () => {
        (window as any).__printed = true;
      };
    });
    await open(page);
    // Tab to the search box and look for Shehu.
    const box = page.getByRole('searchbox');
    for (let i = 0; i < 20 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(box).toBeFocused();
    await page.keyboard.type('Shehu');
    const count = page.locator('.result-count');
    await expect(count).toHaveText(/^\d+ events$/);
    const n = Number((await count.textContent())!.split(' ')[0]);
    expect(n).toBeGreaterThanOrEqual(10);
    // Enter steps through every result, each opened with its evidence.
    const seen = new Set<string>();
    for (let i = 0; i < n; i++) {
      await box.press('Enter');
      await expect(count).toHaveText(`${i + 1} of ${n}`);
      const id = (await root(page).getAttribute('data-selected'))!;
      await expect(page.locator(`[role="dialog"][data-popover-for="${id}"] cite`).first()).toBeVisible();
      // The event stands left of its popover, where the reader sees it.
      await settled(page);
      const mark = (await page.locator(`[data-lane] button[data-event-id="${id}"] .mark`).boundingBox())!;
      const popover = (await page.locator('.popover').boundingBox())!;
      expect(mark.x + mark.width, id).toBeLessThanOrEqual(popover.x);
      seen.add(id);
    }
    expect(seen.size).toBe(n);
    // Both lanes side by side in November 1961, by keys.
    await box.fill('');
    await page.keyboard.press('Escape');
    await page.goto('./#date=1961-11&span=1m');
    await page.locator('.timeline').focus();
    await expect(page.locator('[data-lane="soviet-albanian"] button[data-event-id]').first()).toBeVisible();
    await expect(page.locator('[data-lane="soviet-yugoslav"] button[data-event-id]').first()).toBeVisible();
    // The language menu, by keyboard.
    await page.locator('select.language-select').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('html')).toHaveAttribute('lang', 'sq');
    // Print, by keyboard.
    await page.getByRole('button', { name: 'Printo / Ruaj si PDF' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as any).__printed)).toBe(true);
    await expect(page.locator('.print-view h2')).toHaveText('Shënime');
  });
});
