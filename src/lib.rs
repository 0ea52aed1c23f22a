//! Rift: Moscow, Tirana and Belgrade, 1948–1962. The view layer of the
//! timeline: Leptos's reactive graph (signals, memos, effects) and a small
//! element builder over the DOM (`h`); the logic it draws lives in
//! `rift_core`.
//!
//! Three ways in, one instance ([`instance::app`]):
//! - [`start_page`]: index.html, the full page;
//! - [`start_frame`]: embed.html, chrome-less inside an iframe, talking to
//!   its parent with postMessage;
//! - [`mount_element`]: embed.js, one instance in the shadow root of each
//!   `[data-rift-timeline]` element of a host page.

pub mod address;
pub mod compact;
pub mod contract;
pub mod dom;
pub mod embed_dialog;
pub mod failure;
#[cfg(feature = "faults")]
pub mod faults;
pub mod filters;
pub mod h;
pub mod instance;
pub mod kiosk;
pub mod lane;
pub mod language;
pub mod list;
pub mod marks;
pub mod menu;
pub mod minimap;
pub mod notices;
pub mod popover;
pub mod print;
pub mod search;
pub mod state;
pub mod texts;
pub mod timeline;
pub mod toolbar;

use instance::Options;
use leptos::prelude::*;
use rift_core::fragment::Fragment;
use state::Mode;
use wasm_bindgen::JsCast;

/// Mounts a page-owned instance (index.html, embed.html) into the body.
fn start(mode: Mode) {
    let fragment = dom::current_fragment();
    let href = window().location().href().unwrap_or_default();
    let site = rift_core::snippet::folder_of(&href);
    if let Some(body) = document().body() {
        // The page itself offers a reload; an iframe, the full page.
        let link = match mode {
            Mode::Page => href,
            _ => rift_core::snippet::page_link(&site, &fragment),
        };
        failure::watch(body.into(), mode, link);
    }
    let options = Options {
        mode,
        fragment: Fragment::parse(&fragment),
        site,
        host: None,
        theme: None,
    };
    instance::when_ready(options, |options, data| {
        if let Some(body) = document().body() {
            h::mount(body.into(), move |body| instance::app(body, options, data));
        }
        // The app takes the static skeleton's place in the same task, so
        // no frame shows both.
        if let Ok(Some(skeleton)) = document().query_selector(".rift-skeleton") {
            skeleton.remove();
        }
    });
}

/// Reads the embedded timeline now, once for the page, rather than when
/// the first instance starts. What goes wrong is shown by that instance.
pub fn prepare() {
    let _ = instance::load(None);
}

/// Mounts the full page into the body.
pub fn start_page() {
    start(Mode::Page);
}

/// Mounts the chrome-less iframe view into the body.
pub fn start_frame() {
    start(Mode::Frame);
}

/// Mounts an independent instance into `host`'s (open) shadow root, with the
/// stylesheet at `css` and links pointing at the timeline page `site`. The
/// host's `data-*` attributes mean what the fragment keys mean.
pub fn mount_element(host: web_sys::HtmlElement, css: &str, site: &str) -> Result<(), String> {
    if host.shadow_root().is_some() {
        return Ok(());
    }
    let attrs = rift_core::embed::attributes(|name| host.get_attribute(name));
    // The host page's CSS may restyle the host itself (`div { display:
    // inline }`): an inline style wins over it.
    let _ = host.style().set_property("display", "block");
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .map_err(|e| format!("cannot attach a shadow root: {e:?}"))?;
    let doc = document();
    let link = doc.create_element("link").map_err(|e| format!("{e:?}"))?;
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", css);
    let container: web_sys::HtmlElement = doc
        .create_element("div")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    let _ = container.set_attribute("class", "rift-host");
    let _ = container
        .style()
        .set_property("height", &rift_core::css::px(attrs.height));
    let _ = shadow.append_child(&link);
    let _ = shadow.append_child(&container);
    failure::watch(container.clone().into(), Mode::Element, site.to_string());
    let options = Options {
        mode: Mode::Element,
        fragment: attrs.fragment,
        site: site.to_string(),
        host: Some(host),
        theme: attrs.theme,
    };
    // Mounted once the stylesheet is in (or has failed): a first frame
    // without it would be measured and drawn unstyled, and then jump. And
    // once the texts of its language are here (`instance::when_ready`).
    let mount = std::cell::Cell::new(Some(move || {
        instance::when_ready(options, move |options, data| {
            h::mount(container.into(), move |root| {
                instance::app(root, options, data)
            });
        });
    }));
    let once = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if let Some(mount) = mount.take() {
            mount();
        }
    });
    for event in ["load", "error"] {
        let _ = link.add_event_listener_with_callback(event, once.as_ref().unchecked_ref());
    }
    once.forget();
    Ok(())
}
