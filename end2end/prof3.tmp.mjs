import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await p.context().newCDPSession(p);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await p.goto('http://127.0.0.1:8096/');
await p.waitForSelector('[data-lane]');
await p.waitForTimeout(1000);
const { profile } = await cdp.send('Profiler.stop');
// self time per function, and inclusive time for some
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
const counts = new Map();
for (let i = 0; i < profile.samples.length; i++) counts.set(profile.samples[i], (counts.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) ?? 0) + t); total += t;
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) { const nm = byId.get(x).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + t); } }
}
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k.slice(0, 110)}`).join('\n');
// callees of a function, inclusive
const under = (pat) => { const m = new Map(); const walk = (id, inside) => { const n = byId.get(id); const nm = n.callFrame.functionName || '(anon)'; const t = counts.get(id) ?? 0; if (inside) { } for (const c of n.children ?? []) walk(c, inside || pat.test(nm)); };
  for (const [id, t] of counts) { let chain = []; for (let x = id; x !== undefined; x = parent.get(x)) chain.push(byId.get(x).callFrame.functionName || '(anon)'); const k = chain.findIndex((nm) => pat.test(nm)); if (k > 0) { const callee = chain[k - 1]; m.set(callee, (m.get(callee) ?? 0) + t); } }
  return m; };
for (const pat of [/new_with_compare::\{\{closure\}\}::h33654b92b1430ae7/, /Timeline::prepared/, /__component_instance/]) { console.log('UNDER', pat, '\n' + top(under(pat)).split('\n').slice(0, 12).join('\n')); }
console.log('SELF\n' + top(self));
console.log('\nINCL\n' + top(incl));
await b.close();
