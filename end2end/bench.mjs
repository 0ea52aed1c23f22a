// Measures how long one zoom or pan step takes to reach the screen with the
// synthetic dataset: for each step, the time from dispatching the input to
// the end of the next animation frame (style, layout and paint included).
// usage: node bench.mjs [baseURL] [events]
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8091/';
const n = Number(process.argv[3] ?? 10000);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const t0 = Date.now();
await page.goto(`${base}#bench=${n}`);
await page.waitForSelector('[data-rift-timeline] [data-event-id]');
const load = Date.now() - t0;
const result = await page.evaluate(async () => {
  const area = document.querySelector('.area');
  const r = area.getBoundingClientRect();
  const frame = () => new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
  const step = async (init) => {
    const t = performance.now();
    area.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: r.left + r.width * 0.62, clientY: r.top + 100, ...init }));
    await frame();
    return performance.now() - t;
  };
  const zoom = [];
  for (let i = 0; i < 40; i++) zoom.push(await step({ deltaY: -120 }));
  const pan = [];
  for (let i = 0; i < 40; i++) pan.push(await step({ deltaX: 80 }));
  const out = [];
  for (let i = 0; i < 40; i++) out.push(await step({ deltaY: 120 }));
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)].toFixed(1), p95: s[Math.floor(s.length * 0.95)].toFixed(1), max: s.at(-1).toFixed(1) };
  };
  return { zoomIn: stats(zoom), pan: stats(pan), zoomOut: stats(out), nodes: document.querySelectorAll('[data-event-id], .chip').length };
});
console.log(JSON.stringify({ events: n, firstEventsDrawnMs: load, ...result }, null, 1));
await browser.close();
