//! What one lane draws at one zoom: each visible event's marker, label and
//! row, and the count markers for what does not fit. A pure function of the
//! dataset, the window and the screen width: the view only renders it.

use crate::css::px;
use crate::dataset::{Ranked, Timeline};
use crate::date::{Precision, When};
use crate::layout::{greater, label_width_chars, lesser, pack, Mark, Packing};
use crate::text::Glyphs;
use crate::viewport::Viewport;

/// How an event's date is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// A day: a crisp point.
    Point,
    /// A month, season or year: a soft span whose ends fade.
    Soft,
    /// A `start/end` range: a bar.
    Range,
}

impl Shape {
    /// How the date `w` is drawn. A window a happening falls in fades at
    /// its ends like a month.
    pub fn of(w: &When) -> Shape {
        if w.is_window() {
            Shape::Soft
        } else if w.is_range() {
            Shape::Range
        } else if w.precision() == Precision::Day {
            Shape::Point
        } else {
            Shape::Soft
        }
    }
}

/// Sizes the scene is laid out with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Average width of a label character.
    pub char_px: f64,
    /// Widest label.
    pub max_label: f64,
    /// Half the width of a point marker.
    pub point_r: f64,
    /// Narrowest span bar.
    pub min_bar: f64,
    /// Height of a row of events.
    pub row_h: f64,
    /// Height of the strip of count markers under a lane's rows.
    pub chip_h: f64,
    /// Average width of an axis label character.
    pub axis_char_px: f64,
    pub packing: Packing,
}

/// Font size of event labels (rift.css: 13px, 17.5px in the projector mode).
pub const LABEL_PX: f64 = 13.0;

/// How a label is sized: font size, and the room its padding, its
/// "sources disagree" mark and its "?" take besides the title.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelFont {
    pub size: f64,
    pub padding: f64,
    pub flag: f64,
    pub query: f64,
}

impl LabelFont {
    /// The labels' font at `scale` times the normal size.
    pub fn new(scale: f64) -> LabelFont {
        LabelFont {
            size: LABEL_PX * scale,
            padding: 8.0,
            flag: 19.0 * scale,
            query: 10.0 * scale,
        }
    }

    /// The room for the title in a label `label_w` wide.
    pub fn text_room(&self, label_w: f64, disputed: bool, uncertain: bool) -> f64 {
        label_w - self.padding - self.extras(disputed, uncertain)
    }

    /// The whole label of `title` in `glyphs`.
    pub fn width(&self, glyphs: &Glyphs, title: &str, disputed: bool, uncertain: bool) -> f64 {
        glyphs.width(title, self.size) + self.padding + self.extras(disputed, uncertain)
    }

    fn extras(&self, disputed: bool, uncertain: bool) -> f64 {
        f64::from(u8::from(disputed)) * self.flag + f64::from(u8::from(uncertain)) * self.query
    }
}

/// Space kept between a label and the right edge of the screen.
pub const LABEL_MARGIN: f64 = 4.0;

/// A bar narrower than this carries its label beside it, not inside.
pub const SHORT_BAR: f64 = 48.0;

/// Height of the axis strip above the lanes.
pub const AXIS_H: f64 = 30.0;
/// Height of one row of events.
pub const ROW_H: f64 = 30.0;
/// A lane's own furniture: its label, the strip of count markers, a rule.
pub const LANE_CHROME_H: f64 = 22.0 + 4.0 + 26.0 + 1.0;

impl Style {
    /// The sizes for a drawing area `width` by `height` pixels holding
    /// `lanes` lanes: as many rows as fit, between 2 and 10.
    pub fn for_area(width: f64, height: f64, lanes: usize) -> Style {
        Style::scaled(width, height, lanes, 1.0)
    }

    /// [`Style::for_area`] with text `scale` times larger (the projector
    /// mode): rows, labels and markers grow with it.
    pub fn scaled(width: f64, height: f64, lanes: usize, scale: f64) -> Style {
        let scale = if scale.is_finite() {
            crate::css::clamp(scale, 1.0, 2.0)
        } else {
            1.0
        };
        let narrow = width < 600.0;
        let row_h = ROW_H * scale;
        let per_lane = (height - AXIS_H * scale) / lanes.max(1) as f64 - LANE_CHROME_H * scale;
        let rows = if per_lane.is_finite() {
            crate::css::clamp((per_lane / row_h).floor(), 2.0, 10.0) as usize
        } else {
            3
        };
        Style {
            char_px: 6.9 * scale,
            max_label: if narrow { 150.0 } else { 210.0 } * scale,
            point_r: 6.0 * scale,
            min_bar: 8.0 * scale,
            row_h,
            chip_h: 26.0 * scale,
            axis_char_px: 7.2 * scale,
            packing: Packing {
                rows,
                gap: 10.0 * scale,
                chip_w: 40.0 * scale,
            },
        }
    }
}

