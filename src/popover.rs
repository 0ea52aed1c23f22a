//! The citation popover of the selected event: what happened, when, who, and
//! the passages that say so; where the sources disagree, both accounts.

use crate::dom;
use crate::state::Rift;
use leptos::html;
use leptos::prelude::*;
use rift_core::dataset::{fold_space, Timeline};
use rift_core::i18n::Key;
use rift_core::scene::LaneLook;
use std::sync::Arc;

#[component]
pub fn Popover(
    /// The instance's root element, for returning focus.
    root: NodeRef<html::Div>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let dialog = NodeRef::<html::Div>::new();
    // Focus the dialog when it opens (or shows another event), unless the
    // kiosk tour opened it: nobody is at the keyboard, and a script embed
    // must not scroll its host page to itself every few seconds.
    crate::dom::effect(move || {
        if rift.selected.get().is_some() && !rift.kiosk.touring.get_untracked() {
            request_animation_frame(move || {
                if let Some(d) = dialog.get_untracked() {
                    let _ = d.focus();
                }
            });
        }
    });
    let close = move || {
        if let Some(i) = rift.selected.get_untracked() {
            let id = rift.data().data.events[i].id.clone();
            rift.selected.set(None);
            request_animation_frame(move || {
                dom::focus_event(root.get_untracked().map(Into::into), &id)
            });
        }
    };
    let on_keydown = move |e: leptos::ev::KeyboardEvent| {
        if e.key() == "Escape" {
            e.stop_propagation();
            close();
        }
    };
    keep_above_sheet(rift, root);
    let body = move || {
        let Some(i) = rift.selected.get() else {
            return ().into_any();
        };
        // A new language redraws the card.
        rift.prefs.lang.track();
        view! { <Card idx=i dialog=dialog close=Callback::new(move |_| close()) /> }.into_any()
    };
    view! { <div class="popover-host" on:keydown=on_keydown>{move || body()}</div> }
}

/// On a compact screen the popover is a bottom sheet over the lower part
/// of the instance: the lanes get room to scroll under it, and scroll so
/// that the selected event sits in the upper part of what stays in view.
/// Runs when the selection changes, once every lane is drawn, and once a
/// move towards it has ended.
fn keep_above_sheet(rift: Rift, root: NodeRef<html::Div>) {
    crate::dom::effect(move || {
        let selected = rift.selected.get();
        let (compact, drawn) = (rift.compact.get(), rift.lanes_drawn());
        let moving = rift.motion.goal.with(Option::is_some);
        rift.prefs.large.track();
        let Some(root) = root.get() else { return };
        let Some(lanes) = dom::find::<web_sys::HtmlElement>(&root, ".lanes") else {
            return;
        };
        let (Some(i), true, true, false) = (selected, compact, drawn, moving) else {
            if selected.is_none() || !compact {
                let _ = lanes.style().remove_property("padding-bottom");
            }
            return;
        };
        let id = rift.data().data.events[i].id.clone();
        // After the sheet and the lanes are drawn.
        request_animation_frame(move || scroll_above_sheet(&root, &lanes, &id));
    });
}

/// Scrolls `lanes` so the mark of event `id` sits above the sheet.
fn scroll_above_sheet(root: &web_sys::HtmlDivElement, lanes: &web_sys::HtmlElement, id: &str) {
    let Some(sheet) = dom::find::<web_sys::HtmlElement>(root, ".popover") else {
        return;
    };
    let top = sheet.get_bounding_client_rect().top();
    let room = lanes.get_bounding_client_rect();
    let _ = lanes.style().set_property(
        "padding-bottom",
        &rift_core::css::px((room.bottom() - top).max(0.0)),
    );
    let Some(mark) = dom::find::<web_sys::HtmlElement>(root, &dom::event_selector(id)) else {
        return;
    };
    let b = mark.get_bounding_client_rect();
    if b.top() >= room.top() && b.bottom() <= top {
        return;
    }
    // A third of the way down the room left above the sheet.
    let want = room.top() + ((top - room.top() - b.height()) / 3.0).max(0.0);
    lanes.set_scroll_top(lanes.scroll_top() + (b.top() - want).round() as i32);
}

