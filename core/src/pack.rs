//! The prepared timeline as the browser receives it: a compact binary form
//! written at build time (dataset validated, dates parsed), which the page
//! reads with no JSON or EDTF parser; and the event texts of the other
//! languages as plain-text packs, fetched when a reader needs them; and so
//! are the English summaries, disputes and source passages (the details
//! pack): the binary form holds only what draws the lanes, finds an event
//! and names its sources.
//!
//! The binary form: unsigned numbers are LEB128, signed ones zigzag-LEB128,
//! strings a length and UTF-8 bytes, lists a count and their items.

use crate::dataset::{
    Actor, Citation, Dataset, Details, Event, EventText, Lane, Source, SourceText,
};
use crate::date::{Point, Precision, When};
use std::collections::BTreeMap;

/// What a packed timeline starts with (and its format version).
const MAGIC: &[u8] = b"RIFT\x03";

/// Separates an event's fields in a text pack.
pub const FIELD: char = '\u{1f}';
/// Ends an event's record in a text pack.
pub const RECORD: char = '\u{1e}';

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }

    fn int(&mut self, n: i64) {
        self.uint(((n << 1) ^ (n >> 63)) as u64);
    }

    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.uint(1);
                self.str(s);
            }
            None => self.uint(0),
        }
    }

    fn strs<'a>(&mut self, items: impl ExactSizeIterator<Item = &'a str>) {
        self.uint(items.len() as u64);
        for s in items {
            self.str(s);
        }
    }

    fn map(&mut self, m: &BTreeMap<String, String>) {
        self.uint(m.len() as u64);
        for (k, v) in m {
            self.str(k);
            self.str(v);
        }
    }

    fn point(&mut self, p: &Point) {
        let precision = match p.precision {
            Precision::Day => 0,
            Precision::Month => 1,
            Precision::Season => 2,
            Precision::Year => 3,
        };
        let flags = u64::from(p.approximate) | u64::from(p.uncertain) << 1;
        self.uint(precision | flags << 2);
        self.int(p.year.into());
        self.uint(p.month.into());
        self.uint(p.day.into());
        self.int(p.start.into());
        self.int((p.end - p.start).into());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

type Read<T> = Result<T, String>;

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Read<u8> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or("the packed timeline ends early")?;
        self.at += 1;
        Ok(b)
    }

    fn uint(&mut self) -> Read<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err("a number in the packed timeline is too long".into())
    }

    fn small(&mut self) -> Read<u32> {
        u32::try_from(self.uint()?).map_err(|_| "a number out of range".into())
    }

    fn index(&mut self, len: usize) -> Read<usize> {
        let i = self.uint()? as usize;
        if i < len {
            Ok(i)
        } else {
            Err(format!("an index ({i}) past its list ({len})"))
        }
    }

    fn int(&mut self) -> Read<i32> {
        let n = self.uint()?;
        let n = (n >> 1) as i64 ^ -((n & 1) as i64);
        i32::try_from(n).map_err(|_| "a number out of range".into())
    }

    fn str(&mut self) -> Read<String> {
        let len = self.uint()? as usize;
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("a text in the packed timeline ends early")?;
        let s = std::str::from_utf8(&self.bytes[self.at..end]).map_err(|e| e.to_string())?;
        self.at = end;
        Ok(s.to_string())
    }

    fn opt(&mut self) -> Read<Option<String>> {
        Ok(if self.uint()? == 0 {
            None
        } else {
            Some(self.str()?)
        })
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Read<T>) -> Read<Vec<T>> {
        let n = self.uint()? as usize;
        // Every item takes at least a byte: a count past the end is corrupt.
        if n > self.bytes.len() - self.at {
            return Err("a list in the packed timeline is longer than the data".into());
        }
        // A loop, not `collect()` into a `Result`: that adapter is a copy
        // of its own for each item type, and weighs more than this.
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(item(self)?);
        }
        Ok(items)
    }

    // Entries inserted one by one: collecting into a BTreeMap sorts them
    // first, with a copy of the stable sort for each entry type.
    fn map(&mut self) -> Read<BTreeMap<String, String>> {
        let mut map = BTreeMap::new();
        for (k, v) in self.list(|r| Ok((r.str()?, r.str()?)))? {
            map.insert(k, v);
        }
        Ok(map)
    }

    fn point(&mut self) -> Read<Point> {
        let head = self.uint()?;
        let precision = match head & 3 {
            0 => Precision::Day,
            1 => Precision::Month,
            2 => Precision::Season,
            _ => Precision::Year,
        };
        let year = self.int()?;
        let month = self.small()?;
        let day = self.small()?;
        let start = self.int()?;
        let end = start + self.int()?;
        Ok(Point {
            precision,
            year,
            month,
            day,
            approximate: head & 4 != 0,
            uncertain: head & 8 != 0,
            start,
            end,
        })
    }
}

