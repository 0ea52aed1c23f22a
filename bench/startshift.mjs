// Layout shift while the page starts, for links in large text and other
// languages: each load in a new context, the sum of layout-shift entries
// until 1 s after the first event is drawn, with the elements that moved.
// usage: node end2end/serve.mjs 8095 &   (serves dist/)
//        node bench/startshift.mjs http://127.0.0.1:8095/ [runs]
import { chromium } from '@playwright/test';

const [base, runs = 3] = process.argv.slice(2);
if (!base) throw new Error('usage: node bench/startshift.mjs URL [runs]');
const variants = [
  [1280, 720, ''],
  [1280, 720, '&text=large'],
  [390, 844, '&text=large'],
  [1280, 720, '&lang=sq&text=large'],
  [390, 844, '&lang=ru&text=large'],
  [1024, 768, '&text=large'],
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
for (const [width, height, extra] of variants) {
  const shifts = [];
  for (let run = 0; run < Number(runs); run++) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      window.__moved = new Set();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.hadRecentInput) continue;
          window.__shift += e.value;
          for (const s of e.sources ?? []) window.__moved.add(s.node?.className || s.node?.nodeName);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}#date=1960-11&span=3m${extra}`);
    await page.locator('[data-lane] button[data-event-id]').first().waitFor();
    await page.waitForTimeout(1000);
    shifts.push(await page.evaluate(() => `${window.__shift.toFixed(4)}${window.__moved.size ? ` (${[...window.__moved].join(', ')})` : ''}`));
    await context.close();
  }
  console.log(`${width}×${height} ${extra || '(English, normal text)'}: ${shifts.join('; ')}`);
}
await browser.close();
