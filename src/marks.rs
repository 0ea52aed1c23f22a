//! One lane's event marks, written into the page from the lane's layout.
//!
//! A lane keeps its marks' elements from frame to frame and gives the
//! element of an event that leaves the screen to one that comes in
//! (`rift_core::pool`): while a dense timeline zooms, a third of the marks
//! change in each frame, and building and dropping an element with its
//! reactive bindings for each was most of a frame's work. Each element is
//! written only where a value differs from the last one written.
//!
//! A mark's place and width are written on a plain box around its button,
//! not on the button: Chromium restyles a button several times slower
//! than a div (its form-control styles), and a zoom moves every mark in
//! every frame. Each length is written on its own, and only where it
//! changed (`crate::dom::Inline`).

use crate::dom::{element, Inline};
use crate::state::Rift;
use leptos::prelude::document;
use rift_core::css::translate;
use rift_core::dataset::Timeline;
use rift_core::i18n::{Key, Lang};
use rift_core::pool;
use rift_core::scene::{self, Item, LabelFont, LaneScene};
use rift_core::text::Glyphs;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, Text};

/// A label narrower than this many ems is left empty.
const MIN_LABEL_EM: f64 = 2.0;

/// A button of `class` in the box (`.at`) that places it: the box, then
/// the button.
fn boxed_button(class: &str) -> (HtmlElement, HtmlElement) {
    let button: HtmlElement = crate::h::button(class).0.unchecked_into();
    let at = element("div", "at");
    let _ = at.append_child(&button);
    (at, button)
}

/// One mark's elements, and what was last written to them.
struct Slot {
    /// The box that places the mark (`.at`), around its button.
    at: HtmlElement,
    button: HtmlElement,
    label: HtmlElement,
    title: HtmlElement,
    /// The title's text, written in place: replacing a button's text
    /// would restyle the button.
    title_text: Text,
    /// The "sources disagree" flag, and the language of its tooltip.
    flag: Option<(HtmlElement, Lang)>,
    query: Option<HtmlElement>,
    /// The event drawn, the language its texts were written in, and
    /// whether the event texts of that language had arrived; `None` while
    /// the slot waits out of the page.
    drawn: Option<(usize, Lang, bool)>,
    class: String,
    /// The inline styles of the box, the marker and the label.
    styles: [Inline; 3],
    /// Whether the title carries a `lang` of its own.
    lang: bool,
    text: String,
    pressed: bool,
}

/// What every mark of a frame is drawn with.
pub struct Frame<'a> {
    pub rift: Rift,
    pub data: &'a Timeline,
    pub font: LabelFont,
    pub glyphs: &'a Glyphs,
    pub lang: Lang,
    pub selected: Option<usize>,
    /// Whether each event matches the search, while there is one.
    pub hits: Option<&'a [(bool, bool)]>,
}

/// A lane's mark elements.
#[derive(Default)]
pub struct Marks {
    slots: Vec<Slot>,
    /// The slots in the page, in order.
    order: Vec<usize>,
}

impl Marks {
    /// Draws `scene`'s items into `holder`.
    pub fn draw(&mut self, holder: &Element, scene: &LaneScene, f: &Frame) {
        let focused = holder.query_selector(":focus").ok().flatten();
        let pinned = focused.and_then(|el| {
            let el: &JsValue = el.as_ref();
            self.slots.iter().position(|s| {
                let b: &JsValue = s.button.as_ref();
                el == b
            })
        });
        let shown: Vec<Option<usize>> = self.slots.iter().map(|s| s.drawn.map(|d| d.0)).collect();
        let wanted: Vec<usize> = scene.items.iter().map(|i| i.idx).collect();
        let plan = pool::plan(&shown, &self.order, &wanted, pinned);
        for &s in &plan.freed {
            self.slots[s].at.remove();
            self.slots[s].drawn = None;
        }
        self.order.retain(|&s| self.slots[s].drawn.is_some());
        let needed = plan.slots.iter().max().map_or(0, |m| m + 1);
        while self.slots.len() < needed {
            self.slots.push(Slot::new());
        }
        for (item, &s) in scene.items.iter().zip(&plan.slots) {
            self.slots[s].write(item, f);
        }
        for (s, before) in pool::moves(&self.order, &plan.slots, pinned) {
            let before = before.map(|b| self.slots[b].at.clone().unchecked_into());
            let _ = holder.insert_before(&self.slots[s].at, before.as_ref());
        }
        self.order = plan.slots;
    }
}

