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

    /// The wording in `locale`, or in `fallback` when that language is missing.
    pub fn get<'a>(&'a self, locale: &LocaleCode, fallback: &LocaleCode) -> &'a str {
        self.0
            .get(locale)
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
