use reactive_graph::computed::Memo;
use reactive_graph::effect::Effect;
use reactive_graph::owner::Owner;
use reactive_graph::signal::RwSignal;
use reactive_graph::traits::{Get, Set, Update, With};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlInputElement, Node};

// The same interface as websys-min, with its hand-written reactive cell
// replaced by reactive_graph (the signals, memos and effects under Leptos).
// Each `subscribe` there is an `Effect` here; an effect made inside another
// one is disposed when the outer one runs again (the `Unsub` there).

// ---- DOM helpers ----

fn doc() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn el(d: &Document, parent: &Node, tag: &str) -> Element {
    let e = d.create_element(tag).unwrap();
    parent.append_child(&e).unwrap();
    e
}

fn text(d: &Document, parent: &Node, s: &str) -> web_sys::Text {
    let t = d.create_text_node(s);
    parent.append_child(&t).unwrap();
    t
}

fn on(target: &Element, name: &str, f: impl FnMut(Event) + 'static) {
    let c = Closure::<dyn FnMut(Event)>::new(f);
    target.add_event_listener_with_callback(name, c.as_ref().unchecked_ref()).unwrap();
    c.forget();
}

fn attr(e: &Element, name: &str, value: &str) {
    e.set_attribute(name, value).unwrap();
}

fn input_value(ev: &Event) -> String {
    ev.target().unwrap().unchecked_into::<HtmlInputElement>().value()
}

// ---- The first UI ----

fn main_ui(d: &Document, root: &Node) {
    let count = RwSignal::new(0i32);
    let txt = RwSignal::new(String::from("item"));
    let show = RwSignal::new(true);
    let doubled = Memo::new(move |_| count.get() * 2);
    {
        let d2 = d.clone();
        Effect::new(move |_| d2.set_title(&format!("count {}", count.get())));
    }

    let app = el(d, root, "div");
    attr(&app, "class", "app");
    let header = el(d, &app, "header");
    attr(&header, "class", "hdr");
    let h1 = el(d, &header, "h1");
    text(d, &h1, "Floor ");
    let h1_count = text(d, &h1, "");
    Effect::new(move |_| h1_count.set_data(&count.get().to_string()));
    let inc = el(d, &header, "button");
    attr(&inc, "id", "inc");
    inc.set_text_content(Some("+1"));
    on(&inc, "click", move |_| count.update(|v| *v += 1));
    let dec = el(d, &header, "button");
    attr(&dec, "id", "dec");
    dec.set_text_content(Some("-1"));
    on(&dec, "click", move |_| count.update(|v| *v -= 1));
    let tog = el(d, &header, "button");
    attr(&tog, "id", "toggle");
    tog.set_text_content(Some("toggle"));
    on(&tog, "click", move |_| show.update(|v| *v = !*v));

    let input = el(d, &app, "input");
    attr(&input, "id", "txt");
    attr(&input, "type", "text");
    {
        let i = input.clone().unchecked_into::<HtmlInputElement>();
        Effect::new(move |_| {
            let v = txt.get();
            if i.value() != v {
                i.set_value(&v);
            }
        });
        on(&input, "input", move |ev| txt.set(input_value(&ev)));
    }

    let sel = el(d, &app, "select");
    attr(&sel, "id", "sel");
    for o in ["one", "two", "three"] {
        let opt = el(d, &sel, "option");
        attr(&opt, "value", o);
        opt.set_text_content(Some(o));
    }

    let p = el(d, &app, "p");
    attr(&p, "id", "dbl");
    text(d, &p, "doubled: ");
    let p_val = text(d, &p, "");
    {
        let p2 = p.clone();
        Effect::new(move |_| {
            p2.class_list().toggle_with_force("even", count.get() % 2 == 0).unwrap();
        });
        let p2 = p.clone();
        Effect::new(move |_| {
            let v = doubled.get().to_string();
            attr(&p2, "data-doubled", &v);
            p_val.set_data(&v);
        });
    }

    let ul = el(d, &app, "ul");
    attr(&ul, "id", "list");
    {
        let (d2, ul2) = (d.clone(), ul.clone());
        Effect::new(move |_| {
            ul2.set_text_content(None);
            let (t, c) = (txt.get(), count.get());
            for i in 0..10 {
                let li = el(&d2, &ul2, "li");
                li.set_text_content(Some(&format!("{t} #{}", i + c)));
            }
        });
    }

    let anchor = d.create_comment("");
    app.append_child(&anchor).unwrap();
    {
        let d2 = d.clone();
        Effect::new(move |prev: Option<Option<Element>>| {
            if let Some(Some(old)) = prev {
                old.remove();
            }
            show.get().then(|| {
                let sec = d2.create_element("section").unwrap();
                attr(&sec, "id", "extra");
                el(&d2, &sec, "span").set_text_content(Some("shown"));
                let em = el(&d2, &sec, "em");
                Effect::new(move |_| em.set_text_content(Some(&txt.with(|v| v.len()).to_string())));
                anchor.parent_node().unwrap().insert_before(&sec, Some(&anchor)).unwrap();
                sec
            })
        });
    }
}

