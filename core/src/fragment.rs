//! The deep-link fragment (`#date=1961-06-04&span=3m&event=…&lanes=…&lang=en`):
//! parsing, resolving against the dataset with a notice for every value that
//! could not be applied, and formatting the current view back into a link.

use crate::dataset::Timeline;
use crate::date::{iso, Day, PartialDate, Precision};
use crate::format;
use crate::i18n::Key;
use crate::viewport::{Bounds, Viewport};

pub use crate::i18n::Lang;

/// A window width as written in a link: `10d`, `3w`, `6m`, `2y`, `1.5y`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub amount: f64,
    pub unit: char,
}

/// Largest number of synthetic events `bench=` may ask for.
pub const MAX_BENCH: usize = 100_000;

/// Longest search text a link may carry.
pub const MAX_QUERY: usize = 200;

impl Span {
    pub fn parse(s: &str) -> Option<Span> {
        let unit = s.chars().last()?;
        if !matches!(unit, 'd' | 'w' | 'm' | 'y') {
            return None;
        }
        let amount = crate::css::decimal(&s[..s.len() - 1])?;
        (amount > 0.0 && amount.is_finite()).then_some(Span { amount, unit })
    }

    /// Width in days.
    pub fn days(&self) -> f64 {
        self.amount
            * match self.unit {
                'd' => 1.0,
                'w' => 7.0,
                'm' => 365.25 / 12.0,
                _ => 365.25,
            }
    }

    /// The most readable span for a width in days (at most one decimal).
    pub fn for_days(days: f64) -> Span {
        let (unit, per) = if days >= 730.0 {
            ('y', 365.25)
        } else if days >= 60.0 {
            ('m', 365.25 / 12.0)
        } else if days >= 21.0 {
            ('w', 7.0)
        } else {
            ('d', 1.0)
        };
        let amount = ((days / per) * 10.0).round() / 10.0;
        Span {
            amount: amount.max(0.1),
            unit,
        }
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.amount.fract() == 0.0 {
            write!(f, "{}{}", self.amount as i64, self.unit)
        } else {
            write!(f, "{}{}", crate::css::fixed(self.amount, 1), self.unit)
        }
    }
}

/// A value in a link that could not be used.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub key: String,
    pub value: String,
    /// Why, as an interface string (`Key::ReasonDate`, …).
    pub reason: Key,
}

/// Something in a link that could not be applied, for the notice.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A value that could not be read.
    Problem(Problem),
    /// No event with this id; the window shown instead.
    NoEvent {
        id: String,
        showing: Option<String>,
    },
    NoLane(String),
    NoKnownLane,
    /// The selected event's lane (label) was added to the lanes asked for.
    LaneAdded(String),
    /// The date asked for lies outside the whole range (shown as a window).
    Outside {
        date: String,
        range: (Day, Day),
    },
    /// The event asked for is not near the date asked for.
    NotNear {
        id: String,
        date: String,
    },
    NoActor(String),
    NoSource(String),
    /// The texts of the first language did not arrive; the instance is in
    /// the second.
    NoTexts(Lang, Lang),
}

impl Notice {
    /// The notice as a sentence in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        use crate::i18n::{t, tf};
        match self {
            Notice::Problem(p) if p.key.is_empty() => tf(
                lang,
                Key::NoticeProblemBare,
                &[("value", &p.value), ("reason", t(lang, p.reason))],
            ),
            Notice::Problem(p) => tf(
                lang,
                Key::NoticeProblem,
                &[
                    ("key", &p.key),
                    ("value", &p.value),
                    ("reason", t(lang, p.reason)),
                ],
            ),
            Notice::NoEvent { id, showing } => {
                let mut s = tf(lang, Key::NoticeNoEvent, &[("id", id)]);
                if let Some((a, b)) = showing.as_deref().and_then(|w| w.split_once('/')) {
                    let (a, b) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
                    s.push_str(&tf(
                        lang,
                        Key::NoticeShowing,
                        &[("window", &format::window(a, b, lang))],
                    ));
                }
                s
            }
            Notice::NoLane(id) => tf(lang, Key::NoticeNoLane, &[("id", id)]),
            Notice::NoKnownLane => t(lang, Key::NoticeNoKnownLane).to_string(),
            Notice::LaneAdded(label) => tf(lang, Key::NoticeLaneAdded, &[("lane", label)]),
            Notice::Outside { date, range } => tf(
                lang,
                Key::NoticeOutside,
                &[
                    ("date", date),
                    ("window", &format::window(range.0, range.1, lang)),
                ],
            ),
            Notice::NotNear { id, date } => {
                tf(lang, Key::NoticeNotNear, &[("id", id), ("date", date)])
            }
            Notice::NoActor(a) => tf(lang, Key::NoticeNoActor, &[("actor", a)]),
            Notice::NoSource(s) => tf(lang, Key::NoticeNoSource, &[("source", s)]),
            Notice::NoTexts(asked, shown) => tf(
                lang,
                Key::NoticeNoTexts,
                &[("lang", asked.name()), ("shown", shown.name())],
            ),
        }
    }
}

