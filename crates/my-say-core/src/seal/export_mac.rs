//! The workspace export's MAC: a workspace file says whether it was made by this workspace and
//! not changed since (`docs/exports.md`, "Authentication"; `docs/sealed-format.md`).
//!
//! Standard constructions only: HMAC-SHA256 (RFC 2104) under a key derived with HKDF-SHA256
//! (RFC 5869) from the workspace's X25519 private key, with its own label
//! ([`EXPORT_MAC_INFO`]), so the key is used for nothing else and the private key cannot be
//! worked back from it.
//!
//! The MAC covers the exact bytes of the export's JSON (the *body*, as
//! `WorkspaceExport::to_json` writes it, which always ends with a newline and `}`). The file
//! carries it as the body's last member, in one fixed shape, so that the body can be cut back
//! out byte for byte:
//!
//! ```text
//! file = body without its final "\n}" + ",\n  \"mac\": \"hmac-sha256:" + 43 base64url + "\"\n}"
//! ```
//!
//! White space after the final `}` is allowed (an editor may add a newline); anything else that
//! differs from this shape is read as a file with no MAC.

use super::codec::{b64, unb64_array};
use super::keys::PrivateKey;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

/// HKDF-SHA256's `info` for the workspace export's MAC key (salt: none). Version 1.
pub const EXPORT_MAC_INFO: &[u8] = b"my-say workspace-export hmac-sha256 key v1";

/// The start of the MAC member, which ends the file.
const MEMBER_START: &str = ",\n  \"mac\": \"hmac-sha256:";
/// The end of the MAC member and of the file.
const MEMBER_END: &str = "\"\n}";
/// How the body ends: the member goes in its place.
const BODY_END: &str = "\n}";
/// The MAC in unpadded base64url: 32 bytes.
const MAC_CHARS: usize = 43;

/// HMAC-SHA256's output.
pub type ExportMac = [u8; 32];

/// The MAC key for this workspace's exports.
fn mac_key(key: &PrivateKey) -> Zeroizing<[u8; 32]> {
    let secret = key.to_bytes();
    let mut okm = Zeroizing::new([0u8; 32]);
    hkdf::Hkdf::<Sha256>::new(None, &secret[..])
        .expand(EXPORT_MAC_INFO, &mut okm[..])
        .expect("32 bytes is a valid HKDF-SHA256 length");
    okm
}

fn hmac(key: &PrivateKey, body: &str) -> Hmac<Sha256> {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&mac_key(key)[..])
        .expect("HMAC takes a key of any length");
    mac.update(body.as_bytes());
    mac
}

/// The body with its MAC under `key` appended as its last member. `body` must be an export as
/// `WorkspaceExport::to_json` writes it (indented JSON ending in a newline and `}`).
pub fn append_export_mac(body: &str, key: &PrivateKey) -> String {
    let start = body
        .strip_suffix(BODY_END)
        .expect("an indented JSON object ends with a newline and }");
    let tag: ExportMac = hmac(key, body).finalize().into_bytes().into();
    format!("{start}{MEMBER_START}{}{MEMBER_END}", b64(&tag))
}

/// Cuts a file into its body and MAC, if it ends with the MAC member in its one shape; `None`
/// for a file without one (an older version's, or one whose end was edited).
pub fn split_export_mac(file: &str) -> Option<(String, ExportMac)> {
    let file = file.trim_end_matches([' ', '\t', '\r', '\n']);
    let rest = file.strip_suffix(MEMBER_END)?;
    let cut = rest.len().checked_sub(MAC_CHARS)?;
    let tag = unb64_array::<32>(rest.get(cut..)?)?;
    let start = rest.get(..cut)?.strip_suffix(MEMBER_START)?;
    Some((format!("{start}{BODY_END}"), tag))
}

