//! The view written with plain DOM calls: an element builder whose
//! reactive parts (attributes, text, classes, properties, children shown
//! or not) are render effects of the reactive graph, as Leptos's own
//! renderer makes them.
//!
//! Each `view!` block compiles Leptos's renderer once more for its own
//! tree type (about 6.9 KB gzipped a view, against 2.8 KB in plain DOM
//! calls: BENCHMARKS.md, "What Leptos weighs"). Every builder call here
//! goes through one non-generic function, so a part of the view costs the
//! calls it makes and nothing more.

use crate::dom::{self, Phase};
use crate::state::Rift;
use leptos::prelude::*;
use leptos::reactive::effect::RenderEffect;
use rift_core::i18n::Key;
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event, Node};

/// An element being built.
pub struct H(pub Element);

/// An element that several handlers share: a handle as cheap to copy as
/// a signal's, kept while the owner lives.
pub type Held = StoredValue<web_sys::HtmlElement, LocalStorage>;

/// Holds `el` for the handlers of the current owner.
pub fn hold(el: &H) -> Held {
    StoredValue::new_local(el.0.clone().unchecked_into())
}

/// A new `tag` element.
pub fn h(tag: &str) -> H {
    H(document().create_element(tag).expect("a known tag"))
}

/// A new SVG `tag` element.
pub fn svg(tag: &str) -> H {
    let ns = Some("http://www.w3.org/2000/svg");
    H(document().create_element_ns(ns, tag).expect("a known tag"))
}

/// A new `tag` element of `class`.
pub fn hc(tag: &str, class: &str) -> H {
    h(tag).attr("class", class)
}

/// A new button that submits nothing, of `class` unless that is empty.
pub fn button(class: &str) -> H {
    let b = h("button").attr("type", "button");
    if class.is_empty() {
        b
    } else {
        b.attr("class", class)
    }
}

/// A text for the reactive parts: computed again when a signal it read
/// changes.
pub type TextFn = Box<dyn Fn() -> String>;

