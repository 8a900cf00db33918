//! Moving public keys to tablets: the setup code (for a link or QR code) and the JSON key file.

use super::codec::{b64, unb64, Reader};
use super::envelope::MAX_RECIPIENTS;
use super::keys::{check_name, IroIdentity, PublicKey, KEY_LEN};
use super::wrap::FormatProbe;
use crate::name::NameProblem;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// Text before the base64url body of a setup code.
pub const SETUP_PREFIX: &str = "mysay-setup.";
/// The setup code version this code writes (and the newest it reads).
pub const SETUP_VERSION: u8 = 1;
/// `format` value of a public key file.
pub const KEY_FILE_FORMAT: &str = "my-say-public-key";
/// Current key file version.
pub const KEY_FILE_VERSION: u32 = 1;

/// Domain separation for the setup code's typo check.
const SETUP_CHECK_DOMAIN: &[u8] = b"my-say setup code v1\0";
const SETUP_CHECK_LEN: usize = 4;

/// Why a key file, setup code or recovery file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyFileError {
    /// Not a My Say file of the expected kind.
    WrongKind {
        /// What was expected, such as "public key file".
        expected: &'static str,
    },
    /// Made by a newer My Say.
    FutureVersion {
        /// The version found.
        found: u32,
    },
    /// Missing or malformed field (named, for support).
    Malformed(&'static str),
    /// The setup code's check digits do not match: mistyped or cut short.
    Mistyped,
    /// The fingerprint written in the file is not the key's.
    FingerprintMismatch,
    /// A name that is empty, too long, not on one line, has hidden characters or looks like a
    /// fingerprint.
    InvalidName(NameProblem),
    /// A key no one can hold (a low-order point).
    InvalidKey,
    /// No keys, or more than 8.
    RecipientCount,
    /// The same key twice.
    DuplicateRecipient,
}

impl fmt::Display for KeyFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyFileError::WrongKind { expected } => {
                write!(
                    f,
                    "This is not a My Say {expected}. Check you chose the right file."
                )
            }
            KeyFileError::FutureVersion { found } => write!(
                f,
                "This was made by a newer version of My Say (version {found}). Update My Say on \
                 this device and try again."
            ),
            KeyFileError::Malformed(what) => write!(
                f,
                "This file or code is damaged and cannot be read (problem with: {what})."
            ),
            KeyFileError::Mistyped => f.write_str(
                "This setup code is not complete or has a mistake in it. Copy the whole link \
                 again, or scan the QR code.",
            ),
            KeyFileError::FingerprintMismatch => f.write_str(
                "This file has been changed: the fingerprint written in it does not match its key.",
            ),
            KeyFileError::InvalidName(problem) => problem.fmt(f),
            KeyFileError::InvalidKey => f.write_str("This key is not a usable key."),
            KeyFileError::RecipientCount => {
                f.write_str("A tablet can be set up for between 1 and 8 people's keys.")
            }
            KeyFileError::DuplicateRecipient => f.write_str("The same key is listed twice."),
        }
    }
}

impl std::error::Error for KeyFileError {}

/// Checks `format` and `version` of a JSON file before its shape.
pub(crate) fn check_format(
    text: &str,
    format: &str,
    version: u32,
    expected: &'static str,
) -> Result<(), KeyFileError> {
    let probe: FormatProbe =
        serde_json::from_str(text).map_err(|_| KeyFileError::WrongKind { expected })?;
    if probe.format != format {
        return Err(KeyFileError::WrongKind { expected });
    }
    match probe.version {
        v if v == version => Ok(()),
        0 => Err(KeyFileError::Malformed("version")),
        found if found > version => Err(KeyFileError::FutureVersion { found }),
        _ => Err(KeyFileError::Malformed("version")),
    }
}

/// What a tablet is set up with: the people its answers are sealed to (an IRO, and perhaps
/// their team manager).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetupCode {
    recipients: Vec<IroIdentity>,
}

impl SetupCode {
    /// A setup for 1 to 8 distinct people.
    /// Names are checked ([`crate::name::check_name`]) and trimmed.
    pub fn new(mut recipients: Vec<IroIdentity>) -> Result<Self, KeyFileError> {
        if recipients.is_empty() || recipients.len() > MAX_RECIPIENTS {
            return Err(KeyFileError::RecipientCount);
        }
        for r in &mut recipients {
            r.display_name = check_name(&r.display_name)?;
        }
        for (i, r) in recipients.iter().enumerate() {
            if recipients[..i]
                .iter()
                .any(|o| o.fingerprint() == r.fingerprint())
            {
                return Err(KeyFileError::DuplicateRecipient);
            }
        }
        Ok(SetupCode { recipients })
    }

