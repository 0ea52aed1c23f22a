//! One timeline instance: loads the dataset, applies the deep link (or the
//! embedding element's attributes), and lays out the toolbar, the drawing
//! area, the overview strip and the popover. Keeps the public DOM contract
//! (data-* attributes, CustomEvents), the address bar and, in an iframe, the
//! parent window in step with the state.

use crate::dom;
use crate::embed::{self, EmbedDialog};
use crate::explore::{Filters, ListView, PrintView, SearchBar};
use crate::minimap::Minimap;
use crate::popover::Popover;
use crate::state::Rift;
use crate::timeline::{handle_key, target_within, zoom_center, TimelineArea};
use leptos::html;
use leptos::prelude::*;
use leptos_use::{use_element_size, use_event_listener, use_prefers_reduced_motion};
use rift_core::dataset::{Dataset, Timeline};
use rift_core::date::iso;
use rift_core::fragment::{self, Fragment, Resolved, Span};
use rift_core::viewport::{Bounds, STEP_FACTOR};
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The dataset embedded at build time (validated by build.rs).
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/events.json"));

/// How an instance is hosted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// index.html: the full page, owning the address bar.
    Page,
    /// embed.html in an iframe: chrome-less, talks to its parent.
    Frame,
    /// embed.js: inside a shadow root on someone else's page.
    Element,
}

/// How to start an instance.
#[derive(Clone)]
pub struct Options {
    pub mode: Mode,
    /// The view asked for (from the fragment or the element's attributes).
    pub fragment: Fragment,
    /// Folder URL of the full timeline page.
    pub site: String,
    /// The embedding element (script embeds).
    pub host: Option<web_sys::HtmlElement>,
}

/// The dataset to show: the embedded one, or a synthetic one for `bench=N`.
fn load(bench: Option<usize>) -> Result<Timeline, String> {
    let data = Dataset::from_json(EMBEDDED).map_err(|e| e.to_string())?;
    let data = match bench {
        Some(n) => rift_core::synth::dataset(n, &data.lanes, 1948, 1962),
        None => data,
    };
    Timeline::new(data).map_err(|e| e.to_string())
}

/// The interface language the browser asks for, if we have it.
fn browser_lang() -> rift_core::i18n::Lang {
    window()
        .navigator()
        .language()
        .and_then(|tag| rift_core::i18n::Lang::from_tag(&tag))
        .unwrap_or_default()
}

fn bounds_of(t: &Timeline) -> Bounds {
    match t.extent() {
        Some((a, b)) => Bounds::around(a, b),
        None => Bounds::around(
            rift_core::date::day_from_ymd(1948, 1, 1).unwrap_or(0),
            rift_core::date::day_from_ymd(1962, 12, 31).unwrap_or(0),
        ),
    }
}

