// Starts the full timeline page. A file of its own (not an inline script) so
// the page runs under a Content-Security-Policy without 'unsafe-inline'.
// The app takes the place of the static skeleton of index.html in the same
// task (it removes it itself), so no frame shows both, and nothing moves. If the module cannot
// load or start, the page says why (failure.js) instead.

const nextTask = () => new Promise((ok) => setTimeout(ok, 0));

import('./rift.js')
  .then(async (rift) => {
    // The module early.js began to compile; without it, the loader fetches
    // rift_bg.wasm beside rift.js itself.
    await rift.default({ module_or_path: await window.riftModule });
    // Three tasks, not one long one: a phone answers input in between.
    await nextTask();
    rift.prepare();
    await nextTask();
    // It removes the skeleton when it takes its place.
    rift.start_page();
  })
  .catch(async (err) => {
    const { showFailure, hashLang } = await import('./failure.js');
    showFailure(document.body, { err, mode: 'page', link: location.href, lang: hashLang() });
  });
