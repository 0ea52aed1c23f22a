// Starts the full timeline page. A file of its own (not an inline script) so
// the page runs under a Content-Security-Policy without 'unsafe-inline'.
// The app takes the place of the static skeleton of index.html in the same
// task (it removes it itself), so no frame shows both, and nothing moves. If the module cannot
// load or start, the page says why (failure.js) instead.

const nextTask = () => new Promise((ok) => setTimeout(ok, 0));
// Once the skeleton's first paint is on screen: on a quick load the module
// can be ready before it, and the app would replace a skeleton nobody saw.
// Until that paint is presented, the browser may also forget it drew the
// lead paragraph (the page's largest contentful paint). At most 300 ms: a
// hidden tab paints nothing.
const painted = () =>
  new Promise((ok) => {
    setTimeout(ok, 300);
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length) {
        observer.disconnect();
        ok();
      }
    }).observe({ type: 'paint', buffered: true });
  });

import('./rift.js')
  .then(async (rift) => {
    await rift.default({ module_or_path: new URL('./rift_bg.wasm', import.meta.url) });
    // Three tasks, not one long one: a phone answers input in between.
    await painted();
    rift.prepare();
    await nextTask();
    // It removes the skeleton when it takes its place.
    rift.start_page();
  })
  .catch(async (err) => {
    const { showFailure, hashLang } = await import('./failure.js');
    showFailure(document.body, { err, mode: 'page', link: location.href, lang: hashLang() });
  });
