//! The reactive state of one timeline instance, shared by its parts through
//! context as one small `Copy` value. It holds values of the pure core
//! (viewport, selection, lanes, query); every computation on them lives in
//! `rift_core`.

use crate::dom::now;
use leptos::prelude::*;
use rift_core::dataset::Timeline;
use rift_core::fragment::Notice;
use rift_core::i18n::{Key, Lang};
use rift_core::motion::{self, EASE_MS};
use rift_core::search::Index;
use rift_core::search::Query;
use rift_core::text::Glyphs;
use rift_core::viewport::{Bounds, Viewport};
use std::rc::Rc;
use std::sync::Arc;

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

/// The visible window and its eased moves.
#[derive(Clone, Copy)]
pub struct Motion {
    /// The window on screen now.
    pub view: RwSignal<Viewport>,
    /// Where a running eased move is heading, if one is running.
    pub goal: RwSignal<Option<Viewport>>,
    /// Token of the running move; a new gesture cancels it.
    token: StoredValue<u64>,
    /// The window a gesture asked for, to be drawn in the next frame.
    pending: StoredValue<Option<Viewport>>,
    /// Whether the reader asked for less motion.
    pub reduced: RwSignal<bool>,
}

impl Motion {
    pub fn new(first: Viewport, reduced: RwSignal<bool>) -> Motion {
        Motion {
            view: RwSignal::new(first),
            goal: RwSignal::new(None),
            token: StoredValue::new(0),
            pending: StoredValue::new(None),
            reduced,
        }
    }
}

/// Search text and filters, and what they select.
#[derive(Clone, Copy)]
pub struct Search {
    pub query: RwSignal<Query>,
    /// For each event: (kept by the filters, matched by the search text).
    pub results: Memo<Arc<Vec<(bool, bool)>>>,
    /// The filter mask for the lanes, when a filter is set (computed once
    /// per instance, shared by every lane).
    pub keep: Memo<Option<Arc<Vec<bool>>>>,
    /// The search-result mask for the lanes, while searching.
    pub prefer: Memo<Option<Arc<Vec<bool>>>>,
}

impl Search {
    /// Runs the query over `data` whenever it changes. The search index is
    /// built on the first search, and again when the texts of another
    /// language or the English details arrive.
    pub fn new(data: Arc<Timeline>, first: Query) -> Search {
        let query = RwSignal::new(first);
        let index = StoredValue::new_local(None::<(usize, Rc<Index>)>);
        let results = crate::dom::memo(move || {
            query.with(|q| {
                // Languages known, and whether the English details are.
                let known = Lang::ALL.iter().filter(|l| data.has_texts(**l)).count()
                    + 4 * usize::from(data.has_details());
                let current = index.with_value(|i| i.clone()).filter(|(n, _)| *n == known);
                let idx = current.map(|(_, i)| i).unwrap_or_else(|| {
                    let i = Rc::new(Index::new(&data));
                    index.set_value(Some((known, i.clone())));
                    i
                });
                Arc::new(idx.run(&data, q))
            })
        });
        let mask = move |on: fn(&Query) -> bool, pick: fn(&(bool, bool)) -> bool| {
            crate::dom::memo(move || {
                query
                    .with(on)
                    .then(|| Arc::new(results.with(|r| r.iter().map(pick).collect::<Vec<_>>())))
            })
        };
        Search {
            query,
            results,
            keep: mask(Query::filters, |r| r.0),
            prefer: mask(Query::searching, |r| r.1),
        }
    }

    /// Whether there is search text (tracked).
    pub fn searching(&self) -> bool {
        self.query.with(Query::searching)
    }
}

/// How the reader wants it shown.
#[derive(Clone, Copy)]
pub struct Prefs {
    /// The chronological list instead of the lanes.
    pub list: RwSignal<bool>,
    /// Large text, legible from the back of a classroom.
    pub large: RwSignal<bool>,
    /// Interface language.
    pub lang: RwSignal<Lang>,
    /// Character widths of the labels' font, measured once mounted.
    pub glyphs: RwSignal<Arc<Glyphs>>,
    /// Whether `glyphs` is measured (or could not be) by the time a later
    /// task draws (`crate::dom::measure_font`): the lanes are drawn after,
    /// so their labels are packed once.
    pub font: RwSignal<bool>,
}

