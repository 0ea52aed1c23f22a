use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, HtmlInputElement, Node};

// ---- A minimal reactive cell: a value plus subscriber callbacks. ----

struct Inner<T> {
    value: T,
    next: u32,
    subs: Vec<(u32, Rc<dyn Fn()>)>,
}

/// Undoes a `subscribe`.
type Unsub = Box<dyn FnOnce()>;

/// A shared value; `set`/`update` run every subscriber.
struct Cell<T>(Rc<RefCell<Inner<T>>>);

impl<T> Clone for Cell<T> {
    fn clone(&self) -> Self {
        Cell(self.0.clone())
    }
}

impl<T: Clone + PartialEq + 'static> Cell<T> {
    fn new(value: T) -> Self {
        Cell(Rc::new(RefCell::new(Inner { value, next: 0, subs: Vec::new() })))
    }
    fn get(&self) -> T {
        self.0.borrow().value.clone()
    }
    fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0.borrow().value)
    }
    fn set(&self, value: T) {
        {
            let mut inner = self.0.borrow_mut();
            if inner.value == value {
                return;
            }
            inner.value = value;
        }
        let subs = self.0.borrow().subs.clone();
        for (_, s) in subs {
            s();
        }
    }
    fn update(&self, f: impl FnOnce(&mut T)) {
        let mut v = self.get();
        f(&mut v);
        self.set(v);
    }
    /// Adds a subscriber and runs it once now; the result removes it.
    fn subscribe(&self, f: impl Fn() + 'static) -> Unsub {
        let f: Rc<dyn Fn()> = Rc::new(f);
        let id = {
            let mut inner = self.0.borrow_mut();
            inner.next += 1;
            let id = inner.next;
            inner.subs.push((id, f.clone()));
            id
        };
        f();
        let weak = Rc::downgrade(&self.0);
        Box::new(move || {
            if let Some(inner) = weak.upgrade() {
                inner.borrow_mut().subs.retain(|(i, _)| *i != id);
            }
        })
    }
}

/// A derived cell, recomputed when its source changes (set skips equal values).
fn memo<T, U>(src: &Cell<T>, f: impl Fn(&T) -> U + 'static) -> Cell<U>
where
    T: Clone + PartialEq + 'static,
    U: Clone + PartialEq + 'static,
{
    let out = Cell::new(src.with(&f));
    let (s, o) = (src.clone(), out.clone());
    let _ = src.subscribe(move || o.set(s.with(&f)));
    out
}

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
    let count = Cell::new(0i32);
    let txt = Cell::new(String::from("item"));
    let show = Cell::new(true);
    let doubled = memo(&count, |c| c * 2);
    {
        let (c, d2) = (count.clone(), d.clone());
        let _ = count.subscribe(move || d2.set_title(&format!("count {}", c.get())));
    }

    let app = el(d, root, "div");
    attr(&app, "class", "app");
    let header = el(d, &app, "header");
    attr(&header, "class", "hdr");
    let h1 = el(d, &header, "h1");
    text(d, &h1, "Floor ");
    let h1_count = text(d, &h1, "");
    {
        let c = count.clone();
        let _ = count.subscribe(move || h1_count.set_data(&c.get().to_string()));
    }
    let inc = el(d, &header, "button");
    attr(&inc, "id", "inc");
    inc.set_text_content(Some("+1"));
    let c = count.clone();
    on(&inc, "click", move |_| c.update(|v| *v += 1));
    let dec = el(d, &header, "button");
    attr(&dec, "id", "dec");
    dec.set_text_content(Some("-1"));
    let c = count.clone();
    on(&dec, "click", move |_| c.update(|v| *v -= 1));
    let tog = el(d, &header, "button");
    attr(&tog, "id", "toggle");
    tog.set_text_content(Some("toggle"));
    let s = show.clone();
    on(&tog, "click", move |_| s.update(|v| *v = !*v));

    let input = el(d, &app, "input");
    attr(&input, "id", "txt");
    attr(&input, "type", "text");
    {
        let (t, i) = (txt.clone(), input.clone().unchecked_into::<HtmlInputElement>());
        let _ = txt.subscribe(move || {
            let v = t.get();
            if i.value() != v {
                i.set_value(&v);
            }
        });
        let t = txt.clone();
        on(&input, "input", move |ev| t.set(input_value(&ev)));
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
        let (c, p2) = (count.clone(), p.clone());
        let _ = count.subscribe(move || {
            p2.class_list().toggle_with_force("even", c.get() % 2 == 0).unwrap();
        });
        let (dd, p2) = (doubled.clone(), p.clone());
        let _ = doubled.subscribe(move || {
            let v = dd.get().to_string();
            attr(&p2, "data-doubled", &v);
            p_val.set_data(&v);
        });
    }

    let ul = el(d, &app, "ul");
    attr(&ul, "id", "list");
    {
        let (c, t, d2, ul2) = (count.clone(), txt.clone(), d.clone(), ul.clone());
        let render = Rc::new(move || {
            ul2.set_text_content(None);
            let (t, c) = (t.get(), c.get());
            for i in 0..10 {
                let li = el(&d2, &ul2, "li");
                li.set_text_content(Some(&format!("{t} #{}", i + c)));
            }
        });
        let r = render.clone();
        let _ = count.subscribe(move || r());
        let _ = txt.subscribe(move || render());
    }

    let anchor = d.create_comment("");
    app.append_child(&anchor).unwrap();
    {
        let (s, t, d2) = (show.clone(), txt.clone(), d.clone());
        let current: RefCell<Option<(Element, Unsub)>> = RefCell::new(None);
        let _ = show.subscribe(move || {
            if let Some((old, unsub)) = current.borrow_mut().take() {
                old.remove();
                unsub();
            }
            if s.get() {
                let sec = d2.create_element("section").unwrap();
                attr(&sec, "id", "extra");
                el(&d2, &sec, "span").set_text_content(Some("shown"));
                let em = el(&d2, &sec, "em");
                let (t2, em2) = (t.clone(), em.clone());
                let unsub = t.subscribe(move || em2.set_text_content(Some(&t2.with(|v| v.len()).to_string())));
                anchor.parent_node().unwrap().insert_before(&sec, Some(&anchor)).unwrap();
                *current.borrow_mut() = Some((sec, unsub));
            }
        });
    }
}

