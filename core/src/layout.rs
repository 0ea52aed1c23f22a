//! Lane packing: events that would overlap stack into rows; what still does
//! not fit merges into count markers ("+12") that zoom in when activated.
//!
//! Works on plain numbers (screen extents), like vis-timeline's `Stack`, so it
//! is tested without a DOM.

/// Estimated width of a label of `text`, capped at `max` pixels (the view
/// truncates longer titles with an ellipsis at the same width).
pub fn label_width(text: &str, char_px: f64, max: f64) -> f64 {
    label_width_chars(text.chars().count(), char_px, max)
}

/// [`label_width`] of a text of `chars` characters.
pub fn label_width_chars(chars: usize, char_px: f64, max: f64) -> f64 {
    (chars as f64 * char_px + 8.0).min(max)
}

/// One event as the view will draw it, in screen pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    /// Caller's key (an index into its events).
    pub key: usize,
    /// Left and right edge of the marker (equal for a point).
    pub x0: f64,
    pub x1: f64,
    /// Where the label starts and how wide it is.
    pub label_x: f64,
    pub label_w: f64,
}

/// The lesser of two lengths that are never NaN. `f64::min` also handles
/// NaN, which WebAssembly's own `min` does not, so in the browser build it
/// is a call rather than an instruction; a frame of a 100,000-event lane
/// makes hundreds of thousands of them.
#[inline]
pub(crate) fn lesser(a: f64, b: f64) -> f64 {
    if b < a {
        b
    } else {
        a
    }
}

/// The greater of two lengths that are never NaN (see [`lesser`]).
#[inline]
pub(crate) fn greater(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

impl Mark {
    fn left(&self) -> f64 {
        lesser(self.x0, self.label_x)
    }

    fn right(&self) -> f64 {
        greater(self.x1, self.label_x + self.label_w)
    }

    fn center(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
}

/// A mark given a row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub key: usize,
    pub row: usize,
    /// How far right of its start the mark's label may reach before the
    /// next mark in its row (less the gap); infinite for the last one. A
    /// label reserves only part of a long title when packing, then takes
    /// this room to show more of it.
    pub room: f64,
}

/// Marks that did not fit, drawn as one count marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub keys: Vec<usize>,
    /// Extent of the members' markers.
    pub x0: f64,
    pub x1: f64,
    /// Where the count marker is centred: the members' mean position.
    pub center: f64,
}

/// The least of the left ends and the greatest of the right ends.
fn extent(spans: impl Iterator<Item = (f64, f64)>) -> (f64, f64) {
    spans.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (a, b)| {
        (lesser(lo, a), greater(hi, b))
    })
}

