//! Dates as written for people: "4 June 1961", "c. June 1960",
//! "summer 1961", "1957?", "17–31 October 1961".

use crate::date::{ymd, Day, Point, Precision, When};
use crate::i18n::Key;
use crate::i18n::{calendar, Lang};

fn bare(lang: Lang, p: &Point, with_year: bool, with_month: bool) -> String {
    let cal = calendar(lang);
    let year = if with_year {
        format!(" {}", p.year)
    } else {
        String::new()
    };
    match p.precision {
        Precision::Day if with_month => {
            format!(
                "{} {}{}",
                p.day,
                cal.months_of_day[p.month as usize - 1],
                year
            )
        }
        Precision::Day => p.day.to_string(),
        Precision::Month if with_year => format!("{}{}", cal.months[p.month as usize - 1], year),
        // A month that ends a range shares the day's grammar: "June–August"
        // but "июня – августа" after a day is handled by the caller.
        Precision::Month => cal.months[p.month as usize - 1].to_string(),
        Precision::Season => format!(
            "{}{}",
            cal.seasons[(p.month.clamp(21, 24) - 21) as usize],
            year
        ),
        Precision::Year => p.year.to_string(),
    }
}

fn qualified(lang: Lang, p: &Point, text: String) -> String {
    let text = if p.approximate {
        format!("{}{text}", calendar(lang).circa)
    } else {
        text
    };
    if p.uncertain {
        format!("{text}?")
    } else {
        text
    }
}

/// A date as written for people, at the precision it has, in `lang`.
///
/// `label` is the sources' own wording ("late June 1960") in `lang` where
/// the data gives one (`Timeline::date_label`); it wins over the generated
/// text.
pub fn human(when: &When, label: Option<&str>, lang: Lang) -> String {
    if let Some(label) = label.map(str::trim).filter(|l| !l.is_empty()) {
        return label.to_string();
    }
    let from = &when.from;
    let Some(to) = &when.to else {
        return qualified(lang, from, bare(lang, from, true, true));
    };
    let plain = !from.approximate && !from.uncertain && !to.approximate && !to.uncertain;
    let same_year = from.year == to.year && from.precision != Precision::Year;
    let same_month = same_year
        && from.month == to.month
        && from.precision == Precision::Day
        && to.precision == Precision::Day;
    if plain && same_month {
        // 17–31 October 1961
        format!("{}–{}", from.day, bare(lang, to, true, true))
    } else if plain && same_year && from.precision == to.precision {
        // 17 October – 3 November 1961; June–August 1961
        let sep = if from.precision == Precision::Day {
            " – "
        } else {
            "–"
        };
        format!(
            "{}{sep}{}",
            bare(lang, from, false, true),
            bare(lang, to, true, true)
        )
    } else {
        format!(
            "{} – {}",
            qualified(lang, from, bare(lang, from, true, true)),
            qualified(lang, to, bare(lang, to, true, true))
        )
    }
}

/// A day as "4 June 1961".
pub fn day_long(day: Day, lang: Lang) -> String {
    let (y, m, d) = ymd(day);
    format!("{d} {} {y}", calendar(lang).months_of_day[m as usize - 1])
}

/// A visible window for people: "June 1961", "1960–1961", "3–17 November 1960".
pub fn window(start: Day, end_exclusive: Day, lang: Lang) -> String {
    let cal = calendar(lang);
    let last = end_exclusive.max(start + 1) - 1;
    let (y0, m0, d0) = ymd(start);
    let (y1, m1, d1) = ymd(last);
    let span = end_exclusive - start;
    if span > 400 {
        if y0 == y1 {
            y0.to_string()
        } else {
            format!("{y0}–{y1}")
        }
    } else if span > 45 {
        if y0 == y1 {
            format!(
                "{}–{} {y0}",
                cal.short[m0 as usize - 1],
                cal.short[m1 as usize - 1]
            )
        } else {
            format!(
                "{} {y0} – {} {y1}",
                cal.short[m0 as usize - 1],
                cal.short[m1 as usize - 1]
            )
        }
    } else if y0 == y1 && m0 == m1 {
        format!("{d0}–{d1} {} {y0}", cal.months_of_day[m0 as usize - 1])
    } else if y0 == y1 {
        // The year once, as in "17 October – 3 November 1961".
        format!(
            "{d0} {} – {d1} {} {y0}",
            cal.months_of_day[m0 as usize - 1],
            cal.months_of_day[m1 as usize - 1]
        )
    } else {
        format!("{} – {}", day_long(start, lang), day_long(last, lang))
    }
}

