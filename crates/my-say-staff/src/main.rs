//! Mounts the staff workspace. Everything else lives in the library crate.

fn main() {
    my_say_ui::browser::panics::log_to_console();
    // A build with the `bench` feature serves the benchmark page at /iro/bench instead of the app.
    #[cfg(feature = "bench")]
    if web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .as_deref()
        == Some("/iro/bench")
    {
        my_say_staff::bench::run();
        return;
    }
    leptos::mount::mount_to_body(my_say_staff::StaffApp);
}