/// Count markers for the marks that fit nowhere. Each sits at its members'
/// mean position; neighbours whose markers would collide merge (and the
/// merged one moves to the new mean). Marks are first gathered by the pixel
/// column of their centre, so marks within a pixel share a marker and a
/// dense lane's 30,000 marks are grouped in two linear passes, not sorted.
/// Members are listed in the order they were given.
fn clusters(overflow: &[&Mark], p: &Packing) -> Vec<Cluster> {
    if overflow.is_empty() {
        return Vec::new();
    }
    let (lo, hi) = extent(overflow.iter().map(|m| (m.center(), m.center())));
    // A column a pixel wide, or wider for marks strewn far off screen.
    const MAX_COLUMNS: f64 = 65_536.0;
    let spread = if (hi - lo).is_finite() { hi - lo } else { 0.0 };
    let step = (spread / MAX_COLUMNS).max(1.0);
    let columns = (spread / step) as usize + 1;
    let column = |m: &Mark| (((m.center() - lo) / step) as usize).min(columns - 1);
    // Per column: marks, sum of centres, extent.
    let mut sums = vec![(0usize, 0.0, f64::INFINITY, f64::NEG_INFINITY); columns];
    for m in overflow {
        let c = &mut sums[column(m)];
        *c = (
            c.0 + 1,
            c.1 + m.center(),
            lesser(c.2, m.x0),
            greater(c.3, m.x1),
        );
    }
    // Groups as the sums, and the last column each takes in.
    let mut groups: Vec<((usize, f64, f64, f64), usize)> = Vec::new();
    for (at, &sum) in sums.iter().enumerate().filter(|(_, s)| s.0 > 0) {
        groups.push((sum, at));
        while groups.len() >= 2 {
            let n = groups.len();
            let mean = |k: usize| groups[k].0 .1 / groups[k].0 .0 as f64;
            if mean(n - 1) - mean(n - 2) >= p.chip_w + p.gap {
                break;
            }
            let ((count, sum, x0, x1), last) = groups.pop().expect("two groups");
            let prev = groups.last_mut().expect("two groups");
            let (c, s, a, b) = prev.0;
            *prev = ((c + count, s + sum, lesser(a, x0), greater(b, x1)), last);
        }
    }
    let mut group_of = vec![0; columns];
    let mut g = 0;
    for (at, slot) in group_of.iter_mut().enumerate() {
        while g + 1 < groups.len() && groups[g].1 < at {
            g += 1;
        }
        *slot = g;
    }
    let mut keys: Vec<Vec<usize>> = groups.iter().map(|g| Vec::with_capacity(g.0 .0)).collect();
    for m in overflow {
        keys[group_of[column(m)]].push(m.key);
    }
    groups
        .into_iter()
        .zip(keys)
        .map(|(((count, sum, x0, x1), _), keys)| Cluster {
            center: sum / count as f64,
            keys,
            x0,
            x1,
        })
        .collect()
}

/// The pixel cells that every row covers whole. A mark that spans one of
/// them overlaps something in every row, so a dense lane's thousands of marks
/// that fit nowhere learn it without searching the rows. Cells are claimed
/// full, and marks said to span one, only with a margin against rounding:
/// the answer is never "blocked" where a row search would find room.
struct Full {
    /// Where cell 0 starts, in pixels.
    base: f64,
    /// How many rows cover each cell whole.
    cover: Vec<usize>,
    rows: usize,
    /// The first full cell at or after each cell (`cover.len()` if none).
    next: Vec<usize>,
}

impl Full {
    const MARGIN: f64 = 1e-6;

    /// For lanes of at least two marks per pixel, where it pays.
    fn new(marks: &[Mark], rows: usize) -> Option<Full> {
        let (lo, hi) = extent(marks.iter().map(|m| (m.left(), m.right())));
        let spread = hi - lo;
        if marks.len() < 256
            || rows == 0
            || !spread.is_finite()
            || spread * 2.0 > marks.len() as f64
        {
            return None;
        }
        let cells = spread as usize + 2;
        Some(Full {
            base: lo.floor(),
            cover: vec![0; cells],
            rows,
            next: vec![cells; cells + 1],
        })
    }

    /// The cells wholly inside `left..right`.
    fn inside(&self, left: f64, right: f64) -> std::ops::Range<usize> {
        // (Negative and NaN become 0 as they convert.)
        let a = (left - self.base + Self::MARGIN).ceil() as usize;
        let b = (right - self.base - Self::MARGIN).floor() as usize;
        a.min(self.cover.len())..b.min(self.cover.len())
    }

    /// A mark placed in some row over `left..right`.
    fn cover(&mut self, left: f64, right: f64) {
        for c in self.inside(left, right) {
            self.cover[c] += 1;
            if self.cover[c] == self.rows {
                // Cells to the left now find a full cell at `c`, up to the
                // previous full one.
                for j in (0..=c).rev() {
                    if self.next[j] <= c {
                        break;
                    }
                    self.next[j] = c;
                }
            }
        }
    }

    /// Whether `left..right` spans a cell every row covers.
    fn blocks(&self, left: f64, right: f64) -> bool {
        let cells = self.inside(left, right);
        !cells.is_empty() && self.next[cells.start] < cells.end
    }
}