#[component]
pub fn App(
    /// How the instance is hosted and what it opens on.
    options: Options,
) -> impl IntoView {
    let failed_title = rift_core::i18n::t(options.fragment.lang.unwrap_or_default(), "load_failed");
    match load(options.fragment.bench) {
        Ok(t) => view! { <Instance timeline=Arc::new(t) options=options /> }.into_any(),
        Err(message) => view! {
            <div class="rift rift-error" role="alert">
                <h1>{failed_title}</h1>
                <pre>{message}</pre>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn Instance(
    /// The validated dataset.
    timeline: Arc<Timeline>,
    /// How the instance is hosted and what it opens on.
    options: Options,
) -> impl IntoView {
    let Options {
        mode,
        fragment,
        site,
        host,
    } = options;
    let bounds = bounds_of(&timeline);
    let Resolved {
        view: first_view,
        selected: first_selected,
        lanes: first_lanes,
        notices: first_notices,
        query: first_query,
        list: first_list,
        large: first_large,
        lang: first_lang,
        ..
    } = fragment::resolve(&fragment, &timeline, &bounds);
    let query = RwSignal::new(first_query);
    let index = Arc::new(rift_core::search::Index::new(&timeline));
    let results = {
        let t = timeline.clone();
        Memo::new(move |_| query.with(|q| Arc::new(index.run(&t, q))))
    };
    // The lanes' masks, once for all lanes.
    let keep = Memo::new(move |_| {
        query
            .with(rift_core::search::Query::filters)
            .then(|| Arc::new(results.with(|r| r.iter().map(|(k, _)| *k).collect::<Vec<_>>())))
    });
    let prefer = Memo::new(move |_| {
        query
            .with(rift_core::search::Query::searching)
            .then(|| Arc::new(results.with(|r| r.iter().map(|(_, h)| *h).collect::<Vec<_>>())))
    });
    let root = NodeRef::<html::Div>::new();
    let area = NodeRef::<html::Div>::new();
    let size = use_element_size(area);
    let rift = Rift {
        mode,
        site: site.into(),
        data: timeline.clone(),
        bounds,
        view: RwSignal::new(first_view),
        width: size.width,
        height: size.height,
        selected: RwSignal::new(first_selected),
        lanes: RwSignal::new(first_lanes),
        reduced_motion: use_prefers_reduced_motion(),
        animation: RwSignal::new(0),
        target: RwSignal::new(None),
        query,
        results,
        list: RwSignal::new(first_list),
        large: RwSignal::new(first_large),
        lang: RwSignal::new(first_lang.unwrap_or_else(browser_lang)),
        keep,
        prefer,
    };
    provide_context(rift.clone());
    // Interface strings in the current language (Copy, so any closure may hold it).
    let lang_signal = rift.lang;
    let tl = move |key: &str| rift_core::i18n::t(lang_signal.get(), key);
    let notices = RwSignal::new(first_notices);
    // The document says which language it is in (screen readers, hyphenation).
    if mode != Mode::Element {
        Effect::new(move |_| {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", rift.lang.get().code());
            }
        });
    }
    let bench = fragment.bench;
    let theme = host.as_ref().and_then(|h| {
        h.get_attribute("data-theme")
            .filter(|t| t == "light" || t == "dark")
    });

    // The visible window's edges as ISO days: the DOM contract, and the
    // trigger for rift:viewchange (only when a day changes, not every frame).
    let view_days = Memo::new(move |_| rift.view.with(|v| (iso(v.first_day()), iso(v.last_day()))));
    let selected_id = {
        let t = timeline.clone();
        Memo::new(move |_| rift.selected.get().map(|i| t.data.events[i].id.clone()))
    };
    // The deep link of the current state, without `#`.
    let link = {
        let t = timeline.clone();
        Memo::new(move |_| {
            let v = rift.view.get();
            let sel = rift.selected.get();
            let lanes = rift.lanes.get();
            let all: Vec<usize> = (0..t.data.lanes.len()).collect();
            let ids: Vec<&str> = lanes.iter().map(|&l| t.data.lanes[l].id.as_str()).collect();
            query.with(|q| {
                fragment::format_with(
                    &v,
                    sel.map(|i| t.data.events[i].id.as_str()),
                    (lanes != all).then_some(&ids[..]),
                    Some(rift.lang.get()).filter(|l| *l != rift_core::i18n::Lang::En),
                    q,
                    fragment::Extras {
                        list: rift.list.get(),
                        large: rift.large.get(),
                    },
                )
            })
        })
    };

    // Contract attributes on the embedding element too: for script embeds
    // the host element is the instance's root as the page sees it.
    if let Some(host) = host.clone() {
        Effect::new(move |_| {
            let (start, end) = view_days.get();
            let _ = host.set_attribute("data-view-start", &start);
            let _ = host.set_attribute("data-view-end", &end);
            let _ = host.set_attribute("data-selected", &selected_id.get().unwrap_or_default());
        });
    }

    Effect::new(move |_| {
        let (start, end) = view_days.get();
        if let Some(el) = root.get() {
            dom::dispatch(
                &el,
                "rift:viewchange",
                &[
                    ("start", JsValue::from_str(&start)),
                    ("end", JsValue::from_str(&end)),
                ],
            );
        }
        if mode == Mode::Frame {
            let v = rift.view.get_untracked();
            embed::post_to_parent(
                "viewchange",
                &[
                    ("start", JsValue::from_str(&start)),
                    ("end", JsValue::from_str(&end)),
                    ("date", JsValue::from_str(&iso(v.center().floor() as i32))),
                    (
                        "span",
                        JsValue::from_str(&Span::for_days(v.span()).to_string()),
                    ),
                    ("fragment", JsValue::from_str(&link.get_untracked())),
                ],
            );
        }
    });
    Effect::new(move |prev: Option<Option<String>>| {
        let id = selected_id.get();
        if prev.is_some() {
            let v = id
                .as_deref()
                .map(JsValue::from_str)
                .unwrap_or(JsValue::NULL);
            if let Some(el) = root.get() {
                dom::dispatch(&el, "rift:select", &[("id", v.clone())]);
            }
            if mode == Mode::Frame {
                embed::post_to_parent(
                    "select",
                    &[
                        ("id", v),
                        ("fragment", JsValue::from_str(&link.get_untracked())),
                    ],
                );
            }
        }
        id
    });

    // Keep the address bar a shareable link (debounced), unless this is a
    // synthetic load test or an embed on someone else's page.
    let owns_url = mode != Mode::Element && bench.is_none();
    let last_written = StoredValue::new(dom::current_fragment());
    let pending = StoredValue::new(0u64);
    Effect::new(move |first: Option<()>| {
        let text = link.get();
        if !owns_url || first.is_none() {
            // Opening the page does not rewrite the link it came from.
            return;
        }
        let token = pending.get_value() + 1;
        pending.set_value(token);
        set_timeout(
            move || {
                if pending.get_value() == token && last_written.get_value() != text {
                    dom::replace_fragment(&text);
                    last_written.set_value(text);
                }
            },
            std::time::Duration::from_millis(250),
        );
    });

    // Applies a new request (a changed fragment, a goto message).
    let apply = {
        let t = timeline.clone();
        let rift = rift.clone();
        move |f: Fragment| {
            let r = fragment::resolve(&f, &t, &rift.bounds);
            rift.go_to(r.view);
            rift.selected.set(r.selected);
            rift.lanes.set(r.lanes);
            rift.query.set(r.query);
            rift.list.set(r.list);
            rift.large.set(r.large);
            if let Some(l) = r.lang {
                rift.lang.set(l);
            }
            notices.set(r.notices);
        }
    };

    // Back, forward and edited links.
    if owns_url {
        let apply = apply.clone();
        let _ = use_event_listener(window(), leptos::ev::hashchange, move |_| {
            let text = dom::current_fragment();
            if text == last_written.get_value() {
                return;
            }
            last_written.set_value(text.clone());
            apply(Fragment::parse(&text));
        });
    }

    // An iframe host may send {source: "rift", type: "goto", date, span?, event?}.
    if mode == Mode::Frame {
        let apply = apply.clone();
        let _ = use_event_listener(
            window(),
            leptos::ev::message,
            move |e: web_sys::MessageEvent| {
                if let Some(f) = embed::goto_of_message(&e.data()) {
                    apply(f);
                }
            },
        );
    }

    // Keys anywhere in the instance (outside text fields and dialogs).
    let on_keydown = {
        let rift = rift.clone();
        move |e: leptos::ev::KeyboardEvent| {
            let ev: &web_sys::Event = e.as_ref();
            if e.ctrl_key()
                || e.meta_key()
                || e.alt_key()
                || target_within(ev, "input, textarea, .popover, .embed-dialog")
            {
                return;
            }
            if e.key() == "Escape" && rift.selected.get_untracked().is_some() {
                rift.selected.set(None);
                return;
            }
            if handle_key(&rift, &e.key(), e.shift_key()) {
                e.prevent_default();
            }
        }
    };

    // A press outside the popover and the events closes the popover.
    let _ = use_event_listener(document(), leptos::ev::pointerdown, {
        let rift = rift.clone();
        move |e: web_sys::PointerEvent| {
            let ev: &web_sys::Event = e.as_ref();
            if rift.selected.get_untracked().is_some()
                && !target_within(
                    ev,
                    ".popover, button[data-event-id], .chip, .toolbar, .explore, .notice, .embed-dialog",
                )
            {
                rift.selected.set(None);
            }
        }
    });

    let window_label = move || {
        let lang = rift.lang.get();
        rift.view
            .with(|v| rift_core::format::window(v.first_day(), v.last_day() + 1, lang))
    };
    // Announced politely, once the window has settled.
    let announced = RwSignal::new(window_label());
    let settle = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = window_label();
        let token = settle.get_value() + 1;
        settle.set_value(token);
        set_timeout(
            move || {
                if settle.get_value() == token {
                    announced.set(text);
                }
            },
            std::time::Duration::from_millis(600),
        );
    });

    let copy_status = RwSignal::new(String::new());
    let embed_open = RwSignal::new(false);

    // Printing (the button, or the browser's own command) renders the
    // chronology; it is dropped again afterwards.
    let printing = RwSignal::new(false);
    let _ = use_event_listener(window(), leptos::ev::beforeprint, move |_| {
        printing.set(true)
    });
    let _ = use_event_listener(window(), leptos::ev::afterprint, move |_| {
        printing.set(false)
    });
    let print = move |_| {
        printing.set(true);
        request_animation_frame(|| {
            let _ = window().print();
        });
    };
    let zoom_in = {
        let rift = rift.clone();
        move |_| zoom_center(&rift, STEP_FACTOR)
    };
    let zoom_out = {
        let rift = rift.clone();
        move |_| zoom_center(&rift, 1.0 / STEP_FACTOR)
    };
    let zoom_all = {
        let rift = rift.clone();
        move |_| rift.go_to(rift.bounds.full())
    };
    let page_link = {
        let site = rift.site.clone();
        move || rift_core::snippet::page_link(&site, &link.get())
    };
    let copy_link = {
        let page_link = page_link.clone();
        move |_| {
            copy_status.set(String::new());
            dom::copy_text(&page_link(), copy_status, rift.lang.get_untracked())
        }
    };
    let class = match mode {
        Mode::Page => "rift rift-page",
        Mode::Frame => "rift rift-frame",
        Mode::Element => "rift rift-element",
    };
    let title = match mode {
        Mode::Page => view! {
            <h1 class="title">
                "Rift"
                <span class="subtitle">{move || tl("subtitle")}</span>
            </h1>
        }
        .into_any(),
        _ => view! {
            <p class="title small">
                <a href=page_link.clone() target="_blank" rel="noopener" title=move || tl("open_full")>"Rift"</a>
            </p>
        }
        .into_any(),
    };

    view! {
        <div
            class=class
            class:large=move || rift.large.get()
            node_ref=root
            data-rift-timeline=(mode != Mode::Element).then_some("")
            aria-busy=move || rift.target.with(Option::is_some).to_string()
            data-theme=theme
            lang=move || lang_signal.get().code()
            data-view-start=move || view_days.get().0
            data-view-end=move || view_days.get().1
            data-selected=move || selected_id.get().unwrap_or_default()
            on:keydown=on_keydown
        >
            <header class="toolbar">
                {title}
                <p class="window" aria-live="polite">
                    <span class="visually-hidden">{move || tl("showing")}</span>
                    {move || announced.get()}
                </p>
                <div class="controls" role="toolbar" aria-label=move || tl("toolbar")>
                    <button type="button" class="zoom-out" aria-label=move || tl("zoom_out") title=move || tl("zoom_out_title") on:click=zoom_out>"−"</button>
                    <button type="button" class="zoom-in" aria-label=move || tl("zoom_in") title=move || tl("zoom_in_title") on:click=zoom_in>"+"</button>
                    <button type="button" class="zoom-all" title=move || tl("whole_range_title") on:click=zoom_all>"1948–1962"</button>
                    <button
                        type="button"
                        class="text-size"
                        aria-pressed=move || rift.large.get().to_string()
                        title=move || tl("large_text_title")
                        on:click=move |_| rift.large.update(|l| *l = !*l)
                    >
                        {move || tl("large_text")}
                    </button>
                    <button type="button" class="copy-link" on:click=copy_link>{move || tl("copy_link")}</button>
                    <button type="button" class="print" on:click=print>{move || tl("print")}</button>
                    {(mode == Mode::Page).then(|| view! {
                        <button type="button" class="embed-open" on:click=move |_| embed_open.set(true)>{move || tl("embed")}</button>
                    })}
                    <span class="copy-status" role="status">{move || copy_status.get()}</span>
                </div>
            </header>
            <div class="explore">
                <SearchBar />
                <Filters />
                <LanguageMenu />
                <div class="view-switch" role="group" aria-label=move || tl("show_as")>
                    <button type="button" class="show-timeline" aria-pressed=move || (!rift.list.get()).to_string() on:click=move |_| rift.list.set(false)>{move || tl("show_timeline")}</button>
                    <button type="button" class="show-list" aria-pressed=move || rift.list.get().to_string() on:click=move |_| rift.list.set(true)>{move || tl("show_list")}</button>
                </div>
            </div>
            <Notices notices=notices lang=lang_signal />
            <div class="stage" node_ref=area>
                <Show
                    when=move || rift.list.get()
                    fallback=move || view! {
                        <div
                            class="timeline"
                            tabindex="0"
                            role="region"
                            aria-label=move || rift_core::i18n::t(lang_signal.get(), "timeline_region")
                        >
                            <TimelineArea />
                        </div>
                    }
                >
                    <ListView />
                </Show>
            </div>
            <Minimap />
            <Popover root=root />
            <EmbedDialog open=embed_open />
            <Show when=move || printing.get()>
                <PrintView />
            </Show>
            <p class="visually-hidden">{window_label}</p>
        </div>
    }
}

