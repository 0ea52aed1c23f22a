//! Properties of the core, checked on generated inputs (proptest):
//! zooming in and out again returns the same window, the day under the
//! pointer stays put, clamps hold, packed items never overlap, a link
//! survives a round trip to text and back, and no parser panics on any
//! string.

use proptest::prelude::*;
use rift_core::dataset::{Actor, Dataset, Lane, Source, Timeline};
use rift_core::date::{PartialDate, When};
use rift_core::embed::{self, Field};
use rift_core::fragment::{self, Extras, Fragment, Lang, Span, State};
use rift_core::layout::{pack, Mark, Packing};
use rift_core::motion::{self, Grab, Step, Wheel};
use rift_core::scene::{self, Focus, Style};
use rift_core::search::Query;
use rift_core::viewport::{wheel_factor, Bounds, Viewport};
use std::collections::HashMap;
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Generators

/// Bounds as the timeline makes them (whole days), sometimes with another
/// narrowest window: from a few weeks to many decades.
fn bounds() -> impl Strategy<Value = Bounds> {
    (
        -40_000i32..40_000,
        30i32..40_000,
        prop_oneof![Just(rift_core::viewport::MIN_SPAN_DAYS), 0.5f64..30.0],
    )
        .prop_map(|(min, len, min_span)| Bounds {
            min: min as f64,
            max: (min + len) as f64,
            min_span,
        })
}

/// A valid window inside `b`: its span log-uniform between the narrowest
/// and the widest, its position uniform.
fn window_in(b: Bounds) -> impl Strategy<Value = Viewport> {
    (0.0f64..=1.0, 0.0f64..=1.0).prop_map(move |(u, w)| {
        let span = b.min_span * (b.max_span() / b.min_span).powf(u);
        let start = b.min + w * (b.max_span() - span);
        Viewport {
            start,
            end: start + span,
        }
    })
}

fn bounds_and_window() -> impl Strategy<Value = (Bounds, Viewport)> {
    bounds().prop_flat_map(|b| (Just(b), window_in(b)))
}

/// Any number at all: NaN, infinities, huge, tiny, and ordinary values.
fn wild() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -1e5f64..1e5,
        -10.0f64..10.0,
        Just(0.0),
        Just(-0.0),
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
    ]
}

fn close_rel(a: f64, b: f64, scale: f64) -> bool {
    (a - b).abs() <= 1e-6 * scale.abs().max(1.0)
}

