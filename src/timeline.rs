//! The drawing area: the time axis and one row per lane. It renders the
//! scenes computed by `rift_core::scene` and forwards input (wheel, drag,
//! pinch, keys) to the pure viewport functions.

use crate::state::Rift;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use rift_core::format::human;
use rift_core::scene::{self, LaneScene, Shape, Style};
use rift_core::ticks::{self, Level};
use rift_core::viewport::{wheel_factor, Viewport, STEP_FACTOR};
use std::collections::HashMap;
use wasm_bindgen::JsCast;

/// How much larger text is in the projector mode.
pub const LARGE_TEXT: f64 = 1.35;

/// Zooms by `factor` around the middle of the window, easing.
pub fn zoom_center(rift: &Rift, factor: f64) {
    let v = rift.goal();
    rift.go_to(v.zoom_at(v.center(), factor, &rift.bounds));
}

/// Pans by a fraction of the window, easing.
pub fn pan_fraction(rift: &Rift, fraction: f64) {
    let v = rift.goal();
    rift.go_to(v.pan(v.span() * fraction, &rift.bounds));
}

/// Keyboard control of the window. Returns whether the key was used.
pub fn handle_key(rift: &Rift, key: &str, shift: bool) -> bool {
    let b = rift.bounds;
    match key {
        "+" | "=" => zoom_center(rift, STEP_FACTOR),
        "-" | "_" => zoom_center(rift, 1.0 / STEP_FACTOR),
        "ArrowLeft" => pan_fraction(rift, if shift { -0.5 } else { -0.1 }),
        "ArrowRight" => pan_fraction(rift, if shift { 0.5 } else { 0.1 }),
        "Home" => {
            let v = rift.goal();
            rift.go_to(Viewport {
                start: b.min,
                end: b.min + v.span(),
            });
        }
        "End" => {
            let v = rift.goal();
            rift.go_to(Viewport {
                start: b.max - v.span(),
                end: b.max,
            });
        }
        "0" => rift.go_to(b.full()),
        _ => return false,
    }
    true
}

/// Pointers down on the drawing area, for drag and pinch.
#[derive(Clone, Default)]
struct Gesture {
    pointers: HashMap<i32, (f64, f64)>,
    /// Where the gesture started and the window then.
    origin_x: f64,
    origin_view: Option<Viewport>,
    /// Last pinch distance and midpoint.
    pinch: Option<(f64, f64)>,
    dragged: bool,
}

