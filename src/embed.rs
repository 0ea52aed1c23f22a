//! Embedding: reading an element's `data-*` attributes, the postMessage
//! protocol of embed.html, and the Embed dialog with ready-to-copy snippets.

use crate::dom;
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::fragment::Fragment;
use wasm_bindgen::JsValue;

/// The `data-*` keys of an embedding element that mean what fragment keys mean.
const KEYS: [&str; 5] = ["date", "span", "event", "lanes", "lang"];

/// The view an embedding element asks for, with the same fallbacks (and
/// notices) as a fragment.
pub fn fragment_of_element(host: &web_sys::Element) -> Fragment {
    let pairs: Vec<(String, String)> = KEYS
        .iter()
        .filter_map(|k| {
            host.get_attribute(&format!("data-{k}"))
                .map(|v| (k.to_string(), v))
        })
        .collect();
    Fragment::from_pairs(pairs)
}

fn field(obj: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined())
}

/// The view a `{source: "rift", type: "goto", date, span?, event?}` message
/// asks for; `None` for a message of any other shape (it is ignored).
pub fn goto_of_message(data: &JsValue) -> Option<Fragment> {
    if !data.is_object() {
        return None;
    }
    if field(data, "source")?.as_string()? != "rift" || field(data, "type")?.as_string()? != "goto"
    {
        return None;
    }
    let mut pairs = Vec::new();
    for key in ["date", "span", "event"] {
        if let Some(v) = field(data, key) {
            // A field of the wrong type makes the message malformed.
            pairs.push((key.to_string(), v.as_string()?));
        }
    }
    if !pairs.iter().any(|(k, _)| k == "date" || k == "event") {
        return None;
    }
    Some(Fragment::from_pairs(pairs))
}

/// Posts `{source: "rift", type, ...fields}` to the parent window, when
/// there is one.
pub fn post_to_parent(kind: &str, fields: &[(&str, JsValue)]) {
    let win = window();
    let Ok(Some(parent)) = win.parent() else {
        return;
    };
    if parent == win {
        return;
    }
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"source".into(), &"rift".into());
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &JsValue::from_str(kind));
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&msg, &JsValue::from_str(k), v);
    }
    // The timeline's messages carry only public view state: any parent may read them.
    let _ = parent.post_message(&msg, "*");
}

/// The Embed dialog: the iframe and script snippets for the current view.
#[component]
pub fn EmbedDialog(
    /// Whether the dialog is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let status = RwSignal::new(String::new());
    let snippets = {
        let rift = rift.clone();
        move || {
            let v = rift.view.get();
            let sel = rift
                .selected
                .get()
                .map(|i| rift.data.data.events[i].id.clone());
            let lanes = rift.lanes.get();
            let all: Vec<usize> = (0..rift.data.data.lanes.len()).collect();
            let ids: Vec<&str> = lanes
                .iter()
                .map(|&l| rift.data.data.lanes[l].id.as_str())
                .collect();
            let lanes = (lanes != all).then_some(&ids[..]);
            (
                rift_core::snippet::iframe(&rift.site, &v, sel.as_deref(), lanes),
                rift_core::snippet::script(&rift.site, &v, sel.as_deref(), lanes),
            )
        }
    };
    let dialog = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if open.get() {
            status.set(String::new());
            request_animation_frame(move || {
                if let Some(d) = dialog.get_untracked() {
                    let _ = d.focus();
                }
            });
        }
    });
    let lang = rift.lang;
    let copy = move |text: String| dom::copy_text(&text, status, lang.get_untracked());
    view! {
        <Show when=move || open.get()>
            {
                let snippets = snippets.clone();
                let lang = rift.lang.get();
                let tr = move |key: &str| rift_core::i18n::t(lang, key);
                let (iframe, script) = snippets();
                let (i2, s2) = (iframe.clone(), script.clone());
                view! {
                    <div
                        class="embed-dialog"
                        role="dialog"
                        aria-modal="true"
                        aria-labelledby="rift-embed-title"
                        tabindex="-1"
                        node_ref=dialog
                        on:keydown=move |e: leptos::ev::KeyboardEvent| {
                            if e.key() == "Escape" {
                                e.stop_propagation();
                                open.set(false);
                            }
                        }
                    >
                        <header>
                            <h2 id="rift-embed-title">{tr("embed_title")}</h2>
                            <button type="button" class="close" aria-label=tr("close") on:click=move |_| open.set(false)>"×"</button>
                        </header>
                        <p>{tr("embed_intro")}</p>
                        <h3>{tr("embed_iframe")}</h3>
                        <textarea class="snippet snippet-iframe" readonly rows="4" aria-label=tr("embed_iframe_label")>{iframe}</textarea>
                        <button type="button" on:click=move |_| copy(i2.clone())>{tr("copy_iframe")}</button>
                        <h3>{tr("embed_script")}</h3>
                        <p class="hint">{tr("embed_hint")}</p>
                        <textarea class="snippet snippet-script" readonly rows="4" aria-label=tr("embed_script_label")>{script}</textarea>
                        <button type="button" on:click=move |_| copy(s2.clone())>{tr("copy_script")}</button>
                        <p class="copy-status" role="status">{move || status.get()}</p>
                    </div>
                }
            }
        </Show>
    }
}
