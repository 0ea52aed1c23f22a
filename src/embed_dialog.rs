//! The Embed dialog: the iframe and script snippets for the view on
//! screen, ready to copy. A native modal `<dialog>`, so focus stays in it
//! and Escape closes it.

use crate::dom;
use crate::state::Rift;
use leptos::html;
use leptos::prelude::*;
use rift_core::i18n::Key;

#[component]
pub fn EmbedDialog(
    /// Whether the dialog is open.
    open: RwSignal<bool>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let dialog = NodeRef::<html::Dialog>::new();
    let (copy, status) = dom::use_copy(rift.prefs.lang);
    let snippets = crate::dom::memo(move || {
        if !open.get() {
            return (String::new(), String::new());
        }
        let data = rift.data();
        let site = rift.site();
        let v = rift.view();
        let sel = rift.selected.get().map(|i| data.data.events[i].id.as_str());
        let lanes = rift.lanes.with(|l| rift_core::fragment::lane_ids(&data, l));
        let lang = rift.lang();
        (
            rift_core::snippet::iframe(&site, &v, sel, lanes.as_deref(), lang),
            rift_core::snippet::script(&site, &v, sel, lanes.as_deref(), lang),
        )
    });
    // In the DOM only while open, as a modal in the top layer.
    crate::dom::effect(move || {
        if let Some(d) = dialog.get().filter(|d| !d.open()) {
            let _ = d.show_modal();
        }
    });
    view! {
        {crate::dom::shown(move || open.get(), move || view! {
        <dialog
            class="embed-dialog"
            role="dialog"
            aria-labelledby="rift-embed-title"
            node_ref=dialog
            on:close=move |_| open.set(false)
            on:keydown=move |e: leptos::ev::KeyboardEvent| e.stop_propagation()
        >
            <header>
                <h2 id="rift-embed-title">{rift.text(Key::EmbedTitle)}</h2>
                <button type="button" class="close" aria-label=rift.text(Key::Close) on:click=move |_| open.set(false)>"×"</button>
            </header>
            <p>{rift.text(Key::EmbedIntro)}</p>
            <h3>{rift.text(Key::EmbedIframe)}</h3>
            <textarea class="snippet snippet-iframe" readonly rows="4" aria-label=rift.text(Key::EmbedIframeLabel) prop:value=move || snippets.get().0></textarea>
            <button type="button" on:click={
                let copy = copy.clone();
                move |_| copy(snippets.get_untracked().0)
            }>{rift.text(Key::CopyIframe)}</button>
            <h3>{rift.text(Key::EmbedScript)}</h3>
            <p class="hint">{rift.text(Key::EmbedHint)}</p>
            <textarea class="snippet snippet-script" readonly rows="4" aria-label=rift.text(Key::EmbedScriptLabel) prop:value=move || snippets.get().1></textarea>
            <button type="button" on:click={
                let copy = copy.clone();
                move |_| copy(snippets.get_untracked().1)
            }>{rift.text(Key::CopyScript)}</button>
            <p class="copy-status" role="status">{move || status.get()}</p>
        </dialog>
        }.into_any())}
    }
}
