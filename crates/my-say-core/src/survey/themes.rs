//! Grouping free-text answers into named themes.
//!
//! The council (or the IRO helping them) reads the free-text answers of a survey and puts each
//! into one or more themes they name, such as "Contacting the IRO" or "Meetings too long". The
//! [`ThemeBook`] holds the themes and which answers are in which, by [`FreeTextKey`]. A key is
//! worked out from the finished booklet's random id, the question and the answer's place, so it
//! is the same every time the same answers are imported: assignments survive importing again,
//! importing into another workspace, and a theme book saved and read back. Assignments for
//! answers not (yet) imported are kept, so importing in several goes loses nothing.

use super::results::FreeTextKey;
use super::{check_header, HeaderCheck};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// `format` of a saved theme book.
pub const THEMES_FORMAT: &str = "my-say/survey-themes";
/// The theme book version this build writes (and the newest it reads).
pub const THEMES_VERSION: u32 = 1;
/// The longest theme name, in characters.
pub const MAX_THEME_NAME_CHARS: usize = 80;

/// A theme's id (`t1`, `t2`...), made by the theme book and never reused.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ThemeId(pub String);

impl ThemeId {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A theme the council named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedTheme {
    /// Its id.
    pub id: ThemeId,
    /// Its name, such as "Contacting the IRO".
    pub name: String,
}

/// Why a theme change or a theme file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ThemeError {
    /// The name is blank.
    BlankName,
    /// The name is longer than [`MAX_THEME_NAME_CHARS`].
    NameTooLong,
    /// Another theme has this name already (ignoring case).
    NameTaken(String),
    /// No theme has this id.
    NoSuchTheme(ThemeId),
    /// The file is not a My Say theme file.
    NotAThemeFile,
    /// The file was made by a newer My Say.
    NewerVersion(u64),
    /// The file is damaged (what is wrong, for support).
    Damaged(String),
}

impl fmt::Display for ThemeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeError::BlankName => f.write_str("Give the theme a name."),
            ThemeError::NameTooLong => write!(
                f,
                "A theme name can be at most {MAX_THEME_NAME_CHARS} characters."
            ),
            ThemeError::NameTaken(name) => {
                write!(f, "There is already a theme called \"{name}\".")
            }
            ThemeError::NoSuchTheme(id) => write!(f, "There is no theme \"{}\".", id.as_str()),
            ThemeError::NotAThemeFile => {
                f.write_str("This is not a My Say themes file. Check you chose the right file.")
            }
            ThemeError::NewerVersion(v) => write!(
                f,
                "This themes file was made by a newer version of My Say (version {v}). Update \
                 My Say and try again."
            ),
            ThemeError::Damaged(what) => write!(
                f,
                "This themes file is damaged and cannot be read (problem with: {what})."
            ),
        }
    }
}

impl std::error::Error for ThemeError {}

/// The themes of one survey's free-text answers, and which answers are in which.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeBook {
    format: String,
    version: u32,
    survey_id: String,
    themes: Vec<NamedTheme>,
    /// Answer key -> the themes it is in.
    assigned: BTreeMap<FreeTextKey, BTreeSet<ThemeId>>,
    next_theme: u32,
}

impl ThemeBook {
    /// No themes yet, for the survey with this id.
    pub fn new(survey_id: &str) -> ThemeBook {
        ThemeBook {
            format: THEMES_FORMAT.to_owned(),
            version: THEMES_VERSION,
            survey_id: survey_id.to_owned(),
            themes: Vec::new(),
            assigned: BTreeMap::new(),
            next_theme: 1,
        }
    }

    /// The survey these themes are for.
    pub fn survey_id(&self) -> &str {
        &self.survey_id
    }

    /// The themes, in the order the council put them.
    pub fn themes(&self) -> &[NamedTheme] {
        &self.themes
    }

    /// A theme by id.
    pub fn theme(&self, id: &ThemeId) -> Option<&NamedTheme> {
        self.themes.iter().find(|t| &t.id == id)
    }

