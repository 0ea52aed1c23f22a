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

impl Mark {
    fn left(&self) -> f64 {
        self.x0.min(self.label_x)
    }

    fn right(&self) -> f64 {
        self.x1.max(self.label_x + self.label_w)
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
    // Each row: occupied extents and their marks, sorted by left edge.
    let mut rows: Vec<Vec<(f64, f64, usize)>> = vec![Vec::new(); p.rows];
    let mut out = LaneLayout::default();
    let mut overflow: Vec<&Mark> = Vec::new();
    // Where each placed mark's label starts.
    let mut labels: Vec<f64> = Vec::new();
    for m in marks {
        let (left, right) = (m.left(), m.right());
        let slot = rows.iter().enumerate().find_map(|(r, row)| {
            let pos = row.partition_point(|iv| iv.0 < left);
            let prev_ok = pos == 0 || row[pos - 1].1 + p.gap <= left;
            let next_ok = pos == row.len() || right + p.gap <= row[pos].0;
            (prev_ok && next_ok).then_some((r, pos))
        });
        match slot {
            Some((row, pos)) => {
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
    // Count markers sit at their members' mean position; neighbours whose
    // markers would collide merge (and the merged one moves to the new mean).
    overflow.sort_by(|a, b| a.center().total_cmp(&b.center()).then(a.key.cmp(&b.key)));
    let mut groups: Vec<(Cluster, f64)> = Vec::new(); // cluster, sum of centres
    for m in overflow {
        groups.push((
            Cluster {
                keys: vec![m.key],
                x0: m.x0,
                x1: m.x1,
                center: m.center(),
            },
            m.center(),
        ));
        while groups.len() >= 2 {
            let n = groups.len();
            let mean = |g: &(Cluster, f64)| g.1 / g.0.keys.len() as f64;
            if mean(&groups[n - 1]) - mean(&groups[n - 2]) >= p.chip_w + p.gap {
                break;
            }
            let (last, sum) = groups.pop().expect("two groups");
            let prev = groups.last_mut().expect("two groups");
            prev.0.keys.extend(last.keys);
            prev.0.x0 = prev.0.x0.min(last.x0);
            prev.0.x1 = prev.0.x1.max(last.x1);
            prev.1 += sum;
        }
    }
    out.clusters = groups
        .into_iter()
        .map(|(mut c, sum)| {
            c.center = sum / c.keys.len() as f64;
            c
        })
        .collect();
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
}
