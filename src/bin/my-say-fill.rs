//! Mounts a booklet being answered (`/booklet/<draft id>`). Everything else lives in the library
//! crate.

fn main() {
    my_say_ui::browser::panics::log_to_console();
    // The saved language's wording first, as in the child's app (docs/i18n.md).
    wasm_bindgen_futures::spawn_local(async {
        my_say_ui::i18n::load_saved_locale().await;
        leptos::mount::mount_to_body(my_say::FillApp);
    });
}
