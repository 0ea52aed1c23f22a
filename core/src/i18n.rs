//! Interface languages: one file of strings per language (i18n/*.json at
//! the repository root, embedded), and the calendar words dates need.

use std::collections::HashMap;
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

    fn file(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../i18n/en.json"),
            Lang::Sq => include_str!("../../i18n/sq.json"),
            Lang::Ru => include_str!("../../i18n/ru.json"),
        }
    }
}

fn table(lang: Lang) -> &'static HashMap<String, String> {
    static TABLES: OnceLock<[HashMap<String, String>; 3]> = OnceLock::new();
    let tables = TABLES
        .get_or_init(|| Lang::ALL.map(|l| serde_json::from_str(l.file()).unwrap_or_default()));
    &tables[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)]
}

/// The interface string `key` in `lang` (English where a translation is
/// missing, the key itself where even that is).
pub fn t(lang: Lang, key: &str) -> &'static str {
    table(lang)
        .get(key)
        .or_else(|| table(Lang::En).get(key))
        .map(String::as_str)
        .unwrap_or_else(|| {
            // Interned so the signature can stay 'static; only reached for a
            // key no file has, which the tests rule out.
            Box::leak(key.to_string().into_boxed_str())
        })
}

/// [`t`] with `{name}` placeholders filled in.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut s = t(lang, key).to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
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
    fn every_key_exists_in_every_language_with_the_same_placeholders() {
        let en = table(Lang::En);
        assert!(en.len() > 50, "the English file parses");
        for lang in [Lang::Sq, Lang::Ru] {
            let other = table(lang);
            let missing: Vec<&String> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<&String> = other.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang:?} has unknown keys {extra:?}");
            for (k, v) in en {
                assert_eq!(placeholders(v), placeholders(&other[k]), "{lang:?} {k}");
                assert!(!other[k].trim().is_empty(), "{lang:?} {k} is empty");
            }
        }
    }

    #[test]
    fn lookups_fill_placeholders_and_fall_back() {
        assert_eq!(tf(Lang::En, "nth_of", &[("i", "2"), ("n", "7")]), "2 of 7");
        assert_eq!(tf(Lang::Ru, "nth_of", &[("i", "2"), ("n", "7")]), "2 из 7");
        assert_eq!(t(Lang::Sq, "close"), "Mbyll");
        assert_eq!(t(Lang::Sq, "no-such-key"), "no-such-key");
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