/// Kiosk mode (`kiosk=SECONDS`, `data-kiosk`): the unattended tour of
/// museum screens (src/kiosk.rs).
#[derive(Clone, Copy)]
pub struct Kiosk {
    /// Seconds between the tour's steps, while kiosk mode is on.
    pub seconds: RwSignal<Option<u32>>,
    /// Whether the tour is stepping now, rather than paused by a visitor.
    pub touring: RwSignal<bool>,
}

impl Kiosk {
    /// Kiosk mode stepping every `seconds`, or off.
    pub fn new(seconds: Option<u32>) -> Kiosk {
        Kiosk {
            seconds: RwSignal::new(seconds),
            // From the first frame: an event the link opens is the tour's.
            touring: RwSignal::new(seconds.is_some()),
        }
    }

    /// Whether kiosk mode is on (tracked).
    pub fn on(&self) -> bool {
        self.seconds.with(Option::is_some)
    }
}

/// Everything the parts of one instance share.
#[derive(Clone, Copy)]
pub struct Rift {
    /// How the instance is hosted.
    pub mode: Mode,
    /// The validated dataset (immutable).
    data: StoredValue<Arc<Timeline>>,
    /// Folder URL of the full timeline page (links and snippets point there).
    site: StoredValue<Arc<str>>,
    /// Where the window may go.
    pub bounds: Bounds,
    pub motion: Motion,
    /// Width and height of the drawing area in pixels.
    pub size: (RwSignal<f64>, RwSignal<f64>),
    /// Whether the instance is small (a phone, a narrow or short embed):
    /// one toolbar row with a menu, and the popover as a bottom sheet.
    pub compact: Memo<bool>,
    /// Index of the selected event (its popover is open).
    pub selected: RwSignal<Option<usize>>,
    /// Lane indices shown, in order.
    pub lanes: RwSignal<Vec<usize>>,
    /// How many lanes the first drawing has reached: once the area is
    /// measured the lanes are drawn one per task (`timeline::timeline_area`).
    pub staged: RwSignal<usize>,
    pub search: Search,
    pub prefs: Prefs,
    pub kiosk: Kiosk,
    /// Where the English summaries, disputes and passages stand.
    pub details: RwSignal<Details>,
    /// What the instance tells the reader: parts of its link or attributes
    /// it could not follow, texts that did not arrive.
    pub notices: RwSignal<Vec<Notice>>,
}

/// The English summaries, disputes and source passages, which the page
/// fetches the first time a reader reaches for the timeline or needs them
/// (src/texts.rs): a reader who scrolls past an embed never loads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Details {
    /// Nobody has reached for the timeline yet.
    Idle,
    /// On their way.
    Loading,
    Here,
    /// Fetching them failed: the texts say so where they would be.
    Failed,
}

impl Details {
    /// What stands where a text from the details would be: `loading`
    /// until they are known, `failed` if they could not be fetched, and
    /// nothing once they are here.
    pub fn missing(self, loading: Key, failed: Key) -> Option<Key> {
        match self {
            Details::Here => None,
            Details::Failed => Some(failed),
            Details::Idle | Details::Loading => Some(loading),
        }
    }
}

/// What an instance starts with, besides its signals.
pub struct Parts {
    pub mode: Mode,
    pub data: Arc<Timeline>,
    pub site: Arc<str>,
    pub bounds: Bounds,
    pub motion: Motion,
    pub size: (RwSignal<f64>, RwSignal<f64>),
    pub compact: Memo<bool>,
    pub selected: Option<usize>,
    pub lanes: Vec<usize>,
    pub search: Search,
    pub prefs: Prefs,
    pub kiosk: Kiosk,
    pub notices: Vec<Notice>,
}

impl Rift {
    pub fn new(p: Parts) -> Rift {
        let details = if p.data.has_details() {
            Details::Here
        } else {
            Details::Idle
        };
        Rift {
            mode: p.mode,
            data: StoredValue::new(p.data),
            site: StoredValue::new(p.site),
            bounds: p.bounds,
            motion: p.motion,
            size: p.size,
            compact: p.compact,
            selected: RwSignal::new(p.selected),
            lanes: RwSignal::new(p.lanes),
            staged: RwSignal::new(0),
            search: p.search,
            prefs: p.prefs,
            kiosk: p.kiosk,
            details: RwSignal::new(details),
            notices: RwSignal::new(p.notices),
        }
    }

    /// The reader reached for the timeline (a mouse over it, focus in it)
    /// or something shown needs the details: fetch them now, unless they
    /// are known or on their way.
    pub fn reach(self) {
        if self.details.get_untracked() == Details::Idle {
            self.with_details(|| {});
        }
    }