impl Slot {
    fn new() -> Slot {
        let (at, button) = boxed_button("");
        let _ = button.set_attribute("aria-pressed", "false");
        let mark = element("span", "mark");
        let label = element("span", "label");
        let title = element("span", "");
        let title_text = document().create_text_node("");
        let _ = title.append_child(&title_text);
        let _ = label.append_child(&title);
        let _ = button.append_child(&mark);
        let _ = button.append_child(&label);
        let styles = [
            Inline::of(&at, &["transform", "width"]),
            Inline::of(&mark, &["left", "width"]),
            Inline::of(&label, &["left", "right", "max-width"]),
        ];
        Slot {
            at,
            button,
            label,
            styles,
            lang: false,
            title,
            title_text,
            flag: None,
            query: None,
            drawn: None,
            class: String::new(),
            text: String::new(),
            pressed: false,
        }
    }

    /// Writes `item` into the slot's elements, where it differs.
    fn write(&mut self, item: &Item, f: &Frame) {
        let (idx, data) = (item.idx, f.data);
        let (when, disputed) = (&data.when[idx], data.data.events[idx].disputed.is_some());
        let drawn = Some((idx, f.lang, data.has_texts(f.lang)));
        if self.drawn != drawn {
            self.drawn = drawn;
            self.texts(idx, disputed, when.uncertain(), f);
        }

        // The title as it fits its label: whole where there is room, cut at
        // a word where there is not, and nothing where no word fits (the
        // accessible name keeps it whole).
        let size = f.font.size;
        let room = (f.font.text_room(item.label_w, disputed, when.uncertain()) * 2.0).ceil() / 2.0;
        let title = data.title(idx, f.lang);
        let fitted = if room < MIN_LABEL_EM * size {
            "".into()
        } else {
            f.glyphs.fit(title, room, size)
        };
        // With no title to show, the "≠" and "?" of its label would stand
        // alone for nothing ("≠ ?" beside a bar, or at an edge): the mark
        // is drawn without them, and its accessible name still says both.
        let bare = fitted.is_empty();

        let pressed = f.selected == Some(idx);
        let mut class = scene::mark_class(item.shape, when, disputed);
        for (on, name) in [
            (item.cut_left, " cut-left"),
            (item.cut_right, " cut-right"),
            (pressed, " selected"),
            (bare, " bare"),
        ] {
            if on {
                class.push_str(name);
            }
        }
        if let Some(hits) = f.hits {
            class.push_str(if hits[idx].1 { " hit" } else { " dim" });
        }
        if class != self.class {
            self.button.set_class_name(&class);
            self.class = class;
        }
        if pressed != self.pressed {
            let _ = self
                .button
                .set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            self.pressed = pressed;
        }

        let css = item.css();
        let [at, mark, label] = &mut self.styles;
        at.set(&[&css.transform, &css.width]);
        mark.set(&[&css.mark_left, &css.mark_width]);
        label.set(&[&css.label_left, &css.label_right, &css.label_max]);

        if *fitted != self.text {
            self.title_text.set_data(&fitted);
            self.text = fitted.into_owned();
        }
    }

