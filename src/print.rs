//! Printing: the browser's print command (or the toolbar's button) renders
//! a chronology of the current window, filters and search, with every
//! citation as a numbered note; it is dropped again afterwards.

use crate::h::{h, hc, H};
use crate::state::Rift;
use leptos::prelude::*;
use rift_core::i18n::{t, tf, Key};

/// Whether the page is being printed: set around the browser's own print
/// command too.
pub fn use_printing() -> RwSignal<bool> {
    let printing = RwSignal::new(false);
    let phase = crate::dom::Phase::default();
    crate::dom::listen(&window(), "beforeprint", phase, move |_| printing.set(true));
    crate::dom::listen(&window(), "afterprint", phase, move |_| printing.set(false));
    printing
}

/// The chronology of what is on screen, for the printer.
pub fn print_view(
    // The link to what is on screen (a fragment, without `#`).
    link: Memo<String>,
) -> H {
    let rift = expect_context::<Rift>();
    let lang = rift.prefs.lang.get_untracked();
    let data = rift.data();
    let entries = untrack(|| rift.hits_in_view());
    let scope = rift_core::chronology::scope(
        &data,
        untrack(|| rift.window_label()),
        &rift.search.query.get_untracked(),
        lang,
    );
    let notes = rift_core::chronology::notes(&data, &entries, lang);
    let mut items = hc("ol", "print-chronology");
    for (&i, refs) in entries.iter().zip(notes.refs) {
        let e = &data.data.events[i];
        let lane = data.data.lanes[data.lane[i]].label_in(lang);
        let date = untrack(|| rift.date_of(i));
        let mut sup = h("sup");
        for (k, n) in refs.enumerate() {
            if k > 0 {
                sup = sup.text(",");
            }
            let n = n.to_string();
            sup = sup.child(h("a").attr("href", &format!("#rift-note-{n}")).text(&n));
        }
        let head = hc("p", "print-head")
            .child(h("time").attr("datetime", &e.date).text(&date))
            .text(" · ")
            .child(hc("span", "print-lane").text(lane));
        let body = h("p")
            .child(h("strong").text(data.title(i, lang)))
            .text(". ")
            .text(data.summary(i, lang).trim())
            .child(sup);
        let mut item = h("li").child(head).child(body);
        if let Some(d) = data.disputed(i, lang) {
            item = item.child(
                hc("p", "print-dispute")
                    .child(h("em").text(t(lang, Key::SourcesDisagreeColon)))
                    .text(d.trim()),
            );
        }
        items = items.child(item);
    }
    let mut footnotes = hc("ol", "footnotes");
    for (n, text) in notes.texts.iter().enumerate() {
        let id = format!("rift-note-{}", n + 1);
        footnotes = footnotes.child(h("li").attr("id", &id).text(text));
    }
    let page = rift_core::snippet::page_link(&rift.site(), &link.get_untracked());
    // The browser's own print command, given before the details arrived,
    // prints at once: the printout says what it lacks, and why.
    let missing = rift
        .details
        .get_untracked()
        .missing(Key::PrintLoading, Key::PrintFailed);
    let count = rift_core::format::count(entries.len(), lang);
    let scope = tf(
        lang,
        Key::PrintScope,
        &[("scope", &scope.join(", ")), ("n", &count)],
    );
    hc("section", "print-view")
        .attr("aria-hidden", "true")
        .child(h("h1").text("Rift").text(t(lang, Key::Subtitle)))
        .child(hc("p", "print-scope").text(&scope))
        .maybe(missing.map(|key| hc("p", "print-missing").text(t(lang, key))))
        .child(items)
        .child(h("h2").text(t(lang, Key::Notes)))
        .child(footnotes)
        .child(hc("p", "print-link").text(&page))
}
