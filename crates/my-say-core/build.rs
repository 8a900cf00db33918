//! The built-in booklets (`booklets/*.json`) as the apps get them: each is checked to be JSON
//! here, at build time, and written to `OUT_DIR/booklets/` without the white space between
//! tokens (the same document, a third smaller; every string is kept byte for byte), named
//! `<id>.<first 16 hex digits of its SHA-256>.json`, so a changed booklet is a new address that
//! no cache can answer with the old one. The files in `booklets/` stay readable for people.
//!
//! `OUT_DIR/builtin_files.rs`, which `src/builtin.rs` includes, names them: the staff workspace
//! compiles them in (the `embedded-booklets` feature), and `tools/assemble.mjs` copies
//! `OUT_DIR/booklets/` into the child's `dist/booklets/`, from where the child's app fetches one
//! band's file when a booklet starts. Checking them against the booklet format is a native test
//! (`builtin::tests`), which runs in `npm test`.

use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::path::Path;

/// The built-in booklets' ids, youngest band first (`AgeBand::ALL`'s order): the one list.
const BOOKLETS: [&str; 4] = ["review-4-6", "review-7-9", "review-10-15", "review-16-plus"];

/// `json` without the white space outside strings.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn main() {
    let out_dir = std::env::var("OUT_DIR").unwrap();
    // Only this build's files: a booklet changed since the last build leaves no older copy here.
    let served = Path::new(&out_dir).join("booklets");
    let _ = std::fs::remove_dir_all(&served);
    std::fs::create_dir_all(&served).unwrap();
    let mut names = Vec::new();
    for name in BOOKLETS {
        let path = Path::new("booklets").join(format!("{name}.json"));
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let original: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
        let compacted = compact(&text);
        let again: serde_json::Value = serde_json::from_str(&compacted).unwrap();
        assert_eq!(again, original, "compacting {} changed it", path.display());
        let digest = Sha256::digest(compacted.as_bytes());
        let hash = digest[..8].iter().fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        });
        let file = format!("{name}.{hash}.json");
        std::fs::write(served.join(&file), compacted).unwrap();
        names.push(file);
    }
    let list = |items: &[String]| {
        items
            .iter()
            .map(|s| format!("{s:?}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ids: Vec<String> = BOOKLETS.iter().map(|s| s.to_string()).collect();
    let includes: Vec<String> = names
        .iter()
        .map(|f| format!("include_str!(concat!(env!(\"OUT_DIR\"), \"/booklets/{f}\"))"))
        .collect();
    let rust = format!(
        "/// The built-in booklets' ids, youngest band first (build.rs).\n\
         const BUILTIN_IDS: [&str; 4] = [{}];\n\
         /// Each built-in booklet's compact file, in the same order: `<id>.<hash>.json` (build.rs).\n\
         const BUILTIN_FILE_NAMES: [&str; 4] = [{}];\n\
         /// The compact files themselves, in the same order.\n\
         #[cfg(feature = \"embedded-booklets\")]\n\
         const BUILTIN_JSON: [&str; 4] = [{}];\n",
        list(&ids),
        list(&names),
        includes.join(", ")
    );
    std::fs::write(Path::new(&out_dir).join("builtin_files.rs"), rust).unwrap();
}
