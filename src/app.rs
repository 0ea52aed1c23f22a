//! One timeline instance: loads the dataset, applies the deep link, and
//! lays out the toolbar, the drawing area, the overview strip and the
//! popover. Keeps the public DOM contract (data-* attributes, CustomEvents)
//! and the address bar in step with the state.

use crate::dom;
use crate::minimap::Minimap;
use crate::popover::Popover;
use crate::state::Rift;
use crate::timeline::{handle_key, target_within, zoom_center, TimelineArea};
use leptos::html;
use leptos::prelude::*;
use leptos_use::{use_element_size, use_prefers_reduced_motion};
use rift_core::dataset::{Dataset, Timeline};
use rift_core::date::iso;
use rift_core::fragment::{self, Fragment, Resolved};
use rift_core::viewport::{Bounds, STEP_FACTOR};
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The dataset embedded at build time (validated by build.rs).
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/events.json"));

/// The dataset to show: the embedded one, or a synthetic one for `bench=N`.
fn load(bench: Option<usize>) -> Result<Timeline, String> {
    let data = Dataset::from_json(EMBEDDED).map_err(|e| e.to_string())?;
    let data = match bench {
        Some(n) => rift_core::synth::dataset(n, &data.lanes, 1948, 1962),
        None => data,
    };
    Timeline::new(data).map_err(|e| e.to_string())
}

