//! The toolbar: the title, the window on screen in words, and the controls
//! (zoom, whole range, large text, copy link, print, embed; kiosk mode
//! leaves out the sharing three). One row of a fixed height, whatever the
//! labels say, so the lanes under it never move; on a compact screen, the
//! search, zoom and a menu for the rest.

use crate::h::{button, h, hc, H};
use crate::instance::Turn;
use crate::state::{Mode, Rift};
use crate::{dom, filters::filters, language::language_menu, list::view_switch};
use crate::{menu::menu, search::search_bar};
use leptos::prelude::*;
use rift_core::i18n::Key;
use rift_core::motion::Step;
use rift_core::viewport::STEP_FACTOR;

/// How long the window must rest before its label is announced.
const ANNOUNCE_MS: u64 = 600;

/// The toolbar row.
pub fn toolbar(
    // The link to what is on screen (a fragment, without `#`).
    link: Memo<String>,
    // Whether the Embed dialog is open.
    embed_open: RwSignal<bool>,
    // Whether the chronology is being printed.
    printing: RwSignal<bool>,
    // The instance's start, after its first drawing (`Turn`).
    turn: RwSignal<usize>,
) -> H {
    let rift = expect_context::<Rift>();
    // Announced politely, once the window has settled.
    let label = dom::memo(move || rift.window_label());
    let announced = crate::dom::settled(label, ANNOUNCE_MS);
    let page_link = move || rift_core::snippet::page_link(&rift.site(), &link.get());
    let compact = rift.compact;
    let zoom = |class: &str, label: Key, title: Key, text: &str, factor: f64| {
        button(class)
            .attr_key("aria-label", rift, label)
            .attr_key("title", rift, title)
            .on("click", move |_| rift.step(Step::Zoom(factor)))
            .text(text)
    };
    // One compact row on a small screen: the search, zoom, and a menu with
    // the rest; the full toolbar keeps every control in view.
    let controls = hc("div", "controls")
        .attr("role", "toolbar")
        .attr_key("aria-label", rift, Key::Toolbar)
        .child(zoom(
            "zoom-out",
            Key::ZoomOut,
            Key::ZoomOutTitle,
            "−",
            1.0 / STEP_FACTOR,
        ))
        .child(zoom(
            "zoom-in",
            Key::ZoomIn,
            Key::ZoomInTitle,
            "+",
            STEP_FACTOR,
        ))
        .shown_all(move || !compact.get(), view_actions)
        .shown_all(
            move || !compact.get() && !rift.kiosk.on(),
            move || sharing(link, embed_open, printing),
        );
    hc("header", "toolbar")
        .child(title(page_link))
        .child(
            hc("p", "window")
                .attr("aria-live", "polite")
                .child(hc("span", "visually-hidden").text_key(rift, Key::Showing))
                .text_fn(move || announced.get()),
        )
        .shown(move || compact.get(), move || search_bar(turn))
        .child(controls)
        // The menu's button at once, what it holds a few tasks later.
        .shown(
            move || compact.get(),
            move || {
                let items = move || {
                    let row = hc("div", "menu-row")
                        .child(view_switch())
                        .child(language_menu());
                    let actions = hc("div", "menu-row menu-actions")
                        .children(view_actions())
                        .shown_all(
                            move || !rift.kiosk.on(),
                            move || sharing(link, embed_open, printing),
                        );
                    vec![row, filters(), actions]
                };
                let panel =
                    hc("div", "menu-panel").shown_all(move || turn.get() >= Turn::MENUS, items);
                menu(panel)
            },
        )
}

/// The whole range and large text.
fn view_actions() -> Vec<H> {
    let rift = expect_context::<Rift>();
    let large = rift.prefs.large;
    vec![
        button("zoom-all")
            .attr_key("title", rift, Key::WholeRangeTitle)
            .on("click", move |_| rift.step(Step::All))
            .text("1948–1962"),
        button("text-size")
            .attr_fn("aria-pressed", move || large.get().to_string())
            .attr_key("title", rift, Key::LargeTextTitle)
            .on("click", move |_| large.update(|l| *l = !*l))
            .text_key(rift, Key::LargeText),
    ]
}

/// Sharing: copy link, print, and embed (on the full page). A museum
/// screen in kiosk mode has no one to share with.
fn sharing(link: Memo<String>, embed_open: RwSignal<bool>, printing: RwSignal<bool>) -> Vec<H> {
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
    let mut all = vec![
        // "Copied" appears under the button that copied.
        hc("span", "copy-wrap")
            .child(
                button("copy-link")
                    .on("click", move |_| copy(page_link()))
                    .text_key(rift, Key::CopyLink),
            )
            .child(
                hc("span", "copy-status")
                    .attr("role", "status")
                    .text_fn(move || copy_status.get()),
            ),
        button("print")
            .on("click", print)
            .text_key(rift, Key::Print),
    ];
    if rift.mode == Mode::Page {
        all.push(
            button("embed-open")
                .on("click", move |_| embed_open.set(true))
                .text_key(rift, Key::Embed),
        );
    }
    all
}

/// The product's name: a heading on the full page, a link to it in embeds.
fn title(page_link: impl Fn() -> String + 'static) -> H {
    let rift = expect_context::<Rift>();
    if rift.mode == Mode::Page {
        hc("h1", "title")
            .text("Rift")
            .child(hc("span", "subtitle").text_key(rift, Key::Subtitle))
    } else {
        hc("p", "title small").child(
            h("a")
                .attr_fn("href", page_link)
                .attr("target", "_blank")
                .attr("rel", "noopener")
                .attr_key("title", rift, Key::OpenFull)
                .text("Rift"),
        )
    }
}