/// What a fragment asks for, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fragment {
    pub date: Option<PartialDate>,
    pub span: Option<Span>,
    pub event: Option<String>,
    pub lanes: Option<Vec<String>>,
    pub lang: Option<Lang>,
    /// `bench=N`: replace the dataset with N synthetic events (a load test).
    pub bench: Option<usize>,
    /// `q`, `actor`, `source`, `disputed`: search text and filters.
    pub query: crate::search::Query,
    /// `view=list`: the chronological list instead of the timeline.
    pub list: bool,
    /// `text=large`: large text for projectors.
    pub large: bool,
    /// `kiosk=SECONDS`: the unattended tour of museum screens, stepping
    /// every so many seconds.
    pub kiosk: Option<u32>,
    pub problems: Vec<Problem>,
}

/// What a fragment value may hold raw: letters, digits and `-_.~,`.
const VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b',');

/// Decodes `%XX` escapes (UTF-8) and `+`; invalid escapes stay as typed.
pub fn percent_decode(s: &str) -> String {
    let spaced = s.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced)
        .decode_utf8_lossy()
        .into_owned()
}

/// Encodes what a fragment value must not hold raw.
pub fn percent_encode(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, VALUE).to_string()
}

impl Fragment {
    /// Parses a fragment, with or without its leading `#`. Never fails: what
    /// cannot be read is listed in `problems`.
    pub fn parse(raw: &str) -> Fragment {
        let body = raw.strip_prefix('#').unwrap_or(raw);
        let mut pairs = Vec::new();
        for part in body.split('&').filter(|p| !p.is_empty()) {
            match part.split_once('=') {
                Some((k, v)) => pairs.push((percent_decode(k), percent_decode(v))),
                // A bare date: `#1961-06-04`.
                None => pairs.push((String::new(), percent_decode(part))),
            }
        }
        Fragment::from_pairs(pairs)
    }

    /// Reads already-decoded key/value pairs: the fragment's, an embedding
    /// element's `data-*` attributes, or a `goto` message's fields. A pair
    /// with an empty key is a bare date. Never fails: what cannot be read is
    /// listed in `problems`.
    pub fn from_pairs<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Fragment {
        let mut f = Fragment::default();
        let mut bad = |key: &str, value: &str, reason: Key| {
            f.problems.push(Problem {
                key: key.to_string(),
                value: value.to_string(),
                reason,
            })
        };
        let mut date = None;
        let mut span = None;
        let mut event = None;
        let mut lanes = None;
        let mut lang = None;
        let mut bench = None;
        let mut query = crate::search::Query::default();
        let mut list = false;
        let mut large = false;
        let mut kiosk = None;
        for (key, value) in pairs {
            let (key, value) = (key.as_ref(), value.as_ref().trim());
            match key {
                "" => match PartialDate::parse(value) {
                    Some(d) => date = Some(d),
                    None => bad("", value, Key::ReasonBare),
                },
                "date" => match PartialDate::parse(value) {
                    Some(d) => date = Some(d),
                    None => bad("date", value, Key::ReasonDate),
                },
                "span" => match Span::parse(value) {
                    Some(s) => span = Some(s),
                    None => bad("span", value, Key::ReasonSpan),
                },
                "event" => {
                    if value.is_empty() {
                        bad("event", value, Key::ReasonEmpty);
                    } else {
                        event = Some(value.to_string())
                    }
                }
                "lanes" => {
                    let list: Vec<String> = value
                        .split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect();
                    if list.is_empty() {
                        bad("lanes", value, Key::ReasonLanes);
                    } else {
                        lanes = Some(list)
                    }
                }
                "lang" => match Lang::parse(value) {
                    Some(l) => lang = Some(l),
                    None => bad("lang", value, Key::ReasonLang),
                },
                "bench" => match value.parse::<usize>() {
                    Ok(n) if (1..=MAX_BENCH).contains(&n) => bench = Some(n),
                    _ => bad("bench", value, Key::ReasonBench),
                },
                "q" => {
                    if value.chars().count() > MAX_QUERY {
                        bad("q", value, Key::ReasonLong);
                    } else {
                        query.text = value.to_string();
                    }
                }
                "actor" => {
                    if value.is_empty() {
                        bad("actor", value, Key::ReasonEmpty);
                    } else {
                        query.actor = Some(value.to_string());
                    }
                }
                "source" => {
                    if value.is_empty() {
                        bad("source", value, Key::ReasonEmpty);
                    } else {
                        query.source = Some(value.to_string());
                    }
                }
                "disputed" => match value {
                    "1" | "true" | "yes" => query.disputed = true,
                    "0" | "false" | "no" => query.disputed = false,
                    _ => bad("disputed", value, Key::ReasonDisputed),
                },
                "text" => match value {
                    "large" => large = true,
                    "normal" => large = false,
                    _ => bad("text", value, Key::ReasonText),
                },
                "view" => match value {
                    "list" => list = true,
                    "timeline" => list = false,
                    _ => bad("view", value, Key::ReasonView),
                },
                "kiosk" => match crate::kiosk::seconds(value) {
                    Some(s) => kiosk = Some(s),
                    None => bad("kiosk", value, Key::ReasonKiosk),
                },
                _ => bad(key, value, Key::ReasonKey),
            }
        }
        f.query = query;
        f.list = list;
        f.large = large;
        f.kiosk = kiosk;
        f.date = date;
        f.span = span;
        f.event = event;
        f.lanes = lanes;
        f.lang = lang;
        f.bench = bench;
        f
    }
}