#[component]
pub fn TimelineArea() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let area = NodeRef::<html::Div>::new();
    let gesture = StoredValue::new_local(Gesture::default());
    let style = Memo::new(move |_| {
        Style::scaled(
            rift.width.get(),
            rift.height.get(),
            rift.lanes.with(Vec::len),
            if rift.large.get() { LARGE_TEXT } else { 1.0 },
        )
    });

    let px_of = move |ev_x: f64| -> f64 {
        area.get_untracked()
            .map(|el| ev_x - el.get_bounding_client_rect().left())
            .unwrap_or(ev_x)
    };

    // Wheel: vertical zooms around the pointer, horizontal pans.
    let on_wheel = {
        let rift = rift.clone();
        move |e: ev::WheelEvent| {
            e.prevent_default();
            let width = rift.width.get_untracked();
            if width <= 0.0 {
                return;
            }
            let v = rift.view.get_untracked();
            if e.delta_x().abs() > e.delta_y().abs() && !e.ctrl_key() {
                let unit = if e.delta_mode() == 1 { 20.0 } else { 1.0 };
                rift.set_view(v.pan(e.delta_x() * unit / v.px_per_day(width), &rift.bounds));
            } else {
                let anchor = v.from_px(px_of(e.client_x() as f64), width);
                let f = wheel_factor(e.delta_y(), e.delta_mode(), e.ctrl_key());
                rift.set_view(v.zoom_at(anchor, f, &rift.bounds));
            }
        }
    };

    let on_pointerdown = {
        let rift = rift.clone();
        move |e: ev::PointerEvent| {
            if e.button() != 0 && e.pointer_type() == "mouse" {
                return;
            }
            gesture.update_value(|g| {
                g.pointers
                    .insert(e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
                g.origin_x = e.client_x() as f64;
                g.origin_view = Some(rift.view.get_untracked());
                g.pinch = None;
                if g.pointers.len() == 1 {
                    g.dragged = false;
                }
            });
        }
    };

    let on_pointermove = {
        let rift = rift.clone();
        move |e: ev::PointerEvent| {
            let width = rift.width.get_untracked();
            let mut next = None;
            gesture.update_value(|g| {
                if !g.pointers.contains_key(&e.pointer_id()) {
                    return;
                }
                g.pointers
                    .insert(e.pointer_id(), (e.client_x() as f64, e.client_y() as f64));
                let v = rift.view.get_untracked();
                if g.pointers.len() >= 2 {
                    let mut pts = g.pointers.values();
                    let (a, b) = (*pts.next().unwrap(), *pts.next().unwrap());
                    let dist = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt().max(1.0);
                    let mid = (a.0 + b.0) / 2.0;
                    if let Some((d0, m0)) = g.pinch {
                        let anchor = v.from_px(px_of(mid), width);
                        let zoomed = v.zoom_at(anchor, dist / d0, &rift.bounds);
                        next =
                            Some(zoomed.pan(-(mid - m0) / zoomed.px_per_day(width), &rift.bounds));
                    }
                    g.pinch = Some((dist, mid));
                    g.dragged = true;
                } else if let Some(origin) = g.origin_view {
                    let dx = e.client_x() as f64 - g.origin_x;
                    if !g.dragged && dx.abs() > 4.0 {
                        g.dragged = true;
                        if let Some(el) = area.get_untracked() {
                            let _ = el.set_pointer_capture(e.pointer_id());
                        }
                    }
                    if g.dragged {
                        next = Some(origin.pan(-dx / origin.px_per_day(width), &rift.bounds));
                    }
                }
            });
            if let Some(v) = next {
                rift.set_view(v);
            }
        }
    };

    let on_pointerup = move |e: ev::PointerEvent| {
        gesture.update_value(|g| {
            g.pointers.remove(&e.pointer_id());
            g.pinch = None;
            if g.pointers.len() == 1 {
                // Continue as a drag from where the remaining finger is.
                let (x, _) = *g.pointers.values().next().unwrap();
                g.origin_x = x;
                g.origin_view = Some(rift.view.get_untracked());
            }
        });
    };

    // A click that ends a drag is not a click on what is under it.
    let on_click_capture = move |e: ev::MouseEvent| {
        let dragged = gesture.with_value(|g| g.dragged);
        if dragged {
            e.stop_propagation();
            e.prevent_default();
            gesture.update_value(|g| g.dragged = false);
        }
    };

    let ticks = Memo::new(move |_| {
        let width = rift.width.get();
        let char_px = style.with(|s| s.axis_char_px);
        let lang = rift.lang.get();
        rift.view.with(|v| ticks::ticks(v, width, char_px, lang))
    });

    let lanes = move || rift.lanes.get();

    view! {
        <div
            class="area"
            node_ref=area
            on:wheel=on_wheel
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=on_pointerup
            on:click:capture=on_click_capture
        >
            <div class="axis" aria-hidden="true">
                <For each=move || ticks.get() key=|t| (t.day, t.label.clone()) let:tick>
                    {
                        let day = tick.day as f64;
                        let x = move || {
                            let w = rift.width.get();
                            rift.view.with(|v| v.to_px(day, w))
                        };
                        let level = match tick.level {
                            Level::Year => "tick year",
                            Level::Month => "tick month",
                            Level::Day => "tick day",
                        };
                        view! {
                            <div class=level style:transform=move || format!("translateX({:.1}px)", x())>
                                <span>{tick.label.clone()}</span>
                            </div>
                        }
                    }
                </For>
            </div>
            <div class="lanes">
                <For each=lanes key=|l| *l let:lane>
                    <LaneRow lane=lane style=style />
                </For>
            </div>
        </div>
    }
}

/// Text of an event's accessible name, in the interface language (tracked):
/// title and date as written for people.
pub fn accessible_name(rift: &Rift, idx: usize) -> String {
    let lang = rift.lang.get();
    let e = &rift.data.data.events[idx];
    let mut name = format!(
        "{}, {}",
        e.title_in(lang),
        human(&rift.data.when[idx], e.date_label.as_deref(), lang)
    );
    if e.disputed.is_some() {
        name.push_str(rift.t("disagree_suffix"));
    }
    name
}

