//! The citation popover of the selected event: what happened, when, who, and
//! the passages that say so; where the sources disagree, both accounts.

use crate::dom;
use crate::state::Rift;
use leptos::html;
use leptos::prelude::*;
use rift_core::format::{human, reference};
use wasm_bindgen::JsCast;

/// The interface-string key saying how precisely an event is dated.
fn precision_key(when: &rift_core::date::When) -> &'static str {
    use rift_core::date::Precision::*;
    match (when.approximate(), when.uncertain()) {
        (true, true) => return "precision_approx_uncertain",
        (true, false) => return "precision_approx",
        (false, true) => return "precision_uncertain",
        _ => {}
    }
    if when.is_range() {
        return "precision_range";
    }
    match when.precision() {
        Day => "precision_day",
        Month => "precision_month",
        Season => "precision_season",
        Year => "precision_year",
    }
}

/// Moves focus back to the event's marker (when it is on screen).
pub fn focus_event(root: Option<web_sys::Element>, id: &str) {
    let Some(root) = root else { return };
    let selector = format!("button[data-event-id=\"{}\"]", id.replace(['"', '\\'], ""));
    if let Ok(Some(el)) = root.query_selector(&selector) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

#[component]
pub fn Popover(
    /// The instance's root element, for returning focus.
    root: NodeRef<html::Div>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let dialog = NodeRef::<html::Div>::new();
    let status = RwSignal::new(String::new());

    // Focus the dialog when it opens (or shows another event).
    Effect::new(move |_| {
        if rift.selected.get().is_some() {
            status.set(String::new());
            request_animation_frame(move || {
                if let Some(d) = dialog.get_untracked() {
                    let _ = d.focus();
                }
            });
        }
    });

    let close = {
        let rift = rift.clone();
        move || {
            if let Some(i) = rift.selected.get_untracked() {
                let id = rift.data.data.events[i].id.clone();
                rift.selected.set(None);
                request_animation_frame(move || {
                    focus_event(root.get_untracked().map(Into::into), &id)
                });
            }
        }
    };

    let body = {
        let rift = rift.clone();
        let close = close.clone();
        move || {
            let i = rift.selected.get()?;
            let lang = rift.lang.get();
            let tr = |key: &str| rift_core::i18n::t(lang, key);
            let data = &rift.data;
            let e = data.data.events[i].clone();
            let when = data.when[i];
            let date = human(&when, e.date_label.as_deref(), lang);
            let lane = data.data.lanes[data.lane[i]].label_in(lang).to_string();
            let lane_class = format!("pop-lane lane-{}", data.lane[i] % 6);
            let title_id = format!("pop-title-{}", e.id);
            let title_ref = title_id.clone();
            let citations = e
                .citations
                .iter()
                .map(|c| {
                    let source = data.source(&c.source);
                    let cite = source
                        .map(|s| s.citation.clone())
                        .unwrap_or_else(|| c.source.clone());
                    view! {
                        <figure class="citation">
                            <blockquote>{rift_core::dataset::fold_space(&c.quote)}</blockquote>
                            <figcaption>
                                <cite>{cite}</cite>
                                <span class="locator">{c.locator.clone()}</span>
                            </figcaption>
                        </figure>
                    }
                })
                .collect_view();
            let related = e
                .related
                .iter()
                .filter_map(|r| data.find(r))
                .map(|j| {
                    let other = &data.data.events[j];
                    let label = format!(
                        "{} ({})",
                        other.title_in(lang),
                        human(&data.when[j], other.date_label.as_deref(), lang)
                    );
                    let rift = rift.clone();
                    let lane_class = format!("rel-key lane-{}", data.lane[j] % 6);
                    view! {
                        <li>
                            <button type="button" class="related" data-related-id=other.id.clone() on:click=move |_| {
                                rift.selected.set(Some(j));
                                rift.reveal(j);
                            }>
                                <span class=lane_class aria-hidden="true"></span>
                                {label}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let has_related = !e.related.is_empty();
            let actors = e.actors.join(", ");
            let has_actors = !e.actors.is_empty();
            let sources: Vec<String> = e
                .citations
                .iter()
                .map(|c| {
                    let name = data
                        .source(&c.source)
                        .map(|s| s.citation.clone())
                        .unwrap_or_default();
                    format!("{name} {}", c.locator)
                })
                .collect();
            let copy_ref = {
                let site = rift.site.clone();
                let title = e.title.clone();
                let date = date.clone();
                let id = e.id.clone();
                move |_| {
                    let url = rift_core::snippet::event_link(&site, &id);
                    let text = reference(&title, &date, &sources, &url);
                    dom::copy_text(&text, status, lang);
                }
            };
            let copy_link = {
                let id = e.id.clone();
                let site = rift.site.clone();
                move |_| dom::copy_text(&rift_core::snippet::event_link(&site, &id), status, lang)
            };
            let close = close.clone();
            Some(view! {
                <div
                    class="popover"
                    role="dialog"
                    aria-labelledby=title_ref
                    data-popover-for=e.id.clone()
                    tabindex="-1"
                    node_ref=dialog
                >
                    <header>
                        <p class=lane_class>{lane}</p>
                        <h2 id=title_id>{e.title_in(lang).to_string()}</h2>
                        <p class="pop-date">
                            <time datetime=e.date.clone()>{date.clone()}</time>
                            <span class="precision">
                                {format!(" · {}", rift_core::i18n::tf(lang, "dated", &[("precision", tr(precision_key(&when)))]))}
                            </span>
                        </p>
                        <button type="button" class="close" aria-label=tr("close") on:click=move |_| close()>"×"</button>
                    </header>
                    <p class="summary">{e.summary_in(lang).trim().to_string()}</p>
                    {has_actors.then(|| view! { <p class="actors"><strong>{tr("who")}</strong>{actors}</p> })}
                    {e.disputed.clone().map(|d| view! {
                        <aside class="dispute" aria-label=tr("sources_disagree")>
                            <h3>{tr("sources_disagree")}</h3>
                            <p>{d.trim().to_string()}</p>
                        </aside>
                    })}
                    <h3 class="evidence">{tr("evidence")}</h3>
                    {citations}
                    {has_related.then(|| view! {
                        <nav class="related-list" aria-label=tr("related_events")>
                            <h3>{tr("related")}</h3>
                            <ul>{related}</ul>
                        </nav>
                    })}
                    <footer>
                        <button type="button" on:click=copy_ref>{tr("copy_reference")}</button>
                        <button type="button" on:click=copy_link>{tr("copy_event_link")}</button>
                        <span class="copy-status" role="status">{move || status.get()}</span>
                    </footer>
                </div>
            })
        }
    };

    let on_keydown = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" {
            e.stop_propagation();
            close();
        }
    };
    view! { <div class="popover-host" on:keydown=on_keydown>{body}</div> }
}
