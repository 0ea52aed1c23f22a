//! The Embed dialog: the iframe and script snippets for the view on
//! screen, ready to copy. A native modal `<dialog>`, so focus stays in it
//! and Escape closes it.

use crate::dom;
use crate::h::{button, h, hc, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::Key;
use wasm_bindgen::JsCast;

/// The dialog (in the DOM while it is open).
pub fn embed_dialog(
    // Whether the dialog is open.
    open: RwSignal<bool>,
) -> H {
    let rift = expect_context::<Rift>();
    let (copy, status) = dom::use_copy(rift.prefs.lang);
    let snippets = crate::dom::memo(move || {
        if !open.get() {
            return (String::new(), String::new());
        }
        let data = rift.data();
        let site = rift.site();
        let v = rift.view();
        let sel = rift.selected.get().map(|i| data.data.events[i].id.as_str());
        let lanes = rift.lanes.with(|l| rift_core::fragment::lane_ids(&data, l));
        let lang = rift.lang();
        (
            rift_core::snippet::iframe(&site, &v, sel, lanes.as_deref(), lang),
            rift_core::snippet::script(&site, &v, sel, lanes.as_deref(), lang),
        )
    });
    let snippet = |class: &str, label: Key, second: bool| {
        hc("textarea", class)
            .attr("readonly", "")
            .attr("rows", "4")
            .attr_key("aria-label", rift, label)
            .prop_fn("value", move || {
                snippets.with(|s| if second { &s.1 } else { &s.0 }.as_str().into())
            })
    };
    let copy_button = |label: Key, second: bool| {
        let copy = copy.clone();
        button("")
            .on("click", move |_| {
                copy(snippets.with_untracked(|s| if second { &s.1 } else { &s.0 }.clone()))
            })
            .text_key(rift, label)
    };
    let header = h("header")
        .child(
            h("h2")
                .attr("id", "rift-embed-title")
                .text_key(rift, Key::EmbedTitle),
        )
        .child(
            button("close")
                .attr_key("aria-label", rift, Key::Close)
                .on("click", move |_| open.set(false))
                .text("×"),
        );
    let d = hc("dialog", "embed-dialog")
        .attr("role", "dialog")
        .attr("aria-labelledby", "rift-embed-title")
        .on("close", move |_| open.set(false))
        .on("keydown", |e| e.stop_propagation())
        .child(header)
        .child(h("p").text_key(rift, Key::EmbedIntro))
        .child(h("h3").text_key(rift, Key::EmbedIframe))
        .child(snippet(
            "snippet snippet-iframe",
            Key::EmbedIframeLabel,
            false,
        ))
        .child(copy_button(Key::CopyIframe, false))
        .child(h("h3").text_key(rift, Key::EmbedScript))
        .child(hc("p", "hint").text_key(rift, Key::EmbedHint))
        .child(snippet(
            "snippet snippet-script",
            Key::EmbedScriptLabel,
            true,
        ))
        .child(copy_button(Key::CopyScript, true))
        .child(
            hc("p", "copy-status")
                .attr("role", "status")
                .text_fn(move || status.get()),
        );
    // A modal in the top layer, once it is in the page.
    let modal: web_sys::HtmlDialogElement = d.0.clone().unchecked_into();
    queue_microtask(move || {
        if modal.is_connected() && !modal.open() {
            let _ = modal.show_modal();
        }
    });
    d
}
