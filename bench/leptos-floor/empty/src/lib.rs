use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn start() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let body = doc.body().unwrap();
    body.append_child(&doc.create_text_node("floor")).unwrap();
}
