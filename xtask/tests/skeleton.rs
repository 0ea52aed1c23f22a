//! The page's static skeleton (index.html) says what the page is while the
//! app loads, in the same words as the app's string files.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The value of `"key": "…"` in a string file (one key per line).
fn string(lang: &str, key: &str) -> String {
    let path = root().join(format!("i18n/{lang}.json"));
    let text = std::fs::read_to_string(&path).expect("a string file per language");
    let prefix = format!("\"{key}\": \"");
    let line = text
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix(&prefix))
        .unwrap_or_else(|| panic!("{}: no {key}", path.display()));
    line.trim_end_matches(',')
        .trim_end_matches('"')
        .replace("\\\"", "\"")
}

#[test]
fn the_skeleton_subtitle_and_lead_are_the_string_files_in_each_language() {
    let html = std::fs::read_to_string(root().join("index.html")).expect("index.html");
    for (tag, key) in [("p", "lead"), ("span", "subtitle")] {
        for lang in ["en", "sq", "ru"] {
            let open = format!("<{tag} class=\"{key}\" lang=\"{lang}\"");
            let at = html
                .find(&open)
                .unwrap_or_else(|| panic!("no {lang} {key} in index.html"));
            let rest = &html[at..];
            let end = format!("</{tag}>");
            let text = &rest[rest.find('>').expect("a tag") + 1..rest.find(&end).expect("an end")];
            assert_eq!(text, string(lang, key), "the {lang} {key}");
            // The stylesheet picks one language, from the first paint;
            // an attribute would show it before the script has chosen.
            assert!(
                !rest[..rest.find('>').unwrap()].contains("hidden"),
                "the {lang} {key} is hidden in index.html"
            );
        }
    }
}

#[test]
fn the_skeleton_is_marked_before_the_first_paint() {
    // A classic script in <head>, before <body> is parsed: a module script
    // would run after the first paint, and the skeleton would change size
    // (large text) or language under the reader's eyes.
    for page in ["index.html", "assets/embed.html"] {
        let html = std::fs::read_to_string(root().join(page)).expect(page);
        let tag = "<script src=\"./early.js\"></script>";
        let at = html
            .find(tag)
            .unwrap_or_else(|| panic!("{page} runs no early.js"));
        assert!(
            at < html.find("<body").expect("a body"),
            "{page}: early.js after <body>"
        );
    }
    let css = std::fs::read_to_string(root().join("assets/rift.css")).expect("rift.css");
    for rule in [
        ".rift-large .rift-skeleton {",
        "html:not([lang=\"sq\"]) .rift-skeleton [lang=\"sq\"]",
    ] {
        assert!(css.contains(rule), "rift.css has no {rule}");
    }
}

/// The value of `key: '…'` (or `"…"`) in the `lang: { … }` block of a
/// script's word table.
fn script_word(script: &str, lang: &str, key: &str) -> String {
    let block = &script[script
        .find(&format!("  {lang}: {{"))
        .unwrap_or_else(|| panic!("no {lang} words"))..];
    let block = &block[..block.find("},").expect("the block ends")];
    let line = block
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("no {lang} {key}"));
    let line = line.trim_end_matches(',');
    line[1..line.len() - 1].to_string()
}

#[test]
fn the_failure_box_says_open_and_reload_as_the_app_does() {
    // failure.js shows a box when the module cannot start, so it cannot
    // read the string files: its copies must stay the same words.
    let script = std::fs::read_to_string(root().join("assets/failure.js")).expect("failure.js");
    for lang in ["en", "sq", "ru"] {
        assert_eq!(
            script_word(&script, lang, "open"),
            string(lang, "open_full"),
            "{lang}"
        );
        assert_eq!(
            script_word(&script, lang, "reload"),
            string(lang, "reload"),
            "{lang}"
        );
    }
}