/// One event as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub idx: usize,
    pub row: usize,
    /// Top of its row, in pixels from the lane's top.
    pub y: f64,
    pub shape: Shape,
    /// Marker extent on screen, clipped to a little beyond the screen.
    pub x0: f64,
    pub x1: f64,
    /// The span continues past the left / right screen edge.
    pub cut_left: bool,
    pub cut_right: bool,
    pub label_x: f64,
    pub label_w: f64,
}

impl Item {
    /// Left edge of the event's box: its marker and its label together.
    pub fn left(&self) -> f64 {
        self.x0.min(self.label_x)
    }

    /// Width of the event's box.
    pub fn width(&self) -> f64 {
        self.x1.max(self.label_x + self.label_w) - self.left()
    }

    /// The marker's offset inside the box.
    pub fn mark_left(&self) -> f64 {
        self.x0 - self.left()
    }

    /// The marker's width.
    pub fn mark_width(&self) -> f64 {
        self.x1 - self.x0
    }

    /// The label's offset inside the box.
    pub fn label_left(&self) -> f64 {
        self.label_x - self.left()
    }

    /// Whether the label is left of its marker (near the screen's right
    /// edge). Its title then ends at the marker, whatever part of its room
    /// the title takes.
    pub fn label_before(&self) -> bool {
        self.label_w > 0.0 && self.label_x + self.label_w <= self.x0 + 1e-9
    }

    /// How the view draws it, as CSS values.
    pub fn css(&self) -> ItemCss {
        let before = self.label_before();
        ItemCss {
            transform: crate::css::translate(self.left(), self.y),
            width: px(self.width()),
            mark_left: px(self.mark_left()),
            mark_width: px(self.mark_width()),
            // A label left of its marker is held by its right end.
            label_left: if before {
                "auto".into()
            } else {
                px(self.label_left())
            },
            label_right: if before {
                px(self.width() - self.label_left() - self.label_w)
            } else {
                "auto".into()
            },
            label_max: px(self.label_w.ceil()),
            cut_left: self.cut_left,
            cut_right: self.cut_right,
            label_w: self.label_w,
        }
    }
}

/// An item as the view draws it: its CSS lengths as text, and its flags.
/// The view writes each length where it differs from the last it wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemCss {
    /// `translate(x, y)` of the event's box.
    pub transform: String,
    pub width: String,
    /// The marker's offset and width inside the box.
    pub mark_left: String,
    pub mark_width: String,
    /// The label's offset inside the box from its left or its right
    /// (the other is `auto`), and its widest.
    pub label_left: String,
    pub label_right: String,
    pub label_max: String,
    pub cut_left: bool,
    pub cut_right: bool,
    /// The label's width in pixels, which the title is fitted to.
    pub label_w: f64,
}

/// The CSS classes that say how an event's date is drawn: its shape, a
/// faint band for a season or a year, and marks for approximate, uncertain
/// and disputed dates.
pub fn mark_class(shape: Shape, when: &When, disputed: bool) -> String {
    let mut c = String::from(match shape {
        Shape::Point => "ev point",
        Shape::Soft => "ev soft",
        Shape::Range => "ev range",
    });
    if !when.is_range() && when.precision() >= Precision::Season {
        c.push_str(" band");
    }
    for (on, class) in [
        (when.approximate(), " approx"),
        (when.uncertain(), " uncertain"),
        (disputed, " disputed"),
    ] {
        if on {
            c.push_str(class);
        }
    }
    c
}

/// How a lane's events are drawn, everywhere (lanes, overview, list,
/// popover, print): one hue and one marker shape per lane, so the lanes
/// read apart in greyscale and for colour-blind readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaneLook {
    /// The hue class, `lane-0` to `lane-5`.
    pub hue: &'static str,
    /// The marker shape class.
    pub shape: &'static str,
}

impl LaneLook {
    /// The look of the lane at position `lane` in the dataset.
    pub fn of(lane: usize) -> LaneLook {
        const HUES: [&str; 6] = ["lane-0", "lane-1", "lane-2", "lane-3", "lane-4", "lane-5"];
        const SHAPES: [&str; 4] = [
            "shape-circle",
            "shape-square",
            "shape-diamond",
            "shape-triangle",
        ];
        LaneLook {
            hue: HUES[lane % HUES.len()],
            shape: SHAPES[lane % SHAPES.len()],
        }
    }
}

/// A count marker.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub members: Vec<usize>,
    pub x: f64,
    /// The members' extent in days: where activating the marker zooms to.
    pub start: f64,
    pub end: f64,
}

/// One lane at one zoom.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneScene {
    /// The drawn events, in order of event index (each once).
    pub items: Vec<Item>,
    pub chips: Vec<Chip>,
}

impl LaneScene {
    /// Where event `idx` is drawn, if it is: a binary search, since the
    /// items are in order of event index.
    pub fn item(&self, idx: usize) -> Option<&Item> {
        let i = self.items.binary_search_by_key(&idx, |it| it.idx).ok()?;
        Some(&self.items[i])
    }
}

