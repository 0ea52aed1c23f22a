//! The deep-link parser: any text after `#`, resolved against a timeline
//! and written back as a link.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rift_core::fragment::Fragment;

fuzz_target!(|data: &[u8]| {
    let raw = String::from_utf8_lossy(data);
    let f = Fragment::parse(&raw);
    rift_fuzz::check(&f);
});
