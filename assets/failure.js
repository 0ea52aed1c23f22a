// Shows, in the timeline's own box, that it could not start (the module
// could not load or compile: a network error, or a page whose
// Content-Security-Policy forbids WebAssembly), and dispatches rift:error
// on the box, as a panic inside the module does (src/failure.rs). The
// message is text, never HTML.

const WORDS = {
  en: {
    failed: 'The timeline could not start:',
    csp: "this page's security policy does not allow WebAssembly.",
    open: 'Open the full timeline',
    reload: 'Reload the page',
  },
  sq: {
    failed: 'Kronologjia nuk mundi të niste:',
    csp: 'politika e sigurisë e kësaj faqeje nuk lejon WebAssembly.',
    open: 'Hap kronologjinë e plotë',
    reload: 'Ngarko faqen përsëri',
  },
  ru: {
    failed: 'Хронологию не удалось запустить:',
    csp: 'политика безопасности этой страницы не разрешает WebAssembly.',
    open: 'Открыть полную хронологию',
    reload: 'Перезагрузить страницу',
  },
};

// The language asked for (a link's `lang`, an embed's data-lang), else
// the browser's, else English.
export function languageOf(asked) {
  for (const tag of [asked, ...(navigator.languages ?? [navigator.language])]) {
    const code = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
    if (code in WORDS) return code;
  }
  return 'en';
}

// Why it failed, in words: a refused compile is the host page's policy.
function reasonOf(err, words) {
  const text = String(err?.message ?? err ?? '');
  return /Content Security Policy|wasm-unsafe-eval|unsafe-eval/i.test(text) ? words.csp : text;
}

// Replaces the content of `outer` with the failure, unless a failure is
// shown there already (a panic in the module shows its own). `mode` is
// page, frame or element; `link` the full timeline page (or, for the page
// itself, the page to reload); `theme` an embed's data-theme.
export function showFailure(outer, { err, mode, link, lang, theme }) {
  if (outer.querySelector('.rift-failed')) return;
  const words = WORDS[languageOf(lang)];
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    e.className = cls;
    e.textContent = text;
    return e;
  };
  const root = el('div', `rift rift-failed rift-${mode}`, '');
  root.setAttribute('role', 'alert');
  root.setAttribute('lang', languageOf(lang));
  if (mode !== 'element') root.setAttribute('data-rift-timeline', '');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  const reason = reasonOf(err, words);
  const a = el('a', 'failed-link', mode === 'page' ? words.reload : words.open);
  a.href = link;
  if (mode !== 'page') {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  root.append(el('p', 'failed-title', words.failed), el('p', 'failed-detail', reason), a);
  // Readable without the stylesheet too (which may be what failed to
  // load); style properties, not a style attribute, so a strict policy
  // allows them.
  Object.assign(root.style, { padding: '16px', fontFamily: 'system-ui, sans-serif', lineHeight: '1.4' });
  outer.replaceChildren(root);
  const message = `${words.failed} ${reason}`;
  root.dispatchEvent(new CustomEvent('rift:error', { bubbles: true, composed: true, detail: { message } }));
  if (mode === 'frame' && window.parent !== window) {
    window.parent.postMessage({ source: 'rift', type: 'error', message }, '*');
  }
}

// The `lang` key of a link's fragment.
export function hashLang() {
  return /(?:^#|&)lang=([^&]*)/.exec(location.hash)?.[1];
}
