//! The built-in booklets (`booklets/*.json`) as the binary carries them: each is checked to be
//! JSON here, at build time, and written to `OUT_DIR` without the white space between tokens
//! (the same document, a third smaller; every string is kept byte for byte). `src/builtin.rs`
//! includes these compact copies; the files in `booklets/` stay readable for people. Checking
//! them against the booklet format is a native test (`builtin::tests`), which runs in `npm test`.

use std::path::Path;

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
        std::fs::write(Path::new(&out_dir).join(format!("{name}.json")), compacted).unwrap();
    }
}