/// The packed lane.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneLayout {
    pub placed: Vec<Placed>,
    pub clusters: Vec<Cluster>,
    /// Rows in use (at most the `rows` asked for).
    pub rows_used: usize,
}

/// Packing parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Packing {
    /// Rows a lane has room for.
    pub rows: usize,
    /// Horizontal gap kept between two marks in a row.
    pub gap: f64,
    /// Width of a count marker.
    pub chip_w: f64,
}

/// Packs marks into rows in priority order (the order of `marks`): each
/// mark takes the first row where it overlaps nothing already placed, so a
/// mark's place depends only on higher-priority neighbours, never on what
/// enters or leaves at the screen's edges; zooming in only adds marks. Marks
/// that fit nowhere are grouped, neighbours together, into clusters whose
/// count markers never overlap each other.
pub fn pack(marks: &[Mark], p: &Packing) -> LaneLayout {
    pack_with(marks, p, Full::new(marks, p.rows))
}

fn pack_with(marks: &[Mark], p: &Packing, mut full: Option<Full>) -> LaneLayout {
    // Each row: occupied extents and their marks, sorted by left edge.
    let mut rows: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); p.rows];
    let mut out = LaneLayout::default();
    let mut overflow: Vec<&Mark> = Vec::new();
    // Where each placed mark's label starts.
    let mut labels: Vec<f64> = Vec::new();
    for m in marks {
        let (left, right) = (m.left(), m.right());
        if full.as_ref().is_some_and(|f| f.blocks(left, right)) {
            overflow.push(m);
            continue;
        }
        let slot = rows.iter().enumerate().find_map(|(r, row)| {
            let pos = row.partition_point(|iv| iv.0 < left);
            let prev_ok = pos == 0 || row[pos - 1].1 + p.gap <= left;
            let next_ok = pos == row.len() || right + p.gap <= row[pos].0;
            (prev_ok && next_ok).then_some((r, pos))
        });
        match slot {
            Some((row, pos)) => {
                if let Some(f) = full.as_mut() {
                    f.cover(left, right);
                }
                rows[row].insert(pos, (left, right, out.placed.len()));
                out.rows_used = out.rows_used.max(row + 1);
                out.placed.push(Placed {
                    key: m.key,
                    row,
                    room: f64::INFINITY,
                });
                labels.push(m.label_x);
            }
            None => overflow.push(m),
        }
    }
    for row in &rows {
        for pair in row.windows(2) {
            let (next_left, placed) = (pair[1].0, pair[0].2);
            out.placed[placed].room = next_left - p.gap - labels[placed];
        }
    }
    out.clusters = clusters(&overflow, p);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: Packing = Packing {
        rows: 3,
        gap: 4.0,
        chip_w: 30.0,
    };

    fn point(key: usize, x: f64, w: f64) -> Mark {
        Mark {
            key,
            x0: x,
            x1: x,
            label_x: x + 6.0,
            label_w: w,
        }
    }

    fn footprint_overlaps(a: &Mark, b: &Mark) -> bool {
        a.left() < b.right() + P.gap && b.left() < a.right() + P.gap
    }

    #[test]
    fn label_width_grows_then_caps() {
        assert!(label_width("Vlora", 7.0, 200.0) < label_width("Vlora base", 7.0, 200.0));
        assert_eq!(label_width(&"x".repeat(100), 7.0, 200.0), 200.0);
    }

    #[test]
    fn apart_marks_share_one_row() {
        let marks = [
            point(0, 0.0, 50.0),
            point(1, 100.0, 50.0),
            point(2, 200.0, 50.0),
        ];
        let l = pack(&marks, &P);
        assert_eq!(l.rows_used, 1);
        assert!(l.clusters.is_empty());
    }

    #[test]
    fn overlapping_marks_stack_without_overlap() {
        let marks: Vec<Mark> = (0..3).map(|i| point(i, i as f64 * 10.0, 80.0)).collect();
        let l = pack(&marks, &P);
        assert_eq!(l.rows_used, 3);
        assert!(l.clusters.is_empty());
        for a in &l.placed {
            for b in &l.placed {
                if a.key != b.key && a.row == b.row {
                    assert!(!footprint_overlaps(&marks[a.key], &marks[b.key]));
                }
            }
        }
    }

    #[test]
    fn what_does_not_fit_becomes_a_counted_cluster() {
        // Ten marks a pixel apart: three rows take three, seven are counted.
        let marks: Vec<Mark> = (0..10).map(|i| point(i, 100.0 + i as f64, 80.0)).collect();
        let l = pack(&marks, &P);
        assert_eq!(l.placed.len(), 3);
        assert_eq!(l.clusters.len(), 1);
        assert_eq!(l.clusters[0].keys.len(), 7);
        let mut all: Vec<usize> = l.placed.iter().map(|p| p.key).collect();
        all.extend(l.clusters.iter().flat_map(|c| c.keys.iter().copied()));
        all.sort();
        assert_eq!(
            all,
            (0..10).collect::<Vec<_>>(),
            "every mark is drawn or counted once"
        );
    }

    #[test]
    fn distant_overflows_make_separate_clusters_that_do_not_overlap() {
        let mut marks: Vec<Mark> = (0..6).map(|i| point(i, i as f64, 80.0)).collect();
        marks.extend((6..12).map(|i| point(i, 500.0 + i as f64, 80.0)));
        let l = pack(&marks, &P);
        assert_eq!(l.clusters.len(), 2);
        let (a, b) = (&l.clusters[0], &l.clusters[1]);
        assert!(a.center + P.chip_w + P.gap <= b.center);
    }

    #[test]
    fn a_marker_sits_where_most_of_its_events_are() {
        // One stray overflow far left, many far right: the markers stay apart,
        // each at its members' mean.
        let p = Packing { rows: 1, ..P };
        let mut marks = vec![point(0, 0.0, 500.0), point(1, 10.0, 20.0)];
        marks.extend((2..12).map(|i| point(i, 600.0 + i as f64, 80.0)));
        let l = pack(&marks, &p);
        assert_eq!(l.clusters.len(), 2);
        assert_eq!(l.clusters[0].keys, vec![1]);
        assert!(
            (l.clusters[1].center - 607.0).abs() < 1.0,
            "{}",
            l.clusters[1].center
        );
    }

    #[test]
    fn long_spans_block_their_row() {
        let span = Mark {
            key: 0,
            x0: 0.0,
            x1: 400.0,
            label_x: 0.0,
            label_w: 60.0,
        };
        let l = pack(&[span, point(1, 200.0, 40.0)], &P);
        let row_of = |k| l.placed.iter().find(|p| p.key == k).unwrap().row;
        assert_ne!(row_of(0), row_of(1));
    }

    #[test]
    fn higher_priority_marks_win_their_place() {
        // The second mark overlaps the first in every row it could take.
        let p = Packing { rows: 1, ..P };
        let a = point(0, 100.0, 80.0);
        let b = point(1, 120.0, 80.0);
        let only = |key| Placed {
            key,
            row: 0,
            room: f64::INFINITY,
        };
        assert_eq!(pack(&[a, b], &p).placed, vec![only(0)]);
        assert_eq!(pack(&[b, a], &p).placed, vec![only(1)]);
    }

    #[test]
    fn a_mark_entering_far_away_moves_nothing() {
        let marks: Vec<Mark> = (0..30)
            .map(|i| point(i, 200.0 + (i * 37 % 500) as f64, 60.0))
            .collect();
        let before = pack(&marks, &P);
        // A higher-priority mark appears at the left edge.
        let mut with_edge = vec![point(99, -40.0, 60.0)];
        with_edge.extend(marks.iter().copied());
        let after = pack(&with_edge, &P);
        for p in &before.placed {
            assert!(after.placed.contains(p), "{p:?} moved");
        }
    }

    #[test]
    fn zooming_in_only_adds_points() {
        // Points spread apart as the scale grows; labels keep their width.
        let at = |scale: f64| -> Vec<Mark> {
            (0..60)
                .map(|i| point(i, ((i * 7919) % 1000) as f64 * scale, 70.0))
                .collect()
        };
        let mut placed: Vec<Placed> = pack(&at(1.0), &P).placed;
        for step in 1..20 {
            let next = pack(&at(1.0 + step as f64 * 0.1), &P).placed;
            for p in &placed {
                assert!(
                    next.iter().any(|n| n.key == p.key),
                    "{} dropped at step {step}",
                    p.key
                );
            }
            placed = next;
        }
    }

    #[test]
    fn a_label_may_grow_into_the_room_before_the_next_mark_in_its_row() {
        let p = Packing { rows: 2, ..P };
        // Three points in one row, 100 px apart, labels 40 px reserved.
        let marks = [
            point(0, 0.0, 40.0),
            point(1, 100.0, 40.0),
            point(2, 200.0, 40.0),
        ];
        let l = pack(&marks, &p);
        let room = |k| l.placed.iter().find(|x| x.key == k).unwrap().room;
        // From label start (x + 6) to the next mark's left (its x) less the gap.
        assert_eq!(room(0), 100.0 - P.gap - 6.0);
        assert_eq!(room(1), 200.0 - P.gap - 106.0);
        assert_eq!(room(2), f64::INFINITY);
        // A mark in another row does not limit it.
        let crowded = [
            point(0, 0.0, 40.0),
            point(1, 20.0, 40.0),
            point(2, 100.0, 40.0),
        ];
        let l = pack(&crowded, &p);
        let row_of = |k| l.placed.iter().find(|x| x.key == k).unwrap();
        assert_eq!(row_of(1).row, 1);
        assert_eq!(row_of(0).room, 100.0 - P.gap - 6.0);
        assert_eq!(row_of(1).room, f64::INFINITY);
    }

    #[test]
    fn full_cells_reject_only_marks_that_fit_nowhere() {
        // A dense lane: 3,000 points and bars over 600 px. Packing with the
        // full-cell shortcut places exactly what searching every row does.
        let mut rng = crate::synth::Rng(11);
        let mut next = move || rng.unit();
        let marks: Vec<Mark> = (0..3000)
            .map(|key| {
                let x = next() * 600.0 - 50.0;
                let len = if key % 5 == 0 { next() * 60.0 } else { 0.0 };
                Mark {
                    key,
                    x0: x,
                    x1: x + len,
                    label_x: x + len + 4.0,
                    label_w: 8.0 + next() * 80.0,
                }
            })
            .collect();
        let p = Packing { rows: 4, ..P };
        let full = Full::new(&marks, p.rows);
        assert!(full.is_some(), "dense enough for the shortcut");
        let fast = pack_with(&marks, &p, full);
        let slow = pack_with(&marks, &p, None);
        assert_eq!(fast, slow);
        assert!(fast.placed.len() > 20 && fast.clusters.len() > 5);
    }

    #[test]
    fn marks_within_a_pixel_share_a_count_marker() {
        let p = Packing { rows: 1, ..P };
        // One point takes the row; the rest, in two pixel columns 100 px
        // apart, fit nowhere.
        let mut marks = vec![point(0, 0.0, 400.0)];
        marks.extend(
            (1..=6).map(|k| point(k, 100.0 + (k % 2) as f64 * 100.0 + k as f64 * 0.1, 40.0)),
        );
        let l = pack(&marks, &p);
        assert_eq!(l.placed.len(), 1);
        let keys: Vec<Vec<usize>> = l.clusters.iter().map(|c| c.keys.clone()).collect();
        assert_eq!(keys, vec![vec![2, 4, 6], vec![1, 3, 5]]);
        assert!((l.clusters[0].center - 100.4).abs() < 1e-9);
    }
}
