// Starts the chrome-less timeline of embed.html (for iframes), in the place
// of its static skeleton; if the module cannot load or start, says why
// (failure.js), and tells the parent window.

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
    rift.start_frame(); // it removes the skeleton when it takes its place
  })
  .catch(async (err) => {
    const { showFailure, hashLang } = await import('./failure.js');
    const link = new URL('./', location.href).href + location.hash;
    showFailure(document.body, { err, mode: 'frame', link, lang: hashLang() });
  });
