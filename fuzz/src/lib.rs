//! What the fuzz targets share: a small timeline to resolve against, and
//! the checks every parsed fragment goes through.

use rift_core::dataset::{Actor, Lane, Source, Timeline};
use rift_core::fragment::{self, Extras, Fragment, Lang, State};
use rift_core::viewport::{Bounds, Viewport};
use std::sync::OnceLock;

/// 200 synthetic events in three lanes, with actors and sources to filter by.
pub fn timeline() -> &'static Timeline {
    static T: OnceLock<Timeline> = OnceLock::new();
    T.get_or_init(|| {
        let lane = |id: &str, label: &str| Lane {
            id: id.into(),
            label: label.into(),
            tr: Default::default(),
        };
        let lanes = [
            lane("soviet-albanian", "Moscow – Tirana"),
            lane("soviet-yugoslav", "Moscow – Belgrade"),
            lane("bloc", "The bloc"),
        ];
        let mut d = rift_core::synth::dataset(200, &lanes, 1948, 1962);
        d.sources.push(Source {
            id: "edemskiy-2019".into(),
            citation: "Edemskiy, A. (2019).".into(),
            short: "Edemskiy".into(),
            text: None,
            tr: Default::default(),
        });
        d.actors.push(Actor {
            name: "Mehmet Shehu".into(),
            aliases: vec!["Mehmed Shehu".into()],
            tr: Default::default(),
        });
        d.actors.push(Actor {
            name: "Nikita Khrushchev".into(),
            aliases: vec!["Хрущёв".into()],
            tr: Default::default(),
        });
        Timeline::new(d).expect("the fuzz timeline validates")
    })
}

/// Whole-year bounds around the timeline.
pub fn bounds() -> Bounds {
    let (a, b) = timeline().extent().expect("events");
    Bounds::around(a, b)
}

fn assert_valid(v: &Viewport, b: &Bounds) {
    let eps = 1e-9 * (b.min.abs() + b.max.abs() + 1.0);
    assert!(v.start.is_finite() && v.end.is_finite(), "{v:?}");
    assert!(
        v.start >= b.min - eps && v.end <= b.max + eps,
        "{v:?} {b:?}"
    );
    assert!(
        v.span() >= b.min_span - eps && v.span() <= b.max_span() + eps,
        "{v:?} {b:?}"
    );
}

/// Resolves a parsed fragment as the view does, renders every notice in
/// every language, then writes the state back as a link and reads it again:
/// the link must parse without a problem and give the same state.
pub fn check(f: &Fragment) {
    let t = timeline();
    let b = bounds();
    let r = fragment::resolve(f, t, &b);
    assert_valid(&r.view, &b);
    for n in &r.notices {
        for lang in Lang::ALL {
            let _ = n.text(lang);
        }
    }
    if let Some(i) = r.selected {
        assert!(
            r.lanes.contains(&t.lane[i]),
            "the selected event's lane is shown"
        );
    }
    let lang = r.lang.unwrap_or_default();
    let text = fragment::link(
        t,
        State {
            view: &r.view,
            selected: r.selected,
            lanes: &r.lanes,
            lang,
            query: &r.query,
            extras: Extras {
                list: r.list,
                large: r.large,
            },
        },
    );
    let again = Fragment::parse(&text);
    assert!(again.problems.is_empty(), "{text}: {:?}", again.problems);
    let back = fragment::resolve(&again, t, &b);
    assert_valid(&back.view, &b);
    assert_eq!(back.selected, r.selected, "{text}");
    assert_eq!(back.lanes, r.lanes, "{text}");
    assert_eq!(back.lang.unwrap_or_default(), lang, "{text}");
    assert_eq!(back.query, r.query, "{text}");
    assert_eq!((back.list, back.large), (r.list, r.large), "{text}");
    assert!(
        (back.view.center() - r.view.center()).abs() <= r.view.span() * 0.06 + 1.0,
        "{text}: {:?} -> {:?}",
        r.view,
        back.view
    );
}
