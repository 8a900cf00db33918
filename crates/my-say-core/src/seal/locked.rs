//! A stopped booklet, locked with the child's own code, so that it opens only for its child.
//!
//! On "Stop for now" the child (or an adult, for them) chooses a code: four pictures in order
//! for 4 to 9 year olds, a number of 4 to 6 digits from 10. PBKDF2-HMAC-SHA256 (RFC 8018)
//! stretches the code with a random salt into a key, which encrypts the draft with
//! ChaCha20-Poly1305. (Not Argon2id, as for the IRO's wrapped key: PBKDF2 reuses the SHA-256
//! and HMAC the sealing already brings and asks an old tablet for no 19 MiB per try; with codes
//! this short the stretching only slows guessing, see below.) The app then stores the locked
//! draft in the device store, which encrypts it again under the browser's non-extractable device
//! key: opening it needs both this browser profile and the code.
//!
//! What is in the clear (inside the device-key layer): the child's initials, the age band, which
//! booklet, its language, when it was started and stopped, the kind of code, and the count of
//! wrong tries. After
//! [`FREE_TRIES`] wrong codes each further try waits, longer every time ([`LockedDraft::wait_ms`]).
//! A forgotten code cannot be recovered: an adult can discard the draft, never open it.
//!
//! What this does not protect against: someone with the browser profile and unlimited time can
//! try every code without the app's waits (6,561 picture codes, at most a million numbers), each
//! try costing one PBKDF2 run of [`PBKDF2_ITERATIONS`]. See `docs/threat-model.md`.

use super::codec::{b64, unb64, unb64_array};
use super::wrap::{NONCE_LEN, SALT_LEN};
use super::{aead_open, aead_seal};
use crate::age_band::AgeBand;
use crate::session::Draft;
use crate::text::LocaleCode;
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::Zeroizing;

/// How many pictures a picture code has.
pub const PICTURE_CODE_LEN: usize = 4;
/// How many pictures there are to choose from.
pub const PICTURE_CHOICES: u8 = 9;
/// The shortest and longest number code.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=6;
/// Wrong codes allowed before the app makes each further try wait.
pub const FREE_TRIES: u32 = 3;
/// The longest wait between tries: 15 minutes.
pub const MAX_WAIT_MS: u64 = 15 * 60 * 1000;

/// The locked draft's associated data starts with this (domain separation).
const LOCK_DOMAIN: &[u8] = b"my-say locked draft v1\0";

/// PBKDF2-HMAC-SHA256 iterations for a new locked draft (OWASP's 2023 figure).
pub const PBKDF2_ITERATIONS: u32 = 600_000;
/// The most iterations a stored locked draft may ask for, so a damaged one cannot hang the page.
const MAX_ITERATIONS: u32 = 10_000_000;

/// The format version of a [`LockedDraft`].
pub const LOCKED_DRAFT_VERSION: u32 = 1;

/// Which kind of code a child chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// Four pictures in order (4 to 9 year olds).
    Pictures,
    /// A number of 4 to 6 digits (10 and over).
    Number,
}

crate::serde_by_hand::by_name!(CodeKind {
    Pictures = "pictures",
    Number = "number",
});

impl CodeKind {
    /// The kind of code for a child of this age band.
    pub fn for_band(band: AgeBand) -> CodeKind {
        match band {
            AgeBand::FourToSix | AgeBand::SevenToNine => CodeKind::Pictures,
            _ => CodeKind::Number,
        }
    }
}

/// A child's code, checked and in its one canonical form.
#[derive(Clone, PartialEq, Eq)]
pub struct DraftCode {
    kind: CodeKind,
    text: String,
}

impl fmt::Debug for DraftCode {
    /// Never prints the code itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DraftCode({:?}, hidden)", self.kind)
    }
}

impl DraftCode {
    /// A picture code: exactly [`PICTURE_CODE_LEN`] pictures, each below [`PICTURE_CHOICES`]
    /// (the same picture may come more than once).
    pub fn pictures(picks: &[u8]) -> Result<DraftCode, LockError> {
        if picks.len() != PICTURE_CODE_LEN || picks.iter().any(|&p| p >= PICTURE_CHOICES) {
            return Err(LockError::BadCode(CodeKind::Pictures));
        }
        Ok(DraftCode {
            kind: CodeKind::Pictures,
            text: picks.iter().map(|p| char::from(b'1' + p)).collect(),
        })
    }