/// Default window for a date typed alone, from its precision: about that
/// year, about that month, about two weeks around a day.
pub fn span_for(precision: Precision) -> f64 {
    match precision {
        Precision::Year | Precision::Season => 365.25 * 1.2,
        Precision::Month => 45.0,
        Precision::Day => 14.0,
    }
}

/// What the page shows for a fragment.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub view: Viewport,
    pub selected: Option<usize>,
    /// Lane indices, in display order.
    pub lanes: Vec<usize>,
    pub lang: Option<Lang>,
    /// Search text and filters (unknown actors and sources dropped).
    pub query: crate::search::Query,
    /// Whether the list view is shown.
    pub list: bool,
    /// Whether text is large (projector mode).
    pub large: bool,
    /// Seconds between the kiosk tour's steps, when it is on.
    pub kiosk: Option<u32>,
    /// What could not be applied, for the notice.
    pub notices: Vec<Notice>,
}

/// Applies a fragment to a dataset: everything it can, with a notice naming
/// each value it could not use and what it shows instead.
pub fn resolve(f: &Fragment, t: &Timeline, b: &Bounds) -> Resolved {
    let mut notices: Vec<Notice> = f.problems.iter().cloned().map(Notice::Problem).collect();
    let selected = match &f.event {
        Some(id) => match t.find(id) {
            Some(i) => Some(i),
            None => {
                notices.push(Notice::NoEvent {
                    id: id.clone(),
                    showing: None,
                });
                None
            }
        },
        None => None,
    };

    // Lanes.
    let mut lanes = Vec::new();
    if let Some(ids) = &f.lanes {
        for id in ids {
            match t.data.lanes.iter().position(|l| &l.id == id) {
                Some(i) if !lanes.contains(&i) => lanes.push(i),
                Some(_) => {}
                None => notices.push(Notice::NoLane(id.clone())),
            }
        }
        if lanes.is_empty() {
            notices.push(Notice::NoKnownLane);
        }
    }
    if lanes.is_empty() {
        lanes = (0..t.data.lanes.len()).collect();
    }
    if let Some(i) = selected {
        if !lanes.contains(&t.lane[i]) {
            lanes.push(t.lane[i]);
            notices.push(Notice::LaneAdded(t.data.lanes[t.lane[i]].label.clone()));
        }
    }

    // Window.
    let date_range = f.date.and_then(|d| d.range().map(|r| (d, r)));
    let in_bounds = |start: f64, end: f64| end > b.min && start < b.max;
    let date_range = match date_range {
        Some((d, (s, e))) if !in_bounds(s as f64, e as f64) => {
            notices.push(Notice::Outside {
                date: d.to_string(),
                range: (b.min as Day, b.max as Day),
            });
            None
        }
        other => other,
    };
    let span = f.span.map(|s| s.days());
    let mut view = match (date_range, selected) {
        (Some((d, (s, e))), _) => {
            let center = (s as f64 + e as f64) / 2.0;
            Viewport::centered(center, span.unwrap_or(span_for(d.precision())), b)
        }
        (None, Some(i)) => {
            let w = &t.when[i];
            let natural = span_for(w.precision()).max((w.end() - w.start()) as f64 * 1.5);
            Viewport::centered(w.middle(), span.unwrap_or(natural), b)
        }
        (None, None) => match span {
            Some(s) => Viewport::centered(b.full().center(), s, b),
            None => b.full(),
        },
    };
    if let Some(i) = selected {
        let w = &t.when[i];
        if !view.overlaps(w.start() as f64, w.end() as f64) {
            view = Viewport::centered(w.middle(), view.span(), b);
            notices.push(Notice::NotNear {
                id: t.data.events[i].id.clone(),
                date: f.date.map(|d| d.to_string()).unwrap_or_default(),
            });
        }
    }
    if f.event.is_some() && selected.is_none() {
        // Say what is shown instead of the missing event.
        let shown = format!("{}/{}", view.first_day(), view.last_day() + 1);
        for n in notices.iter_mut() {
            if let Notice::NoEvent { showing, .. } = n {
                *showing = Some(shown.clone());
            }
        }
    }
    let mut query = f.query.clone();
    if let Some(a) = &query.actor {
        if !t.data.actors.iter().any(|x| &x.name == a) {
            // A spelling variant names its canonical actor.
            let folded = crate::search::fold(a);
            match t.data.actors.iter().find(|x| {
                crate::search::fold(&x.name) == folded
                    || x.aliases.iter().any(|al| crate::search::fold(al) == folded)
            }) {
                Some(x) => query.actor = Some(x.name.clone()),
                None => {
                    notices.push(Notice::NoActor(a.clone()));
                    query.actor = None;
                }
            }
        }
    }
    if let Some(s) = &query.source {
        if t.source(s).is_none() {
            notices.push(Notice::NoSource(s.clone()));
            query.source = None;
        }
    }
    Resolved {
        view,
        selected,
        lanes,
        lang: f.lang,
        query,
        list: f.list,
        large: f.large,
        kiosk: f.kiosk,
        notices,
    }
}

