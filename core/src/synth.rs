//! A synthetic dataset for load tests (`#bench=10000`): the real lanes,
//! events spread over the real years at every precision, deterministic.

use crate::dataset::{Citation, Dataset, Event, Lane, Source};

/// A small deterministic generator (SplitMix64), so every run draws the same events.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `n` synthetic events in `lanes`, dated between `first_year` and `last_year`.
pub fn dataset(n: usize, lanes: &[Lane], first_year: i32, last_year: i32) -> Dataset {
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
    let events = (0..n)
        .map(|i| {
            let y = first_year + rng.below(years) as i32;
            let m = 1 + rng.below(12) as u32;
            let d = 1 + rng.below(28) as u32;
            let date = match rng.below(20) {
                0 => format!("{y}"),
                1 => format!("{y}-{m:02}~"),
                2..=4 => format!("{y}-{m:02}"),
                5 => format!(
                    "{y}-{m:02}-{d:02}/{y}-{m:02}-{:02}",
                    (d + 1 + rng.below(10) as u32).min(28)
                ),
                6 => format!("{y}-{m:02}-{d:02}?"),
                _ => format!("{y}-{m:02}-{d:02}"),
            };
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
    Dataset {
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
    }
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
    }
}
