import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { focusContrast, textContrast } from './contrast';
import { open, settled } from './helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target.join(' ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test('the timeline has no axe violations', async ({ page }) => {
      await open(page, '#date=1961&span=1y');
      expect(await violations(page)).toEqual([]);
    });

    test('a search with dimmed non-results has no axe violations', async ({ page }) => {
      await open(page, '#date=1961&span=1y&q=Shehu');
      await expect(page.locator('.ev.dim').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('an open popover has no axe violations', async ({ page }) => {
      await open(page, '#date=1961-06&span=3m&event=vlora-withdrawal');
      await expect(page.locator('[role="dialog"]')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the list view has no axe violations', async ({ page }) => {
      await page.goto('./#date=1961-11&span=2m&view=list&q=Shehu');
      await expect(page.locator('ol.chronology li').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the Russian interface has no axe violations', async ({ page }) => {
      await open(page, '#date=1961-11&span=2m&lang=ru&event=soviet-note-nase-1961-11-25');
      await expect(page.locator('[role="dialog"]')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('large text and the museum embeds have no axe violations', async ({ page }) => {
      await open(page, '#date=1961-11&span=2m&text=large');
      expect(await violations(page)).toEqual([]);
      await page.goto('/hosts/albanian.html');
      await expect(page.locator('#sq [data-lane]').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('an open popover on a phone has no axe violations', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await open(page, '#date=1960-11-12&span=10d&event=moscow-conference-1960');
      await expect(page.locator('[role="dialog"]')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('.menu > summary').click();
      await expect(page.locator('.menu-panel')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    for (const [what, hash, pick, measured] of [
      [
        'a selected search result over a soft bar',
        '#date=1960-11&span=3m&q=Hoxha&event=moscow-conference-1960',
        null,
        ['selected', 'result', 'dimmed', 'soft', 'disputed'],
      ],
      ['a selected non-result', '#date=1960-11&span=3m&q=Hoxha', '.ev.dim', ['selected', 'selected non-result', 'result', 'disputed']],
      [
        'a selected uncertain, disputed event and approximate marks',
        '#date=1960-06&span=4m&q=Soviet&event=belishova-tashko-expelled-1960',
        null,
        // "?" is measured too wherever a label shows it whole.
        ['selected', 'approximate', 'disputed'],
      ],
      [
        'an approximate mark running past both edges',
        '#date=1960-12-20&span=3w&event=soviet-army-aid-suspended-1960-12-13',
        null,
        ['selected', 'approximate', 'disputed'],
      ],
    ] as const) {
      test(`every mark meets AA with ${what}`, async ({ page }) => {
        // Two screenshots per text measured.
        test.setTimeout(120_000);
        await page.setViewportSize({ width: 1280, height: 720 });
        await open(page, hash);
        if (pick) {
          // One that starts in view, left of where the popover opens.
          const id = await page.locator(pick).evaluateAll((els) => {
            const area = document.querySelector('.area')!.getBoundingClientRect();
            const el = els.find((e) => {
              const r = e.getBoundingClientRect();
              return r.left >= area.left && r.left <= area.left + area.width * 0.4 && r.bottom <= area.bottom;
            });
            return el?.getAttribute('data-event-id');
          });
          await page.locator(`[data-event-id="${id}"]`).click();
        }
        await expect(page.locator('[role="dialog"]')).toBeVisible();
        await settled(page);
        expect(await violations(page)).toEqual([]);
        await expect(page.locator('.ev.selected')).toHaveCount(1);
        // The text of each kind of mark, as drawn, against what is under it.
        const area = (await page.locator('.area').boundingBox())!;
        const popover = (await page.locator('.popover').boundingBox())!;
        const inView = (b: { x: number; y: number; width: number; height: number }) =>
          b.x >= area.x && b.x + b.width <= area.x + area.width && b.y >= area.y && b.y + b.height <= area.y + area.height &&
          (b.x + b.width <= popover.x || b.y >= popover.y + popover.height);
        const kinds = {
          selected: '.ev.selected .label > span:not(.flag):not(.q)',
          'selected non-result': '.ev.selected.dim .label > span:not(.flag):not(.q)',
          result: '.ev.hit:not(.selected) .label > span:not(.flag):not(.q)',
          dimmed: '.ev.dim:not(.selected) .label > span:not(.flag):not(.q)',
          soft: '.ev.soft .label > span:not(.flag):not(.q)',
          approximate: '.ev.approx .label > span:not(.flag):not(.q)',
          uncertain: '.ev .q',
          disputed: '.ev .flag',
        };
        const checked: string[] = [];
        for (const [kind, selector] of Object.entries(kinds)) {
          let n = 0;
          for (const el of await page.locator(selector).all()) {
            const box = await el.boundingBox();
            if (!box || !inView(box) || n >= 5) continue;
            const contrast = await textContrast(page, el, kind === 'disputed' ? 3 : 0);
            if (contrast === null) continue;
            n += 1;
            const id = await el.evaluate((e) => e.closest('[data-event-id]')!.getAttribute('data-event-id'));
            expect(contrast, `${kind} ${id}`).toBeGreaterThanOrEqual(4.5);
          }
          if (n > 0) checked.push(kind);
        }
        expect(checked).toEqual(expect.arrayContaining([...measured]));
        // Keyboard focus on the selected event and its neighbours: 3:1.
        const marks = [page.locator('.ev.selected'), page.locator('.ev.dim').first(), page.locator('.ev.hit').first()];
        for (const mark of marks) {
          if ((await mark.count()) === 0) continue;
          const box = await mark.boundingBox();
          if (!box || !inView(box)) continue;
          const id = (await mark.getAttribute('data-event-id')) ?? '';
          expect(await focusContrast(page, mark), `focus on ${id}`).toBeGreaterThanOrEqual(3);
        }
      });
    }

    test('embed.html has no axe violations', async ({ page }) => {
      await page.goto('/exhibits/rift/embed.html#date=1960-11&span=1m');
      await expect(page.locator('[data-lane]').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
