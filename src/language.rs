//! The language menu: English, Albanian or Russian for the whole interface.

use crate::h::{h, hc, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::Key;
use rift_core::i18n::Lang;

/// The language menu.
pub fn language_menu() -> H {
    let rift = expect_context::<Rift>();
    let lang = rift.prefs.lang;
    let mut select = h("select").attr("class", "language-select");
    for l in Lang::ALL {
        let code = l.code();
        select = select.child(
            h("option")
                .attr("value", code)
                .attr("lang", code)
                .text(l.name()),
        );
    }
    let select = select
        .prop_fn("value", move || lang.get().code().into())
        .on("change", move |e| {
            if let Some(l) = Lang::parse(&event_target_value(&e)) {
                rift.set_lang(l);
            }
        });
    hc("label", "language")
        .child(hc("span", "visually-hidden").text_key(rift, Key::Language))
        .child(select)
}
