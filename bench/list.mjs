// The list view of a large synthetic timeline: how long from navigation
// until its first entries show, and how long "Show more" takes to add a
// page. Each run a new Chromium; prints each run and the medians.
// usage: node end2end/serve.mjs 8095 &   (serves dist/)
//        node bench/list.mjs http://127.0.0.1:8095/ [runs] [sizes, comma-separated]
import { chromium } from '@playwright/test';

const [base, runs = 3, sizes = '10000,100000'] = process.argv.slice(2);
if (!base) throw new Error('usage: node bench/list.mjs URL [runs] [sizes]');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const n of sizes.split(',').map(Number)) {
  const shown = [];
  const next = [];
  for (let run = 0; run < Number(runs); run++) {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const t0 = Date.now();
    await page.goto(new URL(`#bench=${n}&view=list`, base).href);
    await page.waitForSelector('ol.chronology li', { timeout: 120000 });
    shown.push(Date.now() - t0);
    const listed = await page.locator('ol.chronology > li').count();
    const more = page.locator('.list-more');
    if (await more.isVisible()) {
      const t1 = Date.now();
      await more.click();
      await page.waitForFunction((k) => document.querySelectorAll('ol.chronology > li').length > k, listed);
      next.push(Date.now() - t1);
    }
    console.log(`${n} events, run ${run + 1}: first ${listed} entries after ${shown.at(-1)} ms; next page ${next.at(-1) ?? '—'} ms`);
    await browser.close();
  }
  console.log(`${n} events: median ${median(shown)} ms to the first entries, ${next.length ? median(next) : '—'} ms per page`);
}
