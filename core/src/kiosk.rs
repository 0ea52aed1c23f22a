//! Kiosk mode for museum screens (`kiosk=SECONDS` in a link, `data-kiosk`
//! on a script embed): an unattended tour that opens the events one after
//! another in date order, moving the window to each. Any input pauses it;
//! after a minute without input it goes back to the starting view and
//! tours again.
//!
//! Time is an input here (milliseconds, from any monotonic clock), so the
//! state machine is tested without one; the view only feeds it the clock
//! and the visitor's input, and carries out what it asks for.

use crate::dataset::Timeline;
use crate::viewport::{Bounds, Viewport};

/// The shortest interval a link may ask for, in seconds.
pub const MIN_SECONDS: u32 = 2;

/// The longest interval a link may ask for, in seconds.
pub const MAX_SECONDS: u32 = 600;

/// How long the tour stays paused after the last input, in milliseconds.
pub const IDLE_MS: f64 = 60_000.0;

/// The widest window the tour shows an event in: about a year, so that
/// the events around it are drawn as events rather than counted, and the
/// visitor still sees where it stands.
pub const TOUR_SPAN_DAYS: f64 = 365.25;

/// The interval a `kiosk` value asks for, in whole seconds from
/// [`MIN_SECONDS`] to [`MAX_SECONDS`], or `None`.
pub fn seconds(raw: &str) -> Option<u32> {
    let raw = raw.trim();
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse::<u32>()
        .ok()
        .filter(|s| (MIN_SECONDS..=MAX_SECONDS).contains(s))
}

/// The idle period: `wanted` (milliseconds) when it is a usable duration,
/// otherwise [`IDLE_MS`]. Only tests ask for another one.
pub fn idle_ms(wanted: Option<f64>) -> f64 {
    wanted
        .filter(|ms| ms.is_finite() && *ms > 0.0)
        .unwrap_or(IDLE_MS)
}

/// The event the tour opens after `current`: the next one in date order
/// (`Timeline::by_start`) for which `shown` holds, wrapping round to the
/// first. With no current event, the first shown one that starts on or
/// after day `from` (the start of the window), or else the first shown.
/// `None` when no event is shown.
pub fn next(
    t: &Timeline,
    current: Option<usize>,
    from: f64,
    shown: impl Fn(usize) -> bool,
) -> Option<usize> {
    let order = &t.by_start;
    let first = match current.and_then(|c| order.iter().position(|&i| i == c)) {
        Some(at) => at + 1,
        None => order.partition_point(|&i| (t.when[i].start() as f64) < from),
    };
    (0..order.len())
        .map(|k| order[(first + k) % order.len()])
        .find(|&i| shown(i))
}

/// Where the tour puts an event spanning the days `[start, end)`, the
/// window heading for `goal` before: the zoom of `goal`, but no wider than
/// [`TOUR_SPAN_DAYS`], with the event in the middle of the share `seen` of
/// the window that the popover leaves clear (`motion::clear_of_popover`),
/// as `motion::place` puts an event a reader opens.
pub fn view_for(goal: &Viewport, start: f64, end: f64, b: &Bounds, seen: f64) -> Viewport {
    crate::motion::place(goal.span().min(TOUR_SPAN_DAYS), start, end, b, seen)
}

/// Where the tour stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Phase {
    /// Stepping: the next event opens at `due`.
    Touring { due: f64 },
    /// A visitor is using the screen; the last input came at `since`.
    Paused { since: f64 },
}

/// What the view should do after a [`Tour::tick`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Nothing yet.
    Wait,
    /// Open the next event ([`next`]) and move the window to it
    /// ([`view_for`]).
    Step,
    /// Nobody has touched the screen for the idle period: close the
    /// popover, go back to the starting view and tour again from there.
    Restart,
    /// Rebuild the instance on the state it shows, unseen, while the
    /// screen is at rest: the view framework keeps a little memory for
    /// every part it ever drew until the whole instance is dropped, so a
    /// tour that runs for days starts afresh now and then.
    Renew,
}

