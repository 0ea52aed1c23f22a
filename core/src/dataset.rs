//! The event dataset: its format (data/events.toml, served as events.json),
//! its validation, and the prepared form the timeline draws from.

use crate::date::{DateError, Day, When};
use crate::i18n::Lang;
use crate::scene::Shape;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// Longest title, in characters.
pub const MAX_TITLE: usize = 80;
/// Longest quote, in characters (after folding white space).
pub const MAX_QUOTE: usize = 300;

/// A row of the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub id: String,
    pub label: String,
    /// The label in other interface languages (`sq`, `ru`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tr: BTreeMap<String, String>,
}

impl Lane {
    /// The label in `lang`, English where there is no translation.
    pub fn label_in(&self, lang: Lang) -> &str {
        self.tr
            .get(lang.code())
            .map(String::as_str)
            .unwrap_or(&self.label)
    }
}

/// An event's English account and evidence: what the page fetches the
/// first time a reader needs it (`rift_core::pack::details`), so that the
/// module holds only what draws the lanes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Details {
    pub summary: String,
    pub disputed: Option<String>,
    /// Each citation's locator and quote, in the event's order.
    pub passages: Vec<(String, String)>,
}

/// An event's texts in another language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<String>,
    /// The sources' wording of the date (`Event::date_label`), translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_label: Option<String>,
}

/// A source's names in another language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

/// A text the quotes come from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    /// Full bibliographic reference.
    pub citation: String,
    /// Short name for the popover ("Edemskiy").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    /// File name of the working copy under ../shared/sources; used by the
    /// quote check only, never shown or published.
    #[serde(default, skip_serializing)]
    pub text: Option<String>,
    /// The short name and the citation in other languages: only their
    /// descriptive words are translated, titles of works stay as they are.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tr: BTreeMap<String, SourceText>,
}

impl Source {
    /// The full reference in `lang`.
    pub fn citation_in(&self, lang: Lang) -> &str {
        self.tr
            .get(lang.code())
            .and_then(|t| t.citation.as_deref())
            .unwrap_or(&self.citation)
    }

    /// The short name in `lang` (the full reference where there is none).
    pub fn short_in(&self, lang: Lang) -> &str {
        let short = self
            .tr
            .get(lang.code())
            .and_then(|t| t.short.as_deref())
            .unwrap_or(&self.short);
        if short.is_empty() {
            self.citation_in(lang)
        } else {
            short
        }
    }
}

/// A person or body, with the other spellings the sources use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The name as each other language writes it (`sq`, `ru`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tr: BTreeMap<String, String>,
}

impl Actor {
    /// The name in `lang`.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.tr.get(lang.code()).map_or(&self.name, String::as_str)
    }
}

/// A passage that says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub source: String,
    pub locator: String,
    pub quote: String,
}

/// One dated event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub lane: String,
    /// EDTF level 1.
    pub date: String,
    /// The sources' own wording of the date where EDTF cannot say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_label: Option<String>,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub actors: Vec<String>,
    #[serde(default)]
    pub citations: Vec<Citation>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disputed: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<String>,
    /// Title, summary, dispute and date label in the other languages
    /// (`sq`, `ru`): faithful translations; every event has both unless
    /// `tr_pending`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tr: BTreeMap<String, EventText>,
    /// Marks an event whose translations are still being written: the
    /// build accepts it without them, and the view shows it in English.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tr_pending: bool,
}

impl Event {
    /// One translated text, or "" where there is none.
    fn tr_field(&self, code: &str, f: fn(&EventText) -> &Option<String>) -> &str {
        self.tr
            .get(code)
            .and_then(|t| f(t).as_deref())
            .unwrap_or("")
    }
}

/// The whole dataset, as in data/events.toml and events.json.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub lanes: Vec<Lane>,
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub events: Vec<Event>,
}

/// One thing wrong with a dataset, named by event id and field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The event (or lane, source, actor) the error is in, when there is one.
    pub item: Option<String>,
    pub field: &'static str,
    pub message: String,
}

impl DataError {
    /// What kind of item the error is in, from its field: `lanes…` are
    /// lanes, `sources…` sources, `actors.…` actors (a bare `actors` is an
    /// event's list of actors), anything else an event's.
    fn kind(&self) -> &'static str {
        let (head, sub) = match self.field.split_once('.') {
            Some((head, _)) => (head, true),
            None => (self.field, false),
        };
        match head {
            "lanes" => "lane",
            "sources" => "source",
            "actors" if sub => "actor",
            _ => "event",
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(id) => write!(
                f,
                "{} '{id}', field '{}': {}",
                self.kind(),
                self.field,
                self.message
            ),
            None => write!(f, "field '{}': {}", self.field, self.message),
        }
    }
}

