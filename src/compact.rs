//! Whether an instance is compact: a phone, in portrait or landscape, or an
//! embed too narrow or too short for the full toolbar. A compact instance
//! has one toolbar row with a menu for the rest, and its popover is a bottom
//! sheet.
//!
//! The page and the iframe fill the window, so they follow [`QUERY`], the
//! media query the static skeleton of index.html and embed.html is sized
//! with (assets/rift.css): the first frame the app draws has the
//! skeleton's boxes. A script embed follows its own element's size.

use crate::state::Mode;
use leptos::prelude::*;

/// Narrower than this, the full toolbar does not fit in one row in every
/// language.
pub const WIDTH: f64 = 1000.0;

/// Shorter than this (a phone held sideways), two rows of controls would
/// leave too little room for the lanes.
pub const HEIGHT: f64 = 500.0;

/// Narrower than this, the full toolbar in large text does not fit in one
/// row in every language (a projector at 1024 × 768 lost its last
/// buttons past the right edge).
pub const LARGE_WIDTH: f64 = 1240.0;

/// [`WIDTH`] and [`HEIGHT`] as a media query (the same numbers as the
/// skeleton's rule in assets/rift.css).
pub const QUERY: &str = "(max-width: 999.98px), (max-height: 499.98px)";

/// [`LARGE_WIDTH`] as a media query (the skeleton's rule for large text).
pub const LARGE_QUERY: &str = "(max-width: 1239.98px)";

/// Whether a box `width` by `height` pixels is compact, in large text or not.
pub fn is_compact(width: f64, height: f64, large: bool) -> bool {
    width < WIDTH || height < HEIGHT || (large && width < LARGE_WIDTH)
}

/// Whether the instance is compact, known from the first render on and
/// kept current.
pub fn use_compact(
    mode: Mode,
    host: Option<&web_sys::HtmlElement>,
    large: RwSignal<bool>,
) -> Memo<bool> {
    match (mode, host) {
        (Mode::Element, Some(host)) => {
            let r = host.get_bounding_client_rect();
            let (width, height) = (RwSignal::new(r.width()), RwSignal::new(r.height()));
            crate::dom::observe_size(host, width, height);
            crate::dom::memo(move || is_compact(width.get(), height.get(), large.get()))
        }
        _ => {
            let (small, narrow) = (crate::dom::media(QUERY), crate::dom::media(LARGE_QUERY));
            crate::dom::memo(move || small.get() || (large.get() && narrow.get()))
        }
    }
}
