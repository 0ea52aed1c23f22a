// What each long task of a start is made of: a Chromium trace of one cold
// load on a CPU slowed down like Lighthouse's phone (412×823), then, for
// each main-thread task over 30 ms, the trace events inside it summed by
// name (nested events count in their parents too), and the WebAssembly
// compilation of the whole load by thread. `wasm.CompileLazy` on the main
// thread is V8 compiling a function the first time it is called.
// usage: python3 -m http.server 8121 -d dist &
//        node bench/starttrace.mjs http://127.0.0.1:8121/ [runs] [slowdown]
import { chromium } from '@playwright/test';

const [url, runs = 1, slowdown = 4] = process.argv.slice(2);
if (!url) throw new Error('usage: node bench/starttrace.mjs URL [runs] [slowdown]');
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'v8.execute', 'blink'];
for (let run = 0; run < Number(runs); run++) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slowdown) });
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await page.waitForSelector('[data-lane] button[data-event-id]');
  await page.waitForTimeout(1500);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await browser.close();
  const main = traceEvents.find((e) => e.name === 'ParseHTML')?.tid;
  const spans = traceEvents.filter((e) => e.ph === 'X' && e.tid === main);
  const tasks = spans.filter((e) => e.name === 'RunTask' && e.dur > 30_000).sort((a, b) => a.ts - b.ts);
  console.log(`run ${run + 1}`);
  for (const t of tasks) {
    const sums = new Map();
    for (const e of spans) {
      if (e === t || e.ts < t.ts || e.ts + e.dur > t.ts + t.dur) continue;
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    }
    const top = [...sums].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`  task ${(t.dur / 1000).toFixed(0)} ms: ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
  }
  const wasm = new Map();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !/wasm/i.test(e.name)) continue;
    const key = `${e.name} (${e.tid === main ? 'main thread' : 'other threads'})`;
    wasm.set(key, (wasm.get(key) ?? 0) + e.dur / 1000);
  }
  const top = [...wasm].sort((a, b) => b[1] - a[1]).slice(0, 6);
  console.log(`  WebAssembly: ${top.map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join('; ')}`);
}
