// Rift against TimelineJS 3.9.11 and vis-timeline 8.5.4, with the same
// events: the real dataset (dist/events.json) and Rift's seeded synthetic
// data (`#bench=N`, reimplemented in synth.mjs). Each page is loaded once,
// unmeasured, first; then each run takes the tools in turn. Each
// measurement starts a new Chromium process (cold: no cache, no profile)
// and reports:
//   - bytes of every response the page loads, raw and gzip -9 (each body
//     compressed on its own by gzip -9 once the page is measured, then
//     summed): by the first
//     gesture (a second after the first events), and in all, with what a
//     page fetches once the reader reaches for it;
//   - time from navigation start to the first events drawn: the end of the
//     frame after the first event element enters the DOM (Rift's
//     `button[data-event-id]`, or its `rift:ready` if that comes first;
//     TimelineJS's `.tl-timemarker` / `.tl-slide`; vis's `.vis-item`);
//     median of the runs;
//   - requestAnimationFrame intervals during a scripted zoom in, drag and
//     zoom out over the timeline (p50 / p95 / max, and the share over
//     25 ms, a missed frame; all runs pooled);
//   - JS heap in use after a forced GC (CDP Runtime.getHeapUsage) and the
//     WebAssembly memory of the instances the page created.
//
// usage: node bench/run.mjs [--only=rift,timelinejs,vis]
//          [--sizes=real,1000,10000,100000] [--runs=3] [--timeout=60]
//          [--dist=dist] [--append] [--json=FILE]
//   --append  appends the table, with date, machine and command, to BENCHMARKS.md
import { chromium } from '@playwright/test';
import { drag, wheel } from './gesture.mjs';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { serve } from './serve.mjs';
import { synthEvents } from './synth.mjs';
import { toTimelineJS, toVis, span } from './convert.mjs';

// The size of `body` as `gzip -9` writes it: the measure the page's
// weight is held to (and what xtask page-weight comes within 0.1 % of).
// Node's zlib at level 9 writes the module about 0.5 % larger; it stands
// in where there is no gzip.
function gz9(body) {
  const out = spawnSync('gzip', ['-9c'], { input: body, maxBuffer: 1 << 30 });
  return out.status === 0 ? out.stdout.length : gzipSync(body, { level: 9 }).length;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..');

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const a = argv.find((x) => x === `--${name}` || x.startsWith(`--${name}=`));
  if (!a) return dflt;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : true;
};
for (const a of argv) {
  if (!/^--(only|sizes|runs|timeout|dist|append|json|help)(=|$)/.test(a)) {
    console.error(`unknown argument ${a}`);
    process.exit(2);
  }
}
if (opt('help')) {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).join('\n'));
  process.exit(0);
}
const TOOLS = String(opt('only', 'rift,timelinejs,vis')).split(',');
const SIZES = String(opt('sizes', 'real,1000,10000,100000')).split(',');
const RUNS = Number(opt('runs', 3));
const TIMEOUT = Number(opt('timeout', 60)) * 1000;
const DIST = resolve(repo, String(opt('dist', 'dist')));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const VIEWPORT = { width: 1280, height: 800 };
for (const t of TOOLS) if (!['rift', 'timelinejs', 'vis'].includes(t)) throw new Error(`unknown tool ${t}`);
for (const s of SIZES) if (s !== 'real' && !(Number(s) >= 1 && Number(s) <= 100000)) throw new Error(`bad size ${s}`);

const log = (...a) => console.error(...a);

// ------------------------------------------------------------ the data
if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'events.json'))) {
  console.error(`${DIST} has no built site: run ./scripts/test.sh or trunk build --release first`);
  process.exit(1);
}
// A copy of the built site, so a rebuild during the run cannot mix files.
const work = mkdtempSync(join(tmpdir(), 'rift-bench-'));
const site = join(work, 'dist');
cpSync(DIST, site, { recursive: true });
const dataDir = join(work, 'data');
mkdirSync(dataDir);
const open = JSON.parse(readFileSync(join(site, 'events.json'), 'utf8'));
const laneIds = open.lanes.map((l) => l.id);

