//! The list view: the same events, window, filters and selection as a
//! chronological list, the full experience for screen readers and keys.

use crate::state::Rift;
use leptos::prelude::*;
use rift_core::format::count;
use rift_core::i18n::tf;
use rift_core::i18n::Key;
use rift_core::scene::LaneLook;

/// The switch between the lanes and the list.
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let list = rift.prefs.list;
    view! {
        <div class="view-switch" role="group" aria-label=rift.text(Key::ShowAs)>
            <button type="button" class="show-timeline" aria-pressed=move || (!list.get()).to_string() on:click=move |_| list.set(false)>{rift.text(Key::ShowTimeline)}</button>
            <button type="button" class="show-list" aria-pressed=move || list.get().to_string() on:click=move |_| list.set(true)>{rift.text(Key::ShowList)}</button>
        </div>
    }
}

/// Entries listed at first, and added by each press of "Show more": a
/// window of 100,000 events is listed a page at a time, not in one task
/// of tens of seconds.
const PAGE: usize = 200;

#[component]
pub fn ListView() -> impl IntoView {
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
    let root = NodeRef::<leptos::html::Section>::new();
    // The next page, with the focus on its first entry (where reading
    // goes on).
    let more = move |_| {
        let first = listed.get_untracked();
        asked.set(first + PAGE);
        let id = entries.with_untracked(|e| e.get(first).copied());
        if let Some(id) = id.map(|i| rift.data().data.events[i].id.clone()) {
            request_animation_frame(move || {
                crate::dom::focus_event(root.try_get_untracked().flatten().map(Into::into), &id)
            });
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
        request_animation_frame(move || {
            // The list may be gone by the next frame (a language or view
            // change), and its reference with it.
            let Some(list) = root.try_get_untracked().flatten() else {
                return;
            };
            let list: web_sys::Element = list.into();
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
    view! {
        <section
            class="list-view"
            // Room on the right for the popover, which stands there.
            class:beside-popover=move || rift.selected.with(Option::is_some)
            aria-label=rift.text(Key::ListLabel)
            node_ref=root
        >
            <p class="list-summary">{move || summary()}</p>
            <ol class="chronology">
                {crate::dom::keyed(
                    move || entries.with(|e| e.iter().take(listed.get()).copied().collect()),
                    |i| view! { <ListEntry idx=i /> }.into_any(),
                )}
            </ol>
            <button type="button" class="list-more" hidden=move || rest() == 0 on:click=more>{move || more_label()}</button>
        </section>
    }
}

#[component]
fn ListEntry(
    /// Index of the event.
    idx: usize,
) -> impl IntoView {
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
    view! {
        <li class=format!("entry {}", look.hue) data-lane=lane_id>
            <time datetime=date>{move || rift.date_of(idx)}</time>
            <span class=format!("entry-lane {}", look.shape)>
                <span class="lane-key" aria-hidden="true"></span>
                {move || lane_label()}
            </span>
            <h3>
                <button
                    type="button"
                    class="entry-title"
                    class:selected=move || rift.selected.get() == Some(idx)
                    data-event-id=id
                    aria-label=move || rift.name_of(idx)
                    on:click=move |_| rift.selected.set(Some(idx))
                >
                    {disputed.then(|| view! { <span class="flag" aria-hidden="true">"≠"</span> }.into_any())}
                    <span lang=move || rift.shown_lang(idx)>{move || title()}</span>
                </button>
            </h3>
            <p class="entry-summary" lang=move || rift.shown_lang(idx)>{move || summary()}</p>
        </li>
    }
}
