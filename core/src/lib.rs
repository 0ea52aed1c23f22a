//! The pure core of the Rift timeline: everything that can be a function of
//! numbers, dates and text, tested natively with `cargo test`. The view
//! (the `rift` crate) only holds signals of these values.

pub mod chronology;
pub mod css;
pub mod dataset;
pub mod date;
pub mod embed;
#[cfg(test)]
mod fixtures;
pub mod format;
pub mod fragment;
pub mod i18n;
pub mod kiosk;
pub mod layout;
pub mod motion;
pub mod order;
pub mod overview;
pub mod pack;
pub mod pool;
pub mod quotes;
pub mod scene;
pub mod search;
pub mod snippet;
pub mod synth;
pub mod text;
pub mod ticks;
pub mod viewport;
