//! The printed chronology: what it covers, and its citations as numbered
//! notes, the way a history book gives them (a source in full at its first
//! note, short after that).

use crate::dataset::{fold_space, Source, Timeline};
use crate::i18n::Key;
use crate::i18n::{t, tf, Lang};
use crate::search::Query;
use std::ops::RangeInclusive;

/// The chronology's notes, and the note numbers of each entry.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notes {
    /// Note texts, note 1 first.
    pub texts: Vec<String>,
    /// For each entry, in order: the numbers of its notes (1-based).
    pub refs: Vec<RangeInclusive<usize>>,
}

/// How a note names a source: in full the first time, by its short name
/// after that (in full always, where it has no short name).
/// `seen` holds the sources named so far (a handful: a list is enough).
fn cite<'a>(source: &'a Source, seen: &mut Vec<&'a str>, lang: Lang) -> String {
    let first = !seen.contains(&source.id.as_str());
    if first {
        seen.push(&source.id);
    }
    if first || source.short.is_empty() {
        source.citation_in(lang).trim_end_matches('.').to_string()
    } else {
        source.short_in(lang).to_string()
    }
}

/// Numbers the citations of `entries` (event indices, in print order) as
/// notes: "Source, locator: “quote”", the source named in `lang`.
pub fn notes(t: &Timeline, entries: &[usize], lang: Lang) -> Notes {
    let mut out = Notes::default();
    let mut seen = Vec::new();
    for &i in entries {
        let first = out.texts.len() + 1;
        for (j, c) in t.data.events[i].citations.iter().enumerate() {
            let name = t
                .source(&c.source)
                .map(|s| cite(s, &mut seen, lang))
                .unwrap_or_else(|| c.source.clone());
            let (locator, quote) = t.passage(i, j);
            out.texts.push(format!(
                "{name}, {locator}: \u{201c}{}\u{201d}",
                fold_space(quote)
            ));
        }
        out.refs.push(first..=out.texts.len());
    }
    out
}

/// What the chronology covers, for its heading: the window, then the
/// search and each filter in words.
pub fn scope(data: &Timeline, window: String, q: &Query, lang: Lang) -> Vec<String> {
    let mut scope = vec![window];
    if q.searching() {
        scope.push(tf(lang, Key::PrintMatching, &[("q", q.text.trim())]));
    }
    if let Some(a) = &q.actor {
        let actor = data.data.actors.iter().find(|x| &x.name == a);
        let name = actor.map_or(a.as_str(), |x| x.name_in(lang));
        scope.push(tf(lang, Key::PrintInvolving, &[("actor", name)]));
    }
    if let Some(s) = q.source.as_ref().and_then(|s| data.source(s)) {
        scope.push(tf(
            lang,
            Key::PrintCitedFrom,
            &[("source", s.short_in(lang))],
        ));
    }
    if q.disputed {
        scope.push(t(lang, Key::PrintDisputed).to_string());
    }
    scope
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Citation, Dataset};
    use crate::fixtures::{event, lane};

    fn timeline() -> Timeline {
        let cite = |source: &str, n: u32| Citation {
            source: source.into(),
            locator: format!("n. {n}"),
            quote: format!("quote  {n}\nwrapped"),
        };
        let mut a = event("a", "l", "1960");
        a.citations = vec![cite("e", 1), cite("d", 2)];
        let mut b = event("b", "l", "1961");
        b.citations = vec![cite("e", 3)];
        let mut c = event("c", "l", "1962");
        c.citations = vec![cite("n", 4)];
        let source = |id: &str, short: &str| Source {
            tr: Default::default(),
            id: id.into(),
            citation: format!("Full citation of {id}."),
            short: short.into(),
            text: None,
        };
        Timeline::new(Dataset {
            lanes: vec![lane("l")],
            sources: vec![
                source("e", "Edemskiy"),
                source("d", "Paper"),
                source("n", ""),
            ],
            actors: vec![],
            events: vec![a, b, c],
        })
        .unwrap()
    }

    #[test]
    fn notes_are_numbered_in_print_order() {
        let t = timeline();
        let n = notes(&t, &[0, 1, 2], Lang::En);
        assert_eq!(n.texts.len(), 4);
        assert_eq!(n.refs, [1..=2, 3..=3, 4..=4]);
        assert_eq!(
            n.texts[0],
            "Full citation of e, n. 1: \u{201c}quote 1 wrapped\u{201d}"
        );
    }

    #[test]
    fn a_source_is_given_in_full_once_then_short() {
        let t = timeline();
        let n = notes(&t, &[0, 1, 2], Lang::En);
        assert!(n.texts[1].starts_with("Full citation of d, n. 2"));
        assert!(n.texts[2].starts_with("Edemskiy, n. 3"));
        // A source without a short name is always given in full.
        let again = notes(&t, &[2, 2], Lang::En);
        assert!(again
            .texts
            .iter()
            .all(|s| s.starts_with("Full citation of n")));
    }

    #[test]
    fn the_order_decides_which_note_is_in_full() {
        let t = timeline();
        let n = notes(&t, &[1, 0], Lang::En);
        assert!(n.texts[0].starts_with("Full citation of e, n. 3"));
        assert!(n.texts[1].starts_with("Edemskiy, n. 1"));
        assert_eq!(n.refs, [1..=1, 2..=3]);
        assert_eq!(notes(&t, &[], Lang::En), Notes::default());
    }

    #[test]
    fn the_scope_names_the_window_search_and_filters() {
        let t = timeline();
        let q = Query {
            text: " Vlora ".into(),
            actor: Some("Enver Hoxha".into()),
            source: Some("e".into()),
            disputed: true,
        };
        let s = scope(&t, "June 1961".into(), &q, Lang::En);
        assert_eq!(s.len(), 5);
        assert_eq!(s[0], "June 1961");
        assert!(s[1].contains("Vlora") && !s[1].contains(" Vlora "));
        assert!(s[2].contains("Enver Hoxha"));
        assert!(s[3].contains("Edemskiy"));
        assert_eq!(
            scope(&t, "1960".into(), &Query::default(), Lang::En),
            ["1960"]
        );
    }
}
