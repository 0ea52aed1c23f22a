//! A synthetic dataset for load tests (`#bench=10000`): the real lanes,
//! events spread over the real years at every precision, deterministic.

use crate::dataset::{Citation, Dataset, Event, Lane, Source, Timeline};
use crate::date::{day_from_ymd, month_start, Point, Precision, When};

/// A small deterministic generator (SplitMix64), so every run draws the same events.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// A number in `0..1`.
    #[cfg(test)]
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A point of the synthetic calendar (the dates it draws always exist).
fn point(
    precision: Precision,
    y: i32,
    m: u32,
    d: u32,
    approximate: bool,
    uncertain: bool,
) -> Point {
    let (start, end) = match precision {
        Precision::Year => (month_start(y, 1, 0), month_start(y, 1, 12)),
        Precision::Month | Precision::Season => (month_start(y, m, 0), month_start(y, m, 1)),
        Precision::Day => {
            let day = day_from_ymd(y, m, d).unwrap_or_else(|| month_start(y, m, 0));
            (day, day + 1)
        }
    };
    Point {
        precision,
        year: y,
        month: m,
        day: d,
        approximate,
        uncertain,
        start,
        end,
    }
}

/// `n` synthetic events in `lanes`, dated between `first_year` and
/// `last_year`, as a prepared timeline: the browser's load test parses no
/// date.
pub fn timeline(n: usize, lanes: &[Lane], first_year: i32, last_year: i32) -> Timeline {
    let (data, when) = generate(n, lanes, first_year, last_year);
    Timeline::prepared(data, when)
}

/// `n` synthetic events in `lanes`, dated between `first_year` and `last_year`.
pub fn dataset(n: usize, lanes: &[Lane], first_year: i32, last_year: i32) -> Dataset {
    generate(n, lanes, first_year, last_year).0
}

/// The events, and each one's date both as EDTF and parsed.
fn generate(n: usize, lanes: &[Lane], first_year: i32, last_year: i32) -> (Dataset, Vec<When>) {
    let mut rng = Rng(0x5EED);
    let years = (last_year - first_year + 1).max(1) as u64;
    let lanes: Vec<Lane> = if lanes.is_empty() {
        vec![Lane {
            id: "synthetic".into(),
            label: "Synthetic".into(),
            tr: Default::default(),
        }]
    } else {
        lanes.to_vec()
    };
    let mut when = Vec::with_capacity(n);
    let events = (0..n)
        .map(|i| {
            let y = first_year + rng.below(years) as i32;
            let m = 1 + rng.below(12) as u32;
            let d = 1 + rng.below(28) as u32;
            let one = |from| When { from, to: None };
            let (date, w) = match rng.below(20) {
                0 => (
                    format!("{y}"),
                    one(point(Precision::Year, y, 0, 0, false, false)),
                ),
                1 => (
                    format!("{y}-{m:02}~"),
                    one(point(Precision::Month, y, m, 0, true, false)),
                ),
                2..=4 => (
                    format!("{y}-{m:02}"),
                    one(point(Precision::Month, y, m, 0, false, false)),
                ),
                5 => {
                    let d1 = (d + 1 + rng.below(10) as u32).min(28);
                    let w = When {
                        from: point(Precision::Day, y, m, d, false, false),
                        to: Some(point(Precision::Day, y, m, d1, false, false)),
                    };
                    (format!("{y}-{m:02}-{d:02}/{y}-{m:02}-{d1:02}"), w)
                }
                6 => (
                    format!("{y}-{m:02}-{d:02}?"),
                    one(point(Precision::Day, y, m, d, false, true)),
                ),
                _ => (
                    format!("{y}-{m:02}-{d:02}"),
                    one(point(Precision::Day, y, m, d, false, false)),
                ),
            };
            when.push(w);
            Event {
                tr_pending: false,
                id: format!("synthetic-{i}"),
                lane: lanes[i % lanes.len()].id.clone(),
                date,
                date_label: None,
                title: format!("Synthetic event {i}"),
                summary: "Generated for a load test; not history.".into(),
                actors: vec![],
                citations: vec![Citation {
                    source: "synthetic".into(),
                    locator: format!("#{i}"),
                    quote: "Generated text.".into(),
                }],
                disputed: (i % 17 == 0).then(|| "Generated disagreement.".into()),
                related: vec![],
                tr: Default::default(),
            }
        })
        .collect();
    let data = Dataset {
        lanes,
        sources: vec![Source {
            tr: Default::default(),
            id: "synthetic".into(),
            citation: "Synthetic load-test data (not history).".into(),
            short: "Synthetic".into(),
            text: None,
        }],
        actors: vec![],
        events,
    };
    (data, when)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::Timeline;

    #[test]
    fn ten_thousand_valid_events_spread_over_the_lanes() {
        let lanes = vec![crate::fixtures::lane("a"), crate::fixtures::lane("b")];
        let d = dataset(10_000, &lanes, 1948, 1962);
        let t = Timeline::new(d.clone()).expect("synthetic data validates");
        assert_eq!(t.data.events.len(), 10_000);
        let (first, last) = t.extent().unwrap();
        assert!(crate::date::ymd(first).0 >= 1948 && crate::date::ymd(last).0 <= 1962);
        assert_eq!(t.lane.iter().filter(|&&l| l == 1).count(), 5_000);
        assert_eq!(dataset(10_000, &lanes, 1948, 1962), d, "deterministic");
        // The prepared timeline's dates are what the EDTF strings say.
        let prepared = timeline(10_000, &lanes, 1948, 1962);
        assert_eq!(prepared.when, t.when);
        assert_eq!(prepared.data, t.data);
    }
}
