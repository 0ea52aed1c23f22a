// The host side of the iframe embed: mirrors the timeline's view in this
// article's own URL (#rift=<the timeline's fragment>), restores it on load
// and on back/forward, and sends "goto" messages from the jump buttons.
const frame = document.getElementById('rift');
const embedBase = new URL(frame.getAttribute('src'), location.href);
embedBase.hash = '';

function ownFragment() {
  const m = location.hash.match(/^#rift=(.*)$/);
  return m ? decodeURIComponent(m[1]) : null;
}

// Restore a shared article link. Setting src works when the frame has not
// started loading; if it has, the change may be lost, so the view is also
// sent as a "goto" when the frame first reports in.
let initial = ownFragment();
if (initial !== null) frame.src = `${embedBase.href}#${initial}`;

function gotoMessage(fragment) {
  const params = new URLSearchParams(fragment);
  const msg = { source: 'rift', type: 'goto' };
  for (const k of ['date', 'span', 'event']) if (params.has(k)) msg[k] = params.get(k);
  return msg;
}

window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow) return;
  const d = e.data;
  if (!d || d.source !== 'rift' || typeof d.fragment !== 'string') return;
  if (initial !== null) {
    const wanted = initial;
    initial = null;
    if (d.fragment !== wanted) {
      frame.contentWindow.postMessage(gotoMessage(wanted), embedBase.origin);
      return;
    }
  }
  if (d.type === 'viewchange' || d.type === 'select') {
    const next = `#rift=${encodeURIComponent(d.fragment)}`;
    if (location.hash !== next) history.replaceState(null, '', next);
    document.body.dataset.lastMessage = JSON.stringify(d);
  }
});

// Back and forward through the article's own history.
window.addEventListener('hashchange', () => {
  const f = ownFragment();
  if (f === null) return;
  frame.contentWindow.postMessage(gotoMessage(f), embedBase.origin);
});

for (const b of document.querySelectorAll('[data-goto-date], [data-goto-event]')) {
  b.addEventListener('click', () => {
    const msg = { source: 'rift', type: 'goto' };
    if (b.dataset.gotoDate) msg.date = b.dataset.gotoDate;
    if (b.dataset.gotoSpan) msg.span = b.dataset.gotoSpan;
    if (b.dataset.gotoEvent) msg.event = b.dataset.gotoEvent;
    frame.contentWindow.postMessage(msg, embedBase.origin);
  });
}
