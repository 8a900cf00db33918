//! The built-in booklets, one band at a time. The child's apps do not carry the four booklets
//! in their wasm (docs/size.md): the start form fetches its band's file from `/booklets/` (named
//! after its content, `my_say_core::builtin::builtin_file_name`) and reads only its outline
//! ([`outline`]); the booklet's own app reads the whole booklet ([`builtin`]). Each keeps what it
//! read for the rest of the session. After the first visit the service worker answers from its
//! cache, so this works offline.

use my_say_core::builtin::{builtin_file_name, read_builtin, BuiltinFileError};
use my_say_core::outline::read_outline;
use my_say_core::{AgeBand, Booklet, Outline};
use my_say_ui::browser::fetch::{self, FetchError};
use std::cell::RefCell;
use std::sync::Arc;
use std::thread::LocalKey;

/// The bands read so far in this session, as one kind of reading.
type Read<T> = RefCell<Vec<(AgeBand, Arc<T>)>>;

thread_local! {
    static BOOKLETS: Read<Booklet> = const { RefCell::new(Vec::new()) };
    static OUTLINES: Read<Outline> = const { RefCell::new(Vec::new()) };
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
    read_once(&BOOKLETS, band, read_builtin).await
}

/// What the start form needs of `band`'s built-in booklet (`my_say_core::Outline`): from this
/// session's copy, or fetched and read once, without reading the rest of the booklet.
pub async fn outline(band: AgeBand) -> Result<Arc<Outline>, LoadError> {
    read_once(&OUTLINES, band, read_outline).await
}

/// `band`'s file read with `read`, once a session: later calls get the same copy.
async fn read_once<T: 'static>(
    read_so_far: &'static LocalKey<Read<T>>,
    band: AgeBand,
    read: fn(AgeBand, &str) -> Result<T, BuiltinFileError>,
) -> Result<Arc<T>, LoadError> {
    if let Some(b) = read_so_far.with_borrow(|so_far| {
        so_far
            .iter()
            .find(|(b, _)| *b == band)
            .map(|(_, read)| read.clone())
    }) {
        return Ok(b);
    }
    let json = fetch::text(&format!("/booklets/{}", builtin_file_name(band)))
        .await
        .map_err(LoadError::Fetch)?;
    let read = Arc::new(read(band, &json).map_err(LoadError::File)?);
    read_so_far.with_borrow_mut(|so_far| so_far.push((band, read.clone())));
    Ok(read)
}
