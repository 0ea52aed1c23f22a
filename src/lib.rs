//! Rift: Moscow, Tirana and Belgrade, 1948–1962. The view layer of the
//! timeline (Leptos, client-side rendered); the logic it draws lives in
//! `rift_core`.

pub mod app;
pub mod dom;
pub mod minimap;
pub mod popover;
pub mod state;
pub mod timeline;

/// Mounts the timeline into the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
