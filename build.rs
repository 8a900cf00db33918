//! Compiles the UI wording in `locales/*.json` into Rust, so that a missing or misspelt key is a
//! compile error and no catalogue is parsed at start-up. See docs/i18n.md.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The locales in the order of `i18n::Locale`; the first is the reference every other must match.
const LOCALES: [&str; 3] = ["en", "cy", "ar"];

fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect();
    out.sort();
    out
}

fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut catalogues: Vec<BTreeMap<String, String>> = Vec::new();
    for code in LOCALES {
        let path = Path::new("locales").join(format!("{code}.json"));
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
        for key in reference.keys() {
            let Some(words) = map.get(key) else {
                panic!("locales/{code}.json lacks the key \"{key}\"");
            };
            if placeholders(words) != placeholders(&reference[key]) {
                panic!("locales/{code}.json: \"{key}\" has other {{placeholders}} than en.json");
            }
        }
        if let Some(extra) = map.keys().find(|k| !reference.contains_key(*k)) {
            panic!("locales/{code}.json has the key \"{extra}\", which en.json does not");
        }
    }

    let mut out = String::new();
    out.push_str("/// Every piece of UI wording, by its key in `locales/en.json`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Key {\n");
    for key in reference.keys() {
        let _ = writeln!(out, "    /// `{key}`: {:?}", reference[key]);
        let _ = writeln!(out, "    {},", variant(key));
    }
    out.push_str("}\n\n");
    let _ = writeln!(
        out,
        "/// How many keys there are.\npub const KEY_COUNT: usize = {};",
        reference.len()
    );
    out.push_str("impl Key {\n    /// Every key, in catalogue order.\n    pub const ALL: [Key; KEY_COUNT] = [\n");
    for key in reference.keys() {
        let _ = writeln!(out, "        Key::{},", variant(key));
    }
    out.push_str("    ];\n    /// The key as written in the catalogues.\n    pub fn name(self) -> &'static str {\n        match self {\n");
    for key in reference.keys() {
        let _ = writeln!(out, "            Key::{} => {key:?},", variant(key));
    }
    out.push_str("        }\n    }\n}\n\n");
    for (code, map) in LOCALES.iter().zip(&catalogues) {
        let _ = writeln!(
            out,
            "pub(crate) const {}: [&str; KEY_COUNT] = [",
            code.to_uppercase()
        );
        for key in reference.keys() {
            let _ = writeln!(out, "    {:?},", map[key]);
        }
        out.push_str("];\n\n");
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("ui_text.rs");
    std::fs::write(dest, out).unwrap();
}
