//! Axis ticks: a ladder of calendar intervals from decades down to days, the
//! finest one whose labels fit, and labels named by the coarsest calendar
//! boundary each tick falls on ("1960", "Nov", "Nov 1960", "12").

use crate::date::{month_start, ymd, Day};
use crate::i18n::{calendar, Lang};
use crate::viewport::Viewport;

/// A step of the tick ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interval {
    Years(i32),
    Months(i32),
    /// Days of the month `1, 1+k, 1+2k, …` (as d3's `timeDay.every(k)`).
    Days(u32),
}

/// The ladder, coarsest first.
pub const LADDER: [Interval; 12] = [
    Interval::Years(10),
    Interval::Years(5),
    Interval::Years(2),
    Interval::Years(1),
    Interval::Months(6),
    Interval::Months(3),
    Interval::Months(2),
    Interval::Months(1),
    Interval::Days(7),
    Interval::Days(3),
    Interval::Days(2),
    Interval::Days(1),
];

impl Interval {
    /// Shortest gap between two ticks of this interval, in days.
    fn min_gap_days(self) -> f64 {
        match self {
            Interval::Years(n) => 365.0 * n as f64,
            Interval::Months(n) => 28.0 * n as f64,
            // The last tick of a month can sit close to the next month's
            // first: those pairs are thinned after the fact.
            Interval::Days(n) => n as f64,
        }
    }
}

/// How prominent a tick is: the boundary it falls on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Year,
    Month,
    Day,
}

/// One labelled tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: Day,
    pub level: Level,
    pub label: String,
}

/// Width in pixels a label needs, including the gap to the next one.
pub fn label_px(label: &str, char_px: f64) -> f64 {
    label.chars().count() as f64 * char_px + 14.0
}

/// The widest label an interval can produce.
fn widest_label(interval: Interval) -> usize {
    match interval {
        Interval::Years(_) => 4,  // "1960"
        Interval::Months(_) => 4, // "1960" / "Nov"
        Interval::Days(_) => 8,   // "Nov 1960" at a month start
    }
}

/// The finest interval whose labels fit at this zoom.
pub fn choose(view: &Viewport, width: f64, char_px: f64) -> Interval {
    let ppd = view.px_per_day(width);
    LADDER
        .iter()
        .rev()
        .copied()
        .find(|i| i.min_gap_days() * ppd >= widest_label(*i) as f64 * char_px + 14.0)
        .unwrap_or(Interval::Years(10))
}

fn label_for(day: Day, interval: Interval, lang: Lang) -> (Level, String) {
    let (y, m, d) = ymd(day);
    if m == 1 && d == 1 {
        (Level::Year, y.to_string())
    } else if d == 1 {
        let month = calendar(lang).short[m as usize - 1];
        match interval {
            Interval::Days(_) => (Level::Month, format!("{month} {y}")),
            _ => (Level::Month, month.to_string()),
        }
    } else {
        (Level::Day, d.to_string())
    }
}

/// Tick days of `interval` from `first` to `last` inclusive.
fn tick_days(interval: Interval, first: Day, last: Day) -> Vec<Day> {
    let mut out = Vec::new();
    let (y0, m0, _) = ymd(first);
    match interval {
        Interval::Years(n) => {
            let mut y = y0.div_euclid(n) * n;
            loop {
                let d = month_start(y, 1, 0);
                if d > last {
                    break;
                }
                if d >= first {
                    out.push(d);
                }
                y += n;
            }
        }
        Interval::Months(n) => {
            // Months whose index from January is a multiple of n.
            let mut k = 0;
            loop {
                let d = month_start(y0, 1, (m0 as i32 - 1) / n * n + k * n);
                if d > last {
                    break;
                }
                if d >= first {
                    out.push(d);
                }
                k += 1;
            }
        }
        Interval::Days(n) => {
            let mut month = 0;
            loop {
                let ms = month_start(y0, m0, month);
                if ms > last {
                    break;
                }
                let next = month_start(y0, m0, month + 1);
                let mut d = ms;
                while d < next && d <= last {
                    if d >= first {
                        out.push(d);
                    }
                    d += n as Day;
                }
                month += 1;
            }
        }
    }
    out
}

