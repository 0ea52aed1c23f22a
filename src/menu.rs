//! The menu of a compact toolbar: a native disclosure (`<details>`) holding
//! the controls a phone has no room for. It closes with Escape (focus goes
//! back to its button) and with a press outside it.

use crate::h::{h, hc, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::Key;
use rift_core::search::Query;
use wasm_bindgen::JsCast;

/// The menu, holding `panel` (a `.menu-panel`).
pub fn menu(panel: H) -> H {
    let rift = expect_context::<Rift>();
    let details = h("details").attr("class", "menu");
    let summary = h("summary");
    // In the capture phase: the overview strip keeps its presses to itself.
    let capture = crate::dom::Phase {
        capture: true,
        passive: false,
    };
    let menu: web_sys::HtmlDetailsElement = details.0.clone().unchecked_into();
    let button: web_sys::HtmlElement = summary.0.clone().unchecked_into();
    let d = menu.clone();
    crate::dom::listen(&document(), "pointerdown", capture, move |e| {
        // The element's own state: its toggle event comes a task later.
        if !d.open() {
            return;
        }
        let target = e.composed_path().get(0).dyn_into::<web_sys::Node>().ok();
        if !d.contains(target.as_ref()) {
            d.set_open(false);
        }
    });
    let on_keydown = move |e: web_sys::Event| {
        let e: &web_sys::KeyboardEvent = e.unchecked_ref();
        if menu.open() && e.key() == "Escape" {
            e.stop_propagation();
            menu.set_open(false);
            let _ = button.focus();
        }
    };
    // The filters live in the menu: its button says when they are on.
    let filtering = move || rift.search.query.with(Query::filters);
    let name = move || {
        let menu = rift.t(Key::Menu);
        if filtering() {
            format!("{menu} {}", rift.t(Key::FiltersOn))
        } else {
            menu.to_string()
        }
    };
    let summary = summary
        .attr_fn("aria-label", name)
        .attr_key("title", rift, Key::Menu)
        .child(hc("span", "menu-icon").attr("aria-hidden", "true"))
        .shown(filtering, || {
            hc("span", "active-dot")
                .attr("aria-hidden", "true")
                .text("•")
        });
    details
        .on("keydown", on_keydown)
        .child(summary)
        .child(panel)
}
