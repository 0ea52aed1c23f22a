//! The drawing area: the time axis and one row per lane. Input (wheel,
//! drag, pinch) is forwarded to the pure functions of `rift_core::motion`.

use crate::h::{h, hc, hold, H};
use crate::lane::lane_row;
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::css::px;
use rift_core::date::Day;
use rift_core::motion::{self, Wheel};
use rift_core::pool;
use rift_core::scene::{LabelFont, Style};
use rift_core::ticks::{self, Level};
use rift_core::viewport::Viewport;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;

/// How much larger text is in the projector mode.
pub const LARGE_TEXT: f64 = 1.35;

/// A press that moves less than this many pixels is a click, not a drag.
const DRAG_SLOP: f64 = 4.0;

/// Pointers down on the drawing area, for drag and pinch.
#[derive(Clone, Default)]
struct Gesture {
    /// Where each pointer is, in client coordinates (a few at most).
    pointers: Vec<(i32, (f64, f64))>,
    /// Where a one-finger drag started, and the window then.
    origin: Option<(f64, Viewport)>,
    /// The window and the fingers (distance, midpoint) when a pinch started.
    pinch: Option<(Viewport, (f64, f64))>,
    dragged: bool,
}

impl Gesture {
    /// Where pointer `id` is, if it is down.
    fn at(&mut self, id: i32) -> Option<&mut (f64, f64)> {
        self.pointers
            .iter_mut()
            .find(|(p, _)| *p == id)
            .map(|(_, at)| at)
    }

    /// Puts pointer `id` at `at`.
    fn set(&mut self, id: i32, at: (f64, f64)) {
        match self.at(id) {
            Some(p) => *p = at,
            None => self.pointers.push((id, at)),
        }
    }

    /// Distance and midpoint x of the first two pointers.
    fn fingers(&self) -> Option<(f64, f64)> {
        let mut pts = self.pointers.iter().map(|(_, p)| p);
        let (a, b) = (pts.next()?, pts.next()?);
        let dist = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
        Some((dist, (a.0 + b.0) / 2.0))
    }
}

/// The drawing area.
pub fn timeline_area() -> H {
    let rift = expect_context::<Rift>();
    let area = hc("div", "area");
    let el = hold(&area);
    let gesture = StoredValue::new_local(Gesture::default());
    let font = crate::dom::memo(move || {
        LabelFont::new(if rift.prefs.large.get() {
            LARGE_TEXT
        } else {
            1.0
        })
    });
    // Each event's whole label, in the interface language and the labels'
    // font: what packing reserves and how far a label may grow.
    let labels = crate::dom::memo(move || {
        let (lang, font) = (rift.lang(), font.get());
        let data = rift.data();
        rift.prefs.glyphs.with(|g| {
            let widths = (0..data.data.events.len()).map(|i| {
                let disputed = data.data.events[i].disputed.is_some();
                font.width(g, data.title(i, lang), disputed, data.when[i].uncertain())
            });
            std::sync::Arc::new(widths.collect::<Vec<f64>>())
        })
    });
    let style = crate::dom::memo(move || {
        let scale = if rift.prefs.large.get() {
            LARGE_TEXT
        } else {
            1.0
        };
        let (w, h) = (rift.size.0.get(), rift.size.1.get());
        Style::scaled(w, h, rift.lanes.with(Vec::len), scale)
    });
    // Client x to x in the drawing area.
    let left = move || el.with_value(|el| el.get_bounding_client_rect().left());
    let width = move || rift.size.0.get_untracked();

    let on_wheel = move |e: web_sys::Event| {
        let e: &web_sys::WheelEvent = e.unchecked_ref();
        e.prevent_default();
        let w = Wheel {
            delta_x: e.delta_x(),
            delta_y: e.delta_y(),
            delta_mode: e.delta_mode(),
            ctrl: e.ctrl_key(),
            x: e.client_x() as f64 - left(),
        };
        let v = rift.latest();
        rift.set_view(motion::wheel(&v, w, width(), &rift.bounds));
    };

    let on_pointerdown = move |e: web_sys::Event| {
        let e: &PointerEvent = e.unchecked_ref();
        if e.button() != 0 && e.pointer_type() == "mouse" {
            return;
        }
        let x = e.client_x() as f64;
        let view = rift.latest();
        gesture.update_value(|g| {
            g.set(e.pointer_id(), (x, e.client_y() as f64));
            g.origin = Some((x, view));
            g.pinch = None;
            if g.pointers.len() == 1 {
                g.dragged = false;
            }
        });
    };

    let on_pointermove = move |e: web_sys::Event| {
        let e: &PointerEvent = e.unchecked_ref();
        let (x, y) = (e.client_x() as f64, e.client_y() as f64);
        let (width, b) = (width(), rift.bounds);
        let mut next = None;
        let mut capture = false;
        gesture.update_value(|g| {
            let Some(p) = g.at(e.pointer_id()) else {
                return;
            };
            *p = (x, y);
            if let Some((dist, mid)) = g.fingers() {
                let now = (dist, mid - left());
                match g.pinch {
                    Some((start, from)) => next = Some(motion::pinch(&start, from, now, width, &b)),
                    None => g.pinch = Some((rift.latest(), now)),
                }
                g.dragged = true;
            } else if let Some((x0, origin)) = g.origin {
                if !g.dragged && (x - x0).abs() > DRAG_SLOP {
                    g.dragged = true;
                    capture = true;
                }
                if g.dragged {
                    next = Some(motion::drag(&origin, x - x0, width, &b));
                }
            }
        });
        if capture {
            el.with_value(|el| el.set_pointer_capture(e.pointer_id()).ok());
        }
        if let Some(v) = next {
            rift.set_view(v);
        }
    };

    let on_pointerup = move |e: web_sys::Event| {
        let e: &PointerEvent = e.unchecked_ref();
        let view = rift.latest();
        gesture.update_value(|g| {
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.pinch = None;
            // Continue as a drag from where the remaining finger is.
            g.origin = g.pointers.first().map(|&(_, (x, _))| (x, view));
        });
    };

    // A click that ends a drag is not a click on what is under it.
    let on_click_capture = move |e: web_sys::Event| {
        if gesture.with_value(|g| g.dragged) {
            e.stop_propagation();
            e.prevent_default();
            gesture.update_value(|g| g.dragged = false);
        }
    };

    // The first drawing of the lanes is one lane per task, not one long
    // task for all: the page answers input in between (a phone takes
    // tens of milliseconds per lane).
    let staged = rift.staged;
    let lanes = rift.data().data.lanes.len();
    crate::dom::step_per_task(staged, lanes, move || {
        rift.measured() && rift.prefs.font.get()
    });

    let capture = crate::dom::Phase {
        capture: true,
        passive: false,
    };
    crate::dom::listen(&area.0, "click", capture, on_click_capture);
    // Drawn once the area is measured, so the lanes appear at their final
    // height rather than growing into it.
    let each = move || {
        if !rift.measured() {
            return Vec::new();
        }
        rift.lanes
            .with(|l| l.iter().take(staged.get()).copied().collect())
    };
    let lanes = hc("div", "lanes").keyed(each, move |lane| lane_row(lane, style, labels, font));
    area.on("wheel", on_wheel)
        .on("pointerdown", on_pointerdown)
        .on("pointermove", on_pointermove)
        .on("pointerup", on_pointerup)
        .on("pointercancel", on_pointerup)
        .child(axis(style))
        .child(lanes)
}

