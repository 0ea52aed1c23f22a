//! Small datasets for the core's tests: lanes, one-citation events, and the
//! synthetic load-test timeline.

use crate::dataset::{Citation, Dataset, Event, Lane, Source, Timeline};
use crate::viewport::Bounds;

/// A lane whose label is its id.
pub fn lane(id: &str) -> Lane {
    Lane {
        id: id.into(),
        label: id.into(),
        tr: Default::default(),
    }
}

/// An event titled by its id, with one citation of source "s".
pub fn event(id: &str, lane: &str, date: &str) -> Event {
    Event {
        tr_pending: false,
        id: id.into(),
        lane: lane.into(),
        date: date.into(),
        date_label: None,
        title: id.into(),
        summary: "s".into(),
        actors: vec![],
        citations: vec![Citation {
            source: "s".into(),
            locator: "l".into(),
            quote: "q".into(),
        }],
        disputed: None,
        related: vec![],
        tr: Default::default(),
    }
}

/// A validated timeline of these lanes and events, citing source "s".
pub fn timeline(lanes: Vec<Lane>, events: Vec<Event>) -> Timeline {
    Timeline::new(Dataset {
        lanes,
        sources: vec![Source {
            tr: Default::default(),
            id: "s".into(),
            citation: "S".into(),
            short: String::new(),
            text: None,
        }],
        actors: vec![],
        events,
    })
    .expect("fixture validates")
}

/// `n` synthetic events over 1948–1962 in lanes "a" and "b".
pub fn bench(n: usize) -> Timeline {
    Timeline::new(crate::synth::dataset(
        n,
        &[lane("a"), lane("b")],
        1948,
        1962,
    ))
    .expect("synthetic data validates")
}

/// Whole-year bounds around a timeline's events.
pub fn bounds(t: &Timeline) -> Bounds {
    let (a, b) = t.extent().expect("events");
    Bounds::around(a, b)
}
