//! The UI's wording in several languages, right-to-left included.
//!
//! The wording every app shares lives in `locales/*.json` of this crate; `build.rs` turns it into the
//! [`Key`] enum and one array per locale, so a missing key fails the build. English is always
//! compiled in. Welsh and Arabic are compiled in with the `embedded-locales` feature (the staff
//! workspace); the child's app fetches a language's file (`/locales/`, [`LoadedWording`]) when it
//! is chosen ([`I18n::choose`]), so its first load does not carry them. The staff workspace has its own catalogue and its own `Key` (every shared key,
//! then its own), so a child's tablet never downloads the staff wording. Both are [`Wording`],
//! which is what [`I18n`] and [`Locale`] look up. Booklet wording is separate: it travels inside
//! each booklet (see docs/booklet-format.md).

use crate::browser::fetch::FetchError;
use leptos::prelude::*;
use my_say_core::plural::PluralCategory;
use my_say_core::LocaleCode;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

include!(concat!(env!("OUT_DIR"), "/ui_text.rs"));

/// A language the UI is offered in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    /// English.
    En,
    /// Welsh.
    Cy,
    /// Arabic, written right to left, speaking to the child in masculine forms.
    Ar,
    /// Arabic speaking to the child in feminine forms: `locales/ar-f.json` (only the words that
    /// differ, else [`Locale::Ar`]'s), and a booklet's `ar-f` wording, else its `ar`. Chosen for a
    /// booklet when it starts, not in the language picker, so not in [`Locale::ALL`].
    ArF,
}

impl Locale {
    /// Every UI language, in the order the language picker shows them.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Cy, Locale::Ar];

    /// The BCP 47 code, as used for `<html lang>` and read-aloud: "ar" for both Arabics.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Cy => "cy",
            Locale::Ar | Locale::ArF => "ar",
        }
    }

    /// The language's name in its own words, as the language picker shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Cy => "Cymraeg",
            Locale::Ar | Locale::ArF => "العربية",
        }
    }

    /// In the language's own words, what to do when its wording cannot be had yet (offline before
    /// the first visit): `app.language_try_again`, compiled in for every language (build.rs), so
    /// it shows when the language's file did not come. Empty for English, which is always here
    /// (and whose `app.language_unavailable` says it already).
    pub fn native_try_again(self) -> &'static str {
        match self {
            Locale::En => "",
            locale => LANGUAGE_TRY_AGAIN[table_index(locale)],
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Locale::Ar | Locale::ArF)
    }

    /// The `dir` attribute value.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Whether a native speaker has checked the wording. Only English has been, so far.
    pub fn is_reviewed(self) -> bool {
        matches!(self, Locale::En)
    }

    /// The locale with this code, or with this booklet wording code ("ar-f").
    pub fn from_code(code: &str) -> Option<Locale> {
        if code == "ar-f" {
            return Some(Locale::ArF);
        }
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The name of the file under `/locales/` that holds this language's wording in the child's
    /// app (named after its content by `build.rs`; both Arabics share one); `None` for English,
    /// which is always compiled in.
    pub fn file_name(self) -> Option<&'static str> {
        LOCALE_FILES[table_index(self)]
    }

    /// Whether this language's wording is here to be shown: English always, every language with
    /// the `embedded-locales` feature, else once its file has been loaded ([`I18n::choose`]),
    /// and the app's own file too if it has one ([`OwnWording`]).
    pub fn is_here(self) -> bool {
        cfg!(feature = "embedded-locales")
            || self == Locale::En
            || (loaded(self).is_some() && own_wording().is_none_or(|own| (own.is_here)(self)))
    }

    /// The code of the booklet wording in this language: "ar-f" for [`Locale::ArF`], whose
    /// booklet texts fall back to "ar" (`my_say_core::Text::get`).
    pub fn locale_code(self) -> LocaleCode {
        LocaleCode::new(match self {
            Locale::ArF => "ar-f",
            other => other.code(),
        })
    }

    /// The wording for `key` in this language.
    pub fn text(self, key: impl Wording) -> &'static str {
        key.text_in(self)
    }

    /// The wording for `key` with each `{name}` replaced by its value.
    pub fn format(self, key: impl Wording, values: &[(&str, &str)]) -> String {
        fill(self.text(key), values)
    }

    /// A counted wording for `n` (a key whose catalogue entry is an object of plural forms:
    /// docs/i18n.md, "Plurals"): the form this language's CLDR rule picks for `n`
    /// (`my_say_core::plural`), else its "other" form, with `{count}` and each other `{name}`
    /// filled in.
    pub fn count(self, key: impl Wording, n: u64, values: &[(&str, &str)]) -> String {
        let category = my_say_core::plural::category(self.code(), n);
        let words = key
            .plural_in(self, category)
            .unwrap_or_else(|| self.text(key));
        fill(&words.replace("{count}", &n.to_string()), values)
    }
}

