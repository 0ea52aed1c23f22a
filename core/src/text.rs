//! How wide a title is, and where to cut it: advance widths of the
//! characters of one font, measured once (the view measures them in the
//! browser; tests use an even width), so packing uses real text widths and
//! a title that must be cut is cut at a word.

use std::borrow::Cow;

/// What a cut title ends with.
pub const ELLIPSIS: char = '…';

/// The characters worth measuring for `titles`: each of theirs once, in
/// the order they first come, after what a cut title ends with (the
/// dispute flag and the "?" beside a title have widths of their own:
/// `scene::LabelFont`). Measuring each is a call into the browser, so the view
/// measures the labels of the language on screen, not every character a
/// label could hold; any other character counts as an average letter.
pub fn chars_of<'a>(titles: impl Iterator<Item = &'a str>) -> Vec<char> {
    let mut ascii = [false; 128];
    let mut out = vec![ELLIPSIS];
    for c in titles.flat_map(str::chars) {
        if c.is_ascii() {
            if !std::mem::replace(&mut ascii[c as usize], true) {
                out.push(c);
            }
        } else if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Advance widths of one font, per pixel of font size.
#[derive(Clone, Debug, PartialEq)]
pub struct Glyphs {
    /// Sorted by character, each once: a binary search finds one faster
    /// than hashing it, and needs no hash table of its own in the module.
    widths: Vec<(char, f64)>,
    /// For a character that was not measured.
    fallback: f64,
}

impl Glyphs {
    /// Every character as wide as `per_px` times the font size: the
    /// estimate before anything is measured.
    pub fn even(per_px: f64) -> Glyphs {
        Glyphs {
            widths: Vec::new(),
            fallback: per_px,
        }
    }

    /// Measures each character of `chars` with `measure` (its width at a
    /// font size of `size` pixels).
    pub fn measured(
        size: f64,
        chars: impl Iterator<Item = char>,
        measure: impl Fn(char) -> f64,
    ) -> Glyphs {
        let measured: Vec<(char, f64)> = chars
            .map(|c| (c, measure(c) / size))
            .filter(|(_, w)| w.is_finite() && *w >= 0.0)
            .collect();
        let chars: Vec<char> = measured.iter().map(|w| w.0).collect();
        let mut widths = crate::order::sorted(measured, &|a, b| chars[a].cmp(&chars[b]));
        widths.dedup_by_key(|w| w.0);
        let letters: Vec<f64> = widths
            .iter()
            .filter(|w| w.0.is_ascii_lowercase())
            .map(|w| w.1)
            .collect();
        let fallback = if letters.is_empty() {
            0.55
        } else {
            letters.iter().sum::<f64>() / letters.len() as f64
        };
        Glyphs { widths, fallback }
    }

    fn advance(&self, c: char) -> f64 {
        match self.widths.binary_search_by(|w| w.0.cmp(&c)) {
            Ok(i) => self.widths[i].1,
            Err(_) => self.fallback,
        }
    }

    /// Width of `text` at a font size of `size` pixels.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        text.chars().map(|c| self.advance(c)).sum::<f64>() * size
    }

    /// `text` as it fits in `room` pixels at `size`: whole if it fits;
    /// otherwise cut after the last word that fits, with an ellipsis; and
    /// empty where not even the first two words fit. A word cut inside
    /// ("Хо…", "Antiim…") is not something a reader can read, and one word
    /// of a title ("Both…", "Moscow…") does not say which event it is.
    /// Nor is a title cut inside brackets: "at the UN (Albanian…" opens
    /// an aside it never closes, and the words shown would no longer be a
    /// run of the words a screen reader or voice control names it by,
    /// which leave the aside out.
    pub fn fit<'a>(&self, text: &'a str, room: f64, size: f64) -> Cow<'a, str> {
        if self.width(text, size) <= room {
            return Cow::Borrowed(text);
        }
        let budget = room - self.advance(ELLIPSIS) * size;
        let mut used = 0.0;
        // Where the last word that fits ends outside brackets, and how
        // many words end there.
        let (mut cut, mut words) = (0, 0);
        let (mut ended, mut open, mut in_word) = (0, 0u32, false);
        for (i, c) in text.char_indices() {
            // A word ends at a space, or at a dash ("Moscow–Tirana").
            let boundary = matches!(c, ' ' | '-' | '–');
            if boundary && in_word {
                ended += 1;
                if open == 0 {
                    (cut, words) = (i, ended);
                }
            }
            match c {
                '(' | '[' => open += 1,
                ')' | ']' => open = open.saturating_sub(1),
                _ => {}
            }
            in_word = !boundary;
            used += self.advance(c) * size;
            if used > budget {
                break;
            }
        }
        let kept = text[..cut].trim_end_matches([' ', ',', ';', ':', '–', '-']);
        if words < 2 || kept.is_empty() {
            return Cow::Borrowed("");
        }
        Cow::Owned(format!("{kept}{ELLIPSIS}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font whose characters are 0.5 em wide, "i" 0.25 em.
    fn font() -> Glyphs {
        let chars = (' '..='~')
            .chain("…ËëÇç«»–".chars())
            .chain('\u{400}'..='\u{45f}');
        Glyphs::measured(10.0, chars, |c| if c == 'i' { 2.5 } else { 5.0 })
    }

    #[test]
    fn widths_add_up_and_scale_with_the_font_size() {
        let g = font();
        assert_eq!(g.width("ab", 10.0), 10.0);
        assert_eq!(g.width("ii", 10.0), 5.0);
        assert_eq!(g.width("ab", 20.0), 20.0);
        // An unmeasured character takes the letters' average.
        let avg = (25.0 * 0.5 + 0.25) / 26.0;
        assert!((g.width("漢", 10.0) - avg * 10.0).abs() < 1e-9);
        assert_eq!(Glyphs::even(0.5).width("abcd", 12.0), 24.0);
    }

    #[test]
    fn a_title_that_fits_is_whole() {
        let g = font();
        assert_eq!(g.fit("Vlora base", 50.0, 10.0), "Vlora base");
        assert!(matches!(g.fit("Vlora", 100.0, 10.0), Cow::Borrowed(_)));
    }

    #[test]
    fn a_title_that_does_not_fit_is_cut_at_a_word() {
        let g = font();
        // 5 px a character: "Hoxha leaves the Moscow meeting"
        let t = "Hoxha leaves the Moscow meeting";
        assert_eq!(g.fit(t, 100.0, 10.0), "Hoxha leaves the…");
        assert_eq!(g.fit(t, 70.0, 10.0), "Hoxha leaves…");
        // The ellipsis is counted: a room one character short of a word.
        assert_eq!(g.fit("Hoxha leaves the", 70.0, 10.0), "Hoxha leaves…");
        assert_eq!(g.fit("Hoxha leaves the", 65.0, 10.0), "Hoxha leaves…");
        assert_eq!(g.fit("Hoxha leaves the", 64.0, 10.0), "");
        // Punctuation before the cut goes.
        assert_eq!(
            g.fit("Moscow – Tirana break", 80.0, 10.0),
            "Moscow – Tirana…"
        );
        assert_eq!(
            g.fit("Moscow, Tirana and Belgrade", 80.0, 10.0),
            "Moscow, Tirana…"
        );
    }

    #[test]
    fn a_title_is_not_cut_inside_brackets() {
        let g = font();
        let t = "Conflict surfaces at the UN (Albanian paper), Sept";
        // Room for "…the UN (Albanian…": the cut goes back before the aside.
        assert_eq!(g.fit(t, 200.0, 10.0), "Conflict surfaces at the UN…");
        // Room for the whole aside: it is kept, closed.
        assert_eq!(
            g.fit(t, 240.0, 10.0),
            "Conflict surfaces at the UN (Albanian paper)…"
        );
        // Words inside an open bracket do not count towards the two.
        let t = "Report (Albanian paper) of 1962";
        assert_eq!(g.fit(t, 110.0, 10.0), "");
        assert_eq!(g.fit(t, 120.0, 10.0), "Report (Albanian paper)…");
        assert_eq!(g.fit("Note [of 1961] on Vlora", 60.0, 10.0), "");
        assert_eq!(
            g.fit("Note [of 1961] on Vlora", 85.0, 10.0),
            "Note [of 1961]…"
        );
    }

    #[test]
    fn less_than_two_words_leaves_the_label_empty() {
        let g = font();
        assert_eq!(g.fit("Antiimperialist", 30.0, 10.0), "");
        assert_eq!(g.fit("Hoxha", 0.0, 10.0), "");
        // One word of a title is not shown, however much room it has.
        assert_eq!(g.fit("Both powers go to Vlora", 59.0, 10.0), "");
        assert_eq!(g.fit("Both powers go to Vlora", 60.0, 10.0), "Both powers…");
        assert_eq!(g.fit("Ходжа едет в Москву", 54.0, 10.0), "");
        assert_eq!(g.fit("Ходжа едет в Москву", 55.0, 10.0), "Ходжа едет…");
        assert_eq!(g.fit("Ходжа", 20.0, 10.0), "");
        // A dash ends a word as a space does.
        assert_eq!(g.fit("Moscow–Tirana break", 80.0, 10.0), "Moscow–Tirana…");
        assert_eq!(g.fit("Moscow–Tirana break", 60.0, 10.0), "");
        assert_eq!(
            g.fit("Soviet-Albanian talks", 85.0, 10.0),
            "Soviet-Albanian…"
        );
        assert_eq!(g.fit("Soviet-Albanian talks", 60.0, 10.0), "");
    }

    #[test]
    fn the_titles_characters_are_measured_each_once_after_the_ellipsis() {
        let chars = chars_of(["Hoxha–Khrushchev", "Хрущёв, Хоxha"].into_iter());
        let text: String = chars.iter().collect();
        assert_eq!(text, "…Hoxha–KruscevХрущёв, о");
        let ascii: Vec<char> = chars_of(["Synthetic event 12"].into_iter());
        assert_eq!(ascii.iter().collect::<String>(), "…Syntheic v12");
    }

    #[test]
    fn an_unmeasured_character_is_an_average_letter() {
        let g = Glyphs::measured(10.0, (' '..='~').chain(['…']), |c| {
            if c.is_ascii_lowercase() {
                5.0
            } else {
                8.0
            }
        });
        assert_eq!(g.width("ab", 10.0), 10.0);
        assert_eq!(g.width("ХХ", 10.0), 10.0);
        assert_eq!(g.width("AB", 10.0), 16.0);
    }
}
