//! The search box: words, names in any spelling, dates as the sources word
//! them; Enter (Shift+Enter) or the arrows step through the results.

use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::Key;

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

#[component]
pub fn SearchBar() -> impl IntoView {
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
    let on_keydown = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            step(rift, !e.shift_key());
        }
    };
    view! {
        <div class="search" role="search">
            <input
                type="search"
                class="search-box"
                // A phone's search field is short: the short name fits.
                placeholder=move || {
                    rift.t(if rift.compact.get() { Key::SearchLabel } else { Key::SearchPlaceholder }).to_string()
                }
                aria-label=rift.text(Key::SearchLabel)
                prop:value=move || query.with(|q| q.text.clone())
                on:input=move |e| {
                    let value = event_target_value(&e);
                    query.update(|q| q.text = value);
                }
                on:keydown=on_keydown
            />
            <button type="button" class="step prev" aria-label=rift.text(Key::PreviousResult) on:click=move |_| step(rift, false)>"‹"</button>
            <button type="button" class="step next" aria-label=rift.text(Key::NextResult) on:click=move |_| step(rift, true)>"›"</button>
            <span class="result-count" role="status">{move || count.with(|c| c.0.clone())}</span>
            <span class="result-short" aria-hidden="true">{move || count.with(|c| c.1.clone())}</span>
        </div>
    }
}
