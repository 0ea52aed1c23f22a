//! Faults forced on purpose, so the end-to-end tests can see how a failure
//! is shown (`crate::failure`). Only in builds with the `faults` feature;
//! release builds do not contain this module.
//!
//! `?fault=KIND` in the page's address (index.html, embed.html) or
//! `data-fault="KIND"` on a script embed, where KIND is `mount` (a panic
//! while the instance is built), `effect` (in an Effect, once the lanes
//! have their size) or `handler` (in the handler of a press on Zoom in).

use crate::state::Rift;
use leptos::prelude::*;

/// Arms the fault the address or the embedding element asks for.
pub fn arm(rift: Rift, host: Option<&web_sys::HtmlElement>, root: crate::h::Held) {
    let asked = match host {
        Some(host) => host.get_attribute("data-fault"),
        None => window().location().search().ok().and_then(|q| {
            q.trim_start_matches('?')
                .split('&')
                .find_map(|kv| kv.strip_prefix("fault=").map(str::to_string))
        }),
    };
    match asked.as_deref() {
        Some("mount") => panic!("fault forced while mounting"),
        Some("effect") => {
            crate::dom::effect(move || {
                if rift.width() > 0.0 {
                    panic!("fault forced in an effect");
                }
            });
        }
        Some("handler") => {
            crate::dom::listen(&root.get_value(), "click", Default::default(), |e| {
                if crate::dom::target_within(&e, ".zoom-in") {
                    panic!("fault forced in an event handler");
                }
            });
        }
        _ => {}
    }
}