/// The popover of one event.
#[component]
fn Card(
    /// Index of the event.
    idx: usize,
    /// The dialog element, focused when it opens.
    dialog: NodeRef<html::Div>,
    /// Closes the popover.
    close: Callback<()>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let data = rift.data();
    let lang = rift.lang();
    let tr = move |key: Key| rift_core::i18n::t(lang, key);
    let e = &data.data.events[idx];
    let when = data.when[idx];
    let lane = data.lane[idx];
    let precision = rift_core::i18n::tf(
        lang,
        Key::Dated,
        &[("precision", tr(rift_core::format::precision_key(&when)))],
    );
    let title_id = format!("pop-title-{}", e.id);
    let text_lang = rift.fallback_lang(idx);
    let actors: Vec<&str> = e
        .actors
        .iter()
        .map(|name| {
            data.data
                .actors
                .iter()
                .find(|a| &a.name == name)
                .map_or(name.as_str(), |a| a.name_in(lang))
        })
        .collect();
    let actors = actors.join(", ");
    let labelled_by = title_id.clone();
    // The summary and the dispute, once known (the English ones arrive
    // with the details, src/texts.rs).
    let summary = {
        let data = data.clone();
        crate::dom::memo(move || {
            rift.details.track();
            let s = data.summary(idx, lang).trim();
            (!s.is_empty()).then(|| s.to_string())
        })
    };
    let unknown = move || summary.with(Option::is_none);
    let dispute = {
        let data = data.clone();
        crate::dom::memo(move || {
            rift.details.track();
            let s = data.disputed(idx, lang).unwrap_or_default().trim();
            (!s.is_empty()).then(|| s.to_string())
        })
    };
    // Until it arrives the box says so, rather than standing empty under
    // its heading.
    let dispute_text = move || {
        dispute
            .get()
            .unwrap_or_else(|| pending(rift, Key::DisputeLoading, Key::DisputeFailed).to_string())
    };
    view! {
        <div
            class="popover"
            role="dialog"
            aria-labelledby=labelled_by
            data-popover-for=e.id.clone()
            tabindex="-1"
            node_ref=dialog
        >
            <header>
                <p class=format!("pop-lane {}", LaneLook::of(lane).hue)>{data.data.lanes[lane].label_in(lang).to_string()}</p>
                <h2 id=title_id lang=text_lang>{data.title(idx, lang).to_string()}</h2>
                <p class="pop-date">
                    <time datetime=e.date.clone()>{rift.date_of(idx)}</time>
                    <span class="precision">{format!(" · {precision}")}</span>
                </p>
                <button type="button" class="close" aria-label=tr(Key::Close) on:click=move |_| close.run(())>"×"</button>
            </header>
            // Said when it arrives, if the card opened before it.
            <p class="summary" class:pending=unknown lang=text_lang aria-live="polite">
                {move || summary.get().unwrap_or_else(|| pending(rift, Key::DetailsLoading, Key::DetailsFailed).to_string())}
            </p>
            {(!e.actors.is_empty()).then(|| view! { <p class="actors"><strong>{tr(Key::Who)}</strong>{actors}</p> }.into_any())}
            {data.is_disputed(idx).then(|| view! {
                <aside class="dispute" aria-label=tr(Key::SourcesDisagree)>
                    <h3>{tr(Key::SourcesDisagree)}</h3>
                    <p lang=text_lang class:pending=move || dispute.with(Option::is_none)>{move || dispute_text()}</p>
                </aside>
            }.into_any())}
            <h3 class="evidence">{tr(Key::Evidence)}</h3>
            // Where the account is known (translated) but the passages are
            // not yet: say so here, since nothing above does.
            {move || (!unknown())
                .then(|| rift.details.get().missing(Key::PassagesLoading, Key::PassagesFailed))
                .flatten()
                .map(|key| view! { <p class="pending">{tr(key)}</p> }.into_any())}
            <Citations data=data.clone() idx=idx />
            <Related data=data.clone() idx=idx />
            {crate::dom::shown(move || !rift.kiosk.on(), move || view! { <Share idx=idx /> }.into_any())}
        </div>
    }
}