const datasets = {};
for (const size of SIZES) {
  const events = size === 'real' ? open.events : synthEvents(Number(size), laneIds, 1948, 1962);
  for (const e of events) span(e.date); // every date converts, or stop here
  datasets[size] = events;
  writeFileSync(join(dataDir, `timelinejs-${size}.json`), JSON.stringify(toTimelineJS(events, open.lanes)));
  writeFileSync(join(dataDir, `vis-${size}.json`), JSON.stringify(toVis(events, open.lanes)));
}

// What the server sent, per measurement: the bytes of a page too busy to
// hand its responses to Playwright are counted from here.
let served = [];
const server = await serve({ dist: site, data: dataDir, onServe: (url, status, body) => served.push({ url, status, body }) });
const base = server.url;
log(`serving ${site} and the peers on ${base}`);

// ------------------------------------------------------------ the tools
const TOOL = {
  rift: {
    name: 'Rift',
    url: (size) => `${base}rift/index.html${size === 'real' ? '' : `#bench=${size}`}`,
    drawn: 'button[data-event-id]',
    area: '.area',
  },
  timelinejs: {
    name: 'TimelineJS 3.9.11',
    url: (size) => `${base}pages/timelinejs.html?data=/data/timelinejs-${size}.json`,
    drawn: '.tl-timemarker, .tl-slide',
    area: '.tl-timenav',
  },
  vis: {
    name: 'vis-timeline 8.5.4',
    url: (size) => `${base}pages/vis.html?data=/data/vis-${size}.json`,
    drawn: '.vis-item',
    area: '.vis-panel.vis-center',
  },
};

