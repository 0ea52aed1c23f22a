//! The dataset against its sources, and the validator against broken data.

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn sources() -> PathBuf {
    let dir = xtask::sources_dir();
    assert!(
        dir.join("README.md").exists(),
        "the working copies of the sources are expected at {} (../shared/sources)",
        dir.display()
    );
    dir
}

#[test]
fn every_quote_in_the_dataset_is_verbatim_in_its_source() {
    let data =
        xtask::load(&xtask::repo_root().join("data/events.toml")).expect("the dataset validates");
    assert!(data.events.len() >= 100, "{} events", data.events.len());
    if let Err(e) = xtask::check_quotes(&data, &sources()) {
        panic!("{e}");
    }
}

#[test]
fn the_valid_fixture_passes_both_checks() {
    let data = xtask::load(&fixture("base.toml")).expect("base fixture validates");
    xtask::check_quotes(&data, &sources()).expect("base fixture quotes are verbatim");
}

/// Loads base.toml with one textual change; returns the error text.
fn broken(find: &str, replace: &str) -> String {
    broken_at(find, replace).1
}

/// Like [`broken`], also returning the path of the broken copy it loaded.
fn broken_at(find: &str, replace: &str) -> (PathBuf, String) {
    let base = std::fs::read_to_string(fixture("base.toml")).unwrap();
    assert!(base.contains(find), "fixture edit not applicable: {find}");
    let text = base.replacen(find, replace, 1);
    let dir = std::env::temp_dir().join(format!("rift-fixture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{:x}.toml", text.len() * 31 + find.len()));
    std::fs::write(&path, text).unwrap();
    let out = xtask::load(&path);
    let _ = std::fs::remove_file(&path);
    (path, out.expect_err("the broken fixture must not validate"))
}

fn assert_names(err: &str, id: &str, field: &str, what: &str) {
    let needle = format!("event '{id}', field '{field}'");
    assert!(err.contains(&needle), "expected {needle:?} in:\n{err}");
    assert!(err.contains(what), "expected {what:?} in:\n{err}");
}

#[test]
fn duplicate_id_is_an_error() {
    let err = broken(
        "id = \"other-event\"",
        "id = \"khrushchev-visits-albania-1959\"",
    );
    assert_names(&err, "khrushchev-visits-albania-1959", "id", "duplicate id");
}

#[test]
fn unknown_lane_is_an_error() {
    let err = broken(
        "lane = \"soviet-albanian\"\ndate = \"1960\"",
        "lane = \"sino-soviet\"\ndate = \"1960\"",
    );
    assert_names(&err, "other-event", "lane", "unknown lane 'sino-soviet'");
}

#[test]
fn unknown_source_is_an_error() {
    let err = broken(
        "source = \"edemskiy-2019\"\nlocator = \"abstract\"",
        "source = \"hoxha-1980\"\nlocator = \"abstract\"",
    );
    assert_names(
        &err,
        "other-event",
        "citations.source",
        "unknown source 'hoxha-1980'",
    );
}

#[test]
fn invalid_edtf_is_an_error() {
    let err = broken("date = \"1959-05\"", "date = \"May 1959\"");
    assert_names(
        &err,
        "khrushchev-visits-albania-1959",
        "date",
        "invalid EDTF",
    );
}

#[test]
fn no_citation_is_an_error() {
    let base = std::fs::read_to_string(fixture("base.toml")).unwrap();
    let cut = base.rfind("[[events.citations]]").unwrap();
    let dir = std::env::temp_dir().join(format!("rift-fixture-nocite-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("nocite.toml");
    std::fs::write(&path, &base[..cut]).unwrap();
    let err = xtask::load(&path).expect_err("an event without citations must not validate");
    assert_names(&err, "other-event", "citations", "no citation");
}

#[test]
fn empty_quote_is_an_error() {
    let err = broken(
        "quote = \"By the end of 1961, within less than two years, relations between the Soviet Union and Albania sank to their lowest.\"",
        "quote = \"   \"",
    );
    assert_names(&err, "other-event", "citations.quote", "empty quote");
}

#[test]
fn title_too_long_is_an_error() {
    let err = broken(
        "title = \"Another event\"",
        &format!("title = \"{}\"", "A".repeat(81)),
    );
    assert_names(&err, "other-event", "title", "title too long (81 > 80");
}

#[test]
fn related_id_that_does_not_exist_is_an_error() {
    let err = broken(
        "related = [\"other-event\"]",
        "related = [\"no-such-event\"]",
    );
    assert_names(
        &err,
        "khrushchev-visits-albania-1959",
        "related",
        "'no-such-event' does not exist",
    );
}

#[test]
fn a_quote_not_in_its_source_fails_the_check() {
    let base = std::fs::read_to_string(fixture("base.toml")).unwrap();
    let text = base.replace("sank to their lowest", "sank to their lowest point");
    let data = rift_core::dataset::Dataset::from_toml(&text).unwrap();
    let err = xtask::check_quotes(&data, &sources()).expect_err("a paraphrase is not a quote");
    let text = err.to_string();
    assert!(
        text.contains("event 'other-event', field 'citations.quote'"),
        "{text}"
    );
    assert!(text.contains("not found verbatim"), "{text}");
}

#[test]
fn malformed_toml_names_the_file() {
    // An unterminated string on one line of the file: the error must say
    // which file, which line and column, and what is wrong there. (The temp
    // path itself ends in ".toml", so "toml" alone would prove nothing.)
    let find = "title = \"Another event\"";
    let base = std::fs::read_to_string(fixture("base.toml")).unwrap();
    let line = base[..base.find(find).unwrap()].lines().count() + 1;
    let (path, err) = broken_at(find, "title = \"Another event");
    assert!(
        err.starts_with(&format!("{}: ", path.display())),
        "expected the file {} first in:\n{err}",
        path.display()
    );
    let at = format!("TOML parse error at line {line}, column ");
    assert!(err.contains(&at), "expected {at:?} in:\n{err}");
    assert!(
        err.contains("invalid basic string"),
        "expected the parser's reason in:\n{err}"
    );
}
