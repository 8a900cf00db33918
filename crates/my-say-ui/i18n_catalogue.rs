//! Build-time only: reads the UI wording catalogues (`locales/<code>.json`) and writes them as
//! Rust. Used by two build scripts: my-say-ui's (the wording both apps use) and my-say-staff's
//! (the wording only the staff workspace uses, so a child's tablet never downloads it). See
//! docs/i18n.md.

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
pub fn read(dir: &Path) -> Catalogue {
    let mut catalogues: Catalogue = Vec::new();
    for code in LOCALES {
        let path = dir.join(format!("{code}.json"));
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let map: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!(
                "{} is not a flat JSON object of strings: {e}",
                path.display()
            )
        });
        catalogues.push(map);
    }
    let reference = &catalogues[0];
    for (code, map) in LOCALES.iter().zip(&catalogues).skip(1) {
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
/// `ar-f.json` gives them, and returns any other words as they are.
#[allow(dead_code)]
pub fn write_feminine(out: &mut String, pairs: &BTreeMap<String, String>) {
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

/// Writes one `[&str; len]` array per locale (`EN`, `CY`, `AR`) of `catalogue`'s wording.
pub fn write_tables(out: &mut String, catalogue: &Catalogue) {
    let len = catalogue[0].len();
    for (code, map) in LOCALES.iter().zip(catalogue) {
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