/// `words` with each `{name}` replaced by its value. Apart from [`Locale::format`] and
/// [`Locale::count`], which are generic over the catalogue, so that it is compiled once in an app
/// with two catalogues.
fn fill(words: &str, values: &[(&str, &str)]) -> String {
    let mut out = words.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// A key of a wording catalogue: this crate's [`Key`], or the staff workspace's.
pub trait Wording: Copy + Send + Sync + 'static {
    /// The wording in `locale`.
    fn text_in(self, locale: Locale) -> &'static str {
        Self::text_at(locale, self.index())
    }

    /// The key's place in its catalogue's `Key::ALL`.
    fn index(self) -> u16;

    /// The wording in `locale` of the key at `index` of its catalogue's `Key::ALL`. A plain
    /// function, so that [`I18n::tr`]'s closure holds it and is one type for every catalogue.
    fn text_at(locale: Locale, index: u16) -> &'static str;

    /// A counted wording's form for `category` in `locale`, if its catalogue gives one other
    /// than "other" (which is [`Wording::text_in`]).
    fn plural_in(self, locale: Locale, category: PluralCategory) -> Option<&'static str>;
}

/// Where a language's words are in the generated tables: 0 English, 1 Welsh, 2 Arabic (both
/// forms of address).
pub fn table_index(locale: Locale) -> usize {
    match locale {
        Locale::En => 0,
        Locale::Cy => 1,
        Locale::Ar | Locale::ArF => 2,
    }
}

#[cfg(feature = "embedded-locales")]
impl Wording for Key {
    fn index(self) -> u16 {
        self as u16
    }

    fn text_at(locale: Locale, index: u16) -> &'static str {
        let i = usize::from(index);
        match locale {
            Locale::En => EN[i],
            Locale::Cy => CY[i],
            Locale::Ar => AR[i],
            Locale::ArF => ar_feminine(AR[i]),
        }
    }

    fn plural_in(self, locale: Locale, category: PluralCategory) -> Option<&'static str> {
        let form = plural_form(self, table_index(locale), category.code())?;
        Some(if locale == Locale::ArF {
            ar_feminine(form)
        } else {
            form
        })
    }
}

/// Welsh and Arabic as loaded from their files: English's words until a language has come.
#[cfg(not(feature = "embedded-locales"))]
impl Wording for Key {
    fn index(self) -> u16 {
        self as u16
    }

    fn text_at(locale: Locale, index: u16) -> &'static str {
        let i = usize::from(index);
        match loaded(locale) {
            Some(wording) => wording.text(i, locale == Locale::ArF),
            None => EN[i],
        }
    }

    fn plural_in(self, locale: Locale, category: PluralCategory) -> Option<&'static str> {
        match loaded(locale) {
            Some(wording) => wording.plural(self as usize, category, locale == Locale::ArF),
            None => plural_form(self, 0, category.code()),
        }
    }
}

/// One language's wording as read from its file under `/locales/` (written by `build.rs`): three
/// JSON arrays of strings, the words of every [`Key`] in order, the counted wordings' other
/// plural forms three strings each (key index, category, words), and (for Arabic) the feminine
/// forms of `ar-f.json` two each (masculine words, feminine words).
#[derive(Debug, PartialEq)]
pub struct LoadedWording {
    words: Vec<String>,
    plurals: Vec<(usize, PluralCategory, String)>,
    feminine: Vec<(String, String)>,
}

/// Why a language's file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordingFileError {
    /// It is not the JSON a wording file is.
    NotWording(String),
    /// It has words for this many keys, where the app has [`KEY_COUNT`].
    WrongCount(usize),
    /// A plural form names a key the app does not have, or a category CLDR does not.
    BadForm(String, String),
}

impl std::fmt::Display for WordingFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WordingFileError::NotWording(e) => write!(f, "not a wording file: {e}"),
            WordingFileError::WrongCount(n) => {
                write!(f, "words for {n} keys, where there are {KEY_COUNT}")
            }
            WordingFileError::BadForm(key, category) => {
                write!(
                    f,
                    "a plural form \"{category}\" of key {key}, which is not one"
                )
            }
        }
    }
}

