//! Search and filters: which events match what a class typed ("Balluku"
//! finds "Baluku", "Mehmed" finds "Mehmet Shehu"), and which the filters
//! keep (an actor, a source, disputed only).

use crate::dataset::Timeline;
use crate::i18n::Key;

/// What the reader asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words to find (all of them, anywhere in an event).
    pub text: String,
    /// Only events with this actor (canonical name).
    pub actor: Option<String>,
    /// Only events citing this source (id).
    pub source: Option<String>,
    /// Only events the sources disagree on.
    pub disputed: bool,
}

impl Query {
    /// Whether any filter is set (search text aside).
    pub fn filters(&self) -> bool {
        self.actor.is_some() || self.source.is_some() || self.disputed
    }

    /// Whether there is anything to search for.
    pub fn searching(&self) -> bool {
        !fold(&self.text).trim().is_empty()
    }
}

/// Lower case without diacritics, for matching: "Greçko" and "grecko",
/// "Ëndërr" and "endërr", "Хрущёв" and "хрущев" meet.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(lower)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ý' | 'ÿ' => 'y',
            // Russian writes ё or е for the same letter ("Хрущёв", "Хрущев").
            'ё' => 'е',
            '’' | '‘' | '`' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect()
}

/// `c` in lower case, for the scripts of the dataset and its readers:
/// Latin (Basic, Latin-1, Extended-A), Greek and Cyrillic; any other
/// character is left as it is. (`char::to_lowercase` covers all of Unicode
/// with tables that would weigh more in the browser than all the rest of
/// search.)
pub fn lower(c: char) -> char {
    let n = c as u32;
    let to = match n {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde | 0x391..=0x3a1 | 0x3a3..=0x3ab | 0x410..=0x42f => {
            n + 32
        }
        0x400..=0x40f => n + 80,
        0x130 => 'i' as u32,
        0x178 => 0xff,
        0x4c0 => 0x4cf,
        // Pairs, capital first at an even code point.
        0x100..=0x12f
        | 0x132..=0x137
        | 0x14a..=0x177
        | 0x460..=0x481
        | 0x48a..=0x4bf
        | 0x4d0..=0x52f
            if n.is_multiple_of(2) =>
        {
            n + 1
        }
        // Pairs, capital first at an odd code point.
        0x139..=0x148 | 0x179..=0x17e | 0x4c1..=0x4ce if !n.is_multiple_of(2) => n + 1,
        _ => n,
    };
    char::from_u32(to).unwrap_or(c)
}

/// The searchable text of each event, folded once: title, summary, date
/// label, dispute, actors, citations.
#[derive(Clone, Debug)]
pub struct Index {
    texts: Vec<String>,
    /// For each actor: every spelling, folded (canonical first).
    spellings: Vec<Vec<String>>,
    /// Canonical actor names of each event, as indices into `spellings`.
    actors_of: Vec<Vec<usize>>,
}

