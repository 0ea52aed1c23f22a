//! One lane: its events as laid out by `rift_core::scene`, and the count
//! markers for what does not fit.

use crate::dom;
use crate::h::{h, hc, H};
use crate::marks::{Chips, Frame, Marks};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::css::px;
use rift_core::motion;
use rift_core::scene::{self, LabelFont, LaneLook, LaneScene, Style};
use std::sync::Arc;

/// The row of lane `lane`.
pub fn lane_row(
    lane: usize,
    // Layout sizes for the current screen width.
    style: Memo<Style>,
    // Each event's whole label width.
    labels: Memo<Arc<Vec<f64>>>,
    // The labels' font.
    font: Memo<LabelFont>,
) -> H {
    let rift = expect_context::<Rift>();
    let data = rift.data();
    let all = data.clone();
    let info = data.data.lanes[lane].clone();
    let (keep, prefer) = (rift.search.keep, rift.search.prefer);
    // The lane's label widths in the order a frame reads them.
    let ranked = {
        let data = data.clone();
        crate::dom::memo(move || labels.with(|l| Arc::new(scene::ranked_labels(&data, lane, l))))
    };
    let scene = crate::dom::memo(move || {
        let (width, st) = (rift.width(), style.get());
        keep.with(|k| {
            prefer.with(|p| {
                labels.with(|l| {
                    ranked.with(|r| {
                        let focus = scene::Focus {
                            keep: k.as_ref().map(|k| k.as_slice()),
                            prefer: p.as_ref().map(|p| p.as_slice()),
                            selected: rift.selected.get(),
                            labels: Some(l.as_slice()),
                            ranked: Some(r.as_slice()),
                        };
                        rift.motion
                            .view
                            .with(|v| scene::lane(&data, lane, v, width, &st, focus))
                    })
                })
            })
        })
    });
    // The rows' height: the count markers sit under it.
    let rows_h = move || style.with(|s| s.packing.rows as f64 * s.row_h);
    let height = move || px(rows_h() + style.with(|s| s.chip_h));
    let marks_el = hc("div", "marks");
    let chips_el = h("div");
    let (holder, chip_holder) = (marks_el.0.clone(), chips_el.0.clone());
    let marks = StoredValue::new_local(Marks::default());
    let chips = StoredValue::new_local(Chips::default());
    crate::dom::effect(move || {
        let (lang, selected, font) = (rift.lang(), rift.selected.get(), font.get());
        let top = rows_h();
        // The search's results are read only while there is a search, so
        // that a timeline nobody searches never computes them.
        let results = rift.search.searching().then(|| rift.search.results.get());
        rift.prefs.glyphs.with(|glyphs| {
            scene.with(|s: &LaneScene| {
                let frame = Frame {
                    rift,
                    data: &all,
                    font,
                    glyphs,
                    lang,
                    selected,
                    hits: results.as_deref().map(Vec::as_slice),
                };
                marks.update_value(|m| m.draw(&holder, s, &frame));
                chips.update_value(|c| c.draw(&chip_holder, s, top, &frame));
            })
        });
    });
    // One listener for the lane's marks: a click selects the mark's event.
    let select = move |e: web_sys::Event| {
        let id = dom::target_closest(&e, "button[data-event-id]")
            .and_then(|b| b.get_attribute("data-event-id"));
        if let Some(i) = id.and_then(|id| rift.data().find(&id)) {
            rift.selected.set(Some(i));
        }
    };
    // A click on a count marker zooms in to its events.
    let holder = chips_el.0.clone();
    let zoom = move |e: web_sys::Event| {
        let Some(chip) = dom::target_closest(&e, ".chip") else {
            return;
        };
        // The markers' boxes are the holder's children, in the scene's order.
        let at = chip.parent_element();
        let children = holder.children();
        let k = (0..children.length()).find(|&k| children.item(k) == at);
        let cluster = k.and_then(|k| {
            scene.with_untracked(|s| s.chips.get(k as usize).map(|c| (c.start, c.end)))
        });
        if let Some((start, end)) = cluster {
            let v = rift.motion.view.get_untracked();
            rift.go_to(motion::into_cluster(&v, start, end, &rift.bounds));
        }
    };
    let look = LaneLook::of(lane);
    let lane_id = info.id.clone();
    let label = move || info.label_in(rift.lang()).to_string();
    let aria = label.clone();
    let body = hc("div", "lane-body")
        .style_fn("height", height)
        .child(marks_el.on("click", select))
        .child(chips_el.on("click", zoom));
    hc("section", &format!("lane {} {}", look.hue, look.shape))
        .attr("data-lane", &lane_id)
        .attr("role", "group")
        .attr_fn("aria-label", aria)
        .child(
            hc("h2", "lane-label")
                .child(hc("span", "lane-key").attr("aria-hidden", "true"))
                .text_fn(label),
        )
        .child(body)
}
