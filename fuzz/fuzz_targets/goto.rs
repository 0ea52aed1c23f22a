//! A `goto` message posted to an iframe: any fields, of any type.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rift_core::embed::{self, Field};

/// A field as the view reads it, with the values that pass the shape check
/// likely enough to get past it.
#[derive(Arbitrary, Debug)]
enum In {
    Missing,
    Other,
    Text(String),
    Rift,
    Goto,
}

impl In {
    fn field(&self) -> Field {
        match self {
            In::Missing => Field::Missing,
            In::Other => Field::Other,
            In::Text(s) => Field::Text(s.clone()),
            In::Rift => Field::Text("rift".into()),
            In::Goto => Field::Text("goto".into()),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Message {
    source: In,
    kind: In,
    date: In,
    span: In,
    event: In,
    lanes: In,
}

fuzz_target!(|m: Message| {
    let get = |name: &str| match name {
        "source" => m.source.field(),
        "type" => m.kind.field(),
        "date" => m.date.field(),
        "span" => m.span.field(),
        "event" => m.event.field(),
        "lanes" => m.lanes.field(),
        _ => Field::Missing,
    };
    if let Some(f) = embed::goto(get) {
        assert_eq!(get("source"), Field::Text("rift".into()));
        assert_eq!(get("type"), Field::Text("goto".into()));
        assert!(f.lanes.is_none(), "a goto never sets lanes");
        rift_fuzz::check(&f);
    }
});
