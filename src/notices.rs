//! What in a link, an attribute or a message could not be applied: a
//! visible, dismissable notice.

use crate::h::{button, h, hc, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::fragment::Notice;
use rift_core::i18n::Key;

/// The notices (shown while there are any).
pub fn notices(
    // What could not be applied.
    notices: RwSignal<Vec<Notice>>,
) -> H {
    let rift = expect_context::<Rift>();
    let items = move || {
        let lang = rift.lang();
        notices.with(|n| n.iter().map(|n| h("li").text(&n.text(lang))).collect())
    };
    hc("div", "notice")
        .attr("role", "status")
        .child(h("ul").parts(items))
        .child(
            button("dismiss")
                .attr_key("aria-label", rift, Key::DismissNotice)
                .on("click", move |_| notices.set(Vec::new()))
                .text("×"),
        )
}
