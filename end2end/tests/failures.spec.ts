import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const end2end = fileURLToPath(new URL('..', import.meta.url));

// A timeline that cannot start, or stops, says so in its own box, with a
// link on, and dispatches rift:error (CONTRACTS.md §2, §3). Never a blank
// box. The panics are forced in a build with the `faults` feature
// (end2end/dist-faults, served at /faults/); the release build has no such
// path.

/** Records every rift:error that reaches the document, with its target. */
async function recordErrors(page: Page) {
  await page.addInitScript(() => {
    (window as any).__errors = [];
    document.addEventListener('rift:error', (e: any) =>
      (window as any).__errors.push({ id: (e.target as Element).id, message: e.detail?.message }),
    );
  });
}
/** Opens a plain host page with an iframe `#frame` at `src`, and records
 * the messages it posts to the host. */
async function frameOnHost(page: Page, src: string) {
  await page.goto('/hosts/sibling.html');
  await page.evaluate((src) => {
    (window as any).__messages = [];
    addEventListener('message', (e) => (window as any).__messages.push(e.data));
    const f = document.createElement('iframe');
    f.id = 'frame';
    f.src = src;
    document.body.append(f);
  }, src);
}
/** The messages of the timeline the frame has posted. */
const messages = (page: Page): Promise<{ type: string; message?: string }[]> =>
  page.evaluate(() => (window as any).__messages.filter((m: any) => m?.source === 'rift'));

const errors = (page: Page) => page.evaluate(() => (window as any).__errors as { id: string; message: string }[]);

/** The failure box: a role=alert with a title, the reason as text, a link. */
async function expectFailure(page: Page, scope: string, words: { title: RegExp; link: RegExp; reason?: RegExp }) {
  const box = page.locator(`${scope} .rift-failed`);
  await expect(box).toBeVisible();
  await expect(box).toHaveAttribute('role', 'alert');
  await expect(box.locator('.failed-title')).toHaveText(words.title);
  if (words.reason) await expect(box.locator('.failed-detail')).toHaveText(words.reason);
  // The reason is text: nothing in it became an element.
  expect(await box.locator('.failed-detail *').count()).toBe(0);
  await expect(box.getByRole('link', { name: words.link })).toBeVisible();
  return box;
}

test.describe('a host page whose policy forbids WebAssembly', () => {
  test('each script embed says so in its own box, in its language; the iframe works', async ({ page }) => {
    await recordErrors(page);
    await page.goto('/hosts/strict-news.html');
    const first = await expectFailure(page, '#first', {
      title: /could not start/,
      reason: /security policy does not allow WebAssembly/,
      link: /Open the full timeline/,
    });
    const second = await expectFailure(page, '#second', {
      title: /nuk mundi të niste/,
      reason: /politika e sigurisë/,
      link: /Hap kronologjinë e plotë/,
    });
    await expect(second).toHaveAttribute('data-theme', 'dark');
    // The link opens the full timeline, on this server.
    const href = await first.getByRole('link').getAttribute('href');
    expect(new URL(href!).pathname).toBe('/exhibits/rift/');
    // The box keeps the height the embed asked for: the article does not
    // collapse around it.
    expect((await page.locator('#first').boundingBox())!.height).toBeGreaterThanOrEqual(420);
    await expect.poll(async () => (await errors(page)).map((e) => e.id).sort()).toEqual(['first', 'second']);
    for (const e of await errors(page)) expect(e.message).toMatch(/could not start|nuk mundi/);
    // An iframe is a document of its own, under its own policy.
    await expect(page.frameLocator('#frame').locator('[data-lane]').first()).toBeVisible();
  });
});

