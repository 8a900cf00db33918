//! Compiles the wording only the tablet set-up and council surveys apps use (`locales/*.json`
//! here) into Rust, after the wording every app shares (`crates/my-say-ui/locales`), into one
//! `i18n::Key` enum: the shared keys first, in my-say-ui's order, then these. Only their English
//! is compiled in (Welsh and Arabic too for native tests); the shared keys' wording is looked up
//! in my-say-ui. Their Welsh and Arabic are written to `OUT_DIR/locales/tablet-<code>.<sha16>.json`,
//! which `tools/assemble.mjs` copies to `dist/tablet/locales/` (kept with the tablet set-up app)
//! and those apps fetch with the shared file when the language is chosen (`src/i18n.rs`). The child's app never uses this enum, so none of
//! this wording is in its wasm (docs/i18n.md). A key in two catalogues fails the build (here for
//! the shared one, in `crates/my-say-staff/build.rs` for the staff one).

// Shared with my-say-ui's and the staff app's build scripts; not every part is needed here.
#[allow(dead_code)]
#[path = "crates/my-say-ui/i18n_catalogue.rs"]
mod catalogue;

// The CLDR plural rules, which the catalogue checks counted wordings against.
#[allow(dead_code)]
#[path = "crates/my-say-core/src/plural.rs"]
mod plural;

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=crates/my-say-core/src/plural.rs");
    println!("cargo::rerun-if-changed=crates/my-say-ui/i18n_catalogue.rs");
    let out_dir = std::env::var("OUT_DIR").unwrap();
    let shared = catalogue::read(Path::new("crates/my-say-ui/locales"));
    let tablet = catalogue::read(Path::new("locales"));
    if let Some(both) = tablet[0].keys().find(|k| shared[0].contains_key(*k)) {
        panic!("\"{both}\" is in both crates/my-say-ui/locales and locales: keep it in one");
    }
    // A key in both this catalogue and the staff app's fails the staff app's build, which reads
    // this one: read here, every edit of the staff wording would rebuild the child's app.
    if let Some(counted) = catalogue::read_plurals(Path::new("locales")).keys().next() {
        panic!(
            "\"{counted}\" in locales counts: a counted wording goes in crates/my-say-ui/locales"
        );
    }
    let keys: Vec<_> = shared[0].iter().chain(tablet[0].iter()).collect();
    let mut out = String::new();
    catalogue::write_keys(
        &mut out,
        "Every piece of wording the tablet set-up and surveys apps use: the keys every app shares (`my_say_ui::i18n::Key`, in its order), then their own (`locales/en.json` here).",
        &keys,
    );
    catalogue::write_over_shared(&mut out, shared[0].len());
    catalogue::write_tables(&mut out, &tablet, Some("#[cfg(test)]"));
    let files = write_files(Path::new(&out_dir), &tablet);
    let _ = writeln!(
        out,
        "/// The file of each locale's own wording under `/locales/` (0 `en`, which has none, 1 `cy`, 2 `ar`), named after its content.\npub(crate) const FILES: [Option<&str>; 3] = [None, Some({:?}), Some({:?})];",
        files[0], files[1]
    );
    std::fs::write(Path::new(&out_dir).join("tablet_text.rs"), out).unwrap();
}

/// Writes each locale but English as `dir/locales/tablet-<code>.<sha16>.json`: a compact JSON
/// array holding one array, the words of every own key in order (the shape of the shared files'
/// first part, so the app reads it with the reading it has). Returns the names, Welsh's first.
fn write_files(dir: &Path, catalogue: &catalogue::Catalogue) -> Vec<String> {
    let dir = dir.join("locales");
    // An earlier build's files, named after older wording, are not this build's.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut names = Vec::new();
    for (i, code) in catalogue::LOCALES.iter().enumerate().skip(1) {
        let words: Vec<&String> = catalogue[i].values().collect();
        let json = serde_json::to_string(&[words]).unwrap();
        let digest = Sha256::digest(json.as_bytes());
        let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let name = format!("tablet-{code}.{hash}.json");
        std::fs::write(dir.join(&name), json).unwrap();
        names.push(name);
    }
    names
}
