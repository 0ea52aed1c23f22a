//! The filters: by person or body, by source, or only the events the
//! sources disagree on.

use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::Key;
use rift_core::search::Query;

#[component]
pub fn Filters() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let data = rift.data();
    let actors = {
        let data = data.clone();
        move || rift_core::search::actor_counts(&data, rift.lang())
    };
    let sources = move || {
        let lang = rift.lang();
        let names = data
            .data
            .sources
            .iter()
            .map(|s| (s.id.clone(), s.short_in(lang).to_string()));
        names.collect::<Vec<_>>()
    };
    let query = rift.search.query;
    let active = move || query.with(Query::filters);
    // A menu choice: the empty value means "any".
    let choice = |e: &leptos::ev::Event| Some(event_target_value(e)).filter(|v| !v.is_empty());
    // The fields (a menu of every person and body, with counts) are built
    // the first time the panel opens, not at start, unless a link asks
    // for a filter.
    let details = NodeRef::<leptos::html::Details>::new();
    let opened = RwSignal::new(query.with_untracked(Query::filters));
    let on_toggle = move |_| {
        if details.get_untracked().is_some_and(|d| d.open()) {
            opened.set(true);
        }
    };
    let fields = move || {
        let (actors, sources) = (actors.clone(), sources.clone());
        view! {
            <div class="filter-fields">
                <label>
                    {rift.text(Key::FilterActor)}
                    " "
                    <select
                        class="filter-actor"
                        on:change=move |e| query.update(|q| q.actor = choice(&e))
                        prop:value=move || query.with(|q| q.actor.clone().unwrap_or_default())
                    >
                        <option value="">{rift.text(Key::Anyone)}</option>
                        {move || actors()
                            .into_iter()
                            .map(|a| {
                                let label = format!("{} ({})", a.label, a.events);
                                view! { <option value=a.name>{label}</option> }.into_any()
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {rift.text(Key::FilterSource)}
                    " "
                    <select
                        class="filter-source"
                        on:change=move |e| query.update(|q| q.source = choice(&e))
                        prop:value=move || query.with(|q| q.source.clone().unwrap_or_default())
                    >
                        <option value="">{rift.text(Key::AnySource)}</option>
                        {move || sources()
                            .into_iter()
                            .map(|(id, label)| view! { <option value=id>{label}</option> }.into_any())
                            .collect_view()}
                    </select>
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        class="filter-disputed"
                        prop:checked=move || query.with(|q| q.disputed)
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            query.update(|q| q.disputed = on);
                        }
                    />
                    " "
                    {rift.text(Key::FilterDisputed)}
                </label>
                <button type="button" class="clear" on:click=move |_| query.set(Query::default())>{rift.text(Key::ClearAll)}</button>
            </div>
        }
        .into_any()
    };
    view! {
        <details class="filters" node_ref=details on:toggle=on_toggle>
            <summary>
                {rift.text(Key::Filters)}
                {crate::dom::shown(active, move || view! { <span class="active-dot" aria-label=rift.t(Key::FiltersOn)>" •"</span> }.into_any())}
            </summary>
            {crate::dom::shown(move || opened.get(), fields)}
        </details>
    }
}