/// The time axis: ticks from the ladder, labelled at the coarsest calendar
/// boundary they cross.
fn axis(
    // Layout sizes for the current screen width.
    style: Memo<Style>,
) -> H {
    let rift = expect_context::<Rift>();
    let axis = crate::dom::memo(move || {
        let char_px = style.with(|s| s.axis_char_px);
        let (width, lang) = (rift.width(), rift.lang());
        rift.motion
            .view
            .with(|v| ticks::axis(v, width, char_px, lang))
    });
    let context = crate::dom::memo(move || axis.with(|a| a.context.clone()));
    let holder = h("div");
    let el = holder.0.clone();
    let drawn = StoredValue::new_local(Ticks::default());
    crate::dom::effect(move || {
        let width = rift.width();
        rift.motion.view.with(|v| {
            axis.with(|a| {
                drawn.update_value(|d| d.draw(&el, &a.ticks, |day| v.to_px(day as f64, width)))
            })
        });
    });
    let context = hc("div", "context")
        .attr_opt("hidden", move || {
            context.with(Option::is_none).then(String::new)
        })
        .text_fn(move || context.get().unwrap_or_default());
    hc("div", "axis")
        .attr("aria-hidden", "true")
        .child(context)
        .child(holder)
}

/// The axis's tick elements, kept from frame to frame: a tick keeps its
/// element while it is on screen, and a tick that leaves gives its element
/// to one that comes in (`rift_core::pool`), so a zoom moves elements
/// rather than building them.
#[derive(Default)]
struct Ticks {
    /// Each element, its text, and the day and level it draws (`None`
    /// while it waits out of the page).
    slots: Vec<TickSlot>,
}

struct TickSlot {
    el: web_sys::HtmlElement,
    /// Its inline style, written in every frame of a zoom.
    style: crate::dom::Inline,
    text: web_sys::HtmlElement,
    drawn: Option<(Day, Level)>,
    label: String,
}

impl Ticks {
    /// Draws `ticks` into `holder`, each at `at(day)` pixels.
    fn draw(&mut self, holder: &web_sys::Element, ticks: &[ticks::Tick], at: impl Fn(Day) -> f64) {
        // Days as slot items: shifted to be non-negative.
        let item = |day: Day| (i64::from(day) - i64::from(Day::MIN)) as usize;
        let shown: Vec<Option<usize>> = self
            .slots
            .iter()
            .map(|s| s.drawn.map(|d| item(d.0)))
            .collect();
        let wanted: Vec<usize> = ticks.iter().map(|t| item(t.day)).collect();
        let plan = pool::plan(&shown, &[], &wanted, None);
        for &s in &plan.freed {
            self.slots[s].el.remove();
            self.slots[s].drawn = None;
        }
        for (tick, &s) in ticks.iter().zip(&plan.slots) {
            if s == self.slots.len() {
                let el = crate::dom::element("div", "");
                let text = crate::dom::element("span", "");
                let _ = el.append_child(&text);
                self.slots.push(TickSlot {
                    style: crate::dom::Inline::of(&el, &["transform"]),
                    el,
                    text,
                    drawn: None,
                    label: String::new(),
                });
            }
            let slot = &mut self.slots[s];
            if slot.drawn.is_none() {
                let _ = holder.append_child(&slot.el);
            }
            if slot.drawn.map(|d| d.1) != Some(tick.level) {
                slot.el.set_class_name(match tick.level {
                    Level::Year => "tick year",
                    Level::Month => "tick month",
                    Level::Day => "tick day",
                });
            }
            slot.drawn = Some((tick.day, tick.level));
            if slot.label != tick.label {
                slot.text.set_text_content(Some(&tick.label));
                slot.label.clone_from(&tick.label);
            }
            slot.style
                .set(&[&format!("translateX({})", px(at(tick.day)))]);
        }
    }
}
