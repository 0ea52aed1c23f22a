//! Kiosk mode for museum screens (`kiosk=SECONDS`, `data-kiosk`): every so
//! many seconds the next event in date order opens and the window moves to
//! it. Any input pauses the tour; after the idle period (a minute) without
//! input the instance goes back to the view it started with, closes the
//! popover, and tours again. The state machine and every choice are in
//! `rift_core::kiosk`; this file feeds it the clock and the input, and
//! carries out its actions.
//!
//! Built to run for days: one interval timer for the life of the tour, a
//! few listeners registered once, and no structure that grows (the tour is
//! a small `Copy` value; the starting state is kept once). The reactive
//! system, though, keeps a few bytes for every part of the view it ever
//! drew and dropped (each dropped render effect stays listed with the
//! signals it read) until the whole instance is dropped: so every
//! `RENEW_STEPS` steps, and after each restart, the tour renews the
//! instance on the state it shows, unseen (`instance::Renew`).

use crate::dom::now;
use crate::instance::{Renew, Resume};
use crate::state::{Mode, Rift};
use leptos::prelude::*;
use rift_core::fragment::{Notice, Resolved};
use rift_core::kiosk::{self, Action, Tour};
use std::time::Duration;
use wasm_bindgen::JsValue;

/// How often the tour looks at the clock. The steps keep their own cadence
/// (`Tour::tick`); this only bounds how late one can be.
const TICK: Duration = Duration::from_millis(250);

/// A running tour, as a renewed instance carries it on.
#[derive(Clone)]
pub struct Carry {
    pub tour: Tour,
    /// What the instance showed when the tour began, to go back to.
    pub home: Resolved,
}

/// The state an instance shows now (where its window is heading, if it
/// moves), as a renewed instance starts from it.
fn snapshot(rift: Rift, notices: Vec<Notice>) -> Resolved {
    Resolved {
        view: rift.goal(),
        selected: rift.selected.get_untracked(),
        lanes: rift.lanes.get_untracked(),
        lang: Some(rift.prefs.lang.get_untracked()),
        query: rift.search.query.get_untracked(),
        list: rift.prefs.list.get_untracked(),
        large: rift.prefs.large.get_untracked(),
        kiosk: rift.kiosk.seconds.get_untracked(),
        notices,
    }
}

/// Puts the instance back to `home`, popover closed. Only what a visitor
/// changed is set, so nothing else is redrawn.
fn restore(rift: Rift, home: &Resolved) {
    rift.selected.set(None);
    rift.go_to(home.view);
    if rift.lanes.with_untracked(|l| *l != home.lanes) {
        rift.lanes.set(home.lanes.clone());
    }
    if rift.search.query.with_untracked(|q| *q != home.query) {
        rift.search.query.set(home.query.clone());
    }
    for (signal, value) in [(rift.prefs.list, home.list), (rift.prefs.large, home.large)] {
        if signal.get_untracked() != value {
            signal.set(value);
        }
    }
    if let Some(lang) = home.lang.filter(|l| *l != rift.prefs.lang.get_untracked()) {
        rift.set_lang(lang);
    }
}

/// The idle period. TEST-ONLY: the end-to-end tests set
/// `window.__riftKioskIdleMs` (in an init script) to shorten it, so they
/// need not wait a minute. It is not a public key: no link, attribute or
/// message can change it, and pages never set it.
fn idle_ms() -> f64 {
    let wanted = js_sys::Reflect::get(&window(), &JsValue::from_str("__riftKioskIdleMs"))
        .ok()
        .and_then(|v| v.as_f64());
    kiosk::idle_ms(wanted)
}

/// Opens the next event of the tour and moves the window to it.
fn step(rift: Rift) {
    let data = rift.data();
    let goal = rift.goal();
    let keep = rift.search.keep.get_untracked();
    let next = rift.lanes.with_untracked(|lanes| {
        let shown = |i: usize| {
            lanes.contains(&data.lane[i]) && keep.as_ref().is_none_or(|k| k.get(i) == Some(&true))
        };
        kiosk::next(&data, rift.selected.get_untracked(), goal.start, shown)
    });
    let Some(i) = next else { return };
    rift.selected.set(Some(i));
    let w = data.when[i];
    let v = kiosk::view_for(
        &goal,
        w.start() as f64,
        w.end() as f64,
        &rift.bounds,
        rift.seen(),
    );
    if v != goal {
        rift.go_to(v);
    }
}

