//! Compiles the wording every app shares (`locales/*.json`) into Rust, so that a missing or
//! misspelt key is a compile error and no catalogue is parsed at start-up. See docs/i18n.md.
//!
//! English is always compiled in. Welsh and Arabic (with the feminine forms of `ar-f.json`) are
//! compiled in only with the `embedded-locales` feature (the staff workspace, the tests); for the
//! child's app they are also written to `OUT_DIR/locales/<code>.<sha16>.json`, named after their
//! content, which `tools/assemble.mjs` copies to `dist/locales/` and the app fetches when the
//! language is chosen (`i18n::I18n::choose`).

#[path = "i18n_catalogue.rs"]
mod catalogue;

// The CLDR plural rules, which the catalogue checks counted wordings against.
#[allow(dead_code)]
#[path = "../my-say-core/src/plural.rs"]
mod plural;

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The attribute on everything only the `embedded-locales` feature compiles in.
const EMBEDDED: &str = "#[cfg(feature = \"embedded-locales\")]";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../my-say-core/src/plural.rs");
    println!("cargo::rerun-if-changed=i18n_catalogue.rs");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    let shared = catalogue::read(Path::new("locales"));
    let keys: Vec<_> = shared[0].iter().collect();
    let mut out = String::new();
    catalogue::write_keys(
        &mut out,
        "Every piece of wording every app shares, by its key in `locales/en.json`.",
        &keys,
    );
    catalogue::write_tables(&mut out, &shared, Some(EMBEDDED));
    let plurals = catalogue::read_plurals(Path::new("locales"));
    catalogue::write_plurals(&mut out, &plurals, Some(EMBEDDED));
    let feminine = catalogue::read_feminine(Path::new("locales"), &shared[2]);
    catalogue::write_feminine(&mut out, &feminine, Some(EMBEDDED));
    let files = write_locale_files(Path::new(&out_dir), &shared, &plurals, &feminine);
    out.push_str("/// The file of each locale's wording under `/locales/` (0 `en`, which has none, 1 `cy`, 2 `ar`), named after its content.\npub(crate) const LOCALE_FILES: [Option<&str>; 3] = [None");
    for name in &files {
        let _ = write!(out, ", Some({name:?})");
    }
    out.push_str("];\n");
    // Always compiled in, every language: what the picker says in a language whose file did not
    // come (`Locale::native_try_again`).
    let try_again: Vec<&String> = shared
        .iter()
        .map(|l| &l["app.language_try_again"])
        .collect();
    let _ = writeln!(
        out,
        "/// `app.language_try_again` in each locale (0 `en`, 1 `cy`, 2 `ar`), whatever is compiled in.\npub(crate) const LANGUAGE_TRY_AGAIN: [&str; 3] = {try_again:?};"
    );
    std::fs::write(Path::new(&out_dir).join("ui_text.rs"), out).unwrap();
}

/// Writes each locale but English as `dir/locales/<code>.<sha16>.json`, a compact JSON array of
/// three arrays of strings: the words of every key in `Key` order (a counted wording's "other"
/// form); the other plural forms, three strings each (key index, category, words); and, for
/// Arabic, the feminine forms, two strings each (masculine words, feminine words: `ar-f.json`).
/// Only strings, so the app reads it with the `Vec<String>` reading it already has (measured:
/// 1.2 KB less gzip than tuples). Returns the file names, Welsh's first.
fn write_locale_files(
    dir: &Path,
    catalogue: &catalogue::Catalogue,
    plurals: &catalogue::Plurals,
    feminine: &BTreeMap<String, String>,
) -> Vec<String> {
    let dir = dir.join("locales");
    // An earlier build's files, named after older wording, are not this build's.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let index: BTreeMap<&String, usize> = catalogue[0]
        .keys()
        .enumerate()
        .map(|(i, k)| (k, i))
        .collect();
    let mut names = Vec::new();
    for (i, code) in catalogue::LOCALES.iter().enumerate().skip(1) {
        let words: Vec<&String> = catalogue[i].values().collect();
        let forms: Vec<String> = plurals
            .iter()
            .flat_map(|(key, forms)| {
                forms[i].iter().flat_map(|(category, words)| {
                    [index[key].to_string(), category.clone(), words.clone()]
                })
            })
            .collect();
        let pairs: Vec<&String> = if *code == "ar" {
            feminine.iter().flat_map(|(m, f)| [m, f]).collect()
        } else {
            Vec::new()
        };
        let json = serde_json::to_string(&serde_json::json!([words, forms, pairs])).unwrap();
        let digest = Sha256::digest(json.as_bytes());
        let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let name = format!("{code}.{hash}.json");
        std::fs::write(dir.join(&name), json).unwrap();
        names.push(name);
    }
    names
}