/// All the errors of a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the dataset has {} error(s):", self.0.len())?;
        for e in &self.0 {
            writeln!(f, "  - {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DataErrors {}

/// Collapses runs of white space to one space and trims.
pub fn fold_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

impl Dataset {
    /// Reads the JSON form (events.json, and what the build embeds).
    pub fn from_json(s: &str) -> Result<Dataset, DataErrors> {
        serde_json::from_str(s).map_err(|e| {
            DataErrors(vec![DataError {
                item: None,
                field: "json",
                message: e.to_string(),
            }])
        })
    }

    /// Reads the human-editable TOML form (data/events.toml).
    #[cfg(feature = "toml")]
    pub fn from_toml(s: &str) -> Result<Dataset, DataErrors> {
        toml::from_str(s).map_err(|e| {
            DataErrors(vec![DataError {
                item: None,
                field: "toml",
                message: e.to_string(),
            }])
        })
    }

    /// The JSON published as events.json: the open-data contract.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a dataset always serialises")
    }

    /// One CSV row per event (events.csv).
    pub fn to_csv(&self) -> String {
        fn cell(s: &str) -> String {
            if s.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", s.replace('"', "\"\""))
            } else {
                s.to_string()
            }
        }
        let mut out = String::from(
            "id,lane,date,date_label,title,summary,actors,sources,locators,disputed,related,title_sq,summary_sq,title_ru,summary_ru\n",
        );
        for e in &self.events {
            let join = |items: Vec<&str>| items.join("; ");
            let row = [
                cell(&e.id),
                cell(&e.lane),
                cell(&e.date),
                cell(e.date_label.as_deref().unwrap_or("")),
                cell(&fold_space(&e.title)),
                cell(&fold_space(&e.summary)),
                cell(&join(e.actors.iter().map(String::as_str).collect())),
                cell(&join(
                    e.citations.iter().map(|c| c.source.as_str()).collect(),
                )),
                cell(&join(
                    e.citations.iter().map(|c| c.locator.as_str()).collect(),
                )),
                cell(&fold_space(e.disputed.as_deref().unwrap_or(""))),
                cell(&join(e.related.iter().map(String::as_str).collect())),
                cell(&fold_space(e.tr_field("sq", |t| &t.title))),
                cell(&fold_space(e.tr_field("sq", |t| &t.summary))),
                cell(&fold_space(e.tr_field("ru", |t| &t.title))),
                cell(&fold_space(e.tr_field("ru", |t| &t.summary))),
            ];
            out.push_str(&row.join(","));
            out.push('\n');
        }
        out
    }

    /// Checks everything a reader of the data relies on; returns every
    /// error, each naming the event id and the field.
    pub fn validate(&self) -> Result<(), DataErrors> {
        let mut errors = Vec::new();
        let mut err = |item: Option<&str>, field: &'static str, message: String| {
            errors.push(DataError {
                item: item.map(str::to_string),
                field,
                message,
            })
        };
        if self.lanes.is_empty() {
            err(None, "lanes", "there must be at least one lane".into());
        }
        let known_lang = |code: &str| Lang::parse(code).is_some_and(|l| l != Lang::En);
        let mut lanes = HashSet::new();
        for l in &self.lanes {
            for code in l.tr.keys() {
                if !known_lang(code) {
                    err(
                        Some(&l.id),
                        "lanes.tr",
                        format!("'{code}' is not a translation language (sq, ru)"),
                    );
                }
            }
            if !is_kebab(&l.id) {
                err(
                    Some(&l.id),
                    "lanes.id",
                    format!("lane id '{}' is not kebab-case", l.id),
                );
            }
            if !lanes.insert(l.id.as_str()) {
                err(
                    Some(&l.id),
                    "lanes.id",
                    format!("duplicate lane id '{}'", l.id),
                );
            }
        }
        let mut sources = HashSet::new();
        for s in &self.sources {
            for code in s.tr.keys().filter(|c| !known_lang(c)) {
                err(
                    Some(&s.id),
                    "sources.tr",
                    format!("'{code}' is not a translation language (sq, ru)"),
                );
            }
            if !sources.insert(s.id.as_str()) {
                err(
                    Some(&s.id),
                    "sources.id",
                    format!("duplicate source id '{}'", s.id),
                );
            }
            if s.citation.trim().is_empty() {
                err(
                    Some(&s.id),
                    "sources.citation",
                    "empty bibliographic reference".into(),
                );
            }
        }
        let mut actors: HashMap<&str, &str> = HashMap::new();
        for a in &self.actors {
            for code in a.tr.keys().filter(|c| !known_lang(c)) {
                err(
                    Some(&a.name),
                    "actors.tr",
                    format!("'{code}' is not a translation language (sq, ru)"),
                );
            }
            for name in std::iter::once(&a.name).chain(&a.aliases) {
                if let Some(prev) = actors.insert(name.as_str(), a.name.as_str()) {
                    if prev != a.name {
                        err(
                            Some(&a.name),
                            "actors.aliases",
                            format!(
                                "the spelling '{name}' belongs to both '{prev}' and '{}'",
                                a.name
                            ),
                        );
                    }
                }
            }
        }
        let canonical: HashSet<&str> = self.actors.iter().map(|a| a.name.as_str()).collect();
        let ids: HashSet<&str> = self.events.iter().map(|e| e.id.as_str()).collect();
        let mut seen = HashSet::new();
        for e in &self.events {
            let id = Some(e.id.as_str());
            if !is_kebab(&e.id) {
                err(id, "id", format!("'{}' is not a kebab-case id", e.id));
            }
            if !seen.insert(e.id.as_str()) {
                err(id, "id", format!("duplicate id '{}'", e.id));
            }
            if !lanes.contains(e.lane.as_str()) {
                err(id, "lane", format!("unknown lane '{}'", e.lane));
            }
            if let Err(de) = When::parse(&e.date) {
                err(id, "date", format!("invalid EDTF: {de}"));
            }
            let title = fold_space(&e.title);
            if title.is_empty() {
                err(id, "title", "empty title".into());
            } else if title.chars().count() > MAX_TITLE {
                err(
                    id,
                    "title",
                    format!(
                        "title too long ({} > {MAX_TITLE} characters)",
                        title.chars().count()
                    ),
                );
            }
            if e.summary.trim().is_empty() {
                err(id, "summary", "empty summary".into());
            }
            if !self.actors.is_empty() {
                for a in &e.actors {
                    if !canonical.contains(a.as_str()) {
                        let hint = actors
                            .get(a.as_str())
                            .map(|c| format!(" (write the canonical '{c}')"))
                            .unwrap_or_else(|| " (add it to [[actors]])".into());
                        err(id, "actors", format!("unknown actor '{a}'{hint}"));
                    }
                }
            }
            if e.citations.is_empty() {
                err(
                    id,
                    "citations",
                    "no citation: every event needs a source passage".into(),
                );
            }
            for c in &e.citations {
                if !sources.contains(c.source.as_str()) {
                    err(
                        id,
                        "citations.source",
                        format!("unknown source '{}'", c.source),
                    );
                }
                let quote = fold_space(&c.quote);
                if quote.is_empty() {
                    err(id, "citations.quote", "empty quote".into());
                } else if quote.chars().count() > MAX_QUOTE {
                    err(
                        id,
                        "citations.quote",
                        format!(
                            "quote too long ({} > {MAX_QUOTE} characters)",
                            quote.chars().count()
                        ),
                    );
                }
                if c.locator.trim().is_empty() {
                    err(id, "citations.locator", "empty locator".into());
                }
            }
            for (code, text) in &e.tr {
                if text.date_label.is_some() && e.date_label.is_none() {
                    err(
                        id,
                        "tr.date_label",
                        format!("{code} date label without an English date_label"),
                    );
                }
                if !known_lang(code) {
                    err(
                        id,
                        "tr",
                        format!("'{code}' is not a translation language (sq, ru)"),
                    );
                }
                if text
                    .title
                    .as_deref()
                    .is_some_and(|t| fold_space(t).chars().count() > MAX_TITLE)
                {
                    err(
                        id,
                        "tr.title",
                        format!("{code} title too long (> {MAX_TITLE} characters)"),
                    );
                }
            }
            if e.disputed.as_deref().is_some_and(|d| d.trim().is_empty()) {
                err(
                    id,
                    "disputed",
                    "empty: leave the field out when nothing is disputed".into(),
                );
            }
            for r in &e.related {
                if !ids.contains(r.as_str()) {
                    err(id, "related", format!("related id '{r}' does not exist"));
                } else if r == &e.id {
                    err(id, "related", "an event cannot be related to itself".into());
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DataErrors(errors))
        }
    }
}

