//! One timeline instance: applies the deep link (or the embedding
//! element's attributes) to the dataset, shares the state with its parts,
//! and lays them out: toolbar, search and filters, notices, the lanes or
//! the list, the overview strip, the popover.

use crate::h::{h, hc, hold, Held, H};
use crate::state::{Kiosk, Mode, Motion, Parts, Prefs, Rift, Search};
use crate::{address, contract, dom};
use crate::{embed_dialog::embed_dialog, filters::filters, language::language_menu};
use crate::{
    list::list_view, list::view_switch, minimap::minimap, notices::notices as notices_box,
};
use crate::{popover::popover, print::print_view, search::search_bar};
use crate::{timeline::timeline_area, toolbar::toolbar};
use leptos::prelude::*;
use rift_core::dataset::Timeline;
use rift_core::fragment::{self, Extras, Fragment, Resolved, State};
use rift_core::i18n::Key;
use rift_core::i18n::Lang;
use rift_core::motion::Step;
use rift_core::viewport::Bounds;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The timeline embedded at build time: validated, dates parsed, packed
/// (build.rs).
const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/timeline.bin"));

thread_local! {
    /// The embedded timeline, prepared once per page however many
    /// instances it holds.
    static PREPARED: std::cell::OnceCell<Result<Arc<Timeline>, String>> = const { std::cell::OnceCell::new() };
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
    /// `light` or `dark`, when the embedding element asks for one.
    pub theme: Option<&'static str>,
}

/// The dataset to show: the embedded one, or a synthetic one for `bench=N`.
pub(crate) fn load(bench: Option<usize>) -> Result<Arc<Timeline>, String> {
    let embedded = PREPARED.with(|p| {
        p.get_or_init(|| {
            let (data, when) = rift_core::pack::decode(EMBEDDED)?;
            Ok(Arc::new(Timeline::prepared(data, when)))
        })
        .clone()
    })?;
    Ok(match bench {
        Some(n) => Arc::new(rift_core::synth::timeline(
            n,
            &embedded.data.lanes,
            1948,
            1962,
        )),
        None => embedded,
    })
}

/// The language an instance that asks for `lang` starts in: that, else
/// the browser's, else English.
pub(crate) fn lang_or_browser(lang: Option<Lang>) -> Lang {
    lang.unwrap_or_else(|| {
        window()
            .navigator()
            .language()
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or_default()
    })
}

/// The timeline an instance shows, or what kept it from loading.
pub type Loaded = Result<Arc<Timeline>, String>;

/// Hands `options` and its timeline to `mount` once an instance started
/// with them can draw its first frame in its language: at once in English;
/// in Albanian or Russian once that language's texts have arrived (or
/// failed to, and it shows English). Its first frame is then its last
/// word, and nothing changes language under the reader's eyes. The
/// timeline is loaded once, here: a synthetic one (`bench=N`) is built
/// once, and the instance shows the one its texts were added to.
pub(crate) fn when_ready(options: Options, mount: impl FnOnce(Options, Loaded) + 'static) {
    let lang = lang_or_browser(options.fragment.lang);
    match load(options.fragment.bench) {
        Ok(data) => {
            let site = options.site.clone();
            let shown = data.clone();
            crate::texts::ensure(data, &site, lang, move || mount(options, Ok(shown)));
        }
        Err(e) => mount(options, Err(e)),
    }
}

/// What a renewed instance carries over from the one it replaces.
#[derive(Clone)]
pub struct Resume {
    /// The state on screen (the view, selection, lanes, search, notices).
    pub state: Resolved,
    /// The kiosk tour, to carry on where it was.
    pub tour: Option<crate::kiosk::Carry>,
}

/// Replaces the instance with a fresh one on the state it shows (kiosk
/// mode does, now and then: see `rift_core::kiosk::Action::Renew`). The
/// reactive system keeps a few bytes for every part an instance ever
/// drew, until the instance itself is dropped.
#[derive(Clone, Copy)]
pub struct Renew {
    resume: StoredValue<Option<Resume>>,
    generation: RwSignal<u32>,
}