/// The window is finite, inside the bounds and between the narrowest and
/// the widest span (up to rounding).
fn assert_held(v: &Viewport, b: &Bounds, what: &str) -> Result<(), TestCaseError> {
    let eps = 1e-9 * (b.min.abs() + b.max.abs() + 1.0);
    prop_assert!(
        v.start.is_finite() && v.end.is_finite(),
        "{what}: not finite: {v:?}"
    );
    prop_assert!(
        v.start >= b.min - eps && v.end <= b.max + eps,
        "{what}: {v:?} outside {b:?}"
    );
    prop_assert!(
        v.span() >= b.min_span - eps && v.span() <= b.max_span() + eps,
        "{what}: span {} outside [{}, {}]",
        v.span(),
        b.min_span,
        b.max_span()
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Zoom: in and out again

proptest! {
    /// Zooming in by a factor around a day in the window, then out by the
    /// same factor around the same day, gives the window back (no clamp
    /// intervenes: the zoom in stops above the narrowest window).
    #[test]
    fn zoom_in_then_out_returns_the_window(
        (b, v) in bounds_and_window(),
        at in 0.0f64..=1.0,
        k in 0.0f64..=1.0,
    ) {
        let room = v.span() / b.min_span;
        prop_assume!(room > 1.001);
        let factor = 1.0 + k * (room.min(64.0) - 1.0);
        let anchor = v.start + at * v.span();
        let z = v.zoom_at(anchor, factor, &b);
        prop_assert!(close_rel(z.span(), v.span() / factor, v.span()));
        let back = z.zoom_at(anchor, 1.0 / factor, &b);
        prop_assert!(close_rel(back.start, v.start, v.span()), "{v:?} -> {z:?} -> {back:?}");
        prop_assert!(close_rel(back.end, v.end, v.span()), "{v:?} -> {z:?} -> {back:?}");
    }

    /// The other way round: out, then in, when the zoomed-out window fits
    /// in the bounds unclamped.
    #[test]
    fn zoom_out_then_in_returns_the_window(
        (b, v) in bounds_and_window(),
        at in 0.0f64..=1.0,
        k in 0.0f64..=1.0,
    ) {
        let anchor = v.start + at * v.span();
        // The most it can grow with no clamp: the widest span, and the room
        // on either side of the anchor.
        let room = (b.max_span() / v.span())
            .min((anchor - b.min) / (at * v.span()))
            .min((b.max - anchor) / ((1.0 - at) * v.span()));
        prop_assume!(room > 1.001);
        let grow = 1.0 + k * (room.min(64.0) - 1.0) * 0.999;
        let z = v.zoom_at(anchor, 1.0 / grow, &b);
        prop_assert!(close_rel(z.span(), v.span() * grow, v.span()));
        let back = z.zoom_at(anchor, grow, &b);
        prop_assert!(close_rel(back.start, v.start, v.span()), "{v:?} -> {z:?} -> {back:?}");
        prop_assert!(close_rel(back.end, v.end, v.span()), "{v:?} -> {z:?} -> {back:?}");
    }
}

// ---------------------------------------------------------------------------
// The day under the pointer stays put

proptest! {
    /// `zoom_at`: zooming in always keeps the anchor where it was on screen
    /// (the new window lies inside the old one, so no clamp moves it);
    /// zooming out does too whenever the bounds do not push the window.
    #[test]
    fn zoom_at_keeps_the_anchor(
        (b, v) in bounds_and_window(),
        at in 0.0f64..=1.0,
        factor in prop_oneof![0.05f64..1.0, 1.0f64..20.0],
        width in 50.0f64..4000.0,
    ) {
        let x = at * width;
        let anchor = v.from_px(x, width);
        let z = v.zoom_at(anchor, factor, &b);
        let span = (v.span() / factor).clamp(b.min_span, b.max_span());
        let start = anchor - at * span;
        let unclamped = start >= b.min && start + span <= b.max;
        if factor >= 1.0 || unclamped {
            prop_assert!(
                close_rel(z.from_px(x, width), anchor, v.span()),
                "{v:?} x{factor} at {anchor}: {z:?}"
            );
        }
    }

    /// `motion::wheel`: a zooming wheel (vertical, or any with ctrl) keeps
    /// the day under the pointer.
    #[test]
    fn the_wheel_keeps_the_day_under_the_pointer(
        (b, v) in bounds_and_window(),
        at in 0.0f64..=1.0,
        delta_y in -600.0f64..600.0,
        slant in -1.0f64..=1.0,
        delta_mode in 0u32..3,
        ctrl in any::<bool>(),
        width in 50.0f64..4000.0,
    ) {
        // Mostly vertical, or anything with ctrl held (a trackpad pinch).
        let delta_x = if ctrl { slant * 600.0 } else { slant * delta_y };
        let x = at * width;
        let anchor = v.from_px(x, width);
        let w = Wheel { delta_x, delta_y, delta_mode, ctrl, x };
        let next = motion::wheel(&v, w, width, &b);
        let factor = wheel_factor(delta_y, delta_mode, ctrl);
        let span = (v.span() / factor).clamp(b.min_span, b.max_span());
        let start = anchor - at * span;
        let unclamped = start >= b.min && start + span <= b.max;
        if factor >= 1.0 || unclamped {
            prop_assert!(
                close_rel(next.from_px(x, width), anchor, v.span()),
                "{v:?} {w:?}: {next:?}"
            );
        }
    }

    /// `motion::pinch`: the day that was under the fingers' midpoint when
    /// the gesture began is under their midpoint now.
    #[test]
    fn a_pinch_keeps_the_day_under_the_fingers(
        (b, v) in bounds_and_window(),
        m0 in 0.0f64..=1.0,
        m1 in 0.0f64..=1.0,
        d0 in 5.0f64..2000.0,
        d1 in 5.0f64..2000.0,
        width in 50.0f64..4000.0,
    ) {
        let (m0, m1) = (m0 * width, m1 * width);
        let anchor = v.from_px(m0, width);
        let next = motion::pinch(&v, (d0, m0), (d1, m1), width, &b);
        let span = (v.span() * d0 / d1).clamp(b.min_span, b.max_span());
        let start = anchor - m1 / width * span;
        prop_assert!(close_rel(next.span(), span, v.span()));
        if start >= b.min && start + span <= b.max {
            prop_assert!(
                close_rel(next.from_px(m1, width), anchor, v.span()),
                "{v:?} ({d0}, {m0}) -> ({d1}, {m1}): {next:?}"
            );
        } else {
            // Only a bound moves it: the window then rests against it.
            let eps = 1e-9 * (b.min.abs() + b.max.abs());
            prop_assert!(
                (next.start - b.min).abs() <= eps || (next.end - b.max).abs() <= eps,
                "{next:?} in {b:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Clamps hold, whatever the numbers

proptest! {
    /// `clamped` and `centered` turn any numbers into a valid window.
    #[test]
    fn clamped_always_gives_a_valid_window(
        b in bounds(),
        start in wild(),
        end in wild(),
        center in wild(),
        span in wild(),
    ) {
        assert_held(&Viewport { start, end }.clamped(&b), &b, "clamped")?;
        assert_held(&Viewport::centered(center, span, &b), &b, "centered")?;
    }

    /// From a valid window, `zoom_at` and `pan` with any numbers stay valid.
    #[test]
    fn zoom_and_pan_stay_in_bounds(
        (b, v) in bounds_and_window(),
        anchor in wild(),
        factor in wild(),
        days in wild(),
    ) {
        assert_held(&v.zoom_at(anchor, factor, &b), &b, "zoom_at")?;
        assert_held(&v.pan(days, &b), &b, "pan")?;
        // Chained, they stay valid too.
        let chained = v.zoom_at(anchor, factor, &b).pan(days, &b).zoom_at(anchor, 1.0 / factor, &b);
        assert_held(&chained, &b, "chained")?;
    }

    /// Every gesture of `motion` maps a valid window to a valid window,
    /// whatever the input numbers.
    #[test]
    fn every_gesture_stays_in_bounds(
        (b, v) in bounds_and_window(),
        to_frac in (0.0f64..=1.0, 0.0f64..=1.0),
        t in wild(),
        w in (wild(), wild(), 0u32..4, any::<bool>(), wild()),
        width in wild(),
        dx in wild(),
        fingers in (wild(), wild(), wild(), wild()),
        ev in (wild(), wild()),
        step in (wild(), wild()),
        day in (wild(), wild()),
    ) {
        // A second valid window to ease towards.
        let to = {
            let span = b.min_span * (b.max_span() / b.min_span).powf(to_frac.0);
            let start = b.min + to_frac.1 * (b.max_span() - span);
            Viewport { start, end: start + span }
        };
        assert_held(&motion::ease(&v, &to, t), &b, "ease")?;
        let wheel = Wheel { delta_x: w.0, delta_y: w.1, delta_mode: w.2, ctrl: w.3, x: w.4 };
        assert_held(&motion::wheel(&v, wheel, width, &b), &b, "wheel")?;
        assert_held(&motion::drag(&v, dx, width, &b), &b, "drag")?;
        let (d0, m0, d1, m1) = fingers;
        assert_held(&motion::pinch(&v, (d0, m0), (d1, m1), width, &b), &b, "pinch")?;
        // Whatever share of the window the popover leaves clear.
        for seen in [1.0, 0.6, dx, motion::clear_of_popover(width, w.3, false)] {
            if let Some(r) = motion::reveal(&v, ev.0, ev.1, &b, seen) {
                assert_held(&r, &b, "reveal")?;
            }
        }
        assert_held(&motion::into_cluster(&v, ev.0, ev.1, &b), &b, "into_cluster")?;
        for s in [Step::Zoom(step.0), Step::Pan(step.1), Step::Home, Step::End, Step::All] {
            assert_held(&s.apply(&v, &b), &b, "step")?;
        }
        for g in [Grab::Move, Grab::Start, Grab::End] {
            assert_held(&motion::brush(g, &v, day.0, day.1, &b), &b, "brush")?;
        }
    }
}

// ---------------------------------------------------------------------------
// Packing: no two items in a row overlap

fn marks() -> impl Strategy<Value = Vec<Mark>> {
    prop::collection::vec(
        (
            -500.0f64..2500.0,
            prop_oneof![Just(0.0), 0.0f64..12.0, 0.0f64..800.0],
            -20.0f64..60.0,
            0.0f64..220.0,
        ),
        0..80,
    )
    .prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(key, (x0, w, label_dx, label_w))| Mark {
                key,
                x0,
                x1: x0 + w,
                label_x: x0 + w + label_dx,
                label_w,
            })
            .collect()
    })
}

fn packing() -> impl Strategy<Value = Packing> {
    (1usize..8, 0.0f64..20.0, 4.0f64..60.0).prop_map(|(rows, gap, chip_w)| Packing {
        rows,
        gap,
        chip_w,
    })
}

/// A mark's footprint: its marker and its label together.
fn footprint(m: &Mark) -> (f64, f64) {
    (m.x0.min(m.label_x), m.x1.max(m.label_x + m.label_w))
}

proptest! {
    #[test]
    fn packed_marks_never_overlap_in_a_row(marks in marks(), p in packing()) {
        let l = pack(&marks, &p);
        // Every mark is placed or counted, once.
        let mut all: Vec<usize> = l.placed.iter().map(|x| x.key).collect();
        all.extend(l.clusters.iter().flat_map(|c| c.keys.iter().copied()));
        all.sort_unstable();
        prop_assert_eq!(all, (0..marks.len()).collect::<Vec<_>>());
        prop_assert!(l.rows_used <= p.rows);
        for (n, a) in l.placed.iter().enumerate() {
            prop_assert!(a.row < p.rows);
            for c in &l.placed[n + 1..] {
                if a.row != c.row {
                    continue;
                }
                let (fa, fc) = (footprint(&marks[a.key]), footprint(&marks[c.key]));
                prop_assert!(
                    fa.1 + p.gap <= fc.0 || fc.1 + p.gap <= fa.0,
                    "row {}: {:?} and {:?} overlap (gap {})",
                    a.row, marks[a.key], marks[c.key], p.gap
                );
            }
        }
        // Count markers keep apart too.
        for w in l.clusters.windows(2) {
            prop_assert!(w[0].center + p.chip_w + p.gap <= w[1].center + 1e-9, "{:?}", l.clusters);
        }
    }
}

// ---------------------------------------------------------------------------
// A timeline to draw and to link into

fn lane(id: &str, label: &str) -> Lane {
    Lane {
        id: id.into(),
        label: label.into(),
        tr: Default::default(),
    }
}

/// Synthetic events in three lanes, with actors and several sources.
fn timeline() -> &'static Timeline {
    static T: OnceLock<Timeline> = OnceLock::new();
    T.get_or_init(|| {
        let lanes = [
            lane("soviet-albanian", "Moscow – Tirana"),
            lane("soviet-yugoslav", "Moscow – Belgrade"),
            lane("bloc", "The bloc"),
        ];
        let mut d: Dataset = rift_core::synth::dataset(1_500, &lanes, 1948, 1962);
        for (id, short) in [("edemskiy-2019", "Edemskiy"), ("hoxha-1980", "Hoxha")] {
            d.sources.push(Source {
                id: id.into(),
                citation: format!("{short}, a book."),
                short: short.into(),
                text: None,
                tr: Default::default(),
            });
        }
        for (name, aliases) in [
            ("Mehmet Shehu", vec!["Mehmed Shehu"]),
            ("Nikita Khrushchev", vec!["Khrushchev", "Хрущёв"]),
            ("Enver Hoxha", vec![]),
            ("Josip Broz Tito", vec!["Tito"]),
        ] {
            d.actors.push(Actor {
                name: name.into(),
                aliases: aliases.into_iter().map(String::from).collect(),
                tr: Default::default(),
            });
        }
        Timeline::new(d).expect("the synthetic timeline validates")
    })
}

fn timeline_bounds() -> Bounds {
    let (a, b) = timeline().extent().expect("events");
    Bounds::around(a, b)
}

// ---------------------------------------------------------------------------
// Scene: the pins of a lane never overlap either

proptest! {
    #[test]
    fn the_pins_of_a_lane_never_overlap(
        view in window_in(timeline_bounds()),
        width in 120.0f64..3000.0,
        height in 150.0f64..1400.0,
        scale in prop_oneof![Just(1.0), 1.0f64..2.0],
        l in 0usize..3,
        selected in prop::option::of(0usize..1_500),
        prefer_every in prop::option::of(1usize..50),
    ) {
        let t = timeline();
        let style = Style::scaled(width, height, 3, scale);
        let prefer: Option<Vec<bool>> =
            prefer_every.map(|k| (0..t.data.events.len()).map(|i| i % k == 0).collect());
        let focus = Focus { prefer: prefer.as_deref(), selected, ..Focus::default() };
        let s = scene::lane(t, l, &view, width, &style, focus);
        let mut items: Vec<&scene::Item> = s.items.iter().collect();
        items.sort_by(|a, b| a.row.cmp(&b.row).then(a.left().total_cmp(&b.left())));
        for w in items.windows(2) {
            let (a, b) = (w[0], w[1]);
            prop_assert!(a.row < style.packing.rows);
            if a.row == b.row {
                prop_assert!(
                    a.left() + a.width() + style.packing.gap <= b.left() + 1e-9,
                    "row {}: {:?} and {:?} overlap", a.row, a, b
                );
            }
        }
        for w in s.chips.windows(2) {
            prop_assert!(w[0].x + style.packing.chip_w <= w[1].x + 1e-9, "{:?}", s.chips);
        }
        // Nothing twice.
        let mut seen: Vec<usize> = s.items.iter().map(|i| i.idx).collect();
        seen.extend(s.chips.iter().flat_map(|c| c.members.iter().copied()));
        let n = seen.len();
        seen.sort_unstable();
        seen.dedup();
        prop_assert_eq!(n, seen.len());
    }
}

// ---------------------------------------------------------------------------
// Links: to text and back

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::En), Just(Lang::Sq), Just(Lang::Ru)]
}