#[component]
fn Notices(
    /// What in the link could not be applied.
    notices: RwSignal<Vec<fragment::Notice>>,
    /// The interface language.
    lang: RwSignal<rift_core::i18n::Lang>,
) -> impl IntoView {
    view! {
        <Show when=move || notices.with(|n| !n.is_empty())>
            <div class="notice" role="status">
                <ul>
                    {move || {
                        let l = lang.get();
                        notices.get().into_iter().map(|n| view! { <li>{n.text(l)}</li> }).collect_view()
                    }}
                </ul>
                <button
                    type="button"
                    class="dismiss"
                    aria-label=move || rift_core::i18n::t(lang.get(), "dismiss_notice")
                    on:click=move |_| notices.set(Vec::new())
                >
                    "×"
                </button>
            </div>
        </Show>
    }
}

#[component]
fn LanguageMenu() -> impl IntoView {
    let rift = expect_context::<Rift>();
    let lang = rift.lang;
    view! {
        <label class="language">
            <span class="visually-hidden">{move || rift.t("language")}</span>
            <select
                class="language-select"
                prop:value=move || lang.get().code()
                on:change=move |e| {
                    if let Some(l) = rift_core::i18n::Lang::parse(&event_target_value(&e)) {
                        lang.set(l);
                    }
                }
            >
                {rift_core::i18n::Lang::ALL
                    .iter()
                    .map(|l| view! { <option value=l.code() lang=l.code()>{l.name()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