// ---- The second UI (feature `second`) ----

#[cfg(feature = "second")]
fn second_ui(d: &Document, root: &Node) {
    let tab = RwSignal::new(0u32);
    let note = RwSignal::new(String::from("a short note"));
    let open = RwSignal::new(false);
    let words = Memo::new(move |_| note.with(|n| n.split_whitespace().count()));
    {
        let d2 = d.clone();
        Effect::new(move |_| attr(&d2.body().unwrap(), "data-tab", &tab.get().to_string()));
    }

    let main = el(d, root, "main");
    attr(&main, "class", "panel");
    let nav = el(d, &main, "nav");
    for (i, name) in ["alpha", "beta", "gamma"].into_iter().enumerate() {
        let a = el(d, &nav, "a");
        attr(&a, "href", "#");
        attr(&a, "id", &format!("tab{i}"));
        a.set_text_content(Some(name));
        let a2 = a.clone();
        Effect::new(move |_| {
            a2.class_list().toggle_with_force("active", tab.get() == i as u32).unwrap();
        });
        on(&a, "click", move |ev| {
            ev.prevent_default();
            tab.set(i as u32)
        });
    }

    let form = el(d, &main, "form");
    let label = el(d, &form, "label");
    text(d, &label, "Note");
    let area = el(d, &label, "textarea");
    attr(&area, "id", "note");
    {
        let a = area.clone().unchecked_into::<web_sys::HtmlTextAreaElement>();
        Effect::new(move |_| {
            let v = note.get();
            if a.value() != v {
                a.set_value(&v);
            }
        });
        on(&area, "input", move |ev| {
            note.set(ev.target().unwrap().unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        });
    }
    let label2 = el(d, &form, "label");
    let cb = el(d, &label2, "input");
    attr(&cb, "id", "open");
    attr(&cb, "type", "checkbox");
    text(d, &label2, "details");
    {
        let c = cb.clone().unchecked_into::<HtmlInputElement>();
        Effect::new(move |_| c.set_checked(open.get()));
        on(&cb, "change", move |ev| {
            open.set(ev.target().unwrap().unchecked_into::<HtmlInputElement>().checked())
        });
    }

    let h2 = el(d, &main, "h2");
    text(d, &h2, "Words: ");
    let h2_val = text(d, &h2, "");
    {
        let h = h2.clone();
        Effect::new(move |_| {
            let n = words.get();
            attr(&h, "title", &format!("{n} words"));
            h2_val.set_data(&n.to_string());
        });
    }

    let table = el(d, &main, "table");
    attr(&table, "id", "rows");
    let tbody = el(d, &table, "tbody");
    {
        let d2 = d.clone();
        Effect::new(move |_| {
            tbody.set_text_content(None);
            let t = tab.get();
            for i in 0..10 {
                let tr = el(&d2, &tbody, "tr");
                el(&d2, &tr, "td").set_text_content(Some(&i.to_string()));
                el(&d2, &tr, "td").set_text_content(Some(&format!("tab {t} row {i}")));
            }
        });
    }

    let anchor = d.create_comment("");
    main.append_child(&anchor).unwrap();
    {
        let d2 = d.clone();
        Effect::new(move |prev: Option<Option<Element>>| {
            if let Some(Some(old)) = prev {
                old.remove();
            }
            open.get().then(|| {
                let aside = d2.create_element("aside").unwrap();
                attr(&aside, "id", "details");
                let strong = el(&d2, &aside, "strong");
                Effect::new(move |_| strong.set_text_content(Some(&note.get())));
                let small = el(&d2, &aside, "small");
                text(&d2, &small, "words: ");
                let sv = text(&d2, &small, "");
                Effect::new(move |_| sv.set_data(&words.get().to_string()));
                anchor.parent_node().unwrap().insert_before(&aside, Some(&anchor)).unwrap();
                aside
            })
        });
    }
}

#[wasm_bindgen]
pub fn start() {
    // Effects run on wasm-bindgen-futures' microtasks; the root owner holds
    // every signal, memo and effect for the life of the page.
    _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    std::mem::forget(owner);
    let d = doc();
    let body: Node = d.body().unwrap().into();
    main_ui(&d, &body);
    #[cfg(feature = "second")]
    second_ui(&d, &body);
}