/// Search text as readers type it: any characters, the link's own
/// delimiters among them, at most 200 of them.
fn search_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[ a-zA-Z0-9&=#%+,;?/~.'\"<>-]{0,40}",
        "\\PC{0,60}",
        "[ёЁщШëËçÇ &=%+]{0,30}",
    ]
}

/// The margin, in days, the link's span keeps: half a tenth of its unit.
fn span_precision(days: f64) -> f64 {
    let s = Span::for_days(days);
    let unit = Span {
        amount: 1.0,
        unit: s.unit,
    }
    .days();
    0.05 * unit + 1e-9
}

proptest! {
    /// The link of a state (`fragment::link`), parsed and resolved, gives
    /// the same state: the view within a day (and the span within the
    /// precision the link writes it with), the selection, the lanes, the
    /// language, the search and filters and the display settings, with no
    /// notice.
    #[test]
    fn a_link_survives_a_round_trip(
        view in window_in(timeline_bounds()),
        lane_order in Just(vec![0usize, 1, 2]).prop_shuffle(),
        lane_count in 1usize..=3,
        pick in prop::option::of(any::<prop::sample::Index>()),
        lang in lang(),
        text in search_text(),
        actor in prop::option::of(prop::sample::select(vec![
            "Mehmet Shehu", "Nikita Khrushchev", "Enver Hoxha", "Josip Broz Tito",
        ])),
        source in prop::option::of(prop::sample::select(vec![
            "synthetic", "edemskiy-2019", "hoxha-1980",
        ])),
        disputed in any::<bool>(),
        list in any::<bool>(),
        large in any::<bool>(),
        kiosk in prop::option::of(2u32..=600),
    ) {
        let t = timeline();
        let b = timeline_bounds();
        let lanes: Vec<usize> = lane_order[..lane_count].to_vec();
        // A selected event in a shown lane, well inside the window: the link
        // rounds the span, so one at the very edge could fall out of view.
        let margin = span_precision(view.span()) + 1.0;
        let candidates: Vec<usize> = t
            .in_window(view.start + margin, view.end - margin)
            .filter(|&i| lanes.contains(&t.lane[i]))
            .collect();
        let selected = pick.filter(|_| !candidates.is_empty()).map(|ix| candidates[ix.index(candidates.len())]);
        let query = Query {
            text,
            actor: actor.map(String::from),
            source: source.map(String::from),
            disputed,
        };
        let extras = Extras { list, large, kiosk };
        let text = fragment::link(t, State { view: &view, selected, lanes: &lanes, lang, query: &query, extras });
        let f = Fragment::parse(&text);
        prop_assert!(f.problems.is_empty(), "{text}: {:?}", f.problems);
        let r = fragment::resolve(&f, t, &b);
        prop_assert!(r.notices.is_empty(), "{text}: {:?}", r.notices);
        prop_assert_eq!(r.selected, selected, "{}", text);
        prop_assert_eq!(&r.lanes, &lanes, "{}", text);
        prop_assert_eq!(r.lang.unwrap_or(Lang::En), lang, "{}", text);
        let expect = Query { text: query.text.trim().to_string(), ..query.clone() };
        prop_assert_eq!(&r.query, &expect, "{}", text);
        prop_assert_eq!((r.list, r.large, r.kiosk), (list, large, kiosk), "{}", text);
        let precision = span_precision(view.span());
        prop_assert!((r.view.span() - view.span()).abs() <= precision, "{text}: {view:?} -> {:?}", r.view);
        // The centre is the day written; a bound may shift the rounded span.
        prop_assert!(
            (r.view.center() - view.center()).abs() <= 1.0 + precision / 2.0,
            "{text}: {view:?} -> {:?}", r.view
        );
        let clamped = r.view.start <= b.min || r.view.end >= b.max;
        if !clamped {
            prop_assert!((r.view.center() - view.center()).abs() <= 1.0, "{text}: {view:?} -> {:?}", r.view);
        }
    }

    /// `format_with` keeps any ids, search text, actor and source a link may
    /// carry, exactly (up to surrounding white space).
    #[test]
    fn any_link_values_survive_format_and_parse(
        view in window_in(timeline_bounds()),
        event in prop::option::of("\\PC{1,30}"),
        lanes in prop::option::of(prop::collection::vec("[a-z0-9][a-z0-9-]{0,15}", 1..4)),
        lang in prop::option::of(lang()),
        text in search_text(),
        actor in prop::option::of("\\PC{1,30}"),
        source in prop::option::of("\\PC{1,30}"),
        disputed in any::<bool>(),
        list in any::<bool>(),
        large in any::<bool>(),
        kiosk in prop::option::of(2u32..=600),
    ) {
        let event = event.filter(|s| !s.trim().is_empty());
        let actor = actor.filter(|s| !s.trim().is_empty());
        let source = source.filter(|s| !s.trim().is_empty());
        let query = Query { text, actor, source, disputed };
        let lane_refs: Option<Vec<&str>> = lanes.as_ref().map(|l| l.iter().map(String::as_str).collect());
        let text = fragment::format_with(
            &view,
            event.as_deref(),
            lane_refs.as_deref(),
            lang,
            &query,
            Extras { list, large, kiosk },
        );
        let f = Fragment::parse(&text);
        prop_assert!(f.problems.is_empty(), "{text}: {:?}", f.problems);
        prop_assert_eq!(f.event.as_deref(), event.as_deref().map(str::trim));
        prop_assert_eq!(&f.lanes, &lanes);
        prop_assert_eq!(f.lang, lang);
        prop_assert_eq!(f.query.text.as_str(), query.text.trim());
        prop_assert_eq!(f.query.actor.as_deref(), query.actor.as_deref().map(str::trim));
        prop_assert_eq!(f.query.source.as_deref(), query.source.as_deref().map(str::trim));
        prop_assert_eq!(f.query.disputed, disputed);
        prop_assert_eq!((f.list, f.large, f.kiosk), (list, large, kiosk));
        let day = PartialDate::parse(&rift_core::date::iso(view.center().floor() as i32));
        prop_assert_eq!(f.date, day);
    }
}

