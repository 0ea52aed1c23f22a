//! Seeded faults in the fixture dataset: a small deterministic generator
//! picks which event, lane, source or actor each fault hits, and the
//! validator must stop on it, naming that item's id and the field, in the
//! error itself and in the text the build prints.

use rift_core::dataset::{Citation, DataError, Dataset, Event, EventText, Lane, Source};
use std::path::Path;

/// A 64-bit linear congruential generator (Knuth's MMIX constants): the
/// same faults on every run and every machine.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Lcg {
        let mut g = Lcg(seed ^ 0x5851_F42D_4C95_7F2D);
        g.next();
        g
    }

    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number below `n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items`.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Two different indices below `n` (`n` > 1).
    fn two(&mut self, n: usize) -> (usize, usize) {
        let a = self.below(n);
        let b = (a + 1 + self.below(n - 1)) % n;
        (a, b)
    }
}

const SEEDS: [u64; 6] = [1, 7, 42, 1961, 0xDEAD_BEEF, 20_240_601];

fn base() -> Dataset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.toml");
    let text = std::fs::read_to_string(path).expect("the fixture exists");
    Dataset::from_toml(&text).expect("the fixture parses")
}

/// The fixture grown to three lanes, three sources, four actors and a
/// seed-chosen number of events (cloned from the fixture's, in every lane,
/// citing every source, naming every actor), so each fault has items to
/// choose from. Still valid.
fn grown(rng: &mut Lcg) -> Dataset {
    let mut d = base();
    for (id, label) in [
        ("soviet-yugoslav", "Moscow – Belgrade"),
        ("bloc", "The bloc"),
    ] {
        d.lanes.push(Lane {
            id: id.into(),
            label: label.into(),
            tr: Default::default(),
        });
    }
    for (id, citation) in [
        ("hoxha-1980", "Hoxha, E. The Khrushchevites. Tirana, 1980."),
        (
            "mastny-1996",
            "Mastny, V. The Cold War and Soviet Insecurity. 1996.",
        ),
    ] {
        d.sources.push(Source {
            id: id.into(),
            citation: citation.into(),
            short: String::new(),
            text: None,
            tr: Default::default(),
        });
    }
    for (name, aliases) in [
        ("Enver Hoxha", vec!["Hoxha"]),
        ("Mehmet Shehu", vec!["Mehmed Shehu", "Shehu"]),
        ("Josip Broz Tito", vec!["Tito"]),
    ] {
        d.actors.push(rift_core::dataset::Actor {
            name: name.into(),
            aliases: aliases.into_iter().map(String::from).collect(),
            tr: Default::default(),
        });
    }
    let template = d.events[1].clone();
    let extra = 4 + rng.below(7);
    for k in 0..extra {
        let mut e: Event = template.clone();
        e.id = format!("seeded-event-{k}");
        e.lane = d.lanes[k % d.lanes.len()].id.clone();
        e.date = format!("{}-{:02}", 1950 + k, 1 + k % 12);
        e.title = format!("Seeded event {k}");
        e.actors = vec![d.actors[k % d.actors.len()].name.clone()];
        e.citations = (0..1 + k % 2)
            .map(|n| Citation {
                source: d.sources[(k + n) % d.sources.len()].id.clone(),
                locator: format!("p. {}", 100 + k + n),
                quote: format!("Passage {n} of event {k}."),
            })
            .collect();
        d.events.push(e);
    }
    d.validate().expect("the grown fixture validates");
    d
}

/// What a fault must produce: an error on this item and field, whose
/// message says this.
#[derive(Debug)]
struct Expect {
    /// "event", "lane", "source" or "actor".
    kind: &'static str,
    item: String,
    field: &'static str,
    says: String,
}

fn expect(kind: &'static str, item: &str, field: &'static str, says: &str) -> Expect {
    Expect {
        kind,
        item: item.to_string(),
        field,
        says: says.to_string(),
    }
}

/// The faults, each a function that breaks one item the generator picks.
type Fault = fn(&mut Dataset, &mut Lcg) -> Expect;

