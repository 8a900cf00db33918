//! The four built-in booklets, fetched before the workspace shows anything. The staff app does
//! not carry them in its wasm (docs/size.md): summaries, follow-ups, reports, exports and the
//! example workspace read them synchronously (`my_say_core::builtin_for`, `builtin_booklets`,
//! `my_say_core::demo`), so [`load`] fetches all four from `/booklets/` (each named after its
//! content, `my_say_core::builtin::builtin_file_name`) and hands them to
//! `my_say_core::builtin::provide`, which checks each is its band's booklet. `StaffApp` renders
//! the workspace only once that has succeeded. After the first visit the service worker answers
//! from its cache (it keeps `/booklets/` with the child's app), so this works offline.

use my_say_core::builtin::{builtin_file_name, provide, ProvideError};
use my_say_core::AgeBand;
use my_say_ui::browser::fetch::{self, FetchError};

/// Why the workspace could not have its booklets.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// This band's file could not be fetched (offline before the first visit, a server error).
    Fetch(AgeBand, FetchError),
    /// A file came, but is not its band's booklet.
    File(ProvideError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Fetch(band, e) => write!(f, "{}: {e}", builtin_file_name(*band)),
            LoadError::File(e) => write!(f, "{}: {}", builtin_file_name(e.band), e.error),
        }
    }
}

/// Fetches the four built-in booklet files, all at once, and provides them to the core. On
/// success every later `builtin_for` and `builtin_booklets` call answers from them.
pub async fn load() -> Result<(), LoadError> {
    // All four requests go out first, then each is read as it comes.
    let started = AgeBand::ALL.map(|band| {
        (
            band,
            fetch::start(&format!("/booklets/{}", builtin_file_name(band))),
        )
    });
    let mut texts = Vec::with_capacity(started.len());
    for (band, fetching) in started {
        texts.push(
            fetching
                .text()
                .await
                .map_err(|e| LoadError::Fetch(band, e))?,
        );
    }
    provide(std::array::from_fn(|i| texts[i].as_str())).map_err(LoadError::File)
}