/// Writes a validated dataset and its parsed dates. The events' own
/// translations are left out, as are their English summaries, disputes
/// (only whether there is one stays) and passages (only the source stays):
/// they travel in the text packs and the details pack.
pub fn encode(data: &Dataset, when: &[When]) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    w.uint(data.lanes.len() as u64);
    for l in &data.lanes {
        w.str(&l.id);
        w.str(&l.label);
        w.map(&l.tr);
    }
    w.uint(data.sources.len() as u64);
    for s in &data.sources {
        w.str(&s.id);
        w.str(&s.citation);
        w.str(&s.short);
        w.uint(s.tr.len() as u64);
        for (code, t) in &s.tr {
            w.str(code);
            w.opt(t.short.as_deref());
            w.opt(t.citation.as_deref());
        }
    }
    w.uint(data.actors.len() as u64);
    for a in &data.actors {
        w.str(&a.name);
        w.strs(a.aliases.iter().map(String::as_str));
        w.map(&a.tr);
    }
    fn index<'a>(list: &[String], names: impl Iterator<Item = &'a str> + Clone) -> Vec<u64> {
        list.iter()
            .map(|x| names.clone().position(|n| n == x).unwrap_or(0) as u64)
            .collect()
    }
    w.uint(data.events.len() as u64);
    for (e, when) in data.events.iter().zip(when) {
        w.str(&e.id);
        let lane = data.lanes.iter().position(|l| l.id == e.lane).unwrap_or(0);
        w.uint(lane as u64);
        w.str(&e.date);
        w.point(&when.from);
        match &when.to {
            Some(to) => {
                w.uint(1);
                w.point(to);
            }
            None => w.uint(0),
        }
        w.opt(e.date_label.as_deref());
        w.str(&e.title);
        w.uint(u64::from(e.disputed.is_some()));
        let actors = index(&e.actors, data.actors.iter().map(|a| a.name.as_str()));
        let related = index(&e.related, data.events.iter().map(|e| e.id.as_str()));
        for list in [actors, related] {
            w.uint(list.len() as u64);
            for i in list {
                w.uint(i);
            }
        }
        w.uint(e.citations.len() as u64);
        for c in &e.citations {
            let source = data.sources.iter().position(|s| s.id == c.source);
            w.uint(source.unwrap_or(0) as u64);
        }
    }
    w.0
}