// Runs in every page before its own scripts.
function initScript(drawnSelector) {
  const b = (window.__bench = { t: {}, wasm: [], frames: null, recording: false });
  // The memory of every WebAssembly instance the page creates.
  const keep = (r) => {
    const inst = r instanceof WebAssembly.Instance ? r : r && r.instance;
    if (inst) for (const x of Object.values(inst.exports)) if (x instanceof WebAssembly.Memory) b.wasm.push(x);
    return r;
  };
  for (const f of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[f];
    if (orig) WebAssembly[f] = function (...a) { return orig.apply(this, a).then(keep); };
  }
  // The end of the frame after a signal: rAF, then a task after it (paint done).
  // The runner hears of it through a CDP binding: waiting with Playwright
  // (waitForFunction) would put its own scripts, 20-30 ms of main-thread
  // work each, into the page while it starts.
  const afterFrame = (key) => requestAnimationFrame(() => setTimeout(() => {
    if (b.t[key] != null) return;
    b.t[key] = performance.now();
    if (key === 'drawn') window.__benchSignal?.('drawn');
  }, 0));
  addEventListener('rift:ready', (e) => {
    if (b.t.riftReady != null) return;
    b.t.riftReady = performance.now();
    b.readyDetail = e.detail ?? null;
    afterFrame('drawn');
  }, true);
  const mo = new MutationObserver(() => {
    if (b.t.selector == null && document.querySelector(drawnSelector)) {
      b.t.selector = performance.now();
      mo.disconnect();
      afterFrame('drawn');
    }
  });
  mo.observe(document, { childList: true, subtree: true });
  // Frame timestamps, only while recording (started for the gestures).
  b.record = () => {
    b.frames = [];
    b.recording = true;
    const loop = (t) => { if (!b.recording) return; b.frames.push(t); requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  };
  b.stop = () => { b.recording = false; return b.frames; };
}

// The responses with their gzip -9 sizes, worked out once the page is
// measured: compressing as they arrive took a core of the two from the
// page while it started.
const compressed = (responses) => responses.map(({ body, ...r }) => (body ? { ...r, gz: gz9(body) } : r));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const within = (p, ms, what) =>
  Promise.race([p, new Promise((_, no) => setTimeout(() => no(new Error(`${what} did not finish in ${ms / 1000} s`)), ms))]);

// What the view shows, to check that each gesture did something.
const VIEW = {
  rift: () => { const r = document.querySelector('[data-rift-timeline]'); return `${r?.dataset.viewStart} ${r?.dataset.viewEnd}`; },
  timelinejs: () =>
    `${document.querySelector('.tl-timenav-slider')?.style.left} ${document.querySelector('.tl-timemarker')?.style.left} ` +
    `${document.querySelector('.tl-timemarker:last-of-type')?.style.left}`,
  vis: () => { const w = window.timeline?.getWindow(); return w ? `${+w.start} ${+w.end}` : ''; },
};

// The scripted gestures: 10 wheel notches in around a point of the timeline,
// a drag of 450 px in 30 steps (zoomed in, so there is room to pan), then 10
// notches out. TimelineJS has no wheel zoom (its wheel only pans), so it
// zooms with its own zoom-in and zoom-out buttons.
async function gestures(page, tool) {
  const box = await page.locator(TOOL[tool].area).first().boundingBox();
  if (!box) throw new Error(`no ${TOOL[tool].area} to zoom on`);
  const view = () => page.evaluate(VIEW[tool]);
  const moved = {};
  const x = box.x + box.width * 0.62;
  const y = box.y + Math.min(box.height / 2, 120);
  let zoom;
  if (tool === 'timelinejs') {
    const buttons = await page.locator('.tl-menubar-button').all();
    const [zin, zout] = await Promise.all(buttons.slice(0, 2).map((b) => b.boundingBox()));
    zoom = async (dir) => {
      const bb = dir < 0 ? zin : zout;
      for (let i = 0; i < 10; i++) { await page.mouse.click(bb.x + bb.width / 2, bb.y + bb.height / 2); await sleep(50); }
    };
  } else {
    zoom = (dir) => wheel(page, x, y, dir);
  }
  await page.evaluate(() => window.__bench.record());
  let before = await view();
  await zoom(-1);
  await sleep(300);
  moved.zoomIn = (await view()) !== before;
  before = await view();
  await drag(page, box);
  await sleep(300);
  moved.drag = (await view()) !== before;
  before = await view();
  await zoom(1);
  await sleep(500);
  moved.zoomOut = (await view()) !== before;
  const frames = await page.evaluate(() => window.__bench.stop());
  const intervals = [];
  for (let i = 1; i < frames.length; i++) intervals.push(frames[i] - frames[i - 1]);
  return { intervals, moved };
}

// Rift's `#bench=N` must show the events synth.mjs generates. In the
// measured page: every drawn event's id, lane, title and year. Then (up to
// 10,000 events, after the measurement) in the list view of a new page, which
// lists every event of the window (the whole range): id, lane, EDTF date
// (`<time datetime>`) and the disputed flag of every event.
async function checkSynthetic(page, size) {
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll('[data-lane] button[data-event-id]')].map((b) => ({
      id: b.dataset.eventId,
      lane: b.closest('[data-lane]').dataset.lane,
      name: b.getAttribute('aria-label') ?? b.textContent,
    })),
  );
  const byId = new Map(datasets[size].map((e) => [e.id, e]));
  const bad = drawn.filter((d) => {
    const e = byId.get(d.id);
    return !e || e.lane !== d.lane || !d.name.includes(e.date.slice(0, 4)) || !d.name.includes(e.title);
  });
  return { drawn: drawn.length, mismatches: bad.slice(0, 5) };
}

async function checkSyntheticList(context, size) {
  const page = await context.newPage();
  await page.goto(`${TOOL.rift.url(size)}&view=list`);
  const n = Number(size);
  // The list comes a page at a time: ask for every page.
  await page.waitForSelector('ol.chronology li', { timeout: TIMEOUT });
  await page.evaluate(async () => {
    const frame = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    for (let more; (more = document.querySelector('.list-more')) && !more.hidden; await frame()) more.click();
  });
  await page.waitForFunction((n) => document.querySelectorAll('ol.chronology li').length >= n, n, { timeout: TIMEOUT });
  const listed = await page.evaluate(() =>
    [...document.querySelectorAll('ol.chronology li')].map((li) => ({
      id: li.querySelector('[data-event-id]').dataset.eventId,
      lane: li.dataset.lane,
      date: li.querySelector('time').getAttribute('datetime'),
      disputed: !!li.querySelector('.flag'),
    })),
  );
  await page.close();
  const mine = datasets[size];
  const got = new Map(listed.map((e) => [e.id, e]));
  const bad = mine.filter((e) => {
    const g = got.get(e.id);
    return !g || g.lane !== e.lane || g.date !== e.date || g.disputed !== (e.disputed !== null);
  });
  return { listed: listed.length, expected: mine.length, mismatches: bad.slice(0, 5).map((e) => ({ mine: e, rift: got.get(e.id) ?? null })) };
}

