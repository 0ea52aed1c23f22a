//! The menu of a compact toolbar: a native disclosure (`<details>`) holding
//! the controls a phone has no room for. It closes with Escape (focus goes
//! back to its button) and with a press outside it.

use crate::state::Rift;
use leptos::html;
use leptos::prelude::*;
use rift_core::i18n::Key;
use rift_core::search::Query;
use wasm_bindgen::JsCast;

#[component]
pub fn Menu(
    /// What the menu holds.
    children: Children,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let details = NodeRef::<html::Details>::new();
    let summary = NodeRef::<html::Summary>::new();
    // In the capture phase: the overview strip keeps its presses to itself.
    let capture = crate::dom::Phase {
        capture: true,
        passive: false,
    };
    crate::dom::listen(&document(), "pointerdown", capture, move |e| {
        // The element's own state: its toggle event comes a task later.
        let Some(d) = details.get_untracked().filter(|d| d.open()) else {
            return;
        };
        let target = e.composed_path().get(0).dyn_into::<web_sys::Node>().ok();
        if !d.contains(target.as_ref()) {
            d.set_open(false);
        }
    });
    let on_keydown = move |e: leptos::ev::KeyboardEvent| {
        let open = details.get_untracked().filter(|d| d.open());
        if let Some(d) = open.filter(|_| e.key() == "Escape") {
            e.stop_propagation();
            d.set_open(false);
            if let Some(s) = summary.get_untracked() {
                let _ = s.focus();
            }
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
    view! {
        <details
            class="menu"
            node_ref=details
            on:keydown=on_keydown
        >
            <summary node_ref=summary aria-label=name title=rift.text(Key::Menu)>
                <span class="menu-icon" aria-hidden="true"></span>
                {crate::dom::shown(filtering, || view! { <span class="active-dot" aria-hidden="true">"•"</span> }.into_any())}
            </summary>
            <div class="menu-panel">{children()}</div>
        </details>
    }
}