    /// Makes sure the details are known, fetching them if no instance has;
    /// `then` runs once they arrived or failed to.
    pub fn with_details(self, then: impl FnOnce() + 'static) {
        let data = self.data();
        if self.details.get_untracked() == Details::Idle {
            self.details.set(Details::Loading);
        }
        crate::texts::ensure_details(data.clone(), &self.site(), move || {
            let now = if data.has_details() {
                Details::Here
            } else {
                Details::Failed
            };
            if self.details.get_untracked() != now {
                self.details.set(now);
                // A search runs again over the texts that came.
                if now == Details::Here && self.search.query.with_untracked(Query::searching) {
                    self.search.query.update(|_| {});
                }
            }
            then();
        });
    }

    /// The dataset.
    pub fn data(&self) -> Arc<Timeline> {
        self.data.get_value()
    }

    /// Folder URL of the full timeline page.
    pub fn site(&self) -> Arc<str> {
        self.site.get_value()
    }

    /// The visible window (tracked).
    pub fn view(&self) -> Viewport {
        self.motion.view.get()
    }

    /// Width of the drawing area (tracked).
    pub fn width(&self) -> f64 {
        self.size.0.get()
    }

    /// Whether the drawing area has been measured (tracked). Until then
    /// nothing is drawn in it, so nothing moves once it is.
    pub fn measured(&self) -> bool {
        self.size.0.get() > 0.0 && self.size.1.get() > 0.0
    }

    /// Whether every lane shown is drawn (tracked).
    pub fn lanes_drawn(&self) -> bool {
        self.measured() && self.staged.get() >= self.lanes.with(Vec::len)
    }

    /// The interface language (tracked).
    pub fn lang(&self) -> Lang {
        self.prefs.lang.get()
    }

    /// The language the interface is shown in (tracked): the reader's,
    /// or English where its strings failed to arrive.
    pub fn shown_ui_lang(&self) -> Lang {
        rift_core::i18n::shown(self.lang())
    }

    /// Switches the interface to `lang` once its texts are here: what is
    /// on screen stays in one language until then. If they cannot come,
    /// it stays in the one it is in, and says so.
    pub fn set_lang(&self, lang: Lang) {
        let (prefs, notices) = (self.prefs.lang, self.notices);
        crate::texts::ensure(self.data(), &self.site(), lang, move || {
            if rift_core::i18n::has_strings(lang) {
                prefs.set(lang);
            } else {
                let shown = prefs.get_untracked();
                notices.update(|n| n.push(Notice::NoTexts(lang, shown)));
                // The language menu shows the language still in use.
                prefs.update(|_| {});
            }
        });
    }

