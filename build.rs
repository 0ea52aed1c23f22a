//! Validates data/events.toml and embeds it in the app prepared: dates
//! parsed, in the compact form of `rift_core::pack`, so the browser parses
//! neither JSON nor EDTF.
//! A broken dataset, or an event without its Albanian and Russian texts
//! (unless marked `tr_pending`), stops the build with each error naming the
//! event id and the field.

use rift_core::dataset::{Dataset, Timeline};
use std::path::PathBuf;

fn main() {
    // RIFT_DATA builds from another dataset file (a draft, a fixture).
    println!("cargo:rerun-if-env-changed=RIFT_DATA");
    let path = std::env::var("RIFT_DATA").unwrap_or_else(|_| "data/events.toml".to_string());
    let path = path.as_str();
    println!("cargo:rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let data = Dataset::from_toml(&text).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    if let Err(e) = data.validate().and_then(|()| data.check_translations()) {
        fail(&format!("{path}: {e}"));
    }
    let t = Timeline::new(data).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let packed = rift_core::pack::encode(&t.data, &t.when);
    std::fs::write(out.join("timeline.bin"), packed).expect("OUT_DIR is writable");
}

fn fail(message: &str) -> ! {
    eprintln!("\n{message}");
    std::process::exit(1);
}
