//! The built-in booklets, one band at a time. The child's app does not carry the four booklets
//! in its wasm (docs/size.md): starting a booklet, or carrying one on, fetches that band's file
//! from `/booklets/` (named after its content, `my_say_core::builtin::builtin_file_name`), and
//! keeps it for the rest of the session. After the first visit the service worker answers from
//! its cache, so this works offline.

use my_say_core::builtin::{builtin_file_name, read_builtin, BuiltinFileError};
use my_say_core::{AgeBand, Booklet};
use my_say_ui::browser::fetch::{self, FetchError};
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    // The bands read so far in this session.
    static READ: RefCell<Vec<(AgeBand, Arc<Booklet>)>> = const { RefCell::new(Vec::new()) };
}

/// Why a built-in booklet could not be had.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The file could not be fetched (offline before the first visit, or a server error).
    Fetch(FetchError),
    /// The file came, but is not that band's booklet.
    File(BuiltinFileError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Fetch(e) => e.fmt(f),
            LoadError::File(e) => e.fmt(f),
        }
    }
}

/// The built-in booklet for `band`: from this session's copy, or fetched and read once.
pub async fn builtin(band: AgeBand) -> Result<Arc<Booklet>, LoadError> {
    if let Some(b) = READ.with_borrow(|read| {
        read.iter()
            .find(|(b, _)| *b == band)
            .map(|(_, booklet)| booklet.clone())
    }) {
        return Ok(b);
    }
    let json = fetch::text(&format!("/booklets/{}", builtin_file_name(band)))
        .await
        .map_err(LoadError::Fetch)?;
    let booklet = Arc::new(read_builtin(band, &json).map_err(LoadError::File)?);
    READ.with_borrow_mut(|read| read.push((band, booklet.clone())));
    Ok(booklet)
}
