// Starts the timeline. A file of its own (not an inline script) so the page
// runs under a Content-Security-Policy without 'unsafe-inline'.
import init from './rift.js';

init({ module_or_path: new URL('./rift_bg.wasm', import.meta.url) }).catch((err) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'The timeline could not start: ' + err;
  document.body.append(p);
});
