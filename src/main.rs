//! Mounts the app. Everything else lives in the library crate.

fn main() {
    console_error_panic_hook::set_once();
    // A build with the `bench` feature serves the benchmark page at /bench instead of the app.
    #[cfg(feature = "bench")]
    if web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .as_deref()
        == Some("/bench")
    {
        my_say::bench::run();
        return;
    }
    leptos::mount::mount_to_body(my_say::App);
}
