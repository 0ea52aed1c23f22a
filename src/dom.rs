//! Glue to the world outside the component: the address bar, the clipboard,
//! and the CustomEvents of the public DOM contract.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The page's address without its fragment.
pub fn base_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Folder URL of the timeline page a page URL belongs to.
pub fn site_of(url: &str) -> String {
    rift_core::snippet::folder_of(url)
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

/// Copies text to the clipboard and reports how it went in `status`.
pub fn copy_text(text: &str, status: RwSignal<String>, lang: rift_core::i18n::Lang) {
    let promise = window().navigator().clipboard().write_text(text);
    let text = text.to_string();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => status.set(rift_core::i18n::t(lang, "copied").to_string()),
            Err(_) => status.set(rift_core::i18n::tf(lang, "copy_failed", &[("text", &text)])),
        }
    });
}

/// Dispatches a bubbling, composed CustomEvent on `target`.
pub fn dispatch(target: &web_sys::Element, name: &str, detail: &[(&str, JsValue)]) {
    let obj = js_sys::Object::new();
    for (k, v) in detail {
        let _ = js_sys::Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&obj);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&ev);
    }
}