impl Renew {
    /// Drops the current instance and starts a new one from `resume`
    /// (after the current reactive run: the caller may finish its work,
    /// but must not touch the old instance afterwards).
    pub fn run(&self, resume: Resume) {
        self.resume.set_value(Some(resume));
        self.generation.update(|g| *g += 1);
    }
}

/// Appends to `parent` the instance that `options` ask for, showing
/// `data` (or what kept it from loading), and, in kiosk mode, the fresh
/// instances that renew it.
pub fn app(parent: H, options: Options, data: Loaded) {
    let title = rift_core::i18n::t(options.fragment.lang.unwrap_or_default(), Key::LoadFailed);
    match data {
        Ok(t) => {
            let renew = Renew {
                resume: StoredValue::new(None),
                generation: RwSignal::new(0),
            };
            provide_context(renew);
            let options = StoredValue::new_local(options);
            parent.parts(move || {
                renew.generation.track();
                let resume = renew.resume.try_update_value(Option::take).flatten();
                untrack(|| vec![instance(t.clone(), options.get_value(), resume)])
            });
        }
        Err(message) => {
            let error = hc("div", "rift rift-error")
                .attr("role", "alert")
                .child(h("h1").text(title))
                .child(h("pre").text(&message));
            parent.child(error);
        }
    }
}

/// The state an instance starts with, from what it was asked for (or,
/// renewed, what the instance before it showed).
fn start(
    t: Arc<Timeline>,
    mode: Mode,
    f: &Fragment,
    resumed: Option<Resolved>,
    site: String,
    area: Held,
    host: Option<&web_sys::HtmlElement>,
) -> Rift {
    let bounds = t
        .extent()
        .map_or_else(Bounds::default_range, |(a, b)| Bounds::around(a, b));
    let first = resumed.unwrap_or_else(|| fragment::resolve(f, &t, &bounds));
    // The language asked for, if its texts are here (`when_ready` waited
    // for them); English if they could not come.
    let asked = lang_or_browser(first.lang);
    let lang = rift_core::i18n::shown(asked);
    let mut notices = first.notices;
    if lang != asked {
        notices.push(fragment::Notice::NoTexts(asked, lang));
    }
    let size = (RwSignal::new(0.0), RwSignal::new(0.0));
    crate::dom::observe_size(&area.get_value(), size.0, size.1);
    let large = RwSignal::new(first.large);
    Rift::new(Parts {
        mode,
        search: Search::new(t.clone(), first.query),
        data: t,
        site: site.into(),
        bounds,
        motion: Motion::new(first.view, dom::media("(prefers-reduced-motion: reduce)")),
        size,
        compact: crate::compact::use_compact(mode, host, large),
        selected: first.selected,
        lanes: first.lanes,
        prefs: Prefs {
            list: RwSignal::new(first.list),
            large,
            lang: RwSignal::new(lang),
            glyphs: RwSignal::new(Arc::new(rift_core::text::Glyphs::even(0.53))),
            font: RwSignal::new(false),
        },
        kiosk: Kiosk::new(first.kiosk),
        notices,
    })
}

/// The steps of an instance's start after its first drawing
/// ([`crate::dom::turns`]).
pub struct Turn;

impl Turn {
    /// The search field.
    pub const SEARCH: usize = 1;
    /// The filters.
    pub const FILTERS: usize = 2;
    /// The language menu and the view switch (in the compact toolbar's
    /// menu, the whole menu).
    pub const MENUS: usize = 3;
    /// The overview strip's contents.
    pub const OVERVIEW: usize = 4;
    /// The last step.
    pub const LAST: usize = 4;
    /// When the steps start if the lanes are not drawn by then (an
    /// instance with no room, or hidden).
    pub const WAIT_MS: u64 = 300;
}