impl LoadedWording {
    /// Reads and checks a language's file: words for exactly every key, and plural forms only of
    /// keys the app has, in CLDR categories. A file that fails is refused, never half used.
    pub fn parse(text: &str) -> Result<LoadedWording, WordingFileError> {
        // Three arrays of strings (build.rs): the words, then the plural forms three strings
        // each, then the feminine forms two each.
        let mut parts: Vec<Vec<String>> =
            serde_json::from_str(text).map_err(|e| WordingFileError::NotWording(e.to_string()))?;
        let (Some(pairs), Some(forms), Some(words), None) =
            (parts.pop(), parts.pop(), parts.pop(), parts.pop())
        else {
            return Err(WordingFileError::NotWording("not three lists".into()));
        };
        if words.len() != KEY_COUNT {
            return Err(WordingFileError::WrongCount(words.len()));
        }
        if forms.len() % 3 != 0 || pairs.len() % 2 != 0 {
            return Err(WordingFileError::NotWording(
                "a form or pair is cut short".into(),
            ));
        }
        let plurals = forms
            .chunks_exact(3)
            .map(|form| {
                let key = form[0].parse::<usize>().ok().filter(|k| *k < KEY_COUNT);
                match (key, PluralCategory::from_code(&form[1])) {
                    (Some(key), Some(c)) => Ok((key, c, form[2].clone())),
                    _ => Err(WordingFileError::BadForm(form[0].clone(), form[1].clone())),
                }
            })
            .collect::<Result<_, _>>()?;
        let feminine = pairs
            .chunks_exact(2)
            .map(|pair| (pair[0].clone(), pair[1].clone()))
            .collect();
        Ok(LoadedWording {
            words,
            plurals,
            feminine,
        })
    }

    /// The words of the key at `index`, in feminine forms if asked and the file gives them.
    pub fn text(&self, index: usize, feminine: bool) -> &str {
        self.address(&self.words[index], feminine)
    }

    /// A counted wording's form for `category`, if the file gives one other than "other".
    pub fn plural(&self, index: usize, category: PluralCategory, feminine: bool) -> Option<&str> {
        self.plurals
            .iter()
            .find(|(k, c, _)| *k == index && *c == category)
            .map(|(_, _, words)| self.address(words, feminine))
    }

    /// `words`, or their feminine forms if asked and the file gives them.
    fn address<'a>(&'a self, words: &'a str, feminine: bool) -> &'a str {
        match self.feminine.iter().find(|(m, _)| feminine && m == words) {
            Some((_, f)) => f,
            None => words,
        }
    }
}

/// Why a language could not be chosen; the language stays as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum LanguageError {
    /// Its file could not be fetched (offline before this app was first opened online).
    Fetch(FetchError),
    /// Its file came, but was refused.
    File(WordingFileError),
}

impl std::fmt::Display for LanguageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LanguageError::Fetch(e) => e.fmt(f),
            LanguageError::File(e) => e.fmt(f),
        }
    }
}

// Welsh's and Arabic's wording once loaded, kept for the session: the lookups return
// `&'static str`, which these are.
#[cfg(not(feature = "embedded-locales"))]
static LOADED: [std::sync::OnceLock<LoadedWording>; 2] =
    [std::sync::OnceLock::new(), std::sync::OnceLock::new()];

/// The loaded wording of `locale`, if it is Welsh or Arabic and has come.
#[cfg(not(feature = "embedded-locales"))]
fn loaded(locale: Locale) -> Option<&'static LoadedWording> {
    table_index(locale)
        .checked_sub(1)
        .and_then(|i| LOADED[i].get())
}

/// With every language compiled in, nothing is loaded.
#[cfg(feature = "embedded-locales")]
fn loaded(_: Locale) -> Option<&'static LoadedWording> {
    None
}

/// Fetching a language's wording, under way.
pub type Loading = Pin<Box<dyn Future<Output = Result<(), LanguageError>>>>;

