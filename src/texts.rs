//! The event texts of Albanian and Russian, fetched from the site
//! (`texts-sq.txt`, `texts-ru.txt`) the first time a reader needs them: the
//! page opens in that language, switches to it, or searches. Once per page,
//! however many instances it holds; English is always embedded.

use leptos::prelude::*;
use rift_core::dataset::Timeline;
use rift_core::i18n::Lang;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where a language's texts stand on this page.
enum Pack {
    /// Being fetched; these run when it arrives (or fails).
    Loading(Vec<Box<dyn FnOnce()>>),
    /// Arrived, or failed (the English texts stay, marked as English).
    Settled,
}

thread_local! {
    static PACKS: RefCell<[Option<Pack>; 2]> = const { RefCell::new([None, None]) };
}

fn slot(lang: Lang) -> Option<usize> {
    match lang {
        Lang::En => None,
        Lang::Sq => Some(0),
        Lang::Ru => Some(1),
    }
}

/// Makes sure `data` has the event texts of `lang`, fetching them from the
/// site at `site` if no instance has yet; `then` runs once they are there
/// (at once, if they already are; never, if fetching them failed).
pub fn ensure(data: Arc<Timeline>, site: &str, lang: Lang, then: impl FnOnce() + 'static) {
    let Some(k) = slot(lang).filter(|_| !data.has_texts(lang)) else {
        return then();
    };
    let start = PACKS.with(|p| {
        let mut p = p.borrow_mut();
        match &mut p[k] {
            Some(Pack::Loading(waiting)) => {
                waiting.push(Box::new(then));
                false
            }
            // Failed before (it arrived, or `data` would have it): the
            // English texts stay, and asking again would only fail again.
            Some(Pack::Settled) => false,
            none => {
                *none = Some(Pack::Loading(vec![Box::new(then)]));
                true
            }
        }
    });
    if start {
        let url = format!("{site}texts-{}.txt", lang.code());
        leptos::task::spawn_local(async move {
            match fetch(&url).await {
                Ok(text) => match rift_core::pack::parse_texts(&text, data.data.events.len()) {
                    Ok(texts) => {
                        data.add_texts(lang, texts);
                    }
                    Err(e) => leptos::logging::warn!("{url}: {e}"),
                },
                Err(e) => leptos::logging::warn!("{url}: {e}"),
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
