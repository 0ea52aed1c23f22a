// Rift's events (open data events.json, or the synthetic ones) in each
// peer's format. Dates are EDTF as Rift reads them (core/src/date.rs): a day,
// month, season (21–24) or year, with ~ ? % qualifiers, or a range a/b; each
// becomes its first day and the day after its last, and the peers get those
// days (a point for a single day, a range for anything wider).

const DAY = 86400000;
const SEASON_FIRST_MONTH = { 21: 3, 22: 6, 23: 9, 24: 12 };

function utc(y, m, d) {
  return Date.UTC(y, m - 1, d);
}

/** One EDTF point: { start, end } in ms (UTC midnight), end exclusive. */
function point(s) {
  const bare = s.replace(/[~?%]+$/, '');
  let m;
  if ((m = /^(\d{4})$/.exec(bare))) {
    const y = +m[1];
    return { start: utc(y, 1, 1), end: utc(y + 1, 1, 1) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(bare))) {
    const [y, mo] = [+m[1], +m[2]];
    if (mo >= 21 && mo <= 24) {
      const first = SEASON_FIRST_MONTH[mo];
      return { start: utc(y, first, 1), end: utc(y, first + 3, 1) };
    }
    return { start: utc(y, mo, 1), end: utc(y, mo + 1, 1) };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(bare))) {
    const t = utc(+m[1], +m[2], +m[3]);
    return { start: t, end: t + DAY };
  }
  throw new Error(`not an EDTF date Rift draws: ${s}`);
}

/** An EDTF date or range: { start, end } in ms, end exclusive. */
export function span(date) {
  const [a, b] = date.split('/');
  const from = point(a);
  return b === undefined ? from : { start: from.start, end: point(b).end };
}

const iso = (t) => new Date(t).toISOString().slice(0, 10);
const ymd = (t) => {
  const d = new Date(t);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** TimelineJS 3 data: { events: [{ start_date, end_date?, text, group }] }. */
export function toTimelineJS(events, lanes) {
  const label = Object.fromEntries(lanes.map((l) => [l.id, l.label]));
  return {
    events: events.map((e) => {
      const { start, end } = span(e.date);
      const item = {
        unique_id: e.id,
        start_date: ymd(start),
        text: { headline: esc(e.title), text: esc(e.summary) },
        group: label[e.lane] ?? e.lane,
      };
      if (end - start > DAY) item.end_date = ymd(end - DAY);
      return item;
    }),
  };
}

/** vis-timeline data: { groups: [{ id, content }], items: [{ id, content, start, end?, group }] }. */
export function toVis(events, lanes) {
  return {
    groups: lanes.map((l, i) => ({ id: l.id, content: esc(l.label), order: i })),
    items: events.map((e) => {
      const { start, end } = span(e.date);
      const item = { id: e.id, content: esc(e.title), start: iso(start), group: e.lane };
      if (end - start > DAY) item.end = iso(end);
      return item;
    }),
  };
}
