// Starts the chrome-less timeline of embed.html (for iframes), in the place
// of its static skeleton.
import init, { start_frame } from './rift.js';

const skeleton = document.querySelector('.rift-skeleton');

init({ module_or_path: new URL('./rift_bg.wasm', import.meta.url) })
  .then(() => {
    start_frame();
    skeleton?.remove();
  })
  .catch((err) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = 'The timeline could not start: ' + err;
    (skeleton?.querySelector('.stage') ?? document.body).append(p);
  });