    /// The people, in order (the first is the child's IRO).
    pub fn recipients(&self) -> &[IroIdentity] {
        &self.recipients
    }

    /// A tablet's recipients with `identity` added, as from an IRO's key file: `current` (none
    /// on a tablet not set up yet) and then `identity`. Someone already there with the same key
    /// is renewed (the file's name, moved last) rather than listed twice. Refused as
    /// [`SetupCode::new`] refuses: more than 8 people, or a name that pretends.
    pub fn adding(
        current: Option<&SetupCode>,
        identity: IroIdentity,
    ) -> Result<SetupCode, KeyFileError> {
        let mut recipients: Vec<IroIdentity> =
            current.map(|c| c.recipients.clone()).unwrap_or_default();
        recipients.retain(|r| r.public_key != identity.public_key);
        recipients.push(identity);
        SetupCode::new(recipients)
    }

    /// Their public keys, to pass to [`super::seal`].
    pub fn public_keys(&self) -> Vec<PublicKey> {
        self.recipients.iter().map(|r| r.public_key).collect()
    }

    fn body(&self) -> Vec<u8> {
        let mut out = vec![
            SETUP_VERSION,
            u8::try_from(self.recipients.len()).expect("at most 8"),
        ];
        for r in &self.recipients {
            out.extend_from_slice(&r.public_key.to_bytes());
            out.push(u8::try_from(r.display_name.len()).expect("names are at most 100 bytes"));
            out.extend_from_slice(r.display_name.as_bytes());
        }
        let check = setup_check(&out);
        out.extend_from_slice(&check);
        out
    }

    /// The code to put after `#` in a setup link: `mysay-setup.` and unpadded base64url.
    pub fn to_fragment(&self) -> String {
        format!("{SETUP_PREFIX}{}", b64(&self.body()))
    }

    /// Reads a setup code: the bare code, `#` and the code, or a whole link ending in it.
    pub fn from_fragment(text: &str) -> Result<Self, KeyFileError> {
        let text = text.trim();
        let code = match text.rfind(SETUP_PREFIX) {
            Some(at) => &text[at + SETUP_PREFIX.len()..],
            None => {
                return Err(KeyFileError::WrongKind {
                    expected: "setup code",
                })
            }
        };
        let bytes = unb64(code).ok_or(KeyFileError::Mistyped)?;
        let version = *bytes.first().ok_or(KeyFileError::Mistyped)?;
        if bytes.len() < 2 + SETUP_CHECK_LEN {
            return Err(KeyFileError::Mistyped);
        }
        let (body, check) = bytes.split_at(bytes.len() - SETUP_CHECK_LEN);
        if setup_check(body) != check || version != SETUP_VERSION {
            // Version dispatch would go here; a newer code's check may be computed differently.
            return Err(if version > SETUP_VERSION {
                KeyFileError::FutureVersion {
                    found: u32::from(version),
                }
            } else {
                KeyFileError::Mistyped
            });
        }
        let mut r = Reader::new(body);
        let short = |_| KeyFileError::Mistyped;
        r.u8().map_err(short)?;
        let n = usize::from(r.u8().map_err(short)?);
        let mut recipients = Vec::with_capacity(n.min(MAX_RECIPIENTS));
        for _ in 0..n {
            let key = PublicKey::from_bytes(r.array::<KEY_LEN>().map_err(short)?)?;
            let len = usize::from(r.u8().map_err(short)?);
            let name = std::str::from_utf8(r.take(len).map_err(short)?)
                .map_err(|_| KeyFileError::Malformed("name"))?;
            if recipients.len() >= MAX_RECIPIENTS {
                return Err(KeyFileError::RecipientCount);
            }
            recipients.push(IroIdentity {
                display_name: name.to_owned(),
                public_key: key,
            });
        }
        if r.position() != body.len() {
            return Err(KeyFileError::Malformed("setup code length"));
        }
        Self::new(recipients)
    }
}

/// One person a tablet seals for, as its screens show them: the name and the fingerprint in
/// words ([`super::Fingerprint`]'s `Display`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownRecipient {
    /// The name in the set-up code.
    pub name: String,
    /// The fingerprint of their public key, as the screens write it ("ABCD-EFGH-…").
    pub fingerprint: String,
}