// ---------------------------------------------------------------------------
// Parsers: a value or an error, never a panic

/// Strings shaped like what each parser reads, and anything at all.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        // Fragments: keys, values, escapes and delimiters.
        "#?((date|span|event|lanes|lang|bench|q|actor|source|disputed|text|view|x|)=?[-0-9a-zA-Z%+.,~?/ ]{0,12}&?){0,6}",
        // Short values, where edge cases live (`span=d`, `bench=0`).
        "((date|span|bench|lang|event|lanes|view|)=[-0-9dwmy.,]{0,3}&){1,4}",
        // Dates: EDTF and what is almost EDTF.
        "[-+]?[0-9Y]{0,6}(-[0-9X]{1,3}){0,2}[~?%]{0,2}(/[.]{0,2}[-+]?[0-9]{0,5}(-[0-9X]{1,2}){0,2}[~?%]{0,2})?",
        "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?",
        "Y-?[0-9]{5,12}",
        // Heights.
        "[-+ ]?[0-9.eE]{0,8}(px| px|em)?",
    ]
}

fn field() -> impl Strategy<Value = Field> {
    prop_oneof![
        Just(Field::Missing),
        Just(Field::Other),
        input().prop_map(Field::Text),
        prop::sample::select(vec!["rift", "goto", "1961-06", "3m", "vlora"])
            .prop_map(|s| Field::Text(s.into())),
    ]
}

