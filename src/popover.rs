//! The citation popover of the selected event: what happened, when, who, and
//! the passages that say so; where the sources disagree, both accounts.

use crate::dom;
use crate::h::{button, h, hc, Held, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::dataset::{fold_space, Timeline};
use rift_core::i18n::Key;
use rift_core::scene::LaneLook;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The popover's place: the card of the selected event, if any.
pub fn popover(
    // The instance's root element, for returning focus.
    root: Held,
) -> H {
    let rift = expect_context::<Rift>();
    let host = hc("div", "popover-host");
    let card_of = host.0.clone();
    // Focus the dialog when it opens (or shows another event), unless the
    // kiosk tour opened it: nobody is at the keyboard, and a script embed
    // must not scroll its host page to itself every few seconds.
    crate::dom::effect(move || {
        if rift.selected.get().is_some() && !rift.kiosk.touring.get_untracked() {
            let host = card_of.clone();
            request_animation_frame(move || {
                if let Some(d) = dom::find::<web_sys::HtmlElement>(&host, ".popover") {
                    let _ = d.focus();
                }
            });
        }
    });
    let close = move || {
        if let Some(i) = rift.selected.get_untracked() {
            let id = rift.data().data.events[i].id.clone();
            rift.selected.set(None);
            request_animation_frame(move || dom::focus_event(Some(root.get_value().into()), &id));
        }
    };
    keep_above_sheet(rift, root);
    host.on("keydown", move |e| {
        let e: &web_sys::KeyboardEvent = e.unchecked_ref();
        if e.key() == "Escape" {
            e.stop_propagation();
            close();
        }
    })
    .parts(move || {
        let Some(i) = rift.selected.get() else {
            return Vec::new();
        };
        // A new language redraws the card.
        rift.prefs.lang.track();
        untrack(|| vec![card(i, close)])
    })
}

/// On a compact screen the popover is a bottom sheet over the lower part
/// of the instance: the lanes get room to scroll under it, and scroll so
/// that the selected event sits in the upper part of what stays in view.
/// Runs when the selection changes, once every lane is drawn, and once a
/// move towards it has ended.
fn keep_above_sheet(rift: Rift, root: Held) {
    crate::dom::effect(move || {
        let selected = rift.selected.get();
        let (compact, drawn) = (rift.compact.get(), rift.lanes_drawn());
        let moving = rift.motion.goal.with(Option::is_some);
        rift.prefs.large.track();
        let root = root.get_value();
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
fn scroll_above_sheet(root: &web_sys::HtmlElement, lanes: &web_sys::HtmlElement, id: &str) {
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

/// The popover of event `idx`.
fn card(idx: usize, close: impl Fn() + 'static) -> H {
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
    let header = h("header")
        .child(
            hc("p", &format!("pop-lane {}", LaneLook::of(lane).hue))
                .text(data.data.lanes[lane].label_in(lang)),
        )
        .child(
            h("h2")
                .attr("id", &title_id)
                .attr_some("lang", text_lang)
                .text(data.title(idx, lang)),
        )
        .child(
            hc("p", "pop-date")
                .child(h("time").attr("datetime", &e.date).text(&rift.date_of(idx)))
                .child(hc("span", "precision").text(&format!(" · {precision}"))),
        )
        .child(
            button("close")
                .attr("aria-label", tr(Key::Close))
                .on("click", move |_| close())
                .text("×"),
        );
    // Said when it arrives, if the card opened before it.
    let summary = hc("p", "summary")
        .class_if("pending", unknown)
        .attr_some("lang", text_lang)
        .attr("aria-live", "polite")
        .text_fn(move || {
            summary.get().unwrap_or_else(|| {
                pending(rift, Key::DetailsLoading, Key::DetailsFailed).to_string()
            })
        });
    let actors = (!e.actors.is_empty()).then(|| {
        hc("p", "actors")
            .child(h("strong").text(tr(Key::Who)))
            .text(&actors)
    });
    let dispute = data.is_disputed(idx).then(|| {
        hc("aside", "dispute")
            .attr("aria-label", tr(Key::SourcesDisagree))
            .child(h("h3").text(tr(Key::SourcesDisagree)))
            .child(
                h("p")
                    .attr_some("lang", text_lang)
                    .class_if("pending", move || dispute.with(Option::is_none))
                    .text_fn(dispute_text),
            )
    });
    hc("div", "popover")
        .attr("role", "dialog")
        .attr("aria-labelledby", &title_id)
        .attr("data-popover-for", &e.id)
        .attr("tabindex", "-1")
        .child(header)
        .child(summary)
        .maybe(actors)
        .maybe(dispute)
        .child(hc("h3", "evidence").text(tr(Key::Evidence)))
        // Where the account is known (translated) but the passages are
        // not yet: say so here, since nothing above does.
        .parts(move || {
            let missing = (!unknown())
                .then(|| {
                    rift.details
                        .get()
                        .missing(Key::PassagesLoading, Key::PassagesFailed)
                })
                .flatten();
            missing
                .map(|key| hc("p", "pending").text(tr(key)))
                .into_iter()
                .collect()
        })
        .children(citations(&data, idx))
        .maybe(related(&data, idx))
        .shown(move || !rift.kiosk.on(), move || share(idx))
}

/// What stands where a text from the details will be: `loading`, or
/// `failed` if they could not be fetched (tracked).
fn pending(rift: Rift, loading: Key, failed: Key) -> &'static str {
    let key = rift.details.get().missing(loading, failed);
    rift_core::i18n::t(rift.prefs.lang.get_untracked(), key.unwrap_or(loading))
}

/// Each passage as a quote, with its source and locator under it.
fn citations(data: &Arc<Timeline>, idx: usize) -> Vec<H> {
    let rift = expect_context::<Rift>();
    let lang = rift.prefs.lang.get_untracked();
    let citation = |(j, c): (usize, &rift_core::dataset::Citation)| {
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
        let caption = h("figcaption")
            .child(h("cite").text(&cite))
            .child(hc("span", "locator").text_fn(move || passage.with(|p| p.0.clone())));
        hc("figure", "citation")
            .child(
                h("blockquote")
                    .attr("lang", "en")
                    .text_fn(move || passage.with(|p| p.1.clone())),
            )
            .child(caption)
    };
    data.data.events[idx]
        .citations
        .iter()
        .enumerate()
        .map(citation)
        .collect()
}

/// The events this one answers or mirrors: each moves the view there.
fn related(data: &Arc<Timeline>, idx: usize) -> Option<H> {
    let rift = expect_context::<Rift>();
    let related: Vec<usize> = data.data.events[idx]
        .related
        .iter()
        .filter_map(|r| data.find(r))
        .collect();
    if related.is_empty() {
        return None;
    }
    let mut list = h("ul");
    for j in related {
        let other = &data.data.events[j];
        // The date on a line of its own: a date as the sources word it
        // ("end of November 1961 (Albanian state holiday, 29 November)")
        // would not read in brackets after the title.
        let key = format!("rel-key {}", LaneLook::of(data.lane[j]).hue);
        let text = h("span")
            .text(data.title(j, rift.lang()))
            .child(hc("span", "rel-sep").text(", "))
            .child(hc("span", "rel-date").text(&rift.date_of(j)));
        let go = button("related")
            .attr("data-related-id", &other.id)
            .on("click", move |_| rift.show_event(j))
            .child(hc("span", &key).attr("aria-hidden", "true"))
            .child(text);
        list = list.child(h("li").child(go));
    }
    Some(
        hc("nav", "related-list")
            .attr("aria-label", rift.t(Key::RelatedEvents))
            .child(h("h3").text(rift.t(Key::Related)))
            .child(list),
    )
}

/// Copy a reference for a bibliography, or a link to the event.
fn share(idx: usize) -> H {
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
    h("footer")
        .child(
            button("")
                .on("click", move |_| copy_reference())
                .text(rift.t(Key::CopyReference)),
        )
        .child(
            button("")
                .on("click", move |_| copy_link(link.clone()))
                .text(rift.t(Key::CopyEventLink)),
        )
        .child(
            hc("span", "copy-status")
                .attr("role", "status")
                .text_fn(move || status.get()),
        )
}
