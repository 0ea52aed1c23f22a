//! The visible window and the time scale: which days are on screen, where a
//! day lands in pixels, and how zoom and pan change the window.
//!
//! Like d3-zoom's transform, a [`Viewport`] is a plain value: every gesture is
//! a pure function from one viewport to the next, clamped to [`Bounds`].

use crate::date::Day;

/// Shortest visible window: about one week.
pub const MIN_SPAN_DAYS: f64 = 7.0;

/// Where the window may go and how wide it may be, in days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    /// Earliest day the window may show.
    pub min: f64,
    /// Latest day (exclusive) the window may show.
    pub max: f64,
    /// Narrowest window.
    pub min_span: f64,
}

impl Bounds {
    /// Bounds covering whole years from `first` to `last` (inclusive days).
    pub fn around(first: Day, last: Day) -> Bounds {
        let (y0, _, _) = crate::date::ymd(first);
        let (y1, _, _) = crate::date::ymd(last);
        Bounds {
            min: crate::date::month_start(y0, 1, 0) as f64,
            max: crate::date::month_start(y1 + 1, 1, 0) as f64,
            min_span: MIN_SPAN_DAYS,
        }
    }

    /// The bounds of a timeline with no events: the product's range,
    /// 1948–1962.
    pub fn default_range() -> Bounds {
        Bounds {
            min: crate::date::month_start(1948, 1, 0) as f64,
            max: crate::date::month_start(1963, 1, 0) as f64,
            min_span: MIN_SPAN_DAYS,
        }
    }

    /// Widest window: everything.
    pub fn max_span(&self) -> f64 {
        self.max - self.min
    }

    /// The whole range as a viewport.
    pub fn full(&self) -> Viewport {
        Viewport {
            start: self.min,
            end: self.max,
        }
    }
}

/// The visible window: `start` inclusive to `end` exclusive, in fractional days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
}

impl Viewport {
    /// Width of the window in days.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Middle of the window.
    pub fn center(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// A window of `span` days around `center`, clamped.
    pub fn centered(center: f64, span: f64, b: &Bounds) -> Viewport {
        let span = crate::css::clamp(span, b.min_span, b.max_span());
        Viewport {
            start: center - span / 2.0,
            end: center + span / 2.0,
        }
        .clamped(b)
    }

    /// The same window forced inside the bounds: the span first, then the
    /// position (shifted in, never squeezed).
    pub fn clamped(self, b: &Bounds) -> Viewport {
        let span = if self.span().is_finite() {
            crate::css::clamp(self.span(), b.min_span, b.max_span())
        } else {
            b.max_span()
        };
        let mut start = if self.start.is_finite() {
            self.start
        } else {
            b.min
        };
        if self.span() != span {
            // Keep the centre where the caller put it.
            start = self.center() - span / 2.0;
            if !start.is_finite() {
                start = b.min;
            }
        }
        start = crate::css::clamp(start, b.min, b.max - span);
        Viewport {
            start,
            end: start + span,
        }
    }

    /// Zooms by `factor` (above 1 zooms in) keeping day `anchor` fixed on
    /// screen, as far as the bounds allow.
    pub fn zoom_at(self, anchor: f64, factor: f64, b: &Bounds) -> Viewport {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        let span = crate::css::clamp(self.span() / factor, b.min_span, b.max_span());
        let ratio = (anchor - self.start) / self.span();
        let start = anchor - ratio * span;
        Viewport {
            start,
            end: start + span,
        }
        .clamped(b)
    }

    /// Moves the window by `days` (positive: later), clamped.
    pub fn pan(self, days: f64, b: &Bounds) -> Viewport {
        Viewport {
            start: self.start + days,
            end: self.end + days,
        }
        .clamped(b)
    }

    /// Pixels per day for a screen `width` pixels wide.
    pub fn px_per_day(&self, width: f64) -> f64 {
        width / self.span()
    }

    /// Screen x of a day.
    pub fn to_px(&self, day: f64, width: f64) -> f64 {
        (day - self.start) * self.px_per_day(width)
    }

    /// Day under screen x.
    pub fn from_px(&self, x: f64, width: f64) -> f64 {
        self.start + x / self.px_per_day(width)
    }

    /// First whole day visible.
    pub fn first_day(&self) -> Day {
        self.start.floor() as Day
    }

    /// Last whole day visible (inclusive).
    pub fn last_day(&self) -> Day {
        (self.end.ceil() as Day - 1).max(self.first_day())
    }

    /// Whether `[start, end)` intersects the window.
    pub fn overlaps(&self, start: f64, end: f64) -> bool {
        end > self.start && start < self.end
    }
}

/// Zoom factor of a wheel event, as d3-zoom computes it: `2^(-deltaY * k)`
/// with `k` set by the delta mode (pixels, lines, pages); pinch gestures on
/// trackpads arrive as wheel events with ctrl held and zoom ten times faster.
pub fn wheel_factor(delta_y: f64, delta_mode: u32, ctrl: bool) -> f64 {
    let per_unit = match delta_mode {
        0 => 0.002,
        1 => 0.05,
        _ => 1.0,
    };
    let k = if ctrl { 10.0 } else { 1.0 };
    2f64.powf(-delta_y * per_unit * k)
}

/// Zoom factor of one key press or button click.
pub const STEP_FACTOR: f64 = 1.5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::day_from_ymd;

