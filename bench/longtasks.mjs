// Long tasks while a page starts, on a CPU slowed down like Lighthouse's
// phone: each run a new Chromium, the page loaded until every timeline on
// it has drawn an event, then 1.5 s more. Prints each run's long tasks and
// the median of their blocking time (the part of each task past 50 ms).
// usage: node end2end/serve.mjs 8095 &   (serves dist/ and end2end/hosts/)
//        node bench/longtasks.mjs http://127.0.0.1:8095/hosts/museum.html [runs] [slowdown]
import { chromium } from '@playwright/test';

const [url, runs = 5, slowdown = 4] = process.argv.slice(2);
if (!url) throw new Error('usage: node bench/longtasks.mjs URL [runs] [slowdown]');
const results = [];
for (let run = 0; run < Number(runs); run++) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slowdown) });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  // Every timeline (the page's own, or each script embed) shows an event.
  await page.waitForFunction(() => {
    const roots = [...document.querySelectorAll('[data-rift-timeline]')];
    const drawn = (r) => (r.shadowRoot ?? r).querySelector('[data-lane] button[data-event-id]');
    return roots.length > 0 && roots.every(drawn);
  }, null, { timeout: 60000 });
  await page.waitForTimeout(1500);
  const tasks = await page.evaluate(() => window.__longTasks);
  results.push({ tasks, blocking: tasks.reduce((s, d) => s + Math.max(0, d - 50), 0) });
  await browser.close();
}
const sorted = results.map((r) => r.blocking).sort((a, b) => a - b);
for (const r of results) console.log(`long tasks ${r.tasks.join(', ')} ms: blocking ${r.blocking} ms`);
console.log(`median blocking time: ${sorted[Math.floor(sorted.length / 2)]} ms (${results.length} runs, CPU ${slowdown}x slower)`);
