//! The EDTF parser of the dataset's dates, and the date parser of links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rift_core::date::{PartialDate, When};
use rift_core::fragment::Lang;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(w) = When::parse(&s) {
        assert!(w.start() < w.end(), "{s}: {w:?}");
        assert!(w.middle().is_finite());
        for lang in Lang::ALL {
            let _ = rift_core::format::human(&w, None, lang);
        }
        let _ = rift_core::format::precision_key(&w);
    }
    if let Some(d) = PartialDate::parse(&s) {
        let (a, z) = d.range().expect("a parsed date has a range");
        assert!(a < z);
        assert_eq!(PartialDate::parse(&d.to_string()), Some(d), "{s}");
    }
});
