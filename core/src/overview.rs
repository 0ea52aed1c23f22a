//! The overview strip under the lanes: each lane's density of events over
//! the whole range, drawn as one SVG path per lane.

use crate::css::fixed;
use crate::dataset::Timeline;
use crate::viewport::Viewport;

/// Slices of the whole range the density is counted in.
pub const BINS: usize = 240;

/// One path per lane, in a `BINS` × 100 box: a bar per slice that holds
/// events, its height on a square-root scale of the count (so single
/// events stay visible beside dense months), each lane in its own band.
pub fn density_paths(t: &Timeline, full: &Viewport) -> Vec<String> {
    let lanes = t.data.lanes.len();
    let counts: Vec<Vec<u32>> = (0..lanes)
        .map(|l| t.density(l, full.start, full.end, BINS))
        .collect();
    let max = counts.iter().flatten().copied().max().unwrap_or(1).max(1) as f64;
    let band = 100.0 / lanes.max(1) as f64;
    counts
        .iter()
        .enumerate()
        .map(|(l, c)| {
            let base = (l as f64 + 1.0) * band;
            let mut d = String::new();
            for (i, &n) in c.iter().enumerate().filter(|(_, n)| **n > 0) {
                let h = ((n as f64 / max).sqrt() * band * 0.9).max(3.0);
                let (base, h) = (fixed(base, 2), fixed(h, 2));
                d.push_str(&format!("M{i} {base}v-{h}h1v{h}z"));
            }
            d
        })
        .collect()
}

/// Where day `day` falls on the strip, in percent of its width.
pub fn percent(day: f64, full: &Viewport) -> f64 {
    (day - full.start) / full.span() * 100.0
}

/// The day under a point `x` pixels from the left of a strip `width`
/// pixels wide (the middle of the range on a strip of no width).
pub fn day_at(x: f64, width: f64, full: &Viewport) -> f64 {
    if width.is_finite() && width > 0.0 && x.is_finite() {
        full.start + x / width * full.span()
    } else {
        full.center()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{bounds, event, lane, timeline};

    #[test]
    fn each_lane_draws_in_its_own_band() {
        let t = timeline(
            vec![lane("a"), lane("b")],
            vec![
                event("one", "a", "1950-01-01"),
                event("two", "a", "1950-01-02"),
                event("three", "b", "1961"),
            ],
        );
        let full = bounds(&t).full();
        let paths = density_paths(&t, &full);
        assert_eq!(paths.len(), 2);
        // Lane a: one bar of the full band's 90% (the densest slice), from
        // the bottom of the first band.
        assert_eq!(paths[0].matches('M').count(), 1);
        assert!(paths[0].contains(" 50.00v-45.00h1v45.00z"), "{}", paths[0]);
        // Lane b: a year spans several slices, each at a smaller height.
        assert!(paths[1].matches('M').count() > 1);
        assert!(paths[1].contains(" 100.00v-"));
    }

    #[test]
    fn a_single_event_is_never_thinner_than_three_units() {
        let mut events: Vec<_> = (1..=28)
            .map(|d| event(&format!("e{d}"), "a", &format!("1950-02-{d:02}")))
            .collect();
        events.push(event("lone", "a", "1960-06-01"));
        let t = timeline(vec![lane("a")], events);
        let paths = density_paths(&t, &bounds(&t).full());
        assert!(paths[0].contains("v-90.00"), "{}", paths[0]);
        let heights: Vec<f64> = paths[0]
            .split("v-")
            .skip(1)
            .map(|s| s.split('h').next().unwrap().parse().unwrap())
            .collect();
        assert!(heights.iter().all(|&h| h >= 3.0), "{heights:?}");
    }

    #[test]
    fn strip_positions_invert() {
        let full = Viewport {
            start: 0.0,
            end: 1000.0,
        };
        assert_eq!(percent(250.0, &full), 25.0);
        assert_eq!(day_at(200.0, 800.0, &full), 250.0);
        assert_eq!(day_at(200.0, 0.0, &full), 500.0);
        assert_eq!(day_at(f64::NAN, 800.0, &full), 500.0);
    }
}
