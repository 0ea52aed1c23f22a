//! Printing: the browser's print command (or the toolbar's button) renders
//! a chronology of the current window, filters and search, with every
//! citation as a numbered note; it is dropped again afterwards.

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

#[component]
pub fn PrintView(
    /// The link to what is on screen (a fragment, without `#`).
    link: Memo<String>,
) -> impl IntoView {
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
    let items = entries
        .iter()
        .zip(notes.refs)
        .map(|(&i, refs)| {
            let e = &data.data.events[i];
            let lane = data.data.lanes[data.lane[i]].label_in(lang).to_string();
            let date = untrack(|| rift.date_of(i));
            view! {
                <li>
                    <p class="print-head">
                        <time datetime=e.date.clone()>{date}</time>
                        " · " <span class="print-lane">{lane}</span>
                    </p>
                    <p>
                        <strong>{data.title(i, lang).to_string()}</strong>
                        ". " {data.summary(i, lang).trim().to_string()}
                        <sup>
                            {refs
                                .enumerate()
                                .map(|(k, n)| view! {
                                    {(k > 0).then_some(",")}
                                    <a href=format!("#rift-note-{n}")>{n}</a>
                                }.into_any())
                                .collect_view()}
                        </sup>
                    </p>
                    {data.disputed(i, lang).map(|d| view! {
                        <p class="print-dispute"><em>{t(lang, Key::SourcesDisagreeColon)}</em>{d.trim().to_string()}</p>
                    }.into_any())}
                </li>
            }
            .into_any()
        })
        .collect_view();
    let page = rift_core::snippet::page_link(&rift.site(), &link.get_untracked());
    // The browser's own print command, given before the details arrived,
    // prints at once: the printout says what it lacks, and why.
    let missing = rift
        .details
        .get_untracked()
        .missing(Key::PrintLoading, Key::PrintFailed);
    view! {
        <section class="print-view" aria-hidden="true">
            <h1>"Rift" {t(lang, Key::Subtitle)}</h1>
            <p class="print-scope">
                {tf(lang, Key::PrintScope, &[("scope", &scope.join(", ")), ("n", &rift_core::format::count(entries.len(), lang))])}
            </p>
            {missing.map(|key| view! { <p class="print-missing">{t(lang, key)}</p> }.into_any())}
            <ol class="print-chronology">{items}</ol>
            <h2>{t(lang, Key::Notes)}</h2>
            <ol class="footnotes">
                {notes
                    .texts
                    .into_iter()
                    .enumerate()
                    .map(|(n, text)| view! { <li id=format!("rift-note-{}", n + 1)>{text}</li> }.into_any())
                    .collect_view()}
            </ol>
            <p class="print-link">{page}</p>
        </section>
    }
}