/// Reads what [`encode`] wrote: the dataset (events without their
/// translations, with empty summaries, disputes and passages) and each
/// event's date.
pub fn decode(bytes: &[u8]) -> Result<(Dataset, Vec<When>), String> {
    if !bytes.starts_with(MAGIC) {
        return Err("not a packed timeline of this version".into());
    }
    let mut r = Reader {
        bytes,
        at: MAGIC.len(),
    };
    let lanes = r.list(|r| {
        Ok(Lane {
            id: r.str()?,
            label: r.str()?,
            tr: r.map()?,
        })
    })?;
    let sources = r.list(|r| {
        Ok(Source {
            id: r.str()?,
            citation: r.str()?,
            short: r.str()?,
            text: None,
            tr: {
                let mut tr = BTreeMap::new();
                for (code, text) in r.list(|r| {
                    let code = r.str()?;
                    let (short, citation) = (r.opt()?, r.opt()?);
                    Ok((code, SourceText { short, citation }))
                })? {
                    tr.insert(code, text);
                }
                tr
            },
        })
    })?;
    let actors = r.list(|r| {
        Ok(Actor {
            name: r.str()?,
            aliases: r.list(Reader::str)?,
            tr: r.map()?,
        })
    })?;
    let mut when = Vec::new();
    let mut links = Vec::new();
    let events = r.list(|r| {
        let id = r.str()?;
        let lane = &lanes[r.index(lanes.len())?];
        let date = r.str()?;
        let from = r.point()?;
        let to = if r.uint()? == 1 {
            Some(r.point()?)
        } else {
            None
        };
        when.push(When { from, to });
        let (date_label, title) = (r.opt()?, r.str()?);
        let disputed = (r.uint()? == 1).then(String::new);
        let actor_ids = r.list(|r| r.index(actors.len()))?;
        links.push(r.list(Reader::uint)?);
        let citations = r.list(|r| {
            Ok(Citation {
                source: sources[r.index(sources.len())?].id.clone(),
                locator: String::new(),
                quote: String::new(),
            })
        })?;
        Ok(Event {
            id,
            lane: lane.id.clone(),
            date,
            date_label,
            title,
            summary: String::new(),
            actors: actor_ids
                .into_iter()
                .map(|i| actors[i].name.clone())
                .collect(),
            citations,
            disputed,
            related: Vec::new(),
            tr: BTreeMap::new(),
            tr_pending: false,
        })
    })?;
    let mut events = events;
    for (k, related) in links.into_iter().enumerate() {
        let ids: Option<Vec<String>> = related
            .into_iter()
            .map(|i| events.get(i as usize).map(|e| e.id.clone()))
            .collect();
        events[k].related = ids.ok_or("a related event past the list")?;
    }
    Ok((
        Dataset {
            lanes,
            sources,
            actors,
            events,
        },
        when,
    ))
}

/// The text pack of one language: each event's title, summary, dispute and
/// date label in dataset order, separated by [`FIELD`], each event ended by
/// [`RECORD`], an empty field where a text is missing; then one more
/// record, the language's interface strings (`i18n::pack_fields`).
#[cfg(not(target_arch = "wasm32"))]
pub fn texts(data: &Dataset, code: &str) -> String {
    let mut out = String::new();
    for e in &data.events {
        let t = e.tr.get(code);
        let fields = [
            t.and_then(|t| t.title.as_deref()),
            t.and_then(|t| t.summary.as_deref()),
            t.and_then(|t| t.disputed.as_deref()),
            t.and_then(|t| t.date_label.as_deref()),
        ];
        record(&mut out, fields.into_iter().map(Option::unwrap_or_default));
    }
    if let Some(lang) = crate::i18n::Lang::parse(code) {
        // As they are: interface strings keep their spaces.
        out.push_str(&crate::i18n::pack_fields(lang).join(&FIELD.to_string()));
        out.push(RECORD);
    }
    out
}

/// Appends one event's record to a pack: its fields, spaces folded.
fn record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (k, f) in fields.into_iter().enumerate() {
        if k > 0 {
            out.push(FIELD);
        }
        out.push_str(&crate::dataset::fold_space(f));
    }
    out.push(RECORD);
}

/// A pack's records, if there is one for each of `n` events.
fn records<'a>(pack: &'a str, n: usize, what: &str) -> Result<Vec<&'a str>, String> {
    let records: Vec<&str> = pack.split_terminator(RECORD).collect();
    if records.len() != n {
        return Err(format!("{what} for {} events, not {n}", records.len()));
    }
    Ok(records)
}

