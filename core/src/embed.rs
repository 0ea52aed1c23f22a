//! What a host page asks of an embed: a script embed's `data-*`
//! attributes, and the `goto` messages a parent window posts to an iframe.
//! Both mean what the fragment keys mean, with the same fallbacks.

use crate::fragment::Fragment;

/// The `data-*` keys of an embedding element that mean what fragment keys
/// mean.
pub const DATA_KEYS: [&str; 6] = ["date", "span", "event", "lanes", "lang", "kiosk"];

/// Height of a script embed without a usable `data-height`, in pixels.
pub const DEFAULT_HEIGHT: f64 = 560.0;

/// The heights a `data-height` may ask for, in pixels.
pub const HEIGHTS: std::ops::RangeInclusive<f64> = 240.0..=4000.0;

/// A script embed's settings, read from its element's attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct Attributes {
    /// The view asked for (`data-date`, `data-span`, ...).
    pub fragment: Fragment,
    /// `data-theme`: "light" or "dark", when it is one of those.
    pub theme: Option<&'static str>,
    /// `data-height` in pixels, or the default.
    pub height: f64,
}

/// The height `data-height` asks for: pixels, with or without `px`, within
/// [`HEIGHTS`]; anything else gives [`DEFAULT_HEIGHT`].
pub fn height(raw: Option<&str>) -> f64 {
    raw.map(str::trim)
        .map(|h| h.strip_suffix("px").unwrap_or(h))
        .and_then(|h| crate::css::decimal(h.trim()))
        .filter(|h| HEIGHTS.contains(h))
        .unwrap_or(DEFAULT_HEIGHT)
}

/// Reads an embedding element's settings; `get(name)` is the value of the
/// attribute `name` (for example `data-date`), if it has one.
pub fn attributes(get: impl Fn(&str) -> Option<String>) -> Attributes {
    let pairs = DATA_KEYS
        .iter()
        .filter_map(|k| get(&format!("data-{k}")).map(|v| (k.to_string(), v)));
    let theme = match get("data-theme").as_deref().map(str::trim) {
        Some("light") => Some("light"),
        Some("dark") => Some("dark"),
        _ => None,
    };
    Attributes {
        fragment: Fragment::from_pairs(pairs),
        theme,
        height: height(get("data-height").as_deref()),
    }
}

/// One field of a posted message, as the view reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// The message has no such field.
    Missing,
    /// A string.
    Text(String),
    /// Anything else: a number, an object, null.
    Other,
}

/// The view a `{source: "rift", type: "goto", date?, span?, event?}`
/// message asks for; `get(name)` reads a field of the message. `None` for a
/// message of any other shape: one without `date` or `event`, or with a
/// field of the wrong type, is ignored, not half applied.
pub fn goto(get: impl Fn(&str) -> Field) -> Option<Fragment> {
    let is = |name: &str, want: &str| matches!(get(name), Field::Text(s) if s == want);
    if !is("source", "rift") || !is("type", "goto") {
        return None;
    }
    let mut pairs = Vec::new();
    for key in ["date", "span", "event"] {
        match get(key) {
            Field::Missing => {}
            Field::Text(v) => pairs.push((key, v)),
            Field::Other => return None,
        }
    }
    if !pairs.iter().any(|(k, _)| *k == "date" || *k == "event") {
        return None;
    }
    Some(Fragment::from_pairs(pairs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn attrs(pairs: &[(&str, &str)]) -> Attributes {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        attributes(|name| map.get(name).cloned())
    }

    #[test]
    fn data_height_takes_pixels_within_limits() {
        assert_eq!(height(Some("300")), 300.0);
        assert_eq!(height(Some(" 300px ")), 300.0);
        assert_eq!(height(Some("240")), 240.0);
        assert_eq!(height(Some("4000")), 4000.0);
        for bad in ["239", "4001", "-300", "30vh", "", "px", "NaN", "inf", "1e9"] {
            assert_eq!(height(Some(bad)), DEFAULT_HEIGHT, "{bad}");
        }
        assert_eq!(height(None), DEFAULT_HEIGHT);
    }

    #[test]
    fn attributes_mean_what_fragment_keys_mean() {
        let a = attrs(&[
            ("data-date", "1961-06"),
            ("data-span", "6m"),
            ("data-lanes", "soviet-yugoslav"),
            ("data-theme", "dark"),
            ("data-height", "320"),
            ("data-q", "ignored"),
        ]);
        assert_eq!(
            a.fragment,
            Fragment::from_pairs([
                ("date", "1961-06"),
                ("span", "6m"),
                ("lanes", "soviet-yugoslav")
            ])
        );
        assert_eq!(a.theme, Some("dark"));
        assert_eq!(a.height, 320.0);
        let k = attrs(&[("data-kiosk", "20"), ("data-date", "1961")]);
        assert_eq!(k.fragment.kiosk, Some(20));
        let bad = attrs(&[("data-kiosk", "1")]);
        assert_eq!(bad.fragment.kiosk, None);
        assert_eq!(bad.fragment.problems[0].key, "kiosk");
        let b = attrs(&[("data-theme", "<b>sepia</b>"), ("data-date", "1961-13")]);
        assert_eq!(b.theme, None);
        assert!(!b.fragment.problems.is_empty());
        assert_eq!(b.height, DEFAULT_HEIGHT);
    }

    fn message(pairs: &[(&str, Field)]) -> Option<Fragment> {
        let map: HashMap<&str, Field> = pairs.iter().cloned().collect();
        goto(|name| map.get(name).cloned().unwrap_or(Field::Missing))
    }

    fn text(s: &str) -> Field {
        Field::Text(s.into())
    }

    #[test]
    fn a_goto_message_moves_the_view() {
        let f = message(&[
            ("source", text("rift")),
            ("type", text("goto")),
            ("date", text("1961-12-03")),
            ("span", text("3m")),
        ])
        .expect("a goto");
        assert_eq!(
            f,
            Fragment::from_pairs([("date", "1961-12-03"), ("span", "3m")])
        );
        let by_event = message(&[
            ("source", text("rift")),
            ("type", text("goto")),
            ("event", text("vlora-withdrawal")),
        ]);
        assert_eq!(
            by_event.and_then(|f| f.event).as_deref(),
            Some("vlora-withdrawal")
        );
    }

    #[test]
    fn other_messages_are_ignored() {
        let base = |extra: (&str, Field)| {
            message(&[("source", text("rift")), ("type", text("goto")), extra])
        };
        assert_eq!(base(("date", Field::Other)), None, "a number for a date");
        assert_eq!(base(("span", text("3m"))), None, "a span alone");
        assert_eq!(base(("x", text("1"))), None, "no date, no event");
        assert_eq!(
            message(&[
                ("source", text("other")),
                ("type", text("goto")),
                ("date", text("1950"))
            ]),
            None
        );
        assert_eq!(
            message(&[
                ("source", text("rift")),
                ("type", text("zoom")),
                ("date", text("1950"))
            ]),
            None
        );
        assert_eq!(
            message(&[
                ("source", Field::Other),
                ("type", text("goto")),
                ("date", text("1950"))
            ]),
            None
        );
        assert_eq!(message(&[]), None);
    }

    #[test]
    fn a_goto_with_a_bad_value_keeps_it_as_a_problem() {
        let f = message(&[
            ("source", text("rift")),
            ("type", text("goto")),
            ("date", text("1961-13")),
        ])
        .expect("the right shape");
        assert!(!f.problems.is_empty());
    }
}