// Bytes over the responses: each URL once (a page asking again for the same
// file, as Chromium does for the favicon after each same-document navigation
// when nothing may be cached, would get it from the cache on a real host).
function tally(responses) {
  const seen = new Set();
  const bytes = responses
    .filter((r) => r.status >= 200 && r.status < 300 && !seen.has(r.url) && seen.add(r.url))
    .reduce((s, r) => ({ raw: s.raw + r.raw, gz: s.gz + r.gz }), { raw: 0, gz: 0 });
  return { responses, bytes };
}

async function measure(tool, size, run, { gestures: doGestures = true } = {}) {
  const t0 = Date.now();
  const phase = (what) => process.env.BENCH_DEBUG && log(`  ${what} at ${Date.now() - t0} ms`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const out = { tool, size, run };
  served = [];
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    // Nothing but 127.0.0.1 (no other address is reachable anyway): fail fast.
    const foreign = [];
    await context.route((u) => !u.href.startsWith(base), (r) => { foreign.push(r.request().url()); return r.abort(); });
    const page = await context.newPage();
    await page.addInitScript(initScript, TOOL[tool].drawn);
    const bodies = [];
    page.on('response', (r) => {
      bodies.push(
        r.body().then(
          (b) => ({ url: r.url().replace(base, '/'), status: r.status(), raw: b.length, body: b }),
          () => ({ url: r.url().replace(base, '/'), status: r.status(), raw: 0, gz: 0, unreadable: true }),
        ),
      );
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
    const cdp = await context.newCDPSession(page);
    const drawn = new Promise((ok) => cdp.on('Runtime.bindingCalled', (e) => e.name === '__benchSignal' && ok()));
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: '__benchSignal' });

    phase('launched');
    await page.goto(TOOL[tool].url(size), { waitUntil: 'commit', timeout: TIMEOUT });
    try {
      // Until the page's init script signals the frame after its first
      // events (the binding above).
      await within(
        drawn,
        TIMEOUT,
        'waiting for the first events',
      );
    } catch {
      // What the page says, if it still answers (a page busy for good does not).
      const why = await within(
        page.evaluate(() => window.__benchError ?? document.querySelector('[role=alert], .rift-error, .tl-message-content')?.textContent ?? null),
        5000,
        'asking the page',
      ).catch(() => null);
      out.error = `did not load in ${TIMEOUT / 1000} s${why ? ` (${why.trim().slice(0, 120)})` : ''}`;
      // What it had loaded by then (code and data, usually everything).
      const got = await within(Promise.all(bodies), 10000, 'reading the responses').then(compressed, () => null);
      Object.assign(
        out,
        tally(got ?? compressed(served.map((r) => ({ url: r.url, status: r.status, raw: r.body.length, body: r.body, fromServer: true })))),
      );
      if (errors.length) out.pageErrors = errors;
      return out;
    }
    // Rift's `rift:ready` waits for every lane (drawn one per task), so it
    // may come after the frame of the first mark: give it a moment before
    // asking whether it came.
    if (tool === 'rift') {
      await page.waitForFunction(() => window.__bench.t.riftReady != null, null, { timeout: 5000, polling: 50 }).catch(() => {});
    }
    const t = await page.evaluate(() => ({ ...window.__bench.t, detail: window.__bench.readyDetail ?? null }));
    out.firstDrawnMs = t.drawn;
    out.riftReady = t.riftReady != null;
    out.riftReadyMs = t.riftReady ?? null;
    out.firstElementMs = t.selector ?? null;
    out.readyDetail = t.detail;
    out.drawnInDom = await page.evaluate((s) => document.querySelectorAll(s).length, TOOL[tool].drawn);
    if (tool === 'rift' && size !== 'real' && run === 1) out.synthCheck = await checkSynthetic(page, size);
    phase('drawn');
    await sleep(1000);
    // What the page loaded to show itself, before anyone touched it.
    const atLoad = bodies.length;
    if (doGestures) {
      try {
        Object.assign(out, await within(gestures(page, tool), TIMEOUT, 'the gestures'));
      } catch (e) {
        out.gestureError = e.message;
      }
    } else {
      out.gestureError = 'gestures skipped (they did not finish in an earlier run)';
    }
    phase('gestures done');
    // Memory after the gestures (or after first render when they were
    // skipped); not when the page is still stuck in them.
    if (!out.gestureError || !doGestures) {
      const memory = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        out.jsHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
        out.wasmMemory = await page.evaluate(() => window.__bench.wasm.reduce((s, m) => s + m.buffer.byteLength, 0));
      };
      await within(memory(), 30000, 'reading the memory').catch((e) => { out.memoryError = e.message; });
    }
    phase('memory read');
    Object.assign(out, tally(compressed(await within(Promise.all(bodies), 30000, 'reading the responses'))));
    out.loadBytes = tally(out.responses.slice(0, atLoad)).bytes;
    out.foreign = foreign;
    phase('bodies read');
    if (out.synthCheck && Number(size) <= 10000) {
      out.synthCheck.list = await checkSyntheticList(context, size).catch((e) => ({ error: e.message.split('\n')[0] }));
      phase('list checked');
    }
    if (errors.length) out.pageErrors = errors;
    return out;
  } catch (e) {
    out.error = `failed: ${e.message.split('\n')[0]}`;
    return out;
  } finally {
    await within(browser.close(), 30000, 'closing the browser').catch((e) => log(e.message));
    phase('closed');
  }
}