/// Runs the tour while kiosk mode is on: from the start when the link (or
/// the element) asks for it, again whenever a new link turns it on, and on
/// from `carried` in an instance that renews another.
pub fn run(
    rift: Rift,
    root: crate::h::Held,
    notices: RwSignal<Vec<Notice>>,
    carried: Option<Carry>,
) {
    let running = StoredValue::new(None::<Carry>);
    let carried = StoredValue::new(carried);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let renew = use_context::<Renew>();
    let stop = move || {
        if let Some(handle) = timer.try_get_value().flatten() {
            handle.clear();
            timer.set_value(None);
        }
    };
    let tick = move || {
        let now = now();
        let Some(action) = running
            .try_update_value(|r| r.as_mut().map(|r| r.tour.tick(now)))
            .flatten()
        else {
            return;
        };
        match action {
            Action::Wait => {}
            Action::Step => step(rift),
            Action::Restart => {
                if let Some(home) = running.with_value(|r| r.as_ref().map(|r| r.home.clone())) {
                    restore(rift, &home);
                }
                rift.kiosk.touring.set(true);
            }
            Action::Renew => {
                let (Some(renew), Some(carry)) = (renew, running.get_value()) else {
                    return;
                };
                if rift.motion.goal.get_untracked().is_some() {
                    // Still moving: not unseen. Soon.
                    running.update_value(|r| {
                        if let Some(r) = r {
                            r.tour.renew_soon(now)
                        }
                    });
                    return;
                }
                let state = snapshot(rift, notices.get_untracked());
                // Last: this instance is dropped once the tick returns.
                stop();
                renew.run(Resume {
                    state,
                    tour: Some(carry),
                });
            }
        }
    };
    crate::dom::effect(move || {
        let seconds = rift.kiosk.seconds.get();
        stop();
        let started = match (seconds, carried.try_update_value(Option::take).flatten()) {
            (Some(_), Some(carry)) => Some(carry),
            (Some(s), None) => Some(Carry {
                tour: Tour::new(s, idle_ms(), now()),
                home: untrack(|| Resolved {
                    selected: None,
                    notices: Vec::new(),
                    ..snapshot(rift, Vec::new())
                }),
            }),
            (None, _) => None,
        };
        let touring = started.as_ref().is_some_and(|c| c.tour.touring());
        if rift.kiosk.touring.get_untracked() != touring {
            rift.kiosk.touring.set(touring);
        }
        running.set_value(started);
        if seconds.is_some() {
            timer.set_value(set_interval_with_handle(tick, TICK).ok());
        }
    });
    on_cleanup(stop);

    // Any input pauses the tour. The page and the iframe own their
    // document, so input anywhere in it counts; a script embed counts only
    // its own root. Capture, so
    // a part that stops an event (the popover stops Escape) cannot hide
    // it; passive, so scrolling stays smooth.
    let pause = move || {
        let was = running
            .try_update_value(|r| {
                r.as_mut().map(|r| {
                    let was = r.tour.touring();
                    r.tour.input(now());
                    was
                })
            })
            .flatten();
        if was == Some(true) {
            rift.kiosk.touring.set(false);
        }
    };
    if rift.mode == Mode::Element {
        listen(&root.get_value(), pause);
    } else {
        listen(&document(), pause);
    }
}

/// Calls `input` on every press, wheel, key and touch on `target`.
fn listen(target: &web_sys::EventTarget, input: impl Fn() + Copy + 'static) {
    let phase = crate::dom::Phase {
        capture: true,
        passive: true,
    };
    for name in ["pointerdown", "wheel", "keydown", "touchstart"] {
        crate::dom::listen(target, name, phase, move |_| input());
    }
}
