//! Mounts the child's tablet app. Everything else lives in the library crate.

fn main() {
    my_say_ui::browser::panics::log_to_console();
    // The saved language's wording first (after the first visit, from the service worker's
    // cache), so a Welsh or Arabic tablet never paints English first (docs/i18n.md).
    wasm_bindgen_futures::spawn_local(async {
        my_say_ui::i18n::load_saved_locale().await;
        leptos::mount::mount_to_body(my_say::App);
    });
}
