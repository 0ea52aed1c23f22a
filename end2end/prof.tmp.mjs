import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await p.context().newCDPSession(p);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await p.addInitScript(() => {
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) (window.__lt ??= []).push([e.entryType, Math.round(e.startTime), Math.round(e.duration), e.name]); });
  obs.observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) (window.__lcp ??= []).push([Math.round(e.startTime), e.size, e.element?.outerHTML.slice(0, 120)]); }).observe({ type: 'largest-contentful-paint', buffered: true });
});
await p.goto('http://127.0.0.1:8094/');
await p.waitForSelector('[data-lane]');
await p.waitForTimeout(1500);
console.log(JSON.stringify(await p.evaluate(() => ({ lt: window.__lt, lcp: window.__lcp })), null, 1));
await b.close();
