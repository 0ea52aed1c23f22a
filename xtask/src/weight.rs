//! What the page loads before it is used: index.html and the files its
//! head and body name. The release build must stay under a ceiling, so
//! that nothing adds weight unnoticed (BENCHMARKS.md has the figures).

/// The page's own files that index.html loads: every `src` and `href`
/// naming a file beside it (`./name`), each once, in order. Links to the
/// open data in `<noscript>` are not loaded.
pub fn loaded_files(html: &str) -> Vec<String> {
    let html = match (html.find("<noscript"), html.find("</noscript>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &html[..a], &html[b..]),
        _ => html.to_string(),
    };
    let mut files: Vec<String> = Vec::new();
    for attr in ["src=", "href="] {
        let mut rest = html.as_str();
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let value = rest.trim_start_matches(['"', '\'']);
            let Some(name) = value.strip_prefix("./") else {
                continue;
            };
            let end = name
                .find(|c: char| c == '"' || c == '\'' || c == '>' || c.is_whitespace())
                .unwrap_or(name.len());
            let name = &name[..end];
            if !name.is_empty() && !files.iter().any(|f| f == name) {
                files.push(name.to_string());
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_of_a_minified_page() {
        let html = "<link href=./rift.css rel=stylesheet><link href=./favicon.svg rel=icon>\
            <link href=./rift.js rel=modulepreload><link as=fetch href=./rift_bg.wasm rel=preload>\
            <script src=./early.js></script><script src=./boot.js type=module></script>\
            <noscript><a href=events.json>events.json</a><a href=./events.csv>csv</a></noscript>\
            <a href=\"https://example.org/\">x</a><script src=\"./boot.js\"></script>";
        assert_eq!(
            loaded_files(html),
            [
                "early.js",
                "boot.js",
                "rift.css",
                "favicon.svg",
                "rift.js",
                "rift_bg.wasm"
            ]
        );
    }

    #[test]
    fn a_page_without_files() {
        assert!(loaded_files("<p>nothing <a href=#top>here</a></p>").is_empty());
    }
}
