//! Numbers for CSS and SVG, written with integer arithmetic only: the
//! browser build then carries none of the float-formatting machinery.

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

/// A share of the width, to a thousandth of a percent: `12.345%`.
pub fn percent(x: f64) -> String {
    format!("{}%", fixed(x, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

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
