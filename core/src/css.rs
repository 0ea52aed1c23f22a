//! Numbers for CSS and SVG, written and read with integer arithmetic
//! only: the browser build then carries none of the float-formatting or
//! float-parsing machinery (and its tables).

/// `x` with `decimals` digits after the point (rounded; at most 6).
pub fn fixed(x: f64, decimals: u32) -> String {
    let decimals = decimals.min(6);
    let scale = 10i64.pow(decimals);
    if !x.is_finite() {
        return "0".into();
    }
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let (int, frac) = (
        n.unsigned_abs() / scale as u64,
        n.unsigned_abs() % scale as u64,
    );
    if decimals == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = decimals as usize)
    }
}

/// A length in pixels, to a tenth: `12.5px`.
pub fn px(x: f64) -> String {
    format!("{}px", fixed(x, 1))
}

/// A move by `x` and `y` pixels: `translate(12.5px, 30.0px)`.
pub fn translate(x: f64, y: f64) -> String {
    format!("translate({}, {})", px(x), px(y))
}

/// A share of the width, to a thousandth of a percent: `12.345%`.
pub fn percent(x: f64) -> String {
    format!("{}%", fixed(x, 3))
}

/// A plain decimal as links and attributes write one (`6`, `1.5`, `.5`,
/// `2.`): ASCII digits with at most one point, at most 15 digits (so the
/// value is the nearest double, as `str::parse` gives). Signs, exponents,
/// `inf` and `NaN` are not numbers here.
pub fn decimal(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = int.len() + frac.len();
    let plain = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if digits == 0 || digits > 15 || !plain(int) || !plain(frac) {
        return None;
    }
    let n = int
        .bytes()
        .chain(frac.bytes())
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    // Both are exact doubles below 2^53, so the quotient is correctly rounded.
    Some(n as f64 / 10u64.pow(frac.len() as u32) as f64)
}

/// [`f64::clamp`] without its panic (and the float formatting of its
/// message): `lo` wins where `hi < lo`; NaN gives `lo`.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    x.max(lo).min(hi).max(lo)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_read_as_the_float_parser_reads_them() {
        for s in [
            "6",
            "1.5",
            ".5",
            "2.",
            "0.1",
            "560",
            "007.250",
            "123456789012345",
        ] {
            assert_eq!(decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        for s in [
            "",
            ".",
            "-1",
            "+1",
            "1e3",
            "inf",
            "NaN",
            "1.2.3",
            " 1",
            "1 ",
            "1234567890123456",
            "١",
        ] {
            assert_eq!(decimal(s), None, "{s}");
        }
    }

    #[test]
    fn clamping_never_panics() {
        assert_eq!(clamp(5.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(-5.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, 0.0, 1.0), 0.5);
        assert_eq!(clamp(f64::NAN, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.5, 2.0, 1.0), 2.0);
    }

    #[test]
    fn numbers_read_as_the_float_formatter_would_write_them() {
        for (x, d) in [
            (12.345, 1),
            (-0.04, 1),
            (-3.96, 1),
            (0.0, 2),
            (99.9999, 3),
            (1234.6, 0),
            (-7.25, 2),
        ] {
            let expected = format!("{x:.*}", d as usize);
            let expected = if expected == "-0.0" {
                "0.0".to_string()
            } else {
                expected
            };
            assert_eq!(fixed(x, d), expected, "{x} to {d}");
        }
        assert_eq!(px(12.34), "12.3px");
        assert_eq!(px(-24.0), "-24.0px");
        assert_eq!(percent(12.3456), "12.346%");
        assert_eq!(fixed(f64::NAN, 1), "0");
    }
}