/// The labelled ticks of a window `width` pixels wide, with labels that
/// never overlap when each character takes `char_px` pixels.
pub fn ticks(view: &Viewport, width: f64, char_px: f64, lang: Lang) -> Vec<Tick> {
    ticks_of(choose(view, width, char_px), view, width, char_px, lang)
}

/// [`ticks`] at an interval already chosen.
fn ticks_of(
    interval: Interval,
    view: &Viewport,
    width: f64,
    char_px: f64,
    lang: Lang,
) -> Vec<Tick> {
    if !(width > 0.0 && view.span() > 0.0) {
        return Vec::new();
    }
    let days = tick_days(interval, view.first_day(), view.last_day());
    let mut out: Vec<(f64, Tick)> = Vec::with_capacity(days.len());
    for day in days {
        let (level, label) = label_for(day, interval, lang);
        let x = view.to_px(day as f64, width);
        let tick = Tick { day, level, label };
        // Thin: a tick too close to the previous one gives way to the
        // coarser of the two (the month start beats the 29th).
        if let Some((px, prev)) = out.last() {
            if x - px < label_px(&prev.label, char_px) {
                if tick.level < prev.level {
                    out.pop();
                } else {
                    continue;
                }
            }
        }
        out.push((x, tick));
    }
    out.into_iter().map(|(_, t)| t).collect()
}

/// The axis of the timeline: its ticks, and where the ticks are days or
/// months, the month or year the window's left edge is in, held at the
/// left edge (as vis-timeline holds its first major label) so that a reader
/// zoomed in to a week still reads which month and year it is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Axis {
    /// "Nov 1960" among day ticks, "1960" among month ticks.
    pub context: Option<String>,
    /// The ticks; a tick whose label would sit under the context keeps its
    /// line and loses its label (an empty one).
    pub ticks: Vec<Tick>,
}