impl Dataset {
    /// Checks that every event (but those marked `tr_pending`), lane and
    /// source has its texts in every other language: the published
    /// dataset is trilingual. Separate from [`Dataset::validate`], which
    /// synthetic and test data pass through too.
    pub fn check_translations(&self) -> Result<(), DataErrors> {
        let mut errors = Vec::new();
        let langs = [Lang::Sq, Lang::Ru];
        let mut missing = |item: &str, field: &'static str, what: String| {
            errors.push(DataError {
                item: Some(item.to_string()),
                field,
                message: format!("no {what} (translate it, or mark the event tr_pending = true)"),
            })
        };
        for l in &self.lanes {
            for lang in langs {
                if !l.tr.contains_key(lang.code()) {
                    missing(&l.id, "lanes.tr", format!("{} label", lang.code()));
                }
            }
        }
        for s in &self.sources {
            for lang in langs {
                if s.tr
                    .get(lang.code())
                    .and_then(|t| t.citation.as_ref())
                    .is_none()
                {
                    missing(&s.id, "sources.tr", format!("{} citation", lang.code()));
                }
            }
        }
        for e in self.events.iter().filter(|e| !e.tr_pending) {
            for lang in langs {
                let code = lang.code();
                let Some(t) = e.tr.get(code) else {
                    missing(&e.id, "tr", format!("{code} translation"));
                    continue;
                };
                let blank = |f: &Option<String>| f.as_deref().is_none_or(|s| s.trim().is_empty());
                if blank(&t.title) {
                    missing(&e.id, "tr.title", format!("{code} title"));
                }
                if blank(&t.summary) {
                    missing(&e.id, "tr.summary", format!("{code} summary"));
                }
                if e.disputed.is_some() && blank(&t.disputed) {
                    missing(&e.id, "tr.disputed", format!("{code} text of the dispute"));
                }
                if e.date_label.is_some() && blank(&t.date_label) {
                    missing(&e.id, "tr.date_label", format!("{code} date label"));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(DataErrors(errors))
        }
    }
}

/// FNV-1a: a hash that is the same on every run and every platform.
fn stable_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Drawing priority: more citations first, then disputed ones, then a
/// stable shuffle (so no period or lane is favoured by its position).
fn ranks(events: &[Event]) -> Vec<u32> {
    // Each key once (hashing an id per comparison took most of the start
    // of a 100,000-event timeline).
    let keys: Vec<_> = events
        .iter()
        .map(|e| {
            (
                std::cmp::Reverse(e.citations.len()),
                e.disputed.is_none(),
                stable_hash(&e.id),
            )
        })
        .collect();
    let order = crate::order::order(events.len(), &|a, b| keys[a].cmp(&keys[b]));
    let mut rank = vec![0u32; events.len()];
    for (r, i) in order.into_iter().enumerate() {
        rank[i] = r as u32;
    }
    rank
}

/// An event as a frame places it. A lane keeps these in drawing order, so
/// that a frame reads one list from start to end, rather than each event's
/// date from wherever it is in memory (at 100,000 events, most of a
/// frame's time went to those reads).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked {
    /// Index of the event.
    pub idx: u32,
    /// Its first day, and the day after its last.
    pub start: Day,
    pub end: Day,
    /// How its date is drawn.
    pub shape: Shape,
    /// Whether its date is approximate.
    pub approximate: bool,
}