/// A count as the language writes it: digits grouped in threes, with a
/// comma in English and a no-break space in Albanian and Russian
/// ("10,000", "10 000").
pub fn count(n: usize, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ",",
        Lang::Sq | Lang::Ru => "\u{a0}",
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A reference to an event for a bibliography or a worksheet.
pub fn reference(title: &str, date: &str, sources: &[String], url: &str) -> String {
    let mut out = format!(
        "\u{201c}{}\u{201d}, {date}. In Rift: Moscow, Tirana and Belgrade, 1948\u{2013}1962. {url}",
        crate::dataset::fold_space(title)
    );
    if !sources.is_empty() {
        out.push_str(" Sources: ");
        out.push_str(&sources.join("; "));
        if !out.ends_with('.') {
            out.push('.');
        }
    }
    out
}

/// An event's accessible name, as screen readers announce its marker and its
/// list entry: "title, date as written for people", and " (sources
/// disagree)" where they do.
pub fn accessible_name(title: &str, date: &str, disputed: bool, lang: Lang) -> String {
    let mut name = format!("{title}, {date}");
    if disputed {
        name.push_str(crate::i18n::t(lang, Key::DisagreeSuffix));
    }
    name
}

/// The interface string that says how precisely an event is dated
/// (`Key::PrecisionDay`, `Key::PrecisionApprox`, ...).
pub fn precision_key(when: &When) -> Key {
    match (when.approximate(), when.uncertain()) {
        (true, true) => return Key::PrecisionApproxUncertain,
        (true, false) => return Key::PrecisionApprox,
        (false, true) => return Key::PrecisionUncertain,
        _ => {}
    }
    if when.is_range() {
        return Key::PrecisionRange;
    }
    match when.precision() {
        Precision::Day => Key::PrecisionDay,
        Precision::Month => Key::PrecisionMonth,
        Precision::Season => Key::PrecisionSeason,
        Precision::Year => Key::PrecisionYear,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_in_threes() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (10000, "10,000"),
        ];
        for (n, en) in cases {
            assert_eq!(count(n, Lang::En), en);
            assert_eq!(count(n, Lang::Ru), en.replace(',', "\u{a0}"));
        }
        assert_eq!(count(1234567, Lang::En), "1,234,567");
        assert_eq!(count(100000, Lang::Sq), "100\u{a0}000");
    }

    use super::*;
    use crate::date::day_from_ymd;

    fn h(s: &str) -> String {
        human(&When::parse(s).unwrap(), None, Lang::En)
    }

    #[test]
    fn single_dates_at_their_precision() {
        assert_eq!(h("1961-06-04"), "4 June 1961");
        assert_eq!(h("1961-06"), "June 1961");
        assert_eq!(h("1957"), "1957");
        assert_eq!(h("1961-22"), "summer 1961");
    }

    #[test]
    fn qualifiers_are_visible() {
        assert_eq!(h("1957~"), "c. 1957");
        assert_eq!(h("1957?"), "1957?");
        assert_eq!(h("1960-06~"), "c. June 1960");
        assert_eq!(h("1960-06%"), "c. June 1960?");
    }

    #[test]
    fn ranges_share_what_they_can() {
        assert_eq!(h("1961-10-17/1961-10-31"), "17–31 October 1961");
        assert_eq!(h("1961-10-17/1961-11-03"), "17 October – 3 November 1961");
        assert_eq!(h("1961-06/1961-08"), "June–August 1961");
        assert_eq!(
            h("1960-12-20/1961-01-05"),
            "20 December 1960 – 5 January 1961"
        );
        assert_eq!(h("1957~/1959"), "c. 1957 – 1959");
    }

    #[test]
    fn the_sources_wording_wins() {
        let w = When::parse("1960-06~").unwrap();
        assert_eq!(
            human(&w, Some("late June 1960"), Lang::En),
            "late June 1960"
        );
        assert_eq!(human(&w, Some("  "), Lang::En), "c. June 1960");
    }

    #[test]
    fn albanian_and_russian_dates() {
        let w = |s: &str, l: Lang| human(&When::parse(s).unwrap(), None, l);
        assert_eq!(w("1961-06-04", Lang::Sq), "4 qershor 1961");
        assert_eq!(w("1961-06-04", Lang::Ru), "4 июня 1961");
        assert_eq!(w("1961-06", Lang::Ru), "июнь 1961");
        assert_eq!(w("1957~", Lang::Sq), "rreth 1957");
        assert_eq!(w("1957~", Lang::Ru), "ок. 1957");
        assert_eq!(w("1961-22", Lang::Sq), "verë 1961");
        assert_eq!(w("1961-10-17/1961-10-31", Lang::Ru), "17–31 октября 1961");
        assert_eq!(w("1961-10-17/1961-10-31", Lang::Sq), "17–31 tetor 1961");
        // The sources' wording, translated, wins in other languages too.
        let late = When::parse("1960-06~").unwrap();
        assert_eq!(
            human(&late, Some("fund qershori 1960"), Lang::Sq),
            "fund qershori 1960"
        );
        assert_eq!(human(&late, None, Lang::Sq), "rreth qershor 1960");
        let d = |y, m, dd| crate::date::day_from_ymd(y, m, dd).unwrap();
        assert_eq!(
            window(d(1961, 3, 1), d(1961, 9, 1), Lang::Ru),
            "мар–авг 1961"
        );
    }

    #[test]
    fn references_name_event_date_link_and_sources() {
        let r = reference(
            "Soviet  submarines leave Vlora",
            "4 June 1961",
            &["Edemskiy, A. \"Additional Evidence\", n. 33".into()],
            "https://example.org/rift/#event=vlora-withdrawal",
        );
        assert_eq!(
            r,
            "\u{201c}Soviet submarines leave Vlora\u{201d}, 4 June 1961. In Rift: Moscow, Tirana and Belgrade, 1948\u{2013}1962. https://example.org/rift/#event=vlora-withdrawal Sources: Edemskiy, A. \"Additional Evidence\", n. 33."
        );
    }

    #[test]
    fn windows_read_naturally() {
        let d = |y, m, dd| day_from_ymd(y, m, dd).unwrap();
        assert_eq!(window(d(1948, 1, 1), d(1963, 1, 1), Lang::En), "1948–1962");
        assert_eq!(
            window(d(1961, 3, 1), d(1961, 9, 1), Lang::En),
            "Mar–Aug 1961"
        );
        assert_eq!(
            window(d(1960, 11, 3), d(1960, 11, 18), Lang::En),
            "3–17 November 1960"
        );
        assert_eq!(
            window(d(1960, 11, 25), d(1960, 12, 5), Lang::En),
            "25 November – 4 December 1960"
        );
        assert_eq!(
            window(d(1961, 5, 31), d(1961, 7, 2), Lang::Ru),
            "31 мая – 1 июля 1961"
        );
        assert_eq!(
            window(d(1961, 5, 28), d(1961, 6, 12), Lang::Sq),
            "28 maj – 11 qershor 1961"
        );
        // Across a new year, each day has its year.
        assert_eq!(
            window(d(1960, 12, 25), d(1961, 1, 5), Lang::En),
            "25 December 1960 – 4 January 1961"
        );
    }

    #[test]
    fn accessible_names_carry_title_date_and_dispute() {
        assert_eq!(
            accessible_name(
                "Soviet submarines leave Vlora",
                "4 June 1961",
                false,
                Lang::En
            ),
            "Soviet submarines leave Vlora, 4 June 1961"
        );
        assert_eq!(
            accessible_name("X", "1957", true, Lang::En),
            "X, 1957 (sources disagree)"
        );
        let ru = accessible_name("X", "1957", true, Lang::Ru);
        assert!(ru.starts_with("X, 1957") && ru.len() > "X, 1957".len());
        assert_ne!(ru, accessible_name("X", "1957", true, Lang::En));
    }

    #[test]
    fn precision_keys_put_doubt_before_extent() {
        let key = |s: &str| precision_key(&When::parse(s).unwrap());
        assert_eq!(key("1961-06-04"), Key::PrecisionDay);
        assert_eq!(key("1961-06"), Key::PrecisionMonth);
        assert_eq!(key("1961-22"), Key::PrecisionSeason);
        assert_eq!(key("1957"), Key::PrecisionYear);
        assert_eq!(key("1961-10-17/1961-10-31"), Key::PrecisionRange);
        assert_eq!(key("1960-06~"), Key::PrecisionApprox);
        assert_eq!(key("1957?"), Key::PrecisionUncertain);
        assert_eq!(key("1957%"), Key::PrecisionApproxUncertain);
        assert_eq!(
            crate::i18n::t(Lang::En, precision_key(&When::parse("1957%").unwrap())),
            crate::i18n::t(Lang::En, Key::PrecisionApproxUncertain)
        );
    }
}