/// Steps between two renewals ([`Action::Renew`]).
pub const RENEW_STEPS: u32 = 30;

/// How long after a step or a restart the screen must have been at rest
/// before a renewal: the eased move and the address bar have settled, and
/// the next step is still at least a second away.
pub const SETTLE_MS: f64 = 1000.0;

/// The tour's state machine: touring → (any input) paused → (idle period
/// without input) touring again, from the starting view; and, while
/// touring, a renewal every [`RENEW_STEPS`] steps and after each restart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tour {
    /// Milliseconds between steps.
    interval: f64,
    /// Milliseconds without input before the tour restarts.
    idle: f64,
    phase: Phase,
    /// Steps since the last renewal.
    since_renewal: u32,
    /// When the view last moved on the tour's behalf (a step, a restart).
    moved: f64,
}

impl Tour {
    /// A tour stepping every `seconds`, starting at `now`: the starting view
    /// stays for one interval before the first event opens.
    pub fn new(seconds: u32, idle_ms: f64, now: f64) -> Tour {
        let interval = f64::from(seconds.clamp(MIN_SECONDS, MAX_SECONDS)) * 1000.0;
        Tour {
            interval,
            idle: self::idle_ms(Some(idle_ms)),
            phase: Phase::Touring {
                due: now + interval,
            },
            since_renewal: 0,
            moved: now,
        }
    }

    /// Asks for a renewal as soon as the screen has been at rest for
    /// [`SETTLE_MS`] from `now` (after a restart, or when one could not be
    /// done).
    pub fn renew_soon(&mut self, now: f64) {
        self.since_renewal = RENEW_STEPS;
        self.moved = now;
    }

    /// Where the tour stands.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Whether it is stepping (not paused by a visitor).
    pub fn touring(&self) -> bool {
        matches!(self.phase, Phase::Touring { .. })
    }

    /// A visitor's input at `now` (a press, a wheel, a key, a touch):
    /// pauses the tour, or keeps it paused for another idle period.
    pub fn input(&mut self, now: f64) {
        self.phase = Phase::Paused { since: now };
    }

