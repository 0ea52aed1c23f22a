//! The language menu: English, Albanian or Russian for the whole interface.

use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::Key;
use rift_core::i18n::Lang;

#[component]
pub fn LanguageMenu() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let lang = rift.prefs.lang;
    view! {
        <label class="language">
            <span class="visually-hidden">{rift.text(Key::Language)}</span>
            <select
                class="language-select"
                prop:value=move || lang.get().code().to_string()
                on:change=move |e| {
                    if let Some(l) = Lang::parse(&event_target_value(&e)) {
                        rift.set_lang(l);
                    }
                }
            >
                {Lang::ALL
                    .iter()
                    .map(|l| view! { <option value=l.code() lang=l.code()>{l.name()}</option> }.into_any())
                    .collect_view()}
            </select>
        </label>
    }
}