/// An app's own wording beside the shared catalogue, in files of its own fetched with the shared
/// file when a language is chosen: the tablet set-up and surveys apps' (`my_say::i18n`), so that
/// the child's app carries none of it. The app gives these once, before its first [`load`]
/// ([`add_own_wording`]); the child's app gives none.
#[derive(Clone, Copy)]
pub struct OwnWording {
    /// Starts fetching `locale`'s own wording afresh, unless it is here (called before the
    /// shared file is fetched, so that both come at once).
    pub start: fn(Locale),
    /// Checks and keeps `locale`'s own wording once it has come (starting its fetch if need be),
    /// unless it is here.
    pub load: fn(Locale) -> Loading,
    /// Whether `locale`'s own wording is here.
    pub is_here: fn(Locale) -> bool,
}

#[cfg(not(feature = "embedded-locales"))]
static OWN_WORDING: std::sync::OnceLock<OwnWording> = std::sync::OnceLock::new();

/// Makes [`load`] fetch the app's own wording too, and [`Locale::is_here`] wait for it. Once, at
/// start-up; with every language compiled in there is nothing to fetch, and it does nothing.
pub fn add_own_wording(own: OwnWording) {
    #[cfg(not(feature = "embedded-locales"))]
    let _ = OWN_WORDING.set(own);
    #[cfg(feature = "embedded-locales")]
    let _ = own;
}

fn own_wording() -> Option<&'static OwnWording> {
    #[cfg(not(feature = "embedded-locales"))]
    return OWN_WORDING.get();
    #[cfg(feature = "embedded-locales")]
    None
}

/// Makes sure `locale`'s wording is here: fetches and checks its file (and the app's own, if it
/// has some: [`OwnWording`]), once a session, unless it is compiled in or already loaded.
pub async fn load(locale: Locale) -> Result<(), LanguageError> {
    if locale.is_here() {
        return Ok(());
    }
    // The app's own file is asked for first, so both come at once.
    if let Some(own) = own_wording() {
        (own.start)(locale);
    }
    #[cfg(not(feature = "embedded-locales"))]
    if let (None, Some(file)) = (loaded(locale), locale.file_name()) {
        let text = crate::browser::fetch::text(&format!("/locales/{file}"))
            .await
            .map_err(LanguageError::Fetch)?;
        let wording = LoadedWording::parse(&text).map_err(LanguageError::File)?;
        // Two choices of one language at once: the first to arrive stays.
        let _ = LOADED[table_index(locale) - 1].set(wording);
    }
    if let Some(own) = own_wording() {
        (own.load)(locale).await?;
    }
    Ok(())
}

thread_local! {
    // How many languages have been asked for this session: only the latest choice switches.
    static CHOICES: Cell<u32> = const { Cell::new(0) };
}

/// The chosen UI language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Locale>);

impl I18n {
    /// The current language.
    pub fn locale(self) -> Locale {
        self.0.get()
    }

    /// A storage failure in the current language's words ([`StoreError::words`]); one call
    /// where a page shows one, rather than reading the language at each (smaller wasm).
    ///
    /// [`StoreError::words`]: crate::browser::store::StoreError::words
    #[inline(never)]
    pub fn store_error(self, e: &crate::browser::store::StoreError) -> String {
        e.words(self.locale())
    }

    /// The wording for `key` in the current language (reactive).
    pub fn t(self, key: impl Wording) -> &'static str {
        self.0.get().text(key)
    }

    /// A reactive closure for `key`, for use directly in `view!`: it looks the wording up in the
    /// current language each time it is called, so a language loaded later shows.
    ///
    /// It holds the catalogue's lookup function ([`Wording::text_at`]) and the key's index rather
    /// than the key, so that it is one type whichever catalogue the key comes from: the view code
    /// around it is then compiled once, not once per catalogue.
    pub fn tr<K: Wording>(
        self,
        key: K,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        self.tr_at(K::text_at, key.index())
    }

    fn tr_at(
        self,
        text_at: fn(Locale, u16) -> &'static str,
        index: u16,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || text_at(self.0.get(), index)
    }

    /// Switches to `locale` once its wording is here: at once if it is (English, every language
    /// in the staff workspace, a language already loaded this session), else after fetching its
    /// file, so a screen never shows half one language and half another. If the file cannot be
    /// had, the language stays as it was and the error says why. Of several choices made while
    /// files are fetched, the latest wins. Every change of language goes through here.
    pub async fn choose(self, locale: Locale) -> Result<(), LanguageError> {
        let choice = CHOICES.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        load(locale).await?;
        if CHOICES.with(Cell::get) == choice {
            self.0.set(locale);
        }
        Ok(())
    }
}

/// The language saved on this device (every app shares it), if any.
fn saved_locale() -> Option<Locale> {
    crate::browser::prefs::load_locale().and_then(|c| Locale::from_code(&c))
}