    /// A number code: 4 to 6 digits 0 to 9, spaces around it ignored.
    pub fn number(digits: &str) -> Result<DraftCode, LockError> {
        let digits = digits.trim();
        if !PIN_DIGITS.contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(LockError::BadCode(CodeKind::Number));
        }
        Ok(DraftCode {
            kind: CodeKind::Number,
            text: digits.to_owned(),
        })
    }

    /// Which kind of code this is.
    pub fn kind(&self) -> CodeKind {
        self.kind
    }
}

/// Why a draft could not be locked or opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockError {
    /// Not a code of this kind (the wrong number of pictures or digits).
    BadCode(CodeKind),
    /// The code does not open this draft.
    WrongCode,
    /// Too many wrong codes: the next try may be made after this many milliseconds.
    Wait(u64),
    /// The locked draft is damaged or from a newer version of My Say.
    Damaged,
    /// The stored stretching asks for far more work than My Say will do.
    Kdf,
}

impl fmt::Display for LockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LockError::BadCode(CodeKind::Pictures) => {
                write!(f, "Choose {PICTURE_CODE_LEN} pictures.")
            }
            LockError::BadCode(CodeKind::Number) => {
                f.write_str("Choose a number of 4 to 6 digits.")
            }
            LockError::WrongCode => f.write_str("That is not the code."),
            LockError::Wait(ms) => write!(f, "Too many tries. Wait {} seconds.", ms.div_ceil(1000)),
            LockError::Damaged => {
                f.write_str("This saved booklet is damaged and cannot be opened.")
            }
            LockError::Kdf => f.write_str("This device could not check the code. Try again."),
        }
    }
}

impl std::error::Error for LockError {}

/// A stopped draft under its child's code. Serialised as JSON in the device store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockedDraft {
    /// [`LOCKED_DRAFT_VERSION`].
    pub version: u32,
    /// The child's initials, shown on the start screen ("R." for Rae, "A. B." for Ann Bell).
    pub initials: String,
    /// The draft's age band.
    pub age_band: AgeBand,
    /// The booklet (or council survey) it is for: which booklet, never an answer.
    pub booklet_id: String,
    /// When the child started (RFC 3339).
    pub started_at: String,
    /// The language the child chose, without any variant, for the screen that asks for the code.
    pub locale: LocaleCode,
    /// The kind of code that opens it.
    pub code_kind: CodeKind,
    /// When the child stopped (RFC 3339).
    pub stopped_at: String,
    /// Wrong codes since the last right one.
    #[serde(default)]
    pub wrong_tries: u32,
    /// When the last wrong code was given, in milliseconds since 1970 (the device's clock).
    #[serde(default)]
    pub last_wrong_ms: u64,
    /// PBKDF2-HMAC-SHA256 iterations.
    iterations: u32,
    salt: String,
    nonce: String,
    ciphertext: String,
}

impl LockedDraft {
    /// Locks `draft` under `code`. `now` is the time to show as when it was stopped.
    pub fn lock(
        draft: &Draft,
        code: &DraftCode,
        now: &str,
        rng: &mut impl CryptoRng,
    ) -> Result<LockedDraft, LockError> {
        Self::lock_with(draft, code, now, PBKDF2_ITERATIONS, rng)
    }

    fn lock_with(
        draft: &Draft,
        code: &DraftCode,
        now: &str,
        iterations: u32,
        rng: &mut impl CryptoRng,
    ) -> Result<LockedDraft, LockError> {
        let mut salt = [0u8; SALT_LEN];
        rng.fill_bytes(&mut salt);
        let mut nonce = [0u8; NONCE_LEN];
        rng.fill_bytes(&mut nonce);
        let mut locked = LockedDraft {
            version: LOCKED_DRAFT_VERSION,
            initials: initials(&draft.child.name),
            age_band: draft.age_band,
            booklet_id: draft.booklet_id.clone(),
            started_at: draft.started_at.clone(),
            // The language only, never a variant such as "ar-f" (feminine forms would tell
            // the next person the child is a girl).
            locale: LocaleCode::new(draft.locale.as_str().split('-').next().unwrap_or("en")),
            code_kind: code.kind,
            stopped_at: now.to_owned(),
            wrong_tries: 0,
            last_wrong_ms: 0,
            iterations,
            salt: b64(&salt),
            nonce: b64(&nonce),
            ciphertext: String::new(),
        };
        let key = locked.key(code, &salt)?;
        let plain = serde_json::to_vec(draft).map_err(|_| LockError::Damaged)?;
        locked.ciphertext = b64(&aead_seal(&key, &nonce, &locked.aad(&salt), &plain));
        Ok(locked)
    }

