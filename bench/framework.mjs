// The main thread's work in each frame of the bench's gesture (10 wheel
// notches in, a 450 px drag, 10 out), untraced: from the start of the
// frame's animation callbacks to a message posted from the first of them,
// which runs once the frame's script, style, layout and paint are done.
// Frames are told apart by the input that came last before them. A
// frame's interval (what run.mjs counts) is late once this work passes
// about 29 ms here, so this shows how close a build is to that line, with
// less noise than the share of late intervals. Several pages are loaded
// in turn, `loads` times each, so that a slow spell of the machine falls on
// all of them alike; compare builds within one run.
// usage: node bench/framework.mjs URL [URL...] [loads]
//        (URL|CSS adds a style to that page once it has drawn)
import { gesture, opened } from './gesture.mjs';

const args = process.argv.slice(2);
const loads = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const urls = args.filter((a) => !/^\d+$/.test(a));
if (!urls.length) throw new Error('usage: node bench/framework.mjs URL [URL...] [loads]');
const work = {};
for (let l = 0; l < loads; l++) {
  for (const url of urls) {
    const { browser, page, box, x, y } = await opened(...url.split('|'));
    await page.evaluate(() => {
      window.__work = [];
      let kind = 'idle';
      addEventListener('wheel', () => { kind = 'wheel'; }, true);
      // Chromium also sends moves of its own after a layout: a drag's
      // moves are the ones with a button down.
      addEventListener('pointermove', (e) => { if (e.buttons) kind = 'drag'; }, true);
      const channel = new MessageChannel();
      channel.port1.onmessage = (m) => window.__work.push([m.data[0], performance.now() - m.data[1]]);
      const frame = () => {
        channel.port2.postMessage([kind, performance.now()]);
        kind = 'idle';
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await gesture({ page, box, x, y });
    (work[url] ??= []).push(...(await page.evaluate(() => window.__work)));
    await browser.close();
  }
}
console.log('| page | frames | n | mean | p50 | p90 | max (ms) |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const url of urls) {
  for (const kind of ['wheel', 'drag']) {
    const v = work[url].filter((w) => w[0] === kind).map((w) => w[1]).sort((a, b) => a - b);
    if (!v.length) continue;
    const q = (p) => v[Math.min(v.length - 1, Math.floor(p * v.length))].toFixed(1);
    const mean = (v.reduce((a, b) => a + b, 0) / v.length).toFixed(1);
    console.log(`| ${url} | ${kind} | ${v.length} | ${mean} | ${q(0.5)} | ${q(0.9)} | ${q(1)} |`);
  }
}
