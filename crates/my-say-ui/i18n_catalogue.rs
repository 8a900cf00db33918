//! Build-time only: reads the UI wording catalogues (`locales/<code>.json`) and writes them as
//! Rust. Used by three build scripts: my-say-ui's (the wording every app shares), my-say-staff's
//! (the wording only the staff workspace uses, so a child's tablet never downloads it) and the
//! top-level package's (the wording only tablet set-up and council surveys on a tablet use, so
//! the child's app carries none of it). See docs/i18n.md.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The locales in the order of `i18n::Locale`; the first is the reference every other must match.
pub const LOCALES: [&str; 3] = ["en", "cy", "ar"];

/// One catalogue: a map from key to wording for each locale of [`LOCALES`], in that order.
pub type Catalogue = Vec<BTreeMap<String, String>>;

fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect();
    out.sort();
    out
}

/// The enum variant for a key: `home.title` is `HomeTitle`.
pub fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Reads `dir/<code>.json` for every locale and checks that each has exactly English's keys with
/// the same `{placeholders}`; a problem fails the build with a message naming the file and key.
/// A counted wording is an object of its plural forms (docs/i18n.md, "Plurals"): here it reads
/// as its "other" form, and [`read_plurals`] gives every form.
pub fn read(dir: &Path) -> Catalogue {
    let raw = read_raw(dir);
    let catalogues: Catalogue = raw
        .iter()
        .map(|map| {
            map.iter()
                .map(|(key, value)| (key.clone(), value.other().to_owned()))
                .collect()
        })
        .collect();
    let reference = &catalogues[0];
    for (i, (code, map)) in LOCALES.iter().zip(&catalogues).enumerate().skip(1) {
        let file = dir.join(format!("{code}.json"));
        for key in reference.keys() {
            let Some(words) = map.get(key) else {
                panic!("{} lacks the key \"{key}\"", file.display());
            };
            if placeholders(words) != placeholders(&reference[key]) {
                panic!(
                    "{}: \"{key}\" has other {{placeholders}} than en.json",
                    file.display()
                );
            }
            if raw[i][key].is_plural() != raw[0][key].is_plural() {
                panic!(
                    "{}: \"{key}\" must be counted (an object of plural forms) in every language or in none",
                    file.display()
                );
            }
        }
        if let Some(extra) = map.keys().find(|k| !reference.contains_key(*k)) {
            panic!(
                "{} has the key \"{extra}\", which en.json does not",
                file.display()
            );
        }
    }
    catalogues
}

/// One wording as a catalogue gives it: words, or the plural forms of a counted wording.
enum Entry {
    Words(String),
    Plural(BTreeMap<String, String>),
}

impl Entry {
    fn is_plural(&self) -> bool {
        matches!(self, Entry::Plural(_))
    }

    /// The words, or a counted wording's "other" form.
    fn other(&self) -> &str {
        match self {
            Entry::Words(w) => w,
            Entry::Plural(forms) => &forms["other"],
        }
    }
}

/// Every locale's file as written, with each counted wording's forms checked: an "other" form,
/// only categories the language has (CLDR, `my_say_core::plural`), and no `{placeholder}` that
/// the "other" form lacks.
fn read_raw(dir: &Path) -> Vec<BTreeMap<String, Entry>> {
    let mut out = Vec::new();
    for code in LOCALES {
        let path = dir.join(format!("{code}.json"));
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let not_words = |e: &dyn std::fmt::Display| -> ! {
            panic!(
                "{} is not a JSON object of words (or of plural forms): {e}",
                path.display()
            )
        };
        let values: BTreeMap<String, serde_json::Value> =
            serde_json::from_str(&text).unwrap_or_else(|e| not_words(&e));
        let map: BTreeMap<String, Entry> = values
            .into_iter()
            .map(|(key, value)| {
                let entry = match value {
                    serde_json::Value::String(w) => Entry::Words(w),
                    serde_json::Value::Object(forms) => Entry::Plural(
                        forms
                            .into_iter()
                            .map(|(c, w)| match w {
                                serde_json::Value::String(w) => (c, w),
                                _ => not_words(&format!("a form of \"{key}\" is not words")),
                            })
                            .collect(),
                    ),
                    _ => not_words(&format!("\"{key}\" is neither words nor plural forms")),
                };
                (key, entry)
            })
            .collect();
        for (key, entry) in &map {
            let Entry::Plural(forms) = entry else {
                continue;
            };
            let Some(other) = forms.get("other") else {
                panic!("{}: \"{key}\" has no \"other\" form", path.display());
            };
            let allowed = crate::plural::categories(code);
            for (category, words) in forms {
                if !crate::plural::PluralCategory::from_code(category)
                    .is_some_and(|c| allowed.contains(&c))
                {
                    panic!(
                        "{}: \"{key}\" has a \"{category}\" form, which is not a plural category of {code} (CLDR)",
                        path.display()
                    );
                }
                if placeholders(words)
                    .iter()
                    .any(|p| !placeholders(other).contains(p))
                {
                    panic!(
                        "{}: the \"{category}\" form of \"{key}\" has a {{placeholder}} its \"other\" form lacks",
                        path.display()
                    );
                }
            }
        }
        out.push(map);
    }
    out
}

