// Rift script embed: turns every [data-rift-timeline] element of the page
// into an independent timeline inside its own shadow root.
//
//   <div data-rift-timeline data-date="1961-06" data-span="6m"></div>
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//
// data-date, data-span, data-event, data-lanes, data-lang and data-kiosk
// mean what the deep-link keys mean; data-theme ("light" or "dark") and
// data-height (pixels, default 560) set the look.
//
// Each element gets its height at once, before the module loads, so the
// host's article does not jump when the timeline arrives. (A host can
// reserve it even earlier, in its own CSS:
// `[data-rift-timeline] { display: block; min-height: 562px }`.)

// data-height as rift-core's embed::height reads it: pixels, with or
// without "px", from 240 to 4000; anything else gives 560.
function heightOf(el) {
  const raw = (el.getAttribute('data-height') ?? '').trim().replace(/px$/, '').trim();
  const h = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(h) && h >= 240 && h <= 4000 ? h : 560;
}

function reserve() {
  for (const el of document.querySelectorAll('[data-rift-timeline]')) {
    if (el.shadowRoot) continue;
    el.style.setProperty('display', 'block');
    // The timeline's box has a 1 px border around data-height.
    el.style.setProperty('min-height', `${heightOf(el) + 2}px`);
  }
}
reserve();

// Loaded at once, used only if the timeline cannot start.
const failure = import('./failure.js');

const here = new URL('./', import.meta.url);
const css = new URL('rift.css', here).href;

// Where an element's timeline goes: a container in its own shadow root.
function boxOf(el) {
  if (!el.shadowRoot) {
    try {
      el.attachShadow({ mode: 'open' });
    } catch {
      return el; // the element cannot hold a shadow root: its own content
    }
  }
  let box = el.shadowRoot.querySelector('.rift-host');
  if (!box) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    box = document.createElement('div');
    box.className = 'rift-host';
    el.shadowRoot.append(link, box);
  }
  return box;
}

async function fail(el, err) {
  const box = boxOf(el);
  try {
    const { showFailure } = await failure;
    showFailure(box, {
      err,
      mode: 'element',
      link: here.href,
      lang: el.getAttribute('data-lang'),
      theme: el.getAttribute('data-theme')?.trim().toLowerCase(),
    });
  } catch {
    if (!box.querySelector('.rift-failed')) box.textContent = `The timeline could not start: ${err}`;
  }
}

function whenReady(f) {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', f, { once: true });
  } else {
    f();
  }
}

let mount_element;
try {
  const module = await import(new URL('rift.js', here).href);
  await module.default({ module_or_path: new URL('rift_bg.wasm', here) });
  mount_element = module.mount_element;
} catch (err) {
  // The module could not load or compile (a network error, or a page whose
  // policy forbids WebAssembly): every timeline says so in its own box.
  whenReady(() => {
    for (const el of document.querySelectorAll('[data-rift-timeline]')) fail(el, err);
  });
}

function mountAll() {
  for (const el of document.querySelectorAll('[data-rift-timeline]')) {
    if (el.shadowRoot) continue;
    try {
      mount_element(el, css, here.href);
    } catch (err) {
      fail(el, err);
    }
  }
}
if (mount_element) whenReady(mountAll);
