//! Reading a file of this app from its own origin (the CSP allows no other): the built-in
//! booklet the child's app needs, fetched when a booklet starts (`src/booklets.rs`). Offline,
//! the service worker answers from its cache.
//!
//! The two calls are bound here rather than through `web-sys`'s `Response`, so no feature is
//! added to the web-sys both apps build.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_url(url: &str) -> js_sys::Promise;

    type Response;
    #[wasm_bindgen(method, getter)]
    fn ok(this: &Response) -> bool;
    #[wasm_bindgen(method, getter)]
    fn status(this: &Response) -> u16;
    #[wasm_bindgen(method)]
    fn text(this: &Response) -> js_sys::Promise;
}

/// Why a file could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// No answer: no network (and not in the service worker's cache), or the read broke off.
    NoAnswer,
    /// The server answered with this error status.
    Status(u16),
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::NoAnswer => f.write_str("no answer from the server"),
            FetchError::Status(s) => write!(f, "the server answered {s}"),
        }
    }
}

/// The text of the file at `url` (an address on this origin, such as `/booklets/x.json`).
pub async fn text(url: &str) -> Result<String, FetchError> {
    start(url).text().await
}

/// A fetch under way: the request goes out when it is started, so several started one after
/// another are fetched side by side, and each is read with [`Started::text`].
pub struct Started(js_sys::Promise);

/// Starts fetching the file at `url` (an address on this origin).
pub fn start(url: &str) -> Started {
    Started(fetch_url(url))
}

impl Started {
    /// The file's text, once it has come.
    pub async fn text(self) -> Result<String, FetchError> {
        let response: Response = JsFuture::from(self.0)
            .await
            .map_err(|_| FetchError::NoAnswer)?
            .unchecked_into();
        if !response.ok() {
            return Err(FetchError::Status(response.status()));
        }
        JsFuture::from(response.text())
            .await
            .ok()
            .and_then(|t| t.as_string())
            .ok_or(FetchError::NoAnswer)
    }
}
