// Takes a screenshot of a page in Debian's Chromium, for looking at the
// timeline as a reader does. Logs console errors and failed requests.
// usage: node screenshot.mjs URL OUT.png [width] [height] [--dark] [--click=SELECTOR] [--keys=K1,K2]
import { chromium } from '@playwright/test';

const [url, out, w = '1280', h = '800', ...flags] = process.argv.slice(2);
const flag = (name) => flags.find((f) => f.startsWith(`--${name}`))?.split('=').slice(1).join('=');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({
  viewport: { width: Number(w), height: Number(h) },
  colorScheme: flags.includes('--dark') ? 'dark' : 'light',
  hasTouch: flags.includes('--touch'),
});
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
page.on('requestfailed', (r) => console.log('request failed:', r.url()));
await page.goto(url);
await page.waitForSelector('[data-rift-timeline]');
await page.waitForTimeout(300);
const click = flag('click');
if (click) {
  await page.locator(click).first().click();
  await page.waitForTimeout(400);
}
const keys = flag('keys');
if (keys) {
  await page.locator('.timeline').focus();
  for (const k of keys.split(',')) {
    await page.keyboard.press(k);
    await page.waitForTimeout(320);
  }
}
const wheel = flag('wheel');
if (wheel) {
  const [x, y, dy, n] = wheel.split(':').map(Number);
  await page.mouse.move(x, y);
  for (let i = 0; i < n; i++) {
    await page.mouse.wheel(0, dy);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(300);
}
await page.screenshot({ path: out });
const root = page.locator('[data-rift-timeline]').first();
console.log(
  'view',
  await root.getAttribute('data-view-start'),
  await root.getAttribute('data-view-end'),
  'selected',
  await root.getAttribute('data-selected'),
  'url',
  page.url(),
);
await browser.close();