    /// What to do at `now`. Call it often (a few times a second); each call
    /// is a constant amount of work and the tour holds no history, so it
    /// can run for days.
    pub fn tick(&mut self, now: f64) -> Action {
        match self.phase {
            Phase::Touring { due } if now >= due => {
                // Keep the cadence; after a long stall (a hidden tab, a
                // sleeping machine) start afresh rather than catch up.
                let next = due + self.interval;
                let due = if next > now {
                    next
                } else {
                    now + self.interval
                };
                self.phase = Phase::Touring { due };
                self.since_renewal = self.since_renewal.saturating_add(1);
                self.moved = now;
                Action::Step
            }
            Phase::Touring { .. }
                if self.since_renewal >= RENEW_STEPS && now - self.moved >= SETTLE_MS =>
            {
                self.since_renewal = 0;
                Action::Renew
            }
            Phase::Paused { since } if now - since >= self.idle => {
                self.phase = Phase::Touring {
                    due: now + self.interval,
                };
                self.renew_soon(now);
                Action::Restart
            }
            _ => Action::Wait,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::day_from_ymd;
    use crate::fixtures::{self, bounds, event, lane};

    fn day(y: i32, m: u32, d: u32) -> f64 {
        day_from_ymd(y, m, d).unwrap() as f64
    }

    /// Five events in two lanes, listed out of date order.
    fn timeline() -> Timeline {
        fixtures::timeline(
            vec![lane("a"), lane("b")],
            vec![
                event("c", "a", "1955-05"),
                event("a", "b", "1948-06-28"),
                event("e", "b", "1961-12-03"),
                event("b", "a", "1950"),
                event("d", "a", "1961-06-04"),
            ],
        )
    }

    fn ids(t: &Timeline, order: &[usize]) -> Vec<String> {
        order.iter().map(|&i| t.data.events[i].id.clone()).collect()
    }

    #[test]
    fn seconds_are_whole_and_bounded() {
        assert_eq!(seconds("2"), Some(2));
        assert_eq!(seconds(" 30 "), Some(30));
        assert_eq!(seconds("600"), Some(600));
        assert_eq!(seconds("0020"), Some(20));
        for bad in [
            "",
            "1",
            "0",
            "601",
            "-5",
            "+5",
            "2.5",
            "1e2",
            "ten",
            "30s",
            "99999999999",
        ] {
            assert_eq!(seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_idle_period_is_a_minute_unless_asked_otherwise() {
        assert_eq!(idle_ms(None), 60_000.0);
        assert_eq!(idle_ms(Some(1500.0)), 1500.0);
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(idle_ms(Some(bad)), IDLE_MS, "{bad}");
        }
    }

    #[test]
    fn the_tour_steps_in_date_order_and_wraps() {
        let t = timeline();
        let mut seen = Vec::new();
        let mut current = None;
        for _ in 0..7 {
            current = next(&t, current, f64::NEG_INFINITY, |_| true);
            seen.push(current.unwrap());
        }
        assert_eq!(ids(&t, &seen), ["a", "b", "c", "d", "e", "a", "b"]);
    }

    #[test]
    fn without_a_current_event_it_starts_at_the_window() {
        let t = timeline();
        let first = |from: f64| next(&t, None, from, |_| true).map(|i| t.data.events[i].id.clone());
        assert_eq!(first(day(1948, 1, 1)).as_deref(), Some("a"));
        assert_eq!(first(day(1955, 1, 1)).as_deref(), Some("c"));
        assert_eq!(first(day(1955, 5, 1)).as_deref(), Some("c"), "on the day");
        assert_eq!(first(day(1961, 7, 1)).as_deref(), Some("e"));
        // After the last event: round to the first.
        assert_eq!(first(day(1962, 6, 1)).as_deref(), Some("a"));
    }

    #[test]
    fn only_shown_events_are_visited() {
        let t = timeline();
        let in_a = |i: usize| t.lane[i] == 0;
        let mut current = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            current = next(&t, current, f64::NEG_INFINITY, in_a);
            seen.push(current.unwrap());
        }
        assert_eq!(ids(&t, &seen), ["b", "c", "d", "b"]);
        // A current event that is not shown (opened by hand) still places
        // the tour in time.
        let e = t.find("a");
        assert_eq!(next(&t, e, 0.0, in_a), t.find("b"));
        assert_eq!(next(&t, None, 0.0, |_| false), None);
        let empty = fixtures::timeline(vec![lane("a")], vec![]);
        assert_eq!(next(&empty, None, 0.0, |_| true), None);
    }

    #[test]
    fn the_view_holds_the_event_clear_of_the_popover_in_a_readable_window() {
        let t = timeline();
        let b = bounds(&t);
        let days = |id: &str| {
            let i = t.find(id).unwrap();
            (t.when[i].start() as f64, t.when[i].end() as f64)
        };
        // Inside the share of the window the popover leaves clear.
        let clear = |v: &Viewport, (s, e): (f64, f64), seen: f64| {
            let margin = v.span() * seen * 0.08;
            s >= v.start + margin && e <= v.start + v.span() * seen - margin
        };
        let at = |v: &Viewport, (s, e): (f64, f64)| ((s + e) / 2.0 - v.start) / v.span();
        // A phone's bottom sheet (1.0), 1280 px (0.63), a projector's
        // large text at 1280 px (0.50), a narrow window (0.25).
        for seen in [1.0, 0.63, 0.5, 0.25] {
            // From the whole range, the tour zooms in to about a year, the
            // event in the middle of the clear share.
            let d = days("c");
            let v = view_for(&b.full(), d.0, d.1, &b, seen);
            assert!((v.span() - TOUR_SPAN_DAYS).abs() < 1e-9);
            assert!(clear(&v, d, seen), "{seen}");
            assert!((at(&v, d) - seen / 2.0).abs() < 1e-9);
            // The same event again: the same window.
            assert_eq!(view_for(&v, d.0, d.1, &b, seen), v);
            // A narrower window keeps its zoom.
            let e = days("d");
            let narrow = Viewport::centered(d.0, 30.0, &b);
            let w = view_for(&narrow, e.0, e.1, &b, seen);
            assert!((w.span() - 30.0).abs() < 1e-9);
            assert!(clear(&w, e, seen), "{seen}");
            assert!((at(&w, e) - seen / 2.0).abs() < 1e-9);
            // An event longer than the tour's window gets room for itself
            // in the clear share, as motion::reveal gives it.
            let y1950 = days("b");
            let y = view_for(&b.full(), y1950.0, y1950.1, &b, seen);
            assert!(y.span() * seen >= (y1950.1 - y1950.0) * 1.3 - 1e-9);
            assert!(clear(&y, y1950, seen), "{seen}: {y:?}");
            // Near the edge of the range the window is clamped, never
            // outside, and still shows the event.
            let a = days("a");
            let z = view_for(&b.full(), a.0, a.1, &b, seen);
            assert!(z.start >= b.min && z.end <= b.max);
            assert!(z.overlaps(a.0, a.1));
        }
        // Garbage never escapes the bounds.
        for seen in [f64::NAN, 0.63] {
            let g = view_for(&b.full(), f64::NAN, f64::NAN, &b, seen);
            assert!(g.start >= b.min && g.end <= b.max, "{g:?}");
        }
        let d = days("c");
        let g = view_for(&b.full(), d.0, d.1, &b, f64::INFINITY);
        assert!(g.start >= b.min && g.end <= b.max && g.overlaps(d.0, d.1));
    }

    #[test]
    fn every_event_of_a_large_timeline_is_shown_whole_or_as_far_as_the_range_allows() {
        let t = fixtures::bench(2000);
        let b = bounds(&t);
        for seen in [1.0, 0.5] {
            let mut goal = b.full();
            let mut current = None;
            for _ in 0..t.data.events.len() {
                let i = next(&t, current, b.min, |_| true).unwrap();
                let (s, e) = (t.when[i].start() as f64, t.when[i].end() as f64);
                let v = view_for(&goal, s, e, &b, seen);
                assert!(v.start >= b.min && v.end <= b.max, "{v:?}");
                assert!(v.span() <= TOUR_SPAN_DAYS.max((e - s) * 1.3 / seen) + 1e-9);
                let margin = v.span() * seen * 0.08;
                let inside = s >= v.start + margin && e <= v.start + v.span() * seen - margin;
                let at_an_edge = v.start <= b.min || v.end >= b.max;
                assert!(inside || (at_an_edge && v.overlaps(s, e)), "{i}: {v:?}");
                goal = v;
                current = Some(i);
            }
        }
    }

    #[test]
    fn the_tour_steps_every_interval() {
        let mut tour = Tour::new(2, IDLE_MS, 1000.0);
        assert!(tour.touring());
        assert_eq!(tour.tick(1000.0), Action::Wait, "the start stays a while");
        assert_eq!(tour.tick(2999.0), Action::Wait);
        assert_eq!(tour.tick(3000.0), Action::Step);
        assert_eq!(tour.tick(3100.0), Action::Wait, "once per interval");
        // A late tick keeps the cadence.
        assert_eq!(tour.tick(5200.0), Action::Step);
        assert_eq!(tour.phase(), Phase::Touring { due: 7000.0 });
        // After a long stall it starts afresh instead of catching up.
        assert_eq!(tour.tick(60_000.0), Action::Step);
        assert_eq!(tour.tick(60_001.0), Action::Wait);
        assert_eq!(tour.phase(), Phase::Touring { due: 62_000.0 });
    }

    #[test]
    fn input_pauses_and_a_quiet_minute_restarts() {
        let mut tour = Tour::new(2, IDLE_MS, 0.0);
        assert_eq!(tour.tick(2000.0), Action::Step);
        tour.input(2500.0);
        assert!(!tour.touring());
        // No steps while paused, however long the interval has passed.
        for now in (3000..62_500).step_by(250) {
            assert_eq!(tour.tick(now as f64), Action::Wait, "{now}");
        }
        // More input keeps it paused a minute from the last one.
        tour.input(30_000.0);
        assert_eq!(tour.tick(62_500.0), Action::Wait);
        assert_eq!(tour.tick(89_999.0), Action::Wait);
        assert_eq!(tour.tick(90_000.0), Action::Restart);
        assert!(tour.touring());
        // The instance is renewed once the starting view has settled, and
        // the starting view stays one interval before the next step.
        assert_eq!(tour.tick(90_500.0), Action::Wait);
        assert_eq!(tour.tick(91_000.0), Action::Renew);
        assert_eq!(tour.tick(91_250.0), Action::Wait);
        assert_eq!(tour.tick(92_000.0), Action::Step);
    }

    #[test]
    fn a_renewal_comes_every_so_many_steps_when_the_screen_is_at_rest() {
        let mut tour = Tour::new(2, IDLE_MS, 0.0);
        let mut at = None;
        for k in 1..=(RENEW_STEPS as u64 * 8 + 8) {
            let now = k as f64 * 250.0;
            match tour.tick(now) {
                Action::Renew => {
                    at = Some(now);
                    break;
                }
                Action::Restart => panic!("no restart without input"),
                _ => {}
            }
        }
        // The 30th step at 60 s, the renewal a settled second later,
        // well before the next step at 62 s.
        assert_eq!(at, Some(f64::from(RENEW_STEPS) * 2000.0 + SETTLE_MS));
        assert_eq!(tour.tick(61_500.0), Action::Wait);
        assert_eq!(tour.tick(62_000.0), Action::Step);
        // A renewal that could not be done is asked for again.
        tour.renew_soon(62_000.0);
        assert_eq!(tour.tick(62_999.0), Action::Wait);
        assert_eq!(tour.tick(63_000.0), Action::Renew);
        assert_eq!(tour.tick(63_250.0), Action::Wait);
    }

    #[test]
    fn a_shorter_idle_period_for_tests() {
        let mut tour = Tour::new(2, 3000.0, 0.0);
        tour.input(100.0);
        assert_eq!(tour.tick(3099.0), Action::Wait);
        assert_eq!(tour.tick(3100.0), Action::Restart);
        assert_eq!(tour.tick(4100.0), Action::Renew);
        // A bad idle period falls back to a minute.
        let mut tour = Tour::new(2, f64::NAN, 0.0);
        tour.input(0.0);
        assert_eq!(tour.tick(59_999.0), Action::Wait);
        assert_eq!(tour.tick(60_000.0), Action::Restart);
        // No renewal while a visitor is at the screen.
        tour.input(60_100.0);
        for now in (60_100..120_100).step_by(250) {
            assert_ne!(tour.tick(now as f64), Action::Renew, "{now}");
        }
    }

    #[test]
    fn a_day_of_ticks_holds_no_history() {
        // A tour is a small value: ticking it for a day (4 ticks a second,
        // a visitor now and then) changes its phase and nothing else.
        let t = timeline();
        let mut tour = Tour::new(2, IDLE_MS, 0.0);
        let mut current = None;
        let mut steps = 0u32;
        let mut restarts = 0u32;
        let mut renewals = 0u32;
        for k in 0..(24 * 3600 * 4u64) {
            let now = k as f64 * 250.0;
            if k % (3 * 3600 * 4) == 0 && k > 0 {
                tour.input(now);
            }
            match tour.tick(now) {
                Action::Step => {
                    current = next(&t, current, 0.0, |_| true);
                    steps += 1;
                }
                Action::Restart => {
                    current = None;
                    restarts += 1;
                }
                Action::Renew => renewals += 1,
                Action::Wait => {}
            }
        }
        assert_eq!(restarts, 7);
        assert!(steps > 40_000, "{steps}");
        // A renewal every RENEW_STEPS steps, and one after each restart.
        assert!(renewals >= steps / RENEW_STEPS, "{renewals}");
        assert!(renewals <= steps / RENEW_STEPS + restarts + 1, "{renewals}");
        assert!(std::mem::size_of::<Tour>() <= 64);
    }
}
