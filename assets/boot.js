// Starts the full timeline page. A file of its own (not an inline script) so
// the page runs under a Content-Security-Policy without 'unsafe-inline'.
import init, { start_page } from './rift.js';

const fail = (err) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'The timeline could not start: ' + err;
  document.body.append(p);
};

init({ module_or_path: new URL('./rift_bg.wasm', import.meta.url) })
  .then(() => start_page())
  .catch(fail);
