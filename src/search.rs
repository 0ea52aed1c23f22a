//! The search box: words, names in any spelling, dates as the sources word
//! them; Enter (Shift+Enter) or the arrows step through the results.

use crate::h::{button, hc, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::Key;
use wasm_bindgen::JsCast;

/// Selects the next (or previous) result and brings it into view.
fn step(rift: Rift, forward: bool) {
    let hits = rift.hits();
    let mid = rift.goal().center();
    let data = rift.data();
    let next = rift_core::search::step(
        &hits,
        rift.selected.get_untracked(),
        mid,
        |i| data.when[i].middle(),
        forward,
    );
    if let Some(i) = next {
        rift.show_event(i);
    }
}

/// The search row, its box at once and what it holds once `turn` has
/// come to its step (its room is kept, so nothing beside it moves).
pub fn search_bar(turn: RwSignal<usize>) -> H {
    hc("div", "search").attr("role", "search").from_turn(
        turn,
        crate::instance::Turn::SEARCH,
        search_parts,
    )
}

/// The field, the steps, and the count.
fn search_parts() -> Vec<H> {
    let rift = expect_context::<Rift>();
    let query = rift.search.query;
    // The count in full, and as a phone's search field shows it.
    let count = Memo::new(move |_| {
        if !query.with(|q| q.searching() || q.filters()) {
            return (String::new(), String::new());
        }
        // The searched text grows as the English details and the other
        // languages' texts arrive: no count until it is whole, or the
        // reader would see it change. (Their arrival runs this again.)
        rift.details.track();
        if query.with(|q| q.searching()) && crate::texts::search_waits(&rift.data()) {
            return (rift.t(Key::Searching).to_string(), "…".to_string());
        }
        let hits = rift.hits();
        let position = rift
            .selected
            .get()
            .and_then(|s| hits.iter().position(|&h| h == s));
        let lang = rift.lang();
        (
            rift_core::search::count_text(hits.len(), position, lang),
            rift_core::search::count_short(hits.len(), position, lang),
        )
    });
    let field = hc("input", "search-box")
        .attr("type", "search")
        // A phone's search field is short: the short name fits.
        .attr_fn("placeholder", move || {
            let key = if rift.compact.get() {
                Key::SearchLabel
            } else {
                Key::SearchPlaceholder
            };
            rift.t(key).to_string()
        })
        .attr_key("aria-label", rift, Key::SearchLabel)
        .prop_fn("value", move || query.with(|q| q.text.as_str().into()))
        .on("input", move |e| {
            let value = event_target_value(&e);
            query.update(|q| q.text = value);
        })
        .on("keydown", move |e| {
            let e: &web_sys::KeyboardEvent = e.unchecked_ref();
            if e.key() == "Enter" {
                e.prevent_default();
                step(rift, !e.shift_key());
            }
        });
    let step_button = |class: &str, label: Key, text: &str, forward: bool| {
        button(class)
            .attr_key("aria-label", rift, label)
            .on("click", move |_| step(rift, forward))
            .text(text)
    };
    vec![
        field,
        step_button("step prev", Key::PreviousResult, "‹", false),
        step_button("step next", Key::NextResult, "›", true),
        hc("span", "result-count")
            .attr("role", "status")
            .text_fn(move || count.with(|c| c.0.clone())),
        hc("span", "result-short")
            .attr("aria-hidden", "true")
            .text_fn(move || count.with(|c| c.1.clone())),
    ]
}