#[component]
fn LaneRow(
    /// Index of the lane in the dataset.
    lane: usize,
    /// Layout sizes for the current screen width.
    style: Memo<Style>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let info = rift.data.data.lanes[lane].clone();
    let data = rift.data.clone();
    let (keep, prefer) = (rift.keep, rift.prefer);
    let scene = Memo::new(move |_| {
        let width = rift.width.get();
        let st = style.get();
        keep.with(|k| {
            prefer.with(|p| {
                let focus = scene::Focus {
                    keep: k.as_ref().map(|k| k.as_slice()),
                    prefer: p.as_ref().map(|p| p.as_slice()),
                    selected: rift.selected.get(),
                };
                rift.view
                    .with(|v| scene::lane(&data, lane, v, width, &st, focus))
            })
        })
    });
    let height = move || {
        let rows = style.get().packing.rows as f64;
        let st = style.get();
        format!("{}px", rows * st.row_h + st.chip_h)
    };
    let items =
        move || scene.with(|s: &LaneScene| s.items.iter().map(|i| i.idx).collect::<Vec<_>>());
    // Count markers are keyed by position and update in place while zooming.
    let chip_slots = move || scene.with(|s| (0..s.chips.len()).collect::<Vec<_>>());
    let shape_class = [
        "shape-circle",
        "shape-square",
        "shape-diamond",
        "shape-triangle",
    ][lane % 4];
    let lane_class = format!("lane lane-{} {shape_class}", lane % 6);
    let label = {
        let info = info.clone();
        move || info.label_in(rift.lang.get()).to_string()
    };
    let aria = label.clone();
    view! {
        <section class=lane_class data-lane=info.id.clone() role="group" aria-label=aria>
            <h2 class="lane-label"><span class="lane-key" aria-hidden="true"></span>{label}</h2>
            <div class="lane-body" style:height=height>
                <For each=items key=|i| *i let:idx>
                    <EventMark idx=idx scene=scene />
                </For>
                <For each=chip_slots key=|k| *k let:k>
                    <ClusterChip position=k scene=scene style=style />
                </For>
            </div>
        </section>
    }
}

#[component]
fn EventMark(
    /// Index of the event.
    idx: usize,
    /// The lane's layout, which places this mark.
    scene: Memo<LaneScene>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let event = &rift.data.data.events[idx];
    let id = event.id.clone();
    let title = {
        let rift = rift.clone();
        move || {
            rift.data.data.events[idx]
                .title_in(rift.lang.get())
                .to_string()
        }
    };
    let when = rift.data.when[idx];
    let disputed = event.disputed.is_some();
    let name = {
        let rift = rift.clone();
        move || accessible_name(&rift, idx)
    };
    let flag_title = {
        let rift = rift.clone();
        move || rift.t("sources_disagree")
    };
    // One memo per drawn property: a zoom step that moves a point leaves its
    // inner offsets alone, and unchanged values never touch the DOM.
    let item = Memo::new(move |_| scene.with(|s| s.item(idx).cloned()));
    let shape = item
        .get_untracked()
        .map(|i| i.shape)
        .unwrap_or(Shape::Point);
    let class = {
        let base = match shape {
            Shape::Point => "ev point",
            Shape::Soft => "ev soft",
            Shape::Range => "ev range",
        };
        let mut c = base.to_string();
        if !when.is_range() && when.precision() >= rift_core::date::Precision::Season {
            // A season or a year: a faint band rather than a soft bar.
            c.push_str(" band");
        }
        if when.approximate() {
            c.push_str(" approx");
        }
        if when.uncertain() {
            c.push_str(" uncertain");
        }
        if disputed {
            c.push_str(" disputed");
        }
        c
    };
    let geometry = move |f: fn(&scene::Item) -> String| {
        Memo::new(move |_| item.with(|i| i.as_ref().map(f).unwrap_or_default()))
    };
    let transform = geometry(|i| format!("translate({:.1}px, {}px)", i.x0.min(i.label_x), i.y));
    let width = geometry(|i| {
        format!(
            "{:.1}px",
            i.x1.max(i.label_x + i.label_w) - i.x0.min(i.label_x)
        )
    });
    let mark_left = geometry(|i| format!("{:.1}px", i.x0 - i.x0.min(i.label_x)));
    let mark_width = geometry(|i| format!("{:.1}px", i.x1 - i.x0));
    let label_left = geometry(|i| format!("{:.1}px", i.label_x - i.x0.min(i.label_x)));
    let label_width = geometry(|i| format!("{:.0}px", i.label_w));
    let cut_left = Memo::new(move |_| item.with(|i| i.as_ref().is_some_and(|i| i.cut_left)));
    let cut_right = Memo::new(move |_| item.with(|i| i.as_ref().is_some_and(|i| i.cut_right)));
    let selected = move || rift.selected.get() == Some(idx);
    let searching = Memo::new(move |_| rift.query.with(rift_core::search::Query::searching));
    let hit = Memo::new(move |_| searching.get() && rift.results.with(|r| r[idx].1));
    let dim = Memo::new(move |_| searching.get() && !hit.get());
    let select = {
        let rift = rift.clone();
        move |_| {
            rift.selected.set(Some(idx));
        }
    };
    view! {
        <button
            type="button"
            class=class
            class:cut-left=cut_left
            class:cut-right=cut_right
            class:selected=selected
            class:hit=hit
            class:dim=dim
            data-event-id=id
            aria-label=name
            aria-pressed=move || if selected() { "true" } else { "false" }
            style:transform=transform
            style:width=width
            on:click=select
        >
            <span class="mark" style:left=mark_left style:width=mark_width></span>
            <span class="label" style:left=label_left style:max-width=label_width>
                {disputed.then(|| view! { <span class="flag" title=flag_title>"≠"</span> })}
                {title}
                {when.uncertain().then(|| view! { <span class="q">"?"</span> })}
            </span>
        </button>
    }
}

