// A sibling frame on a host page that posts a well-formed goto to the
// timeline's frame: the timeline must ignore it (it takes goto from its
// parent only).
const rift = window.parent.document.getElementById('rift');
rift.contentWindow.postMessage({ source: 'rift', type: 'goto', date: '1950', span: '2y' }, '*');
document.body.dataset.posted = 'yes';
