//! Starting a booklet once the start form has passed its checks (`my_say_core::StartForm`):
//! the band's booklet and the child's language fetched, and the first draft saved.

use crate::{booklets, drafts};
use my_say_core::seal::NoRandomness;
use my_say_core::Started;
use my_say_ui::browser::store::StoreError;
use my_say_ui::browser::{clock, prefs};
use my_say_ui::i18n::{Key, Locale};

/// Why a checked form could not start its booklet. The form keeps what was typed.
pub enum BeginError {
    /// The band's booklet could not be fetched.
    Booklet,
    /// The child's language could not be fetched.
    Language(Locale),
    /// The browser gave no randomness for the booklet's id.
    Randomness(NoRandomness),
    /// The first draft could not be saved.
    Store(StoreError),
}

impl BeginError {
    /// What the adult reads above the form, in the screen's language `words`.
    pub fn words(&self, words: Locale) -> String {
        match self {
            BeginError::Booklet => format!(
                "{} {}",
                words.text(Key::BookletLoadFailed),
                words.text(Key::BookletLoadFailedHint)
            ),
            BeginError::Language(locale) => format!(
                "{} {}",
                words.format(
                    Key::AppLanguageUnavailable,
                    &[("language", locale.native_name())]
                ),
                locale.native_try_again()
            ),
            BeginError::Randomness(e) => e.to_string(),
            BeginError::Store(e) => e.words(words),
        }
    }
}

/// Starts the booklet `started` describes in `locale`, with read-aloud on or off and the
/// optional `topics` switched on, and saves its first draft. Gives the new draft's id.
pub async fn begin(
    started: Started,
    locale: Locale,
    read_aloud: bool,
    topics: &[String],
) -> Result<String, BeginError> {
    // Fetched now, not with the app (and read as far as starting needs: the booklet's own app
    // reads the whole booklet).
    let outline = booklets::outline(started.booklet_band)
        .await
        .map_err(|_| BeginError::Booklet)?;
    // The child's language too (fetched once, if not compiled in), so the booklet never opens
    // half in one language and half in another.
    my_say_ui::i18n::load(locale)
        .await
        .map_err(|_| BeginError::Language(locale))?;
    let child = started.child;
    let age_band = child.age_band.unwrap_or(started.booklet_band);
    let draft = outline.begin(age_band, child, locale.locale_code(), topics, &clock::now());
    let id = clock::random_id().map_err(BeginError::Randomness)?;
    prefs::set_read_aloud(&id, read_aloud);
    drafts::save(&id, &draft).await.map_err(BeginError::Store)?;
    Ok(id)
}
