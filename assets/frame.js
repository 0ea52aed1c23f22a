// Starts the chrome-less timeline of embed.html (for iframes).
import init, { start_frame } from './rift.js';

init({ module_or_path: new URL('./rift_bg.wasm', import.meta.url) })
  .then(() => start_frame())
  .catch((err) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = 'The timeline could not start: ' + err;
    document.body.append(p);
  });
