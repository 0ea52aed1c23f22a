// A long kiosk run with memory readings (not part of the test suite):
// serves dist/, opens the timeline at #kiosk=SECONDS in Chromium, and
// reads the JS heap (after a forced garbage collection) and the size of
// the WebAssembly memory at the start and every few minutes.
//
// usage: node kiosk-soak.mjs [minutes=30] [port=8100] [seconds=2] [every=5]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [minutes = '30', port = '8100', seconds = '2', every = '5'] = process.argv.slice(2);
const here = fileURLToPath(new URL('.', import.meta.url));
const server = spawn(process.execPath, ['serve.mjs', port], { cwd: here, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok, fail) => {
  server.stdout.once('data', ok);
  server.once('exit', (code) => fail(new Error(`serve.mjs exited (${code}): is port ${port} taken?`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('pageerror', (e) => console.log('page error:', e.message));
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
await page.addInitScript(() => {
  // Keep the module's WebAssembly.Memory as it is instantiated.
  const keep = (r) => {
    const exports = (r?.instance ?? r)?.exports;
    if (exports?.memory instanceof WebAssembly.Memory) window.__wasmMemory = exports.memory;
    return r;
  };
  const streaming = WebAssembly.instantiateStreaming;
  const plain = WebAssembly.instantiate;
  WebAssembly.instantiateStreaming = (...a) => streaming(...a).then(keep);
  WebAssembly.instantiate = (...a) => plain(...a).then(keep);
  window.__steps = 0;
  document.addEventListener('rift:select', () => window.__steps++);
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');

const started = Date.now();
async function reading() {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(1000);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const page_ = await page.evaluate(() => ({
    usedJSHeapSize: performance.memory?.usedJSHeapSize ?? null,
    wasm: window.__wasmMemory?.buffer.byteLength ?? null,
    steps: window.__steps,
    selected: document.querySelector('[data-rift-timeline]')?.getAttribute('data-selected'),
    nodes: document.getElementsByTagName('*').length,
  }));
  return {
    minute: +((Date.now() - started) / 60000).toFixed(1),
    heapUsed: usedSize,
    ...page_,
    domNodes: metrics.Nodes,
    listeners: metrics.JSEventListeners,
  };
}

await page.goto(`http://127.0.0.1:${port}/#kiosk=${seconds}`);
await page.waitForSelector('[data-rift-timeline] [data-lane]');
await page.waitForTimeout(5000);
const readings = [await reading()];
console.log(JSON.stringify(readings[0]));
const end = started + Number(minutes) * 60_000;
while (Date.now() < end) {
  await page.waitForTimeout(Math.min(Number(every) * 60_000, end - Date.now()));
  const r = await reading();
  readings.push(r);
  console.log(JSON.stringify(r));
}
const [first, last] = [readings[0], readings.at(-1)];
const mb = (b) => (b / 1048576).toFixed(2) + ' MB';
console.log(
  `\nkiosk=${seconds} for ${last.minute} min, ${last.steps} steps:` +
    `\n  JS heap after GC: ${mb(first.heapUsed)} at start, ${mb(last.heapUsed)} at the end` +
    ` (performance.memory.usedJSHeapSize ${mb(first.usedJSHeapSize)} → ${mb(last.usedJSHeapSize)})` +
    `\n  wasm memory: ${mb(first.wasm)} at start, ${mb(last.wasm)} at the end` +
    `\n  DOM nodes: ${first.domNodes} → ${last.domNodes}; listeners: ${first.listeners} → ${last.listeners}`,
);
await browser.close();
server.kill();
