//! The address bar of a page that owns it (index.html, embed.html): it
//! always holds a link to what is on screen, and back, forward or an edited
//! link move the view.

use crate::dom;
use leptos::prelude::*;
use rift_core::fragment::Fragment;

/// How long the link must stay the same before the address bar takes it.
const SETTLE_MS: u64 = 250;

/// Keeps the fragment in step with `link` (debounced, without history
/// entries; opening the page does not rewrite the link it came from), and
/// hands a fragment the reader changed to `apply`.
pub fn keep(link: Memo<String>, apply: impl Fn(Fragment) + Clone + 'static) {
    let written = StoredValue::new(dom::current_fragment());
    let settled = dom::settled(link, SETTLE_MS);
    let mut ran = false;
    dom::effect(move || {
        let text = settled.get();
        if std::mem::replace(&mut ran, true) && written.get_value() != text {
            dom::replace_fragment(&text);
            written.set_value(text);
        }
    });
    dom::listen(&window(), "hashchange", dom::Phase::default(), move |_| {
        let text = dom::current_fragment();
        if text != written.get_value() {
            written.set_value(text.clone());
            apply(Fragment::parse(&text));
        }
    });
}
