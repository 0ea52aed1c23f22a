import { expect, type Page } from '@playwright/test';

/** Days since 1970-01-01 of an ISO date. */
export const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export const root = (page: Page) => page.locator('[data-rift-timeline]');

/** The visible window as read from the DOM contract. */
export async function viewOf(page: Page) {
  const r = root(page);
  const start = (await r.getAttribute('data-view-start'))!;
  const end = (await r.getAttribute('data-view-end'))!;
  return { start, end, s: dayOf(start), e: dayOf(end), span: dayOf(end) - dayOf(start) + 1 };
}

/**
 * Waits until the window stops moving: no eased transition running (the
 * root is not aria-busy) and two reads 300 ms apart agree.
 */
export async function settled(page: Page) {
  let last = '';
  await expect
    .poll(
      async () => {
        if ((await root(page).getAttribute('aria-busy')) === 'true') return false;
        const v = await viewOf(page);
        const now = `${v.start}/${v.end}`;
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [300, 300, 300, 300, 500, 500] },
    )
    .toBe(true);
  return viewOf(page);
}

/** Collects page errors, console errors, CSP violations and requests to other origins. */
export function watch(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported with their address below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) {
      problems.push(`request to another origin: ${r.url()}`);
    }
  });
  page.on('requestfailed', (r) => {
    // A navigation cancels the previous page's pending requests (the icon,
    // say): that is not a failure of the page.
    if (r.failure()?.errorText.includes('ERR_ABORTED')) return;
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
  return problems;
}

/** Records CSP violations in every frame from the first script on. */
export async function recordCsp(page: Page) {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

/** Opens a page and waits for the timeline to be drawn. */
export async function open(page: Page, hash = '') {
  await recordCsp(page);
  await page.addInitScript(() =>
    document.addEventListener('rift:ready', () => ((window as any).__riftReady = true)),
  );
  await page.goto(`./${hash}`);
  await expect(root(page)).toBeVisible();
  await expect(page.locator('[data-lane]').first()).toBeVisible();
  // The lanes are drawn one per task after the start: wait for all of them.
  await page.waitForFunction(() => (window as any).__riftReady === true);
}

/** The drawing area's box. */
export async function areaBox(page: Page) {
  const box = await page.locator('.area').boundingBox();
  if (!box) throw new Error('no drawing area');
  return box;
}

/**
 * Holds back `details.txt` (the English texts and passages the page
 * fetches on first use) until the returned function is called.
 */
export async function holdDetails(page: Page) {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/details.txt', async (route) => {
    await held;
    await route.continue();
  });
  return () => release();
}

/** How many times the page has asked for `details.txt` since this call. */
export function detailsAsked(page: Page) {
  let n = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('details.txt')) n++;
  });
  return () => n;
}