/// The plural forms of every counted wording in `dir`: for each key, for each locale of
/// [`LOCALES`], its forms other than "other" (which the tables already hold), by category.
pub type Plurals = BTreeMap<String, [BTreeMap<String, String>; 3]>;

/// Reads the counted wordings' forms (see [`read`], which checks them).
pub fn read_plurals(dir: &Path) -> Plurals {
    let raw = read_raw(dir);
    let mut out = Plurals::new();
    for (key, entry) in &raw[0] {
        if !entry.is_plural() {
            continue;
        }
        let forms = std::array::from_fn(|i| match &raw[i][key] {
            Entry::Plural(f) => f
                .iter()
                .filter(|(c, _)| *c != "other")
                .map(|(c, w)| (c.clone(), w.clone()))
                .collect(),
            Entry::Words(_) => BTreeMap::new(),
        });
        out.insert(key.clone(), forms);
    }
    out
}

/// Writes `plural_form`: a counted wording's form for a CLDR category in the locale at `locale`
/// (0 English, 1 Welsh, 2 Arabic), if the catalogue gives one other than "other". Every form but
/// English's gets the attribute `only_if` (such as a `#[cfg(...)]`), if given.
pub fn write_plurals(out: &mut String, plurals: &Plurals, only_if: Option<&str>) {
    out.push_str("/// The form of a counted wording for a CLDR plural category in the locale at `locale` (0 `en`, 1 `cy`, 2 `ar`), if its catalogue gives one; else the wording's table entry (its \"other\" form) stands.\n#[allow(unreachable_patterns, clippy::match_single_binding)]\npub(crate) fn plural_form(key: Key, locale: usize, category: &str) -> Option<&'static str> {\n    match (key, locale, category) {\n");
    for (key, forms) in plurals {
        for (i, f) in forms.iter().enumerate() {
            for (category, words) in f {
                if let Some(attribute) = only_if.filter(|_| i > 0) {
                    let _ = writeln!(out, "        {attribute}");
                }
                let _ = writeln!(
                    out,
                    "        (Key::{}, {i}, {category:?}) => Some({words:?}),",
                    variant(key)
                );
            }
        }
    }
    out.push_str("        _ => None,\n    }\n}\n\n");
}

/// Reads `dir/ar-f.json`, the Arabic wording in feminine forms: only the keys whose words differ
/// from `ar` (the masculine forms, which every other key keeps). Each key must be one of `ar`'s,
/// with other words but the same `{placeholders}`; a problem fails the build. Returns pairs of
/// (masculine, feminine) words, one per distinct masculine wording. Only my-say-ui's build uses it.
#[allow(dead_code)]
pub fn read_feminine(dir: &Path, ar: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let path = dir.join("ar-f.json");
    println!("cargo::rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let map: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_else(|e| {
        panic!(
            "{} is not a flat JSON object of strings: {e}",
            path.display()
        )
    });
    let mut pairs = BTreeMap::new();
    for (key, feminine) in map {
        let Some(masculine) = ar.get(&key) else {
            panic!(
                "{} has the key \"{key}\", which ar.json does not",
                path.display()
            );
        };
        if *masculine == feminine {
            panic!(
                "{}: \"{key}\" is the same as in ar.json: leave it out",
                path.display()
            );
        }
        if placeholders(masculine) != placeholders(&feminine) {
            panic!(
                "{}: \"{key}\" has other {{placeholders}} than ar.json",
                path.display()
            );
        }
        if let Some(other) = pairs.insert(masculine.clone(), feminine.clone()) {
            if other != feminine {
                panic!("{}: \"{key}\" has the same words in ar.json as another key, but other feminine words", path.display());
            }
        }
    }
    pairs
}