/// A validated dataset with each event's date parsed, ready to draw.
#[derive(Clone, Debug)]
pub struct Timeline {
    pub data: Dataset,
    /// Parsed date of `data.events[i]`.
    pub when: Vec<When>,
    /// Lane index of `data.events[i]`.
    pub lane: Vec<usize>,
    /// Event indices sorted by start day.
    pub by_start: Vec<usize>,
    /// For each lane, its events in drawing priority (by `rank`), with
    /// what a frame needs to place them (see [`Ranked`]).
    pub by_lane_rank: Vec<Vec<Ranked>>,
    /// Characters in each event's title (labels are sized from it every frame).
    pub title_chars: Vec<usize>,
    /// Drawing priority of each event (0 first): better documented events
    /// claim a row first where space is short.
    pub rank: Vec<u32>,
    /// Event indices sorted by id, for [`Timeline::find`].
    by_id: Vec<usize>,
    /// Each event's texts in Albanian and Russian, once known: from the
    /// dataset's `tr`, or from a text pack the page fetches when needed.
    texts: [std::sync::OnceLock<Vec<EventText>>; 2],
    /// Whether `data` came without its English summaries, disputes and
    /// passages (a packed timeline: every summary empty, which validation
    /// never lets a dataset be), to be given by [`Timeline::add_details`].
    lean: bool,
    details: std::sync::OnceLock<Vec<Details>>,
}

impl Timeline {
    /// Validates and prepares a dataset.
    pub fn new(data: Dataset) -> Result<Timeline, DataErrors> {
        data.validate()?;
        let when: Vec<When> = data
            .events
            .iter()
            .map(|e| When::parse(&e.date))
            .collect::<Result<_, DateError>>()
            .expect("validated");
        let t = Timeline::prepared(data, when);
        // The events' own translations become the timeline's text packs.
        for lang in [Lang::Sq, Lang::Ru] {
            if t.data.events.iter().any(|e| e.tr.contains_key(lang.code())) {
                let texts = t
                    .data
                    .events
                    .iter()
                    .map(|e| e.tr.get(lang.code()).cloned().unwrap_or_default());
                t.add_texts(lang, texts.collect());
            }
        }
        Ok(t)
    }

    /// A timeline from a dataset validated elsewhere (at build time) and
    /// its dates, already parsed: nothing is checked or parsed again.
    pub fn prepared(data: Dataset, when: Vec<When>) -> Timeline {
        // A timeline has a few lanes: a search is quicker than a hash.
        let lane: Vec<usize> = data
            .events
            .iter()
            .map(|e| data.lanes.iter().position(|l| l.id == e.lane).unwrap_or(0))
            .collect();
        // Ties in index order.
        let by_start = crate::order::order(data.events.len(), &|a, b| {
            (when[a].start(), when[a].end()).cmp(&(when[b].start(), when[b].end()))
        });
        let events = &data.events;
        let by_id = crate::order::order(events.len(), &|a, b| events[a].id.cmp(&events[b].id));
        let title_chars = data
            .events
            .iter()
            .map(|e| e.title.chars().count())
            .collect();
        let rank = ranks(&data.events);
        // Ranks are a permutation: walk it in order rather than sort.
        let mut by_rank = vec![0usize; rank.len()];
        for (i, &r) in rank.iter().enumerate() {
            by_rank[r as usize] = i;
        }
        let mut by_lane_rank: Vec<Vec<Ranked>> = vec![Vec::new(); data.lanes.len()];
        for i in by_rank {
            by_lane_rank[lane[i]].push(Ranked {
                idx: i as u32,
                start: when[i].start(),
                end: when[i].end(),
                shape: Shape::of(&when[i]),
                approximate: when[i].approximate(),
            });
        }
        let lean = data.events.iter().any(|e| e.summary.is_empty());
        Timeline {
            data,
            when,
            lane,
            by_start,
            by_lane_rank,
            title_chars,
            rank,
            by_id,
            texts: Default::default(),
            lean,
            details: Default::default(),
        }
    }

    /// The texts of `lang` (sq or ru), when they are known.
    fn texts_of(&self, lang: Lang) -> Option<&Vec<EventText>> {
        match lang {
            Lang::En => None,
            Lang::Sq => self.texts[0].get(),
            Lang::Ru => self.texts[1].get(),
        }
    }

    /// Whether the event texts of `lang` are known (English always is).
    pub fn has_texts(&self, lang: Lang) -> bool {
        lang == Lang::En || self.texts_of(lang).is_some()
    }

    /// Gives the timeline the event texts of `lang`, one per event in
    /// dataset order (a text pack, fetched once per page). The first
    /// texts given stay; a list of the wrong length is refused.
    pub fn add_texts(&self, lang: Lang, texts: Vec<EventText>) -> bool {
        let slot = match lang {
            Lang::En => return false,
            Lang::Sq => &self.texts[0],
            Lang::Ru => &self.texts[1],
        };
        texts.len() == self.data.events.len() && slot.set(texts).is_ok()
    }

    /// Whether the English summaries, disputes and passages are known: a
    /// packed timeline has them once [`Timeline::add_details`] gave them.
    pub fn has_details(&self) -> bool {
        !self.lean || self.details.get().is_some()
    }