/// The fragment (without `#`) for the current state: the link to share.
pub fn format(
    view: &Viewport,
    selected: Option<&str>,
    lanes: Option<&[&str]>,
    lang: Option<Lang>,
) -> String {
    format_with(
        view,
        selected,
        lanes,
        lang,
        &crate::search::Query::default(),
        Extras::default(),
    )
}

/// The lane ids of a lane selection, or `None` when it is every lane in
/// dataset order (a link leaves `lanes` out then).
pub fn lane_ids<'a>(t: &'a Timeline, lanes: &[usize]) -> Option<Vec<&'a str>> {
    let all = lanes.len() == t.data.lanes.len() && lanes.iter().enumerate().all(|(k, &l)| k == l);
    (!all).then(|| {
        lanes
            .iter()
            .filter_map(|&l| t.data.lanes.get(l))
            .map(|l| l.id.as_str())
            .collect()
    })
}

/// What one instance shows, as a link records it.
#[derive(Clone, Copy, Debug)]
pub struct State<'a> {
    pub view: &'a Viewport,
    /// Index of the selected event.
    pub selected: Option<usize>,
    /// Lane indices shown, in order.
    pub lanes: &'a [usize],
    pub lang: Lang,
    pub query: &'a crate::search::Query,
    pub extras: Extras,
}

/// The fragment (without `#`) of an instance's state: the link to share.
/// English, the default, is left out.
pub fn link(t: &Timeline, s: State<'_>) -> String {
    let lanes = lane_ids(t, s.lanes);
    let view = s.selected.and_then(|i| t.when.get(i)).map_or(*s.view, |w| {
        reaching(s.view, w.start() as f64, w.end() as f64)
    });
    format_with(
        &view,
        s.selected
            .and_then(|i| t.data.events.get(i))
            .map(|e| e.id.as_str()),
        lanes.as_deref(),
        pinned_lang(s.lang),
        s.query,
        s.extras,
    )
}

/// The language a link (or an embed snippet) names: Albanian or Russian,
/// where it is made in that language; none in English, which leaves each
/// reader the language of their browser.
pub fn pinned_lang(lang: Lang) -> Option<Lang> {
    Some(lang).filter(|l| *l != Lang::En)
}