impl H {
    /// Sets attribute `name`.
    pub fn attr(self, name: &str, value: &str) -> H {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets attribute `name` if there is a value.
    pub fn attr_some(self, name: &str, value: Option<&str>) -> H {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// Keeps attribute `name` at `f`'s value.
    pub fn attr_fn(self, name: &'static str, f: impl Fn() -> String + 'static) -> H {
        self.attr_opt(name, move || Some(f()))
    }

    /// Keeps attribute `name` at `f`'s value, and absent while it is `None`.
    pub fn attr_opt(self, name: &'static str, f: impl Fn() -> Option<String> + 'static) -> H {
        bind_attr(&self.0, name, Box::new(f));
        self
    }

    /// Keeps class `name` on the element while `f` holds.
    pub fn class_if(self, name: &'static str, f: impl Fn() -> bool + 'static) -> H {
        bind_class(&self.0, name, Box::new(f));
        self
    }

    /// Keeps the style property `name` at `f`'s value.
    pub fn style_fn(self, name: &'static str, f: impl Fn() -> String + 'static) -> H {
        bind_style(&self.0, name, Box::new(f));
        self
    }

    /// Keeps the DOM property `name` (`value`, `checked`) at `f`'s value.
    pub fn prop_fn(self, name: &'static str, f: impl Fn() -> JsValue + 'static) -> H {
        bind_prop(&self.0, name, Box::new(f));
        self
    }

    /// Appends a text.
    pub fn text(self, text: &str) -> H {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Sets attribute `name` to the interface's text `key`, in the
    /// language on screen.
    pub fn attr_key(self, name: &'static str, rift: Rift, key: Key) -> H {
        bind_attr(
            &self.0,
            name,
            Box::new(move || Some(rift.t(key).to_string())),
        );
        self
    }

    /// Appends the interface's text `key`, in the language on screen.
    pub fn text_key(self, rift: Rift, key: Key) -> H {
        bind_text(&self.0, Box::new(move || rift.t(key).to_string()));
        self
    }

    /// Appends a text kept at `f`'s value.
    pub fn text_fn(self, f: impl Fn() -> String + 'static) -> H {
        bind_text(&self.0, Box::new(f));
        self
    }

    /// Appends a built element.
    pub fn child(self, child: H) -> H {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends `child`, if any.
    pub fn maybe(self, child: Option<H>) -> H {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// Calls `f` with each `name` event while the current owner lives.
    pub fn on(self, name: &str, f: impl FnMut(Event) + 'static) -> H {
        dom::listen(&self.0, name, Phase::default(), f);
        self
    }

    /// Appends built elements.
    pub fn children(self, children: Vec<H>) -> H {
        for child in children {
            let _ = self.0.append_child(&child.0);
        }
        self
    }

    /// Shows what `view` builds while `when` holds, built again each time
    /// `when` becomes true, with its own owner (as Leptos's `<Show>`).
    pub fn shown(self, when: impl Fn() -> bool + 'static, view: impl Fn() -> H + 'static) -> H {
        bind_either(
            &self.0,
            Box::new(when),
            Box::new(move || vec![view()]),
            Box::new(Vec::new),
        );
        self
    }

    /// Shows what `view` builds once `turn` has come to `step` (an
    /// instance's start in steps: [`crate::dom::turns`]).
    pub fn from_turn(self, turn: RwSignal<usize>, step: usize, view: fn() -> Vec<H>) -> H {
        bind_either(
            &self.0,
            Box::new(move || turn.get() >= step),
            Box::new(view),
            Box::new(Vec::new),
        );
        self
    }

    /// Shows the elements `view` builds while `when` holds (see [`H::shown`]).
    pub fn shown_all(
        self,
        when: impl Fn() -> bool + 'static,
        view: impl Fn() -> Vec<H> + 'static,
    ) -> H {
        bind_either(&self.0, Box::new(when), Box::new(view), Box::new(Vec::new));
        self
    }

    /// What `yes` builds while `when` holds, what `no` builds otherwise.
    pub fn either(
        self,
        when: impl Fn() -> bool + 'static,
        yes: impl Fn() -> H + 'static,
        no: impl Fn() -> H + 'static,
    ) -> H {
        bind_either(
            &self.0,
            Box::new(when),
            Box::new(move || vec![yes()]),
            Box::new(move || vec![no()]),
        );
        self
    }

    /// Appends the elements `f` builds, built again whenever a signal it
    /// read changes (a list drawn whole, as `move || ….collect_view()`).
    pub fn parts(self, f: impl Fn() -> Vec<H> + 'static) -> H {
        bind_parts(&self.0, Box::new(f));
        self
    }

    /// A keyed list of `each`'s indices, each drawn by `item` (with its
    /// own owner) and kept while its index stays in the list (as Leptos's
    /// `<For>`).
    pub fn keyed(
        self,
        each: impl Fn() -> Vec<usize> + 'static,
        item: impl Fn(usize) -> H + 'static,
    ) -> H {
        bind_keyed(&self.0, Box::new(each), Box::new(item));
        self
    }

    /// Fills a `<select>` with `f`'s options (value, label) and keeps its
    /// value at `value`'s, chosen again whenever the options change.
    pub fn options(
        self,
        f: impl Fn() -> Vec<(String, String)> + 'static,
        value: impl Fn() -> String + 'static,
    ) -> H {
        bind_options(&self.0, Box::new(f), Box::new(value));
        self
    }
}

/// Runs `build` with a new root owner, which lives as long as the page,
/// to put a view into `parent`.
pub fn mount(parent: web_sys::Element, build: impl FnOnce(H)) {
    // Effects and tasks run on wasm-bindgen's executor (an error means it
    // was set up already).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| build(H(parent)));
    std::mem::forget(owner);
}

/// Runs `f` now and again whenever a signal it read changes, while the
/// current owner lives: synchronously at first, so that an element is
/// whole when it is built.
pub fn bind(f: impl FnMut() + 'static) {
    bind_boxed(Box::new(f));
}

fn bind_boxed(mut f: Box<dyn FnMut()>) {
    let effect = RenderEffect::new(move |_| f());
    // Kept, and so running, until the owner is cleaned up.
    StoredValue::new_local(effect);
}

fn bind_attr(el: &Element, name: &'static str, f: Box<dyn Fn() -> Option<String>>) {
    let el = el.clone();
    bind(move || {
        let _ = match f() {
            Some(v) => el.set_attribute(name, &v),
            None => el.remove_attribute(name),
        };
    });
}

fn bind_class(el: &Element, name: &'static str, f: Box<dyn Fn() -> bool>) {
    let list = el.class_list();
    bind(move || {
        let _ = list.toggle_with_force(name, f());
    });
}

fn bind_style(el: &Element, name: &'static str, f: Box<dyn Fn() -> String>) {
    let style = el.unchecked_ref::<web_sys::HtmlElement>().style();
    bind(move || {
        let _ = style.set_property(name, &f());
    });
}

fn bind_prop(el: &Element, name: &'static str, f: Box<dyn Fn() -> JsValue>) {
    let el = el.clone();
    let key = JsValue::from_str(name);
    bind(move || {
        let _ = js_sys::Reflect::set(&el, &key, &f());
    });
}

fn bind_text(el: &Element, f: TextFn) {
    let node = document().create_text_node("");
    let _ = el.append_child(&node);
    bind(move || {
        let text = f();
        if node.data() != text {
            node.set_data(&text);
        }
    });
}

type Build = Box<dyn Fn() -> Vec<H>>;

fn bind_either(el: &Element, when: Box<dyn Fn() -> bool>, yes: Build, no: Build) {
    // (One thread: the wrapper only satisfies the memo's bounds.)
    let when = SendWrapper::new(when);
    let when = Memo::new(move |_| when());
    // Built without tracking: only `when` draws the part again.
    let part = move || {
        let yes_now = when.get();
        untrack(|| if yes_now { yes() } else { no() })
    };
    bind_parts(el, Box::new(part));
}

fn bind_parts(el: &Element, f: Build) {
    // Where the parts go: an empty text node keeps their place.
    let marker: Node = document().create_text_node("").into();
    let _ = el.append_child(&marker);
    let mut shown: Vec<Element> = Vec::new();
    // What the previous parts made was cleaned up before each run.
    bind(move || {
        let parts = f();
        for old in shown.drain(..) {
            old.remove();
        }
        if let Some(parent) = marker.parent_node() {
            for H(el) in parts {
                let _ = parent.insert_before(&el, Some(&marker));
                shown.push(el);
            }
        }
    });
}

fn bind_keyed(el: &Element, each: Box<dyn Fn() -> Vec<usize>>, item: Box<dyn Fn(usize) -> H>) {
    let marker: Node = document().create_text_node("").into();
    let _ = el.append_child(&marker);
    // The items' owners are the list's, not the effect's, which is
    // cleaned up at each run.
    let parent = Owner::current().unwrap_or_default();
    let mut shown: Vec<(usize, Element, Owner)> = Vec::new();
    bind(move || {
        let keys = each();
        let mut kept = Vec::with_capacity(keys.len());
        for (key, el, owner) in shown.drain(..) {
            if keys.contains(&key) {
                kept.push((key, el, owner));
            } else {
                owner.cleanup();
                el.remove();
            }
        }
        let Some(holder) = marker.parent_node() else {
            return;
        };
        // From the last: each goes just before the one after it, and is
        // moved only when it is not there already.
        let mut anchor = marker.clone();
        for &key in keys.iter().rev() {
            let (el, owner) = match kept.iter().position(|k| k.0 == key) {
                Some(at) => {
                    let (_, el, owner) = kept.swap_remove(at);
                    (el, owner)
                }
                None => {
                    let owner = parent.child();
                    let H(el) = owner.with(|| untrack(|| item(key)));
                    (el, owner)
                }
            };
            if el.next_sibling().as_ref() != Some(&anchor) {
                let _ = holder.insert_before(&el, Some(&anchor));
            }
            anchor = el.clone().into();
            shown.push((key, el, owner));
        }
        shown.reverse();
    });
}

type Options = Box<dyn Fn() -> Vec<(String, String)>>;

fn bind_options(el: &Element, f: Options, value: TextFn) {
    let select: web_sys::HtmlSelectElement = el.clone().unchecked_into();
    // Computed again only when what they read changes, not with the value.
    let f = SendWrapper::new(f);
    let options = Memo::new(move |_| f());
    let mut drawn = Vec::new();
    bind(move || {
        options.with(|options| {
            if *options != drawn {
                select.set_text_content(None);
                for (v, label) in options {
                    let _ = select.append_child(&h("option").attr("value", v).text(label).0);
                }
                drawn = options.clone();
            }
        });
        select.set_value(&value());
    });
}
