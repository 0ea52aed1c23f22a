//! Glue to the browser that several parts need: the page's address, the
//! clipboard, CustomEvents, where an event happened, the clock, media
//! queries, values that settle, and listeners.
//!
//! These were leptos-use's (`use_clipboard`, `signal_debounced`,
//! `use_prefers_reduced_motion`, `use_event_listener`). Its helpers are
//! generic over their sources and handlers and build a copy of themselves
//! for each use; the few lines here cost 7.9 KB less gzipped wasm.

use leptos::prelude::*;
use rift_core::i18n::{t, tf, Key, Lang};
use rift_core::text::Glyphs;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};

/// The page's address without its fragment.
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The current fragment, without `#`.
pub fn current_fragment() -> String {
    let hash = window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_string()
}

/// Replaces the fragment without a history entry or a hashchange.
pub fn replace_fragment(fragment: &str) {
    let url = format!("{}#{fragment}", base_url());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Milliseconds since the page loaded.
pub fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

/// How long "Copied" stays after a copy.
const COPIED_MS: u64 = 4000;

/// A copy-to-clipboard action and what to say about it: "Copied" while it
/// has just worked; where the browser has no clipboard (an insecure page)
/// or refuses the copy, the text itself, to copy by hand.
pub fn use_copy(lang: RwSignal<Lang>) -> (impl Fn(String) + Clone, Memo<String>) {
    let copied = RwSignal::new(false);
    let by_hand = RwSignal::new(None::<String>);
    // The timer that takes "Copied" away; a new copy starts it again.
    let reset = StoredValue::new_local(None::<TimeoutHandle>);
    let status = memo(move || {
        let lang = lang.get();
        match by_hand.get() {
            Some(text) => tf(lang, Key::CopyFailed, &[("text", &text)]),
            None if copied.get() => t(lang, Key::Copied).to_string(),
            None => String::new(),
        }
    });
    let act = move |text: String| {
        let navigator = window().navigator();
        // `navigator.clipboard` is undefined outside secure contexts.
        let supported = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
            .is_ok_and(|c| !c.is_undefined());
        if !supported {
            by_hand.set(Some(text));
            return;
        }
        by_hand.set(None);
        let written = navigator.clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(written).await.is_err() {
                by_hand.set(Some(text));
                return;
            }
            copied.set(true);
            restart(reset, COPIED_MS, move || copied.set(false));
        });
    };
    (act, status)
}

/// `source`, once it has kept the same value for `ms` milliseconds (it
/// starts with the source's value). Hosts, the address bar and screen
/// readers hear of a view that has come to rest, not of every frame.
pub fn settled<T>(source: Memo<T>, ms: u64) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let out = RwSignal::new(source.get_untracked());
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let mut ran = false;
    effect(move || {
        let value = source.get();
        if !std::mem::replace(&mut ran, true) {
            return;
        }
        restart(pending, ms, move || {
            if out.with_untracked(|v| *v != value) {
                out.set(value);
            }
        });
    });
    on_cleanup(move || cancel(pending));
    out.read_only()
}

/// A timer kept in `slot`, of which only the latest runs.
type Timer = StoredValue<Option<TimeoutHandle>, LocalStorage>;

/// Cancels the timer in `slot`, if any, and starts `f` in `ms`
/// milliseconds in its place.
fn restart(slot: Timer, ms: u64, f: impl FnOnce() + 'static) {
    cancel(slot);
    let handle = set_timeout_with_handle(f, std::time::Duration::from_millis(ms));
    slot.set_value(handle.ok());
}

/// Cancels the timer in `slot`, if any.
fn cancel(slot: Timer) {
    if let Some(Some(h)) = slot.try_update_value(Option::take) {
        h.clear();
    }
}

/// Whether the media query `query` matches, kept current.
pub fn media(query: &str) -> RwSignal<bool> {
    let Some(list) = window().match_media(query).ok().flatten() else {
        return RwSignal::new(false);
    };
    let matches = RwSignal::new(list.matches());
    let target: web_sys::EventTarget = list.clone().into();
    listen(&target, "change", Phase::default(), move |_| {
        matches.set(list.matches())
    });
    matches
}

/// Measures the characters of the labels (`chars`: those of the titles
/// in the language on screen) in the font `root` is set in, so labels are
/// sized and cut by real text widths; and the new ones again when the
/// language or its texts change. The first measuring is in the task after
/// this one (it is tens of milliseconds on a phone), the one in which
/// `started` becomes true: what is drawn in a later task has the widths.
pub fn measure_font(
    root: crate::h::Held,
    glyphs: RwSignal<Arc<Glyphs>>,
    started: RwSignal<bool>,
    chars: impl Fn() -> Vec<char> + 'static,
) {
    // Once the current task has put it in the page.
    let el = root.get_value();
    next_task(move || started.set(true));
    let mut font = None;
    effect(move || {
        if !started.get() {
            return;
        }
        let wanted = chars();
        if let Some(font) = font.get_or_insert_with(|| Font::new(&el)) {
            if font.measure(&wanted) {
                glyphs.set(Arc::new(font.glyphs()));
            }
        }
    });
}