fn bounds_of(t: &Timeline) -> Bounds {
    match t.extent() {
        Some((a, b)) => Bounds::around(a, b),
        None => Bounds::around(
            rift_core::date::day_from_ymd(1948, 1, 1).unwrap_or(0),
            rift_core::date::day_from_ymd(1962, 12, 31).unwrap_or(0),
        ),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let frag = Fragment::parse(&dom::current_fragment());
    match load(frag.bench) {
        Ok(t) => view! { <Instance timeline=Arc::new(t) fragment=frag /> }.into_any(),
        Err(message) => view! {
            <div class="rift-error" role="alert">
                <h1>"The timeline could not load its data"</h1>
                <pre>{message}</pre>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn Instance(
    /// The validated dataset.
    timeline: Arc<Timeline>,
    /// The deep link the page opened with.
    fragment: Fragment,
) -> impl IntoView {
    let bounds = bounds_of(&timeline);
    let Resolved {
        view: first_view,
        selected: first_selected,
        lanes: first_lanes,
        notices: first_notices,
        ..
    } = fragment::resolve(&fragment, &timeline, &bounds);
    let root = NodeRef::<html::Div>::new();
    let area = NodeRef::<html::Div>::new();
    let size = use_element_size(area);
    let rift = Rift {
        data: timeline.clone(),
        bounds,
        view: RwSignal::new(first_view),
        width: size.width,
        height: size.height,
        selected: RwSignal::new(first_selected),
        lanes: RwSignal::new(first_lanes),
        reduced_motion: use_prefers_reduced_motion(),
        animation: RwSignal::new(0),
        target: RwSignal::new(None),
    };
    provide_context(rift.clone());
    let notices = RwSignal::new(first_notices);
    let bench = fragment.bench;

    // The visible window's edges as ISO days: the DOM contract, and the
    // trigger for rift:viewchange (only when a day changes, not every frame).
    let view_days = Memo::new(move |_| rift.view.with(|v| (iso(v.first_day()), iso(v.last_day()))));
    let selected_id = {
        let t = timeline.clone();
        Memo::new(move |_| rift.selected.get().map(|i| t.data.events[i].id.clone()))
    };

    Effect::new(move |_| {
        let (start, end) = view_days.get();
        if let Some(el) = root.get() {
            dom::dispatch(
                &el,
                "rift:viewchange",
                &[
                    ("start", JsValue::from_str(&start)),
                    ("end", JsValue::from_str(&end)),
                ],
            );
        }
    });
    Effect::new(move |prev: Option<Option<String>>| {
        let id = selected_id.get();
        if let Some(el) = root.get() {
            if prev.is_some() {
                let v = id
                    .as_deref()
                    .map(JsValue::from_str)
                    .unwrap_or(JsValue::NULL);
                dom::dispatch(&el, "rift:select", &[("id", v)]);
            }
        }
        id
    });

    // Keep the address bar a shareable link (debounced), unless this is a
    // synthetic load test.
    let last_written = StoredValue::new(dom::current_fragment());
    let pending = StoredValue::new(0u64);
    Effect::new({
        let t = timeline.clone();
        move |first: Option<()>| {
            let v = rift.view.get();
            let sel = rift.selected.get();
            let lanes = rift.lanes.get();
            if bench.is_some() || first.is_none() {
                // Opening the page does not rewrite the link it came from.
                return;
            }
            let all: Vec<usize> = (0..t.data.lanes.len()).collect();
            let lane_ids: Vec<&str> = lanes.iter().map(|&l| t.data.lanes[l].id.as_str()).collect();
            let text = fragment::format(
                &v,
                sel.map(|i| t.data.events[i].id.as_str()),
                (lanes != all).then_some(&lane_ids[..]),
                None,
            );
            let token = pending.get_value() + 1;
            pending.set_value(token);
            set_timeout(
                move || {
                    if pending.get_value() == token && last_written.get_value() != text {
                        dom::replace_fragment(&text);
                        last_written.set_value(text);
                    }
                },
                std::time::Duration::from_millis(250),
            );
        }
    });

    // Back, forward and edited links: apply the new fragment.
    let _ = leptos_use::use_event_listener(window(), leptos::ev::hashchange, {
        let t = timeline.clone();
        let rift = rift.clone();
        move |_| {
            let text = dom::current_fragment();
            if text == last_written.get_value() {
                return;
            }
            last_written.set_value(text.clone());
            let f = Fragment::parse(&text);
            let r = fragment::resolve(&f, &t, &rift.bounds);
            rift.go_to(r.view);
            rift.selected.set(r.selected);
            rift.lanes.set(r.lanes);
            notices.set(r.notices);
        }
    });

    // Keys anywhere in the instance (outside text fields and the popover).
    let on_keydown = {
        let rift = rift.clone();
        move |e: leptos::ev::KeyboardEvent| {
            let ev: &web_sys::Event = e.as_ref();
            if e.ctrl_key()
                || e.meta_key()
                || e.alt_key()
                || target_within(ev, "input, textarea, .popover")
            {
                return;
            }
            if e.key() == "Escape" && rift.selected.get_untracked().is_some() {
                rift.selected.set(None);
                return;
            }
            if handle_key(&rift, &e.key(), e.shift_key()) {
                e.prevent_default();
            }
        }
    };

    // A press outside the popover and the events closes the popover.
    let _ = leptos_use::use_event_listener(document(), leptos::ev::pointerdown, {
        let rift = rift.clone();
        move |e: web_sys::PointerEvent| {
            let ev: &web_sys::Event = e.as_ref();
            if rift.selected.get_untracked().is_some()
                && !target_within(ev, ".popover, button[data-event-id], .chip")
            {
                rift.selected.set(None);
            }
        }
    });

    let window_label = move || {
        rift.view
            .with(|v| rift_core::format::window(v.first_day(), v.last_day() + 1))
    };
    // Announced politely, once the window has settled.
    let announced = RwSignal::new(window_label());
    let settle = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = window_label();
        let token = settle.get_value() + 1;
        settle.set_value(token);
        set_timeout(
            move || {
                if settle.get_value() == token {
                    announced.set(text);
                }
            },
            std::time::Duration::from_millis(600),
        );
    });

    let copy_status = RwSignal::new(String::new());
    let zoom_in = {
        let rift = rift.clone();
        move |_| zoom_center(&rift, STEP_FACTOR)
    };
    let zoom_out = {
        let rift = rift.clone();
        move |_| zoom_center(&rift, 1.0 / STEP_FACTOR)
    };
    let zoom_all = {
        let rift = rift.clone();
        move |_| rift.go_to(rift.bounds.full())
    };
    let copy_link = move |_| {
        copy_status.set(String::new());
        dom::copy_text(&window().location().href().unwrap_or_default(), copy_status)
    };

    view! {
        <div
            class="rift"
            node_ref=root
            data-rift-timeline=""
            data-view-start=move || view_days.get().0
            data-view-end=move || view_days.get().1
            data-selected=move || selected_id.get().unwrap_or_default()
            on:keydown=on_keydown
        >
            <header class="toolbar">
                <h1 class="title">
                    "Rift"
                    <span class="subtitle">": Moscow, Tirana and Belgrade, 1948–1962"</span>
                </h1>
                <p class="window" aria-live="polite">
                    <span class="visually-hidden">"Showing "</span>
                    {move || announced.get()}
                </p>
                <div class="controls" role="toolbar" aria-label="Zoom and share">
                    <button type="button" class="zoom-out" aria-label="Zoom out" title="Zoom out (−)" on:click=zoom_out>"−"</button>
                    <button type="button" class="zoom-in" aria-label="Zoom in" title="Zoom in (+)" on:click=zoom_in>"+"</button>
                    <button type="button" class="zoom-all" title="Whole range (0)" on:click=zoom_all>"1948–1962"</button>
                    <button type="button" class="copy-link" on:click=copy_link>"Copy link"</button>
                    <span class="copy-status" role="status">{move || copy_status.get()}</span>
                </div>
            </header>
            <Notices notices=notices />
            <div class="stage" node_ref=area>
                <div
                    class="timeline"
                    tabindex="0"
                    role="region"
                    aria-label="Timeline. Plus and minus zoom, arrow keys pan, Home and End go to the ends, Tab moves through events."
                    aria-describedby="rift-window"
                >
                    <TimelineArea />
                </div>
            </div>
            <Minimap />
            <Popover root=root />
            <p id="rift-window" class="visually-hidden">{window_label}</p>
        </div>
    }
}

#[component]
fn Notices(
    /// Sentences saying what in the link could not be applied.
    notices: RwSignal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <ul>
                    {move || notices.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                </ul>
                <button type="button" class="dismiss" aria-label="Dismiss notice" on:click=move |_| notices.set(Vec::new())>"×"</button>
            </div>
        </Show>
    }
}