/// Fetches the saved language's wording, if it is not here yet: the child's app awaits this
/// before it first paints, so a Welsh or Arabic tablet never flashes English (docs/i18n.md). If
/// the file cannot be had, the app opens in English and the saved choice is kept.
pub async fn load_saved_locale() {
    if let Some(locale) = saved_locale() {
        let _ = load(locale).await;
    }
}

/// Provides the UI language to the app: the language saved on this device, if its wording is
/// here ([`load_saved_locale`]), else English; and keeps `<html lang dir>` and the saved choice
/// in step with it.
pub fn provide_i18n() -> I18n {
    let saved = saved_locale().filter(|l| l.is_here());
    let i18n = I18n(RwSignal::new(saved.unwrap_or(Locale::En)));
    provide_context(i18n);
    // An effect, because this syncs with the outside world: the document and localStorage. The
    // first run only applies the language: opening in English because a saved language's file
    // could not be had must not forget the choice.
    Effect::new(move |before: Option<()>| {
        let locale = i18n.locale();
        crate::browser::prefs::apply_locale(locale.code(), locale.dir());
        if before.is_some() {
            crate::browser::prefs::save_locale(locale.code());
        }
    });
    i18n
}

/// The wording of an age band ("4 to 6", ...), for every app.
pub fn band_key(band: my_say_core::AgeBand) -> Key {
    use my_say_core::AgeBand;
    match band {
        AgeBand::FourToSix => Key::BookletBand46,
        AgeBand::SevenToNine => Key::BookletBand79,
        AgeBand::TenToFifteen => Key::BookletBand1015,
        AgeBand::SixteenPlus => Key::BookletBand16Plus,
    }
}