// ---- The second UI (feature `second`) ----

#[cfg(feature = "second")]
fn second_ui(d: &Document, root: &Node) {
    let tab = Cell::new(0u32);
    let note = Cell::new(String::from("a short note"));
    let open = Cell::new(false);
    let words = memo(&note, |n| n.split_whitespace().count());
    {
        let (t, d2) = (tab.clone(), d.clone());
        let _ = tab.subscribe(move || attr(&d2.body().unwrap(), "data-tab", &t.get().to_string()));
    }

    let main = el(d, root, "main");
    attr(&main, "class", "panel");
    let nav = el(d, &main, "nav");
    for (i, name) in ["alpha", "beta", "gamma"].into_iter().enumerate() {
        let a = el(d, &nav, "a");
        attr(&a, "href", "#");
        attr(&a, "id", &format!("tab{i}"));
        a.set_text_content(Some(name));
        let (t, a2) = (tab.clone(), a.clone());
        let _ = tab.subscribe(move || {
            a2.class_list().toggle_with_force("active", t.get() == i as u32).unwrap();
        });
        let t = tab.clone();
        on(&a, "click", move |ev| {
            ev.prevent_default();
            t.set(i as u32)
        });
    }

    let form = el(d, &main, "form");
    let label = el(d, &form, "label");
    text(d, &label, "Note");
    let area = el(d, &label, "textarea");
    attr(&area, "id", "note");
    {
        let (n, a) = (note.clone(), area.clone().unchecked_into::<web_sys::HtmlTextAreaElement>());
        let _ = note.subscribe(move || {
            let v = n.get();
            if a.value() != v {
                a.set_value(&v);
            }
        });
        let n = note.clone();
        on(&area, "input", move |ev| {
            n.set(ev.target().unwrap().unchecked_into::<web_sys::HtmlTextAreaElement>().value())
        });
    }
    let label2 = el(d, &form, "label");
    let cb = el(d, &label2, "input");
    attr(&cb, "id", "open");
    attr(&cb, "type", "checkbox");
    text(d, &label2, "details");
    {
        let (o, c) = (open.clone(), cb.clone().unchecked_into::<HtmlInputElement>());
        let _ = open.subscribe(move || c.set_checked(o.get()));
        let o = open.clone();
        on(&cb, "change", move |ev| {
            o.set(ev.target().unwrap().unchecked_into::<HtmlInputElement>().checked())
        });
    }

    let h2 = el(d, &main, "h2");
    text(d, &h2, "Words: ");
    let h2_val = text(d, &h2, "");
    {
        let (w, h) = (words.clone(), h2.clone());
        let _ = words.subscribe(move || {
            let n = w.get();
            attr(&h, "title", &format!("{n} words"));
            h2_val.set_data(&n.to_string());
        });
    }

    let table = el(d, &main, "table");
    attr(&table, "id", "rows");
    let tbody = el(d, &table, "tbody");
    {
        let (t, d2) = (tab.clone(), d.clone());
        let _ = tab.subscribe(move || {
            tbody.set_text_content(None);
            let t = t.get();
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
        let (o, n, w, d2) = (open.clone(), note.clone(), words.clone(), d.clone());
        let current: RefCell<Option<(Element, Unsub, Unsub)>> = RefCell::new(None);
        let _ = open.subscribe(move || {
            if let Some((old, u1, u2)) = current.borrow_mut().take() {
                old.remove();
                u1();
                u2();
            }
            if o.get() {
                let aside = d2.create_element("aside").unwrap();
                attr(&aside, "id", "details");
                let strong = el(&d2, &aside, "strong");
                let (n2, s2) = (n.clone(), strong.clone());
                let u1 = n.subscribe(move || s2.set_text_content(Some(&n2.get())));
                let small = el(&d2, &aside, "small");
                text(&d2, &small, "words: ");
                let sv = text(&d2, &small, "");
                let w2 = w.clone();
                let u2 = w.subscribe(move || sv.set_data(&w2.get().to_string()));
                anchor.parent_node().unwrap().insert_before(&aside, Some(&anchor)).unwrap();
                *current.borrow_mut() = Some((aside, u1, u2));
            }
        });
    }
}

#[wasm_bindgen]
pub fn start() {
    let d = doc();
    let body: Node = d.body().unwrap().into();
    main_ui(&d, &body);
    #[cfg(feature = "second")]
    second_ui(&d, &body);
}