/// Whether `tag` is the MAC of `body` under this workspace's key (compared in constant time).
pub fn export_mac_matches(body: &str, tag: &ExportMac, key: &PrivateKey) -> bool {
    hmac(key, body).verify_slice(tag).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seal::generate_keypair;
    use chacha20::ChaCha20Rng;
    use rand_core::SeedableRng;

    fn key(seed: u8) -> PrivateKey {
        generate_keypair(&mut ChaCha20Rng::from_seed([seed; 32])).0
    }

    const BODY: &str = "{\n  \"format\": \"my-say/workspace-export\",\n  \"note\": \"Tia ŵ\"\n}";

    #[test]
    fn a_file_made_here_splits_back_into_its_body_and_checks() {
        let me = key(1);
        let file = append_export_mac(BODY, &me);
        assert!(file.starts_with("{\n  \"format\""));
        assert!(file.ends_with("\"\n}"));
        assert!(file.contains(",\n  \"mac\": \"hmac-sha256:"));
        serde_json::from_str::<serde_json::Value>(&file).expect("still JSON");
        let (body, tag) = split_export_mac(&file).unwrap();
        assert_eq!(body, BODY);
        assert!(export_mac_matches(&body, &tag, &me));
        // An editor's newline at the end changes nothing.
        let (body, tag) = split_export_mac(&format!("{file}\r\n")).unwrap();
        assert!(export_mac_matches(&body, &tag, &me));
    }

    #[test]
    fn another_workspace_and_one_edited_byte_are_refused() {
        let me = key(1);
        let file = append_export_mac(BODY, &me);
        let (body, tag) = split_export_mac(&file).unwrap();
        assert!(!export_mac_matches(&body, &tag, &key(2)));
        // Every single byte of the body changed (to another ASCII letter) fails.
        for i in 0..body.len() {
            if !body.as_bytes()[i].is_ascii_alphabetic() {
                continue;
            }
            let mut edited = body.clone().into_bytes();
            edited[i] ^= 0x20; // a letter's case
            let edited = String::from_utf8(edited).unwrap();
            let file = format!("{}{}", &edited[..edited.len() - 2], &file[body.len() - 2..]);
            let (cut, tag) = split_export_mac(&file).unwrap();
            assert_eq!(cut, edited);
            assert!(!export_mac_matches(&cut, &tag, &me), "byte {i}");
        }
        // A changed MAC fails too.
        let mut bad = tag;
        bad[0] ^= 1;
        assert!(!export_mac_matches(&body, &bad, &me));
    }

    #[test]
    fn files_without_the_member_in_its_one_shape_have_no_mac() {
        let me = key(1);
        let file = append_export_mac(BODY, &me);
        assert_eq!(split_export_mac(BODY), None);
        assert_eq!(split_export_mac(""), None);
        assert_eq!(split_export_mac("\"\n}"), None);
        // Compact, re-indented, or with one character of the MAC cut off.
        let value: serde_json::Value = serde_json::from_str(&file).unwrap();
        assert_eq!(split_export_mac(&value.to_string()), None);
        let cut = file.replacen("\"\n}", "\n}", 1);
        assert_eq!(split_export_mac(&cut), None);
        let short = format!("{}\"\n}}", &file[..file.len() - 4]);
        assert_eq!(split_export_mac(&short), None);
    }

    #[test]
    fn the_mac_is_pinned_and_matches_an_independent_implementation() {
        // A file made by one version must check in the next: a change to the derivation or the
        // label fails here. The value was computed independently with Python's `hmac` and
        // `hashlib` (HKDF written out as RFC 5869 gives it, salt 32 zero bytes, over the
        // private key e0b475cc…867446 that seed 1 gives).
        let file = append_export_mac(BODY, &key(1));
        assert!(
            file.ends_with(
                ",\n  \"mac\": \"hmac-sha256:TVg2KBYaUh5CZv5kJxI6WM6p-6cnxy0QJGoYuPKZm8U\"\n}"
            ),
            "{file}"
        );
        assert_ne!(mac_key(&key(1))[..], key(1).to_bytes()[..]);
    }
}
