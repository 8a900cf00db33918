//! Wording in several languages.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A BCP 47 language code such as "en", "cy" or "ar".
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocaleCode(pub String);

impl LocaleCode {
    /// A code from a string slice.
    pub fn new(code: &str) -> LocaleCode {
        LocaleCode(code.to_owned())
    }

    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language this code is a variant of: "ar" for "ar-f" (Arabic speaking to a girl);
    /// `None` for a plain code such as "ar".
    pub fn base(&self) -> Option<&str> {
        self.0.split_once('-').map(|(base, _)| base)
    }
}

/// One piece of wording, in every language the booklet offers: `{"en": "...", "ar": "..."}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<LocaleCode, String>);

impl Text {
    /// Wording in one language only (handy in tests and for the survey builder's first draft).
    pub fn en(words: &str) -> Text {
        let mut map = BTreeMap::new();
        map.insert(LocaleCode::new("en"), words.to_owned());
        Text(map)
    }

    /// The wording in `locale`; else, for a variant such as "ar-f", in its base language ("ar");
    /// else in `fallback`. A variant gives only the wording that differs (docs/booklet-format.md).
    pub fn get<'a>(&'a self, locale: &LocaleCode, fallback: &LocaleCode) -> &'a str {
        self.0
            .get(locale)
            .or_else(|| {
                let base = locale.base()?;
                self.0
                    .iter()
                    .find(|(code, _)| code.as_str() == base)
                    .map(|(_, w)| w)
            })
            .or_else(|| self.0.get(fallback))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The languages this wording lacks (empty strings count as missing).
    pub fn missing<'a>(&self, locales: &'a [LocaleCode]) -> Vec<&'a LocaleCode> {
        locales
            .iter()
            .filter(|l| self.0.get(*l).is_none_or(|s| s.trim().is_empty()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        Text(
            pairs
                .iter()
                .map(|(c, w)| (LocaleCode::new(c), (*w).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn a_variant_falls_back_to_its_base_language_then_to_the_fallback() {
        let en = LocaleCode::new("en");
        let ar_f = LocaleCode::new("ar-f");
        let both = text(&[
            ("en", "Do you feel"),
            ("ar", "هل تشعر"),
            ("ar-f", "هل تشعرين"),
        ]);
        assert_eq!(both.get(&ar_f, &en), "هل تشعرين");
        assert_eq!(both.get(&LocaleCode::new("ar"), &en), "هل تشعر");
        let masculine_only = text(&[("en", "My Say"), ("ar", "رأيي")]);
        assert_eq!(masculine_only.get(&ar_f, &en), "رأيي");
        let english_only = text(&[("en", "My Say")]);
        assert_eq!(english_only.get(&ar_f, &en), "My Say");
        assert_eq!(ar_f.base(), Some("ar"));
        assert_eq!(LocaleCode::new("ar").base(), None);
    }
}
