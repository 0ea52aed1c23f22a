// Arms the fault asked for in this page's address on the first timeline,
// then loads the embed script of the build with forced faults.
const kind = new URLSearchParams(location.search).get('fault');
if (kind) document.getElementById('first').setAttribute('data-fault', kind);
window.riftErrors = [];
document.addEventListener('rift:error', (e) => window.riftErrors.push({ id: e.target.id, message: e.detail.message }));
await import('/faults/embed.js');