    /// Gives a packed timeline its English summaries, disputes and passages,
    /// one per event in dataset order (`pack::parse_details`). Refused
    /// unless each event's passages match its citations, or when they were
    /// given already.
    pub fn add_details(&self, details: Vec<Details>) -> bool {
        let fits = details.len() == self.data.events.len()
            && details.iter().zip(&self.data.events).all(|(d, e)| {
                d.passages.len() == e.citations.len()
                    && d.disputed.is_some() == e.disputed.is_some()
            });
        self.lean && fits && self.details.set(details).is_ok()
    }

    fn detail(&self, i: usize) -> Option<&Details> {
        self.details.get().and_then(|d| d.get(i))
    }

    /// Whether the sources disagree about event `i` (known before its
    /// texts are).
    pub fn is_disputed(&self, i: usize) -> bool {
        self.data.events[i].disputed.is_some()
    }

    /// The locator and the quote of event `i`'s citation `j` (empty until a
    /// packed timeline has its details).
    pub fn passage(&self, i: usize, j: usize) -> (&str, &str) {
        match self.detail(i).and_then(|d| d.passages.get(j)) {
            Some((locator, quote)) => (locator, quote),
            None => {
                let c = &self.data.events[i].citations[j];
                (&c.locator, &c.quote)
            }
        }
    }

    fn text(&self, i: usize, lang: Lang) -> Option<&EventText> {
        self.texts_of(lang).and_then(|t| t.get(i))
    }

    /// Event `i`'s title in `lang`, English where there is no translation.
    pub fn title(&self, i: usize, lang: Lang) -> &str {
        let own = self.text(i, lang).and_then(|t| t.title.as_deref());
        own.unwrap_or(&self.data.events[i].title)
    }

    /// Event `i`'s summary in `lang`, English where there is no translation
    /// (empty while a packed timeline waits for its details).
    pub fn summary(&self, i: usize, lang: Lang) -> &str {
        let own = self.text(i, lang).and_then(|t| t.summary.as_deref());
        let english = self.detail(i).map(|d| d.summary.as_str());
        own.or(english).unwrap_or(&self.data.events[i].summary)
    }

