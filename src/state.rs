//! The reactive state of one timeline instance, shared by its parts through
//! context. It only holds values of the pure core (viewport, selection,
//! lanes); every computation on them lives in `rift_core`.

use leptos::prelude::*;
use rift_core::dataset::Timeline;
use rift_core::i18n::{t, Lang};
use rift_core::search::Query;
use rift_core::viewport::{Bounds, Viewport};
use std::sync::Arc;

/// Everything the parts of one instance share.
#[derive(Clone)]
pub struct Rift {
    /// How the instance is hosted.
    pub mode: crate::app::Mode,
    /// Folder URL of the full timeline page (links and snippets point there).
    pub site: Arc<str>,
    /// The validated dataset (immutable).
    pub data: Arc<Timeline>,
    /// Where the window may go.
    pub bounds: Bounds,
    /// The visible window.
    pub view: RwSignal<Viewport>,
    /// Width of the drawing area in pixels.
    pub width: Signal<f64>,
    /// Height of the drawing area in pixels.
    pub height: Signal<f64>,
    /// Index of the selected event (its popover is open).
    pub selected: RwSignal<Option<usize>>,
    /// Lane indices shown, in order.
    pub lanes: RwSignal<Vec<usize>>,
    /// Whether the reader asked for less motion.
    pub reduced_motion: Signal<bool>,
    /// Token of the running view animation; a new gesture cancels it.
    pub animation: RwSignal<u64>,
    /// Where the running animation is heading, if one is running.
    pub target: RwSignal<Option<Viewport>>,
    /// Search text and filters.
    pub query: RwSignal<Query>,
    /// For each event: (kept by the filters, matched by the search text).
    pub results: Memo<Arc<Vec<(bool, bool)>>>,
    /// Whether the chronological list is shown instead of the lanes.
    pub list: RwSignal<bool>,
    /// Large text, legible from the back of a classroom.
    pub large: RwSignal<bool>,
    /// Interface language.
    pub lang: RwSignal<Lang>,
    /// The filter mask for the lanes, when a filter is set (computed once
    /// per instance, shared by every lane).
    pub keep: Memo<Option<Arc<Vec<bool>>>>,
    /// The search-result mask for the lanes, while searching.
    pub prefer: Memo<Option<Arc<Vec<bool>>>>,
}

impl Rift {
    /// Moves the window to `target`, easing unless the reader prefers
    /// reduced motion.
    pub fn go_to(&self, target: Viewport) {
        let target = target.clamped(&self.bounds);
        let token = self.animation.get_untracked() + 1;
        self.animation.set(token);
        if self.reduced_motion.get_untracked() {
            self.target.set(None);
            self.view.set(target);
            return;
        }
        self.target.set(Some(target));
        let from = self.view.get_untracked();
        let (view, animation, goal) = (self.view, self.animation, self.target);
        let start = now();
        const MS: f64 = 260.0;
        #[allow(clippy::too_many_arguments)]
        fn step(
            view: RwSignal<Viewport>,
            animation: RwSignal<u64>,
            goal: RwSignal<Option<Viewport>>,
            token: u64,
            from: Viewport,
            to: Viewport,
            start: f64,
        ) {
            if animation.get_untracked() != token {
                return;
            }
            let t = ((now() - start) / MS).clamp(0.0, 1.0);
            // Ease out cubic; interpolate the span geometrically so zooms feel even.
            let e = 1.0 - (1.0 - t).powi(3);
            let span = from.span() * (to.span() / from.span()).powf(e);
            let center = from.center() + (to.center() - from.center()) * e;
            view.set(Viewport {
                start: center - span / 2.0,
                end: center + span / 2.0,
            });
            if t < 1.0 {
                request_animation_frame(move || {
                    step(view, animation, goal, token, from, to, start)
                });
            } else {
                goal.set(None);
                view.set(to);
            }
        }
        request_animation_frame(move || step(view, animation, goal, token, from, target, start));
    }

    /// The window a step (key, button) should start from: where a running
    /// animation is heading, so quick presses add up.
    pub fn goal(&self) -> Viewport {
        self.target
            .get_untracked()
            .unwrap_or_else(|| self.view.get_untracked())
    }

    /// Sets the window at once (direct manipulation: wheel, drag, pinch).
    pub fn set_view(&self, v: Viewport) {
        self.animation.update(|t| *t += 1);
        self.target.set(None);
        self.view.set(v.clamped(&self.bounds));
    }

    /// Brings event `i` into view if it is not, keeping the zoom where it can.
    pub fn reveal(&self, i: usize) {
        let w = self.data.when[i];
        let v = self.view.get_untracked();
        let (s, e) = (w.start() as f64, w.end() as f64);
        let margin = v.span() * 0.08;
        if s >= v.start + margin && e <= v.end - margin {
            return;
        }
        let span = v.span().max((e - s) * 1.3);
        self.go_to(Viewport::centered(w.middle(), span, &self.bounds));
    }
}

impl Rift {
    /// An interface string in the current language (tracked).
    pub fn t(&self, key: &str) -> &'static str {
        t(self.lang.get(), key)
    }

    /// Events kept by the filters and matched by the search, by start.
    pub fn hits(&self) -> Vec<usize> {
        let searching = self.query.with(Query::searching);
        self.results.with(|r| {
            self.data
                .by_start
                .iter()
                .copied()
                .filter(|&i| r[i].0 && (!searching || r[i].1))
                .collect()
        })
    }
}

/// Milliseconds since the page loaded.
pub fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}