/// Which events the reader is looking for.
#[derive(Clone, Copy, Debug, Default)]
pub struct Focus<'a> {
    /// Only these are drawn at all (the filters), when given.
    pub keep: Option<&'a [bool]>,
    /// These claim rows before all others (search results), when given.
    pub prefer: Option<&'a [bool]>,
    /// The selected event: always drawn if it is on screen.
    pub selected: Option<usize>,
    /// Each event's whole label width in pixels (title and marks, in the
    /// interface language, measured in its font), when known; estimated
    /// from the English title's length otherwise.
    pub labels: Option<&'a [f64]>,
    /// The same widths for this lane's events in rank order (as
    /// `Timeline::by_lane_rank`), when known. A frame reads every event
    /// of a wide window: read in that order, they come from memory in
    /// sequence rather than one cache miss each (at 100,000 events, most
    /// of a frame's layout time).
    pub ranked: Option<&'a [f64]>,
}

/// Lane `lane`'s label widths in rank order (`Focus::ranked`), from the
/// widths by event.
pub fn ranked_labels(t: &Timeline, lane: usize, labels: &[f64]) -> Vec<f64> {
    t.by_lane_rank.get(lane).map_or_else(Vec::new, |rs| {
        rs.iter().map(|r| labels[r.idx as usize]).collect()
    })
}