/// One instance, on `timeline`, as `options` ask, carrying over `resume`
/// from the instance it renews, if any.
fn instance(timeline: Arc<Timeline>, options: Options, resume: Option<Resume>) -> H {
    let Options {
        mode,
        fragment,
        site,
        host,
        theme,
    } = options;
    let (root_el, stage) = (h("div"), hc("div", "stage"));
    let (root, area) = (hold(&root_el), hold(&stage));
    let renewed = resume.is_some();
    let (state, tour) = resume.map_or((None, None), |r| (Some(r.state), r.tour));
    // A renewed instance shows the popover that was open without opening
    // it again (no entrance animation), until the selection changes.
    let carried = state.as_ref().map(|s| s.selected);
    let rift = start(timeline, mode, &fragment, state, site, area, host.as_ref());
    provide_context(rift);
    #[cfg(feature = "faults")]
    crate::faults::arm(rift, host.as_ref(), root);
    let notices = rift.notices;
    // The deep link of the current state, without `#`.
    let link = crate::dom::memo(move || {
        let (view, lanes, query) = (rift.view(), rift.lanes.get(), rift.search.query.get());
        let extras = Extras {
            list: rift.prefs.list.get(),
            large: rift.prefs.large.get(),
            kiosk: rift.kiosk.seconds.get(),
        };
        let state = State {
            view: &view,
            selected: rift.selected.get(),
            lanes: &lanes,
            lang: rift.lang(),
            query: &query,
            extras,
        };
        fragment::link(&rift.data(), state)
    });
    // Applies a new request (a changed fragment, a goto message).
    let apply = move |f: Fragment| {
        let r = fragment::resolve(&f, &rift.data(), &rift.bounds);
        rift.go_to(r.view);
        rift.selected.set(r.selected);
        rift.lanes.set(r.lanes);
        rift.search.query.set(r.query);
        rift.prefs.list.set(r.list);
        rift.prefs.large.set(r.large);
        if let Some(l) = r.lang {
            rift.set_lang(l);
        }
        notices.set(r.notices);
    };
    let (days, selected_id) = contract::keep(rift, root, host, link, !renewed);
    if mode != Mode::Element {
        // The document says which language it is in (screen readers, hyphenation).
        crate::dom::effect(move || {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", rift.shown_ui_lang().code());
            }
        });
        // Keep the address bar a shareable link, unless this is a load test.
        // A link the reader edits may also turn kiosk mode on or off (a
        // host's goto message never does).
        if fragment.bench.is_none() {
            address::keep(link, move |f: Fragment| {
                let kiosk = f.kiosk;
                apply(f);
                rift.kiosk.seconds.set(kiosk);
            });
        }
    }
    if mode == Mode::Frame {
        contract::on_goto(apply);
    }
    close_on_outside_press(rift);
    crate::dom::measure_font(root, rift.prefs.glyphs, rift.prefs.font, move || {
        let (data, lang) = (rift.data(), rift.lang());
        let titles = (0..data.data.events.len()).map(|i| data.title(i, lang));
        rift_core::text::chars_of(titles)
    });
    let printing = crate::print::use_printing();
    fetch_texts_when_needed(rift, printing);
    if mode == Mode::Page {
        // A key anywhere on the page (Ctrl before P, say) is a reach too.
        dom::listen(&document(), "keydown", Default::default(), move |_| {
            rift.reach()
        });
    }
    crate::kiosk::run(rift, root, notices, tour);
    let embed_open = RwSignal::new(false);
    let class = match mode {
        Mode::Page => "rift rift-page",
        Mode::Frame => "rift rift-frame",
        Mode::Element => "rift rift-element",
    };
    // After the lanes, one part per task: the search, the filters, the
    // language menu and view switch, the overview strip's contents. Their
    // boxes are there from the start, at their size, so nothing moves.
    let turn = crate::dom::turns(Turn::LAST, Turn::WAIT_MS, move || {
        rift.lanes_drawn() || rift.prefs.list.get()
    });
    // On a compact screen these are in the toolbar and its menu.
    let explore = move || {
        hc("div", "explore")
            .child(search_bar(turn))
            .from_turn(turn, Turn::FILTERS, || vec![filters()])
            .from_turn(turn, Turn::MENUS, || vec![language_menu(), view_switch()])
    };
    let lanes = move || {
        hc("div", "timeline")
            .attr("tabindex", "0")
            .attr("role", "region")
            .attr_key("aria-label", rift, Key::TimelineRegion)
            .child(timeline_area())
    };
    let stage = stage.either(move || rift.prefs.list.get(), list_view, lanes);
    root_el
        .attr("class", class)
        .class_if("large", move || rift.prefs.large.get())
        .class_if("compact", move || rift.compact.get())
        .class_if("querying", move || {
            rift.search.query.with(|q| q.searching() || q.filters())
        })
        .class_if("renewed", move || {
            carried.is_some_and(|c| c == rift.selected.get())
        })
        .attr_some("data-rift-timeline", (mode != Mode::Element).then_some(""))
        .attr_fn("aria-busy", move || {
            rift.motion.goal.with(Option::is_some).to_string()
        })
        .attr_some("data-theme", theme)
        .attr_fn("lang", move || rift.shown_ui_lang().code().to_string())
        .attr_fn("data-view-start", move || days.get().0)
        .attr_fn("data-view-end", move || days.get().1)
        .attr_fn("data-selected", move || {
            selected_id.get().unwrap_or_default()
        })
        .on("keydown", move |e| on_key(rift, e.unchecked_ref()))
        // A mouse over the timeline is a reach; a finger that scrolls the
        // host page past it is not (a tap selects, which fetches).
        .on("pointerover", move |e| {
            let e: &web_sys::PointerEvent = e.unchecked_ref();
            if e.pointer_type() != "touch" {
                rift.reach();
            }
        })
        .on("focusin", move |_| rift.reach())
        .child(toolbar(link, embed_open, printing, turn))
        .shown(move || !rift.compact.get(), explore)
        .shown(
            move || notices.with(|n| !n.is_empty()),
            move || notices_box(notices),
        )
        .child(stage)
        .child(minimap(move || turn.get() >= Turn::OVERVIEW))
        .child(popover(root))
        .shown(
            move || mode == Mode::Page && embed_open.get(),
            move || embed_dialog(embed_open),
        )
        // Drawn again if the details arrive while it is shown.
        .parts(move || {
            if !printing.get() {
                return Vec::new();
            }
            rift.details.track();
            untrack(|| vec![print_view(link)])
        })
        .child(hc("p", "visually-hidden").text_fn(move || rift.window_label()))
}

