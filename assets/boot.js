// Starts the full timeline page. A file of its own (not an inline script) so
// the page runs under a Content-Security-Policy without 'unsafe-inline'.
// The app takes the place of the static skeleton of index.html in the same
// task, so no frame shows both, and nothing moves.
import init, { start_page } from './rift.js';

const skeleton = document.querySelector('.rift-skeleton');
if (/(^#|&)text=large(&|$)/.test(location.hash)) skeleton?.classList.add('large');

const fail = (err) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'The timeline could not start: ' + err;
  (skeleton?.querySelector('.stage') ?? document.body).append(p);
};

init({ module_or_path: new URL('./rift_bg.wasm', import.meta.url) })
  .then(() => {
    start_page();
    skeleton?.remove();
  })
  .catch(fail);
