//! The overview strip: the whole range, each lane's density of events, and
//! the current window as a brush that can be dragged, resized, or moved by
//! a press elsewhere on the strip.

use crate::h::{h, hc, hold, svg, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::css::percent;
use rift_core::i18n::Key;
use rift_core::motion::{self, Grab};
use rift_core::overview::{self, BINS};
use rift_core::scene::LaneLook;
use rift_core::ticks;
use rift_core::viewport::Viewport;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;

/// The overview strip; its contents once `ready` holds (its box is
/// there, at its size, from the start).
pub fn minimap(ready: impl Fn() -> bool + 'static) -> H {
    let rift = expect_context::<Rift>();
    let full = rift.bounds.full();
    let grab = StoredValue::new_local(None::<(Grab, f64, Viewport)>);

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

    let strip = hc("div", "strip");
    let el = hold(&strip);
    let day_at = move |e: &PointerEvent| -> f64 {
        let r = el.with_value(|el| el.get_bounding_client_rect());
        overview::day_at(e.client_x() as f64 - r.left(), r.width(), &full)
    };
    let start_grab = move |kind: Grab, e: &web_sys::Event| {
        let e: &PointerEvent = e.unchecked_ref();
        e.stop_propagation();
        e.prevent_default();
        el.with_value(|el| el.set_pointer_capture(e.pointer_id()).ok());
        grab.set_value(Some((kind, day_at(e), rift.latest())));
    };
    // A press outside the brush centres the window there, then drags it.
    let on_strip_down = move |e: web_sys::Event| {
        let span = rift.latest().span();
        let day = day_at(e.unchecked_ref());
        rift.set_view(Viewport::centered(day, span, &rift.bounds));
        start_grab(Grab::Move, &e);
    };
    let on_move = move |e: web_sys::Event| {
        if let Some((kind, origin, v0)) = grab.get_value() {
            let day = day_at(e.unchecked_ref());
            rift.set_view(motion::brush(kind, &v0, origin, day, &rift.bounds));
        }
    };
    let on_up = move |_| grab.set_value(None);

    let chart = move || {
        let paths = overview::density_paths(&rift.data(), &full);
        let mut chart = svg("svg")
            .attr("viewBox", &format!("0 0 {BINS} 100"))
            .attr("preserveAspectRatio", "none")
            .attr("aria-hidden", "true");
        for (l, d) in paths.into_iter().enumerate() {
            let class = format!("density {}", LaneLook::of(l).hue);
            chart = chart.child(svg("path").attr("class", &class).attr("d", &d));
        }
        chart
    };
    let years = move || {
        hc("div", "years")
            .attr("aria-hidden", "true")
            .parts(move || {
                years.with(|y| {
                    let label = |(x, label): &(f64, String)| {
                        h("span")
                            .attr("style", &format!("left: {}", percent(*x)))
                            .text(label)
                    };
                    y.iter().map(label).collect()
                })
            })
    };
    let handle = move |class: &str, kind: Grab| {
        hc("span", class).on("pointerdown", move |e| start_grab(kind, &e))
    };
    let brush = move || {
        hc("div", "brush")
            .style_fn("left", move || percent(brush_left()))
            .style_fn("width", move || percent(brush_width()))
            .on("pointerdown", move |e| start_grab(Grab::Move, &e))
            .child(handle("handle start", Grab::Start))
            .child(handle("handle end", Grab::End))
    };
    let strip = strip
        .on("pointerdown", on_strip_down)
        .on("pointermove", on_move)
        .on("pointerup", on_up)
        .on("pointercancel", on_up)
        .shown_all(ready, move || vec![chart(), years(), brush()]);
    hc("div", "minimap")
        .attr_key("aria-label", rift, Key::Overview)
        .attr("role", "group")
        .child(strip)
}
