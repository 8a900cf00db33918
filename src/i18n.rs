//! The wording only tablet set-up and council surveys on a tablet use: their own catalogue
//! (`locales/*.json` at the top of this package) on top of the one every app shares
//! (`my_say_ui::i18n`). `build.rs` writes one [`Key`] enum with every shared key first (in
//! `my_say_ui::i18n::Key`'s order) and then their keys, and their keys' English; their Welsh and
//! Arabic are files fetched with the shared file when the language is chosen ([`use_own_wording`]
//! hooks them into `my_say_ui::i18n::load`). A shared key's wording is looked up in `my_say_ui`.
//! The pages of those two apps use `crate::i18n::Key` for all their wording; the child's app's
//! pages use `my_say_ui::i18n::Key` only, so none of this wording is in its wasm (docs/i18n.md,
//! docs/size.md).

use my_say_core::plural::PluralCategory;
use my_say_ui::browser::fetch;
use my_say_ui::i18n::{
    table_index, LanguageError, Loading, Locale, OwnWording, Wording, WordingFileError,
};
use std::cell::RefCell;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/tablet_text.rs"));

/// How many keys are this catalogue's own.
const OWN_COUNT: usize = EN.len();

/// Welsh's and Arabic's own wording once fetched, kept for the session.
static LOADED: [OnceLock<Vec<String>>; 2] = [OnceLock::new(), OnceLock::new()];

/// Makes the shared language loading fetch this catalogue's Welsh or Arabic too, beside the
/// shared file: the tablet set-up and surveys apps call it first thing, before the saved
/// language is loaded.
pub fn use_own_wording() {
    my_say_ui::i18n::add_own_wording(OwnWording {
        start,
        load,
        is_here: |locale| own_loaded(locale).is_some() || table_index(locale) == 0,
    });
}

/// `locale`'s own wording, if it is Welsh or Arabic and has come.
fn own_loaded(locale: Locale) -> Option<&'static Vec<String>> {
    table_index(locale)
        .checked_sub(1)
        .and_then(|i| LOADED[i].get())
}

thread_local! {
    /// Welsh's and Arabic's own files, fetched but not yet read ([`start`]).
    static STARTED: RefCell<[Option<fetch::Started>; 2]> = const { RefCell::new([None, None]) };
}

/// Starts fetching `locale`'s own file afresh, unless it is English or here already. A fetch
/// started before and never read (the shared file failed, so [`load`] was not reached) is
/// dropped: a retry never takes an earlier try's failure.
fn start(locale: Locale) {
    if own_loaded(locale).is_some() {
        return;
    }
    if let Some(fresh) = fetch_own(table_index(locale)) {
        STARTED.with_borrow_mut(|started| started[table_index(locale) - 1] = Some(fresh));
    }
}

/// Starts fetching the own file of the language at `index` in [`FILES`], if it has one.
fn fetch_own(index: usize) -> Option<fetch::Started> {
    FILES[index].map(|file| fetch::start(&format!("/tablet/locales/{file}")))
}

/// Reads, checks and keeps `locale`'s own file once it has come (fetched by [`start`], or now),
/// unless it is English or already here.
fn load(locale: Locale) -> Loading {
    let started = match (table_index(locale).checked_sub(1), own_loaded(locale)) {
        (Some(i), None) => STARTED
            .with_borrow_mut(|s| s[i].take())
            .or_else(|| fetch_own(i + 1)),
        _ => None,
    };
    Box::pin(async move {
        let Some(started) = started else {
            return Ok(());
        };
        let text = started.text().await.map_err(LanguageError::Fetch)?;
        let words = parse(&text).map_err(LanguageError::File)?;
        // Two choices of one language at once: the first to arrive stays.
        let _ = LOADED[table_index(locale) - 1].set(words);
        Ok(())
    })
}

