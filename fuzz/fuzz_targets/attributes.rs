//! A script embed's `data-*` attributes: any names, any values.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rift_core::embed;

/// The attribute names the embed reads, and anything else.
#[derive(Arbitrary, Debug)]
enum Name {
    Known(u8),
    Other(String),
}

const KNOWN: [&str; 8] = [
    "data-date",
    "data-span",
    "data-event",
    "data-lanes",
    "data-lang",
    "data-theme",
    "data-height",
    "data-q",
];

impl Name {
    fn text(&self) -> String {
        match self {
            Name::Known(k) => KNOWN[*k as usize % KNOWN.len()].to_string(),
            Name::Other(s) => s.clone(),
        }
    }
}

fuzz_target!(|pairs: Vec<(Name, String)>| {
    // The element's attributes: a later one of the same name wins, as in
    // the DOM (which keeps one).
    let pairs: Vec<(String, String)> = pairs.into_iter().map(|(k, v)| (k.text(), v)).collect();
    let get = |name: &str| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let a = embed::attributes(get);
    assert!(embed::HEIGHTS.contains(&a.height), "{}", a.height);
    assert!(matches!(a.theme, None | Some("light") | Some("dark")));
    for (_, v) in &pairs {
        assert!(embed::HEIGHTS.contains(&embed::height(Some(v))));
    }
    rift_fuzz::check(&a.fragment);
});