/// A tablet's set-up code as the start screen shows it: the code, and whom it seals for as the
/// screens show them, worked out from the code once, when the tablet is set up
/// ([`SetupCode::kept`]). The tablet keeps it beside the code sealing reads; the start screen
/// shows [`KeptSetup::shown`] only while [`KeptSetup::code`] is that very code, and never reads
/// keys: the child's app then carries no key reader, SHA-256 or base64 (docs/size.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptSetup {
    /// The set-up code ([`SetupCode::to_fragment`]).
    pub code: String,
    /// The code's recipients, in order, as shown.
    pub shown: Vec<ShownRecipient>,
}

impl SetupCode {
    /// Whom it seals for, in order, as the screens show them.
    pub fn shown(&self) -> Vec<ShownRecipient> {
        self.recipients
            .iter()
            .map(|r| ShownRecipient {
                name: r.display_name.clone(),
                fingerprint: r.fingerprint().to_string(),
            })
            .collect()
    }

    /// The code as a tablet keeps it, with whom it seals for as shown.
    pub fn kept(&self) -> KeptSetup {
        KeptSetup {
            code: self.to_fragment(),
            shown: self.shown(),
        }
    }
}

fn setup_check(body: &[u8]) -> [u8; SETUP_CHECK_LEN] {
    let mut h = Sha256::new();
    h.update(SETUP_CHECK_DOMAIN);
    h.update(body);
    let d = h.finalize();
    let mut out = [0u8; SETUP_CHECK_LEN];
    out.copy_from_slice(&d[..SETUP_CHECK_LEN]);
    out
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFileJson {
    format: String,
    version: u32,
    display_name: String,
    public_key: String,
    fingerprint: String,
}

impl IroIdentity {
    /// The public key file (pretty JSON) an IRO shares with whoever sets up tablets or adds them
    /// to a team.
    pub fn to_key_file(&self) -> String {
        let j = KeyFileJson {
            format: KEY_FILE_FORMAT.to_owned(),
            version: KEY_FILE_VERSION,
            display_name: self.display_name.clone(),
            public_key: self.public_key.to_base64(),
            fingerprint: self.fingerprint().to_string(),
        };
        serde_json::to_string_pretty(&j).expect("plain data serializes")
    }

    /// Reads a public key file, checking its fingerprint.
    pub fn from_key_file(text: &str) -> Result<Self, KeyFileError> {
        check_format(text, KEY_FILE_FORMAT, KEY_FILE_VERSION, "public key file")?;
        let j: KeyFileJson =
            serde_json::from_str(text).map_err(|_| KeyFileError::Malformed("key file JSON"))?;
        let public_key = PublicKey::from_base64(&j.public_key)?;
        if j.fingerprint != public_key.fingerprint().to_string() {
            return Err(KeyFileError::FingerprintMismatch);
        }
        IroIdentity::new(&j.display_name, public_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seal::PrivateKey;

    /// A setup code naming `name`, written byte by byte as a stranger could, check digits and all.
    fn crafted_code(name: &str) -> String {
        let key = PrivateKey::from_bytes(&[7; 32]).public_key();
        let mut body = vec![SETUP_VERSION, 1];
        body.extend_from_slice(&key.to_bytes());
        body.push(u8::try_from(name.len()).unwrap());
        body.extend_from_slice(name.as_bytes());
        let check = setup_check(&body);
        body.extend_from_slice(&check);
        format!("https://my-say.example/tablet#{SETUP_PREFIX}{}", b64(&body))
    }

    /// A key file naming `name`, with the right fingerprint.
    fn crafted_key_file(name: &str) -> String {
        let key = PrivateKey::from_bytes(&[7; 32]).public_key();
        serde_json::json!({
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "display_name": name,
            "public_key": key.to_base64(),
            "fingerprint": key.fingerprint().to_string(),
        })
        .to_string()
    }

    #[test]
    fn links_and_key_files_refuse_names_that_pretend() {
        let key = PrivateKey::from_bytes(&[7; 32]).public_key();
        let shown = key.fingerprint().to_string();
        for (name, problem) in [
            // Shown right to left: "Sam Patel (IRO)" to the eye, something else underneath.
            ("Sam \u{202E})ORI( letaP", NameProblem::Hidden),
            ("Sam\u{200B}Patel", NameProblem::Hidden),
            ("\u{2067}Sam Patel\u{2069}", NameProblem::Hidden),
            (
                &*format!("Sam Patel {shown}"),
                NameProblem::LooksLikeFingerprint,
            ),
        ] {
            assert_eq!(
                SetupCode::from_fragment(&crafted_code(name)),
                Err(KeyFileError::InvalidName(problem)),
                "{name}"
            );
            assert_eq!(
                IroIdentity::from_key_file(&crafted_key_file(name)),
                Err(KeyFileError::InvalidName(problem)),
                "{name}"
            );
            assert!(!KeyFileError::InvalidName(problem).to_string().is_empty());
        }
        // The same crafting with an honest name is read, so the refusals above are the name's.
        let ok = SetupCode::from_fragment(&crafted_code("Sam Patel")).unwrap();
        assert_eq!(ok.recipients()[0].display_name, "Sam Patel");
        assert!(IroIdentity::from_key_file(&crafted_key_file("Sam Patel")).is_ok());
    }

    #[test]
    fn names_are_trimmed_when_a_setup_is_made() {
        let key = PrivateKey::from_bytes(&[7; 32]).public_key();
        let padded = IroIdentity {
            display_name: "  Sam Patel ".into(),
            public_key: key,
        };
        let code = SetupCode::new(vec![padded]).unwrap();
        assert_eq!(code.recipients()[0].display_name, "Sam Patel");
    }

    #[test]
    fn an_iro_added_from_a_key_file_comes_last_once_and_a_ninth_is_refused() {
        let person = |name: &str, seed: u8| {
            IroIdentity::new(name, PrivateKey::from_bytes(&[seed; 32]).public_key()).unwrap()
        };
        let names = |code: &SetupCode| -> Vec<String> {
            code.recipients()
                .iter()
                .map(|r| r.display_name.clone())
                .collect()
        };
        // A tablet not set up yet: the file's IRO alone.
        let one = SetupCode::adding(None, person("Sam", 1)).unwrap();
        assert_eq!(names(&one), ["Sam"]);
        let two = SetupCode::adding(Some(&one), person("Jo", 2)).unwrap();
        assert_eq!(names(&two), ["Sam", "Jo"]);
        // Sam's key again, under a new name: renewed and moved last, not listed twice.
        let renewed = SetupCode::adding(Some(&two), person("Sam Patel", 1)).unwrap();
        assert_eq!(names(&renewed), ["Jo", "Sam Patel"]);
        let mut full = renewed;
        for seed in 3..=8 {
            full = SetupCode::adding(Some(&full), person(&format!("IRO {seed}"), seed)).unwrap();
        }
        assert_eq!(full.recipients().len(), 8);
        assert_eq!(
            SetupCode::adding(Some(&full), person("Nine", 9)),
            Err(KeyFileError::RecipientCount)
        );
    }

    #[test]
    fn a_kept_setup_shows_the_codes_people_and_fingerprints_in_order_and_reads_back() {
        let people = [("Sam Patel", 7u8), ("Jo Team-Manager", 9u8)]
            .map(|(name, seed)| {
                let key = PrivateKey::from_bytes(&[seed; 32]).public_key();
                IroIdentity::new(name, key).unwrap()
            })
            .to_vec();
        let code = SetupCode::new(people.clone()).unwrap();
        let kept = code.kept();
        assert_eq!(
            kept.shown,
            people
                .iter()
                .map(|p| ShownRecipient {
                    name: p.display_name.clone(),
                    fingerprint: p.fingerprint().to_string(),
                })
                .collect::<Vec<_>>()
        );
        // The fingerprint is written as the screens always wrote it: groups of four.
        assert!(kept.shown[0].fingerprint.contains('-'));
        assert_ne!(kept.shown[0].fingerprint, kept.shown[1].fingerprint);
        // As kept (JSON in the device store) and read back: the same code, the same people.
        let json = serde_json::to_string(&kept).unwrap();
        let back: KeptSetup = serde_json::from_str(&json).unwrap();
        assert_eq!(back, kept);
        assert_eq!(SetupCode::from_fragment(&back.code).unwrap(), code);
        // A damaged code is refused, not shown as someone else.
        let broken = KeptSetup {
            code: kept.code.replace(SETUP_PREFIX, "nope."),
            ..kept
        };
        assert!(SetupCode::from_fragment(&broken.code).is_err());
    }
}