/// The axis of a window `width` pixels wide (see [`Axis`]). The context
/// gives way where a tick of its own level or coarser (the next month's or
/// year's label) would sit under it. A tick left of the edge keeps its
/// line but not its label, which the edge would cut ("ct 1956"): where
/// the ticks are days or months, the context names what it named.
pub fn axis(view: &Viewport, width: f64, char_px: f64, lang: Lang) -> Axis {
    let interval = choose(view, width, char_px);
    let mut ticks = ticks_of(interval, view, width, char_px, lang);
    if ticks.is_empty() {
        return Axis::default();
    }
    let px = |t: &Tick| view.to_px(t.day as f64, width);
    // A label that would be cut by an edge is not shown: left of the left
    // edge the context names the month or year; past the right edge the
    // next tick's line stands alone ("196" is no year).
    for t in ticks
        .iter_mut()
        .filter(|t| px(t) < 0.0 || px(t) + label_px(&t.label, char_px) - 4.0 > width)
    {
        t.label.clear();
    }
    let (y, m, _) = ymd(view.first_day());
    let (context, level) = match interval {
        Interval::Years(_) => {
            return Axis {
                context: None,
                ticks,
            };
        }
        Interval::Months(_) => (y.to_string(), Level::Year),
        Interval::Days(_) => {
            let month = calendar(lang).short[m as usize - 1];
            (format!("{month} {y}"), Level::Month)
        }
    };
    let room = label_px(&context, char_px);
    // A tick of the context's level left of the edge starts the month or
    // year the context names; one from the edge on starts the next.
    if ticks
        .iter()
        .any(|t| (0.0..room).contains(&px(t)) && t.level <= level)
    {
        return Axis {
            context: None,
            ticks,
        };
    }
    for t in ticks.iter_mut().filter(|t| px(t) < room) {
        t.label.clear();
    }
    Axis {
        context: Some(context),
        ticks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::day_from_ymd;
    use crate::viewport::{Bounds, Viewport};

    const CHAR: f64 = 7.5;

    fn d(year: i32, month: u32, day: u32) -> Day {
        day_from_ymd(year, month, day).expect("valid date")
    }

    fn bounds() -> Bounds {
        Bounds::around(d(1948, 1, 1), d(1962, 12, 31))
    }

    fn assert_no_overlap(view: &Viewport, width: f64) -> Vec<Tick> {
        let ts = ticks(view, width, CHAR, Lang::En);
        for pair in ts.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let gap = view.to_px(b.day as f64, width) - view.to_px(a.day as f64, width);
            assert!(
                gap >= label_px(&a.label, CHAR),
                "{} and {} overlap ({gap:.1}px) at span {}",
                a.label,
                b.label,
                view.span()
            );
        }
        ts
    }

    #[test]
    fn the_whole_range_shows_years() {
        let b = bounds();
        let ts = assert_no_overlap(&b.full(), 1200.0);
        let labels: Vec<&str> = ts.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"1948"));
        assert!(labels.contains(&"1960"));
        assert!(ts.iter().all(|t| t.level == Level::Year));
    }

    #[test]
    fn a_phone_shows_fewer_years() {
        let b = bounds();
        let ts = assert_no_overlap(&b.full(), 320.0);
        assert!(ts.len() >= 2 && ts.len() <= 8, "{}", ts.len());
    }

    #[test]
    fn a_year_shows_months_with_the_year_at_january() {
        let b = bounds();
        let v = Viewport::centered(d(1961, 1, 1) as f64, 365.0, &b);
        let ts = assert_no_overlap(&v, 1200.0);
        let labels: Vec<&str> = ts.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"1961"), "{labels:?}");
        assert!(labels.contains(&"Nov"), "{labels:?}");
    }

    #[test]
    fn a_week_shows_days_and_names_the_month() {
        let b = bounds();
        let v = Viewport {
            start: d(1960, 10, 29) as f64,
            end: d(1960, 11, 5) as f64,
        };
        let ts = assert_no_overlap(&v, 1200.0);
        let labels: Vec<&str> = ts.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(choose(&v, 1200.0, CHAR), Interval::Days(1));
        assert!(labels.contains(&"Nov 1960"), "{labels:?}");
        assert!(labels.contains(&"30"), "{labels:?}");
        let _ = b;
    }

    fn week(first: Day, last: Day) -> Viewport {
        Viewport {
            start: first as f64,
            end: last as f64 + 1.0,
        }
    }

    #[test]
    fn a_week_inside_a_month_names_it_at_the_left_edge() {
        let v = week(d(1960, 11, 9), d(1960, 11, 19));
        let a = axis(&v, 390.0, CHAR, Lang::En);
        assert_eq!(a.context.as_deref(), Some("Nov 1960"));
        // No tick label of the month anywhere: only the context names it.
        assert!(a.ticks.iter().all(|t| t.level == Level::Day));
        let room = label_px("Nov 1960", CHAR);
        for t in &a.ticks {
            let x = v.to_px(t.day as f64, 390.0);
            assert_eq!(t.label.is_empty(), x < room, "{t:?} at {x:.1}px");
        }
        assert!(a.ticks.iter().any(|t| !t.label.is_empty()));
        let ru = axis(&v, 390.0, CHAR, Lang::Ru);
        assert_eq!(ru.context.as_deref(), Some("ноя 1960"));
    }

    #[test]
    fn the_context_gives_way_to_the_next_month_at_the_edge() {
        // 1 December sits a few pixels from the left edge: its own label
        // names the month, and a context "Nov 1960" would cover it.
        let v = Viewport {
            start: d(1960, 11, 30) as f64 + 0.9,
            end: d(1960, 12, 10) as f64,
        };
        let a = axis(&v, 1200.0, CHAR, Lang::En);
        assert_eq!(a.context, None);
        // The ticks as they are, but for 30 November's left of the edge.
        let all = ticks(&v, 1200.0, CHAR, Lang::En);
        assert_eq!(a.ticks.len(), all.len());
        for (t, u) in a.ticks.iter().zip(&all) {
            let left = v.to_px(u.day as f64, 1200.0) < 0.0;
            assert_eq!(t.label.is_empty(), left || u.label.is_empty(), "{u:?}");
        }
        assert!(a.ticks.iter().any(|t| t.label == "Dec 1960"));
    }

    #[test]
    fn a_month_begun_just_left_of_the_edge_is_named_by_the_context() {
        // 1 October 1956 a few pixels left of the edge: its label would be
        // cut to "ct 1956"; the context names the month whole.
        let v = Viewport {
            start: d(1956, 10, 1) as f64 + 0.3,
            end: d(1956, 10, 31) as f64 + 0.3,
        };
        let a = axis(&v, 1280.0, CHAR, Lang::En);
        assert_eq!(a.context.as_deref(), Some("Oct 1956"));
        let first = &a.ticks[0];
        assert!(v.to_px(first.day as f64, 1280.0) < 0.0);
        assert_eq!(first.label, "");
    }

    #[test]
    fn months_are_given_their_year_and_years_need_nothing() {
        let b = bounds();
        let v = Viewport::centered(d(1960, 6, 1) as f64, 200.0, &b);
        let a = axis(&v, 1200.0, CHAR, Lang::En);
        assert_eq!(choose(&v, 1200.0, CHAR), Interval::Months(1));
        assert_eq!(a.context.as_deref(), Some("1960"));
        let full = axis(&b.full(), 1200.0, CHAR, Lang::En);
        assert_eq!(full.context, None);
        assert_eq!(full.ticks, ticks(&b.full(), 1200.0, CHAR, Lang::En));
    }

    #[test]
    fn the_context_and_the_labels_never_overlap_at_any_zoom() {
        let b = bounds();
        for width in [320.0, 390.0, 1280.0] {
            let mut v = b.full();
            let anchor = d(1960, 11, 14) as f64;
            while v.span() > 7.5 {
                let a = axis(&v, width, CHAR, Lang::En);
                // No label is cut by the left edge, nor by the right.
                for t in a.ticks.iter().filter(|t| !t.label.is_empty()) {
                    assert!(v.to_px(t.day as f64, width) >= 0.0, "{} cut", t.label);
                    let end =
                        v.to_px(t.day as f64, width) + 5.0 + t.label.chars().count() as f64 * CHAR;
                    assert!(end <= width, "{} cut at the right", t.label);
                }
                if let Some(c) = &a.context {
                    let room = label_px(c, CHAR);
                    for t in a.ticks.iter().filter(|t| !t.label.is_empty()) {
                        assert!(v.to_px(t.day as f64, width) >= room, "{c} over {}", t.label);
                    }
                }
                v = v.zoom_at(anchor, 1.3, &b);
            }
        }
    }

    #[test]
    fn labels_never_overlap_at_any_zoom_or_width() {
        let b = bounds();
        for width in [320.0, 375.0, 768.0, 1280.0, 1920.0] {
            let mut v = b.full();
            let anchor = d(1960, 11, 14) as f64;
            while v.span() > 7.5 {
                assert_no_overlap(&v, width);
                v = v.zoom_at(anchor, 1.13, &b);
            }
            assert_no_overlap(&v, width);
        }
    }

    #[test]
    fn intervals_get_finer_as_we_zoom() {
        let b = bounds();
        let mut v = b.full();
        let mut last = 0usize;
        let anchor = d(1960, 11, 14) as f64;
        while v.span() > 7.5 {
            let i = choose(&v, 1000.0, CHAR);
            let idx = LADDER.iter().position(|x| *x == i).unwrap();
            assert!(idx >= last, "interval went coarser while zooming in");
            last = idx;
            v = v.zoom_at(anchor, 1.2, &b);
        }
        assert_eq!(LADDER[last], Interval::Days(1));
    }

    #[test]
    fn nothing_for_an_empty_screen() {
        assert!(ticks(&bounds().full(), 0.0, CHAR, Lang::En).is_empty());
    }
}