/// Reads a text pack for `n` events: the events' texts and the
/// interface strings.
pub fn parse_texts(pack: &str, n: usize) -> Result<(Vec<EventText>, Vec<String>), String> {
    let mut records = records(pack, n + 1, "a text pack")?;
    let strings = crate::i18n::parse_fields(records.pop().unwrap_or_default().split(FIELD))?;
    let texts = records
        .into_iter()
        .map(|r| {
            let mut f = r.split(FIELD);
            let mut next = || f.next().filter(|s| !s.is_empty()).map(str::to_string);
            EventText {
                title: next(),
                summary: next(),
                disputed: next(),
                date_label: next(),
            }
        })
        .collect();
    Ok((texts, strings))
}

/// The details pack: each event's English summary, dispute (empty where
/// there is none), then the locator and quote of each citation, separated
/// by [`FIELD`], each event ended by [`RECORD`], in dataset order.
pub fn details(data: &Dataset) -> String {
    let mut out = String::new();
    for e in &data.events {
        let mut fields = vec![
            e.summary.as_str(),
            e.disputed.as_deref().unwrap_or_default(),
        ];
        for c in &e.citations {
            fields.extend([c.locator.as_str(), c.quote.as_str()]);
        }
        record(&mut out, fields);
    }
    out
}

