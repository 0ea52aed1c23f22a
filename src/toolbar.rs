//! The toolbar: the title, the window on screen in words, and the controls
//! (zoom, whole range, large text, copy link, print, embed; kiosk mode
//! leaves out the sharing three). One row of a fixed height, whatever the
//! labels say, so the lanes under it never move; on a compact screen, the
//! search, zoom and a menu for the rest.

use crate::state::{Mode, Rift};
use crate::{dom, filters::Filters, language::LanguageMenu, list::ViewSwitch};
use crate::{menu::Menu, search::SearchBar};
use leptos::prelude::*;
use rift_core::i18n::Key;
use rift_core::motion::Step;
use rift_core::viewport::STEP_FACTOR;

/// How long the window must rest before its label is announced.
const ANNOUNCE_MS: u64 = 600;

#[component]
pub fn Toolbar(
    /// The link to what is on screen (a fragment, without `#`).
    link: Memo<String>,
    /// Whether the Embed dialog is open.
    embed_open: RwSignal<bool>,
    /// Whether the chronology is being printed.
    printing: RwSignal<bool>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    // Announced politely, once the window has settled.
    let label: Signal<String> = Signal::derive(move || rift.window_label());
    let announced = crate::dom::settled(label, ANNOUNCE_MS);
    let page_link = move || rift_core::snippet::page_link(&rift.site(), &link.get());
    let compact = rift.compact;
    // One compact row on a small screen: the search, zoom, and a menu with
    // the rest; the full toolbar keeps every control in view.
    view! {
        <header class="toolbar">
            <Title page_link=Signal::derive(page_link) />
            <p class="window" aria-live="polite">
                <span class="visually-hidden">{rift.text(Key::Showing)}</span>
                {move || announced.get()}
            </p>
            {crate::dom::shown(move || compact.get(), || view! { <SearchBar /> }.into_any())}
            <div class="controls" role="toolbar" aria-label=rift.text(Key::Toolbar)>
                <button type="button" class="zoom-out" aria-label=rift.text(Key::ZoomOut) title=rift.text(Key::ZoomOutTitle) on:click=move |_| rift.step(Step::Zoom(1.0 / STEP_FACTOR))>"−"</button>
                <button type="button" class="zoom-in" aria-label=rift.text(Key::ZoomIn) title=rift.text(Key::ZoomInTitle) on:click=move |_| rift.step(Step::Zoom(STEP_FACTOR))>"+"</button>
                {crate::dom::shown(move || !compact.get(), move || view! { <Actions link=link embed_open=embed_open printing=printing /> }.into_any())}
            </div>
            {crate::dom::shown(move || compact.get(), move || view! {
                <Menu>
                    <div class="menu-row">
                        <ViewSwitch />
                        <LanguageMenu />
                    </div>
                    <Filters />
                    <div class="menu-row menu-actions">
                        <Actions link=link embed_open=embed_open printing=printing />
                    </div>
                </Menu>
            }.into_any())}
        </header>
    }
}

/// The whole range, large text, and sharing: copy link, print, embed.
#[component]
fn Actions(
    /// The link to what is on screen (a fragment, without `#`).
    link: Memo<String>,
    /// Whether the Embed dialog is open.
    embed_open: RwSignal<bool>,
    /// Whether the chronology is being printed.
    printing: RwSignal<bool>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    let (copy, copy_status) = dom::use_copy(rift.prefs.lang);
    let page_link = move || rift_core::snippet::page_link(&rift.site(), &link.get());
    // With the summaries and the notes' passages: pressed before the
    // details arrived, it prints once they are there (or have failed).
    let print = move |_| {
        rift.with_details(move || {
            printing.set(true);
            request_animation_frame(|| {
                let _ = window().print();
            });
        });
    };
    let large = rift.prefs.large;
    view! {
        <button type="button" class="zoom-all" title=rift.text(Key::WholeRangeTitle) on:click=move |_| rift.step(Step::All)>"1948–1962"</button>
        <button
            type="button"
            class="text-size"
            aria-pressed=move || large.get().to_string()
            title=rift.text(Key::LargeTextTitle)
            on:click=move |_| large.update(|l| *l = !*l)
        >
            {rift.text(Key::LargeText)}
        </button>
        // A museum screen in kiosk mode has no one to share with.
        {crate::dom::shown(move || !rift.kiosk.on(), move || view! {
            // "Copied" appears under the button that copied.
            <span class="copy-wrap">
                <button type="button" class="copy-link" on:click={
                    let copy = copy.clone();
                    move |_| copy(page_link())
                }>{rift.text(Key::CopyLink)}</button>
                <span class="copy-status" role="status">{move || copy_status.get()}</span>
            </span>
            <button type="button" class="print" on:click=print>{rift.text(Key::Print)}</button>
            {(rift.mode == Mode::Page).then(|| view! {
                <button type="button" class="embed-open" on:click=move |_| embed_open.set(true)>{rift.text(Key::Embed)}</button>
            }.into_any())}
        }.into_any())}
    }
}

/// The product's name: a heading on the full page, a link to it in embeds.
#[component]
fn Title(
    /// The full page opened on this view.
    page_link: Signal<String>,
) -> impl IntoView {
    let rift = expect_context::<Rift>();
    if rift.mode == Mode::Page {
        view! {
            <h1 class="title">
                "Rift"
                <span class="subtitle">{rift.text(Key::Subtitle)}</span>
            </h1>
        }
        .into_any()
    } else {
        view! {
            <p class="title small">
                <a href=page_link target="_blank" rel="noopener" title=rift.text(Key::OpenFull)>"Rift"</a>
            </p>
        }
        .into_any()
    }
}
