//! Tasks on the dataset that need the file system: loading data/events.toml
//! and checking every quote against the working copies of the sources.

pub mod wasm;
pub mod weight;

use rift_core::dataset::{DataError, DataErrors, Dataset};
use rift_core::quotes::SourceText;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The repository root (where data/ lives).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the repository")
        .to_path_buf()
}

/// The working copies of the sources: ../shared/sources beside the repository.
pub fn sources_dir() -> PathBuf {
    std::env::var_os("RIFT_SOURCES")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/sources"))
}

/// Reads and validates a TOML dataset.
pub fn load(path: &Path) -> Result<Dataset, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let data = Dataset::from_toml(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    data.validate()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(data)
}

/// Every citation whose quote is not verbatim in the source it cites
/// (white space and line-end hyphenation aside).
pub fn check_quotes(data: &Dataset, dir: &Path) -> Result<(), DataErrors> {
    let mut texts: HashMap<&str, SourceText> = HashMap::new();
    let mut errors = Vec::new();
    for s in &data.sources {
        match &s.text {
            Some(file) => match std::fs::read_to_string(dir.join(file)) {
                Ok(t) => {
                    texts.insert(s.id.as_str(), SourceText::new(&t));
                }
                Err(e) => errors.push(DataError {
                    item: Some(s.id.clone()),
                    field: "sources.text",
                    message: format!("cannot read {}: {e}", dir.join(file).display()),
                }),
            },
            None => errors.push(DataError {
                item: Some(s.id.clone()),
                field: "sources.text",
                message: "no working copy named, so its quotes cannot be checked".into(),
            }),
        }
    }
    for e in &data.events {
        for (n, c) in e.citations.iter().enumerate() {
            let Some(text) = texts.get(c.source.as_str()) else {
                continue;
            };
            if !text.contains(&c.quote) {
                let q = rift_core::dataset::fold_space(&c.quote);
                let short: String = q.chars().take(70).collect();
                errors.push(DataError {
                    item: Some(e.id.clone()),
                    field: "citations.quote",
                    message: format!(
                        "citation {} ({}, {}): quote not found verbatim: \"{short}…\"",
                        n + 1,
                        c.source,
                        c.locator
                    ),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DataErrors(errors))
    }
}

/// `html` without the `<link rel="rust">` element that Trunk leaves in the
/// page it writes when it injects no script of its own (the page loads
/// the module with boot.js): no browser reads it, and the page before use
/// counts every byte.
pub fn drop_rust_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let Some(len) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + len + 1];
        out.push_str(&rest[..start]);
        let rust = tag
            .split(|c: char| c.is_whitespace() || c == '>')
            .any(|a| matches!(a, "rel=rust" | "rel=\"rust\"" | "rel='rust'"));
        if !rust {
            out.push_str(tag);
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::drop_rust_links;

    #[test]
    fn only_the_rust_link_goes() {
        let page =
            "<head><link data-bin=rift data-trunk rel=rust><link href=./rift.css rel=stylesheet>\
                    <link rel=\"rust\" data-trunk/></head><p>rel=rust</p>";
        assert_eq!(
            drop_rust_links(page),
            "<head><link href=./rift.css rel=stylesheet></head><p>rel=rust</p>"
        );
        assert_eq!(drop_rust_links("<link rel=preload"), "<link rel=preload");
    }
}
