//! Interface languages: one file of strings per language (i18n/*.json at
//! the repository root, embedded), and the calendar words dates need.
//!
//! The browser's module holds the English strings only: the Albanian and
//! Russian ones travel in that language's text pack (`crate::pack`), which
//! a reader of that language needs anyway, and are added here when it
//! arrives. Native builds (the tools, the tests) hold every language.

use std::sync::OnceLock;

/// Interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Sq,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Sq, Lang::Ru];

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "sq" => Some(Lang::Sq),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Sq => "sq",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name, for a language menu.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Sq => "Shqip",
            Lang::Ru => "Русский",
        }
    }

    /// The interface language for a browser language tag ("sq-AL", "ru"):
    /// its primary subtag if we have it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::parse(&tag.split(['-', '_']).next()?.to_ascii_lowercase())
    }
}

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

impl Key {
    /// The key's name in the string files ("copy_failed").
    pub fn name(self) -> &'static str {
        NAMES[self as usize]
    }
}

/// The interface string `key` in `lang`: in English while `lang`'s
/// strings are not here (see [`has_strings`]). Every key exists in every
/// language: the build checks it.
pub fn t(lang: Lang, key: Key) -> &'static str {
    strings(lang).unwrap_or(&EN_STRINGS)[key as usize]
}

/// Albanian and Russian strings that arrived in a text pack.
static ADDED: [OnceLock<Box<[&'static str]>>; 3] = [const { OnceLock::new() }; 3];

/// The interface strings of `lang`, if they are here.
fn strings(lang: Lang) -> Option<&'static [&'static str]> {
    let built_in: Option<&'static [&'static str]> = match lang {
        Lang::En => Some(&EN_STRINGS),
        #[cfg(not(target_arch = "wasm32"))]
        Lang::Sq => Some(&SQ_STRINGS),
        #[cfg(not(target_arch = "wasm32"))]
        Lang::Ru => Some(&RU_STRINGS),
        #[cfg(target_arch = "wasm32")]
        _ => None,
    };
    built_in.or_else(|| ADDED[lang as usize].get().map(|s| &s[..]))
}

/// Whether the interface strings of `lang` are here.
pub fn has_strings(lang: Lang) -> bool {
    strings(lang).is_some()
}

/// `lang` if its interface strings are here, else English: the language
/// the interface is actually shown in.
pub fn shown(lang: Lang) -> Lang {
    if has_strings(lang) {
        lang
    } else {
        Lang::En
    }
}

/// The fields a text pack carries the interface strings of `lang` in:
/// [`KEYS_ID`], then each key's string in the order of [`KEYS`].
#[cfg(not(target_arch = "wasm32"))]
pub fn pack_fields(lang: Lang) -> Vec<&'static str> {
    let strings = strings(lang).expect("native builds hold every language");
    std::iter::once(KEYS_ID)
        .chain(strings.iter().copied())
        .collect()
}

/// Reads the fields [`pack_fields`] wrote: the strings, if they are for
/// these keys.
pub fn parse_fields<'a>(mut fields: impl Iterator<Item = &'a str>) -> Result<Vec<String>, String> {
    if fields.next() != Some(KEYS_ID) {
        return Err("interface strings for other keys".into());
    }
    let strings: Vec<String> = fields.map(str::to_string).collect();
    if strings.len() != KEYS.len() {
        return Err(format!(
            "{} interface strings, not {}",
            strings.len(),
            KEYS.len()
        ));
    }
    Ok(strings)
}

