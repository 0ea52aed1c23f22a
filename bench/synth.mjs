// The synthetic load-test dataset of Rift's `#bench=N`, reimplemented from
// core/src/synth.rs so the peers show exactly the events Rift generates:
// the same SplitMix64 generator (seed 0x5EED), the same draws in the same
// order, the same date strings, ids, titles, lanes and disputes.
// Rift calls it as synth::dataset(n, <the dataset's lanes>, 1948, 1962).

const MASK = (1n << 64n) - 1n;

class Rng {
  constructor(seed) {
    this.s = BigInt(seed) & MASK;
  }
  next() {
    this.s = (this.s + 0x9e3779b97f4a7c15n) & MASK;
    let z = this.s;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  }
  below(n) {
    return Number(this.next() % BigInt(n));
  }
}

const p2 = (n) => String(n).padStart(2, '0');

/** `n` synthetic events in `lanes` (ids, in dataset order), like synth::dataset. */
export function synthEvents(n, lanes, firstYear = 1948, lastYear = 1962) {
  const rng = new Rng(0x5eed);
  const years = Math.max(lastYear - firstYear + 1, 1);
  if (lanes.length === 0) lanes = ['synthetic'];
  const events = new Array(n);
  for (let i = 0; i < n; i++) {
    const y = firstYear + rng.below(years);
    const m = 1 + rng.below(12);
    const d = 1 + rng.below(28);
    const k = rng.below(20);
    let date;
    if (k === 0) date = `${y}`;
    else if (k === 1) date = `${y}-${p2(m)}~`;
    else if (k <= 4) date = `${y}-${p2(m)}`;
    else if (k === 5) date = `${y}-${p2(m)}-${p2(d)}/${y}-${p2(m)}-${p2(Math.min(d + 1 + rng.below(10), 28))}`;
    else if (k === 6) date = `${y}-${p2(m)}-${p2(d)}?`;
    else date = `${y}-${p2(m)}-${p2(d)}`;
    events[i] = {
      id: `synthetic-${i}`,
      lane: lanes[i % lanes.length],
      date,
      title: `Synthetic event ${i}`,
      summary: 'Generated for a load test; not history.',
      disputed: i % 17 === 0 ? 'Generated disagreement.' : null,
    };
  }
  return events;
}

// `node synth.mjs N` prints the N events as JSON lines (id, lane, date).
if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 10);
  const lanes = (process.argv[3] ?? 'soviet-albanian,soviet-yugoslav,bloc-context').split(',');
  for (const e of synthEvents(n, lanes)) console.log(`${e.id}\t${e.lane}\t${e.date}`);
}