/// Reads a details pack for `n` events.
pub fn parse_details(pack: &str, n: usize) -> Result<Vec<Details>, String> {
    records(pack, n, "details")?
        .into_iter()
        .map(|r| {
            let mut f = r.split(FIELD);
            let summary = f.next().unwrap_or_default().to_string();
            let disputed = f.next().filter(|s| !s.is_empty()).map(str::to_string);
            let rest: Vec<&str> = f.collect();
            if !rest.len().is_multiple_of(2) {
                return Err("a locator without its quote".to_string());
            }
            let passages = rest
                .chunks(2)
                .map(|p| (p[0].to_string(), p[1].to_string()))
                .collect();
            Ok(Details {
                summary,
                disputed,
                passages,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{fold_space, Actor, Timeline};
    use crate::fixtures::{event, lane};
    use crate::i18n::{t, Key, Lang, KEYS, KEYS_ID};

    fn dataset() -> Dataset {
        let mut a = event("a", "one", "1961-06-04");
        a.actors = vec!["Enver Hoxha".into()];
        a.related = vec!["b".into()];
        a.disputed = Some("They differ.".into());
        a.date_label = Some("early June".into());
        let mut b = event("b", "two", "1957?/1959-07~");
        b.date_label = Some("between 1957 and 1959".into());
        b.related = vec!["a".into()];
        b.tr.insert(
            "ru".into(),
            EventText {
                title: Some("Б".into()),
                summary: Some("Что-то\nслучилось.".into()),
                disputed: None,
                date_label: Some("между 1957 и 1959".into()),
            },
        );
        let mut d = Dataset {
            lanes: vec![lane("one"), lane("two")],
            sources: crate::fixtures::timeline(vec![lane("x")], vec![event("x", "x", "1960")])
                .data
                .sources,
            actors: vec![Actor {
                name: "Enver Hoxha".into(),
                aliases: vec!["Hoxha".into()],
                tr: [("ru".to_string(), "Энвер Ходжа".to_string())].into(),
            }],
            events: vec![a, b, event("c", "two", "1962-12")],
        };
        d.lanes[1].tr.insert("sq".into(), "Dy".into());
        d.sources[0].tr.insert(
            "ru".into(),
            SourceText {
                short: Some("С".into()),
                citation: None,
            },
        );
        d
    }

    #[test]
    fn a_packed_timeline_reads_back_whole() {
        let d = dataset();
        let t = Timeline::new(d.clone()).expect("valid");
        let bytes = encode(&t.data, &t.when);
        let (back, when) = decode(&bytes).expect("decodes");
        assert_eq!(when, t.when);
        // Everything but the events' own translations and their English
        // texts and passages, which travel apart.
        let mut expected = d.clone();
        for e in &mut expected.events {
            e.tr.clear();
            e.summary.clear();
            e.disputed = e.disputed.as_ref().map(|_| String::new());
            for c in &mut e.citations {
                c.locator.clear();
                c.quote.clear();
            }
        }
        assert_eq!(back, expected);
    }

    #[test]
    fn a_packed_timeline_has_its_texts_and_passages_once_the_details_arrive() {
        let d = dataset();
        let full = Timeline::new(d.clone()).expect("valid");
        let (back, when) = decode(&encode(&full.data, &full.when)).expect("decodes");
        let lean = Timeline::prepared(back, when);
        assert!(full.has_details() && !lean.has_details());
        // Before: no text to show, but what draws and ranks the marks holds.
        assert_eq!(lean.summary(0, Lang::En), "");
        assert_eq!(lean.disputed(0, Lang::En), None);
        assert!(lean.is_disputed(0) && !lean.is_disputed(1));
        assert_eq!(lean.passage(0, 0), ("", ""));
        assert_eq!(lean.rank, full.rank);
        // A pack of the wrong shape is refused.
        let pack = details(&d);
        let mut short = parse_details(&pack, 3).expect("parses");
        short[0].passages.pop();
        assert!(!lean.add_details(short));
        assert!(parse_details(&pack, 2).is_err());
        assert!(lean.add_details(parse_details(&pack, 3).expect("parses")));
        for i in 0..3 {
            assert_eq!(
                lean.summary(i, Lang::En),
                fold_space(full.summary(i, Lang::En))
            );
            assert_eq!(lean.disputed(i, Lang::En), full.disputed(i, Lang::En));
            for j in 0..d.events[i].citations.len() {
                let (l, q) = full.passage(i, j);
                assert_eq!(lean.passage(i, j), (l, fold_space(q).as_str()));
            }
        }
        // Given once: a second pack changes nothing.
        assert!(!lean.add_details(parse_details(&pack, 3).unwrap()));
        // A full timeline takes none.
        assert!(!full.add_details(parse_details(&pack, 3).unwrap()));
    }

    #[test]
    fn a_damaged_pack_is_an_error_not_a_panic() {
        let d = dataset();
        let t = Timeline::new(d).unwrap();
        let bytes = encode(&t.data, &t.when);
        assert!(decode(b"JSON").is_err());
        for cut in [5, 9, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        // Flipping any byte never panics.
        for i in MAGIC.len()..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xa5;
            let _ = decode(&b);
        }
    }

    #[test]
    fn text_packs_carry_each_event_in_order() {
        let d = dataset();
        let pack = texts(&d, "ru");
        let (parsed, strings) = parse_texts(&pack, 3).expect("parses");
        assert_eq!(parsed[0], EventText::default());
        assert_eq!(parsed[1].title.as_deref(), Some("Б"));
        assert_eq!(parsed[1].summary.as_deref(), Some("Что-то случилось."));
        assert_eq!(parsed[1].disputed, None);
        assert_eq!(parsed[1].date_label.as_deref(), Some("между 1957 и 1959"));
        assert!(parse_texts(&pack, 4).is_err());
        assert!(parse_texts("", 0).is_err(), "no interface strings");
        // The interface strings of the language follow the events, as
        // they are in i18n/ru.json, spaces and all.
        let ru: Vec<&str> = KEYS.iter().map(|k| t(Lang::Ru, *k)).collect();
        assert_eq!(strings, ru);
        assert_eq!(strings[Key::Close as usize], "Закрыть");
    }

    #[test]
    fn a_text_pack_for_other_interface_strings_is_refused() {
        let d = dataset();
        let pack = texts(&d, "sq");
        assert!(parse_texts(&pack, 3).is_ok());
        // Written by a build with other keys (a stale cached file).
        let other = pack.replacen(KEYS_ID, "0123456789abcdef", 1);
        let e = parse_texts(&other, 3).unwrap_err();
        assert!(e.contains("other keys"), "{e}");
        // One string short.
        let cut = pack.trim_end_matches(RECORD);
        let short = format!("{}{RECORD}", &cut[..cut.rfind(FIELD).unwrap()]);
        let e = parse_texts(&short, 3).unwrap_err();
        assert!(e.contains("interface strings, not"), "{e}");
    }
}