/// Lays out lane `lane` for window `view` on a screen `width` pixels wide.
/// Only events that can show on screen, and that the focus keeps, are
/// considered; preferred ones are placed first.
pub fn lane(
    t: &Timeline,
    lane: usize,
    view: &Viewport,
    width: f64,
    style: &Style,
    focus: Focus<'_>,
) -> LaneScene {
    let keep = focus.keep;
    if width.is_nan() || width <= 0.0 {
        return LaneScene::default();
    }
    let ppd = view.px_per_day(width);
    // A point's label reaches this far right of it: include such events too.
    let reach = (style.max_label + style.point_r * 2.0) / ppd;
    let edge = 24.0;
    let (lo, hi) = (view.start - reach, view.end);
    // Marks are keyed by their position in `marks`, which is the order they
    // claim rows in: the selected event, then the preferred ones, then the
    // rest, each by rank. The lane's events are kept in rank order, so no
    // frame sorts them. `meta` holds the rest of each mark.
    // Room for every event of the lane, so that a frame of a large lane
    // does not copy them as they grow.
    let room = t.by_lane_rank.get(lane).map_or(0, Vec::len) + 1;
    let mut marks: Vec<Mark> = Vec::with_capacity(room);
    let mut meta: Vec<(Ranked, bool, bool, f64)> = Vec::with_capacity(room);
    let label_of = |i: usize| {
        focus
            .labels
            .and_then(|l| l.get(i).copied())
            .unwrap_or_else(|| label_width_chars(t.title_chars[i], style.char_px, f64::INFINITY))
    };
    let mut add = |r: Ranked, label: Option<f64>| {
        let (i, shape) = (r.idx as usize, r.shape);
        if r.start as f64 >= hi || r.end as f64 <= lo || keep.is_some_and(|k| !k[i]) {
            return;
        }
        let label_full = label.unwrap_or_else(|| label_of(i));
        // Packing reserves at most `max_label`; the label then grows into
        // whatever room its row has.
        let label_w = lesser(label_full, style.max_label);
        let (mut x0, mut x1) = (
            view.to_px(r.start as f64, width),
            view.to_px(r.end as f64, width),
        );
        if shape == Shape::Point {
            let x = (x0 + x1) / 2.0;
            x0 = x - style.point_r;
            x1 = x + style.point_r;
        } else if x1 - x0 < style.min_bar {
            let x = (x0 + x1) / 2.0;
            x0 = x - style.min_bar / 2.0;
            x1 = x + style.min_bar / 2.0;
        }
        // Long spans are clipped a little beyond the screen; a point,
        // or a span wholly off screen, keeps its true place.
        let cut_left = shape != Shape::Point && x0 < -edge && x1 > -edge;
        let cut_right = shape != Shape::Point && x1 > width + edge && x0 < width + edge;
        let x0 = if cut_left { -edge } else { x0 };
        let x1 = if cut_right { width + edge } else { x1 };
        // A label starts after a point or a short bar, inside a long one.
        // An approximate span is drawn as an outline: a title longer than
        // the outline would run out through its end, so it goes after it
        // (unless the span runs off the screen, where nothing is after it).
        let outlined_short =
            shape == Shape::Soft && !cut_right && r.approximate && label_full > x1 - x0 - 12.0;
        let beside = shape == Shape::Point || x1 - x0 < SHORT_BAR || outlined_short;
        // Near the right edge, a label that would run off the screen goes
        // to the left of its mark, where there is room for it.
        let flipped =
            beside && x1 + 4.0 + label_w > width - LABEL_MARGIN && x0 - 4.0 - label_w >= 0.0;
        // It reserves its whole title there, as far as the screen's left edge.
        let label_w = if flipped {
            lesser(label_full, x0 - 4.0)
        } else {
            label_w
        };
        let label_x = if flipped {
            x0 - 4.0 - label_w
        } else if beside {
            x1 + 4.0
        } else {
            greater(x0, 0.0) + 6.0
        };
        let right = if beside && !flipped {
            label_x + label_w
        } else {
            x1
        };
        if right <= 0.0 || x0 >= width {
            return;
        }
        marks.push(Mark {
            key: marks.len(),
            x0,
            x1,
            label_x,
            label_w,
        });
        // A label left of its mark keeps what packing reserved for it.
        let label_full = if flipped { label_w } else { label_full };
        meta.push((r, cut_left, cut_right, label_full));
    };
    let selected = focus.selected.filter(|&s| t.lane.get(s) == Some(&lane));
    if let Some(s) = selected {
        let w = &t.when[s];
        let r = Ranked {
            idx: s as u32,
            start: w.start(),
            end: w.end(),
            shape: Shape::of(w),
            approximate: w.approximate(),
        };
        add(r, None);
    }
    let ranked = &t.by_lane_rank[lane];
    // The rank-ordered widths, if they are this lane's.
    let widths = focus.ranked.filter(|w| w.len() == ranked.len());
    let others = ranked.iter().enumerate().filter_map(|(k, &r)| {
        let on = (r.start as f64) < hi && (r.end as f64) > lo && Some(r.idx as usize) != selected;
        on.then(|| (r, widths.map(|w| w[k])))
    });
    match focus.prefer {
        Some(p) => {
            others
                .clone()
                .filter(|(r, _)| p[r.idx as usize])
                .for_each(|(r, w)| add(r, w));
            others
                .filter(|(r, _)| !p[r.idx as usize])
                .for_each(|(r, w)| add(r, w));
        }
        None => others.for_each(|(r, w)| add(r, w)),
    }
    let packed = pack(&marks, &style.packing);
    // Items in order of event index (so `LaneScene::item` can search them):
    // the placed marks are put in that order first, then built once.
    let placed = &packed.placed;
    let items: Vec<Item> = crate::order::order(placed.len(), &|a, b| {
        meta[placed[a].key].0.idx.cmp(&meta[placed[b].key].0.idx)
    })
    .into_iter()
    .map(|k| {
        let p = &placed[k];
        let m = &marks[p.key];
        let (r, cut_left, cut_right, label_full) = meta[p.key];
        let (idx, shape) = (r.idx as usize, r.shape);
        // The whole title where the row and the screen have room for it.
        let room = p.room.min(width - LABEL_MARGIN - m.label_x);
        // The label of a point just off the left edge starts at the edge,
        // in the room it reserved, so that its title reads from its first
        // word rather than from wherever the edge cuts it.
        let shift = (-m.label_x).max(0.0);
        let label_w = label_full.min(room) - shift;
        Item {
            idx,
            row: p.row,
            y: p.row as f64 * style.row_h,
            shape,
            x0: m.x0,
            x1: m.x1,
            cut_left,
            cut_right,
            label_x: m.label_x + shift,
            label_w: label_w.max(0.0),
        }
    })
    .collect();
    let chips = packed
        .clusters
        .into_iter()
        .map(|c| {
            let members: Vec<usize> = c.keys.iter().map(|&k| meta[k].0.idx as usize).collect();
            let start = c.keys.iter().map(|&k| meta[k].0.start).min().unwrap_or(0) as f64;
            let end = c.keys.iter().map(|&k| meta[k].0.end).max().unwrap_or(0) as f64;
            Chip {
                x: (c.center - style.packing.chip_w / 2.0)
                    .max(0.0)
                    .min(width - style.packing.chip_w),
                members,
                start,
                end,
            }
        })
        .collect();
    LaneScene {
        items,
        chips: spread(chips, width, style.packing.chip_w + 4.0),
    }
}

