use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The first UI: header, input, select, computed paragraph, keyed-less
/// list of 10 items, conditional section.
#[component]
fn Main() -> impl IntoView {
    let count = RwSignal::new(0i32);
    let text = RwSignal::new(String::from("item"));
    let show = RwSignal::new(true);
    let doubled = Memo::new(move |_| count.get() * 2);
    Effect::new(move |_| document().set_title(&format!("count {}", count.get())));
    view! {
        <div class="app">
            <header class="hdr">
                <h1>"Floor " {move || count.get()}</h1>
                <button id="inc" on:click=move |_| count.update(|c| *c += 1)>"+1"</button>
                <button id="dec" on:click=move |_| count.update(|c| *c -= 1)>"-1"</button>
                <button id="toggle" on:click=move |_| show.update(|s| *s = !*s)>"toggle"</button>
            </header>
            <input id="txt" type="text"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev)) />
            <select id="sel">
                {["one", "two", "three"].into_iter()
                    .map(|o| view! { <option value=o>{o}</option> })
                    .collect_view()}
            </select>
            <p id="dbl" class:even=move || count.get() % 2 == 0
                data-doubled=move || doubled.get().to_string()>
                "doubled: " {move || doubled.get()}
            </p>
            <ul id="list">
                {move || {
                    let t = text.get();
                    let c = count.get();
                    (0..10).map(|i| view! { <li>{format!("{t} #{}", i + c)}</li> }).collect::<Vec<_>>()
                }}
            </ul>
            {move || show.get().then(|| view! {
                <section id="extra"><span>"shown"</span><em>{move || text.get().len()}</em></section>
            }.into_any())}
        </div>
    }
}

/// The second UI (built only with the `second` feature): the same kinds of
/// bindings over a different element structure.
#[cfg(feature = "second")]
#[component]
fn Second() -> impl IntoView {
    let tab = RwSignal::new(0u32);
    let note = RwSignal::new(String::from("a short note"));
    let open = RwSignal::new(false);
    let words = Memo::new(move |_| note.with(|n| n.split_whitespace().count()));
    Effect::new(move |_| {
        let t = tab.get();
        document().body().unwrap().set_attribute("data-tab", &t.to_string()).unwrap();
    });
    view! {
        <main class="panel">
            <nav>
                {["alpha", "beta", "gamma"].into_iter().enumerate()
                    .map(|(i, name)| view! {
                        <a href="#" id=format!("tab{i}")
                            class:active=move || tab.get() == i as u32
                            on:click=move |ev| { ev.prevent_default(); tab.set(i as u32) }>{name}</a>
                    })
                    .collect_view()}
            </nav>
            <form>
                <label>"Note" <textarea id="note"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev)) /></label>
                <label><input id="open" type="checkbox"
                    prop:checked=move || open.get()
                    on:change=move |ev| open.set(event_target_checked(&ev)) /> "details"</label>
            </form>
            <h2 title=move || format!("{} words", words.get())>"Words: " {move || words.get()}</h2>
            <table id="rows">
                <tbody>
                    {move || {
                        let t = tab.get();
                        (0..10).map(|i| view! {
                            <tr><td>{i}</td><td>{format!("tab {t} row {i}")}</td></tr>
                        }).collect::<Vec<_>>()
                    }}
                </tbody>
            </table>
            {move || open.get().then(|| view! {
                <aside id="details"><strong>{move || note.get()}</strong><small>"words: " {move || words.get()}</small></aside>
            }.into_any())}
        </main>
    }
}

#[component]
fn App() -> impl IntoView {
    #[cfg(not(feature = "second"))]
    return view! { <Main/> };
    #[cfg(feature = "second")]
    return view! { <Main/> <Second/> };
}

#[wasm_bindgen]
pub fn start() {
    mount_to_body(App);
}
