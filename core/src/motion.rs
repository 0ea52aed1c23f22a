//! Moving the window: what a key, a wheel, a drag or a pinch asks for, the
//! eased path from one window to the next, and bringing an event into view.
//! Every function maps a [`Viewport`] to the next one, clamped to the
//! [`Bounds`]; the view only forwards input here.

use crate::viewport::{wheel_factor, Bounds, Viewport, STEP_FACTOR};

/// How long an eased move takes, in milliseconds.
pub const EASE_MS: f64 = 260.0;

/// The window a fraction `t` (0 to 1) of the way from `from` to `to`:
/// ease-out cubic in time; the span changes geometrically, so a zoom feels
/// even at every scale. `t` outside 0..=1 is clamped.
pub fn ease(from: &Viewport, to: &Viewport, t: f64) -> Viewport {
    let t = if t.is_nan() {
        1.0
    } else {
        crate::css::clamp(t, 0.0, 1.0)
    };
    if t >= 1.0 {
        return *to;
    }
    let e = 1.0 - (1.0 - t).powi(3);
    let ratio = to.span() / from.span();
    let span = if ratio.is_finite() && ratio > 0.0 {
        // ratio^e, as 2^(e·log2 ratio): the module already has 2^x for the
        // wheel, and a logarithm weighs less than a general power.
        from.span() * (e * ratio.log2()).exp2()
    } else {
        to.span()
    };
    let center = from.center() + (to.center() - from.center()) * e;
    Viewport {
        start: center - span / 2.0,
        end: center + span / 2.0,
    }
}

/// What a key or a toolbar button asks of the window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    /// Zoom by a factor around the middle (above 1 zooms in).
    Zoom(f64),
    /// Pan by a fraction of the window (positive: later).
    Pan(f64),
    /// The same span at the start of the range.
    Home,
    /// The same span at the end of the range.
    End,
    /// The whole range.
    All,
}

impl Step {
    /// The step a key asks for (`shift` pans by half a window), or `None`
    /// for a key that is not the timeline's.
    pub fn of_key(key: &str, shift: bool) -> Option<Step> {
        Some(match key {
            "+" | "=" => Step::Zoom(STEP_FACTOR),
            "-" | "_" => Step::Zoom(1.0 / STEP_FACTOR),
            "ArrowLeft" => Step::Pan(if shift { -0.5 } else { -0.1 }),
            "ArrowRight" => Step::Pan(if shift { 0.5 } else { 0.1 }),
            "Home" => Step::Home,
            "End" => Step::End,
            "0" => Step::All,
            _ => return None,
        })
    }

    /// Where the step leads from `from` (the goal of a running move, so
    /// quick presses add up).
    pub fn apply(self, from: &Viewport, b: &Bounds) -> Viewport {
        match self {
            Step::Zoom(f) => from.zoom_at(from.center(), f, b),
            Step::Pan(f) => from.pan(from.span() * f, b),
            Step::Home => Viewport {
                start: b.min,
                end: b.min + from.span(),
            }
            .clamped(b),
            Step::End => Viewport {
                start: b.max - from.span(),
                end: b.max,
            }
            .clamped(b),
            Step::All => b.full(),
        }
    }
}

/// A wheel event, as the browser reports it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Wheel {
    pub delta_x: f64,
    pub delta_y: f64,
    /// 0 pixels, 1 lines, 2 pages.
    pub delta_mode: u32,
    /// Ctrl held (a trackpad pinch arrives so).
    pub ctrl: bool,
    /// Pointer x from the left of the drawing area.
    pub x: f64,
}

/// Whether a width or a distance can be divided by.
fn usable(x: f64) -> bool {
    x.is_finite() && x > 0.0
}

/// Pixels in one wheel "line".
const LINE_PX: f64 = 20.0;

/// The window after a wheel event on an area `width` pixels wide: a mostly
/// horizontal wheel pans, anything else zooms around the pointer.
pub fn wheel(v: &Viewport, w: Wheel, width: f64, b: &Bounds) -> Viewport {
    if !usable(width) {
        return *v;
    }
    if w.delta_x.abs() > w.delta_y.abs() && !w.ctrl {
        let unit = if w.delta_mode == 1 { LINE_PX } else { 1.0 };
        v.pan(w.delta_x * unit / v.px_per_day(width), b)
    } else {
        let anchor = v.from_px(w.x, width);
        v.zoom_at(anchor, wheel_factor(w.delta_y, w.delta_mode, w.ctrl), b)
    }
}

