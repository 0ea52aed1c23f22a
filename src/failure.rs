//! Failures are shown, never left blank. Every instance's box is known
//! here from before it mounts; a panic anywhere (mount, Effect, event
//! handler) replaces the content of every box with a message in words, a
//! link to the full timeline page, and `rift:error` on the instance's root
//! (`CONTRACTS.md` §2; an iframe also tells its parent). All instances of a
//! page share one module, and a module that panicked is not trusted to
//! draw again, so every box says so, not only the one that failed.
//!
//! The message is built with plain DOM calls, not with the view framework
//! (whose state the panic may have left half-changed), and its text is
//! never parsed as HTML. `assets/failure.js` does the same when the module
//! cannot load at all.

use crate::dom;
use crate::state::Mode;
use rift_core::i18n::{t, Key, Lang};
use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// A box that holds an instance.
struct Watched {
    /// The element whose content the instance is (the body of index.html
    /// and embed.html, a script embed's container in its shadow root).
    outer: web_sys::Element,
    mode: Mode,
    /// The full timeline page, opened on what the instance started with.
    link: String,
}

thread_local! {
    static WATCHED: RefCell<Vec<Watched>> = const { RefCell::new(Vec::new()) };
}

/// Watches `outer`, the box an instance is about to be mounted in, and
/// makes sure panics are shown.
pub fn watch(outer: web_sys::Element, mode: Mode, link: String) {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        // After any hook there was (a test harness's, say).
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            before(info);
            on_panic(info);
        }));
    });
    WATCHED.with(|w| {
        if let Ok(mut w) = w.try_borrow_mut() {
            w.push(Watched { outer, mode, link });
        }
    });
}

fn on_panic(info: &std::panic::PanicHookInfo) {
    console_error_panic_hook::hook(info);
    let payload = info.payload();
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic");
    show_all(what);
}

/// Shows the failure in every watched box that does not show it yet.
fn show_all(what: &str) {
    WATCHED.with(|w| {
        // Borrowed when the panic came from `watch` itself: nothing to show.
        let Ok(w) = w.try_borrow() else {
            return;
        };
        for box_ in w.iter() {
            show(box_, what);
        }
    });
}

/// The language an instance was showing, from its root's `lang`.
fn lang_of(outer: &web_sys::Element) -> Lang {
    outer
        .query_selector(".rift[lang]")
        .ok()
        .flatten()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| Lang::from_tag(&tag))
        .or_else(|| Lang::from_tag(&web_sys::window()?.navigator().language()?))
        .unwrap_or_default()
}

fn show(watched: &Watched, what: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let outer = &watched.outer;
    if outer
        .query_selector(".rift-failed")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let lang = rift_core::i18n::shown(lang_of(outer));
    let theme = outer
        .query_selector(".rift[data-theme]")
        .ok()
        .flatten()
        .and_then(|root| root.get_attribute("data-theme"));
    let message = format!("{} {what}", t(lang, Key::Stopped));
    let el = |tag: &str, class: &str, text: &str| {
        let e = doc.create_element(tag).ok()?;
        e.set_class_name(class);
        e.set_text_content(Some(text));
        Some(e)
    };
    let mode = match watched.mode {
        Mode::Page => "rift-page",
        Mode::Frame => "rift-frame",
        Mode::Element => "rift-element",
    };
    let Some(root) = el("div", &format!("rift rift-failed {mode}"), "") else {
        return;
    };
    let _ = root.set_attribute("role", "alert");
    let _ = root.set_attribute("lang", lang.code());
    if let Some(theme) = theme {
        let _ = root.set_attribute("data-theme", &theme);
    }
    if watched.mode != Mode::Element {
        let _ = root.set_attribute("data-rift-timeline", "");
    }
    let link_text = match watched.mode {
        Mode::Page => Key::Reload,
        _ => Key::OpenFull,
    };
    let parts = [
        el("p", "failed-title", t(lang, Key::Stopped)),
        el("p", "failed-detail", what),
        el("a", "failed-link", t(lang, link_text)).inspect(|a| {
            let _ = a.set_attribute("href", &watched.link);
            if watched.mode != Mode::Page {
                let _ = a.set_attribute("target", "_blank");
                let _ = a.set_attribute("rel", "noopener");
            }
        }),
    ];
    for part in parts.into_iter().flatten() {
        let _ = root.append_child(&part);
    }
    outer.replace_children_with_node_1(&root);
    dom::dispatch(&root, "rift:error", &[("message", message.as_str().into())]);
    if watched.mode == Mode::Frame {
        crate::contract::post_to_parent("error", &[("message", JsValue::from_str(&message))]);
    }
}