/// The UI language from context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_wording_for_every_key() {
        for locale in Locale::ALL {
            for key in Key::ALL {
                assert!(
                    !locale.text(key).trim().is_empty(),
                    "{} is empty in {}",
                    key.name(),
                    locale.code()
                );
            }
        }
    }

    #[test]
    fn codes_round_trip_and_only_arabic_is_rtl() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
        }
        assert_eq!(Locale::Ar.dir(), "rtl");
        assert_eq!(Locale::Cy.dir(), "ltr");
        assert_eq!(Locale::from_code("fr"), None);
    }

    #[test]
    fn every_feminine_form_is_an_arabic_key_with_other_words() {
        let feminine: std::collections::BTreeMap<String, String> =
            serde_json::from_str(include_str!("../locales/ar-f.json")).unwrap();
        assert!(feminine.contains_key("fill.ok_carry_on"));
        for (name, words) in &feminine {
            let key = Key::ALL.into_iter().find(|k| k.name() == name);
            let key = key.unwrap_or_else(|| panic!("{name} is not a key"));
            assert_ne!(Locale::Ar.text(key), words, "{name}");
            assert_eq!(Locale::ArF.text(key), words, "{name}");
        }
        // Every other key keeps the masculine words.
        let same = Key::ALL
            .into_iter()
            .filter(|k| !feminine.contains_key(k.name()));
        for key in same {
            assert_eq!(
                Locale::ArF.text(key),
                Locale::Ar.text(key),
                "{}",
                key.name()
            );
        }
        assert_eq!(Locale::from_code("ar-f"), Some(Locale::ArF));
        assert_eq!(Locale::ArF.code(), "ar");
        assert_eq!(Locale::ArF.locale_code().as_str(), "ar-f");
        assert!(Locale::ArF.is_rtl());
    }

    #[test]
    fn a_count_takes_the_form_its_languages_rule_picks() {
        let q = Key::TabletSurveyQuestions;
        assert_eq!(Locale::En.count(q, 1, &[]), "1 question");
        assert_eq!(Locale::En.count(q, 2, &[]), "2 questions");
        assert_eq!(Locale::Cy.count(q, 1, &[]), "1 cwestiwn");
        assert_eq!(Locale::Cy.count(q, 6, &[]), "6 cwestiwn");
        // Arabic has six forms: a number's form is not "one or not".
        assert_eq!(Locale::Ar.count(q, 0, &[]), "لا أسئلة");
        assert_eq!(Locale::Ar.count(q, 1, &[]), "سؤال واحد");
        assert_eq!(Locale::Ar.count(q, 2, &[]), "سؤالان");
        assert_eq!(Locale::Ar.count(q, 5, &[]), "5 أسئلة");
        assert_eq!(Locale::Ar.count(q, 12, &[]), "12 سؤالًا");
        assert_eq!(Locale::Ar.count(q, 100, &[]), "100 سؤال");
        assert_eq!(Locale::ArF.count(q, 2, &[]), "سؤالان");
    }

    /// The file `build.rs` wrote for `locale`, as the child's app fetches it.
    fn wording_file(locale: Locale) -> String {
        let name = locale.file_name().expect("Welsh and Arabic have a file");
        std::fs::read_to_string(
            std::path::Path::new(env!("OUT_DIR"))
                .join("locales")
                .join(name),
        )
        .unwrap()
    }

    #[test]
    fn each_language_file_holds_the_compiled_wording() {
        assert_eq!(Locale::En.file_name(), None);
        assert_eq!(Locale::Ar.file_name(), Locale::ArF.file_name());
        for (locale, feminine) in [(Locale::Cy, Locale::Cy), (Locale::Ar, Locale::ArF)] {
            let name = locale.file_name().unwrap();
            assert!(name.starts_with(&format!("{}.", locale.code())), "{name}");
            let file = LoadedWording::parse(&wording_file(locale)).unwrap();
            for key in Key::ALL {
                let i = key as usize;
                assert_eq!(file.text(i, false), locale.text(key), "{}", key.name());
                assert_eq!(file.text(i, true), feminine.text(key), "{}", key.name());
                for category in my_say_core::plural::categories(locale.code()) {
                    let words = |f: bool| file.plural(i, *category, f);
                    assert_eq!(words(false), key.plural_in(locale, *category));
                    assert_eq!(words(true), key.plural_in(feminine, *category));
                }
            }
        }
    }

    #[test]
    fn a_wording_file_is_refused_unless_it_has_every_key() {
        let welsh = wording_file(Locale::Cy);
        assert!(LoadedWording::parse(&welsh).is_ok());
        let mut value: serde_json::Value = serde_json::from_str(&welsh).unwrap();
        value[0].as_array_mut().unwrap().pop();
        assert_eq!(
            LoadedWording::parse(&value.to_string()),
            Err(WordingFileError::WrongCount(KEY_COUNT - 1))
        );
        value[0].as_array_mut().unwrap().push("x".into());
        value[0].as_array_mut().unwrap().push("y".into());
        assert_eq!(
            LoadedWording::parse(&value.to_string()),
            Err(WordingFileError::WrongCount(KEY_COUNT + 1))
        );
        let mut value: serde_json::Value = serde_json::from_str(&welsh).unwrap();
        value[1] = serde_json::json!([KEY_COUNT.to_string(), "few", "x"]);
        assert!(matches!(
            LoadedWording::parse(&value.to_string()),
            Err(WordingFileError::BadForm(..))
        ));
        value[1] = serde_json::json!(["0", "several", "x"]);
        assert!(matches!(
            LoadedWording::parse(&value.to_string()),
            Err(WordingFileError::BadForm(..))
        ));
        value[1] = serde_json::json!(["zero", "few", "x"]);
        assert!(matches!(
            LoadedWording::parse(&value.to_string()),
            Err(WordingFileError::BadForm(..))
        ));
        // A form or a pair cut short.
        value[1] = serde_json::json!(["0", "few"]);
        assert!(matches!(
            LoadedWording::parse(&value.to_string()),
            Err(WordingFileError::NotWording(_))
        ));
        value[1] = serde_json::json!([]);
        value[2] = serde_json::json!(["he"]);
        assert!(matches!(
            LoadedWording::parse(&value.to_string()),
            Err(WordingFileError::NotWording(_))
        ));
        let four = format!("[{}, [], [], []]", serde_json::json!(value[0]));
        assert!(matches!(
            LoadedWording::parse(&four),
            Err(WordingFileError::NotWording(_))
        ));
        for broken in [
            "",
            "{}",
            "[[], [], []",
            "[\"a\", [], []]",
            "null",
            "[[], []]",
        ] {
            assert!(
                matches!(
                    LoadedWording::parse(broken),
                    Err(WordingFileError::NotWording(_))
                ),
                "{broken}"
            );
        }
    }

    #[test]
    fn placeholders_are_filled() {
        // Any key will do for the mechanism; use one without placeholders to check it is unchanged.
        assert_eq!(Locale::En.format(Key::AppName, &[("x", "y")]), "My Say");
    }
}