    /// How long, in milliseconds from `now_ms`, before the next try may be made: 0 for the first
    /// [`FREE_TRIES`] wrong codes, then 30 seconds, doubling with each wrong code up to
    /// [`MAX_WAIT_MS`]. A clock put back never makes the wait longer than the longest.
    pub fn wait_ms(&self, now_ms: u64) -> u64 {
        wait_after(self.wrong_tries, self.last_wrong_ms, now_ms)
    }

    /// The draft, if `code` is right and no wait is due. A wrong code counts as a wrong try: the
    /// caller stores this record again, so the count survives a reload.
    pub fn open(&mut self, code: &DraftCode, now_ms: u64) -> Result<Draft, LockError> {
        let wait = self.wait_ms(now_ms);
        if wait > 0 {
            return Err(LockError::Wait(wait));
        }
        if self.version != LOCKED_DRAFT_VERSION {
            return Err(LockError::Damaged);
        }
        let salt: [u8; SALT_LEN] = unb64_array(&self.salt).ok_or(LockError::Damaged)?;
        let nonce: [u8; NONCE_LEN] = unb64_array(&self.nonce).ok_or(LockError::Damaged)?;
        let ciphertext = unb64(&self.ciphertext).ok_or(LockError::Damaged)?;
        let key = self.key(code, &salt)?;
        match aead_open(&key, &nonce, &self.aad(&salt), &ciphertext) {
            Some(plain) => {
                self.wrong_tries = 0;
                serde_json::from_slice(&plain).map_err(|_| LockError::Damaged)
            }
            None => {
                self.wrong_tries = self.wrong_tries.saturating_add(1);
                self.last_wrong_ms = now_ms;
                Err(LockError::WrongCode)
            }
        }
    }

    /// PBKDF2-HMAC-SHA256(code, salt), 32 bytes.
    fn key(
        &self,
        code: &DraftCode,
        salt: &[u8; SALT_LEN],
    ) -> Result<Zeroizing<[u8; 32]>, LockError> {
        stretch(code.text.as_bytes(), salt, self.iterations)
    }

    /// Everything shown in the clear is bound into the encryption: changing the initials, the
    /// band or the kind of code makes the draft fail to open.
    fn aad(&self, salt: &[u8; SALT_LEN]) -> Vec<u8> {
        let mut aad = LOCK_DOMAIN.to_vec();
        aad.extend_from_slice(&self.iterations.to_be_bytes());
        aad.extend_from_slice(salt);
        aad.extend_from_slice(
            serde_json::to_string(&(
                &self.initials,
                self.age_band,
                &self.booklet_id,
                &self.started_at,
                &self.locale,
                self.code_kind,
                &self.stopped_at,
            ))
            .unwrap_or_default()
            .as_bytes(),
        );
        aad
    }
}

/// How long, in milliseconds from `now_ms`, before the next try of a code may be made, after
/// `wrong_tries` wrong codes, the last at `last_wrong_ms`: 0 for the first [`FREE_TRIES`], then
/// 30 seconds, doubling with each wrong code up to [`MAX_WAIT_MS`]. A clock put back never makes
/// the wait longer than the longest. The one rule for a child's code and the tablet's adult code.
pub(crate) fn wait_after(wrong_tries: u32, last_wrong_ms: u64, now_ms: u64) -> u64 {
    let Some(extra) = wrong_tries.checked_sub(FREE_TRIES) else {
        return 0;
    };
    let wait = 30_000u64
        .saturating_mul(1 << extra.min(16))
        .min(MAX_WAIT_MS);
    let since = now_ms.saturating_sub(last_wrong_ms);
    wait.saturating_sub(since).min(MAX_WAIT_MS)
}

