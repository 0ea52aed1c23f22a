//! What in a link, an attribute or a message could not be applied: a
//! visible, dismissable notice.

use crate::state::Rift;
use leptos::prelude::*;
use rift_core::fragment::Notice;
use rift_core::i18n::Key;

#[component]
pub fn Notices(
    /// What could not be applied.
    notices: RwSignal<Vec<Notice>>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    view! {
        {crate::dom::shown(move || notices.with(|n| !n.is_empty()), move || view! {
            <div class="notice" role="status">
                <ul>
                    {move || {
                        let lang = rift.lang();
                        notices.with(|n| n.iter().map(|n| view! { <li>{n.text(lang)}</li> }.into_any()).collect_view())
                    }}
                </ul>
                <button
                    type="button"
                    class="dismiss"
                    aria-label=rift.text(Key::DismissNotice)
                    on:click=move |_| notices.set(Vec::new())
                >
                    "×"
                </button>
            </div>
        }.into_any())}
    }
}
