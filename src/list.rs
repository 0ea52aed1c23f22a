//! The list view: the same events, window, filters and selection as a
//! chronological list, the full experience for screen readers and keys.

use crate::h::{button, h, hc, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::format::count;
use rift_core::i18n::tf;
use rift_core::i18n::Key;
use rift_core::scene::LaneLook;

/// The switch between the lanes and the list.
pub fn view_switch() -> H {
    let rift = expect_context::<Rift>();
    let list = rift.prefs.list;
    let show_as = |class: &str, label: Key, as_list: bool| {
        button(class)
            .attr_fn("aria-pressed", move || (list.get() == as_list).to_string())
            .on("click", move |_| list.set(as_list))
            .text_key(rift, label)
    };
    hc("div", "view-switch")
        .attr("role", "group")
        .attr_key("aria-label", rift, Key::ShowAs)
        .child(show_as("show-timeline", Key::ShowTimeline, false))
        .child(show_as("show-list", Key::ShowList, true))
}

/// Entries listed at first, and added by each press of "Show more": a
/// window of 100,000 events is listed a page at a time, not in one task
/// of tens of seconds.
const PAGE: usize = 200;

/// The list.
pub fn list_view() -> H {
    let rift = expect_context::<Rift>();
    // One computation per change, read by the summary and the list.
    let entries = crate::dom::memo(move || rift.hits_in_view());
    // How many are listed: whole pages, as many as the reader asked for
    // and always as far as the selected event.
    let asked = RwSignal::new(PAGE);
    let listed = crate::dom::memo(move || {
        let selected = rift
            .selected
            .get()
            .and_then(|s| entries.with(|e| e.iter().position(|&i| i == s)));
        let upto = selected.map_or(0, |p| (p / PAGE + 1) * PAGE);
        asked.get().max(upto)
    });
    let rest = move || entries.with(Vec::len).saturating_sub(listed.get());
    let section = hc("section", "list-view");
    let root = section.0.clone();
    // The next page, with the focus on its first entry (where reading
    // goes on).
    let list = root.clone();
    let more = move |_| {
        let first = listed.get_untracked();
        asked.set(first + PAGE);
        let id = entries.with_untracked(|e| e.get(first).copied());
        if let Some(id) = id.map(|i| rift.data().data.events[i].id.clone()) {
            let list = list.clone();
            request_animation_frame(move || crate::dom::focus_event(Some(list), &id));
        }
    };
    let more_label = move || {
        let rest = rest();
        tf(
            rift.lang(),
            Key::ListMore,
            &[
                ("n", &count(rest.min(PAGE), rift.lang())),
                ("rest", &count(rest, rift.lang())),
            ],
        )
    };
    let summary = move || {
        let n = entries.with(Vec::len);
        let key = match n {
            0 => Key::ListNone,
            1 => Key::ListOne,
            _ => Key::ListN,
        };
        let window = rift.window_label();
        tf(
            rift.lang(),
            key,
            &[("n", &count(n, rift.lang())), ("window", &window)],
        )
    };
    // The selected entry in sight beside its popover: the list scrolls
    // itself to it (never the host page) when the selection changes.
    crate::dom::effect(move || {
        let Some(i) = rift.selected.get() else { return };
        // Again when the summaries arrive, which lengthen the entries
        // above it.
        rift.details.track();
        let id = rift.data().data.events[i].id.clone();
        let list = root.clone();
        request_animation_frame(move || {
            let entry =
                crate::dom::find::<web_sys::Element>(&list, &crate::dom::event_selector(&id))
                    .and_then(|b| b.closest(".entry").ok().flatten());
            let Some(entry) = entry else { return };
            let (l, e) = (
                list.get_bounding_client_rect(),
                entry.get_bounding_client_rect(),
            );
            if e.top() < l.top() || e.bottom() > l.bottom() {
                list.set_scroll_top(list.scroll_top() + (e.top() - l.top()) as i32 - 8);
            }
        });
    });
    let each = move || entries.with(|e| e.iter().take(listed.get()).copied().collect());
    section
        // Room on the right for the popover, which stands there.
        .class_if("beside-popover", move || {
            rift.selected.with(Option::is_some)
        })
        .attr_key("aria-label", rift, Key::ListLabel)
        .child(hc("p", "list-summary").text_fn(summary))
        .child(hc("ol", "chronology").keyed(each, list_entry))
        .child(
            button("list-more")
                .attr_opt("hidden", move || (rest() == 0).then(String::new))
                .on("click", more)
                .text_fn(more_label),
        )
}

/// The entry of event `idx`.
fn list_entry(idx: usize) -> H {
    let rift = expect_context::<Rift>();
    let data = rift.data();
    let e = &data.data.events[idx];
    let lane = data.lane[idx];
    let look = LaneLook::of(lane);
    let (id, date, disputed) = (e.id.clone(), e.date.clone(), e.disputed.is_some());
    let lane_id = data.data.lanes[lane].id.clone();
    let text =
        move |f: fn(&rift_core::dataset::Timeline, usize, rift_core::i18n::Lang) -> String| {
            let data = data.clone();
            move || {
                // The English summaries arrive with the details.
                rift.details.track();
                f(&data, idx, rift.lang())
            }
        };
    let lane_label = text(|t, i, l| t.data.lanes[t.lane[i]].label_in(l).to_string());
    let title = text(|t, i, l| t.title(i, l).to_string());
    let summary = text(|t, i, l| t.summary(i, l).trim().to_string());
    let shown_lang = move || rift.shown_lang(idx);
    let open = button("entry-title")
        .class_if("selected", move || rift.selected.get() == Some(idx))
        .attr("data-event-id", &id)
        .attr_fn("aria-label", move || rift.name_of(idx))
        .on("click", move |_| rift.selected.set(Some(idx)))
        .maybe(disputed.then(|| hc("span", "flag").attr("aria-hidden", "true").text("≠")))
        .child(h("span").attr_fn("lang", shown_lang).text_fn(title));
    h("li")
        .attr("class", &format!("entry {}", look.hue))
        .attr("data-lane", &lane_id)
        .child(
            h("time")
                .attr("datetime", &date)
                .text_fn(move || rift.date_of(idx)),
        )
        .child(
            hc("span", &format!("entry-lane {}", look.shape))
                .child(hc("span", "lane-key").attr("aria-hidden", "true"))
                .text_fn(lane_label),
        )
        .child(h("h3").child(open))
        .child(
            hc("p", "entry-summary")
                .attr_fn("lang", shown_lang)
                .text_fn(summary),
        )
}
