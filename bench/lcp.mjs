// The largest contentful paint of the page as Chromium reports it: every
// entry of each load (a new browser each), with its time, size and
// element, at a phone's width and no throttling (a quick load, where the
// module can be ready before the first paint).
// usage: node end2end/serve.mjs 8095 &   (serves dist/)
//        node bench/lcp.mjs http://127.0.0.1:8095/ [runs]
import { chromium } from '@playwright/test';

const [url, runs = 8] = process.argv.slice(2);
if (!url) throw new Error('usage: node bench/lcp.mjs URL [runs]');
for (let run = 0; run < Number(runs); run++) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const el = e.element ? `${e.element.tagName.toLowerCase()}.${e.element.className}` : '(removed)';
        window.__lcp.push(`${Math.round(e.startTime)} ms, ${e.size} px², ${el}`);
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url);
  await page.locator('[data-lane] button[data-event-id]').first().waitFor();
  await page.waitForTimeout(1500);
  console.log(`load ${run + 1}: ${(await page.evaluate(() => window.__lcp)).join(' → ')}`);
  await browser.close();
}