/// Reads and checks a language's own file (`build.rs`): one array holding the words of exactly
/// every own key. Anything else is refused, never half used.
fn parse(text: &str) -> Result<Vec<String>, WordingFileError> {
    let mut parts: Vec<Vec<String>> =
        serde_json::from_str(text).map_err(|e| WordingFileError::NotWording(e.to_string()))?;
    match (parts.pop(), parts.pop()) {
        (Some(words), None) if words.len() == OWN_COUNT => Ok(words),
        (Some(words), None) => Err(WordingFileError::NotWording(format!(
            "words for {} keys, where there are {OWN_COUNT}",
            words.len()
        ))),
        _ => Err(WordingFileError::NotWording("not one list".into())),
    }
}

impl Wording for Key {
    fn index(self) -> u16 {
        self as u16
    }

    fn text_at(locale: Locale, index: u16) -> &'static str {
        // The shared keys come first, in the same order.
        let Some(own) = usize::from(index).checked_sub(SHARED_COUNT) else {
            return my_say_ui::i18n::Key::text_at(locale, index);
        };
        // These pages speak to the adults who look after the tablet, and to a child only in
        // words that have no feminine forms (`ar-f.json` gives none of theirs). Until a
        // language's file has come the app shows English (`Locale::is_here`).
        if let Some(words) = own_loaded(locale) {
            return &words[own];
        }
        #[cfg(test)]
        match locale {
            Locale::Cy => return CY[own],
            Locale::Ar | Locale::ArF => return AR[own],
            Locale::En => {}
        }
        EN[own]
    }

    fn plural_in(self, locale: Locale, category: PluralCategory) -> Option<&'static str> {
        // No own key counts (`build.rs` refuses one).
        self.shared()?.plural_in(locale, category)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_wording_for_every_key_of_these_apps() {
        for locale in [Locale::En, Locale::Cy, Locale::Ar] {
            for key in &Key::ALL[SHARED_COUNT..] {
                assert!(
                    !locale.text(*key).trim().is_empty(),
                    "{} is empty in {}",
                    key.name(),
                    locale.code()
                );
            }
        }
        assert_eq!(Locale::Cy.text(Key::TabletSurveyKeysCancel), "Canslo");
    }

    #[test]
    fn a_language_file_is_read_only_with_words_for_every_own_key() {
        let words: Vec<String> = CY.iter().map(|w| w.to_string()).collect();
        let file = serde_json::to_string(&[&words]).unwrap();
        assert_eq!(parse(&file), Ok(words.clone()));
        let short = serde_json::to_string(&[&words[1..]]).unwrap();
        assert!(parse(&short).is_err());
        let two = serde_json::to_string(&[&words, &words]).unwrap();
        assert!(parse(&two).is_err());
        for broken in ["", "[]", "{}", "[[1]]", "[\"a\"]"] {
            assert!(parse(broken).is_err(), "{broken}");
        }
    }

    #[test]
    fn each_language_file_holds_the_words_of_its_table() {
        // The files build.rs wrote, as the apps fetch them, read back to the compiled tables.
        assert!(FILES[0].is_none());
        for (i, table) in [(1, &CY), (2, &AR)] {
            let name = FILES[i].unwrap();
            assert!(
                name.starts_with(["", "tablet-cy.", "tablet-ar."][i]),
                "{name}"
            );
            let path = format!("{}/locales/{name}", env!("OUT_DIR"));
            let words = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
            assert_eq!(words, table.map(str::to_owned).to_vec(), "{name}");
        }
    }

    #[test]
    fn shared_keys_come_first_and_read_the_shared_wording() {
        for shared in my_say_ui::i18n::Key::ALL {
            let key = Key::from(shared);
            assert_eq!(key.name(), shared.name());
            assert_eq!(key.shared(), Some(shared));
            assert_eq!(Locale::En.text(key), Locale::En.text(shared));
        }
        let own = Key::ALL[SHARED_COUNT];
        assert_eq!(own.shared(), None);
    }
}
