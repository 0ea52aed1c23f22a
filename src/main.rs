//! The entry points the page scripts call (boot.js, frame.js, embed.js).
//! Exports live in the binary so the linker keeps them.

use wasm_bindgen::prelude::*;

fn main() {}

/// Reads the embedded timeline, ahead of the first instance: the page
/// scripts call it in a task of its own, so that starting is two shorter
/// tasks rather than one long one.
#[wasm_bindgen]
pub fn prepare() {
    rift::prepare();
}

/// index.html: the full page.
#[wasm_bindgen]
pub fn start_page() {
    rift::start_page();
}

/// embed.html: the chrome-less view for iframes.
#[wasm_bindgen]
pub fn start_frame() {
    rift::start_frame();
}

/// embed.js: one instance in the shadow root of `host`.
#[wasm_bindgen]
pub fn mount_element(host: web_sys::HtmlElement, css: &str, site: &str) -> Result<(), JsValue> {
    rift::mount_element(host, css, site).map_err(|e| JsValue::from_str(&e))
}