    fn bounds() -> Bounds {
        Bounds::around(
            day_from_ymd(1948, 3, 1).unwrap(),
            day_from_ymd(1962, 2, 1).unwrap(),
        )
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn an_empty_timeline_spans_the_product_range() {
        let b = Bounds::default_range();
        assert_eq!(b.min, day_from_ymd(1948, 1, 1).unwrap() as f64);
        assert_eq!(b.max, day_from_ymd(1963, 1, 1).unwrap() as f64);
    }

    #[test]
    fn bounds_cover_whole_years() {
        let b = bounds();
        assert_eq!(b.min, day_from_ymd(1948, 1, 1).unwrap() as f64);
        assert_eq!(b.max, day_from_ymd(1963, 1, 1).unwrap() as f64);
    }

    #[test]
    fn zoom_keeps_the_anchor_under_the_pointer() {
        let b = bounds();
        let v = b.full();
        let width = 1000.0;
        let x = 730.0;
        let anchor = v.from_px(x, width);
        let z = v.zoom_at(anchor, 4.0, &b);
        assert!(close(z.span(), v.span() / 4.0));
        assert!(close(z.to_px(anchor, width), x));
    }

    #[test]
    fn zoom_in_then_out_returns_to_the_same_window() {
        let b = bounds();
        let v = Viewport::centered(day_from_ymd(1960, 11, 10).unwrap() as f64, 400.0, &b);
        let anchor = v.start + 0.3 * v.span();
        let back = v.zoom_at(anchor, 1.7, &b).zoom_at(anchor, 1.0 / 1.7, &b);
        assert!(close(back.start, v.start) && close(back.end, v.end));
    }

    #[test]
    fn zoom_is_clamped_at_a_week_and_at_everything() {
        let b = bounds();
        let mut v = b.full();
        let anchor = day_from_ymd(1960, 11, 14).unwrap() as f64;
        for _ in 0..100 {
            v = v.zoom_at(anchor, 1.5, &b);
        }
        assert!(close(v.span(), MIN_SPAN_DAYS));
        assert!(v.start <= anchor && anchor <= v.end);
        // Reversing direction at the clamp moves at once: no dead zone.
        let out = v.zoom_at(anchor, 1.0 / 1.5, &b);
        assert!(close(out.span(), MIN_SPAN_DAYS * 1.5));
        for _ in 0..100 {
            v = v.zoom_at(anchor, 0.5, &b);
        }
        assert_eq!(v, b.full());
    }

    #[test]
    fn pan_stops_at_the_edges_without_squeezing() {
        let b = bounds();
        let v = Viewport::centered(b.min + 100.0, 100.0, &b);
        let left = v.pan(-10_000.0, &b);
        assert!(close(left.start, b.min) && close(left.span(), 100.0));
        let right = v.pan(1e9, &b);
        assert!(close(right.end, b.max) && close(right.span(), 100.0));
    }

    #[test]
    fn garbage_numbers_never_escape_the_bounds() {
        let b = bounds();
        let v = Viewport {
            start: f64::NAN,
            end: f64::INFINITY,
        }
        .clamped(&b);
        assert_eq!(v, b.full());
        assert_eq!(b.full().zoom_at(0.0, f64::NAN, &b), b.full());
        assert_eq!(b.full().zoom_at(0.0, 0.0, &b), b.full());
    }

    #[test]
    fn pixel_conversion_inverts() {
        let b = bounds();
        let v = Viewport::centered(-3000.0, 90.0, &b);
        let x = v.to_px(-2990.5, 640.0);
        assert!(close(v.from_px(x, 640.0), -2990.5));
    }

    #[test]
    fn wheel_factor_matches_d3() {
        assert!(close(wheel_factor(-500.0, 0, false), 2.0));
        assert!(close(wheel_factor(500.0, 0, false), 0.5));
        assert!(close(wheel_factor(-10.0, 1, false), 2f64.powf(0.5)));
        assert!(wheel_factor(-50.0, 0, true) > wheel_factor(-50.0, 0, false));
    }
}