/// Keeps count markers clamped to the screen edges from overlapping: each
/// is pushed right of its left neighbour, then left of its right neighbour.
fn spread(mut chips: Vec<Chip>, width: f64, step: f64) -> Vec<Chip> {
    for i in 1..chips.len() {
        chips[i].x = chips[i].x.max(chips[i - 1].x + step);
    }
    let mut limit = width - step + 4.0;
    for c in chips.iter_mut().rev() {
        c.x = c.x.min(limit);
        limit = c.x - step;
    }
    chips
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{bench, bounds as bounds_of, event, lane as fixture_lane, timeline};
    use crate::viewport::Bounds;

    #[test]
    fn large_text_scales_rows_and_labels() {
        let normal = Style::for_area(1280.0, 720.0, 3);
        let large = Style::scaled(1280.0, 720.0, 3, 1.4);
        assert!(large.row_h > normal.row_h && large.char_px > normal.char_px);
        assert!(large.packing.rows < normal.packing.rows);
        assert!(large.packing.rows >= 2);
        assert_eq!(Style::scaled(1280.0, 720.0, 3, f64::NAN), normal);
    }

    #[test]
    fn rows_fill_the_height_within_limits() {
        assert_eq!(
            Style::for_area(1280.0, 30.0 + 3.0 * (LANE_CHROME_H + 4.0 * ROW_H), 3)
                .packing
                .rows,
            4
        );
        assert_eq!(Style::for_area(1280.0, 200.0, 3).packing.rows, 2);
        assert_eq!(Style::for_area(1280.0, 5000.0, 2).packing.rows, 10);
        assert_eq!(Style::for_area(1280.0, f64::NAN, 2).packing.rows, 3);
    }

    #[test]
    fn every_event_in_the_window_is_drawn_or_counted_once() {
        let t = bench(2_000);
        let bounds = bounds_of(&t);
        let v = Viewport::centered(bounds.full().center(), 400.0, &bounds);
        let width = 1000.0;
        let s = lane(
            &t,
            0,
            &v,
            width,
            &Style::for_area(width, 600.0, 3),
            Focus::default(),
        );
        let mut seen: Vec<usize> = s.items.iter().map(|i| i.idx).collect();
        seen.extend(s.chips.iter().flat_map(|c| c.members.iter().copied()));
        seen.sort();
        let before = seen.len();
        seen.dedup();
        assert_eq!(before, seen.len(), "no event twice");
        for i in t.in_window(v.start, v.end).filter(|&i| t.lane[i] == 0) {
            assert!(
                seen.binary_search(&i).is_ok(),
                "event {i} in the window is missing"
            );
        }
    }

    #[test]
    fn the_whole_range_of_ten_thousand_events_stays_small() {
        let t = bench(10_000);
        let bounds = bounds_of(&t);
        let width = 1280.0;
        let style = Style::for_area(width, 600.0, 3);
        let s = lane(&t, 0, &bounds.full(), width, &style, Focus::default());
        assert!(s.items.len() <= 200, "{} items drawn", s.items.len());
        assert!(s.chips.len() <= 60, "{} chips", s.chips.len());
        let counted: usize = s.items.len() + s.chips.iter().map(|c| c.members.len()).sum::<usize>();
        assert_eq!(counted, 5_000);
        // Chips never overlap, even where the screen edges clamp them.
        for w in s.chips.windows(2) {
            assert!(w[0].x + style.packing.chip_w <= w[1].x + 1e-9);
        }
        for v in [
            Viewport {
                start: bounds.min,
                end: bounds.min + 400.0,
            },
            Viewport {
                start: bounds.max - 400.0,
                end: bounds.max,
            },
        ] {
            let s = lane(&t, 0, &v, 500.0, &style, Focus::default());
            for w in s.chips.windows(2) {
                assert!(
                    w[0].x + style.packing.chip_w <= w[1].x + 1e-9,
                    "{:?}",
                    s.chips
                );
            }
        }
    }

    #[test]
    fn points_spans_and_ranges_take_their_shapes() {
        let t = bench(300);
        let bounds = bounds_of(&t);
        let mut shapes = std::collections::HashSet::new();
        let mut v = bounds.full();
        for _ in 0..40 {
            for l in 0..2 {
                for it in lane(
                    &t,
                    l,
                    &v,
                    1200.0,
                    &Style::for_area(1200.0, 600.0, 3),
                    Focus::default(),
                )
                .items
                {
                    let w = &t.when[it.idx];
                    let expect = if w.is_range() {
                        Shape::Range
                    } else if w.precision() == Precision::Day {
                        Shape::Point
                    } else {
                        Shape::Soft
                    };
                    assert_eq!(it.shape, expect);
                    assert!(it.x1 > it.x0);
                    shapes.insert(format!("{:?}", it.shape));
                }
            }
            v = v.zoom_at(v.center(), 1.15, &bounds);
        }
        assert_eq!(shapes.len(), 3);
    }

    #[test]
    fn filtered_out_events_are_neither_drawn_nor_counted() {
        let t = bench(500);
        let bounds = bounds_of(&t);
        let keep: Vec<bool> = (0..500).map(|i| i % 5 == 0).collect();
        let style = Style::for_area(1200.0, 600.0, 2);
        let s = lane(
            &t,
            0,
            &bounds.full(),
            1200.0,
            &style,
            Focus {
                keep: Some(&keep),
                ..Focus::default()
            },
        );
        let mut all: Vec<usize> = s.items.iter().map(|i| i.idx).collect();
        all.extend(s.chips.iter().flat_map(|c| c.members.iter().copied()));
        assert!(all.iter().all(|&i| keep[i]));
        assert_eq!(
            all.len(),
            (0..500).filter(|&i| keep[i] && t.lane[i] == 0).count()
        );
    }

    #[test]
    fn preferred_events_are_drawn_before_others() {
        let t = bench(3000);
        let bounds = bounds_of(&t);
        let style = Style::for_area(1200.0, 600.0, 2);
        let prefer: Vec<bool> = (0..3000).map(|i| i % 97 == 0).collect();
        let plain = lane(&t, 0, &bounds.full(), 1200.0, &style, Focus::default());
        let focused = lane(
            &t,
            0,
            &bounds.full(),
            1200.0,
            &style,
            Focus {
                prefer: Some(&prefer),
                ..Focus::default()
            },
        );
        let drawn = |s: &LaneScene| s.items.iter().filter(|i| prefer[i.idx]).count();
        assert!(
            drawn(&focused) > drawn(&plain),
            "{} vs {}",
            drawn(&focused),
            drawn(&plain)
        );
    }

    #[test]
    fn the_selected_event_is_always_drawn() {
        let t = bench(5000);
        let bounds = bounds_of(&t);
        let style = Style::for_area(1200.0, 600.0, 2);
        let plain = lane(&t, 0, &bounds.full(), 1200.0, &style, Focus::default());
        let hidden = plain.chips[0].members[0];
        let s = lane(
            &t,
            0,
            &bounds.full(),
            1200.0,
            &style,
            Focus {
                selected: Some(hidden),
                ..Focus::default()
            },
        );
        assert!(s.item(hidden).is_some());
    }

    #[test]
    fn a_year_long_span_seen_from_inside_is_cut_on_both_sides() {
        let t = timeline(vec![fixture_lane("a")], vec![event("year", "a", "1957")]);
        let bounds = bounds_of(&t);
        let v = Viewport::centered(bounds.full().center(), 20.0, &bounds);
        let s = lane(
            &t,
            0,
            &v,
            800.0,
            &Style::for_area(800.0, 600.0, 3),
            Focus::default(),
        );
        let it = &s.items[0];
        assert!(it.cut_left && it.cut_right);
        assert_eq!(it.label_x, 6.0, "the label sticks to the left edge");
    }

    #[test]
    fn an_item_box_holds_its_marker_and_its_label() {
        // A point with its label beside it, to the right.
        let point = Item {
            idx: 0,
            row: 0,
            y: 0.0,
            shape: Shape::Point,
            x0: 94.0,
            x1: 106.0,
            cut_left: false,
            cut_right: false,
            label_x: 110.0,
            label_w: 80.0,
        };
        assert_eq!(point.left(), 94.0);
        assert_eq!(point.width(), 96.0);
        assert_eq!(point.mark_left(), 0.0);
        assert_eq!(point.mark_width(), 12.0);
        assert_eq!(point.label_left(), 16.0);
        // A long bar whose label sits inside it.
        let bar = Item {
            x0: -24.0,
            x1: 900.0,
            label_x: 6.0,
            label_w: 120.0,
            shape: Shape::Range,
            ..point.clone()
        };
        assert_eq!(bar.left(), -24.0);
        assert_eq!(bar.width(), 924.0);
        assert_eq!(bar.label_left(), 30.0);
        // A zero-width marker still has a box as wide as its label.
        let flat = Item {
            x0: 50.0,
            x1: 50.0,
            label_x: 50.0,
            label_w: 0.0,
            ..point
        };
        assert_eq!((flat.left(), flat.width()), (50.0, 0.0));
    }

    #[test]
    fn mark_classes_say_precision_and_doubt() {
        let w = |s: &str| When::parse(s).unwrap();
        assert_eq!(
            mark_class(Shape::Point, &w("1961-06-04"), false),
            "ev point"
        );
        assert_eq!(mark_class(Shape::Soft, &w("1961-06"), false), "ev soft");
        assert_eq!(
            mark_class(Shape::Soft, &w("1961-22"), false),
            "ev soft band"
        );
        assert_eq!(
            mark_class(Shape::Soft, &w("1957?"), true),
            "ev soft band uncertain disputed"
        );
        assert_eq!(
            mark_class(Shape::Soft, &w("1960-06~"), false),
            "ev soft approx"
        );
        assert_eq!(
            mark_class(Shape::Range, &w("1961-10-17/1961-10-31"), false),
            "ev range"
        );
        assert_eq!(
            mark_class(Shape::Soft, &w("1961-11-25?/1961-12-09?"), false),
            "ev soft uncertain"
        );
    }

    #[test]
    fn each_lane_keeps_one_hue_and_one_shape() {
        assert_eq!(
            LaneLook::of(0),
            LaneLook {
                hue: "lane-0",
                shape: "shape-circle"
            }
        );
        assert_eq!(LaneLook::of(2).shape, "shape-diamond");
        assert_eq!(LaneLook::of(7).hue, "lane-1");
        assert_eq!(LaneLook::of(7).shape, "shape-triangle");
        assert_ne!(LaneLook::of(0), LaneLook::of(1));
    }

    #[test]
    fn a_window_of_uncertain_ends_is_drawn_soft_not_as_a_span() {
        let t = timeline(
            vec![fixture_lane("a")],
            vec![
                event("lasted", "a", "1961-10-17/1961-10-31"),
                event("sometime", "a", "1961-11-25?/1961-12-09?"),
                event("half", "a", "1961-11-01?/1961-11-20"),
            ],
        );
        let b = bounds_of(&t);
        let v = Viewport::centered(t.when[1].middle(), 90.0, &b);
        let s = lane(
            &t,
            0,
            &v,
            1200.0,
            &Style::for_area(1200.0, 600.0, 1),
            Focus::default(),
        );
        assert_eq!(s.item(0).unwrap().shape, Shape::Range);
        assert_eq!(s.item(1).unwrap().shape, Shape::Soft);
        // Only a window both of whose ends are uncertain.
        assert_eq!(s.item(2).unwrap().shape, Shape::Range);
    }

    #[test]
    fn a_label_holds_its_title_and_its_marks() {
        let g = Glyphs::even(0.5);
        let f = LabelFont::new(1.0);
        let plain = f.width(&g, "Vlora", false, false);
        assert_eq!(plain, 5.0 * 0.5 * LABEL_PX + f.padding);
        assert_eq!(f.width(&g, "Vlora", true, true), plain + f.flag + f.query);
        assert_eq!(f.text_room(plain, false, false), 5.0 * 0.5 * LABEL_PX);
        assert!(LabelFont::new(1.35).size > f.size);
    }

    /// Lane 0 of `t` on a 1280 px screen, with these whole label widths.
    #[test]
    fn widths_read_in_rank_order_lay_out_the_same() {
        // The rank-ordered copy of the widths is only a faster way to read
        // them: with it or without, a lane is laid out the same, at every
        // zoom, for every lane, with a selection and a search.
        let t = bench(3000);
        let b = bounds_of(&t);
        let style = Style::for_area(1280.0, 600.0, 2);
        let n = t.data.events.len();
        let labels: Vec<f64> = (0..n).map(|i| 30.0 + (i * 37 % 190) as f64).collect();
        let prefer: Vec<bool> = (0..n).map(|i| i % 9 == 0).collect();
        let full = b.full();
        for k in 0..10 {
            let v = full.zoom_at(full.center() - 300.0, 2f64.powi(k), &b);
            for l in 0..t.data.lanes.len() {
                let ranked = ranked_labels(&t, l, &labels);
                assert_eq!(ranked.len(), t.by_lane_rank[l].len());
                for (selected, prefer) in [(None, None), (Some(n / 2), Some(prefer.as_slice()))] {
                    let focus = Focus {
                        labels: Some(&labels),
                        selected,
                        prefer,
                        ..Focus::default()
                    };
                    let by_event = lane(&t, l, &v, 1280.0, &style, focus);
                    let by_rank = lane(
                        &t,
                        l,
                        &v,
                        1280.0,
                        &style,
                        Focus {
                            ranked: Some(&ranked),
                            ..focus
                        },
                    );
                    assert!(!by_event.items.is_empty());
                    assert_eq!(by_event, by_rank, "zoom {k}, lane {l}");
                }
            }
        }
    }

    fn labelled(t: &Timeline, v: &Viewport, style: &Style, labels: &[f64]) -> LaneScene {
        let focus = Focus {
            labels: Some(labels),
            ..Focus::default()
        };
        lane(t, 0, v, 1280.0, style, focus)
    }

    #[test]
    fn labels_take_the_room_their_row_has() {
        // Two events a month apart at a 3-month view: the first title is
        // long, and there is room for it before the second.
        let mut a = event("a", "a", "1960-11-01");
        a.title = "x".repeat(60);
        let t = timeline(
            vec![fixture_lane("a")],
            vec![a, event("b", "a", "1960-12-20")],
        );
        let b = bounds_of(&t);
        let v = Viewport::centered(t.when[0].middle() + 30.0, 91.0, &b);
        let style = Style::for_area(1280.0, 600.0, 1);
        let widths = [60.0 * 7.0 + 7.0, 40.0];
        let s = labelled(&t, &v, &style, &widths);
        let (first, second) = (s.item(0).unwrap(), s.item(1).unwrap());
        // Same row, and the whole first title shows: wider than packing's cap.
        assert_eq!(first.row, second.row);
        assert_eq!(first.label_w, widths[0]);
        assert!(first.label_w > style.max_label);
        assert!(first.label_x + first.label_w < second.x0);
        // At the screen's right edge a label stops short of it.
        let v = Viewport::centered(t.when[1].middle() - 2.0, 91.0, &b);
        let s = labelled(&t, &v, &style, &[420.0, 420.0]);
        let last = s.item(1).unwrap();
        assert!(last.label_x + last.label_w <= 1280.0 - LABEL_MARGIN + 1e-9);
    }

    #[test]
    fn an_approximate_span_has_its_title_after_its_outline_where_it_is_longer() {
        // "About March 1961", and the same month exactly, side by side.
        let t = timeline(
            vec![fixture_lane("a"), fixture_lane("b")],
            vec![
                event("about", "a", "1961-03~"),
                event("exact", "b", "1961-03"),
            ],
        );
        let b = bounds_of(&t);
        let style = Style::for_area(1280.0, 600.0, 1);
        let title = 300.0;
        // Six months across 1280 px: the month is about 210 px wide.
        let v = Viewport::centered(t.when[0].middle(), 183.0, &b);
        let near = labelled(&t, &v, &style, &[title, title]);
        let about = near.item(0).unwrap();
        assert!(
            about.x1 - about.x0 < title,
            "the title is longer than the outline"
        );
        assert!(about.label_x >= about.x1, "{about:?}");
        // An exact month keeps its title on its band, which fades out
        // rather than ending in a line.
        let labels = [title, title];
        let focus = Focus {
            labels: Some(&labels),
            ..Focus::default()
        };
        let exact = lane(&t, 1, &v, 1280.0, &style, focus);
        let exact = exact.item(1).unwrap();
        assert!(exact.label_x >= exact.x0 && exact.label_x < exact.x1);
        // A year across the screen: the title fits in the outline.
        let v = Viewport::centered(t.when[0].middle(), 60.0, &b);
        let far = labelled(&t, &v, &style, &[title, title]);
        let about = far.item(0).unwrap();
        assert!(about.x1 - about.x0 > title + 12.0);
        assert!(about.label_x < about.x1 && about.label_x >= about.x0);
    }

    #[test]
    fn a_point_just_off_the_left_edge_shows_its_title_from_the_edge() {
        let t = timeline(
            vec![fixture_lane("a")],
            vec![event("early", "a", "1960-11-01")],
        );
        // The point is 20 days left of the window, its 300 px label reaches in.
        let start = t.when[0].middle() + 20.0;
        let v = Viewport {
            start,
            end: start + 365.0,
        };
        let style = Style::for_area(1280.0, 600.0, 1);
        let s = labelled(&t, &v, &style, &[300.0]);
        let it = s.item(0).expect("its label is on screen, so it is drawn");
        assert!(it.x1 < 0.0, "the point is off screen");
        // Where its label would have ended, with its start at the edge.
        let end = it.x1 + 4.0 + 300.0;
        assert_eq!(it.label_x, 0.0);
        assert!((it.label_x + it.label_w - end).abs() < 1e-9);
        // A label whose start is on screen stays beside its point.
        let v = Viewport {
            start: start - 40.0,
            end: start + 325.0,
        };
        let it = labelled(&t, &v, &style, &[300.0]).items[0].clone();
        assert!(it.x1 > 0.0);
        assert_eq!(it.label_x, it.x1 + 4.0);
    }

    #[test]
    fn near_the_right_edge_a_label_goes_left_of_its_point() {
        let t = timeline(
            vec![fixture_lane("a")],
            vec![event("edge", "a", "1960-12-30")],
        );

        let v = Viewport {
            start: t.when[0].middle() - 88.0,
            end: t.when[0].middle() + 2.0,
        };
        let style = Style::for_area(1280.0, 600.0, 1);
        let s = labelled(&t, &v, &style, &[200.0]);
        let it = s.item(0).unwrap();
        assert!(it.x0 > 1200.0, "the point is near the right edge");
        assert_eq!(it.label_w, 200.0);
        assert_eq!(it.label_x + it.label_w, it.x0 - 4.0);
        // Its title, however much of that room it takes, ends at the point:
        // the label is held by its right end, 4 px plus the point from the
        // box's right edge.
        let css = it.css();
        assert!(it.label_before());
        assert_eq!(
            (css.label_left.as_str(), css.label_right),
            ("auto", px(it.x1 - it.x0 + 4.0))
        );
        // With room to its right, it stays there, held by its left end.
        let v = Viewport::centered(t.when[0].middle(), 90.0, &Bounds::default_range());
        let s = labelled(&t, &v, &style, &[200.0]);
        let it = s.item(0).unwrap();
        assert_eq!(it.label_x, it.x1 + 4.0);
        let css = it.css();
        assert!(!it.label_before());
        assert_eq!(
            (css.label_left.as_str(), css.label_right.as_str()),
            (px(it.label_left()).as_str(), "auto")
        );
        // The box is placed by a translation, and the label held to a width.
        assert_eq!(
            (css.transform, css.width, css.label_max),
            (
                format!("translate({}, {})", px(it.left()), px(it.y)),
                px(it.width()),
                px(it.label_w.ceil())
            )
        );
    }
}
