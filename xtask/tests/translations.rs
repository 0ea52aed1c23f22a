//! The Albanian and Russian texts of the dataset: complete, in the right
//! script, and consistent with the glossaries in data/glossary/.

use rift_core::dataset::{fold_space, Dataset, Event};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Glossary {
    terms: Vec<Term>,
}

/// A name or term and how one language writes it.
#[derive(Deserialize)]
struct Term {
    /// English forms: the term applies where one occurs as a whole word.
    en: Vec<String>,
    /// One of these must occur in the translation (stems, any case).
    forms: Vec<String>,
    /// Spellings no translation may use.
    #[serde(default)]
    avoid: Vec<String>,
    /// The canonical actor this term names, and its name in the language.
    actor: Option<String>,
    name: Option<String>,
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn dataset() -> Dataset {
    xtask::load(&root().join("data/events.toml")).expect("the dataset loads")
}

fn glossary(lang: &str) -> Glossary {
    let path = root().join(format!("data/glossary/{lang}.toml"));
    let text = std::fs::read_to_string(&path).expect("a glossary per language");
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An event's own texts in one language (English for "en"), one line.
fn texts(e: &Event, lang: &str) -> String {
    let parts: Vec<&str> = if lang == "en" {
        [Some(&e.title), Some(&e.summary), e.disputed.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    } else {
        let t = &e.tr[lang];
        [&t.title, &t.summary, &t.disputed]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect()
    };
    fold_space(&parts.join(" "))
}

/// Whether `word` occurs in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn every_event_is_complete_in_albanian_and_russian() {
    let d = dataset();
    assert_eq!(d.check_translations(), Ok(()));
    let pending: Vec<&str> = d
        .events
        .iter()
        .filter(|e| e.tr_pending)
        .map(|e| e.id.as_str())
        .collect();
    assert!(
        pending.is_empty(),
        "events still waiting for translations: {pending:?}"
    );
}

#[test]
fn translations_follow_their_glossary() {
    let d = dataset();
    let mut problems = Vec::new();
    for lang in ["sq", "ru"] {
        let g = glossary(lang);
        for e in &d.events {
            let (en, tr) = (texts(e, "en"), texts(e, lang));
            let lower = tr.to_lowercase();
            for term in &g.terms {
                if term.en.iter().any(|w| has_word(&en, w))
                    && !term.forms.iter().any(|f| lower.contains(&f.to_lowercase()))
                {
                    problems.push(format!(
                        "{} ({lang}): {:?} without {:?}",
                        e.id, term.en, term.forms
                    ));
                }
                for bad in term.avoid.iter().filter(|b| tr.contains(b.as_str())) {
                    problems.push(format!("{} ({lang}): uses {bad:?}", e.id));
                }
            }
        }
        // Actor filters show the glossary's name.
        for term in &g.terms {
            if let (Some(actor), Some(name)) = (&term.actor, &term.name) {
                match d.actors.iter().find(|a| &a.name == actor) {
                    Some(a) if a.tr.get(lang) == Some(name) => {}
                    Some(a) => problems.push(format!(
                        "actor {actor} ({lang}): {:?} in the data, {name:?} in the glossary",
                        a.tr.get(lang)
                    )),
                    None => problems.push(format!("glossary actor {actor} is not in the data")),
                }
            }
        }
        for a in &d.actors {
            if !g.terms.iter().any(|t| t.actor.as_ref() == Some(&a.name)) {
                problems.push(format!("actor {} has no {lang} glossary term", a.name));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Share of the letters of `s` that are Cyrillic.
fn cyrillic_share(s: &str) -> f64 {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let cyr = letters
        .iter()
        .filter(|c| ('\u{400}'..='\u{4ff}').contains(*c))
        .count();
    cyr as f64 / letters.len().max(1) as f64
}

#[test]
fn texts_are_in_the_right_script_and_language() {
    let d = dataset();
    for e in &d.events {
        let (en, sq, ru) = (texts(e, "en"), texts(e, "sq"), texts(e, "ru"));
        // Russian: Cyrillic, names of Latin-script sources aside.
        assert!(
            cyrillic_share(&ru) > 0.85,
            "{}: ru is {:.0}% Cyrillic",
            e.id,
            cyrillic_share(&ru) * 100.0
        );
        // Albanian: Latin script with its own letters, not the English.
        assert_eq!(cyrillic_share(&sq), 0.0, "{}: Cyrillic in sq", e.id);
        assert!(
            sq.contains(['ë', 'ç', 'Ë', 'Ç']),
            "{}: sq has neither ë nor ç: {sq}",
            e.id
        );
        assert_ne!(sq, en, "{}", e.id);
        // Albanian articles and conjunctions, not English ones.
        let words = |s: &str, list: &[&str]| {
            s.split(|c: char| !c.is_alphabetic())
                .filter(|w| list.contains(w))
                .count()
        };
        assert!(
            words(&sq, &["the", "and", "of"]) <= 1,
            "{}: English words in sq: {sq}",
            e.id
        );
        assert!(
            words(&sq, &["dhe", "të", "e", "në", "i", "së"]) > 0,
            "{}: no Albanian function words: {sq}",
            e.id
        );
    }
    for l in &d.lanes {
        assert!(cyrillic_share(&l.tr["ru"]) > 0.85, "lane {}", l.id);
    }
}

#[test]
fn the_glossaries_have_the_established_names() {
    let name_of = |lang: &str, actor: &str| {
        glossary(lang)
            .terms
            .into_iter()
            .find(|t| t.actor.as_deref() == Some(actor))
            .and_then(|t| t.name)
    };
    assert_eq!(
        name_of("ru", "Nikita Khrushchev").as_deref(),
        Some("Никита Хрущёв")
    );
    assert_eq!(name_of("ru", "Enver Hoxha").as_deref(), Some("Энвер Ходжа"));
    assert_eq!(name_of("sq", "Enver Hoxha").as_deref(), Some("Enver Hoxha"));
    assert!(name_of("sq", "Nikita Khrushchev").is_some_and(|n| n.contains("Hrushov")));
}
