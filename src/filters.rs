//! The filters: by person or body, by source, or only the events the
//! sources disagree on.

use crate::h::{button, h, hc, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::Key;
use rift_core::search::Query;
use wasm_bindgen::JsCast;

/// The filters' disclosure.
pub fn filters() -> H {
    let rift = expect_context::<Rift>();
    let query = rift.search.query;
    let active = move || query.with(Query::filters);
    // A menu choice: the empty value means "any".
    let choice = |e: &web_sys::Event| Some(event_target_value(e)).filter(|v| !v.is_empty());
    // The fields (a menu of every person and body, with counts) are built
    // the first time the panel opens, not at start, unless a link asks
    // for a filter.
    let details = hc("details", "filters");
    let opened = RwSignal::new(query.with_untracked(Query::filters));
    let panel: web_sys::HtmlDetailsElement = details.0.clone().unchecked_into();
    let fields = move || {
        let data = rift.data();
        let actors = {
            let data = data.clone();
            move || {
                let lang = rift.lang();
                let mut all = vec![(String::new(), rift.t(Key::Anyone).to_string())];
                let counts = rift_core::search::actor_counts(&data, lang).into_iter();
                all.extend(counts.map(|a| (a.name, format!("{} ({})", a.label, a.events))));
                all
            }
        };
        let sources = move || {
            let lang = rift.lang();
            let mut all = vec![(String::new(), rift.t(Key::AnySource).to_string())];
            let names = data.data.sources.iter();
            all.extend(names.map(|s| (s.id.clone(), s.short_in(lang).to_string())));
            all
        };
        let actor = h("select")
            .attr("class", "filter-actor")
            .on("change", move |e| query.update(|q| q.actor = choice(&e)))
            .options(actors, move || {
                query.with(|q| q.actor.clone().unwrap_or_default())
            });
        let source = h("select")
            .attr("class", "filter-source")
            .on("change", move |e| query.update(|q| q.source = choice(&e)))
            .options(sources, move || {
                query.with(|q| q.source.clone().unwrap_or_default())
            });
        let disputed = h("input")
            .attr("type", "checkbox")
            .attr("class", "filter-disputed")
            .prop_fn("checked", move || query.with(|q| q.disputed).into())
            .on("change", move |e| {
                let on = event_target_checked(&e);
                query.update(|q| q.disputed = on);
            });
        hc("div", "filter-fields")
            .child(
                h("label")
                    .text_key(rift, Key::FilterActor)
                    .text(" ")
                    .child(actor),
            )
            .child(
                h("label")
                    .text_key(rift, Key::FilterSource)
                    .text(" ")
                    .child(source),
            )
            .child(
                hc("label", "check")
                    .child(disputed)
                    .text(" ")
                    .text_key(rift, Key::FilterDisputed),
            )
            .child(
                button("clear")
                    .on("click", move |_| query.set(Query::default()))
                    .text_key(rift, Key::ClearAll),
            )
    };
    let summary = h("summary")
        .text_key(rift, Key::Filters)
        .shown(active, move || {
            hc("span", "active-dot")
                .attr_key("aria-label", rift, Key::FiltersOn)
                .text(" •")
        });
    details
        .on("toggle", move |_| {
            if panel.open() {
                opened.set(true);
            }
        })
        .child(summary)
        .shown(move || opened.get(), fields)
}