/// Keeps `strings` (from [`parse_fields`]) as the interface strings of
/// `lang`, for the rest of the page's life; the first that arrive stay.
pub fn add_strings(lang: Lang, strings: Vec<String>) {
    if strings.len() == KEYS.len() {
        let kept: Box<[&'static str]> = strings
            .into_iter()
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect();
        let _ = ADDED[lang as usize].set(kept);
    }
}

/// [`t`] with `{name}` placeholders filled in, in one pass over the
/// template: a value is never read again, so one that contains `{reason}`
/// stays as it is. Unknown placeholders and stray braces are kept.
pub fn tf(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    fill(t(lang, key), args)
}

/// Fills `{name}` placeholders of `template` in one pass.
fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Calendar words of a language.
pub struct Calendar {
    /// Month names standing alone ("June 1961", "qershor 1961", "июнь 1961").
    pub months: [&'static str; 12],
    /// Month names after a day ("4 June", "4 qershor", "4 июня").
    pub months_of_day: [&'static str; 12],
    /// Short month names for the axis.
    pub short: [&'static str; 12],
    /// Spring, summer, autumn, winter.
    pub seasons: [&'static str; 4],
    /// "about" before an approximate date.
    pub circa: &'static str,
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Albanian month names do not change after a day.
const SQ_MONTHS: [&str; 12] = [
    "janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor",
    "nëntor", "dhjetor",
];

const EN: Calendar = Calendar {
    months: EN_MONTHS,
    months_of_day: EN_MONTHS,
    short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    seasons: ["spring", "summer", "autumn", "winter"],
    circa: "c. ",
};

const SQ: Calendar = Calendar {
    months: SQ_MONTHS,
    months_of_day: SQ_MONTHS,
    short: [
        "jan", "shk", "mar", "pri", "maj", "qer", "kor", "gus", "sht", "tet", "nën", "dhj",
    ],
    seasons: ["pranverë", "verë", "vjeshtë", "dimër"],
    circa: "rreth ",
};

const RU: Calendar = Calendar {
    months: [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ],
    months_of_day: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    short: [
        "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    ],
    seasons: ["весна", "лето", "осень", "зима"],
    circa: "ок. ",
};

/// The calendar words of `lang`.
pub fn calendar(lang: Lang) -> &'static Calendar {
    match lang {
        Lang::En => &EN,
        Lang::Sq => &SQ,
        Lang::Ru => &RU,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn placeholders(s: &str) -> BTreeSet<String> {
        s.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string()))
            .collect()
    }

    #[test]
    fn every_key_has_a_text_in_every_language_with_the_same_placeholders() {
        assert!(KEYS.len() > 50, "the English file has its strings");
        for key in KEYS {
            let en = t(Lang::En, key);
            for lang in [Lang::Sq, Lang::Ru] {
                let other = t(lang, key);
                assert!(!other.trim().is_empty(), "{lang:?} {}", key.name());
                assert_eq!(
                    placeholders(en),
                    placeholders(other),
                    "{lang:?} {}",
                    key.name()
                );
            }
        }
        assert_eq!(Key::CopyFailed.name(), "copy_failed");
    }

    #[test]
    fn lookups_fill_placeholders() {
        assert_eq!(
            tf(Lang::En, Key::NthOf, &[("i", "2"), ("n", "7")]),
            "2 of 7"
        );
        assert_eq!(
            tf(Lang::Ru, Key::NthOf, &[("i", "2"), ("n", "7")]),
            "2 из 7"
        );
        assert_eq!(t(Lang::Sq, Key::Close), "Mbyll");
    }

    #[test]
    fn a_value_is_never_read_as_a_placeholder() {
        // One pass over the template: a value that looks like a placeholder
        // stays as typed, whatever the order of the arguments.
        let s = tf(
            Lang::En,
            Key::NoticeProblem,
            &[("key", "q"), ("value", "{reason}"), ("reason", "is bad")],
        );
        assert_eq!(s, "q '{reason}' is bad; ignored");
        let s = tf(
            Lang::En,
            Key::NoticeProblem,
            &[
                ("reason", "is {key}"),
                ("key", "{value}"),
                ("value", "{{x}}"),
            ],
        );
        assert_eq!(s, "{value} '{{x}}' is {key}; ignored");
        // Unknown placeholders and stray braces are kept.
        assert_eq!(tf(Lang::En, Key::NthOf, &[("i", "1")]), "1 of {n}");
        assert_eq!(fill("no-such-{key", &[("key", "x")]), "no-such-{key");
        assert_eq!(fill("{a}}{b", &[("a", "1"), ("b", "2")]), "1}{b");
    }

    #[test]
    fn browser_tags() {
        assert_eq!(Lang::from_tag("sq-AL"), Some(Lang::Sq));
        assert_eq!(Lang::from_tag("ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr-FR"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
