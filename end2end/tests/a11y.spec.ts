import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { open } from './helpers';

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

    test('embed.html has no axe violations', async ({ page }) => {
      await page.goto('/exhibits/rift/embed.html#date=1960-11&span=1m');
      await expect(page.locator('[data-lane]').first()).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  });
}
