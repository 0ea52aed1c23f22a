//! Exploring in class: the search box (with stepping through results), the
//! filters (actor, source, disputed only) and the chronological list view.

use crate::state::Rift;
use crate::timeline::accessible_name;
use leptos::prelude::*;
use rift_core::format::human;
use rift_core::i18n::{t, tf};
use rift_core::search::Query;

/// Moves to the next (or previous) search result: selects it and brings it
/// into view.
fn step(rift: &Rift, forward: bool) {
    let hits = rift.hits();
    if hits.is_empty() {
        return;
    }
    let n = hits.len();
    let next = match rift
        .selected
        .get_untracked()
        .and_then(|s| hits.iter().position(|&h| h == s))
    {
        Some(p) if forward => (p + 1) % n,
        Some(p) => (p + n - 1) % n,
        None => {
            // From the middle of the window: the first result after it (or before it).
            let mid = rift.view.get_untracked().center();
            let after = hits
                .iter()
                .position(|&h| rift.data.when[h].middle() >= mid)
                .unwrap_or(0);
            if forward {
                after
            } else {
                (after + n - 1) % n
            }
        }
    };
    let i = hits[next];
    rift.selected.set(Some(i));
    rift.reveal(i);
}

#[component]
pub fn SearchBar() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let lang = rift.lang;
    let count = {
        let rift = rift.clone();
        move || {
            let searching = rift.query.with(Query::searching);
            let filtering = rift.query.with(Query::filters);
            if !searching && !filtering {
                return String::new();
            }
            let hits = rift.hits();
            let pos = rift
                .selected
                .get()
                .and_then(|s| hits.iter().position(|&h| h == s));
            match (hits.len(), pos) {
                (0, _) => rift.t("no_events").to_string(),
                (1, _) => rift.t("one_event").to_string(),
                (n, Some(p)) => tf(
                    rift.lang.get(),
                    "nth_of",
                    &[("i", &(p + 1).to_string()), ("n", &n.to_string())],
                ),
                (n, None) => tf(rift.lang.get(), "n_events", &[("n", &n.to_string())]),
            }
        }
    };
    let on_input = move |e: leptos::ev::Event| {
        let value = event_target_value(&e);
        rift.query.update(|q| q.text = value);
    };
    let next = {
        let rift = rift.clone();
        move |_| step(&rift, true)
    };
    let prev = {
        let rift = rift.clone();
        move |_| step(&rift, false)
    };
    let on_keydown = {
        let rift = rift.clone();
        move |e: leptos::ev::KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                step(&rift, !e.shift_key());
            }
        }
    };
    view! {
        <div class="search" role="search">
            <input
                type="search"
                class="search-box"
                placeholder=move || t(lang.get(), "search_placeholder")
                aria-label=move || t(lang.get(), "search_label")
                prop:value=move || rift.query.with(|q| q.text.clone())
                on:input=on_input
                on:keydown=on_keydown
            />
            <button type="button" class="step prev" aria-label=move || t(lang.get(), "previous_result") on:click=prev>"‹"</button>
            <button type="button" class="step next" aria-label=move || t(lang.get(), "next_result") on:click=next>"›"</button>
            <span class="result-count" role="status">{count}</span>
        </div>
    }
}

