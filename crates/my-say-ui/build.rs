//! Compiles the wording both apps use (`locales/*.json`) into Rust, so that a missing or
//! misspelt key is a compile error and no catalogue is parsed at start-up. See docs/i18n.md.

#[path = "i18n_catalogue.rs"]
mod catalogue;

// The CLDR plural rules, which the catalogue checks counted wordings against.
#[allow(dead_code)]
#[path = "../my-say-core/src/plural.rs"]
mod plural;

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../my-say-core/src/plural.rs");
    println!("cargo::rerun-if-changed=i18n_catalogue.rs");
    let shared = catalogue::read(Path::new("locales"));
    let keys: Vec<_> = shared[0].iter().collect();
    let mut out = String::new();
    catalogue::write_keys(
        &mut out,
        "Every piece of wording both apps use, by its key in `locales/en.json`.",
        &keys,
    );
    catalogue::write_tables(&mut out, &shared);
    catalogue::write_plurals(&mut out, &catalogue::read_plurals(Path::new("locales")));
    let feminine = catalogue::read_feminine(Path::new("locales"), &shared[2]);
    catalogue::write_feminine(&mut out, &feminine);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("ui_text.rs");
    std::fs::write(dest, out).unwrap();
}