    /// An interface string in the current language (tracked).
    pub fn t(&self, key: rift_core::i18n::Key) -> &'static str {
        rift_core::i18n::t(self.lang(), key)
    }

    /// The visible window in words, in the interface language (tracked).
    pub fn window_label(&self) -> String {
        let lang = self.lang();
        self.motion
            .view
            .with(|v| rift_core::format::window(v.first_day(), v.last_day() + 1, lang))
    }

    /// Event `i`'s date as written for people, in the interface language
    /// (tracked).
    pub fn date_of(&self, i: usize) -> String {
        let lang = self.lang();
        self.data
            .with_value(|t| rift_core::format::human(&t.when[i], t.date_label(i, lang), lang))
    }

    /// `Some("en")` where event `i` has no translation into the interface
    /// language and shows its English texts (tracked): the `lang` attribute
    /// of those texts.
    pub fn fallback_lang(&self, i: usize) -> Option<&'static str> {
        let (shown, lang) = self.shown(i);
        (shown != lang).then_some(shown.code())
    }

    /// The language event `i`'s texts are shown in (tracked): the
    /// interface language, or English where they are not translated.
    pub fn shown_lang(&self, i: usize) -> String {
        self.shown(i).0.code().to_string()
    }

    /// The language event `i`'s texts are shown in, and the interface
    /// language (tracked).
    fn shown(&self, i: usize) -> (rift_core::i18n::Lang, rift_core::i18n::Lang) {
        let lang = self.lang();
        (self.data.with_value(|t| t.shown_lang(i, lang)), lang)
    }

    /// Event `i`'s accessible name: title, date, and whether the sources
    /// disagree (tracked).
    pub fn name_of(&self, i: usize) -> String {
        let lang = self.lang();
        let date = self.date_of(i);
        self.data.with_value(|t| {
            let e = &t.data.events[i];
            rift_core::format::accessible_name(t.title(i, lang), &date, e.disputed.is_some(), lang)
        })
    }

    /// Moves the window to `target`, easing unless the reader prefers
    /// reduced motion.
    pub fn go_to(&self, target: Viewport) {
        let m = self.motion;
        let target = target.clamped(&self.bounds);
        let token = m.token.get_value() + 1;
        m.token.set_value(token);
        let from = self.latest();
        // The move takes over from a gesture's frame still to come.
        m.pending.set_value(None);
        if m.reduced.get_untracked() {
            m.goal.set(None);
            m.view.set(target);
            return;
        }
        m.goal.set(Some(target));
        let start = now();
        fn frame(m: Motion, token: u64, from: Viewport, to: Viewport, start: f64) {
            // A renewed (kiosk) instance drops this one: stop quietly.
            if m.token.try_get_value() != Some(token) {
                return;
            }
            let t = (now() - start) / EASE_MS;
            m.view.set(motion::ease(&from, &to, t));
            if t < 1.0 {
                request_animation_frame(move || frame(m, token, from, to, start));
            } else {
                m.goal.set(None);
            }
        }
        request_animation_frame(move || frame(m, token, from, target, start));
    }

    /// The window a step (key, button) should start from: where a running
    /// move is heading, so quick presses add up.
    pub fn goal(&self) -> Viewport {
        self.motion
            .goal
            .get_untracked()
            .unwrap_or_else(|| self.latest())
    }

    /// The window the latest gesture asked for (drawn in the next frame),
    /// else the one on screen.
    pub fn latest(&self) -> Viewport {
        self.motion
            .pending
            .try_get_value()
            .flatten()
            .unwrap_or_else(|| self.motion.view.get_untracked())
    }

    /// Sets the window at once (direct manipulation: wheel, drag, pinch).
    ///
    /// Drawn in the next frame: a gesture sends many events per frame (a
    /// trackpad, a fast wheel, pointer moves). Each is applied to the
    /// window the one before asked for ([`Rift::latest`]), so none is
    /// lost, and the lanes are laid out once per frame, with the latest.
    pub fn set_view(&self, v: Viewport) {
        let m = self.motion;
        m.token.update_value(|t| *t += 1);
        if m.goal.get_untracked().is_some() {
            m.goal.set(None);
        }
        let scheduled = m.pending.get_value().is_some();
        m.pending.set_value(Some(v.clamped(&self.bounds)));
        if !scheduled {
            request_animation_frame(move || {
                if let Some(v) = m.pending.try_update_value(Option::take).flatten() {
                    m.view.try_set(v);
                }
            });
        }
    }

    /// Takes a step (a key or a toolbar button) from the goal.
    pub fn step(&self, step: motion::Step) {
        self.go_to(step.apply(&self.goal(), &self.bounds));
    }

    /// Selects event `i` and brings it into view if it is not (judged by
    /// where the window is heading), keeping the zoom where it can.
    pub fn show_event(&self, i: usize) {
        self.selected.set(Some(i));
        let w = self.data.with_value(|t| t.when[i]);
        let (s, e) = (w.start() as f64, w.end() as f64);
        if let Some(v) = motion::reveal(&self.goal(), s, e, &self.bounds, self.seen()) {
            self.go_to(v);
        }
    }

    /// The share of the window, from its left edge, that an event's
    /// popover leaves clear (`motion::clear_of_popover`).
    pub fn seen(&self) -> f64 {
        motion::clear_of_popover(
            self.width(),
            self.prefs.large.get_untracked(),
            self.compact.get_untracked(),
        )
    }

    /// Events kept by the filters and matched by the search, by date (tracked).
    pub fn hits(&self) -> Vec<usize> {
        let searching = self.search.searching();
        self.search.results.with(|r| {
            self.data
                .with_value(|t| rift_core::search::hits(t, r, searching))
        })
    }

    /// [`Rift::hits`] in the visible window (tracked).
    pub fn hits_in_view(&self) -> Vec<usize> {
        let v = self.view();
        let searching = self.search.searching();
        self.search.results.with(|r| {
            self.data
                .with_value(|t| rift_core::search::hits_in_window(t, r, searching, v.start, v.end))
        })
    }
}
