//! The overview strip: the whole range, each lane's density of events, and
//! the current window as a brush that can be dragged, resized, or moved by
//! a press elsewhere on the strip.

use crate::state::Rift;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use rift_core::css::percent;
use rift_core::i18n::Key;
use rift_core::motion::{self, Grab};
use rift_core::overview::{self, BINS};
use rift_core::scene::LaneLook;
use rift_core::ticks;
use rift_core::viewport::Viewport;

#[component]
pub fn Minimap() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let strip = NodeRef::<html::Div>::new();
    let full = rift.bounds.full();
    let grab = StoredValue::new_local(None::<(Grab, f64, Viewport)>);
    let paths = overview::density_paths(&rift.data(), &full);

    // Year labels thin out with the width, as the axis does.
    // None until the area is measured: labels for a guessed width would
    // move once it is.
    let years = crate::dom::memo(move || {
        if !rift.measured() {
            return Vec::new();
        }
        let width = (rift.width() - 32.0).max(100.0);
        // Pixels per digit of the labels' font (rift.css: 11 px, 14 px
        // in large text).
        let char_px = if rift.prefs.large.get() { 8.9 } else { 7.0 };
        ticks::ticks(&full, width, char_px, rift.lang())
            .into_iter()
            .map(|t| (overview::percent(t.day as f64, &full), t.label))
            .collect::<Vec<_>>()
    });
    let brush_left = move || rift.motion.view.with(|v| overview::percent(v.start, &full));
    let brush_width = move || {
        rift.motion
            .view
            .with(|v| overview::percent(v.end, &full) - overview::percent(v.start, &full))
    };

    let day_at = move |e: &ev::PointerEvent| -> f64 {
        let (left, width) = strip
            .get_untracked()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (r.left(), r.width())
            })
            .unwrap_or_default();
        overview::day_at(e.client_x() as f64 - left, width, &full)
    };
    let start_grab = move |kind: Grab, e: &ev::PointerEvent| {
        e.stop_propagation();
        e.prevent_default();
        if let Some(el) = strip.get_untracked() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        grab.set_value(Some((kind, day_at(e), rift.latest())));
    };
    // A press outside the brush centres the window there, then drags it.
    let on_strip_down = move |e: ev::PointerEvent| {
        let span = rift.latest().span();
        rift.set_view(Viewport::centered(day_at(&e), span, &rift.bounds));
        start_grab(Grab::Move, &e);
    };
    let on_move = move |e: ev::PointerEvent| {
        if let Some((kind, origin, v0)) = grab.get_value() {
            rift.set_view(motion::brush(kind, &v0, origin, day_at(&e), &rift.bounds));
        }
    };
    let on_up = move |_: ev::PointerEvent| grab.set_value(None);

    view! {
        <div class="minimap" aria-label=rift.text(Key::Overview) role="group">
            <div
                class="strip"
                node_ref=strip
                on:pointerdown=on_strip_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
            >
                <svg viewBox=format!("0 0 {BINS} 100") preserveAspectRatio="none" aria-hidden="true">
                    {paths
                        .into_iter()
                        .enumerate()
                        .map(|(l, d)| view! { <path class=format!("density {}", LaneLook::of(l).hue) d=d /> }.into_any())
                        .collect_view()}
                </svg>
                <div class="years" aria-hidden="true">
                    {move || {
                        years
                            .get()
                            .into_iter()
                            .map(|(x, label)| view! { <span style:left=percent(x)>{label}</span> }.into_any())
                            .collect_view()
                    }}
                </div>
                <div
                    class="brush"
                    style:left=move || percent(brush_left())
                    style:width=move || percent(brush_width())
                    on:pointerdown=move |e: ev::PointerEvent| start_grab(Grab::Move, &e)
                >
                    <span class="handle start" on:pointerdown=move |e: ev::PointerEvent| start_grab(Grab::Start, &e)></span>
                    <span class="handle end" on:pointerdown=move |e: ev::PointerEvent| start_grab(Grab::End, &e)></span>
                </div>
            </div>
        </div>
    }
}
