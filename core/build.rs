//! Turns the interface strings (i18n/{en,sq,ru}.json at the repository
//! root) into Rust: one `Key` variant per string and a table per language,
//! so a missing key is a build error, and the browser parses no JSON.
//! The build also stops when a language lacks a key, has one English does
//! not, leaves one empty, or changes its `{placeholders}`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let dir =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("../i18n");
    let load = |code: &str| -> BTreeMap<String, String> {
        let path = dir.join(format!("{code}.json"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
        serde_json::from_str(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())))
    };
    let en = load("en");
    let others = [("sq", load("sq")), ("ru", load("ru"))];
    let mut problems = Vec::new();
    for (code, table) in &others {
        for key in en.keys().filter(|k| !table.contains_key(*k)) {
            problems.push(format!("i18n/{code}.json lacks \"{key}\""));
        }
        for key in table.keys().filter(|k| !en.contains_key(*k)) {
            problems.push(format!(
                "i18n/{code}.json has \"{key}\", which en.json does not"
            ));
        }
        for (key, value) in table {
            if value.contains(['\u{1e}', '\u{1f}']) {
                problems.push(format!(
                    "i18n/{code}.json: \"{key}\" holds a text pack's separator"
                ));
            }
            if value.trim().is_empty() {
                problems.push(format!("i18n/{code}.json: \"{key}\" is empty"));
            }
            if let Some(english) = en.get(key) {
                if placeholders(english) != placeholders(value) {
                    problems.push(format!(
                        "i18n/{code}.json: \"{key}\" has other placeholders than English"
                    ));
                }
            }
        }
    }
    if !problems.is_empty() {
        fail(&problems.join("\n"));
    }
    let mut out = String::new();
    out.push_str("/// An interface string: one per key of i18n/en.json.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in en.keys() {
        let _ = writeln!(out, "    /// \"{}\"\n    {},", key, camel(key));
    }
    out.push_str("}\n\n");
    let _ = writeln!(
        out,
        "/// Every key, in the order of the tables.\npub const KEYS: [Key; {}] = [",
        en.len()
    );
    for key in en.keys() {
        let _ = writeln!(out, "    Key::{},", camel(key));
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// Each key's name in the files.\npub const NAMES: [&str; {}] = {:?};\n",
        en.len(),
        en.keys().collect::<Vec<_>>()
    );
    // Names the set of keys and their order, so that a text pack written
    // for other keys (a cached file of another build) is refused.
    let id = en.keys().fold(0xcbf2_9ce4_8422_2325_u64, |h, k| {
        k.bytes()
            .chain([b','])
            .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    });
    let _ = writeln!(
        out,
        "/// Names these keys in this order (a hash of their names).\npub const KEYS_ID: &str = \"{id:016x}\";\n"
    );
    for (code, table) in std::iter::once(("en", &en)).chain(others.iter().map(|(c, t)| (*c, t))) {
        let values: Vec<&String> = en.keys().map(|k| &table[k]).collect();
        // In the browser, Albanian and Russian arrive with their text
        // packs (crate::pack): only English is in the module.
        if code != "en" {
            out.push_str("#[cfg(not(target_arch = \"wasm32\"))]\n");
        }
        let _ = writeln!(
            out,
            "const {}_STRINGS: [&str; {}] = {:?};\n",
            code.to_uppercase(),
            en.len(),
            values
        );
    }
    let path = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n.rs");
    std::fs::write(path, out).expect("OUT_DIR is writable");
}

/// `copy_failed` is `CopyFailed`.
fn camel(key: &str) -> String {
    key.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn placeholders(s: &str) -> BTreeSet<&str> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name))
        .collect()
}

fn fail(message: &str) -> ! {
    eprintln!("\n{message}");
    std::process::exit(1);
}