/// PBKDF2-HMAC-SHA256(code, salt) with `iterations`, 32 bytes; a stored count of 0 or above
/// [`MAX_ITERATIONS`] is refused unrun, so a damaged record cannot hang the page.
pub(crate) fn stretch(
    code: &[u8],
    salt: &[u8; SALT_LEN],
    iterations: u32,
) -> Result<Zeroizing<[u8; 32]>, LockError> {
    if iterations == 0 || iterations > MAX_ITERATIONS {
        return Err(LockError::Kdf);
    }
    let mut key = Zeroizing::new([0u8; 32]);
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(code, salt, iterations, &mut key[..]);
    Ok(key)
}

/// A name's initials, each followed by a full stop: "R." for "Rae", "A. B." for "ann bell".
/// Initials already given ("AB") become "A. B.". Empty for an empty name (a survey).
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let letters: Vec<char> = if words.len() == 1 && words[0].chars().all(char::is_uppercase) {
        words[0].chars().collect()
    } else {
        words.iter().filter_map(|w| w.chars().next()).collect()
    };
    letters
        .iter()
        .flat_map(|c| c.to_uppercase())
        .map(|c| format!("{c}."))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::builtin_for;
    use crate::child::ChildDetails;
    use chacha20::ChaCha20Rng;
    use proptest::prelude::*;
    use rand_core::SeedableRng;

    fn draft(name: &str, band: AgeBand) -> Draft {
        let booklet = builtin_for(band);
        let child = ChildDetails {
            name: name.into(),
            ..Default::default()
        };
        Draft::new(
            &booklet,
            band,
            child,
            LocaleCode::new("en"),
            "2026-12-06T09:00:00Z",
        )
    }

    fn lock(d: &Draft, code: &DraftCode) -> LockedDraft {
        let mut rng = ChaCha20Rng::from_seed([7; 32]);
        LockedDraft::lock_with(d, code, "2026-12-06T09:30:00Z", 1_000, &mut rng).unwrap()
    }

    #[test]
    fn the_right_code_opens_the_draft_and_nothing_of_it_is_in_the_clear() {
        let d = draft("Rae Smith", AgeBand::SevenToNine);
        let code = DraftCode::pictures(&[0, 8, 3, 3]).unwrap();
        let mut locked = lock(&d, &code);
        let json = serde_json::to_string(&locked).unwrap();
        assert!(!json.contains("Rae") && !json.contains("Smith"), "{json}");
        assert_eq!(locked.initials, "R. S.");
        assert_eq!(locked.code_kind, CodeKind::Pictures);
        assert_eq!(locked.open(&code, 0).unwrap(), d);
    }

    #[test]
    fn wrong_codes_count_and_then_wait_longer_each_time() {
        let d = draft("Kai", AgeBand::TenToFifteen);
        let mut locked = lock(&d, &DraftCode::number("2468").unwrap());
        let wrong = DraftCode::number("1357").unwrap();
        let t = 1_000_000u64;
        for i in 1..=FREE_TRIES {
            assert_eq!(locked.open(&wrong, t), Err(LockError::WrongCode));
            assert_eq!(locked.wrong_tries, i);
        }
        // The fourth try must wait 30 seconds after the third wrong one.
        assert_eq!(locked.open(&wrong, t + 1_000), Err(LockError::Wait(29_000)));
        assert_eq!(locked.open(&wrong, t + 30_000), Err(LockError::WrongCode));
        assert_eq!(locked.wait_ms(t + 30_000), 60_000);
        // Even the right code waits its turn; then it opens and the count starts again.
        let right = DraftCode::number("2468").unwrap();
        assert_eq!(
            locked.open(&right, t + 31_000),
            Err(LockError::Wait(59_000))
        );
        assert_eq!(locked.open(&right, t + 90_000).unwrap(), d);
        assert_eq!(locked.wrong_tries, 0);
    }

    #[test]
    fn the_wait_never_passes_fifteen_minutes() {
        let d = draft("Kai", AgeBand::TenToFifteen);
        let mut locked = lock(&d, &DraftCode::number("2468").unwrap());
        locked.wrong_tries = 60;
        locked.last_wrong_ms = u64::MAX;
        assert_eq!(locked.wait_ms(0), MAX_WAIT_MS);
        locked.last_wrong_ms = 10;
        assert_eq!(locked.wait_ms(10 + MAX_WAIT_MS), 0);
    }

    #[test]
    fn what_is_shown_in_the_clear_cannot_be_changed() {
        let d = draft("Rae", AgeBand::SevenToNine);
        let code = DraftCode::pictures(&[1, 2, 3, 4]).unwrap();
        let locked = lock(&d, &code);
        let mut changed = locked.clone();
        changed.initials = "Z.".into();
        assert_eq!(changed.open(&code, 0), Err(LockError::WrongCode));
        let mut changed = locked.clone();
        changed.booklet_id = "review-16-plus".into();
        assert_eq!(changed.open(&code, 0), Err(LockError::WrongCode));
        let mut changed = locked.clone();
        changed.age_band = AgeBand::SixteenPlus;
        assert_eq!(changed.open(&code, 0), Err(LockError::WrongCode));
        let mut changed = locked;
        changed.salt = "not base64!".into();
        assert_eq!(changed.open(&code, 0), Err(LockError::Damaged));
    }

    #[test]
    fn codes_are_checked() {
        assert!(DraftCode::pictures(&[1, 2, 3]).is_err());
        assert!(DraftCode::pictures(&[1, 2, 3, 9]).is_err());
        assert!(DraftCode::number("123").is_err());
        assert!(DraftCode::number("1234567").is_err());
        assert!(DraftCode::number("12a4").is_err());
        assert!(DraftCode::number("١٢٣٤").is_err(), "only 0 to 9");
        assert_eq!(
            DraftCode::number(" 1234 ").unwrap(),
            DraftCode::number("1234").unwrap()
        );
        assert!(!format!("{:?}", DraftCode::number("9876").unwrap()).contains("9876"));
        assert_eq!(CodeKind::for_band(AgeBand::FourToSix), CodeKind::Pictures);
        assert_eq!(CodeKind::for_band(AgeBand::SixteenPlus), CodeKind::Number);
    }

    #[test]
    fn a_damaged_iteration_count_is_refused_before_any_work() {
        let d = draft("Kai", AgeBand::TenToFifteen);
        let code = DraftCode::number("2468").unwrap();
        let mut locked = lock(&d, &code);
        locked.iterations = u32::MAX;
        assert_eq!(locked.open(&code, 0), Err(LockError::Kdf));
        locked.iterations = 0;
        assert_eq!(locked.open(&code, 0), Err(LockError::Kdf));
    }

    /// PBKDF2-HMAC-SHA256 as RFC 7914 section 11 gives it ("passwd", "salt", 1 iteration).
    #[test]
    fn pbkdf2_matches_the_published_vector() {
        let mut out = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(b"passwd", b"salt", 1, &mut out);
        assert_eq!(
            crate::seal::codec::hex(&out),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        );
    }

    #[test]
    fn a_language_variant_is_not_shown_in_the_clear() {
        let mut d = draft("Nour", AgeBand::SevenToNine);
        d.locale = LocaleCode::new("ar-f");
        let code = DraftCode::pictures(&[1, 1, 1, 1]).unwrap();
        let mut locked = lock(&d, &code);
        assert_eq!(locked.locale.as_str(), "ar");
        assert_eq!(locked.open(&code, 0).unwrap().locale.as_str(), "ar-f");
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Rae"), "R.");
        assert_eq!(initials("ann  bell"), "A. B.");
        assert_eq!(initials("AB"), "A. B.");
        assert_eq!(initials(""), "");
        assert_eq!(initials("Élodie"), "É.");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Only the code it was locked with opens a draft.
        #[test]
        fn only_its_own_code_opens_a_draft(a in proptest::collection::vec(0u8..9, 4), b in proptest::collection::vec(0u8..9, 4)) {
            let d = draft("Sam", AgeBand::FourToSix);
            let code_a = DraftCode::pictures(&a).unwrap();
            let mut locked = lock(&d, &code_a);
            let result = locked.open(&DraftCode::pictures(&b).unwrap(), 0);
            if a == b {
                prop_assert_eq!(result.unwrap(), d);
            } else {
                prop_assert_eq!(result, Err(LockError::WrongCode));
            }
        }
    }
}
