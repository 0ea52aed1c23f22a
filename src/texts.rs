//! The texts fetched from the site the first time a reader needs them,
//! once per page however many instances it holds:
//! - the event texts and interface strings of Albanian and Russian
//!   (`texts-sq.txt`, `texts-ru.txt`): an instance in that language waits
//!   for them before its first frame, a switch to it waits for them, and
//!   a search in every language fetches them;
//! - the English summaries, disputes and source passages (`details.txt`):
//!   the reader reaches for the timeline, opens an event, searches, lists
//!   or prints. The module holds only what draws the lanes.

use leptos::prelude::*;
use rift_core::dataset::Timeline;
use rift_core::i18n::Lang;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where a pack stands on this page.
enum Pack {
    /// Being fetched; these run when it arrives (or fails).
    Loading(Vec<Box<dyn FnOnce()>>),
    /// Arrived, or failed (the English texts stay, marked as English).
    Settled,
}

thread_local! {
    /// Albanian texts, Russian texts, English details.
    static PACKS: RefCell<[Option<Pack>; 3]> = const { RefCell::new([None, None, None]) };
}

const DETAILS: usize = 2;

fn slot(lang: Lang) -> Option<usize> {
    match lang {
        Lang::En => None,
        Lang::Sq => Some(0),
        Lang::Ru => Some(1),
    }
}

/// Makes sure `data` has the event texts and interface strings of `lang`,
/// fetching them from the site at `site` if no instance has yet; `then`
/// runs once they arrived or failed to (at once, if either happened
/// before: see [`failed`]).
pub fn ensure(data: Arc<Timeline>, site: &str, lang: Lang, then: impl FnOnce() + 'static) {
    let Some(k) = slot(lang).filter(|_| !has_texts(&data, lang)) else {
        return then();
    };
    let url = format!("{site}texts-{}.txt", lang.code());
    load(k, url, true, data, then, move |data, text| {
        let (texts, strings) = rift_core::pack::parse_texts(text, data.data.events.len())?;
        rift_core::i18n::add_strings(lang, strings);
        data.add_texts(lang, texts);
        Ok(())
    });
}

/// Whether the texts of `lang` failed to arrive on this page (asking
/// again would only fail again).
pub fn failed(data: &Timeline, lang: Lang) -> bool {
    let settled =
        slot(lang).is_some_and(|k| PACKS.with(|p| matches!(p.borrow()[k], Some(Pack::Settled))));
    settled && !has_texts(data, lang)
}

/// Whether `data` has the event texts of `lang`, and the page its
/// interface strings (they come in one pack).
fn has_texts(data: &Timeline, lang: Lang) -> bool {
    data.has_texts(lang) && rift_core::i18n::has_strings(lang)
}

/// Makes sure `data` has its English summaries, disputes and passages,
/// fetching them from the site at `site` if no instance has yet; `then`
/// runs once they arrived or failed to (at once, if either happened before).
pub fn ensure_details(data: Arc<Timeline>, site: &str, then: impl FnOnce() + 'static) {
    if data.has_details() {
        return then();
    }
    let url = format!("{site}details.txt");
    load(DETAILS, url, true, data, then, |data, text| {
        let details = rift_core::pack::parse_details(text, data.data.events.len())?;
        if data.add_details(details) {
            Ok(())
        } else {
            Err("details that do not match the timeline's citations".into())
        }
    });
}

/// Whether a search still waits for texts it reads: the English details
/// or another language's texts, neither here nor failed to arrive.
pub fn search_waits(data: &Timeline) -> bool {
    PACKS.with(|p| {
        let p = p.borrow();
        let waits = |k: usize, here: bool| !here && !matches!(p[k], Some(Pack::Settled));
        waits(0, has_texts(data, Lang::Sq))
            || waits(1, has_texts(data, Lang::Ru))
            || waits(DETAILS, data.has_details())
    })
}

/// Fetches `url` into slot `k` unless it is on its way or settled; `then`
/// runs once it has settled, and at once if it had and `again`.
fn load(
    k: usize,
    url: String,
    again: bool,
    data: Arc<Timeline>,
    then: impl FnOnce() + 'static,
    add: impl FnOnce(&Timeline, &str) -> Result<(), String> + 'static,
) {
    let start = PACKS.with(|p| {
        let mut p = p.borrow_mut();
        match &mut p[k] {
            Some(Pack::Loading(waiting)) => {
                waiting.push(Box::new(then));
                false
            }
            // Settled: it arrived and was added (the caller checked), or
            // it failed, and asking again would only fail again.
            Some(Pack::Settled) => {
                if again {
                    then();
                }
                false
            }
            none => {
                *none = Some(Pack::Loading(vec![Box::new(then)]));
                true
            }
        }
    });
    if start {
        // Not the reactive graph's executor: an instance may wait for this
        // before it mounts, which is what sets that up.
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = fetch(&url).await.and_then(|text| add(&data, &text)) {
                leptos::logging::warn!("{url}: {e}");
            }
            let waiting = PACKS.with(|p| match p.borrow_mut()[k].replace(Pack::Settled) {
                Some(Pack::Loading(w)) => w,
                _ => Vec::new(),
            });
            for then in waiting {
                then();
            }
        });
    }
}

/// The body of a same-site text file.
async fn fetch(url: &str) -> Result<String, String> {
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|e| format!("{e:?}"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|e| format!("{e:?}"))?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|e| format!("{e:?}"))?;
    let text = JsFuture::from(text).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "not text".into())
}
