//! Is a quote verbatim in its source? The working copies are text taken from
//! PDFs and web pages: hard-wrapped, with words hyphenated at line ends. Only
//! those two things are forgiven: runs of white space match any white space,
//! and a hyphen at a line end matches either nothing (`So-` / `viet` is
//! "Soviet") or a hyphen (`Soviet-` / `Albanian` is "Soviet-Albanian").

/// Marks a line-end hyphen in a normalised source.
const SOFT: char = '\u{00AD}';

/// A source text prepared for quote look-ups.
pub struct SourceText {
    chars: Vec<char>,
}

impl SourceText {
    pub fn new(text: &str) -> SourceText {
        let raw: Vec<char> = text.chars().collect();
        let mut chars = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let c = raw[i];
            if c.is_whitespace() {
                while i < raw.len() && raw[i].is_whitespace() {
                    i += 1;
                }
                if chars.last() != Some(&' ') && chars.last() != Some(&SOFT) {
                    chars.push(' ');
                }
                continue;
            }
            if c == '-' && chars.last().is_some_and(|p| p.is_alphanumeric()) {
                // A hyphen followed by white space holding a line break, then a letter.
                let mut j = i + 1;
                let mut newline = false;
                while j < raw.len() && raw[j].is_whitespace() {
                    newline |= raw[j] == '\n';
                    j += 1;
                }
                if newline && j < raw.len() && raw[j].is_alphanumeric() {
                    chars.push(SOFT);
                    i = j;
                    continue;
                }
            }
            chars.push(c);
            i += 1;
        }
        SourceText { chars }
    }

    /// Whether `quote` occurs in the text, forgiving only white space and
    /// line-end hyphenation (in the text or in the quote).
    pub fn contains(&self, quote: &str) -> bool {
        let q = SourceText::new(quote.trim()).chars;
        if q.iter().all(|c| *c == ' ') {
            return false;
        }
        (0..self.chars.len()).any(|start| self.matches_at(start, &q))
    }

    fn matches_at(&self, start: usize, q: &[char]) -> bool {
        // Depth-first over the two readings of each soft hyphen.
        let mut stack = vec![(start, 0usize)];
        while let Some((mut i, mut j)) = stack.pop() {
            loop {
                if j == q.len() {
                    return true;
                }
                let Some(&c) = self.chars.get(i) else { break };
                match (c == SOFT, q[j] == SOFT) {
                    (true, true) => {
                        i += 1;
                        j += 1;
                    }
                    (true, false) => {
                        if q[j] == '-' {
                            stack.push((i + 1, j + 1));
                        }
                        i += 1;
                    }
                    (false, true) => {
                        if c == '-' {
                            stack.push((i + 1, j + 1));
                        }
                        j += 1;
                    }
                    (false, false) if c == q[j] => {
                        i += 1;
                        j += 1;
                    }
                    _ => break,
                }
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The So-\nviet-Albanian differences that arose in the mid-1950s, be-\n  cause of the\nAlbanian leadership’s disapproval of the Soviet-\nYugoslav rapprochement.";

    #[test]
    fn whitespace_and_line_end_hyphens_are_forgiven() {
        let t = SourceText::new(TEXT);
        assert!(t.contains("The Soviet-Albanian differences"));
        assert!(t.contains("the mid-1950s, because of the Albanian"));
        assert!(
            t.contains("the Soviet-Yugoslav rapprochement"),
            "a real hyphen at a line end"
        );
        assert!(t.contains("the SovietYugoslav rapprochement"), "or joined");
        assert!(t.contains("leadership’s  disapproval"));
        assert!(
            t.contains("the mid-1950s, be-\ncause of"),
            "hyphenated in the quote too"
        );
    }

    #[test]
    fn anything_else_is_not() {
        let t = SourceText::new(TEXT);
        assert!(
            !t.contains("the Soviet–Albanian differences"),
            "en dash is not a hyphen"
        );
        assert!(
            !t.contains("leadership's disapproval"),
            "straight apostrophe is not curly"
        );
        assert!(!t.contains("differences which arose"));
        assert!(!t.contains("   "), "an empty quote is never found");
    }
}