/// A canvas set in a font, and the widths it has measured.
struct Font {
    ctx: web_sys::CanvasRenderingContext2d,
    /// Each character measured, with its width at [`Font::SIZE`].
    known: Vec<(char, f64)>,
}

impl Font {
    /// Pixels; an integer, so that writing the font needs no float formatting.
    const SIZE: u32 = 100;

    /// A canvas in the font `el` is set in, if the browser gives one.
    fn new(el: &web_sys::HtmlElement) -> Option<Font> {
        let family = window()
            .get_computed_style(el)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("font-family").ok())
            .unwrap_or_else(|| "sans-serif".into());
        let ctx = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())?;
        ctx.set_font(&format!("{}px {family}", Font::SIZE));
        Some(Font {
            ctx,
            known: Vec::new(),
        })
    }

    /// Measures those of `chars` not measured yet; whether there were any.
    fn measure(&mut self, chars: &[char]) -> bool {
        let before = self.known.len();
        for &c in chars {
            if !self.known.iter().any(|k| k.0 == c) {
                let mut buf = [0u8; 4];
                let width = self.ctx.measure_text(c.encode_utf8(&mut buf));
                self.known.push((c, width.map_or(f64::NAN, |m| m.width())));
            }
        }
        self.known.len() > before
    }

    /// The widths measured so far.
    fn glyphs(&self) -> Glyphs {
        let width = |c: char| {
            self.known
                .iter()
                .find(|k| k.0 == c)
                .map_or(f64::NAN, |k| k.1)
        };
        let chars = self.known.iter().map(|k| k.0);
        Glyphs::measured(f64::from(Font::SIZE), chars, width)
    }
}

/// An element's inline style: a few properties, each written only where
/// its value changes. A zoom writes those of every mark, count marker and
/// tick in every frame. Each is set on its own (`setProperty`), not as a
/// new declaration block: Chromium then restyles the element by applying
/// the changed values to its last style, where a new block has it match
/// the element against every rule of the stylesheet again. The style
/// object and the property names are kept on the JavaScript side, so a
/// write passes only the value.
pub struct Inline {
    style: Style,
    names: Vec<JsValue>,
    last: Vec<String>,
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `CSSStyleDeclaration`, with a `setProperty` that takes the
    /// property's name as a JavaScript string.
    type Style;
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_named(this: &Style, name: &JsValue, value: &str);
}

impl Inline {
    /// The inline style of `el`, with the properties `names`.
    pub fn of(el: &web_sys::HtmlElement, names: &[&str]) -> Inline {
        Inline {
            style: el.style().unchecked_into(),
            names: names.iter().map(|n| JsValue::from_str(n)).collect(),
            last: vec![String::new(); names.len()],
        }
    }

    /// Sets each property to its value in `values`, where it differs.
    pub fn set(&mut self, values: &[&str]) {
        for ((name, last), value) in self.names.iter().zip(&mut self.last).zip(values) {
            if last != value {
                self.style.set_named(name, value);
                (*value).clone_into(last);
            }
        }
    }
}

/// Runs `f` in a task of its own, after those already queued. One copy
/// of the timer's code for every caller.
pub fn next_task(f: impl FnOnce() + 'static) {
    next_task_boxed(Box::new(f), 0);
}

/// Runs `f` in a task of its own, in `ms` milliseconds.
pub fn after_ms(ms: u64, f: impl FnOnce() + 'static) {
    next_task_boxed(Box::new(f), ms);
}

fn next_task_boxed(f: Box<dyn FnOnce()>, ms: u64) {
    set_timeout(f, std::time::Duration::from_millis(ms));
}

/// A count from 0 to `last`, one step per task, once `start` holds or
/// `wait_ms` have passed: the parts of a view shown from a given step are
/// each built in a task of their own, after what `start` waits for. A
/// phone answers input between them, and the events come first.
pub fn turns(last: usize, wait_ms: u64, start: impl Fn() -> bool + 'static) -> RwSignal<usize> {
    let turn = RwSignal::new(0);
    let waited = RwSignal::new(false);
    after_ms(wait_ms, move || waited.set(true));
    step_per_task(turn, last, move || waited.get() || start());
    turn
}

/// Steps `count` up to `last`, one step per task, while `go` holds, so
/// that what is shown from a given count on is built in a task of its
/// own. Each step is asked for once, however often `go`'s signals change.
pub fn step_per_task(count: RwSignal<usize>, last: usize, go: impl Fn() -> bool + 'static) {
    // The highest count asked for.
    let mut asked = 0;
    effect(move || {
        let n = count.get();
        if n < last && asked <= n && go() {
            asked = n + 1;
            next_task(move || count.set(n + 1));
        }
    });
}

