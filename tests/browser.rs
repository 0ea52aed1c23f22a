//! In-browser tests: what needs a real DOM (shadow roots, layout, composed
//! events) but not a whole page, a server or a release build. Each test
//! mounts a script embed with the public entry point `rift::mount_element`
//! into a fresh element and checks the DOM it produces, which is a public
//! contract; nothing here reaches into the view's modules.
//!
//! Run headless in Chromium (see `.cargo/config.toml` and `webdriver.json`):
//! `cargo test -p rift --target wasm32-unknown-unknown --test browser`
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CustomEvent, Element, HtmlElement, ShadowRoot, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

/// The embed's stylesheet, as a data: URL (the test page serves no files).
fn css_url() -> String {
    let css = include_str!("../assets/rift.css");
    let encoded: String = js_sys::encode_uri_component(css).into();
    format!("data:text/css;charset=utf-8,{encoded}")
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `[data-rift-timeline]` element in the body with a timeline mounted in
/// it; removed from the page when dropped.
struct Embed {
    host: HtmlElement,
    /// Whether the embed has dispatched `rift:ready`.
    ready: Rc<std::cell::Cell<bool>>,
}

impl Embed {
    fn mount(attributes: &[(&str, &str)]) -> Embed {
        let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
        host.set_attribute("data-rift-timeline", "").unwrap();
        for (name, value) in attributes {
            host.set_attribute(name, value).unwrap();
        }
        // As wide as a typical article column, whatever the test window.
        host.style().set_property("width", "960px").unwrap();
        document().body().unwrap().append_child(&host).unwrap();
        let ready = Rc::new(std::cell::Cell::new(false));
        let flag = ready.clone();
        let on_ready = Closure::<dyn Fn()>::new(move || flag.set(true));
        host.add_event_listener_with_callback("rift:ready", on_ready.as_ref().unchecked_ref())
            .unwrap();
        on_ready.forget();
        rift::mount_element(host.clone(), &css_url(), "http://127.0.0.1/rift/")
            .expect("mount_element succeeds");
        Embed { host, ready }
    }

    fn shadow(&self) -> ShadowRoot {
        self.host
            .shadow_root()
            .expect("the host has an open shadow root")
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.shadow().query_selector(selector).unwrap()
    }

    fn count(&self, selector: &str) -> u32 {
        self.shadow().query_selector_all(selector).unwrap().length()
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.host.get_attribute(name)
    }

    /// Waits until the instance says its first events are drawn
    /// (`rift:ready`: every lane shown is on screen), and at least one is.
    async fn drawn(&self) -> u32 {
        wait_for("rift:ready and an event button in the shadow root", || {
            Some(self.count("button[data-event-id]")).filter(|&n| n > 0 && self.ready.get())
        })
        .await
    }
}

impl Drop for Embed {
    fn drop(&mut self) {
        self.host.remove();
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Polls `check` every 20 ms until it gives a value; fails after 5 s.
async fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    for _ in 0..250 {
        if let Some(value) = check() {
            return value;
        }
        sleep(20).await;
    }
    panic!("timed out after 5 s waiting for {what}");
}

/// An ISO day between April and August 1961 ("June-ish" for a 3-month
/// window around June).
fn around_june_1961(day: &str) -> bool {
    let b = day.as_bytes();
    day.len() == 10
        && day.starts_with("1961-0")
        && (b'4'..=b'8').contains(&b[6])
        && b[7] == b'-'
        && b[8..].iter().all(u8::is_ascii_digit)
}

fn is_iso_day(day: &str) -> bool {
    let b = day.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

#[wasm_bindgen_test]
async fn an_embed_draws_its_lanes_and_events_and_reports_its_window() {
    let embed = Embed::mount(&[("data-date", "1961-06"), ("data-span", "3m")]);
    assert_eq!(embed.shadow().mode(), ShadowRootMode::Open);
    embed.drawn().await;
    assert!(embed.find(".rift").is_some(), "no .rift in the shadow root");
    let lanes = embed.shadow().query_selector_all("[data-lane]").unwrap();
    assert!(lanes.length() >= 2, "{} lanes", lanes.length());
    for i in 0..lanes.length() {
        let lane: Element = lanes.item(i).unwrap().unchecked_into();
        assert_eq!(
            lane.get_attribute("role").as_deref(),
            Some("group"),
            "lane {:?}",
            lane.get_attribute("data-lane")
        );
    }
    assert!(embed.count("[data-lane] button[data-event-id]") > 0);
    // The host element carries the window, in June-ish 1961.
    let start = embed.attribute("data-view-start").unwrap_or_default();
    let end = embed.attribute("data-view-end").unwrap_or_default();
    assert!(around_june_1961(&start), "data-view-start={start:?}");
    assert!(around_june_1961(&end), "data-view-end={end:?}");
    assert!(start < end, "{start} .. {end}");
    // Nothing of the timeline is in the page's own DOM.
    assert!(document()
        .query_selector(".rift, [data-lane]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_bad_attribute_gives_a_notice_and_a_working_timeline() {
    let embed = Embed::mount(&[("data-date", "1961-13"), ("data-span", "3m")]);
    let notice = wait_for("a .notice in the shadow root", || embed.find(".notice")).await;
    let text = notice.text_content().unwrap_or_default();
    assert!(text.contains("1961-13"), "notice: {text:?}");
    embed.drawn().await;
    let start = embed.attribute("data-view-start").unwrap_or_default();
    assert!(is_iso_day(&start), "data-view-start={start:?}");
}

#[wasm_bindgen_test]
async fn data_height_sets_the_height_of_the_container() {
    let embed = Embed::mount(&[
        ("data-date", "1961-06"),
        ("data-span", "3m"),
        ("data-height", "300"),
    ]);
    let default = Embed::mount(&[("data-date", "1961-06"), ("data-span", "3m")]);
    embed.drawn().await;
    default.drawn().await;
    // The container is the element the instance is drawn in, the shadow
    // root's child that holds .rift.
    let inner = |e: &Embed| {
        let container = e.find(".rift").unwrap().parent_element().unwrap();
        container.client_height()
    };
    assert_eq!(inner(&embed), 300);
    assert_eq!(inner(&default), 560);
    // The host on the page is that tall (plus the container's border, if any).
    let outer = embed.host.get_bounding_client_rect().height();
    assert!((300.0..=304.0).contains(&outer), "host height {outer}");
}

type Heard = (Option<String>, bool);

#[wasm_bindgen_test]
async fn rift_select_from_inside_the_shadow_root_reaches_the_host() {
    let embed = Embed::mount(&[("data-date", "1961-06"), ("data-span", "3m")]);
    embed.drawn().await;
    // (detail.id, whether the host saw it as its own composed event)
    let heard: Rc<RefCell<Vec<Heard>>> = Rc::default();
    let listener = {
        let heard = heard.clone();
        let host: JsValue = embed.host.clone().into();
        Closure::<dyn FnMut(CustomEvent)>::new(move |e: CustomEvent| {
            let id = js_sys::Reflect::get(&e.detail(), &"id".into())
                .ok()
                .and_then(|v| v.as_string());
            // Seen from the page, the event comes from the host itself.
            let retargeted = e.target().map(JsValue::from) == Some(host.clone());
            heard.borrow_mut().push((id, retargeted && e.composed()));
        })
    };
    embed
        .host
        .add_event_listener_with_callback("rift:select", listener.as_ref().unchecked_ref())
        .unwrap();
    let button: HtmlElement = embed
        .find("button[data-event-id]")
        .unwrap()
        .unchecked_into();
    let id = button.get_attribute("data-event-id").unwrap();
    button.click();
    wait_for("rift:select on the host", || {
        Some(()).filter(|_| !heard.borrow().is_empty())
    })
    .await;
    assert_eq!(*heard.borrow(), vec![(Some(id.clone()), true)]);
    assert_eq!(embed.attribute("data-selected"), Some(id));
    embed
        .host
        .remove_event_listener_with_callback("rift:select", listener.as_ref().unchecked_ref())
        .unwrap();
}

/// In the module, the Albanian and Russian interface strings come with
/// their language's text pack: until then a lookup gives English, and the
/// interface is shown in English.
#[wasm_bindgen_test]
fn interface_strings_of_other_languages_arrive_with_their_pack() {
    use rift_core::i18n::{
        add_strings, has_strings, parse_fields, shown, t, Key, Lang, KEYS, KEYS_ID,
    };
    assert!(has_strings(Lang::En));
    assert!(!has_strings(Lang::Ru));
    assert_eq!(t(Lang::Ru, Key::Close), t(Lang::En, Key::Close));
    assert_eq!(shown(Lang::Ru), Lang::En);
    let fields: Vec<String> = KEYS.iter().map(|k| format!("ru {}", k.name())).collect();
    let strings = parse_fields(std::iter::once(KEYS_ID).chain(fields.iter().map(String::as_str)))
        .expect("strings for these keys");
    add_strings(Lang::Ru, strings);
    assert!(has_strings(Lang::Ru));
    assert_eq!(shown(Lang::Ru), Lang::Ru);
    assert_eq!(t(Lang::Ru, Key::Close), "ru close");
}

/// An embed asked for Albanian whose texts cannot be fetched (the test
/// page serves no files) starts all the same, in English, and says why.
#[wasm_bindgen_test]
async fn an_embed_whose_language_cannot_come_starts_in_english_and_says_so() {
    let embed = Embed::mount(&[
        ("data-lang", "sq"),
        ("data-date", "1961-06"),
        ("data-span", "3m"),
    ]);
    embed.drawn().await;
    let root = embed.find(".rift").expect("the instance's root");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    let notice = embed.find(".notice").expect("a notice");
    let text = notice.text_content().unwrap_or_default();
    assert!(
        text.contains("Shqip could not be loaded; the timeline is in English"),
        "{text}"
    );
}
