//! Rift: Moscow, Tirana and Belgrade, 1948–1962. The view layer of the
//! timeline (Leptos, client-side rendered); the logic it draws lives in
//! `rift_core`.
//!
//! Three ways in, one instance component ([`app::App`]):
//! - [`start_page`]: index.html, the full page;
//! - [`start_frame`]: embed.html, chrome-less inside an iframe, talking to
//!   its parent with postMessage;
//! - [`mount_element`]: embed.js, one instance in the shadow root of each
//!   `[data-rift-timeline]` element of a host page.

pub mod app;
pub mod dom;
pub mod embed;
pub mod explore;
pub mod minimap;
pub mod popover;
pub mod state;
pub mod timeline;

use app::{Mode, Options};
use leptos::prelude::*;
use rift_core::fragment::Fragment;
use wasm_bindgen::JsCast;

fn page_options(mode: Mode) -> Options {
    Options {
        mode,
        fragment: Fragment::parse(&dom::current_fragment()),
        site: dom::site_of(&window().location().href().unwrap_or_default()),
        host: None,
    }
}

/// Mounts the full page into the body.
pub fn start_page() {
    console_error_panic_hook::set_once();
    let options = page_options(Mode::Page);
    leptos::mount::mount_to_body(move || view! { <app::App options=options /> });
}

/// Mounts the chrome-less iframe view into the body.
pub fn start_frame() {
    console_error_panic_hook::set_once();
    let options = page_options(Mode::Frame);
    leptos::mount::mount_to_body(move || view! { <app::App options=options /> });
}

/// Mounts an independent instance into `host`'s (open) shadow root, with the
/// stylesheet at `css` and links pointing at the timeline page `site`. The
/// host's `data-*` attributes mean what the fragment keys mean.
pub fn mount_element(host: web_sys::HtmlElement, css: &str, site: &str) -> Result<(), String> {
    console_error_panic_hook::set_once();
    if host.shadow_root().is_some() {
        return Ok(());
    }
    let fragment = embed::fragment_of_element(&host);
    let height = host
        .get_attribute("data-height")
        .and_then(|h| h.trim_end_matches("px").parse::<f64>().ok())
        .filter(|h| (240.0..=4000.0).contains(h))
        .unwrap_or(560.0);
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
        .set_property("height", &format!("{height}px"));
    let _ = shadow.append_child(&link);
    let _ = shadow.append_child(&container);
    let options = Options {
        mode: Mode::Element,
        fragment,
        site: site.to_string(),
        host: Some(host),
    };
    let handle = leptos::mount::mount_to(container, move || view! { <app::App options=options /> });
    handle.forget();
    Ok(())
}
