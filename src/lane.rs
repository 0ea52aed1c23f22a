//! One lane: its events as laid out by `rift_core::scene`, and the count
//! markers for what does not fit.

use crate::state::Rift;
use leptos::prelude::*;
use rift_core::css::px;
use rift_core::i18n::Key;
use rift_core::motion;
use rift_core::scene::{self, Item, ItemCss, LabelFont, LaneLook, LaneScene, Shape, Style};
use std::sync::Arc;

/// A label narrower than this many ems is left empty.
const MIN_LABEL_EM: f64 = 2.0;

#[component]
pub fn LaneRow(
    /// Index of the lane in the dataset.
    lane: usize,
    /// Layout sizes for the current screen width.
    style: Memo<Style>,
    /// Each event's whole label width.
    labels: Memo<Arc<Vec<f64>>>,
    /// The labels' font.
    font: Memo<LabelFont>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let data = rift.data();
    let info = data.data.lanes[lane].clone();
    let (keep, prefer) = (rift.search.keep, rift.search.prefer);
    let scene = Memo::new(move |_| {
        let (width, st) = (rift.width(), style.get());
        keep.with(|k| {
            prefer.with(|p| {
                labels.with(|l| {
                    let focus = scene::Focus {
                        keep: k.as_ref().map(|k| k.as_slice()),
                        prefer: p.as_ref().map(|p| p.as_slice()),
                        selected: rift.selected.get(),
                        labels: Some(l.as_slice()),
                    };
                    rift.motion
                        .view
                        .with(|v| scene::lane(&data, lane, v, width, &st, focus))
                })
            })
        })
    });
    let height = move || style.with(|s| px(s.packing.rows as f64 * s.row_h + s.chip_h));
    let items =
        move || scene.with(|s: &LaneScene| s.items.iter().map(|i| i.idx).collect::<Vec<_>>());
    // Count markers are keyed by position and update in place while zooming.
    let chip_slots = move || scene.with(|s| (0..s.chips.len()).collect::<Vec<_>>());
    let look = LaneLook::of(lane);
    let lane_id = info.id.clone();
    let label = move || info.label_in(rift.lang()).to_string();
    let aria = label.clone();
    view! {
        <section class=format!("lane {} {}", look.hue, look.shape) data-lane=lane_id role="group" aria-label=aria>
            <h2 class="lane-label"><span class="lane-key" aria-hidden="true"></span>{label}</h2>
            <div class="lane-body" style:height=height>
                <For each=items key=|i| *i let:idx>
                    <EventMark idx=idx scene=scene font=font />
                </For>
                <For each=chip_slots key=|k| *k let:k>
                    <CountMarker position=k scene=scene style=style />
                </For>
            </div>
        </section>
    }
}

#[component]
fn EventMark(
    /// Index of the event.
    idx: usize,
    /// The lane's layout, which places this mark.
    scene: Memo<LaneScene>,
    /// The labels' font.
    font: Memo<LabelFont>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let data = rift.data();
    let event = &data.data.events[idx];
    let (id, when, disputed) = (event.id.clone(), data.when[idx], event.disputed.is_some());
    // One reactive value for everything the layout says about this mark; the
    // DOM is written only where a value differs from the last one written.
    let look = Memo::new(move |_| {
        scene
            .with(|s| s.item(idx).map(Item::css))
            .unwrap_or_default()
    });
    let shape = scene.with_untracked(|s| s.item(idx).map_or(Shape::Point, |i| i.shape));
    let css = move |f: fn(&ItemCss) -> &String| move || look.with(|l| f(l).clone());
    let selected = move || rift.selected.get() == Some(idx);
    let base = scene::mark_class(shape, &when, disputed);
    let class = move || {
        let mut class = base.clone();
        look.with(|l| {
            for (on, name) in [(l.cut_left, " cut-left"), (l.cut_right, " cut-right")] {
                if on {
                    class.push_str(name);
                }
            }
        });
        if selected() {
            class.push_str(" selected");
        }
        if rift.search.searching() {
            let hit = rift.search.results.with(|r| r[idx].1);
            class.push_str(if hit { " hit" } else { " dim" });
        }
        class
    };
    // The title as it fits its label: whole where there is room, cut at a
    // word where there is not (the accessible name keeps it whole).
    let room = Memo::new(move |_| {
        let w = look.with(|l| l.label_w);
        (font.get().text_room(w, disputed, when.uncertain()) * 2.0).ceil() / 2.0
    });
    let title = move || {
        let (room, size) = (room.get(), font.with(|f| f.size));
        let title = data.title(idx, rift.lang());
        // A label with no room for a word says nothing rather than "…".
        if room < MIN_LABEL_EM * size {
            return String::new();
        }
        rift.prefs
            .glyphs
            .with(|g| g.fit(title, room, size).into_owned())
    };
    view! {
        <button
            type="button"
            class=class
            data-event-id=id
            aria-label=move || rift.name_of(idx)
            aria-pressed=move || if selected() { "true" } else { "false" }
            style:transform=css(|l| &l.transform)
            style:width=css(|l| &l.width)
            on:click=move |_| rift.selected.set(Some(idx))
        >
            <span class="mark" style:left=css(|l| &l.mark_left) style:width=css(|l| &l.mark_width)></span>
            <span class="label" style:left=css(|l| &l.label_left) style:max-width=css(|l| &l.label_max)>
                {disputed.then(|| view! { <span class="flag" title=rift.text(Key::SourcesDisagree)>"≠"</span> })}
                <span lang=move || rift.fallback_lang(idx)>{title}</span>
                {when.uncertain().then(|| view! { <span class="q">"?"</span> })}
            </span>
        </button>
    }
}

#[component]
fn CountMarker(
    /// Position of the count marker in the lane's list.
    position: usize,
    /// The lane's layout.
    scene: Memo<LaneScene>,
    /// Layout sizes.
    style: Memo<Style>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let chip = Memo::new(move |_| {
        scene.with(|s| {
            s.chips
                .get(position)
                .map(|c| (c.x, c.members.len(), c.start, c.end))
        })
    });
    let name = move || {
        let (_, n, start, end) = chip.get()?;
        let lang = rift.lang();
        let window = rift_core::format::window(start as i32, end as i32, lang);
        Some(rift_core::i18n::tf(
            lang,
            Key::Chip,
            &[
                ("n", &rift_core::format::count(n, lang)),
                ("window", &window),
            ],
        ))
    };
    let text = move || chip.get().map(|(_, n, ..)| format!("+{n}"));
    let transform = move || {
        let top = style.with(|s| s.packing.rows as f64 * s.row_h);
        chip.get()
            .map(|(x, ..)| format!("translate({}, {})", px(x), px(top)))
    };
    let holds_hit = Memo::new(move |_| {
        rift.search.searching()
            && scene.with(|s| {
                s.chips.get(position).is_some_and(|c| {
                    rift.search
                        .results
                        .with(|r| c.members.iter().any(|&m| r[m].1))
                })
            })
    });
    let zoom = move |_| {
        if let Some((_, _, start, end)) = chip.get_untracked() {
            let v = rift.motion.view.get_untracked();
            rift.go_to(motion::into_cluster(&v, start, end, &rift.bounds));
        }
    };
    view! {
        <button type="button" class="chip" class:hit=holds_hit aria-label=name style:transform=transform on:click=zoom>
            {text}
        </button>
    }
}
