// Lighthouse on index.html, served from dist/ as a static host would serve
// it: gzip (level 9) for text and WebAssembly, the public contract's CSP.
// Runs the mobile profile (Lighthouse's default: a mid-range phone, slow 4G,
// simulated) and the desktop preset, each `runs` times, and prints the
// median performance score with LCP, TBT, CLS, FCP and Speed Index.
// With --detail, also prints the LCP element, the long tasks and the
// requests of each run.
// usage: node lighthouse.mjs [dist] [runs] [--append] [--detail]
import { createServer } from 'node:http';
import { appendFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { cpus } from 'node:os';
import { execSync } from 'node:child_process';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CSP, TYPES, file } from '../end2end/static.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dist = resolve(args[0] ?? join(here, '..', 'dist'));
const runs = Number(args[1] ?? 3);
const append = process.argv.includes('--append');
const detail = process.argv.includes('--detail');
const server = createServer(async (req, res) => {
  const found = await file(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!found) return res.writeHead(404).end('not found');
  const type = TYPES[extname(found.path)] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'content-security-policy': CSP, 'cache-control': 'no-cache' };
  if (/gzip/.test(req.headers['accept-encoding'] ?? '') && extname(found.path) !== '.png') {
    headers['content-encoding'] = 'gzip';
    headers.vary = 'accept-encoding';
    res.writeHead(200, headers).end(gzipSync(found.body, { level: constants.Z_BEST_COMPRESSION }));
  } else {
    res.writeHead(200, headers).end(found.body);
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const [profile, config] of [
  ['mobile', undefined],
  ['desktop', desktop],
]) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    const r = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error' }, config);
    await chrome.kill();
    const a = r.lhr.audits;
    if (detail) {
      const node = a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
      console.log(profile, 'LCP element:', node?.snippet, node?.nodeLabel);
      const tasks = a['long-tasks']?.details?.items ?? [];
      console.log(profile, 'long tasks:', tasks.map((t) => `${t.url.split('/').pop()} @${Math.round(t.startTime)} ${Math.round(t.duration)} ms`).join('; '));
      const reqs = a['network-requests']?.details?.items ?? [];
      const observed = a.metrics?.details?.items?.[0] ?? {};
      console.log(profile, `observed: FCP ${Math.round(observed.observedFirstContentfulPaint)} ms, LCP ${Math.round(observed.observedLargestContentfulPaint)} ms; simulated LCP ${Math.round(a['largest-contentful-paint'].numericValue)} ms`);
      console.log(profile, 'requests:', reqs.map((q) => `${q.url.split('/').pop()} ${q.transferSize} B ends ${Math.round(q.networkEndTime)} ms`).join('; '));
    }
    results.push({
      score: r.lhr.categories.performance.score,
      lcp: a['largest-contentful-paint'].numericValue,
      tbt: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      fcp: a['first-contentful-paint'].numericValue,
      si: a['speed-index'].numericValue,
    });
  }
  const m = (k) => median(results.map((r) => r[k]));
  const row = {
    profile,
    score: m('score'),
    lcp: Math.round(m('lcp')),
    tbt: Math.round(m('tbt')),
    cls: Number(m('cls').toFixed(3)),
    fcp: Math.round(m('fcp')),
    si: Math.round(m('si')),
    scores: results.map((r) => r.score),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
server.close();

if (append) {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const machine = `${cpus().length} × ${cpus()[0].model.trim()}, ${execSync('/usr/bin/chromium --version').toString().trim()}`;
  const lines = [
    '',
    `### Lighthouse 12.2.3, index.html served with gzip: ${when} UTC`,
    '',
    `Machine: ${machine}. Command: \`cd bench && node lighthouse.mjs ../dist ${runs} --append\` (median of ${runs}).`,
    '',
    '| profile | performance | LCP | TBT | CLS | FCP | Speed Index | scores |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.profile} | ${r.score.toFixed(2)} | ${r.lcp} ms | ${r.tbt} ms | ${r.cls} | ${r.fcp} ms | ${r.si} ms | ${r.scores.join(', ')} |`,
    ),
    '',
  ];
  await appendFile(join(here, '..', 'BENCHMARKS.md'), lines.join('\n'));
}