/// The window a link writes for `view`, in which the selected event
/// `[start, end)` shows: a link gives the date to the day and the span to
/// a tenth of its unit, and where the event only just showed, that
/// rounding could leave it out of the window the link opens on. The span
/// is then widened, a step at a time, until the event is in.
fn reaching(view: &Viewport, start: f64, end: f64) -> Viewport {
    if !view.overlaps(start, end) {
        return *view;
    }
    // As `resolve` reads it: the middle of the written day.
    let center = view.center().floor() + 0.5;
    let mut span = view.span();
    for _ in 0..64 {
        let half = Span::for_days(span).days() / 2.0;
        let opened = Viewport {
            start: center - half,
            end: center + half,
        };
        if opened.overlaps(start, end) {
            break;
        }
        span *= 1.02;
    }
    Viewport {
        start: view.center() - span / 2.0,
        end: view.center() + span / 2.0,
    }
}

/// Display settings a link carries besides the view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extras {
    /// `view=list`
    pub list: bool,
    /// `text=large`
    pub large: bool,
    /// `kiosk=SECONDS`
    pub kiosk: Option<u32>,
}

/// [`format`] with the search, filters and display settings.
pub fn format_with(
    view: &Viewport,
    selected: Option<&str>,
    lanes: Option<&[&str]>,
    lang: Option<Lang>,
    query: &crate::search::Query,
    extras: Extras,
) -> String {
    let center = view.center().floor() as i32;
    let mut parts = vec![
        format!("date={}", iso(center)),
        format!("span={}", Span::for_days(view.span())),
    ];
    if let Some(id) = selected {
        parts.push(format!("event={}", percent_encode(id)));
    }
    if let Some(lanes) = lanes {
        let list: Vec<String> = lanes.iter().map(|l| percent_encode(l)).collect();
        parts.push(format!("lanes={}", list.join(",")));
    }
    if let Some(lang) = lang {
        parts.push(format!("lang={}", lang.code()));
    }
    if !query.text.trim().is_empty() {
        parts.push(format!("q={}", percent_encode(query.text.trim())));
    }
    if let Some(a) = &query.actor {
        parts.push(format!("actor={}", percent_encode(a)));
    }
    if let Some(s) = &query.source {
        parts.push(format!("source={}", percent_encode(s)));
    }
    if query.disputed {
        parts.push("disputed=1".into());
    }
    if extras.list {
        parts.push("view=list".into());
    }
    if extras.large {
        parts.push("text=large".into());
    }
    if let Some(s) = extras.kiosk {
        parts.push(format!("kiosk={s}"));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Notice {
        /// Whether the English notice says `s`.
        fn contains(&self, s: &str) -> bool {
            self.text(Lang::En).contains(s)
        }
    }
    use crate::dataset::Lane;
    use crate::date::day_from_ymd;
    use crate::fixtures::{self, bounds, event};

    fn timeline() -> Timeline {
        let lane = |id: &str, label: &str| Lane {
            label: label.into(),
            ..fixtures::lane(id)
        };
        fixtures::timeline(
            vec![
                lane("soviet-albanian", "Moscow – Tirana"),
                lane("soviet-yugoslav", "Moscow – Belgrade"),
            ],
            vec![
                event("vlora-withdrawal", "soviet-albanian", "1961-06-04"),
                event("tito-visit", "soviet-yugoslav", "1955-05"),
                event("early", "soviet-albanian", "1948"),
                event("late", "soviet-yugoslav", "1962-02"),
            ],
        )
    }

    fn day(y: i32, m: u32, d: u32) -> f64 {
        day_from_ymd(y, m, d).unwrap() as f64
    }

    #[test]
    fn the_contract_example_parses() {
        let f = Fragment::parse(
            "#date=1961-06-04&span=3m&event=vlora-withdrawal&lanes=soviet-albanian,soviet-yugoslav&lang=en",
        );
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        assert_eq!(f.date.unwrap().to_string(), "1961-06-04");
        assert_eq!(
            f.span,
            Some(Span {
                amount: 3.0,
                unit: 'm'
            })
        );
        assert_eq!(f.event.as_deref(), Some("vlora-withdrawal"));
        assert_eq!(f.lanes.as_ref().unwrap().len(), 2);
        assert_eq!(f.lang, Some(Lang::En));
        let t = timeline();
        let r = resolve(&f, &t, &bounds(&t));
        assert!(r.notices.is_empty(), "{:?}", r.notices);
        assert_eq!(r.selected, t.find("vlora-withdrawal"));
        assert!((r.view.span() - 3.0 * 365.25 / 12.0).abs() < 1e-9);
        assert!(r.view.start < day(1961, 6, 4) && r.view.end > day(1961, 6, 5));
    }

    #[test]
    fn a_bare_date_is_a_date() {
        let f = Fragment::parse("#1961-06-04");
        assert_eq!(f.date.unwrap().to_string(), "1961-06-04");
        let t = timeline();
        let r = resolve(&f, &t, &bounds(&t));
        assert!(
            (r.view.span() - 14.0).abs() < 1e-9,
            "a day shows about two weeks"
        );
    }

    #[test]
    fn precision_sets_the_zoom() {
        let t = timeline();
        let b = bounds(&t);
        let span = |s: &str| resolve(&Fragment::parse(s), &t, &b).view.span();
        assert!(span("date=1960") > 365.0 && span("date=1960") < 500.0);
        assert!(span("date=1960-11") > 30.0 && span("date=1960-11") < 60.0);
        assert_eq!(span("date=1960-11-14"), 14.0);
        assert_eq!(span(""), b.max_span());
    }

    #[test]
    fn bad_values_are_named_and_the_rest_applies() {
        let t = timeline();
        let b = bounds(&t);
        let f = Fragment::parse(
            "#date=1961-06&event=xyz&span=banana&lanes=nope,soviet-yugoslav&lang=fr&zoom=3",
        );
        assert_eq!(f.problems.len(), 3, "{:?}", f.problems);
        let r = resolve(&f, &t, &b);
        let texts: Vec<String> = r.notices.iter().map(|n| n.text(Lang::En)).collect();
        assert_eq!(r.selected, None);
        assert_eq!(r.lanes, vec![1]);
        assert!(
            texts
                .iter()
                .any(|n| n == "No event 'xyz'; showing May–Jul 1961"),
            "{texts:?}"
        );
        assert!(texts.iter().any(|n| n.contains("span 'banana'")));
        assert!(texts.iter().any(|n| n.contains("lang 'fr'")));
        assert!(texts.iter().any(|n| n.contains("zoom '3'")));
        assert!(texts.iter().any(|n| n.contains("No lane 'nope'")));
        // The same notices in Albanian and Russian.
        let sq: Vec<String> = r.notices.iter().map(|n| n.text(Lang::Sq)).collect();
        assert!(
            sq.iter()
                .any(|n| n == "Nuk ka ngjarje 'xyz'; po shfaqet maj–kor 1961"),
            "{sq:?}"
        );
        let ru: Vec<String> = r.notices.iter().map(|n| n.text(Lang::Ru)).collect();
        assert!(
            ru.iter()
                .any(|n| n.contains("span 'banana' не длительность")),
            "{ru:?}"
        );
        assert!(r.view.start < day(1961, 6, 15) && r.view.end > day(1961, 6, 15));
    }

    #[test]
    fn hostile_input_is_only_text() {
        let t = timeline();
        let f = Fragment::parse("#event=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&date=%E2%80%AE");
        let r = resolve(&f, &t, &bounds(&t));
        assert!(r
            .notices
            .iter()
            .any(|n| n.contains("<img src=x onerror=alert(1)>")));
        assert_eq!(r.view, bounds(&t).full());
    }

    #[test]
    fn out_of_range_dates_fall_back_with_a_notice() {
        let t = timeline();
        let b = bounds(&t);
        let r = resolve(&Fragment::parse("#date=2024-01-01"), &t, &b);
        assert_eq!(r.view, b.full());
        assert!(
            r.notices[0].contains("outside 1948–1962"),
            "{:?}",
            r.notices
        );
        let r = resolve(&Fragment::parse("#date=1961-02-30"), &t, &b);
        assert!(r.notices[0].text(Lang::En).contains("date '1961-02-30'"));
    }

    #[test]
    fn the_selected_event_is_always_in_view() {
        let t = timeline();
        let b = bounds(&t);
        let r = resolve(
            &Fragment::parse("#date=1950&span=1y&event=vlora-withdrawal"),
            &t,
            &b,
        );
        assert_eq!(r.selected, t.find("vlora-withdrawal"));
        assert!(r.view.overlaps(day(1961, 6, 4), day(1961, 6, 5)));
        assert!(r.notices.len() == 1);
        // Its lane is shown even when the link hides it.
        let r = resolve(
            &Fragment::parse("#event=tito-visit&lanes=soviet-albanian"),
            &t,
            &b,
        );
        assert_eq!(r.lanes, vec![0, 1]);
    }

    #[test]
    fn search_filters_and_list_round_trip() {
        let t = timeline();
        let b = bounds(&t);
        let q = crate::search::Query {
            text: "Shehu & co".into(),
            actor: Some("Nikita Khrushchev".into()),
            source: Some("s".into()),
            disputed: true,
        };
        let v = b.full();
        let text = format_with(
            &v,
            None,
            None,
            None,
            &q,
            Extras {
                list: true,
                large: true,
                kiosk: Some(20),
            },
        );
        assert!(text.contains("q=Shehu%20%26%20co"), "{text}");
        let f = Fragment::parse(&text);
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        assert_eq!(f.query, q);
        assert!(f.list && f.large);
        assert_eq!(f.kiosk, Some(20));
        assert_eq!(resolve(&f, &t, &b).kiosk, Some(20));
        // Unknown actors and sources are named and dropped.
        let r = resolve(&f, &t, &b);
        assert_eq!(r.query.actor, None);
        assert_eq!(r.query.source.as_deref(), Some("s"));
        assert!(r
            .notices
            .iter()
            .any(|n| n.contains("No actor 'Nikita Khrushchev'")));
        for bad in [
            "disputed=maybe",
            "view=grid",
            "actor=",
            "source=",
            "text=huge",
            "kiosk=1",
            "kiosk=601",
            "kiosk=fast",
            "kiosk=",
        ] {
            assert_eq!(Fragment::parse(bad).problems.len(), 1, "{bad}");
        }
        let long = format!("q={}", "x".repeat(201));
        assert_eq!(Fragment::parse(&long).problems.len(), 1);
    }

    #[test]
    fn kiosk_takes_seconds_and_names_a_bad_value() {
        assert_eq!(Fragment::parse("#kiosk=20").kiosk, Some(20));
        assert_eq!(Fragment::parse("#date=1961&kiosk=600").kiosk, Some(600));
        let t = timeline();
        let r = resolve(&Fragment::parse("#kiosk=1&date=1961-06"), &t, &bounds(&t));
        assert_eq!(r.kiosk, None);
        assert_eq!(
            r.notices[0].text(Lang::En),
            "kiosk '1' is not a number of seconds from 2 to 600; ignored"
        );
        assert!(r.notices[0].text(Lang::Sq).contains("sekondash"));
        assert!(r.notices[0].text(Lang::Ru).contains("секунд"));
        // The rest of the link still applies.
        assert!(r.view.span() < 60.0);
    }

    #[test]
    fn bench_is_bounded() {
        assert_eq!(Fragment::parse("#bench=10000").bench, Some(10_000));
        for bad in ["bench=0", "bench=-1", "bench=1e9", "bench=999999"] {
            let f = Fragment::parse(bad);
            assert_eq!(f.bench, None);
            assert_eq!(f.problems.len(), 1);
        }
    }

    #[test]
    fn format_then_parse_round_trips() {
        let t = timeline();
        let b = bounds(&t);
        for (center, span) in [
            (day(1961, 6, 4), 91.0),
            (day(1960, 11, 14), 7.0),
            (day(1955, 5, 1), 800.0),
            (b.full().center(), b.max_span()),
        ] {
            let v = Viewport::centered(center, span, &b);
            let vlora = day(1961, 6, 4);
            let sel = v.overlaps(vlora, vlora + 1.0).then_some("vlora-withdrawal");
            let text = format(
                &v,
                sel,
                Some(&["soviet-yugoslav", "soviet-albanian"]),
                Some(Lang::Sq),
            );
            let f = Fragment::parse(&text);
            assert!(f.problems.is_empty(), "{text}");
            let r = resolve(&f, &t, &b);
            assert!((r.view.center() - v.center()).abs() <= 1.0, "{text}");
            assert!((r.view.span() - v.span()).abs() / v.span() < 0.05, "{text}");
            assert_eq!(r.lang, Some(Lang::Sq));
            assert_eq!(r.lanes, vec![1, 0], "lanes keep their order");
            assert_eq!(r.selected, sel.and_then(|id| t.find(id)));
            assert!(r.notices.is_empty(), "{text}: {:?}", r.notices);
        }
    }

    #[test]
    fn spans_read_and_print() {
        for (s, days) in [
            ("10d", 10.0),
            ("3w", 21.0),
            ("2y", 730.5),
            ("1.5y", 547.875),
        ] {
            assert_eq!(Span::parse(s).unwrap().days(), days);
            assert_eq!(Span::parse(s).unwrap().to_string(), s);
        }
        for bad in ["", "d", "3", "3x", "-3d", "0d", "1e3d", "NaNd", "infd"] {
            assert_eq!(Span::parse(bad), None, "{bad}");
        }
        assert_eq!(Span::for_days(14.0).to_string(), "14d");
        assert_eq!(Span::for_days(91.3125).to_string(), "3m");
    }

    #[test]
    fn percent_coding() {
        assert_eq!(percent_decode("a%2Cb%20c+d%zz%"), "a,b c d%zz%");
        // A sign is not a hex digit.
        assert_eq!(percent_decode("%+1x"), "% 1x");
        assert_eq!(percent_decode("%-1"), "%-1");
        assert_eq!(percent_encode("a b&c=d"), "a%20b%26c%3Dd");
        assert_eq!(
            percent_decode(&percent_encode("Ëndërr & “x”")),
            "Ëndërr & “x”"
        );
    }

    #[test]
    fn every_lane_in_order_is_no_lane_key() {
        let t = crate::fixtures::timeline(
            vec![crate::fixtures::lane("a"), crate::fixtures::lane("b")],
            vec![crate::fixtures::event("e", "a", "1961-06-04")],
        );
        assert_eq!(lane_ids(&t, &[0, 1]), None);
        assert_eq!(lane_ids(&t, &[1, 0]), Some(vec!["b", "a"]));
        assert_eq!(lane_ids(&t, &[1]), Some(vec!["b"]));
        assert_eq!(lane_ids(&t, &[]), Some(vec![]));
    }

    #[test]
    fn the_link_of_a_state_round_trips() {
        let t = crate::fixtures::timeline(
            vec![crate::fixtures::lane("a"), crate::fixtures::lane("b")],
            vec![crate::fixtures::event("e", "a", "1961-06-04")],
        );
        let b = crate::fixtures::bounds(&t);
        let view = Viewport::centered(t.when[0].middle(), 14.0, &b);
        let q = crate::search::Query {
            text: "Vlora base".into(),
            ..Default::default()
        };
        let state = State {
            view: &view,
            selected: Some(0),
            lanes: &[1, 0],
            lang: Lang::Sq,
            query: &q,
            extras: Extras {
                list: true,
                large: false,
                kiosk: None,
            },
        };
        let text = link(&t, state);
        assert_eq!(
            text,
            "date=1961-06-04&span=14d&event=e&lanes=b,a&lang=sq&q=Vlora%20base&view=list"
        );
        let back = resolve(&Fragment::parse(&text), &t, &b);
        assert_eq!(back.selected, Some(0));
        assert_eq!(back.lanes, [1, 0]);
        assert_eq!(back.query.text, "Vlora base");
        assert!(back.list && !back.large);
        // English and every lane are left out.
        let plain = link(
            &t,
            State {
                lanes: &[0, 1],
                lang: Lang::En,
                selected: None,
                ..state
            },
        );
        assert!(!plain.contains("lang=") && !plain.contains("lanes=") && !plain.contains("event="));
    }

    #[test]
    fn a_shared_event_at_the_edge_of_the_window_stays_in_it() {
        // The link writes the date to the day and the span to a tenth of
        // its unit: where the event only just showed, rounding must not
        // leave it out (and the opened page call it "not near").
        let t = crate::fixtures::timeline(
            vec![crate::fixtures::lane("a")],
            vec![
                crate::fixtures::event("first", "a", "1950-01-01"),
                crate::fixtures::event("e", "a", "1956-03-10"),
                crate::fixtures::event("last", "a", "1962-12-31"),
            ],
        );
        let b = crate::fixtures::bounds(&t);
        let (start, end) = (t.when[1].start() as f64, t.when[1].end() as f64);
        let q = crate::search::Query::default();
        let mut checked = 0;
        for span in [
            crate::viewport::MIN_SPAN_DAYS,
            10.0,
            25.0,
            50.0,
            100.0,
            400.0,
            900.0,
            2000.0,
        ] {
            for k in 0..40 {
                // Windows whose right edge, then whose left edge, only just
                // reaches into the event's day.
                let nudge = (k as f64 + 0.5) / 40.0;
                for view in [
                    Viewport {
                        start: start + nudge - span,
                        end: start + nudge,
                    },
                    Viewport {
                        start: end - nudge,
                        end: end - nudge + span,
                    },
                ] {
                    assert!(view.overlaps(start, end));
                    let state = State {
                        view: &view,
                        selected: Some(1),
                        lanes: &[0],
                        lang: Lang::En,
                        query: &q,
                        extras: Extras::default(),
                    };
                    let text = link(&t, state);
                    let back = resolve(&Fragment::parse(&text), &t, &b);
                    assert!(
                        back.view.overlaps(start, end) && back.notices.is_empty(),
                        "{text}: opens on {:?}, {:?}",
                        back.view,
                        back.notices
                    );
                    // Widened only as far as it must be.
                    assert!(
                        back.view.span() <= span * 1.25 + 2.0,
                        "{text}: {:?}",
                        back.view
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 640);
    }
}
