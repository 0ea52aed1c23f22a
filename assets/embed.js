// Rift script embed: turns every [data-rift-timeline] element of the page
// into an independent timeline inside its own shadow root.
//
//   <div data-rift-timeline data-date="1961-06" data-span="6m"></div>
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//
// data-date, data-span, data-event, data-lanes, data-lang and data-kiosk
// mean what the deep-link keys mean; data-theme ("light" or "dark") and
// data-height (pixels, default 560) set the look.
const here = new URL('./', import.meta.url);
const { default: init, mount_element } = await import(new URL('rift.js', here).href);
await init({ module_or_path: new URL('rift_bg.wasm', here) });

const css = new URL('rift.css', here).href;
function mountAll() {
  for (const el of document.querySelectorAll('[data-rift-timeline]')) {
    if (el.shadowRoot) continue;
    try {
      mount_element(el, css, here.href);
    } catch (err) {
      el.textContent = 'The timeline could not start: ' + err;
    }
  }
}
if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', mountAll, { once: true });
} else {
  mountAll();
}
