// Runs in <head>, before the first paint (a classic script, not a module):
// the static skeleton of index.html and embed.html takes the text size and
// the language the timeline will have, so nothing changes size when the app
// takes its place. rift.css reads the marks it sets on <html>. It also
// starts compiling the module.

(() => {
  // The module compiles as it arrives, while the page is still being read:
  // boot.js and frame.js instantiate it. If it cannot (a host that serves
  // it with another type, say), they load it as before.
  window.riftModule = WebAssembly.compileStreaming(fetch('./rift_bg.wasm')).catch(() => {});
  const root = document.documentElement;
  const hash = location.hash;
  if (/(^#|&)text=large(&|$)/.test(hash)) root.classList.add('rift-large');
  // The link's language if it names one exactly, else the browser's, else
  // English: as the app picks (a link's "lang=de" is reported, not obeyed).
  const known = ['en', 'sq', 'ru'];
  const asked = /(?:^#|&)lang=([^&]*)/.exec(hash)?.[1];
  const browser = (navigator.language ?? '').toLowerCase().split(/[-_]/)[0];
  const lang = known.includes(asked) ? asked : known.includes(browser) ? browser : 'en';
  if (lang === 'en') return;
  root.lang = lang;
  // The timeline waits for that language's texts to draw: fetch them while
  // the module comes.
  const texts = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: `texts-${lang}.txt` });
  texts.crossOrigin = 'anonymous';
  document.head.append(texts);
})();