impl Index {
    pub fn new(t: &Timeline) -> Index {
        let spellings: Vec<Vec<String>> = t
            .data
            .actors
            .iter()
            .map(|a| {
                let mut names: Vec<String> = std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .chain(a.tr.values())
                    .map(|s| fold(s))
                    .collect();
                // A surname alone names the person too ("Grechko", "Shehu").
                for n in names.clone() {
                    if let Some(last) = n.split_whitespace().last().filter(|w| w.len() >= 4) {
                        if n.contains(' ') && !names.iter().any(|x| x == last) {
                            names.push(last.to_string());
                        }
                    }
                }
                names
            })
            .collect();
        let texts = t
            .data
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let mut s = String::new();
                // Every known language's texts: a class finds "Ходжа" or
                // "Hrushovi" too.
                let parts = t
                    .all_texts(i)
                    .chain(e.actors.iter().map(String::as_str))
                    .chain((0..e.citations.len()).flat_map(|j| {
                        let (locator, quote) = t.passage(i, j);
                        [quote, locator]
                    }));
                for part in parts {
                    s.push_str(part);
                    s.push('\n');
                }
                fold(&s)
            })
            .collect();
        let actors_of = t
            .data
            .events
            .iter()
            .map(|e| {
                e.actors
                    .iter()
                    .filter_map(|name| t.data.actors.iter().position(|a| &a.name == name))
                    .collect()
            })
            .collect();
        Index {
            texts,
            spellings,
            actors_of,
        }
    }

    /// Actors one query word names: those with a spelling containing it as a word.
    fn actors_named(&self, word: &str) -> Vec<usize> {
        self.spellings
            .iter()
            .enumerate()
            .filter(|(_, names)| {
                names.iter().any(|n| {
                    n.split(|c: char| !c.is_alphanumeric())
                        .any(|part| part == word)
                })
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether event `i` matches every word of the text.
    fn matches_text(&self, i: usize, words: &[(String, Vec<usize>)]) -> bool {
        words.iter().all(|(word, actors)| {
            self.texts[i].contains(word.as_str())
                || actors.iter().any(|&a| {
                    self.actors_of[i].contains(&a)
                        || self.spellings[a]
                            .iter()
                            .any(|s| self.texts[i].contains(s.as_str()))
                })
        })
    }

    /// For each event: kept by the filters, and matched by the search text
    /// (every event matches an empty text).
    pub fn run(&self, t: &Timeline, q: &Query) -> Vec<(bool, bool)> {
        let words: Vec<(String, Vec<usize>)> = fold(&q.text)
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| !w.is_empty())
            .map(|w| {
                let actors = self.actors_named(&w);
                (w, actors)
            })
            .collect();
        t.data
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let kept = q.actor.as_ref().is_none_or(|a| e.actors.contains(a))
                    && q.source
                        .as_ref()
                        .is_none_or(|s| e.citations.iter().any(|c| &c.source == s))
                    && (!q.disputed || e.disputed.is_some());
                (kept, self.matches_text(i, &words))
            })
            .collect()
    }
}

/// The events the filters keep and (while searching) the search matches, in
/// date order: what the result count counts and Enter steps through.
/// `results` is [`Index::run`]'s answer.
pub fn hits(t: &Timeline, results: &[(bool, bool)], searching: bool) -> Vec<usize> {
    t.by_start
        .iter()
        .copied()
        .filter(|&i| results[i].0 && (!searching || results[i].1))
        .collect()
}

/// [`hits`] whose dates intersect the window `[start, end)`: the list view
/// and the printed chronology.
pub fn hits_in_window(
    t: &Timeline,
    results: &[(bool, bool)],
    searching: bool,
    start: f64,
    end: f64,
) -> Vec<usize> {
    t.in_window(start, end)
        .filter(|&i| results[i].0 && (!searching || results[i].1))
        .collect()
}

/// The result to step to from the selected event (`selected`), forward or
/// back, wrapping around. With no selected result it starts from the middle
/// of the window, `mid`: the first result at or after it (or the last one
/// before it, going back). `middle(i)` is the middle day of event `i`.
pub fn step(
    hits: &[usize],
    selected: Option<usize>,
    mid: f64,
    middle: impl Fn(usize) -> f64,
    forward: bool,
) -> Option<usize> {
    let n = hits.len();
    if n == 0 {
        return None;
    }
    let next = match selected.and_then(|s| hits.iter().position(|&h| h == s)) {
        Some(p) if forward => (p + 1) % n,
        Some(p) => (p + n - 1) % n,
        None => {
            let after = hits.iter().position(|&h| middle(h) >= mid);
            match (after, forward) {
                (Some(a), true) => a,
                (None, true) => 0,
                (Some(a), false) => (a + n - 1) % n,
                (None, false) => n - 1,
            }
        }
    };
    Some(hits[next])
}

/// The result count beside the search box: "No events", "1 event", "3 of
/// 12" (the selected result's place) or "12 events".
pub fn count_text(hits: usize, position: Option<usize>, lang: crate::i18n::Lang) -> String {
    use crate::format::count;
    use crate::i18n::{t, tf};
    match (hits, position) {
        (0, _) => t(lang, Key::NoEvents).to_string(),
        (1, _) => t(lang, Key::OneEvent).to_string(),
        (n, Some(p)) => tf(
            lang,
            Key::NthOf,
            &[("i", &count(p + 1, lang)), ("n", &count(n, lang))],
        ),
        (n, None) => tf(lang, Key::NEvents, &[("n", &count(n, lang))]),
    }
}

/// The count as a phone's search field shows it, in the field's end where
/// the full [`count_text`] has no room: "12", "3/12" (the selected
/// result's place), "0". Screen readers hear the full text.
pub fn count_short(hits: usize, position: Option<usize>, lang: crate::i18n::Lang) -> String {
    use crate::format::count;
    match position {
        Some(p) if hits > 1 => format!("{}/{}", count(p + 1, lang), count(hits, lang)),
        _ => count(hits, lang),
    }
}

