//! The embed snippets for a view: an iframe of embed.html and a script-tag
//! embed, ready to paste into a host page.

use crate::date::iso;
use crate::fragment::{self, percent_encode, pinned_lang, Span};
use crate::i18n::{t, Key, Lang};
use crate::viewport::Viewport;

/// Escapes text for an HTML attribute value in double quotes.
pub fn attr(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s).into_owned()
}

/// The iframe snippet: embed.html at `site` (the folder URL of the timeline,
/// ending in `/`) opened on this view, in `lang` as a link names it
/// ([`pinned_lang`]); its
/// title, which screen readers announce on the host page, in `lang` too.
pub fn iframe(
    site: &str,
    view: &Viewport,
    selected: Option<&str>,
    lanes: Option<&[&str]>,
    lang: Lang,
) -> String {
    let src = format!(
        "{site}embed.html#{}",
        fragment::format(view, selected, lanes, pinned_lang(lang))
    );
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\"></iframe>",
        attr(&src),
        attr(&format!("Rift{}", t(lang, Key::Subtitle)))
    )
}

/// The script snippet: a `data-rift-timeline` element on this view and the
/// module that mounts it.
pub fn script(
    site: &str,
    view: &Viewport,
    selected: Option<&str>,
    lanes: Option<&[&str]>,
    lang: Lang,
) -> String {
    let mut el = format!(
        "<div data-rift-timeline data-date=\"{}\" data-span=\"{}\"",
        iso(view.center().floor() as i32),
        Span::for_days(view.span())
    );
    if let Some(id) = selected {
        el.push_str(&format!(" data-event=\"{}\"", attr(id)));
    }
    if let Some(lanes) = lanes {
        el.push_str(&format!(" data-lanes=\"{}\"", attr(&lanes.join(","))));
    }
    if let Some(lang) = pinned_lang(lang) {
        el.push_str(&format!(" data-lang=\"{}\"", lang.code()));
    }
    // The element has its height before any script runs (embed.js sets
    // it too, but a host page may paint before its modules run), so the
    // page does not jump when the timeline arrives: data-height's default
    // plus the box's 1 px border.
    el.push_str(&format!(
        " style=\"display:block;min-height:{}px\"></div>\n",
        crate::embed::DEFAULT_HEIGHT as u32 + 2
    ));
    el.push_str(&format!(
        "<script type=\"module\" src=\"{}\"></script>",
        attr(&format!("{site}embed.js"))
    ));
    el
}

/// The folder URL of a page URL, without query or fragment:
/// `https://host/a/index.html?x#y` is `https://host/a/`.
pub fn folder_of(url: &str) -> String {
    let url = url.split(['#', '?']).next().unwrap_or_default();
    match url.rfind('/') {
        Some(i) if url[..i].contains("//") && url[..i].rfind("//") != Some(i - 1) => {
            url[..=i].to_string()
        }
        _ if url.ends_with('/') => url.to_string(),
        _ => format!("{url}/"),
    }
}

/// A link to the full timeline at `site` opened on a fragment.
pub fn page_link(site: &str, fragment: &str) -> String {
    if fragment.is_empty() {
        site.to_string()
    } else {
        format!("{site}#{fragment}")
    }
}

/// A link to one event.
pub fn event_link(site: &str, id: &str) -> String {
    page_link(site, &format!("event={}", percent_encode(id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::day_from_ymd;
    use crate::viewport::Bounds;

    fn view() -> Viewport {
        let b = Bounds::around(
            day_from_ymd(1948, 1, 1).unwrap(),
            day_from_ymd(1962, 12, 31).unwrap(),
        );
        Viewport::centered(day_from_ymd(1961, 6, 4).unwrap() as f64 + 0.5, 91.3125, &b)
    }

    #[test]
    fn iframe_opens_embed_html_on_the_view() {
        let s = iframe(
            "https://example.org/exhibits/rift/",
            &view(),
            Some("vlora-withdrawal"),
            None,
            Lang::En,
        );
        assert!(s.starts_with("<iframe src=\"https://example.org/exhibits/rift/embed.html#date=1961-06-04&amp;span=3m&amp;event=vlora-withdrawal\""), "{s}");
        assert!(
            s.contains("title=\"Rift: Moscow, Tirana and Belgrade, 1948–1962\""),
            "{s}"
        );
    }

    #[test]
    fn a_snippet_copied_in_albanian_or_russian_opens_in_it() {
        let ru = iframe("https://h/", &view(), None, None, Lang::Ru);
        assert!(
            ru.contains("embed.html#date=1961-06-04&amp;span=3m&amp;lang=ru\""),
            "{ru}"
        );
        assert!(
            ru.contains("title=\"Rift: Москва, Тирана и Белград, 1948–1962\""),
            "{ru}"
        );
        let sq = script("https://h/", &view(), None, None, Lang::Sq);
        assert!(sq.starts_with("<div data-rift-timeline data-date=\"1961-06-04\" data-span=\"3m\" data-lang=\"sq\" "), "{sq}");
        // In English, the visitor's browser chooses.
        assert!(!script("https://h/", &view(), None, None, Lang::En).contains("data-lang"));
    }

    #[test]
    fn script_carries_the_view_as_data_attributes() {
        let s = script(
            "https://example.org/r/",
            &view(),
            None,
            Some(&["soviet-yugoslav"]),
            Lang::En,
        );
        assert_eq!(
            s,
            "<div data-rift-timeline data-date=\"1961-06-04\" data-span=\"3m\" data-lanes=\"soviet-yugoslav\" style=\"display:block;min-height:562px\"></div>\n<script type=\"module\" src=\"https://example.org/r/embed.js\"></script>"
        );
    }

    #[test]
    fn attribute_values_are_escaped() {
        assert_eq!(attr("a\"<b>&"), "a&quot;&lt;b&gt;&amp;");
        let s = script(
            "https://x/\"><script>/",
            &view(),
            Some("\"><img>"),
            None,
            Lang::En,
        );
        assert!(
            !s.contains("\"><img>") && !s.contains("\"><script>/embed"),
            "{s}"
        );
    }

    #[test]
    fn folders_of_urls() {
        assert_eq!(
            folder_of("https://h/a/index.html?x=1#date=1961"),
            "https://h/a/"
        );
        assert_eq!(folder_of("https://h/a/embed.html"), "https://h/a/");
        assert_eq!(
            folder_of("https://h/exhibits/rift/"),
            "https://h/exhibits/rift/"
        );
        assert_eq!(folder_of("http://127.0.0.1:8080"), "http://127.0.0.1:8080/");
        assert_eq!(page_link("https://h/", ""), "https://h/");
        assert_eq!(event_link("https://h/", "a b"), "https://h/#event=a%20b");
    }
}