// ------------------------------------------------------------ the runs
// The first Chromium started on a machine reads its files from disk, and
// the first load of a page does too: a start that would fall on whichever
// tool goes first. So each page is loaded once, unmeasured, before any run.
// Then the runs of each size take the tools in turn (Rift, TimelineJS,
// vis, Rift, ...), so that a slow spell of the machine, which can last
// minutes, falls on every tool alike rather than on all runs of one.
const started = Date.now();
for (const tool of TOOLS) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const wait = Math.min(TIMEOUT, 20000);
    await page.goto(TOOL[tool].url(SIZES[0]), { timeout: wait });
    await page.waitForSelector(TOOL[tool].drawn, { timeout: wait });
  } catch (e) {
    log(`warm-up of ${tool}: ${String(e.message).split('\n')[0]}`);
  } finally {
    await browser.close();
  }
}
log(`warmed up in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const results = [];
for (const size of SIZES) {
  const each = TOOLS.map((tool) => ({ tool, runs: [], stopped: false }));
  for (const t of each) {
    // A page that did not load at a smaller size will not at a larger one.
    const failed = results.find((r) => r.tool === t.tool && r.size !== 'real' && Number(r.size) < Number(size) && r.runs.every((x) => x.error));
    if (size !== 'real' && failed) {
      t.runs.push({ tool: t.tool, size, run: 1, error: `not run: did not load at ${Number(failed.size).toLocaleString('en')}` });
      t.stopped = true;
      log(`${t.tool} ${size}: ${t.runs[0].error}`);
    }
  }
  for (let run = 1; run <= RUNS; run++) {
    for (const t of each) {
      if (t.stopped) continue;
      const r = await measure(t.tool, size, run, { gestures: !t.runs.some((p) => p.gestureError) });
      t.runs.push(r);
      log(
        `${t.tool} ${size} run ${run}: ` +
          (r.error ??
            `first drawn ${r.firstDrawnMs.toFixed(0)} ms, ${r.drawnInDom} in DOM, ` +
              `${(r.bytes.gz / 1024).toFixed(1)} KB gz` +
              (r.gestureError ? `, ${r.gestureError}` : `, ${r.intervals.length} frames`)),
      );
      // A page that did not load will not load on the next run either.
      if (r.error) t.stopped = true;
    }
  }
  for (const { tool, runs } of each) results.push({ tool, size, runs });
  // What is done so far, in case the run is stopped.
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'partial.json'), JSON.stringify(results, null, 1));
}
await server.close();
rmSync(work, { recursive: true, force: true });

// ------------------------------------------------------------ the report
/** An interval longer than this missed at least one 60 Hz frame. */
const LATE_MS = 25;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
const ms = (n) => `${Math.round(n).toLocaleString('en')} ms`;
const sizeName = (s) => (s === 'real' ? `real dataset (${open.events.length})` : `${Number(s).toLocaleString('en')} synthetic`);

const rows = [];
const notes = [];
for (const { tool, size, runs } of results) {
  const ok = runs.filter((r) => !r.error);
  const name = TOOL[tool].name;
  if (ok.length === 0) {
    const b = runs[0].bytes;
    rows.push(`| ${name} | ${sizeName(size)} | ${b ? `${kb(b.raw)} / ${kb(b.gz)}` : ''} | ${runs[0].error} | | | | |`);
    continue;
  }
  const b = ok[0].bytes;
  const first = median(ok.map((r) => r.firstDrawnMs));
  const spread = ok.length > 1 ? ` (${ok.map((r) => Math.round(r.firstDrawnMs)).join(', ')})` : '';
  const withFrames = ok.filter((r) => r.intervals);
  const withMemory = ok.filter((r) => r.jsHeap != null);
  const iv = withFrames.flatMap((r) => r.intervals);
  const frames = iv.length
    ? `${quantile(iv, 0.5).toFixed(1)} / ${quantile(iv, 0.95).toFixed(1)} / ${Math.max(...iv).toFixed(1)} ms; ` +
      `${((100 * iv.filter((t) => t > LATE_MS).length) / iv.length).toFixed(1)} % late of ${iv.length}`
    : ok[0].gestureError ?? 'no frames';
  const heaps = withMemory.map((r) => r.jsHeap);
  const wasm = withMemory.map((r) => r.wasmMemory);
  const runsNote = runs.length > ok.length ? ` (${runs.length - ok.length} of ${runs.length} runs failed: ${runs.find((r) => r.error).error})` : '';
  const load = ok[0].loadBytes;
  const later = load && load.gz < b.gz ? ` (${kb(load.gz)} gz by the first gesture)` : '';
  rows.push(
    `| ${name} | ${sizeName(size)} | ${kb(b.raw)} / ${kb(b.gz)}${later} | ${ms(first)}${spread}${runsNote} | ${frames} | ` +
      `${heaps.length ? mb(median(heaps)) : '—'} | ${wasm.length && median(wasm) ? mb(median(wasm)) : '—'} | ${ok[0].drawnInDom.toLocaleString('en')} |`,
  );
  if (tool === 'rift' && ok.every((r) => r.riftReady && r.firstElementMs != null))
    notes.push(
      `Rift (${sizeName(size)}): \`rift:ready\` (detail ${JSON.stringify(ok[0].readyDetail)}) at ${ms(median(ok.map((r) => r.riftReadyMs)))}, ` +
        `the first event button in the DOM at ${ms(median(ok.map((r) => r.firstElementMs)))} (medians).`,
    );
  if (tool === 'rift' && !ok.some((r) => r.riftReady)) notes.push(`Rift (${sizeName(size)}): no \`rift:ready\`; first drawn = first \`button[data-event-id]\` in the DOM.`);
  if (ok[0].synthCheck) {
    const c = ok[0].synthCheck;
    const l = c.list;
    const list = !l
      ? ''
      : l.error
        ? ` List view not checked: ${l.error}.`
        : l.mismatches.length || l.listed !== l.expected
          ? ` The list view differs: ${l.listed} listed, ${l.expected} expected; ${JSON.stringify(l.mismatches)}.`
          : ` All ${l.listed.toLocaleString('en')} events of its list view match (id, lane, EDTF date, disputed).`;
    notes.push(
      c.mismatches.length
        ? `Rift #bench=${size}: ${c.mismatches.length} drawn events differ from synth.mjs: ${JSON.stringify(c.mismatches)}.${list}`
        : `Rift #bench=${size} shows synth.mjs's events: the ${c.drawn} drawn match (id, lane, title, year).${list}`,
    );
  }
  const still = Object.keys(withFrames[0]?.moved ?? {}).filter((k) => !withFrames[0].moved[k]);
  if (still.length) notes.push(`${name} (${sizeName(size)}): the view did not change on ${still.join(', ')}.`);
  const foreign = [...new Set(ok.flatMap((r) => r.foreign ?? []))];
  if (foreign.length) notes.push(`${name} (${sizeName(size)}) asked for other hosts (blocked, not counted): ${foreign.join(', ')}`);
  const errs = [...new Set(ok.flatMap((r) => r.pageErrors ?? []))];
  if (errs.length) notes.push(`${name} (${sizeName(size)}) page errors: ${errs.join(' | ')}`);
}

