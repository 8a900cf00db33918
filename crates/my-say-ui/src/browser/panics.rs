//! A panic's message in the browser's console, for every app.

/// From now on, a panic writes its message and place to the console before the wasm stops
/// (`console.error`). One line of our own rather than `console_error_panic_hook`, which also
/// captures a JS stack trace: that cost the child's first load 330 B gzip (docs/size.md), and the
/// console shows the stack of the wasm's own trap anyway. Call first thing in `main`.
pub fn log_to_console() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
}