const FAULTS: [(&str, Fault); 20] = [
    ("unknown lane", |d, g| {
        let i = g.below(d.events.len());
        d.events[i].lane = "sino-soviet".into();
        expect(
            "event",
            &d.events[i].id,
            "lane",
            "unknown lane 'sino-soviet'",
        )
    }),
    ("unknown source in a citation", |d, g| {
        let i = g.below(d.events.len());
        let c = g.below(d.events[i].citations.len());
        d.events[i].citations[c].source = "no-such-source".into();
        expect(
            "event",
            &d.events[i].id,
            "citations.source",
            "unknown source 'no-such-source'",
        )
    }),
    ("bad EDTF date", |d, g| {
        let i = g.below(d.events.len());
        let bad = *g.pick(&[
            "May 1959",
            "1961-13",
            "1961-02-30",
            "1961/..",
            "19XX",
            "1961-10-31/1961-10-17",
            "",
            "1961-06-04T10:00Z",
        ]);
        d.events[i].date = bad.into();
        expect("event", &d.events[i].id, "date", "invalid EDTF")
    }),
    ("duplicate event id", |d, g| {
        let (a, b) = g.two(d.events.len());
        let id = d.events[a].id.clone();
        d.events[b].id = id.clone();
        expect("event", &id, "id", &format!("duplicate id '{id}'"))
    }),
    ("empty quote", |d, g| {
        let i = g.below(d.events.len());
        let c = g.below(d.events[i].citations.len());
        d.events[i].citations[c].quote = g.pick(&["", "   ", " \n\t "]).to_string();
        expect("event", &d.events[i].id, "citations.quote", "empty quote")
    }),
    ("title too long", |d, g| {
        let i = g.below(d.events.len());
        let n = 81 + g.below(40);
        d.events[i].title = "Ë".repeat(n);
        expect(
            "event",
            &d.events[i].id,
            "title",
            &format!("title too long ({n} > 80"),
        )
    }),
    ("related id missing", |d, g| {
        let i = g.below(d.events.len());
        d.events[i].related.push("no-such-event".into());
        expect(
            "event",
            &d.events[i].id,
            "related",
            "'no-such-event' does not exist",
        )
    }),
    ("unknown actor", |d, g| {
        let i = g.below(d.events.len());
        d.events[i].actors.push("Lavrentiy Beria".into());
        expect(
            "event",
            &d.events[i].id,
            "actors",
            "unknown actor 'Lavrentiy Beria'",
        )
    }),
    ("an alias for the canonical name", |d, g| {
        let with_alias: Vec<usize> = (0..d.actors.len())
            .filter(|&k| !d.actors[k].aliases.is_empty())
            .collect();
        let a = &d.actors[*g.pick(&with_alias)];
        let alias = g.pick(&a.aliases).clone();
        let name = a.name.clone();
        let i = g.below(d.events.len());
        d.events[i].actors = vec![alias];
        expect(
            "event",
            &d.events[i].id,
            "actors",
            &format!("write the canonical '{name}'"),
        )
    }),
    ("bad translation language code", |d, g| {
        let code = g.pick(&["fr", "en", "SQ", "sq-AL", ""]).to_string();
        let says = format!("'{code}' is not a translation language");
        match g.below(4) {
            0 => {
                let i = g.below(d.events.len());
                d.events[i].tr.insert(code, EventText::default());
                expect("event", &d.events[i].id, "tr", &says)
            }
            1 => {
                let l = g.below(d.lanes.len());
                d.lanes[l].tr.insert(code, "x".into());
                expect("lane", &d.lanes[l].id, "lanes.tr", &says)
            }
            2 => {
                let s = g.below(d.sources.len());
                d.sources[s].tr.insert(code, Default::default());
                expect("source", &d.sources[s].id, "sources.tr", &says)
            }
            _ => {
                let a = g.below(d.actors.len());
                d.actors[a].tr.insert(code, "x".into());
                expect("actor", &d.actors[a].name, "actors.tr", &says)
            }
        }
    }),
    ("non-kebab event id", |d, g| {
        let i = g.below(d.events.len());
        let bad = *g.pick(&[
            "Other_Event",
            "other event",
            "-other",
            "other--event",
            "événement",
        ]);
        d.events[i].id = bad.into();
        expect("event", bad, "id", "is not a kebab-case id")
    }),
    ("non-kebab lane id", |d, g| {
        let l = g.below(d.lanes.len());
        let bad = *g.pick(&["Soviet Albanian", "soviet_yugoslav", "bloc-", "BLOC"]);
        d.lanes[l].id = bad.into();
        expect("lane", bad, "lanes.id", "is not kebab-case")
    }),
    ("empty locator", |d, g| {
        let i = g.below(d.events.len());
        let c = g.below(d.events[i].citations.len());
        d.events[i].citations[c].locator = " ".into();
        expect(
            "event",
            &d.events[i].id,
            "citations.locator",
            "empty locator",
        )
    }),
    ("duplicate lane", |d, g| {
        let l = g.below(d.lanes.len());
        let copy = Lane {
            label: "Another label".into(),
            ..d.lanes[l].clone()
        };
        let at = g.below(d.lanes.len() + 1).max(l + 1);
        d.lanes.insert(at, copy);
        let id = d.lanes[l].id.clone();
        expect(
            "lane",
            &id,
            "lanes.id",
            &format!("duplicate lane id '{id}'"),
        )
    }),
    ("duplicate source", |d, g| {
        let s = g.below(d.sources.len());
        let copy = d.sources[s].clone();
        d.sources.push(copy);
        let id = d.sources[s].id.clone();
        expect(
            "source",
            &id,
            "sources.id",
            &format!("duplicate source id '{id}'"),
        )
    }),
    ("empty bibliographic reference", |d, g| {
        let s = g.below(d.sources.len());
        d.sources[s].citation = "\n".into();
        expect(
            "source",
            &d.sources[s].id,
            "sources.citation",
            "empty bibliographic reference",
        )
    }),
    ("actor spelling clash", |d, g| {
        // Actor b claims a spelling of actor a: the one validated second is
        // named (the later of the two in the file).
        let (a, b) = g.two(d.actors.len());
        let aliases = d.actors[a].aliases.clone();
        let spelling = if g.below(2) == 0 || aliases.is_empty() {
            d.actors[a].name.clone()
        } else {
            g.pick(&aliases).clone()
        };
        d.actors[b].aliases.push(spelling.clone());
        let later = d.actors[a.max(b)].name.clone();
        expect(
            "actor",
            &later,
            "actors.aliases",
            &format!("the spelling '{spelling}' belongs to both"),
        )
    }),
    ("no citation", |d, g| {
        let i = g.below(d.events.len());
        d.events[i].citations.clear();
        expect("event", &d.events[i].id, "citations", "no citation")
    }),
    ("related to itself", |d, g| {
        let i = g.below(d.events.len());
        let own = d.events[i].id.clone();
        d.events[i].related.push(own);
        expect(
            "event",
            &d.events[i].id,
            "related",
            "cannot be related to itself",
        )
    }),
    ("translated title too long", |d, g| {
        let i = g.below(d.events.len());
        let code = g.pick(&["sq", "ru"]).to_string();
        let title = "Я".repeat(81 + g.below(10));
        d.events[i].tr.insert(
            code.clone(),
            EventText {
                title: Some(title),
                ..Default::default()
            },
        );
        expect(
            "event",
            &d.events[i].id,
            "tr.title",
            &format!("{code} title too long"),
        )
    }),
];