    fn check_name(&self, name: &str, except: Option<&ThemeId>) -> Result<String, ThemeError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ThemeError::BlankName);
        }
        if name.chars().count() > MAX_THEME_NAME_CHARS {
            return Err(ThemeError::NameTooLong);
        }
        let lower = name.to_lowercase();
        if let Some(t) = self
            .themes
            .iter()
            .find(|t| Some(&t.id) != except && t.name.to_lowercase() == lower)
        {
            return Err(ThemeError::NameTaken(t.name.clone()));
        }
        Ok(name.to_owned())
    }

    /// Adds a theme and returns its id.
    pub fn add_theme(&mut self, name: &str) -> Result<ThemeId, ThemeError> {
        let name = self.check_name(name, None)?;
        let id = ThemeId(format!("t{}", self.next_theme));
        self.next_theme += 1;
        self.themes.push(NamedTheme {
            id: id.clone(),
            name,
        });
        Ok(id)
    }

    /// Renames a theme (its answers stay in it).
    pub fn rename_theme(&mut self, id: &ThemeId, name: &str) -> Result<(), ThemeError> {
        let name = self.check_name(name, Some(id))?;
        let theme = self
            .themes
            .iter_mut()
            .find(|t| &t.id == id)
            .ok_or_else(|| ThemeError::NoSuchTheme(id.clone()))?;
        theme.name = name;
        Ok(())
    }

    /// Removes a theme; its answers stay, in their other themes or in none.
    pub fn remove_theme(&mut self, id: &ThemeId) -> bool {
        let before = self.themes.len();
        self.themes.retain(|t| &t.id != id);
        for themes in self.assigned.values_mut() {
            themes.remove(id);
        }
        self.assigned.retain(|_, themes| !themes.is_empty());
        self.themes.len() != before
    }

    /// Moves a theme to position `to` (from 0; past the end means last).
    pub fn move_theme(&mut self, id: &ThemeId, to: usize) -> bool {
        let Some(from) = self.themes.iter().position(|t| &t.id == id) else {
            return false;
        };
        let theme = self.themes.remove(from);
        let to = to.min(self.themes.len());
        self.themes.insert(to, theme);
        true
    }

    /// Puts an answer in a theme (an answer can be in several).
    pub fn assign(&mut self, key: &FreeTextKey, theme: &ThemeId) -> Result<(), ThemeError> {
        if self.theme(theme).is_none() {
            return Err(ThemeError::NoSuchTheme(theme.clone()));
        }
        self.assigned
            .entry(key.clone())
            .or_default()
            .insert(theme.clone());
        Ok(())
    }

    /// Takes an answer out of a theme.
    pub fn unassign(&mut self, key: &FreeTextKey, theme: &ThemeId) {
        if let Some(themes) = self.assigned.get_mut(key) {
            themes.remove(theme);
            if themes.is_empty() {
                self.assigned.remove(key);
            }
        }
    }

    /// The themes an answer is in, in the council's order of themes.
    pub fn themes_of(&self, key: &FreeTextKey) -> Vec<&NamedTheme> {
        match self.assigned.get(key) {
            Some(ids) => self.themes.iter().filter(|t| ids.contains(&t.id)).collect(),
            None => Vec::new(),
        }
    }

    /// The answers in a theme.
    pub fn keys_in(&self, theme: &ThemeId) -> Vec<&FreeTextKey> {
        self.assigned
            .iter()
            .filter(|(_, ids)| ids.contains(theme))
            .map(|(key, _)| key)
            .collect()
    }

    /// The theme book as JSON, to store or export.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data serializes")
    }

    /// Reads a saved theme book. All or nothing: names, ids, keys and assignments are checked.
    pub fn from_json(text: &str) -> Result<ThemeBook, ThemeError> {
        match check_header(text, THEMES_FORMAT, THEMES_VERSION) {
            Ok(()) => {}
            Err(HeaderCheck::WrongFormat) => return Err(ThemeError::NotAThemeFile),
            Err(HeaderCheck::Newer(v)) => return Err(ThemeError::NewerVersion(v)),
            Err(HeaderCheck::BadVersion) => return Err(ThemeError::Damaged("version".into())),
        }
        let book: ThemeBook =
            serde_json::from_str(text).map_err(|e| ThemeError::Damaged(e.to_string()))?;
        let mut checked = ThemeBook::new(&book.survey_id);
        checked.next_theme = book.next_theme;
        for t in &book.themes {
            let name = checked.check_name(&t.name, None)?;
            let number: Option<u32> = t.id.0.strip_prefix('t').and_then(|n| n.parse().ok());
            match number {
                Some(n) if n >= 1 && n < book.next_theme && checked.theme(&t.id).is_none() => {}
                _ => return Err(ThemeError::Damaged(format!("theme id \"{}\"", t.id.0))),
            }
            checked.themes.push(NamedTheme {
                id: t.id.clone(),
                name,
            });
        }
        for (key, ids) in &book.assigned {
            for id in ids {
                checked
                    .assign(key, id)
                    .map_err(|_| ThemeError::Damaged(format!("theme id \"{}\"", id.0)))?;
            }
        }
        Ok(checked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::booklet::QuestionId;
    use proptest::prelude::*;

    fn key(n: u32) -> FreeTextKey {
        FreeTextKey::of(&format!("{n:032x}"), &QuestionId::new("q1"), 0)
    }

    #[test]
    fn themes_are_named_once_and_assigned() {
        let mut book = ThemeBook::new("survey-1");
        let a = book.add_theme("  Contacting the IRO ").unwrap();
        assert_eq!(book.theme(&a).unwrap().name, "Contacting the IRO");
        assert_eq!(
            book.add_theme("contacting the iro"),
            Err(ThemeError::NameTaken("Contacting the IRO".into()))
        );
        assert_eq!(book.add_theme(" "), Err(ThemeError::BlankName));
        assert_eq!(
            book.add_theme(&"x".repeat(MAX_THEME_NAME_CHARS + 1)),
            Err(ThemeError::NameTooLong)
        );
        let b = book.add_theme("Meetings").unwrap();
        assert_eq!(b.as_str(), "t2");
        book.rename_theme(&a, "Contact").unwrap();
        book.rename_theme(&a, "contact").unwrap();
        assert_eq!(
            book.rename_theme(&b, "Contact"),
            Err(ThemeError::NameTaken("contact".into()))
        );
        book.assign(&key(1), &a).unwrap();
        book.assign(&key(1), &b).unwrap();
        book.assign(&key(2), &b).unwrap();
        assert_eq!(
            book.assign(&key(2), &ThemeId("t9".into())),
            Err(ThemeError::NoSuchTheme(ThemeId("t9".into())))
        );
        assert_eq!(book.themes_of(&key(1)).len(), 2);
        assert_eq!(book.keys_in(&b).len(), 2);
        assert!(book.move_theme(&b, 0));
        assert_eq!(book.themes()[0].id, b);
        assert_eq!(book.themes_of(&key(1))[0].id, b, "in the book's order");
        book.unassign(&key(1), &b);
        assert_eq!(book.themes_of(&key(1)).len(), 1);
        assert!(book.remove_theme(&b));
        assert!(book.keys_in(&b).is_empty());
        assert!(book.themes_of(&key(2)).is_empty());
        // Ids are never reused.
        assert_eq!(book.add_theme("Meetings").unwrap().as_str(), "t3");
    }

    #[test]
    fn a_saved_book_reads_back_or_is_refused_whole() {
        let mut book = ThemeBook::new("survey-1");
        let a = book.add_theme("Contact").unwrap();
        // An assignment for an answer not imported yet is kept.
        book.assign(&key(77), &a).unwrap();
        let json = book.to_json();
        assert_eq!(ThemeBook::from_json(&json).unwrap(), book);

        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["version"] = serde_json::json!(2);
        assert_eq!(
            ThemeBook::from_json(&v.to_string()),
            Err(ThemeError::NewerVersion(2))
        );
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["assigned"] = serde_json::json!({ key(1).as_str(): ["t5"] });
        assert!(matches!(
            ThemeBook::from_json(&v.to_string()),
            Err(ThemeError::Damaged(_))
        ));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["themes"][0]["id"] = serde_json::json!("t7");
        assert!(matches!(
            ThemeBook::from_json(&v.to_string()),
            Err(ThemeError::Damaged(_))
        ));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["assigned"] = serde_json::json!({ "not a key": ["t1"] });
        assert!(matches!(
            ThemeBook::from_json(&v.to_string()),
            Err(ThemeError::Damaged(_))
        ));
        assert_eq!(
            ThemeBook::from_json("{\"format\":\"my-say/booklet\",\"version\":1}"),
            Err(ThemeError::NotAThemeFile)
        );
    }

    proptest! {
        #[test]
        fn any_text_is_refused_or_read_without_panicking(s in ".*") {
            let _ = ThemeBook::from_json(&s);
            let _ = ThemeBook::from_json(&format!(
                "{{\"format\":\"{THEMES_FORMAT}\",\"version\":1,{s}}}"
            ));
        }
    }
}