proptest! {
    /// `Fragment::parse`, and resolving what it gives against a timeline,
    /// never panics; every notice renders in every language.
    #[test]
    fn the_fragment_parser_never_panics(s in input()) {
        let f = Fragment::parse(&s);
        let t = timeline();
        let r = fragment::resolve(&f, t, &timeline_bounds());
        assert_held(&r.view, &timeline_bounds(), "resolved")?;
        for n in &r.notices {
            for lang in Lang::ALL {
                let _ = n.text(lang);
            }
        }
        let _ = Fragment::from_pairs([(s.as_str(), s.as_str()), ("date", s.as_str()), ("span", s.as_str())]);
    }

    /// `embed::attributes` and `embed::height` read any attribute values.
    #[test]
    fn the_attribute_parser_never_panics(
        values in prop::collection::hash_map(
            prop::sample::select(vec![
                "data-date", "data-span", "data-event", "data-lanes", "data-lang",
                "data-theme", "data-height", "data-q", "date", "",
            ]),
            input(),
            0..8,
        ),
        h in input(),
    ) {
        let map: HashMap<String, String> =
            values.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let a = embed::attributes(|name| map.get(name).cloned());
        prop_assert!(embed::HEIGHTS.contains(&a.height));
        prop_assert!(matches!(a.theme, None | Some("light") | Some("dark")));
        let height = embed::height(Some(&h));
        prop_assert!(embed::HEIGHTS.contains(&height));
    }

    /// `embed::goto` reads any message: a fragment, or `None`.
    #[test]
    fn the_goto_parser_never_panics(
        fields in prop::collection::hash_map(
            prop::sample::select(vec!["source", "type", "date", "span", "event", "lanes", "x"]),
            field(),
            0..7,
        ),
    ) {
        let got = embed::goto(|name| fields.get(name).cloned().unwrap_or(Field::Missing));
        if got.is_some() {
            prop_assert_eq!(fields.get("source"), Some(&Field::Text("rift".into())));
            prop_assert_eq!(fields.get("type"), Some(&Field::Text("goto".into())));
        }
    }

    /// `When::parse` and `PartialDate::parse` give a date or an error for
    /// any string, and a date they give is well formed.
    #[test]
    fn the_date_parsers_never_panic(s in input()) {
        if let Ok(w) = When::parse(&s) {
            prop_assert!(w.start() < w.end(), "{s}: {w:?}");
            let _ = w.middle();
        }
        if let Some(d) = PartialDate::parse(&s) {
            let (a, z) = d.range().expect("a parsed date has a range");
            prop_assert!(a < z);
            prop_assert_eq!(PartialDate::parse(&d.to_string()), Some(d));
        }
    }
}
