//! The public contract of an instance (`CONTRACTS.md` §2, §3): the `data-*`
//! attributes an embedding element keeps current, the CustomEvents the
//! root dispatches, and, in an iframe, the messages to and from the parent
//! window.

use crate::dom;
use crate::h::Held;
use crate::state::{Mode, Rift};
use leptos::prelude::*;

/// How long the view must keep its days before it counts as at rest.
const REST_MS: u64 = 200;
use rift_core::date::iso;
use rift_core::embed::Field;
use rift_core::fragment::{Fragment, Span};
use wasm_bindgen::JsValue;

/// The visible window's edges as ISO days (only changes when a day does).
fn view_days(rift: Rift) -> Memo<(String, String)> {
    crate::dom::memo(move || {
        rift.motion
            .view
            .with(|v| (iso(v.first_day()), iso(v.last_day())))
    })
}

/// The selected event's id.
fn selected_id(rift: Rift) -> Memo<Option<String>> {
    crate::dom::memo(move || {
        rift.selected
            .get()
            .map(|i| rift.data().data.events[i].id.clone())
    })
}

/// Keeps the contract: attributes on the embedding element (a script
/// embed's root as the page sees it), `rift:viewchange` and `rift:select`
/// on the root, and the same news for an iframe's parent. Returns the
/// window's days and the selected id, for the root's own attributes.
/// `fresh` is false for an instance that renews another on the same state
/// (kiosk mode): the page has heard `rift:ready` and the view already.
pub fn keep(
    rift: Rift,
    root: Held,
    host: Option<web_sys::HtmlElement>,
    link: Memo<String>,
    fresh: bool,
) -> (Memo<(String, String)>, Memo<Option<String>>) {
    let days = view_days(rift);
    let selected = selected_id(rift);
    if let Some(host) = host {
        crate::dom::effect(move || {
            let (start, end) = days.get();
            let _ = host.set_attribute("data-view-start", &start);
            let _ = host.set_attribute("data-view-end", &end);
            let _ = host.set_attribute("data-selected", &selected.get().unwrap_or_default());
        });
    }
    if fresh {
        announce_ready(rift, root);
    }
    let framed = rift.mode == Mode::Frame;
    // The view comes to rest: no day has changed for a moment (a gesture or
    // an eased move is over). Hosts hear of that, not of every frame.
    let resting = dom::settled(days, REST_MS);
    // A renewed instance starts from a view the host has heard of already.
    let told = StoredValue::new((!fresh).then(|| days.get_untracked()));
    crate::dom::effect(move || {
        let now = resting.get();
        if told.with_value(|t| t.as_ref() == Some(&now)) {
            return;
        }
        told.set_value(Some(now.clone()));
        let (start, end) = now;
        let (start, end) = (JsValue::from_str(&start), JsValue::from_str(&end));
        dom::dispatch(
            &root.get_value(),
            "rift:viewchange",
            &[("start", start.clone()), ("end", end.clone())],
        );
        if framed {
            let v = rift.motion.view.get_untracked();
            post_to_parent(
                "viewchange",
                &[
                    ("start", start),
                    ("end", end),
                    ("date", iso(v.center().floor() as i32).into()),
                    ("span", Span::for_days(v.span()).to_string().into()),
                    ("fragment", link.get_untracked().into()),
                ],
            );
        }
    });
    let mut ran = false;
    dom::effect(move || {
        let id = selected.get();
        if std::mem::replace(&mut ran, true) {
            let v = id
                .as_deref()
                .map(JsValue::from_str)
                .unwrap_or(JsValue::NULL);
            dom::dispatch(&root.get_value(), "rift:select", &[("id", v.clone())]);
            if framed {
                post_to_parent(
                    "select",
                    &[("id", v), ("fragment", link.get_untracked().into())],
                );
            }
        }
    });
    (days, selected)
}

/// Dispatches `rift:ready` once, with how many events are drawn, in the
/// first frame after every lane shown is drawn (they are drawn one per
/// task once the area has its size), or the list is laid out.
fn announce_ready(rift: Rift, root: Held) {
    let done = StoredValue::new(false);
    crate::dom::effect(move || {
        let laid_out = rift.width() > 0.0 && (rift.prefs.list.get() || rift.lanes_drawn());
        if !laid_out || done.get_value() {
            return;
        }
        done.set_value(true);
        request_animation_frame(move || {
            let el = root.get_value();
            let drawn = el
                .query_selector_all("[data-event-id]")
                .map_or(0, |list| list.length());
            dom::dispatch(&el, "rift:ready", &[("events", drawn.into())]);
        });
    });
}

/// Listens for `goto` messages from the parent window and hands each one
/// to `apply`. Messages from any other window (a sibling frame, the frame
/// itself) and messages of any other shape are ignored.
pub fn on_goto(apply: impl Fn(Fragment) + Clone + 'static) {
    dom::listen(&window(), "message", dom::Phase::default(), move |e| {
        let e: web_sys::MessageEvent = wasm_bindgen::JsCast::unchecked_into(e);
        if !from_parent(&e) {
            return;
        }
        if let Some(f) = goto_of_message(&e.data()) {
            apply(f);
        }
    });
}

/// Whether a message was posted by this frame's parent window.
fn from_parent(e: &web_sys::MessageEvent) -> bool {
    let win = window();
    let (Some(source), Ok(Some(parent))) = (e.source(), win.parent()) else {
        return false;
    };
    parent != win && js_sys::Object::is(&source, &parent)
}

/// The view a posted message asks for, read through the core's parser.
fn goto_of_message(data: &JsValue) -> Option<Fragment> {
    if !data.is_object() {
        return None;
    }
    rift_core::embed::goto(
        |name| match js_sys::Reflect::get(data, &JsValue::from_str(name)) {
            Ok(v) if v.is_undefined() => Field::Missing,
            Ok(v) => v.as_string().map(Field::Text).unwrap_or(Field::Other),
            Err(_) => Field::Other,
        },
    )
}

/// Posts `{source: "rift", type, ...fields}` to the parent window, when
/// there is one.
pub(crate) fn post_to_parent(kind: &str, fields: &[(&str, JsValue)]) {
    let win = window();
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if parent == win {
        return;
    }
    let msg = dom::object(fields);
    let _ = js_sys::Reflect::set(&msg, &"source".into(), &"rift".into());
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &JsValue::from_str(kind));
    // The timeline's messages carry only public view state: any parent may read them.
    let _ = parent.post_message(&msg, "*");
}