/// Writes `ar_feminine`, which turns Arabic (masculine) words into their feminine forms where
/// `ar-f.json` gives them, and returns any other words as they are; with the attribute `only_if`
/// (such as a `#[cfg(...)]`), if given.
#[allow(dead_code)]
pub fn write_feminine(out: &mut String, pairs: &BTreeMap<String, String>, only_if: Option<&str>) {
    if let Some(attribute) = only_if {
        let _ = writeln!(out, "{attribute}");
    }
    out.push_str("/// The feminine forms of these Arabic words, if `locales/ar-f.json` gives them; else the words.\npub(crate) fn ar_feminine(masculine: &'static str) -> &'static str {\n    match masculine {\n");
    for (masculine, feminine) in pairs {
        let _ = writeln!(out, "        {masculine:?} => {feminine:?},");
    }
    out.push_str("        other => other,\n    }\n}\n\n");
}

/// Writes the `Key` enum for `keys` (with `Key::ALL`, `KEY_COUNT` and `Key::name`), in order.
pub fn write_keys(out: &mut String, doc: &str, keys: &[(&String, &String)]) {
    let _ = writeln!(out, "/// {doc}");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for (key, english) in keys {
        let _ = writeln!(out, "    /// `{key}`: {english:?}");
        let _ = writeln!(out, "    {},", variant(key));
    }
    out.push_str("}\n\n");
    let _ = writeln!(
        out,
        "/// How many keys there are.\npub const KEY_COUNT: usize = {};",
        keys.len()
    );
    out.push_str("impl Key {\n    /// Every key, in catalogue order.\n    pub const ALL: [Key; KEY_COUNT] = [\n");
    for (key, _) in keys {
        let _ = writeln!(out, "        Key::{},", variant(key));
    }
    out.push_str("    ];\n    /// The key as written in the catalogues.\n    pub fn name(self) -> &'static str {\n        match self {\n");
    for (key, _) in keys {
        let _ = writeln!(out, "            Key::{} => {key:?},", variant(key));
    }
    out.push_str("        }\n    }\n}\n\n");
}

/// Writes what a catalogue on top of the shared one (the staff workspace's, or the tablet set-up
/// and surveys apps') has around its `Key` enum, whose first `shared` keys are
/// `my_say_ui::i18n::Key`'s in its order: `SHARED_COUNT`, `Key::shared` and
/// `From<my_say_ui::i18n::Key>`. (Not my-say-ui's own build's.)
#[allow(dead_code)]
pub fn write_over_shared(out: &mut String, shared: usize) {
    let _ = writeln!(
        out,
        "/// How many of the keys are shared (`my_say_ui::i18n::Key`); they come first.\npub const SHARED_COUNT: usize = {shared};\n"
    );
    out.push_str(
        "impl Key {
    /// The shared key this is, if it is one of the keys every app shares.
    pub fn shared(self) -> Option<my_say_ui::i18n::Key> {
        my_say_ui::i18n::Key::ALL.get(self as usize).copied()
    }
}

impl From<my_say_ui::i18n::Key> for Key {
    fn from(key: my_say_ui::i18n::Key) -> Key {
        // The shared keys come first, in the same order.
        Key::ALL[key as usize]
    }
}

",
    );
}

/// Writes one `[&str; len]` array per locale (`EN`, `CY`, `AR`) of `catalogue`'s wording. Every
/// array but English's gets the attribute `only_if` (such as a `#[cfg(...)]`), if given.
pub fn write_tables(out: &mut String, catalogue: &Catalogue, only_if: Option<&str>) {
    let len = catalogue[0].len();
    for (i, (code, map)) in LOCALES.iter().zip(catalogue).enumerate() {
        if let Some(attribute) = only_if.filter(|_| i > 0) {
            let _ = writeln!(out, "{attribute}");
        }
        let _ = writeln!(
            out,
            "pub(crate) const {}: [&str; {len}] = [",
            code.to_uppercase()
        );
        for key in catalogue[0].keys() {
            let _ = writeln!(out, "    {:?},", map[key]);
        }
        out.push_str("];\n\n");
    }
}