const table = [
  '| tool | data | everything loaded (raw / gzip -9) | first events drawn (median; runs) | frame interval p50 / p95 / max; late, zoom + drag | JS heap | wasm memory | event elements in DOM |',
  '|---|---|---:|---:|---:|---:|---:|---:|',
  ...rows,
].join('\n');

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '?';
  }
};
// The command that measures this again (without the output options).
const command = (process.env.BENCH_COMMAND ?? `node bench/run.mjs ${argv.join(' ')}`)
  .split(' ')
  .filter((a) => !/^--(append|json)(=|$)/.test(a))
  .join(' ')
  .trim();
const machine =
  `${cpus().length} cores (nproc ${sh('nproc', [])}), ${Math.round(totalmem() / 2 ** 30)} GB RAM ` +
  `(free -g total ${sh('sh', ['-c', "free -g | awk '/Mem:/{print $2}'"])}), ` +
  `${sh(CHROMIUM, ['--version'])} headless (${ARGS.join(' ')}): software rendering, viewport ${VIEWPORT.width}×${VIEWPORT.height}`;
const date = sh('date', ['-u']);
const commit = sh('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']);
const section = [
  `## Side by side: Rift, TimelineJS, vis-timeline (${date})`,
  '',
  `    ${command}`,
  '',
  `Machine: ${machine}. Rift: dist/ as built at commit ${commit} (plus any uncommitted changes in the tree then). ` +
    `${RUNS} cold runs per page (a new browser process each), the tools taken in turn within each run, after one unmeasured load of each page; ${((Date.now() - started) / 60000).toFixed(1)} minutes in all.`,
  '',
  table,
  '',
  'Bytes: every response body of the page (each URL once), each compressed on its own by `gzip -9`, then summed; in brackets, what had loaded a second after the first events, before the first gesture, where the page fetched more once used (the peers\' count includes their data file; ' +
    'Rift embeds the real dataset in its wasm and generates `#bench=N` in the browser, so it loads no data file). ' +
    'First events drawn: from navigation start to the end of the frame (requestAnimationFrame, then a task) after the first event element ' +
    'enters the DOM (for Rift, or after `rift:ready` if that comes first). Frames: requestAnimationFrame intervals during 10 wheel notches in, ' +
    'a 450 px drag, then 10 notches out (TimelineJS: 10 clicks on its zoom-in, then zoom-out button, as its wheel does not zoom), pooled over the runs; ' +
    `late: the share of intervals over ${LATE_MS} ms, i.e. at least one 60 Hz frame missed (the p95 moves in whole frames, so this is the finer measure). ` +
    'JS heap: in use after a forced GC at the end of the gestures (where they were skipped: 1 s after first render), median of the runs.',
  ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
  '',
].join('\n');

console.log(section);
const jsonOut = opt('json', null);
if (jsonOut) writeFileSync(resolve(String(jsonOut)), JSON.stringify({ date, machine, command, results }, null, 1));
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.md'), section);
writeFileSync(join(here, 'results', 'latest.json'), JSON.stringify({ date, machine, command, results }, null, 1));
if (opt('append')) {
  appendFileSync(join(repo, 'BENCHMARKS.md'), '\n' + section);
  log('appended to BENCHMARKS.md');
}