#[component]
pub fn Filters() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let lang = rift.lang;
    let mut actors: Vec<(String, usize)> = rift
        .data
        .data
        .actors
        .iter()
        .map(|a| {
            let n = rift
                .data
                .data
                .events
                .iter()
                .filter(|e| e.actors.contains(&a.name))
                .count();
            (a.name.clone(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    actors.sort_by(|a, b| a.0.cmp(&b.0));
    let sources: Vec<(String, String)> = rift
        .data
        .data
        .sources
        .iter()
        .map(|s| {
            let label = if s.short.is_empty() {
                s.citation.clone()
            } else {
                s.short.clone()
            };
            (s.id.clone(), label)
        })
        .collect();
    let query = rift.query;
    let active = move || query.with(Query::filters);
    view! {
        <details class="filters">
            <summary>
                {move || t(lang.get(), "filters")}
                {move || active().then(|| view! { <span class="active-dot" aria-label=t(lang.get(), "filters_on")>" •"</span> })}
            </summary>
            <div class="filter-fields">
                <label>
                    {move || t(lang.get(), "filter_actor")}
                    " "
                    <select
                        class="filter-actor"
                        on:change=move |e| {
                            let v = event_target_value(&e);
                            query.update(|q| q.actor = (!v.is_empty()).then_some(v));
                        }
                        prop:value=move || query.with(|q| q.actor.clone().unwrap_or_default())
                    >
                        <option value="">{move || t(lang.get(), "anyone")}</option>
                        {actors
                            .into_iter()
                            .map(|(name, n)| {
                                let label = format!("{name} ({n})");
                                view! { <option value=name>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>
                    {move || t(lang.get(), "filter_source")}
                    " "
                    <select
                        class="filter-source"
                        on:change=move |e| {
                            let v = event_target_value(&e);
                            query.update(|q| q.source = (!v.is_empty()).then_some(v));
                        }
                        prop:value=move || query.with(|q| q.source.clone().unwrap_or_default())
                    >
                        <option value="">{move || t(lang.get(), "any_source")}</option>
                        {sources
                            .into_iter()
                            .map(|(id, label)| view! { <option value=id>{label}</option> })
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
                    {move || t(lang.get(), "filter_disputed")}
                </label>
                <button type="button" class="clear" on:click=move |_| query.set(Query::default())>{move || t(lang.get(), "clear_all")}</button>
            </div>
        </details>
    }
}

/// The same events as a chronological list: those of the current window
/// that the filters keep (and, while searching, that match).
#[component]
pub fn ListView() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let lang = rift.lang;
    // The window's kept (and matching) events: one computation per change,
    // read by the summary and the list.
    let entries = {
        let rift = rift.clone();
        Memo::new(move |_| {
            let v = rift.view.get();
            rift.hits()
                .into_iter()
                .filter(|&i| {
                    let w = &rift.data.when[i];
                    v.overlaps(w.start() as f64, w.end() as f64)
                })
                .collect::<Vec<_>>()
        })
    };
    let summary = {
        move || {
            let n = entries.with(Vec::len);
            let lang = rift.lang.get();
            let window = rift
                .view
                .with(|v| rift_core::format::window(v.first_day(), v.last_day() + 1, lang));
            let key = match n {
                0 => "list_none",
                1 => "list_one",
                _ => "list_n",
            };
            tf(lang, key, &[("n", &n.to_string()), ("window", &window)])
        }
    };
    view! {
        <section class="list-view" aria-label=move || t(lang.get(), "list_label")>
            <p class="list-summary">{summary}</p>
            <ol class="chronology">
                <For each=move || entries.get() key=|i| *i let:i>
                    <ListEntry idx=i />
                </For>
            </ol>
        </section>
    }
}

#[component]
fn ListEntry(
    /// Index of the event.
    idx: usize,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let data = &rift.data;
    let e = &data.data.events[idx];
    let lane = data.lane[idx];
    let lang = rift.lang.get_untracked();
    let lane_label = data.data.lanes[lane].label_in(lang).to_string();
    let date = human(&data.when[idx], e.date_label.as_deref(), lang);
    let name = {
        let rift = rift.clone();
        move || accessible_name(&rift, idx)
    };
    let class = format!("entry lane-{}", lane % 6);
    let shape = [
        "shape-circle",
        "shape-square",
        "shape-diamond",
        "shape-triangle",
    ][lane % 4];
    let selected = move || rift.selected.get() == Some(idx);
    let select = {
        let rift = rift.clone();
        move |_| rift.selected.set(Some(idx))
    };
    view! {
        <li class=class data-lane=data.data.lanes[lane].id.clone()>
            <time datetime=e.date.clone()>{date}</time>
            <span class=format!("entry-lane {shape}")>
                <span class="lane-key" aria-hidden="true"></span>
                {lane_label}
            </span>
            <h3>
                <button
                    type="button"
                    class="entry-title"
                    class:selected=selected
                    data-event-id=e.id.clone()
                    aria-label=name
                    on:click=select
                >
                    {e.disputed.is_some().then(|| view! { <span class="flag" aria-hidden="true">"≠"</span> })}
                    {e.title_in(lang).to_string()}
                </button>
            </h3>
            <p class="entry-summary">{e.summary_in(lang).trim().to_string()}</p>
        </li>
    }
}

/// What prints: a chronology of the current window, filters and search,
/// with the citations as numbered footnotes. Rendered only while printing.
#[component]
pub fn PrintView() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let lang = rift.lang.get_untracked();
    let data = rift.data.clone();
    let v = rift.view.get_untracked();
    let entries: Vec<usize> = rift
        .hits()
        .into_iter()
        .filter(|&i| {
            let w = &data.when[i];
            v.overlaps(w.start() as f64, w.end() as f64)
        })
        .collect();
    let window = rift_core::format::window(v.first_day(), v.last_day() + 1, lang);
    let q = rift.query.get_untracked();
    let mut scope = vec![window];
    if q.searching() {
        scope.push(tf(lang, "print_matching", &[("q", q.text.trim())]));
    }
    if let Some(a) = &q.actor {
        scope.push(tf(lang, "print_involving", &[("actor", a)]));
    }
    if let Some(s) = q.source.as_ref().and_then(|s| data.source(s)) {
        let name = if s.short.is_empty() {
            &s.citation
        } else {
            &s.short
        };
        scope.push(tf(lang, "print_cited_from", &[("source", name)]));
    }
    if q.disputed {
        scope.push(t(lang, "print_disputed").to_string());
    }
    let mut notes: Vec<String> = Vec::new();
    let mut cited = std::collections::HashSet::new();
    let items = entries
        .iter()
        .map(|&i| {
            let e = &data.data.events[i];
            let first = notes.len() + 1;
            for c in &e.citations {
                // The first note of a source gives it in full, later ones short.
                let cite = data
                    .source(&c.source)
                    .map(|s| {
                        if cited.insert(s.id.clone()) || s.short.is_empty() {
                            s.citation.trim_end_matches('.').to_string()
                        } else {
                            s.short.clone()
                        }
                    })
                    .unwrap_or_default();
                notes.push(format!(
                    "{cite}, {}: \u{201c}{}\u{201d}",
                    c.locator,
                    rift_core::dataset::fold_space(&c.quote)
                ));
            }
            let refs: Vec<usize> = (first..=notes.len()).collect();
            let lane = data.data.lanes[data.lane[i]].label_in(lang).to_string();
            let date = human(&data.when[i], e.date_label.as_deref(), lang);
            view! {
                <li>
                    <p class="print-head">
                        <time datetime=e.date.clone()>{date}</time>
                        " · " <span class="print-lane">{lane}</span>
                    </p>
                    <p>
                        <strong>{e.title_in(lang).to_string()}</strong>
                        ". " {e.summary_in(lang).trim().to_string()}
                        <sup>
                            {refs
                                .into_iter()
                                .enumerate()
                                .map(|(k, n)| view! {
                                    {(k > 0).then_some(",")}
                                    <a href=format!("#rift-note-{n}")>{n}</a>
                                })
                                .collect_view()}
                        </sup>
                    </p>
                    {e.disputed.clone().map(|d| view! {
                        <p class="print-dispute"><em>{t(lang, "sources_disagree_colon")}</em>{d.trim().to_string()}</p>
                    })}
                </li>
            }
        })
        .collect_view();
    let link = rift_core::snippet::page_link(&rift.site, &crate::dom::current_fragment());
    view! {
        <section class="print-view" aria-hidden="true">
            <h1>"Rift" {t(lang, "subtitle")}</h1>
            <p class="print-scope">
                {tf(lang, "print_scope", &[("scope", &scope.join(", ")), ("n", &entries.len().to_string())])}
            </p>
            <ol class="print-chronology">{items}</ol>
            <h2>{t(lang, "notes")}</h2>
            <ol class="footnotes">
                {notes
                    .into_iter()
                    .enumerate()
                    .map(|(n, text)| view! { <li id=format!("rift-note-{}", n + 1)>{text}</li> })
                    .collect_view()}
            </ol>
            <p class="print-link">{link}</p>
        </section>
    }
}