/// Dispatches a bubbling, composed CustomEvent on `target`.
pub fn dispatch(target: &web_sys::Element, name: &str, detail: &[(&str, JsValue)]) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object(detail));
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&ev);
    }
}

/// A plain object with these fields.
pub fn object(fields: &[(&str, JsValue)]) -> js_sys::Object {
    let obj = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj
}

/// Whether an event's real target (inside shadow roots too) is inside an
/// element matching `selector`.
pub fn target_within(e: &web_sys::Event, selector: &str) -> bool {
    target_closest(e, selector).is_some()
}

/// The element matching `selector` that holds an event's real target
/// (inside shadow roots too), or the target itself if it matches.
pub fn target_closest(e: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    let first = e.composed_path().get(0);
    let target = if first.is_undefined() || first.is_null() {
        e.target().map(JsValue::from)
    } else {
        Some(first)
    };
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
}

/// A new element of `tag` and `class`, for the parts of the view that
/// write the page themselves (the lanes' marks, the axis's ticks).
pub fn element(tag: &str, class: &str) -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document()
        .create_element(tag)
        .expect("a known tag")
        .unchecked_into();
    el.set_class_name(class);
    el
}

/// The selector of event `id`'s marker.
pub fn event_selector(id: &str) -> String {
    format!("button[data-event-id=\"{}\"]", id.replace(['"', '\\'], ""))
}

/// The first element inside `root` that matches `selector`, as a `T`.
pub fn find<T: JsCast>(root: &web_sys::Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Moves focus to the marker of event `id` inside `root`, when it is on
/// screen.
pub fn focus_event(root: Option<web_sys::Element>, id: &str) {
    let Some(root) = root else { return };
    if let Some(el) = find::<web_sys::HtmlElement>(&root, &event_selector(id)) {
        let _ = el.focus();
    }
}

/// Keeps `width` and `height` at the content-box size of `el` in pixels,
/// with a ResizeObserver, while the current owner lives. (leptos-use's
/// `use_element_size` does the same, but reads SVG sizes from computed
/// styles, which puts the float parser and its tables in the module.)
pub fn observe_size(el: &web_sys::Element, width: RwSignal<f64>, height: RwSignal<f64>) {
    let report = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
        move |entries: js_sys::Array| {
            let entry: web_sys::ResizeObserverEntry = entries.get(0).unchecked_into();
            let r = entry.content_rect();
            if width.get_untracked() != r.width() {
                width.set(r.width());
            }
            if height.get_untracked() != r.height() {
                height.set(r.height());
            }
        },
    );
    let Ok(observer) = web_sys::ResizeObserver::new(report.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(el);
    let kept = StoredValue::new_local(Some((observer, report)));
    on_cleanup(move || {
        if let Some(Some((observer, _))) = kept.try_update_value(Option::take) {
            observer.disconnect();
        }
    });
}

/// Runs `f` once the current reactive run is over, and again whenever a
/// signal it read changes, while the current owner lives. Every effect of
/// the view shares one copy of Leptos's `Effect::new` (it builds a copy of
/// itself, with an async task, for each closure type it is given).
pub fn effect(f: impl FnMut() + 'static) {
    add_effect(Box::new(f));
}

fn add_effect(mut f: Box<dyn FnMut()>) {
    Effect::new(move |_| f());
}

/// A memo of `f`: computed when read, kept until a signal it read changes,
/// and telling its readers only when its value changes. One copy of
/// Leptos's memo per value type, not per closure (see [`effect`]).
pub fn memo<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    memo_boxed(Box::new(f))
}

fn memo_boxed<T>(f: Box<dyn Fn() -> T + Send + Sync>) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| f())
}

/// How a listener listens: in the capture phase, and passive.
#[derive(Clone, Copy, Default)]
pub struct Phase {
    pub capture: bool,
    pub passive: bool,
}

/// Calls `f` with each `name` event on `target` while the current owner
/// lives. Every listener of the view shares this one function's code
/// (leptos-use's `use_event_listener` builds a copy of itself for each
/// target, event and handler type).
pub fn listen(
    target: &web_sys::EventTarget,
    name: &str,
    phase: Phase,
    f: impl FnMut(web_sys::Event) + 'static,
) {
    add_listener(target, name, phase, Box::new(f));
}

fn add_listener(
    target: &web_sys::EventTarget,
    name: &str,
    phase: Phase,
    f: Box<dyn FnMut(web_sys::Event)>,
) {
    let handler = wasm_bindgen::closure::Closure::wrap(f);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(phase.capture);
    options.set_passive(phase.passive);
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        name,
        handler.as_ref().unchecked_ref(),
        &options,
    );
    let kept = StoredValue::new_local(Some((target.clone(), name.to_string(), handler)));
    on_cleanup(move || {
        if let Some(Some((target, name, handler))) = kept.try_update_value(Option::take) {
            let _ = target.remove_event_listener_with_callback_and_bool(
                &name,
                handler.as_ref().unchecked_ref(),
                phase.capture,
            );
        }
    });
}