/// An actor in the filter menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorCount {
    /// The canonical name: the filter's value.
    pub name: String,
    /// The name in the interface language: what the menu shows.
    pub label: String,
    /// How many events name the actor.
    pub events: usize,
}

/// Each actor with events, and how many, named in `lang` and sorted by
/// that name: the actor filter's menu.
pub fn actor_counts(t: &Timeline, lang: crate::i18n::Lang) -> Vec<ActorCount> {
    let counts: Vec<ActorCount> = t
        .data
        .actors
        .iter()
        .map(|a| ActorCount {
            name: a.name.clone(),
            label: a.name_in(lang).to_string(),
            events: t
                .data
                .events
                .iter()
                .filter(|e| e.actors.contains(&a.name))
                .count(),
        })
        .filter(|a| a.events > 0)
        .collect();
    // Each name folded once, not once per comparison.
    let keys: Vec<String> = counts.iter().map(|a| fold(&a.label)).collect();
    crate::order::sorted(counts, &|a, b| keys[a].cmp(&keys[b]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Actor, Citation, Dataset, Event, Lane, Source};

    fn timeline() -> Timeline {
        let ev = |id: &str, actors: &[&str], quote: &str, source: &str, disputed: bool| Event {
            tr_pending: false,
            id: id.into(),
            lane: "a".into(),
            date: "1961".into(),
            date_label: None,
            title: format!("Event {id}"),
            summary: "Something happened.".into(),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            citations: vec![Citation {
                source: source.into(),
                locator: "n. 1".into(),
                quote: quote.into(),
            }],
            disputed: disputed.then(|| "They differ.".into()),
            related: vec![],
            tr: Default::default(),
        };
        Timeline::new(Dataset {
            lanes: vec![Lane {
                id: "a".into(),
                label: "A".into(),
                tr: Default::default(),
            }],
            sources: ["s1", "s2"]
                .iter()
                .map(|id| Source {
                    tr: Default::default(),
                    id: id.to_string(),
                    citation: id.to_string(),
                    short: String::new(),
                    text: None,
                })
                .collect(),
            actors: vec![
                Actor {
                    tr: Default::default(),
                    name: "Beqir Balluku".into(),
                    aliases: vec!["Baluku".into(), "Balluku".into()],
                },
                Actor {
                    tr: Default::default(),
                    name: "Mehmet Shehu".into(),
                    aliases: vec!["Mehmed Shehu".into(), "Shehu".into()],
                },
                Actor {
                    tr: Default::default(),
                    name: "Andrei Grechko".into(),
                    aliases: vec!["Greçko".into()],
                },
            ],
            events: vec![
                ev("one", &["Beqir Balluku"], "letters to Grechko", "s1", false),
                ev("two", &[], "a letter from Baluku arrived", "s2", true),
                ev(
                    "three",
                    &["Mehmet Shehu"],
                    "the prime minister wrote",
                    "s1",
                    false,
                ),
                ev("four", &[], "Mehmed Shehu’s letter of 8 May", "s2", false),
                ev("five", &[], "nothing of note", "s1", false),
            ],
        })
        .unwrap()
    }

    fn found<'a>(t: &'a Timeline, q: &Query) -> Vec<&'a str> {
        let idx = Index::new(t);
        idx.run(t, q)
            .iter()
            .enumerate()
            .filter(|(_, (kept, hit))| *kept && *hit)
            .map(|(i, _)| t.data.events[i].id.as_str())
            .collect()
    }

    fn text(s: &str) -> Query {
        Query {
            text: s.into(),
            ..Query::default()
        }
    }

    #[test]
    fn spelling_variants_find_each_other() {
        let t = timeline();
        assert_eq!(found(&t, &text("Balluku")), vec!["one", "two"]);
        assert_eq!(found(&t, &text("baluku")), vec!["one", "two"]);
        assert_eq!(found(&t, &text("Mehmed")), vec!["three", "four"]);
        assert_eq!(found(&t, &text("Mehmet Shehu")), vec!["three", "four"]);
        assert_eq!(found(&t, &text("grecko")), vec!["one"], "diacritics fold");
    }

    #[test]
    fn a_packed_timeline_searches_its_passages_once_they_arrive() {
        let full = timeline();
        let bytes = crate::pack::encode(&full.data, &full.when);
        let (data, when) = crate::pack::decode(&bytes).expect("decodes");
        let lean = Timeline::prepared(data, when);
        // Titles and people are there from the start; summaries and
        // quotes come with the details.
        assert_eq!(found(&lean, &text("Event four")), vec!["four"]);
        assert_eq!(found(&lean, &text("letter")), Vec::<&str>::new());
        assert_eq!(found(&lean, &text("happened")), Vec::<&str>::new());
        let pack = crate::pack::details(&full.data);
        let details = crate::pack::parse_details(&pack, lean.data.events.len()).unwrap();
        assert!(lean.add_details(details));
        assert_eq!(found(&lean, &text("letter")), found(&full, &text("letter")));
        assert_eq!(found(&lean, &text("happened")).len(), 5);
    }

    #[test]
    fn every_word_must_match() {
        let t = timeline();
        assert_eq!(found(&t, &text("letter Shehu")), vec!["four"]);
        assert_eq!(found(&t, &text("zzz")), Vec::<&str>::new());
        assert_eq!(
            found(&t, &text("  ")).len(),
            5,
            "no text matches everything"
        );
        assert_eq!(found(&t, &text("Shehu’s letter")), vec!["four"]);
    }

    #[test]
    fn filters_keep_by_actor_source_and_dispute() {
        let t = timeline();
        let q = Query {
            actor: Some("Mehmet Shehu".into()),
            ..Query::default()
        };
        assert_eq!(found(&t, &q), vec!["three"]);
        let q = Query {
            source: Some("s2".into()),
            ..Query::default()
        };
        assert_eq!(found(&t, &q), vec!["two", "four"]);
        let q = Query {
            disputed: true,
            text: "letter".into(),
            ..Query::default()
        };
        assert_eq!(found(&t, &q), vec!["two"]);
        assert!(q.filters() && q.searching());
    }

    #[test]
    fn lower_case_agrees_with_unicode_for_latin_greek_and_cyrillic() {
        let ranges = [0..0x250u32, 0x370..0x400, 0x400..0x530];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut std = c.to_lowercase();
            let (one, more) = (std.next().unwrap(), std.next());
            // İ lowers to i and a combining dot: search wants the i.
            let expected = if more.is_some() { 'i' } else { one };
            // Latin Extended-B and the Greek with accents are left alone.
            let n = c as u32;
            let covered = n < 0x180 || (0x391..0x3ac).contains(&n) || n >= 0x400;
            if covered {
                assert_eq!(lower(c), expected, "{c} U+{:04X}", c as u32);
            } else {
                assert!(lower(c) == c || lower(c) == expected, "{c}");
            }
        }
        assert_eq!(lower('€'), '€');
        assert_eq!(lower('中'), '中');
    }

    #[test]
    fn folding() {
        assert_eq!(
            fold("Greçko ËNDËRR – “x”"),
            "grecko endërr - \"x\"".replace('ë', "e")
        );
    }

    #[test]
    fn stepping_wraps_around_the_results() {
        let hits = [3, 7, 9];
        let mid = |i: usize| i as f64;
        assert_eq!(step(&hits, Some(7), 0.0, mid, true), Some(9));
        assert_eq!(step(&hits, Some(9), 0.0, mid, true), Some(3));
        assert_eq!(step(&hits, Some(3), 0.0, mid, false), Some(9));
        assert_eq!(step(&hits, Some(7), 0.0, mid, false), Some(3));
        assert_eq!(step(&[], Some(7), 0.0, mid, true), None);
        assert_eq!(step(&[5], Some(5), 0.0, mid, true), Some(5));
    }

    #[test]
    fn stepping_without_a_selection_starts_from_the_window() {
        let hits = [3, 7, 9];
        let mid = |i: usize| i as f64;
        // The first result at or after the middle, or the one before it.
        assert_eq!(step(&hits, None, 7.0, mid, true), Some(7));
        assert_eq!(step(&hits, None, 7.0, mid, false), Some(3));
        assert_eq!(step(&hits, None, 5.0, mid, true), Some(7));
        // Past every result: forward wraps to the first, back takes the last.
        assert_eq!(step(&hits, None, 50.0, mid, true), Some(3));
        assert_eq!(step(&hits, None, 50.0, mid, false), Some(9));
        // Before every result.
        assert_eq!(step(&hits, None, 0.0, mid, false), Some(9));
        // A selection that is not a result counts as none.
        assert_eq!(step(&hits, Some(4), 8.0, mid, true), Some(9));
    }

    #[test]
    fn hits_are_kept_and_matching_in_date_order() {
        let t = timeline();
        let idx = Index::new(&t);
        let q = Query {
            text: "letter".into(),
            ..Query::default()
        };
        let r = idx.run(&t, &q);
        let ids = |v: Vec<usize>| {
            v.into_iter()
                .map(|i| t.data.events[i].id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(hits(&t, &r, true)), ["one", "two", "four"]);
        // Not searching: every kept event.
        assert_eq!(hits(&t, &r, false).len(), 5);
        let (a, b) = (t.when[0].start() as f64, t.when[0].end() as f64);
        assert_eq!(
            ids(hits_in_window(&t, &r, true, a, b)),
            ["one", "two", "four"]
        );
        assert!(hits_in_window(&t, &r, true, b, b + 10.0).is_empty());
    }

    #[test]
    fn the_count_says_where_the_reader_is() {
        use crate::i18n::Lang;
        assert_eq!(count_text(0, None, Lang::En), "No events");
        assert_eq!(count_text(1, Some(0), Lang::En), "1 event");
        assert_eq!(count_text(12, Some(2), Lang::En), "3 of 12");
        assert_eq!(count_text(12, None, Lang::En), "12 events");
        assert_eq!(count_short(12, Some(2), Lang::En), "3/12");
        assert_eq!(count_short(12, None, Lang::Ru), "12");
        assert_eq!(count_short(1, Some(0), Lang::En), "1");
        assert_eq!(count_short(0, None, Lang::Sq), "0");
        assert_eq!(count_short(1200, Some(999), Lang::En), "1,000/1,200");
    }

    #[test]
    fn actor_counts_list_only_actors_with_events_by_name() {
        let mut t = timeline();
        let names = |t: &Timeline, lang| {
            actor_counts(t, lang)
                .into_iter()
                .map(|a| (a.name, a.label, a.events))
                .collect::<Vec<_>>()
        };
        let en = names(&t, crate::i18n::Lang::En);
        assert_eq!(en.len(), 2);
        assert_eq!(en[0], ("Beqir Balluku".into(), "Beqir Balluku".into(), 1));
        assert_eq!(en[1], ("Mehmet Shehu".into(), "Mehmet Shehu".into(), 1));
        // In Russian: the Russian names, sorted as such.
        t.data.actors[0].tr = [("ru".to_string(), "Я Баллуку".to_string())].into();
        t.data.actors[1].tr = [("ru".to_string(), "Мехмет Шеху".to_string())].into();
        let ru = names(&t, crate::i18n::Lang::Ru);
        assert_eq!(ru[0], ("Mehmet Shehu".into(), "Мехмет Шеху".into(), 1));
        assert_eq!(ru[1].1, "Я Баллуку");
    }

    #[test]
    fn names_and_texts_are_found_in_every_language_and_script() {
        let mut t = timeline();
        t.data.actors[1].tr = [("ru".to_string(), "Мехмет Шеху".to_string())].into();
        let texts = |title: &str, summary: &str| crate::dataset::EventText {
            title: Some(title.into()),
            summary: Some(summary.into()),
            disputed: None,
            date_label: None,
        };
        let pack = |five: crate::dataset::EventText| {
            let mut all = vec![crate::dataset::EventText::default(); 5];
            all[4] = five;
            all
        };
        use crate::i18n::Lang;
        assert!(t.add_texts(
            Lang::Sq,
            pack(texts("Hrushovi flet", "Hrushovi kundër Hoxhës"))
        ));
        // Before the Russian texts arrive, Russian words find nothing.
        assert!(found(&t, &text("Хрущёв")).is_empty());
        assert!(t.add_texts(Lang::Ru, pack(texts("Хрущёв говорит", "Речь Хрущёва"))));
        // By the actor's name in Cyrillic: the events with Mehmet Shehu,
        // and the one whose quote names him in another spelling.
        assert_eq!(found(&t, &text("Шеху")), ["three", "four"]);
        // Translated texts, with or without ё.
        assert_eq!(found(&t, &text("Хрущёв")), ["five"]);
        assert_eq!(found(&t, &text("хрущев")), ["five"]);
        assert_eq!(found(&t, &text("Hrushov")), ["five"]);
        assert_eq!(fold("Ёлка"), "елка");
    }
}