/// A drag of `dx` pixels (positive: to the right, so earlier days come in)
/// from the window `origin` the gesture started with.
pub fn drag(origin: &Viewport, dx: f64, width: f64, b: &Bounds) -> Viewport {
    if !usable(width) || !dx.is_finite() {
        return *origin;
    }
    origin.pan(-dx / origin.px_per_day(width), b)
}

/// A two-finger pinch, computed from the window and the fingers at the
/// gesture's start (as vis-timeline does), so it never drifts: the day that
/// was under the fingers' midpoint `from.1` stays under the midpoint now,
/// and the span scales by the ratio of the distances. Distances and
/// midpoints are `(distance, midpoint x)` in pixels.
pub fn pinch(
    start: &Viewport,
    from: (f64, f64),
    to: (f64, f64),
    width: f64,
    b: &Bounds,
) -> Viewport {
    let (d0, m0) = from;
    let (d1, m1) = to;
    if !([width, d0, d1].into_iter().all(usable) && m0.is_finite() && m1.is_finite()) {
        return *start;
    }
    let anchor = start.from_px(m0, width);
    let span = crate::css::clamp(start.span() * d0 / d1, b.min_span, b.max_span());
    let left = anchor - m1 / width * span;
    Viewport {
        start: left,
        end: left + span,
    }
    .clamped(b)
}

/// Where to move so that `[start, end)` (an event's days) is well inside
/// the part of the window `goal` (where the window is heading) that the
/// reader sees, or `None` if it already is. `seen` is that part's share of
/// the window's width from its left edge: 1 with nothing over the window,
/// less where the popover stands over its right side
/// ([`clear_of_popover`]). The event's middle goes to the middle of that
/// part. Keeps the zoom where the event fits, widens it where it does not,
/// and narrows it where the end of the timeline would hold the event under
/// the popover.
pub fn reveal(goal: &Viewport, start: f64, end: f64, b: &Bounds, seen: f64) -> Option<Viewport> {
    let seen = seen_share(seen);
    let margin = goal.span() * seen * 0.08;
    if start >= goal.start + margin && end <= goal.start + goal.span() * seen - margin {
        return None;
    }
    Some(place(goal.span(), start, end, b, seen))
}

/// `seen` as [`reveal`] and [`place`] take it: a quarter of the window at
/// least, and the whole window where it is not a number.
fn seen_share(seen: f64) -> f64 {
    if seen.is_finite() {
        crate::css::clamp(seen, 0.25, 1.0)
    } else {
        1.0
    }
}

/// A window about `span` days wide with `[start, end)` in the middle of
/// the part `seen` (as in [`reveal`]): widened where the event would not
/// fit that part with a margin, narrowed where the end of the timeline
/// would hold the event under the popover.
pub fn place(span: f64, start: f64, end: f64, b: &Bounds, seen: f64) -> Viewport {
    let seen = seen_share(seen);
    let mid = (start + end) / 2.0;
    let needed = (end - start) * 1.3 / seen;
    let mut span = span.max(needed);
    // The window ends at the bound at most: there, the event's middle is
    // at the seen part's middle only if the window is no wider than this.
    let room = (b.max - mid) / (1.0 - seen / 2.0);
    if seen < 1.0 && span > room {
        span = room.max(needed).max(b.min_span);
    }
    let left = mid - span * seen / 2.0;
    Viewport {
        start: left,
        end: left + span,
    }
    .clamped(b)
}

/// The share of a window `width` pixels wide, from its left edge, that the
/// popover leaves clear: it opens on the right, 460 pixels wide (620 in
/// large text) and 16 from the edge (assets/rift.css, `.popover`); a
/// compact instance shows it as a sheet at the bottom, clear of the dates.
pub fn clear_of_popover(width: f64, large: bool, compact: bool) -> f64 {
    if compact || width.is_nan() || width <= 0.0 {
        return 1.0;
    }
    let popover: f64 = if large { 620.0 } else { 460.0 };
    let covered = (popover + 16.0).min(width);
    (width - covered) / width
}

/// Where a count marker covering the days `[start, end)` zooms to: its
/// members with a margin, and at least twofold so they can separate.
pub fn into_cluster(v: &Viewport, start: f64, end: f64, b: &Bounds) -> Viewport {
    let span = ((end - start) * 1.25).min(v.span() / 2.0).max(b.min_span);
    Viewport::centered((start + end) / 2.0, span, b)
}