#[component]
fn ClusterChip(
    /// Position of the count marker in the lane's list.
    position: usize,
    /// The lane's layout.
    scene: Memo<LaneScene>,
    /// Layout sizes.
    style: Memo<Style>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let chip = Memo::new(move |_| {
        scene.with(|s| {
            s.chips
                .get(position)
                .map(|c| (c.x, c.members.len(), c.start, c.end))
        })
    });
    let name = move || {
        chip.get()
            .map(|(_, n, start, end)| {
                let lang = rift.lang.get();
                rift_core::i18n::tf(
                    lang,
                    "chip",
                    &[
                        ("n", &n.to_string()),
                        (
                            "window",
                            &rift_core::format::window(start as i32, end as i32, lang),
                        ),
                    ],
                )
            })
            .unwrap_or_default()
    };
    let text = move || {
        chip.get()
            .map(|(_, n, ..)| format!("+{n}"))
            .unwrap_or_default()
    };
    let transform = move || {
        let top = style.with(|s| s.packing.rows as f64 * s.row_h);
        chip.get()
            .map(|(x, ..)| format!("translate({x:.1}px, {top}px)"))
            .unwrap_or_default()
    };
    let holds_hit = Memo::new(move |_| {
        rift.query.with(rift_core::search::Query::searching)
            && scene.with(|s| {
                s.chips
                    .get(position)
                    .is_some_and(|c| rift.results.with(|r| c.members.iter().any(|&m| r[m].1)))
            })
    });
    let zoom = move |_| {
        let Some((_, _, start, end)) = chip.get_untracked() else {
            return;
        };
        let v = rift.view.get_untracked();
        // Zoom to the members, and at least twofold so they can separate.
        let span = ((end - start) * 1.25)
            .min(v.span() / 2.0)
            .max(rift.bounds.min_span);
        rift.go_to(Viewport::centered((start + end) / 2.0, span, &rift.bounds));
    };
    view! {
        <button type="button" class="chip" class:hit=holds_hit aria-label=name style:transform=transform on:click=zoom>
            {text}
        </button>
    }
}

/// Whether an event's real target (inside shadow roots too) is inside an
/// element matching `selector`.
pub fn target_within(e: &web_sys::Event, selector: &str) -> bool {
    let first = e.composed_path().get(0);
    let target = if first.is_undefined() || first.is_null() {
        e.target().map(wasm_bindgen::JsValue::from)
    } else {
        Some(first)
    };
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}
