// Where each frame of the bench's gesture goes, frame by frame: from a
// Chromium trace of one pass of run.mjs's gesture (10 wheel notches in, a
// 450 px drag, 10 out) on one page, each animation frame's script
// (requestAnimationFrame callbacks: the layout and the DOM writes), style,
// layout, pre-paint, paint and layerizing, averaged over the wheel frames
// and over the drag frames (a frame belongs to the input event that came
// last before it). Traced frames run slower than untraced ones; compare
// builds within one run of this, alternated, never across runs.
// usage: python3 -m http.server 8121 -d dist &
//        node bench/frameparts.mjs 'http://127.0.0.1:8121/#bench=10000' [CSS to add]
import { gesture, opened } from './gesture.mjs';

const [url, css] = process.argv.slice(2);
if (!url) throw new Error('usage: node bench/frameparts.mjs URL [CSS]');
const { browser, page, box, x, y } = await opened(url, css);
await page.mouse.move(x, y);
await browser.startTracing(page, { categories: ['devtools.timeline'] });
await gesture({ page, box, x, y });
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
await browser.close();

const PARTS = { FireAnimationFrame: 'script', UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'prepaint', Paint: 'paint', Layerize: 'layerize' };
const tid = traceEvents.find((e) => e.name === 'FireAnimationFrame')?.tid;
const main = traceEvents
  .filter((e) => e.ph === 'X' && e.tid === tid && (e.name in PARTS || e.name === 'EventDispatch'))
  .sort((a, b) => a.ts - b.ts);
const frames = [];
let frame = null;
let input = '';
for (const e of main) {
  if (e.name === 'EventDispatch') { input = e.args?.data?.type ?? input; continue; }
  if (e.name === 'FireAnimationFrame') {
    frame = { input, end: 0, ...Object.fromEntries(Object.values(PARTS).map((p) => [p, 0])) };
    frames.push(frame);
  }
  // Top-level events only: a forced style or layout inside a callback is
  // the callback's time.
  if (frame && e.ts >= frame.end) {
    frame[PARTS[e.name]] += e.dur / 1000;
    frame.end = e.ts + e.dur;
  }
}
const kinds = { wheel: 'wheel', mousemove: 'drag' };
console.log(`| frames | n | total | ${Object.values(PARTS).join(' | ')} (ms, mean) |`);
console.log(`|---|---:|---:|${Object.values(PARTS).map(() => '---:').join('|')}|`);
for (const [type, name] of Object.entries(kinds)) {
  const fs = frames.filter((f) => f.input === type && Object.values(PARTS).some((p) => f[p] > 0.5));
  if (!fs.length) continue;
  const mean = (p) => fs.reduce((s, f) => s + f[p], 0) / fs.length;
  const total = Object.values(PARTS).reduce((s, p) => s + mean(p), 0);
  console.log(`| ${name} | ${fs.length} | ${total.toFixed(1)} | ${Object.values(PARTS).map((p) => mean(p).toFixed(1)).join(' | ')} |`);
}
