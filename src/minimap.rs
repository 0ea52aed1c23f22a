//! The overview strip: the whole range, each lane's density of events, and
//! the current window as a brush that can be dragged, resized, or moved by
//! a click elsewhere on the strip.

use crate::state::Rift;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use rift_core::ticks;
use rift_core::viewport::Viewport;

/// Slices of the whole range the density is counted in.
const BINS: usize = 240;

#[derive(Clone, Copy, PartialEq)]
enum Grab {
    Move,
    Start,
    End,
}

#[component]
pub fn Minimap() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let lang = rift.lang;
    let strip = NodeRef::<html::Div>::new();
    let full = rift.bounds.full();
    let grab = StoredValue::new_local(None::<(Grab, f64, Viewport)>);

    // One path per lane: bars of height proportional to the density.
    let paths: Vec<(usize, String)> = {
        let data = rift.data.clone();
        let lanes = data.data.lanes.len();
        let counts: Vec<Vec<u32>> = (0..lanes)
            .map(|l| data.density(l, full.start, full.end, BINS))
            .collect();
        let max = counts.iter().flatten().copied().max().unwrap_or(1).max(1) as f64;
        counts
            .iter()
            .enumerate()
            .map(|(l, c)| {
                let band = 1.0 / lanes as f64;
                let base = (l as f64 + 1.0) * band * 100.0;
                let mut d = String::new();
                for (i, &n) in c.iter().enumerate() {
                    if n == 0 {
                        continue;
                    }
                    // Square-root scale keeps single events visible beside dense months.
                    let h = ((n as f64 / max).sqrt() * band * 100.0 * 0.9).max(3.0);
                    d.push_str(&format!("M{i} {base:.2}v-{h:.2}h1v{h:.2}z"));
                }
                (l, d)
            })
            .collect()
    };

    // Year labels thin out with the width, as the axis does.
    let years = Memo::new(move |_| {
        let width = (rift.width.get() - 32.0).max(100.0);
        ticks::ticks(&full, width, 6.5, lang.get())
            .into_iter()
            .map(|t| (((t.day as f64 - full.start) / full.span()) * 100.0, t.label))
            .collect::<Vec<_>>()
    });

    let frac = move |day: f64| (day - full.start) / full.span() * 100.0;
    let brush_left = move || rift.view.with(|v| frac(v.start));
    let brush_width = move || rift.view.with(|v| frac(v.end) - frac(v.start));

    let day_at = move |client_x: f64| -> f64 {
        let Some(el) = strip.get_untracked() else {
            return full.center();
        };
        let r = el.get_bounding_client_rect();
        full.start + (client_x - r.left()) / r.width().max(1.0) * full.span()
    };

    let start_grab = move |kind: Grab, e: &ev::PointerEvent| {
        e.stop_propagation();
        e.prevent_default();
        if let Some(el) = strip.get_untracked() {
            let _ = el.set_pointer_capture(e.pointer_id());
        }
        grab.set_value(Some((
            kind,
            day_at(e.client_x() as f64),
            rift.view.get_untracked(),
        )));
    };

    let on_strip_down = {
        let rift = rift.clone();
        move |e: ev::PointerEvent| {
            // A press outside the brush centres the window there, then drags it.
            let day = day_at(e.client_x() as f64);
            let v = rift.view.get_untracked();
            rift.set_view(Viewport::centered(day, v.span(), &rift.bounds));
            start_grab(Grab::Move, &e);
        }
    };

    let on_move = {
        let rift = rift.clone();
        move |e: ev::PointerEvent| {
            let Some((kind, origin, v0)) = grab.get_value() else {
                return;
            };
            let day = day_at(e.client_x() as f64);
            let b = rift.bounds;
            let next = match kind {
                Grab::Move => v0.pan(day - origin, &b),
                Grab::Start => Viewport {
                    start: day.min(v0.end - b.min_span).max(b.min),
                    end: v0.end,
                },
                Grab::End => Viewport {
                    start: v0.start,
                    end: day.max(v0.start + b.min_span).min(b.max),
                },
            };
            rift.set_view(next);
        }
    };
    let on_up = move |_e: ev::PointerEvent| grab.set_value(None);

    view! {
        <div class="minimap" aria-label=move || rift_core::i18n::t(lang.get(), "overview") role="group">
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
                        .map(|(l, d)| view! { <path class=format!("density lane-{}", l % 6) d=d /> })
                        .collect_view()}
                </svg>
                <div class="years" aria-hidden="true">
                    {move || {
                        years
                            .get()
                            .into_iter()
                            .map(|(x, label)| view! { <span style:left=format!("{x:.2}%")>{label}</span> })
                            .collect_view()
                    }}
                </div>
                <div
                    class="brush"
                    style:left=move || format!("{:.3}%", brush_left())
                    style:width=move || format!("{:.3}%", brush_width())
                    on:pointerdown=move |e: ev::PointerEvent| start_grab(Grab::Move, &e)
                >
                    <span class="handle start" on:pointerdown=move |e: ev::PointerEvent| start_grab(Grab::Start, &e)></span>
                    <span class="handle end" on:pointerdown=move |e: ev::PointerEvent| start_grab(Grab::End, &e)></span>
                </div>
            </div>
        </div>
    }
}