/// Writes the broken dataset as TOML, reads it back as the build does and
/// validates it: the error must name the item and the field.
fn check(seed: u64, name: &str, d: &Dataset, want: &Expect) {
    let text = toml::to_string(d).expect("a dataset serialises to TOML");
    let read = Dataset::from_toml(&text).expect("the broken dataset still parses");
    let errors = read
        .validate()
        .expect_err(&format!("seed {seed}, {name}: must not validate"));
    let hit: Vec<&DataError> = errors
        .0
        .iter()
        .filter(|e| e.item.as_deref() == Some(want.item.as_str()) && e.field == want.field)
        .collect();
    assert!(
        hit.iter().any(|e| e.message.contains(&want.says)),
        "seed {seed}, {name}: expected an error on {} '{}', field '{}', saying {:?}; got:\n{errors}",
        want.kind,
        want.item,
        want.field,
        want.says
    );
    // The text the build prints names the kind of item, its id and the field.
    let printed = errors.to_string();
    let needle = format!("{} '{}', field '{}'", want.kind, want.item, want.field);
    assert!(
        printed.contains(&needle),
        "seed {seed}, {name}: expected {needle:?} in:\n{printed}"
    );
}

#[test]
fn every_seeded_fault_names_its_item_and_field() {
    let mut cases = 0;
    for seed in SEEDS {
        for (n, (name, fault)) in FAULTS.iter().enumerate() {
            let mut rng = Lcg::new(seed.wrapping_mul(31).wrapping_add(n as u64));
            let mut d = grown(&mut rng);
            let want = fault(&mut d, &mut rng);
            check(seed, name, &d, &want);
            cases += 1;
        }
    }
    assert_eq!(cases, SEEDS.len() * FAULTS.len());
}