/// Keys anywhere in the instance, outside text fields and dialogs: Escape
/// closes the popover; the rest move the window.
fn on_key(rift: Rift, e: &web_sys::KeyboardEvent) {
    let ev: &web_sys::Event = e.as_ref();
    if e.ctrl_key()
        || e.meta_key()
        || e.alt_key()
        || dom::target_within(ev, "input, textarea, .popover, .embed-dialog")
    {
        return;
    }
    if e.key() == "Escape" && rift.selected.get_untracked().is_some() {
        rift.selected.set(None);
    } else if let Some(step) = Step::of_key(&e.key(), e.shift_key()) {
        e.prevent_default();
        rift.step(step);
    }
}

/// Fetches the event texts of another language when the reader needs
/// them: to read in it, or to search in every language. Their arrival
/// redraws the texts, or runs the search again. And fetches the English
/// details once the reader reaches for the timeline, or opens, searches,
/// lists or prints events.
fn fetch_texts_when_needed(rift: Rift, printing: RwSignal<bool>) {
    let (lang, query) = (rift.prefs.lang, rift.search.query);
    crate::dom::effect(move || {
        let (data, site) = (rift.data(), rift.site());
        let mut wanted = vec![lang.get()];
        if rift.search.searching() {
            wanted.extend([Lang::Sq, Lang::Ru]);
        }
        let missing = |l: &Lang| !data.has_texts(*l) && !crate::texts::failed(&data, *l);
        for l in wanted.into_iter().filter(missing) {
            crate::texts::ensure(data.clone(), &site, l, move || {
                lang.update(|_| {});
                query.update(|_| {});
            });
        }
    });
    crate::dom::effect(move || {
        let needed = rift.selected.with(Option::is_some)
            || rift.prefs.list.get()
            || rift.search.searching()
            || printing.get();
        if needed {
            rift.reach();
        }
    });
}

/// A press outside the popover and the events closes the popover.
fn close_on_outside_press(rift: Rift) {
    const INSIDE: &str =
        ".popover, button[data-event-id], .chip, .toolbar, .explore, .notice, .embed-dialog";
    dom::listen(&document(), "pointerdown", Default::default(), move |e| {
        if rift.selected.get_untracked().is_some() && !dom::target_within(&e, INSIDE) {
            rift.selected.set(None);
        }
    });
}
