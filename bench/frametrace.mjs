// Where the main thread's time goes in the bench's gesture, from a Chromium
// trace: the gesture of run.mjs (10 wheel notches in, a 450 px drag, 10
// out), twice, on `#bench=N`, for each build given, alternated, in a new
// browser each run. Prints the milliseconds each build spent in the
// animation frames' callbacks (Rift's code and the DOM writes it makes),
// style, layout, pre-paint, paint and layerizing, summed over the gesture;
// with VIZ=1, also the software drawing of the frames on the compositor's
// own thread (DirectRenderer::DrawFrame), whose tracing costs enough on two
// cores to change the other figures, so it is off by default.
// Builds are compared against each other in one run, never across runs:
// this machine's speed changes by the hour.
// usage: python3 -m http.server 8121 -d DIST_A &  (one port per build)
//        [VIZ=1] node bench/frametrace.mjs [--events=10000] [--runs=3] 8121 8122
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const opt = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const ports = args.filter((a) => !a.startsWith('--'));
if (ports.length === 0) throw new Error('usage: node bench/frametrace.mjs [--events=N] [--runs=R] PORT...');
const events = opt('events', '10000');
const runs = Number(opt('runs', '3'));
const NAMES = ['FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'DirectRenderer::DrawFrame'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function trace(port) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/#bench=${events}`);
  await page.waitForSelector('[data-lane] button[data-event-id]');
  await sleep(1500);
  const box = (await page.locator('.area').first().boundingBox());
  const x = box.x + box.width * 0.62;
  const y = box.y + Math.min(box.height / 2, 120);
  const zoom = async (dir) => {
    await page.mouse.move(x, y);
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, dir * 100);
      await sleep(50);
    }
  };
  await browser.startTracing(page, { categories: process.env.VIZ ? ['devtools.timeline', 'viz'] : ['devtools.timeline'] });
  for (let rep = 0; rep < 2; rep++) {
    await zoom(-1);
    await sleep(300);
    const dx = box.x + box.width * 0.7;
    const dy = box.y + Math.min(box.height / 2, 160);
    await page.mouse.move(dx, dy);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) {
      await page.mouse.move(dx - i * 15, dy);
      await sleep(16);
    }
    await page.mouse.up();
    await sleep(300);
    await zoom(1);
    await sleep(500);
  }
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await browser.close();
  const sum = Object.fromEntries(NAMES.map((n) => [n, 0]));
  for (const e of traceEvents) if (e.ph === 'X' && e.name in sum) sum[e.name] += e.dur / 1000;
  sum.frames = traceEvents.filter((e) => e.name === 'FireAnimationFrame').length;
  return sum;
}

console.log(`| run | build (port) | animation frames | ${NAMES.join(' | ')} (ms) |`);
console.log(`|---|---|---:|${NAMES.map(() => '---:').join('|')}|`);
for (let run = 1; run <= runs; run++) {
  for (const port of ports) {
    const s = await trace(port);
    console.log(`| ${run} | ${port} | ${s.frames} | ${NAMES.map((n) => Math.round(s[n])).join(' | ')} |`);
  }
}
