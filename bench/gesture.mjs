// The bench's gestures, shared by run.mjs, frameparts.mjs and framework.mjs.
import { chromium } from '@playwright/test';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A new browser with Rift at `url` drawn (and `css` added), settled for
// 1.5 s; `box` is the drawing area and (x, y) where the wheel zooms.
export async function opened(url, css) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('[data-lane] button[data-event-id]');
  if (css) await page.addStyleTag({ content: css });
  await sleep(1500);
  const box = await page.locator('.area').first().boundingBox();
  const x = box.x + box.width * 0.62;
  const y = box.y + Math.min(box.height / 2, 120);
  return { browser, page, box, x, y };
}

// 10 wheel notches at (x, y), one every 50 ms: in for dir -1, out for 1.
export async function wheel(page, x, y, dir) {
  await page.mouse.move(x, y);
  for (let i = 0; i < 10; i++) { await page.mouse.wheel(0, dir * 100); await sleep(50); }
}

// 450 px to the left in 30 steps of 15 px, a step every 16 ms, from 70 %
// across the area.
export async function drag(page, box) {
  const dx = box.x + box.width * 0.7;
  const dy = box.y + Math.min(box.height / 2, 160);
  await page.mouse.move(dx, dy);
  await page.mouse.down();
  for (let i = 1; i <= 30; i++) { await page.mouse.move(dx - i * 15, dy); await sleep(16); }
  await page.mouse.up();
}

// The whole gesture as frameparts.mjs and framework.mjs run it: 10 notches
// in, a drag, 10 out, with 300 ms after each.
export async function gesture({ page, box, x, y }) {
  await wheel(page, x, y, -1);
  await sleep(300);
  await drag(page, box);
  await sleep(300);
  await wheel(page, x, y, 1);
  await sleep(300);
}