test.describe('a module that cannot load', () => {
  test('index.html shows why, offers a reload, and dispatches rift:error', async ({ page }) => {
    await recordErrors(page);
    await page.route('**/rift_bg.wasm', (r) => r.fulfill({ status: 404, contentType: 'text/html', body: '<b>gone</b>' }));
    await page.goto('/#date=1961&lang=ru');
    const box = await expectFailure(page, 'body', {
      title: /Хронологию не удалось запустить/,
      link: /Перезагрузить страницу/,
    });
    await expect(box).toHaveAttribute('data-rift-timeline', '');
    expect(await page.locator('.rift-skeleton').count()).toBe(0);
    expect(await box.getByRole('link').getAttribute('href')).toContain('#date=1961&lang=ru');
    await expect.poll(async () => (await errors(page)).length).toBe(1);
  });

  test('embed.html in a frame tells its parent', async ({ page }) => {
    await page.route('**/rift.js', (r) => r.fulfill({ status: 500, contentType: 'text/plain', body: 'broken' }));
    await frameOnHost(page, '/exhibits/rift/embed.html#date=1960-11');
    const box = page.frameLocator('#frame').locator('.rift-failed');
    await expect(box).toBeVisible();
    await expect(box.getByRole('link', { name: /Open the full timeline/ })).toHaveAttribute('href', /\/exhibits\/rift\/#date=1960-11$/);
    await expect
      .poll(async () => (await messages(page)).map((m) => m.type))
      .toEqual(['error']);
  });

  test('script embeds each show it when the module is missing', async ({ page }) => {
    await recordErrors(page);
    await page.route('**/rift.js', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'missing' }));
    await page.goto('/hosts/museum.html');
    for (const id of ['#early', '#late']) await expectFailure(page, id, { title: /could not start/, link: /Open the full timeline/ });
    await expect.poll(async () => (await errors(page)).map((e) => e.id).sort()).toEqual(['early', 'late']);
  });
});

test.describe('a panic inside the module', () => {
  test('in an Effect of the full page: the page says so and dispatches rift:error', async ({ page }) => {
    await recordErrors(page);
    await page.goto('/faults/?fault=effect#date=1960-11&span=1m');
    await expectFailure(page, 'body', {
      title: /stopped after an error/,
      reason: /fault forced in an effect/,
      link: /Reload the page/,
    });
    await expect.poll(async () => (await errors(page)).map((e) => e.message)).toEqual([
      expect.stringMatching(/stopped after an error: fault forced in an effect/),
    ]);
  });

  test('in an event handler of a script embed: every embed of the page says so', async ({ page }) => {
    await page.goto('/hosts/faults.html?fault=handler');
    await expect(page.locator('#first [data-lane]').first()).toBeVisible();
    await expect(page.locator('#second [data-lane]').first()).toBeVisible();
    await page.locator('#first .zoom-in').click();
    await expectFailure(page, '#first', { title: /stopped after an error/, reason: /event handler/, link: /Open the full timeline/ });
    // The second shares the module that panicked: it says so in Russian.
    await expectFailure(page, '#second', { title: /Хронология остановилась/, link: /Открыть полную хронологию/ });
    const seen = await page.evaluate(() => (window as any).riftErrors as { id: string }[]);
    expect(seen.map((e) => e.id).sort()).toEqual(['first', 'second']);
  });

  test('while an embed mounts: it says so in its own box', async ({ page }) => {
    await page.goto('/hosts/faults.html?fault=mount');
    await expectFailure(page, '#first', { title: /stopped after an error/, reason: /while mounting/, link: /Open the full timeline/ });
    // Never a blank box: the second shows the failure too, or works.
    await expect(page.locator('#second .rift-failed, #second [data-lane]').first()).toBeVisible();
  });

  test('in an iframe: the frame says so and tells its parent', async ({ page }) => {
    await frameOnHost(page, '/faults/embed.html?fault=effect#date=1960-11');
    await expect(page.frameLocator('#frame').locator('.rift-failed .failed-detail')).toHaveText(/fault forced in an effect/);
    await expect
      .poll(async () => (await messages(page)).filter((m) => m.type === 'error').map((m) => m.message))
      .toEqual([expect.stringMatching(/fault forced in an effect/)]);
  });
});

test('the release build has no forced faults', async ({ page }) => {
  const dist = join(end2end, '..', 'dist');
  const wasm = readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  expect(wasm.length).toBe(1);
  expect(readFileSync(join(dist, wasm[0])).includes('fault forced')).toBe(false);
  // (The faults build does carry them: the check above can fail.)
  const faults = join(end2end, 'dist-faults');
  const faultsWasm = readdirSync(faults).filter((f) => f.endsWith('.wasm'));
  expect(readFileSync(join(faults, faultsWasm[0])).includes('fault forced')).toBe(true);
  // And the same address that stops the faults build is an ordinary page.
  await page.goto('/?fault=effect#date=1960-11&span=1m');
  await expect(page.locator('[data-lane]').first()).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.locator('.rift-failed')).toHaveCount(0);
});