    /// The sources' own wording of event `i`'s date in `lang`, where it has
    /// one: in Albanian and Russian only once translated, since an English
    /// label among their dates would not be read (the date is then written
    /// from its EDTF).
    pub fn date_label(&self, i: usize, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.data.events[i].date_label.as_deref(),
            _ => self.text(i, lang).and_then(|t| t.date_label.as_deref()),
        }
    }

    /// What the sources disagree on about event `i`, in `lang` (English
    /// where there is no translation). The English is `None` while a packed
    /// timeline waits for its details, even where [`Timeline::is_disputed`].
    pub fn disputed(&self, i: usize, lang: Lang) -> Option<&str> {
        let own = self.text(i, lang).and_then(|t| t.disputed.as_deref());
        let english = match self.detail(i) {
            Some(d) => d.disputed.as_deref(),
            None => self.data.events[i].disputed.as_deref(),
        };
        own.or(english).filter(|d| !d.is_empty())
    }

    /// The language event `i`'s texts are shown in when `lang` is asked
    /// for: `lang` where its title is translated, English otherwise.
    pub fn shown_lang(&self, i: usize, lang: Lang) -> Lang {
        let translated = self.text(i, lang).is_some_and(|t| t.title.is_some());
        if translated {
            lang
        } else {
            Lang::En
        }
    }

    /// Every text of event `i` in every known language: what search looks in.
    pub fn all_texts(&self, i: usize) -> impl Iterator<Item = &str> {
        let e = &self.data.events[i];
        let own = [
            Some(e.title.as_str()),
            Some(self.summary(i, Lang::En)),
            self.disputed(i, Lang::En),
            e.date_label.as_deref(),
        ];
        let other = [Lang::Sq, Lang::Ru]
            .into_iter()
            .filter_map(move |l| self.text(i, l))
            .flat_map(|t| {
                [
                    t.title.as_deref(),
                    t.summary.as_deref(),
                    t.disputed.as_deref(),
                    t.date_label.as_deref(),
                ]
            });
        own.into_iter().chain(other).flatten()
    }

    /// Index of the event with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        let events = &self.data.events;
        let at = self
            .by_id
            .binary_search_by(|&i| events[i].id.as_str().cmp(id));
        at.ok().map(|k| self.by_id[k])
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.data.sources.iter().find(|s| s.id == id)
    }

    /// First and last day (inclusive) any event touches.
    pub fn extent(&self) -> Option<(crate::date::Day, crate::date::Day)> {
        let first = self.when.iter().map(When::start).min()?;
        let last = self.when.iter().map(|w| w.end() - 1).max()?;
        Some((first, last))
    }

    /// How many events of lane `lane` fall in each of `bins` equal slices of
    /// `[start, end)` (an event counts in every slice it touches): the
    /// overview strip draws this, so its size does not grow with the data.
    pub fn density(&self, lane: usize, start: f64, end: f64, bins: usize) -> Vec<u32> {
        let mut out = vec![0u32; bins];
        if bins == 0 || end <= start {
            return out;
        }
        let per = (end - start) / bins as f64;
        for (i, w) in self.when.iter().enumerate() {
            if self.lane[i] != lane {
                continue;
            }
            let a = ((w.start() as f64 - start) / per).floor();
            let b = ((w.end() as f64 - start) / per).ceil() - 1.0;
            if b < 0.0 || a >= bins as f64 {
                continue;
            }
            let (a, b) = (a.max(0.0) as usize, (b as usize).min(bins - 1));
            for c in &mut out[a..=b.max(a)] {
                *c += 1;
            }
        }
        out
    }

    /// Events whose dates intersect `[start, end)`, in order of start.
    pub fn in_window(&self, start: f64, end: f64) -> impl Iterator<Item = usize> + '_ {
        self.by_start.iter().copied().filter(move |&i| {
            let w = &self.when[i];
            (w.end() as f64) > start && (w.start() as f64) < end
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lane_lists_its_events_in_priority_order_with_their_days_and_shapes() {
        let t = crate::fixtures::bench(2_000);
        for (lane, events) in t.by_lane_rank.iter().enumerate() {
            assert_eq!(events.len(), t.lane.iter().filter(|&&l| l == lane).count());
            assert!(events
                .windows(2)
                .all(|w| t.rank[w[0].idx as usize] < t.rank[w[1].idx as usize]));
            for r in events {
                let i = r.idx as usize;
                assert_eq!(
                    (t.lane[i], r.start, r.end, r.shape),
                    (
                        lane,
                        t.when[i].start(),
                        t.when[i].end(),
                        Shape::of(&t.when[i])
                    )
                );
            }
        }
    }

    pub(crate) fn sample() -> Dataset {
        Dataset {
            lanes: vec![
                Lane {
                    id: "soviet-albanian".into(),
                    label: "Moscow – Tirana".into(),
                    tr: Default::default(),
                },
                Lane {
                    id: "soviet-yugoslav".into(),
                    label: "Moscow – Belgrade".into(),
                    tr: Default::default(),
                },
            ],
            sources: vec![Source {
                tr: Default::default(),
                id: "edemskiy-2019".into(),
                citation: "Edemskiy, A. ...".into(),
                short: "Edemskiy".into(),
                text: Some("000.txt".into()),
            }],
            actors: vec![Actor {
                tr: Default::default(),
                name: "Mehmet Shehu".into(),
                aliases: vec!["Mehmed Shehu".into()],
            }],
            events: vec![
                Event {
                    tr_pending: false,
                    id: "a-one".into(),
                    lane: "soviet-albanian".into(),
                    date: "1961-06-04".into(),
                    date_label: None,
                    title: "One".into(),
                    summary: "S.".into(),
                    actors: vec!["Mehmet Shehu".into()],
                    citations: vec![Citation {
                        source: "edemskiy-2019".into(),
                        locator: "n. 1".into(),
                        quote: "q".into(),
                    }],
                    disputed: None,
                    related: vec!["b-two".into()],
                    tr: Default::default(),
                },
                Event {
                    tr_pending: false,
                    id: "b-two".into(),
                    lane: "soviet-yugoslav".into(),
                    date: "1960-06~".into(),
                    date_label: Some("late June 1960".into()),
                    title: "Two".into(),
                    summary: "S.".into(),
                    actors: vec![],
                    citations: vec![Citation {
                        source: "edemskiy-2019".into(),
                        locator: "n. 2".into(),
                        quote: "q2".into(),
                    }],
                    disputed: Some("A says x; B says y.".into()),
                    related: vec![],
                    tr: Default::default(),
                },
            ],
        }
    }

    fn errors_of(d: &Dataset) -> Vec<DataError> {
        d.validate().err().map(|e| e.0).unwrap_or_default()
    }

    fn assert_error(d: &Dataset, id: &str, field: &str, needle: &str) {
        let errs = errors_of(d);
        assert!(
            errs.iter().any(|e| e.item.as_deref() == Some(id)
                && e.field == field
                && e.message.contains(needle)),
            "expected error on {id}.{field} containing {needle:?}, got {errs:?}"
        );
    }

    #[test]
    fn a_good_dataset_validates_and_prepares() {
        let t = Timeline::new(sample()).unwrap();
        assert_eq!(t.by_start, vec![1, 0]);
        assert_eq!(t.find("a-one"), Some(0));
        assert_eq!(t.lane, vec![0, 1]);
        assert_eq!(t.in_window(-3000.0, -2000.0).count(), 0);
    }

    #[test]
    fn density_counts_each_event_where_it_falls() {
        let t = Timeline::new(sample()).unwrap();
        let (a, b) = (
            crate::date::day_from_ymd(1960, 1, 1).unwrap() as f64,
            crate::date::day_from_ymd(1962, 1, 1).unwrap() as f64,
        );
        let d0 = t.density(0, a, b, 24);
        assert_eq!(d0.iter().sum::<u32>(), 1);
        assert_eq!(d0[17], 1, "June 1961 is the 18th month");
        let d1 = t.density(1, a, b, 24);
        assert_eq!(d1[5], 1, "June 1960");
        assert_eq!(t.density(1, a, b, 0), Vec::<u32>::new());
    }

    #[test]
    fn duplicate_id() {
        let mut d = sample();
        d.events[1].id = "a-one".into();
        assert_error(&d, "a-one", "id", "duplicate id");
    }

    #[test]
    fn unknown_lane_and_source() {
        let mut d = sample();
        d.events[0].lane = "soviet-chinese".into();
        d.events[1].citations[0].source = "hoxha-1980".into();
        assert_error(&d, "a-one", "lane", "unknown lane 'soviet-chinese'");
        assert_error(
            &d,
            "b-two",
            "citations.source",
            "unknown source 'hoxha-1980'",
        );
    }

    #[test]
    fn invalid_edtf() {
        let mut d = sample();
        d.events[0].date = "4 June 1961".into();
        assert_error(&d, "a-one", "date", "invalid EDTF");
    }

    #[test]
    fn no_citation_and_empty_quote() {
        let mut d = sample();
        d.events[0].citations.clear();
        d.events[1].citations[0].quote = " \n ".into();
        assert_error(&d, "a-one", "citations", "no citation");
        assert_error(&d, "b-two", "citations.quote", "empty quote");
    }

    #[test]
    fn title_too_long() {
        let mut d = sample();
        d.events[0].title = "x".repeat(81);
        assert_error(&d, "a-one", "title", "too long");
        d.events[0].title = "é".repeat(80);
        assert!(
            errors_of(&d).is_empty(),
            "80 characters, not bytes, are allowed"
        );
    }

    #[test]
    fn related_id_that_does_not_exist() {
        let mut d = sample();
        d.events[0].related = vec!["no-such-event".into()];
        assert_error(&d, "a-one", "related", "'no-such-event' does not exist");
    }

    #[test]
    fn unknown_actor_points_at_the_canonical_spelling() {
        let mut d = sample();
        d.events[0].actors = vec!["Mehmed Shehu".into()];
        assert_error(&d, "a-one", "actors", "write the canonical 'Mehmet Shehu'");
    }

    #[test]
    fn translations_must_be_of_known_languages_and_fit() {
        let mut d = sample();
        d.events[0].tr.insert(
            "fr".into(),
            EventText {
                disputed: Default::default(),
                title: Some("Un".into()),
                summary: None,
                date_label: None,
            },
        );
        d.events[1].tr.insert(
            "sq".into(),
            EventText {
                disputed: Default::default(),
                title: Some("x".repeat(81)),
                summary: None,
                date_label: None,
            },
        );
        assert_error(&d, "a-one", "tr", "'fr' is not a translation language");
        assert_error(&d, "b-two", "tr.title", "sq title too long");
        d.events[0].tr.clear();
        d.events[1].tr.insert(
            "sq".into(),
            EventText {
                disputed: Default::default(),
                title: Some("Dy".into()),
                summary: None,
                date_label: None,
            },
        );
        assert!(errors_of(&d).is_empty());
        // A translated wording of a date the English does not word.
        d.events[0].tr.insert(
            "ru".into(),
            EventText {
                date_label: Some("начало июня".into()),
                ..Default::default()
            },
        );
        assert_error(&d, "a-one", "tr.date_label", "ru date label without");
        d.events[0].tr.clear();
        d.events[1].tr.get_mut("sq").unwrap().date_label = Some("fund qershori 1960".into());
        let t = Timeline::new(d).unwrap();
        assert_eq!(t.title(1, Lang::Sq), "Dy");
        assert_eq!(t.title(1, Lang::Ru), "Two");
        assert_eq!(t.summary(1, Lang::Sq), "S.");
        // Each language its own wording of the date; none where it has
        // not been translated.
        assert_eq!(t.date_label(1, Lang::En), Some("late June 1960"));
        assert_eq!(t.date_label(1, Lang::Sq), Some("fund qershori 1960"));
        assert_eq!(t.date_label(1, Lang::Ru), None);
        assert_eq!(t.date_label(0, Lang::En), None);
    }

    #[test]
    fn errors_render_with_id_and_field() {
        let mut d = sample();
        d.events[0].date = "1961-13".into();
        let text = d.validate().unwrap_err().to_string();
        assert!(text.contains("event 'a-one', field 'date'"), "{text}");
    }

    #[test]
    fn json_round_trip_hides_working_copies() {
        let d = sample();
        let json = d.to_json();
        assert!(!json.contains("000.txt"), "file names are never published");
        let back = Dataset::from_json(&json).unwrap();
        assert_eq!(back.events, d.events);
        assert!(Dataset::from_json("{\"lanes\": 3}").is_err());
    }

    #[test]
    fn csv_has_a_row_per_event_and_quotes_cells() {
        let mut d = sample();
        d.events[0].title = "Say \"no\", twice".into();
        let csv = d.to_csv();
        assert_eq!(csv.lines().count(), 3);
        assert!(csv.contains("\"Say \"\"no\"\", twice\""), "{csv}");
    }

    fn translated(d: &mut Dataset) {
        let text = |t: &str, e: &Event| EventText {
            title: Some(format!("{t} title")),
            summary: Some(format!("{t} summary")),
            disputed: e.disputed.as_ref().map(|_| format!("{t} dispute")),
            date_label: e.date_label.as_ref().map(|_| format!("{t} date")),
        };
        for l in &mut d.lanes {
            l.tr = [("sq".into(), "L".into()), ("ru".into(), "Л".into())].into();
        }
        for s in &mut d.sources {
            let names = SourceText {
                short: None,
                citation: Some("C".into()),
            };
            s.tr = [("sq".into(), names.clone()), ("ru".into(), names)].into();
        }
        for e in &mut d.events {
            e.tr = [("sq".into(), text("sq", e)), ("ru".into(), text("ru", e))].into();
        }
    }

    #[test]
    fn every_event_must_have_both_translations_unless_pending() {
        let mut d = sample();
        d.events[0].disputed = Some("They differ.".into());
        d.events[0].date_label = Some("late June 1960".into());
        translated(&mut d);
        assert_eq!(d.check_translations(), Ok(()));
        let id0 = d.events[0].id.clone();
        let id1 = d.events[1].id.clone();
        // The sources' wording of a date is translated too.
        d.events[0].tr.get_mut("sq").unwrap().date_label = None;
        let errs = d.check_translations().unwrap_err().0;
        assert!(errs.iter().any(|e| e.item.as_deref() == Some(id0.as_str())
            && e.field == "tr.date_label"
            && e.message.contains("sq date label")));
        translated(&mut d);
        d.events[0].tr.get_mut("ru").unwrap().disputed = None;
        d.events[1].tr.remove("sq");
        let errs = d.check_translations().unwrap_err().0;
        assert!(errs.iter().any(|e| e.item.as_deref() == Some(id0.as_str())
            && e.field == "tr.disputed"
            && e.message.contains("ru")));
        assert!(errs.iter().any(|e| e.item.as_deref() == Some(id1.as_str())
            && e.field == "tr"
            && e.message.contains("sq translation")));
        // A blank title is missing too.
        let blank = EventText {
            title: Some("  ".into()),
            ..d.events[1].tr["ru"].clone()
        };
        d.events[1].tr.insert("sq".into(), blank);
        let errs = d.check_translations().unwrap_err().0;
        assert!(errs.iter().any(|e| e.field == "tr.title"));
        // Marked pending, the event may wait for its translations.
        d.events[1].tr_pending = true;
        d.events[0].tr_pending = true;
        assert_eq!(d.check_translations(), Ok(()));
        d.lanes[0].tr.clear();
        let errs = d.check_translations().unwrap_err().0;
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs.iter().all(|e| e.field == "lanes.tr"));
    }

    #[test]
    fn texts_fall_back_to_english_and_say_so() {
        let mut d = sample();
        d.events[0].disputed = Some("They differ.".into());
        translated(&mut d);
        d.events[1].tr.remove("ru");
        let t = Timeline::new(d).unwrap();
        assert_eq!(t.title(0, Lang::Ru), "ru title");
        assert_eq!(t.disputed(0, Lang::Sq), Some("sq dispute"));
        assert_eq!(t.shown_lang(0, Lang::Ru), Lang::Ru);
        assert_eq!(t.title(1, Lang::Ru), t.data.events[1].title);
        assert_eq!(t.summary(1, Lang::Ru), t.data.events[1].summary);
        assert_eq!(t.shown_lang(1, Lang::Ru), Lang::En);
        assert_eq!(t.shown_lang(1, Lang::En), Lang::En);
        assert!(t.has_texts(Lang::Ru) && t.has_texts(Lang::En));
        // Texts come once: a second pack, or one of the wrong length, is refused.
        assert!(!t.add_texts(Lang::Ru, vec![EventText::default(); t.data.events.len()]));
        assert_eq!(t.title(0, Lang::Ru), "ru title");
        let s = &t.data.sources[0];
        assert_eq!(s.citation_in(Lang::Sq), "C");
        assert_eq!(s.citation_in(Lang::En), s.citation);
        let bare = Timeline::new(sample()).unwrap();
        assert!(!bare.has_texts(Lang::Sq));
        assert!(!bare.add_texts(Lang::Sq, vec![]));
        assert!(bare.add_texts(Lang::Sq, vec![EventText::default(); bare.data.events.len()]));
    }

    #[test]
    fn csv_carries_a_title_and_summary_column_per_language() {
        let mut d = sample();
        translated(&mut d);
        let csv = d.to_csv();
        let header = csv.lines().next().unwrap();
        assert!(
            header.ends_with(",title_sq,summary_sq,title_ru,summary_ru"),
            "{header}"
        );
        let row = csv.lines().nth(1).unwrap();
        assert!(
            row.ends_with(",sq title,sq summary,ru title,ru summary"),
            "{row}"
        );
    }
    #[test]
    fn errors_name_the_kind_of_item_they_are_in() {
        let mut d = sample();
        d.lanes[0].tr.insert("fr".into(), "x".into());
        d.sources[0].citation = " ".into();
        d.actors.push(Actor {
            name: "Mehmed Shehu".into(),
            aliases: vec![],
            tr: Default::default(),
        });
        d.events[0].actors = vec!["Nobody".into()];
        let text = d.validate().unwrap_err().to_string();
        for needle in [
            "lane 'soviet-albanian', field 'lanes.tr'",
            "source 'edemskiy-2019', field 'sources.citation'",
            "actor 'Mehmed Shehu', field 'actors.aliases'",
            "event 'a-one', field 'actors'",
        ] {
            assert!(text.contains(needle), "{needle:?} in:\n{text}");
        }
        let of = |item: Option<&str>, field: &'static str| {
            DataError {
                item: item.map(str::to_string),
                field,
                message: "m".into(),
            }
            .to_string()
        };
        assert_eq!(of(Some("a"), "lanes"), "lane 'a', field 'lanes': m");
        assert_eq!(
            of(Some("s"), "sources.text"),
            "source 's', field 'sources.text': m"
        );
        assert_eq!(
            of(Some("A"), "actors.tr"),
            "actor 'A', field 'actors.tr': m"
        );
        assert_eq!(
            of(Some("e"), "citations.source"),
            "event 'e', field 'citations.source': m"
        );
        assert_eq!(of(Some("e"), "tr"), "event 'e', field 'tr': m");
        // Only the whole first segment counts: a field "lanesx" is an event's.
        assert_eq!(of(Some("e"), "lanesx"), "event 'e', field 'lanesx': m");
        assert_eq!(of(None, "toml"), "field 'toml': m");
    }
}