/// What stands where a text from the details will be: `loading`, or
/// `failed` if they could not be fetched (tracked).
fn pending(rift: Rift, loading: Key, failed: Key) -> &'static str {
    let key = rift.details.get().missing(loading, failed);
    rift_core::i18n::t(rift.prefs.lang.get_untracked(), key.unwrap_or(loading))
}

/// Each passage as a quote, with its source and locator under it.
#[component]
fn Citations(
    /// The dataset.
    data: Arc<Timeline>,
    /// Index of the event.
    idx: usize,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let lang = rift.prefs.lang.get_untracked();
    data.data.events[idx]
        .citations
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let cite = data
                .source(&c.source)
                .map_or_else(|| c.source.clone(), |s| s.citation_in(lang).to_string());
            // Empty until the details arrive (an empty quote is not drawn).
            let passage = {
                let data = data.clone();
                crate::dom::memo(move || {
                    rift.details.track();
                    let (locator, quote) = data.passage(idx, j);
                    (locator.to_string(), fold_space(quote))
                })
            };
            view! {
                <figure class="citation">
                    <blockquote lang="en">{move || passage.with(|p| p.1.clone())}</blockquote>
                    <figcaption>
                        <cite>{cite}</cite>
                        <span class="locator">{move || passage.with(|p| p.0.clone())}</span>
                    </figcaption>
                </figure>
            }
            .into_any()
        })
        .collect_view()
}

/// The events this one answers or mirrors: each moves the view there.
#[component]
fn Related(
    /// The dataset.
    data: Arc<Timeline>,
    /// Index of the event.
    idx: usize,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let related: Vec<usize> = data.data.events[idx]
        .related
        .iter()
        .filter_map(|r| data.find(r))
        .collect();
    (!related.is_empty()).then(|| {
        let items = related
            .into_iter()
            .map(|j| {
                let other = &data.data.events[j];
                // The date on a line of its own: a date as the sources word
                // it ("end of November 1961 (Albanian state holiday, 29
                // November)") would not read in brackets after the title.
                let title = data.title(j, rift.lang()).to_string();
                view! {
                    <li>
                        <button type="button" class="related" data-related-id=other.id.clone() on:click=move |_| rift.show_event(j)>
                            <span class=format!("rel-key {}", LaneLook::of(data.lane[j]).hue) aria-hidden="true"></span>
                            <span>
                                {title}
                                <span class="rel-sep">", "</span>
                                <span class="rel-date">{rift.date_of(j)}</span>
                            </span>
                        </button>
                    </li>
                }
                .into_any()
            })
            .collect_view();
        view! {
            <nav class="related-list" aria-label=rift.t(Key::RelatedEvents)>
                <h3>{rift.t(Key::Related)}</h3>
                <ul>{items}</ul>
            </nav>
        }
    })
}

/// Copy a reference for a bibliography, or a link to the event.
#[component]
fn Share(
    /// Index of the event.
    idx: usize,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let (copy, status) = dom::use_copy(rift.prefs.lang);
    let data = rift.data();
    let e = &data.data.events[idx];
    let lang = rift.prefs.lang.get_untracked();
    let link = rift_core::snippet::event_link(&rift.site(), &e.id);
    // Made when copied: the locators come with the details.
    let reference = {
        let (data, link) = (data.clone(), link.clone());
        move || {
            let sources: Vec<String> = data.data.events[idx]
                .citations
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    let name = data
                        .source(&c.source)
                        .map(|s| s.citation_in(lang))
                        .unwrap_or_default();
                    format!("{name} {}", data.passage(idx, j).0)
                })
                .collect();
            rift_core::format::reference(data.title(idx, lang), &rift.date_of(idx), &sources, &link)
        }
    };
    let copy_link = copy.clone();
    // With the locators: pressed before the details arrived, it waits for
    // them (or copies without them, if they failed).
    let copy_reference = move || {
        let (copy, reference) = (copy.clone(), reference.clone());
        rift.with_details(move || copy(reference()));
    };
    view! {
        <footer>
            <button type="button" on:click=move |_| copy_reference()>{rift.t(Key::CopyReference)}</button>
            <button type="button" on:click=move |_| copy_link(link.clone())>{rift.t(Key::CopyEventLink)}</button>
            <span class="copy-status" role="status">{move || status.get()}</span>
        </footer>
    }
}
