//! The UI's wording in several languages, right-to-left included.
//!
//! The wording both apps use lives in `locales/*.json` of this crate; `build.rs` turns it into the
//! [`Key`] enum and one array per locale, so a missing key fails the build and nothing is parsed
//! at start-up. The staff workspace has its own catalogue and its own `Key` (every shared key,
//! then its own), so a child's tablet never downloads the staff wording. Both are [`Wording`],
//! which is what [`I18n`] and [`Locale`] look up. Booklet wording is separate: it travels inside
//! each booklet (see docs/booklet-format.md).

use leptos::prelude::*;
use my_say_core::plural::PluralCategory;
use my_say_core::LocaleCode;

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
        let mut out = self.text(key).to_owned();
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }

    /// A counted wording for `n` (a key whose catalogue entry is an object of plural forms:
    /// docs/i18n.md, "Plurals"): the form this language's CLDR rule picks for `n`
    /// (`my_say_core::plural`), else its "other" form, with `{count}` and each other `{name}`
    /// filled in.
    pub fn count(self, key: impl Wording, n: u64, values: &[(&str, &str)]) -> String {
        let category = my_say_core::plural::category(self.code(), n);
        let mut out = key
            .plural_in(self, category)
            .unwrap_or_else(|| self.text(key))
            .replace("{count}", &n.to_string());
        for (name, value) in values {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// A key of a wording catalogue: this crate's [`Key`], or the staff workspace's.
pub trait Wording: Copy + Send + Sync + 'static {
    /// The wording in `locale`.
    fn text_in(self, locale: Locale) -> &'static str;

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

impl Wording for Key {
    fn text_in(self, locale: Locale) -> &'static str {
        let table = match locale {
            Locale::En => &EN,
            Locale::Cy => &CY,
            Locale::Ar => &AR,
            Locale::ArF => return ar_feminine(AR[self as usize]),
        };
        table[self as usize]
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

/// The chosen UI language, shared through context.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Locale>);

impl I18n {
    /// The current language.
    pub fn locale(self) -> Locale {
        self.0.get()
    }

    /// The wording for `key` in the current language (reactive).
    pub fn t(self, key: impl Wording) -> &'static str {
        self.0.get().text(key)
    }

    /// A reactive closure for `key`, for use directly in `view!`.
    ///
    /// It holds the key's wording in every language rather than the key, so that it is one type
    /// whichever catalogue the key comes from: the view code around it is then compiled once,
    /// not once per catalogue (measured: 1 KB less gzip in the staff app).
    pub fn tr(self, key: impl Wording) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        self.tr_words(Locale::ALL.map(|locale| key.text_in(locale)))
    }

    fn tr_words(
        self,
        words: [&'static str; 3],
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || match self.0.get() {
            Locale::ArF => ar_feminine(words[2]),
            locale => words[locale as usize],
        }
    }
}

/// Provides the UI language to the app: the language saved on this device (the two apps share
/// it), else English; and keeps `<html lang dir>` and the saved choice in step with it.
pub fn provide_i18n() -> I18n {
    let saved = crate::browser::prefs::load_locale().and_then(|c| Locale::from_code(&c));
    let i18n = I18n(RwSignal::new(saved.unwrap_or(Locale::En)));
    provide_context(i18n);
    // An effect, because this syncs with the outside world: the document and localStorage.
    Effect::new(move |_| {
        let locale = i18n.locale();
        crate::browser::prefs::apply_locale(locale.code(), locale.dir());
        crate::browser::prefs::save_locale(locale.code());
    });
    i18n
}

/// The wording of an age band ("4 to 6", ...), for both apps.
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
    fn placeholders_are_filled() {
        // Any key will do for the mechanism; use one without placeholders to check it is unchanged.
        assert_eq!(Locale::En.format(Key::AppName, &[("x", "y")]), "My Say");
    }
}