    /// Writes what depends only on the event and the language: its id,
    /// accessible name, the language of its title, and the marks for
    /// disputed and uncertain dates.
    fn texts(&mut self, idx: usize, disputed: bool, uncertain: bool, f: &Frame) {
        let b = &self.button;
        let _ = b.set_attribute("data-event-id", &f.data.data.events[idx].id);
        let _ = b.set_attribute("aria-label", &f.rift.name_of(idx));
        match f.rift.fallback_lang(idx) {
            Some(lang) => {
                let _ = self.title.set_attribute("lang", lang);
                self.lang = true;
            }
            None if self.lang => {
                let _ = self.title.remove_attribute("lang");
                self.lang = false;
            }
            None => {}
        }
        match (disputed, &mut self.flag) {
            (true, None) => {
                let flag = element("span", "flag");
                flag.set_text_content(Some("≠"));
                let _ =
                    flag.set_attribute("title", rift_core::i18n::t(f.lang, Key::SourcesDisagree));
                let _ = self.label.insert_before(&flag, Some(&self.title));
                self.flag = Some((flag, f.lang));
            }
            (true, Some((flag, lang))) if *lang != f.lang => {
                let _ =
                    flag.set_attribute("title", rift_core::i18n::t(f.lang, Key::SourcesDisagree));
                *lang = f.lang;
            }
            (false, Some((flag, _))) => {
                flag.remove();
                self.flag = None;
            }
            _ => {}
        }
        match (uncertain, &self.query) {
            (true, None) => {
                let q = element("span", "q");
                q.set_text_content(Some("?"));
                let _ = self.label.append_child(&q);
                self.query = Some(q);
            }
            (false, Some(q)) => {
                q.remove();
                self.query = None;
            }
            _ => {}
        }
    }
}

/// A lane's count markers: the marker at each position of the lane's list
/// keeps its element, and is written where it differs.
#[derive(Default)]
pub struct Chips {
    slots: Vec<ChipSlot>,
}

struct ChipSlot {
    /// The box that places the marker (`.at`), around its button, and
    /// its inline style.
    at: HtmlElement,
    style: Inline,
    button: HtmlElement,
    /// The button's text ("+12"), written in place.
    text: Text,
    /// The count and the accessible name last written.
    n: usize,
    name: String,
    /// How many events it stands for, their extent, and the language its
    /// name is in.
    what: Option<(usize, u64, u64, Lang)>,
    hit: bool,
}

impl Chips {
    /// Draws `scene`'s count markers into `holder`, `top` pixels down.
    pub fn draw(&mut self, holder: &Element, scene: &LaneScene, top: f64, f: &Frame) {
        while self.slots.len() > scene.chips.len() {
            if let Some(slot) = self.slots.pop() {
                slot.at.remove();
            }
        }
        for (k, c) in scene.chips.iter().enumerate() {
            if k == self.slots.len() {
                let (at, button) = boxed_button("chip");
                let text = document().create_text_node("");
                let _ = button.append_child(&text);
                let _ = holder.append_child(&at);
                self.slots.push(ChipSlot {
                    style: Inline::of(&at, &["transform"]),
                    at,
                    button,
                    text,
                    n: 0,
                    name: String::new(),
                    what: None,
                    hit: false,
                });
            }
            let slot = &mut self.slots[k];
            let n = c.members.len();
            let what = Some((n, c.start.to_bits(), c.end.to_bits(), f.lang));
            if slot.what != what {
                slot.what = what;
                let lang = f.lang;
                let window = rift_core::format::window(c.start as i32, c.end as i32, lang);
                let count = rift_core::format::count(n, lang);
                let name =
                    rift_core::i18n::tf(lang, Key::Chip, &[("n", &count), ("window", &window)]);
                // A cluster's members change as a zoom repacks the rows;
                // its count and dates, which are all it shows, less often.
                if name != slot.name {
                    let _ = slot.button.set_attribute("aria-label", &name);
                    slot.name = name;
                }
                if n != slot.n {
                    slot.text.set_data(&format!("+{n}"));
                    slot.n = n;
                }
            }
            let hit = f.hits.is_some_and(|h| c.members.iter().any(|&m| h[m].1));
            if hit != slot.hit {
                slot.button
                    .set_class_name(if hit { "chip hit" } else { "chip" });
                slot.hit = hit;
            }
            slot.style.set(&[&translate(c.x, top)]);
        }
    }
}
