//! Compiles the wording only the staff workspace uses (`locales/*.json` here) into Rust, after
//! the wording every app shares (`../my-say-ui/locales`), into one `i18n::Key` enum: the shared keys
//! first, in my-say-ui's order, then the staff keys. Only the staff keys' wording is written here;
//! the shared keys' is looked up in my-say-ui, so it is in the staff app once. A key also in the
//! shared catalogue or in the tablet set-up and surveys apps' (`../../locales`) fails the build. See docs/i18n.md.

#[path = "../my-say-ui/i18n_catalogue.rs"]
mod catalogue;

// The CLDR plural rules, which the catalogue checks counted wordings against.
#[allow(dead_code)]
#[path = "../my-say-core/src/plural.rs"]
mod plural;

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../my-say-core/src/plural.rs");
    println!("cargo::rerun-if-changed=../my-say-ui/i18n_catalogue.rs");
    let shared = catalogue::read(Path::new("../my-say-ui/locales"));
    let staff = catalogue::read(Path::new("locales"));
    // The tablet set-up and surveys apps' own catalogue, at the top of the repository: checked
    // here rather than in that package's build script, so that editing the staff wording never
    // rebuilds the child's app.
    let tablet = catalogue::read(Path::new("../../locales"));
    for (other, name) in [
        (&shared, "my-say-ui/locales"),
        (&tablet, "locales (the top level)"),
    ] {
        if let Some(both) = staff[0].keys().find(|k| other[0].contains_key(*k)) {
            panic!("\"{both}\" is in both {name} and my-say-staff/locales: keep it in one");
        }
    }
    let keys: Vec<_> = shared[0].iter().chain(staff[0].iter()).collect();
    let mut out = String::new();
    catalogue::write_keys(
        &mut out,
        "Every piece of wording the staff workspace uses: the keys every app shares (`my_say_ui::i18n::Key`, in its order), then the staff app's own (`locales/en.json` here).",
        &keys,
    );
    catalogue::write_over_shared(&mut out, shared[0].len());
    // The staff workspace keeps every language compiled in (docs/i18n.md).
    catalogue::write_tables(&mut out, &staff, None);
    catalogue::write_plurals(
        &mut out,
        &catalogue::read_plurals(Path::new("locales")),
        None,
    );
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("staff_text.rs");
    std::fs::write(dest, out).unwrap();
}