/// What part of the overview brush is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grab {
    /// The brush itself: it moves.
    Move,
    /// Its left edge: the start moves.
    Start,
    /// Its right edge: the end moves.
    End,
}

/// The window while the overview brush is dragged: `v0` when the grab
/// began at day `origin`, the pointer now over day `day`. An edge never
/// passes the other edge closer than the narrowest window.
pub fn brush(grab: Grab, v0: &Viewport, origin: f64, day: f64, b: &Bounds) -> Viewport {
    if !day.is_finite() {
        return *v0;
    }
    match grab {
        Grab::Move => v0.pan(day - origin, b),
        Grab::Start => Viewport {
            start: day.min(v0.end - b.min_span).max(b.min),
            end: v0.end,
        },
        Grab::End => Viewport {
            start: v0.start,
            end: day.max(v0.start + b.min_span).min(b.max),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::day_from_ymd;

    fn bounds() -> Bounds {
        Bounds::around(
            day_from_ymd(1948, 1, 1).unwrap(),
            day_from_ymd(1962, 12, 31).unwrap(),
        )
    }

    fn day(y: i32, m: u32, d: u32) -> f64 {
        day_from_ymd(y, m, d).unwrap() as f64
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    fn june_1961() -> Viewport {
        Viewport {
            start: day(1961, 6, 1),
            end: day(1961, 7, 1),
        }
    }

    #[test]
    fn easing_starts_at_from_ends_at_to_and_moves_monotonically() {
        let from = bounds().full();
        let to = june_1961();
        assert_eq!(ease(&from, &to, 0.0), from);
        assert_eq!(ease(&from, &to, 1.0), to);
        assert_eq!(ease(&from, &to, 7.0), to);
        let mut last = from.span();
        for k in 1..10 {
            let v = ease(&from, &to, k as f64 / 10.0);
            assert!(v.span() < last, "the span shrinks at every step");
            last = v.span();
        }
        // Ease-out: more than half the (geometric) way at half the time.
        let half = ease(&from, &to, 0.5);
        assert!(half.span() < (from.span() * to.span()).sqrt());
    }

    #[test]
    fn easing_survives_a_degenerate_window() {
        let to = june_1961();
        let zero = Viewport {
            start: to.start,
            end: to.start,
        };
        let v = ease(&zero, &to, 0.5);
        assert!(v.start.is_finite() && v.end.is_finite());
        assert_eq!(ease(&to, &to, f64::NAN), to);
    }

    #[test]
    fn keys_map_to_steps() {
        assert_eq!(Step::of_key("+", false), Some(Step::Zoom(STEP_FACTOR)));
        assert_eq!(Step::of_key("=", false), Some(Step::Zoom(STEP_FACTOR)));
        assert_eq!(
            Step::of_key("-", false),
            Some(Step::Zoom(1.0 / STEP_FACTOR))
        );
        assert_eq!(Step::of_key("ArrowLeft", false), Some(Step::Pan(-0.1)));
        assert_eq!(Step::of_key("ArrowRight", true), Some(Step::Pan(0.5)));
        assert_eq!(Step::of_key("Home", false), Some(Step::Home));
        assert_eq!(Step::of_key("0", false), Some(Step::All));
        assert_eq!(Step::of_key("a", false), None);
        assert_eq!(Step::of_key("Enter", false), None);
    }

    #[test]
    fn home_and_end_keep_the_span_at_the_bounds() {
        let b = bounds();
        let v = june_1961();
        let home = Step::Home.apply(&v, &b);
        assert_eq!(home.start, b.min);
        assert!(close(home.span(), v.span()));
        let end = Step::End.apply(&v, &b);
        assert_eq!(end.end, b.max);
        assert!(close(end.span(), v.span()));
        assert_eq!(Step::All.apply(&v, &b), b.full());
    }

    #[test]
    fn zoom_steps_keep_the_middle_and_pan_steps_move_by_a_fraction() {
        let b = bounds();
        let v = june_1961();
        let z = Step::Zoom(STEP_FACTOR).apply(&v, &b);
        assert!(close(z.center(), v.center()));
        assert!(close(z.span(), v.span() / STEP_FACTOR));
        let p = Step::Pan(0.5).apply(&v, &b);
        assert!(close(p.start - v.start, v.span() * 0.5));
        // At the start of the range a pan left stays put.
        let at_home = Step::Home.apply(&v, &b);
        assert_eq!(Step::Pan(-0.1).apply(&at_home, &b), at_home);
    }

    #[test]
    fn a_horizontal_wheel_pans_by_its_pixels() {
        let b = bounds();
        let v = june_1961();
        let w = Wheel {
            delta_x: 100.0,
            delta_y: 3.0,
            ..Wheel::default()
        };
        let next = wheel(&v, w, 1000.0, &b);
        assert!(close(next.start - v.start, 100.0 / v.px_per_day(1000.0)));
        assert!(close(next.span(), v.span()));
        // Lines are 20 pixels.
        let lines = wheel(
            &v,
            Wheel {
                delta_x: 5.0,
                delta_mode: 1,
                ..Wheel::default()
            },
            1000.0,
            &b,
        );
        assert!(close(lines.start - v.start, 100.0 / v.px_per_day(1000.0)));
    }

    #[test]
    fn a_vertical_wheel_zooms_around_the_pointer() {
        let b = bounds();
        let v = june_1961();
        let x = 250.0;
        let under = v.from_px(x, 1000.0);
        let next = wheel(
            &v,
            Wheel {
                delta_y: -100.0,
                x,
                ..Wheel::default()
            },
            1000.0,
            &b,
        );
        assert!(next.span() < v.span());
        assert!(close(next.from_px(x, 1000.0), under));
        // With ctrl (a trackpad pinch) a horizontal delta zooms too.
        let pinch = wheel(
            &v,
            Wheel {
                delta_x: 50.0,
                delta_y: -10.0,
                ctrl: true,
                x,
                ..Wheel::default()
            },
            1000.0,
            &b,
        );
        assert!(pinch.span() < v.span());
    }

    #[test]
    fn gestures_on_a_zero_width_area_change_nothing() {
        let b = bounds();
        let v = june_1961();
        let w = Wheel {
            delta_y: -100.0,
            ..Wheel::default()
        };
        assert_eq!(wheel(&v, w, 0.0, &b), v);
        assert_eq!(wheel(&v, w, f64::NAN, &b), v);
        assert_eq!(drag(&v, 50.0, 0.0, &b), v);
        assert_eq!(pinch(&v, (100.0, 50.0), (200.0, 50.0), 0.0, &b), v);
        assert_eq!(pinch(&v, (0.0, 50.0), (200.0, 50.0), 500.0, &b), v);
    }

    #[test]
    fn a_drag_moves_the_window_with_the_pointer() {
        let b = bounds();
        let v = june_1961();
        let moved = drag(&v, -250.0, 1000.0, &b);
        assert!(close(moved.start - v.start, v.span() * 0.25));
        assert!(close(moved.span(), v.span()));
    }

    #[test]
    fn a_pinch_keeps_the_day_under_the_fingers_and_does_not_drift() {
        let b = bounds();
        let start = june_1961();
        let width = 800.0;
        let under = start.from_px(300.0, width);
        // Fingers twice as far apart, midpoint moved 40 px to the right.
        let v = pinch(&start, (100.0, 300.0), (200.0, 340.0), width, &b);
        assert!(close(v.span(), start.span() / 2.0));
        assert!(close(v.from_px(340.0, width), under));
        // The same end position reached through many small moves gives the
        // same window: it depends only on the start and the fingers now.
        let mut last = start;
        for k in 1..=50 {
            let t = k as f64 / 50.0;
            last = pinch(
                &start,
                (100.0, 300.0),
                (100.0 + 100.0 * t, 300.0 + 40.0 * t),
                width,
                &b,
            );
        }
        assert!(close(last.start, v.start) && close(last.end, v.end));
    }

    #[test]
    fn a_pinch_clamps_at_the_narrowest_window() {
        let b = bounds();
        let v = pinch(&june_1961(), (10.0, 400.0), (1000.0, 400.0), 800.0, &b);
        assert!(close(v.span(), b.min_span));
    }

    #[test]
    fn reveal_judges_by_the_goal_not_the_current_window() {
        let b = bounds();
        let goal = june_1961();
        let inside = (day(1961, 6, 14), day(1961, 6, 15));
        assert_eq!(reveal(&goal, inside.0, inside.1, &b, 1.0), None);
        // Near the edge (inside the 8% margin): recentred, same zoom.
        let edge = (day(1961, 6, 1), day(1961, 6, 2));
        let v = reveal(&goal, edge.0, edge.1, &b, 1.0).expect("moves");
        assert!(close(v.span(), goal.span()));
        assert!(close(v.center(), (edge.0 + edge.1) / 2.0));
        // Far away and long: the window widens to hold it.
        let long = (day(1957, 1, 1), day(1960, 1, 1));
        let v = reveal(&goal, long.0, long.1, &b, 1.0).expect("moves");
        assert!(v.start <= long.0 && v.end >= long.1);
    }

    #[test]
    fn reveal_at_a_bound_stays_inside_the_bounds() {
        let b = bounds();
        let v = reveal(&june_1961(), b.min, b.min + 1.0, &b, 1.0).expect("moves");
        assert_eq!(v.start, b.min);
        assert!(v.start <= b.min + 1.0);
    }

    #[test]
    fn reveal_brings_an_event_out_from_under_the_popover() {
        let b = bounds();
        let goal = june_1961();
        let seen = clear_of_popover(1280.0, false, false);
        assert!(close(seen, (1280.0 - 476.0) / 1280.0));
        // In view, but where the popover will stand: it moves left of it,
        // at the same zoom, to the middle of what is seen.
        let late = (day(1961, 6, 24), day(1961, 6, 25));
        assert_eq!(reveal(&goal, late.0, late.1, &b, 1.0), None);
        let v = reveal(&goal, late.0, late.1, &b, seen).expect("moves");
        assert!(close(v.span(), goal.span()));
        let at = (late.0 + late.1) / 2.0;
        assert!(close((at - v.start) / v.span(), seen / 2.0));
        // Left of the popover already: nothing moves.
        let early = (day(1961, 6, 6), day(1961, 6, 7));
        assert_eq!(reveal(&goal, early.0, early.1, &b, seen), None);
        // The whole range, an event of early 1961: the window cannot move
        // right, so it narrows until the event stands clear of the popover.
        let full = b.full();
        let e = (day(1961, 1, 1), day(1961, 2, 1));
        let v = reveal(&full, e.0, e.1, &b, seen).expect("moves");
        assert!(v.end <= b.max + 1e-6 && v.span() < full.span());
        let x = |d: f64| (d - v.start) / v.span();
        assert!(x(e.0) >= seen * 0.08 - 1e-9, "{}", x(e.0));
        assert!(x(e.1) <= seen * 0.92 + 1e-9, "{}", x(e.1));
        // A phone's bottom sheet covers no dates; nor does a narrow window
        // lose more than three quarters.
        assert_eq!(clear_of_popover(390.0, false, true), 1.0);
        assert!(close(
            clear_of_popover(1280.0, true, false),
            (1280.0 - 636.0) / 1280.0
        ));
        assert_eq!(clear_of_popover(0.0, false, false), 1.0);
    }

    #[test]
    fn a_count_marker_zooms_at_least_twofold_onto_its_members() {
        let b = bounds();
        let v = june_1961();
        // Members spread over the whole window: zoom in twofold anyway.
        let c = into_cluster(&v, v.start, v.end, &b);
        assert!(close(c.span(), v.span() / 2.0));
        // Members a day apart: no narrower than the narrowest window.
        let c = into_cluster(&v, day(1961, 6, 10), day(1961, 6, 11), &b);
        assert!(close(c.span(), b.min_span));
        assert!(c.start <= day(1961, 6, 10) && c.end >= day(1961, 6, 11));
    }

    #[test]
    fn the_brush_moves_and_its_edges_resize_within_limits() {
        let b = bounds();
        let v = june_1961();
        let moved = brush(Grab::Move, &v, v.start, v.start + 10.0, &b);
        assert!(close(moved.start - v.start, 10.0));
        let wider = brush(Grab::Start, &v, v.start, v.start - 30.0, &b);
        assert_eq!((wider.start, wider.end), (v.start - 30.0, v.end));
        // An edge dragged past the other stops at the narrowest window.
        let s = brush(Grab::Start, &v, v.start, v.end + 100.0, &b);
        assert!(close(s.span(), b.min_span));
        let e = brush(Grab::End, &v, v.end, v.start - 100.0, &b);
        assert!(close(e.span(), b.min_span));
        // And never beyond the range.
        let e = brush(Grab::End, &v, v.end, b.max + 900.0, &b);
        assert_eq!(e.end, b.max);
        let s = brush(Grab::Start, &v, v.start, b.min - 900.0, &b);
        assert_eq!(s.start, b.min);
    }
}