#[test]
fn the_seeds_hit_different_items() {
    // The generator does choose: over the seeds, a fault lands on more than
    // one event.
    let (_, unknown_lane) = FAULTS[0];
    let mut hit = std::collections::BTreeSet::new();
    for seed in SEEDS {
        let mut rng = Lcg::new(seed);
        let mut d = grown(&mut rng);
        hit.insert(unknown_lane(&mut d, &mut rng).item);
    }
    assert!(hit.len() > 2, "{hit:?}");
    // A bad translation code lands on every kind of item over the seeds.
    let (name, bad_code) = FAULTS[9];
    assert_eq!(name, "bad translation language code");
    let mut kinds = std::collections::BTreeSet::new();
    for seed in SEEDS {
        // The generator every_seeded_fault_names_its_item_and_field gives it.
        let mut rng = Lcg::new(seed.wrapping_mul(31).wrapping_add(9));
        let mut d = grown(&mut rng);
        kinds.insert(bad_code(&mut d, &mut rng).kind);
    }
    assert_eq!(kinds.len(), 4, "{kinds:?}");
}

#[test]
fn several_faults_at_once_are_all_reported() {
    // Faults on content fields only (ids stay put), each on its own pick:
    // every one is reported, not just the first.
    let content = [
        "unknown lane",
        "unknown source in a citation",
        "bad EDTF date",
        "empty quote",
        "title too long",
        "empty locator",
        "bad translation language code",
        "empty bibliographic reference",
    ];
    for seed in SEEDS {
        let mut rng = Lcg::new(seed);
        let mut d = grown(&mut rng);
        let mut wants = Vec::new();
        for (name, fault) in FAULTS.iter().filter(|(n, _)| content.contains(n)) {
            wants.push((*name, fault(&mut d, &mut rng)));
        }
        for (name, want) in &wants {
            check(seed, name, &d, want);
        }
    }
}

#[test]
fn a_seeded_fault_stops_the_load_of_a_file() {
    // Through the file loader the build and `check-data` use.
    let dir = std::env::temp_dir().join(format!("rift-faults-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for seed in SEEDS {
        let mut rng = Lcg::new(seed);
        let mut d = grown(&mut rng);
        let (name, fault) = FAULTS[rng.below(FAULTS.len())];
        let want = fault(&mut d, &mut rng);
        let path = dir.join(format!("{seed}.toml"));
        std::fs::write(&path, toml::to_string(&d).unwrap()).unwrap();
        let err = xtask::load(&path).expect_err("a faulty dataset must not load");
        let _ = std::fs::remove_file(&path);
        let needle = format!("{} '{}', field '{}'", want.kind, want.item, want.field);
        assert!(
            err.contains(&needle),
            "seed {seed}, {name}: {needle:?} in:\n{err}"
        );
    }
    let _ = std::fs::remove_dir(&dir);
}
