//! The tablet's adult code: who a tablet seals for changes only for an adult who knows it.
//!
//! When a tablet is first set up for an IRO, the adult chooses a code of
//! [`ADULT_CODE_DIGITS`] digits. From then on every change to who the tablet seals for (a new
//! set-up link, adding an IRO from a key file, stopping sealing for them) asks for it. The code
//! itself is never kept: only a verifier, made exactly as a stopped booklet is locked
//! ([`super::LockedDraft`]): PBKDF2-HMAC-SHA256 of the code with a random salt, then the
//! ChaCha20-Poly1305 tag of nothing under that key. The right code opens the tag; any other
//! fails it. Wrong codes wait as a child's do ([`super::locked::wait_after`]).
//!
//! A tablet set up before adult codes has none: the first change asks the adult to choose one.
//! A forgotten code cannot be recovered; the tablet's recipients can be reset only once every
//! sealed booklet waiting on it has been sent ([`may_reset`]), so a reset never strands a worry.
//!
//! What this does not protect against: someone with the browser profile can change the stored
//! recipients without the app, or try every code without its waits. The booklet start screen
//! shows who answers are sealed for, so a change is seen. See `docs/threat-model.md`.

use super::codec::Reader;
use super::locked::{stretch, wait_after, PBKDF2_ITERATIONS};
use super::wrap::{NONCE_LEN, SALT_LEN};
use super::{aead_open, aead_seal, AEAD_TAG_LEN};
use rand_core::CryptoRng;
use std::fmt;

/// How many digits a tablet's adult code has.
pub const ADULT_CODE_DIGITS: std::ops::RangeInclusive<usize> = 6..=20;

/// The verifier's associated data starts with this (domain separation from locked drafts).
const ADULT_CODE_DOMAIN: &[u8] = b"my-say tablet adult code v1\0";

/// The format version of an [`AdultLock`]: its first byte.
pub const ADULT_LOCK_VERSION: u8 = 1;

/// How many bytes an [`AdultLock`] takes: version, wrong tries, last wrong try, iterations,
/// salt, nonce, verifier.
const ADULT_LOCK_LEN: usize = 1 + 4 + 8 + 4 + SALT_LEN + NONCE_LEN + AEAD_TAG_LEN;

/// Why an adult code could not be chosen or was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdultCodeError {
    /// Not 6 to 20 digits 0 to 9.
    BadCode,
    /// The code typed twice, when choosing it, was not the same both times.
    NotTheSame,
    /// Not the tablet's adult code.
    WrongCode,
    /// Too many wrong codes: the next try may be made after this many milliseconds.
    Wait(u64),
    /// The stored verifier is damaged or from a newer version of My Say.
    Damaged,
}

impl fmt::Display for AdultCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AdultCodeError::BadCode => f.write_str("Use 6 to 20 digits, 0 to 9."),
            AdultCodeError::NotTheSame => f.write_str("The two codes are not the same."),
            AdultCodeError::WrongCode => f.write_str("That is not the tablet's adult code."),
            AdultCodeError::Wait(ms) => {
                write!(f, "Too many tries. Wait {} seconds.", ms.div_ceil(1000))
            }
            AdultCodeError::Damaged => f.write_str("The tablet's adult code is damaged."),
        }
    }
}

impl std::error::Error for AdultCodeError {}

/// Proof that the adult gave the tablet's adult code, or chose one: what changing who a tablet
/// seals for asks for. Only [`AdultLock::choose`] and [`AdultLock::check`] make one.
#[derive(Debug)]
pub struct Allowed(());

/// The tablet's adult code as it is kept: a verifier, never the code. Kept as
/// [`AdultLock::to_bytes`] in the device store (a fixed layout: no JSON code for it in the
/// child's app).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdultLock {
    /// Wrong codes since the last right one.
    pub wrong_tries: u32,
    /// When the last wrong code was given, in milliseconds since 1970 (the device's clock).
    pub last_wrong_ms: u64,
    /// PBKDF2-HMAC-SHA256 iterations.
    iterations: u32,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    /// The ChaCha20-Poly1305 tag of an empty message under the stretched code.
    verifier: [u8; AEAD_TAG_LEN],
}

/// The code's digits, if it is 6 to 20 digits 0 to 9 (spaces around it ignored).
fn digits(code: &str) -> Result<&str, AdultCodeError> {
    let code = code.trim();
    if ADULT_CODE_DIGITS.contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(AdultCodeError::BadCode)
    }
}

impl AdultLock {
    /// The adult chooses the tablet's code, typed twice. Choosing it allows the change it was
    /// chosen for.
    pub fn choose(
        code: &str,
        again: &str,
        rng: &mut impl CryptoRng,
    ) -> Result<(AdultLock, Allowed), AdultCodeError> {
        Self::choose_with(code, again, PBKDF2_ITERATIONS, rng)
    }

    fn choose_with(
        code: &str,
        again: &str,
        iterations: u32,
        rng: &mut impl CryptoRng,
    ) -> Result<(AdultLock, Allowed), AdultCodeError> {
        let code = digits(code)?;
        if code != again.trim() {
            return Err(AdultCodeError::NotTheSame);
        }
        let mut salt = [0u8; SALT_LEN];
        rng.fill_bytes(&mut salt);
        let mut nonce = [0u8; NONCE_LEN];
        rng.fill_bytes(&mut nonce);
        let key =
            stretch(code.as_bytes(), &salt, iterations).map_err(|_| AdultCodeError::Damaged)?;
        let mut verifier = [0u8; AEAD_TAG_LEN];
        verifier.copy_from_slice(&aead_seal(&key, &nonce, &aad(iterations, &salt), &[]));
        let lock = AdultLock {
            wrong_tries: 0,
            last_wrong_ms: 0,
            iterations,
            salt,
            nonce,
            verifier,
        };
        Ok((lock, Allowed(())))
    }

    /// The record as kept: version (1 byte), wrong tries (u32), the last wrong try (u64),
    /// iterations (u32), all big-endian, then salt (16), nonce (12) and verifier (16).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(ADULT_LOCK_LEN);
        out.push(ADULT_LOCK_VERSION);
        out.extend_from_slice(&self.wrong_tries.to_be_bytes());
        out.extend_from_slice(&self.last_wrong_ms.to_be_bytes());
        out.extend_from_slice(&self.iterations.to_be_bytes());
        out.extend_from_slice(&self.salt);
        out.extend_from_slice(&self.nonce);
        out.extend_from_slice(&self.verifier);
        out
    }

    /// Reads a kept record: exactly [`AdultLock::to_bytes`] of this version, or `Damaged`.
    pub fn from_bytes(bytes: &[u8]) -> Result<AdultLock, AdultCodeError> {
        let damaged = |_| AdultCodeError::Damaged;
        let mut r = Reader::new(bytes);
        if bytes.len() != ADULT_LOCK_LEN || r.u8().map_err(damaged)? != ADULT_LOCK_VERSION {
            return Err(AdultCodeError::Damaged);
        }
        Ok(AdultLock {
            wrong_tries: r.u32_be().map_err(damaged)?,
            last_wrong_ms: u64::from_be_bytes(r.array().map_err(damaged)?),
            iterations: r.u32_be().map_err(damaged)?,
            salt: r.array().map_err(damaged)?,
            nonce: r.array().map_err(damaged)?,
            verifier: r.array().map_err(damaged)?,
        })
    }

    /// How long, in milliseconds from `now_ms`, before the next try may be made: the same rule
    /// as a child's code.
    pub fn wait_ms(&self, now_ms: u64) -> u64 {
        wait_after(self.wrong_tries, self.last_wrong_ms, now_ms)
    }

    /// Allows a change if `code` is the tablet's adult code and no wait is due. A wrong code
    /// counts as a wrong try: the caller stores this record again, so the count survives a
    /// reload. A code of the wrong shape is refused without counting (it can never be right).
    pub fn check(&mut self, code: &str, now_ms: u64) -> Result<Allowed, AdultCodeError> {
        let wait = self.wait_ms(now_ms);
        if wait > 0 {
            return Err(AdultCodeError::Wait(wait));
        }
        let code = digits(code)?;
        let key = stretch(code.as_bytes(), &self.salt, self.iterations)
            .map_err(|_| AdultCodeError::Damaged)?;
        let aad = aad(self.iterations, &self.salt);
        if aead_open(&key, &self.nonce, &aad, &self.verifier).is_some() {
            self.wrong_tries = 0;
            Ok(Allowed(()))
        } else {
            self.wrong_tries = self.wrong_tries.saturating_add(1);
            self.last_wrong_ms = now_ms;
            Err(AdultCodeError::WrongCode)
        }
    }
}

/// The verifier's associated data: the domain, the iteration count and the salt.
fn aad(iterations: u32, salt: &[u8; SALT_LEN]) -> Vec<u8> {
    let mut aad = ADULT_CODE_DOMAIN.to_vec();
    aad.extend_from_slice(&iterations.to_be_bytes());
    aad.extend_from_slice(salt);
    aad
}

/// Whether a tablet whose adult code is forgotten may have its recipients and code reset:
/// only once no sealed booklet waits to be sent (`waiting` of them do), so that every answer
/// already sealed, a worry among them perhaps, has gone to the people it was sealed for.
pub fn may_reset(waiting: usize) -> bool {
    waiting == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use chacha20::ChaCha20Rng;
    use proptest::prelude::*;
    use rand_core::SeedableRng;

    fn lock(code: &str) -> AdultLock {
        let mut rng = ChaCha20Rng::from_seed([9; 32]);
        AdultLock::choose_with(code, code, 1_000, &mut rng)
            .unwrap()
            .0
    }

    #[test]
    fn the_code_is_six_or_more_digits_typed_the_same_twice() {
        let mut rng = ChaCha20Rng::from_seed([1; 32]);
        let mut choose = |a: &str, b: &str| {
            AdultLock::choose_with(a, b, 1_000, &mut rng)
                .map(|_| ())
                .unwrap_err()
        };
        assert_eq!(choose("12345", "12345"), AdultCodeError::BadCode);
        assert_eq!(choose("12345a", "12345a"), AdultCodeError::BadCode);
        assert_eq!(choose("١٢٣٤٥٦", "١٢٣٤٥٦"), AdultCodeError::BadCode);
        assert_eq!(
            choose("123456789012345678901", "123456789012345678901"),
            AdultCodeError::BadCode
        );
        assert_eq!(choose("246810", "246801"), AdultCodeError::NotTheSame);
        assert!(AdultLock::choose_with(" 246810 ", "246810", 1_000, &mut rng).is_ok());
    }

    #[test]
    fn only_a_verifier_is_kept_never_the_code() {
        let l = lock("975310");
        let bytes = l.to_bytes();
        assert_eq!(bytes.len(), ADULT_LOCK_LEN);
        assert!(!bytes.windows(6).any(|w| w == b"975310"));
        assert_eq!(AdultLock::from_bytes(&bytes).unwrap(), l);
        // A new salt each time: the same code never gives the same record.
        let mut rng = ChaCha20Rng::from_seed([2; 32]);
        let other = AdultLock::choose_with("975310", "975310", 1_000, &mut rng)
            .unwrap()
            .0;
        assert_ne!(other.verifier, l.verifier);
        assert_ne!(other.salt, l.salt);
    }

    #[test]
    fn the_right_code_allows_a_change_and_wrong_ones_wait_as_a_childs_do() {
        let mut l = lock("246810");
        let t = 5_000_000u64;
        assert!(l.check("246810", t).is_ok());
        for i in 1..=crate::seal::FREE_TRIES {
            assert_eq!(l.check("135790", t).unwrap_err(), AdultCodeError::WrongCode);
            assert_eq!(l.wrong_tries, i);
        }
        // A code of the wrong shape is not a try.
        l.wrong_tries = 0;
        assert_eq!(l.check("12", t).unwrap_err(), AdultCodeError::BadCode);
        assert_eq!(l.wrong_tries, 0);
        for _ in 0..crate::seal::FREE_TRIES {
            let _ = l.check("135790", t);
        }
        // The fourth wrong try waits 30 seconds, even with the right code; then it is allowed.
        assert_eq!(
            l.check("246810", t + 1_000).unwrap_err(),
            AdultCodeError::Wait(29_000)
        );
        assert_eq!(
            l.check("135790", t + 30_000).unwrap_err(),
            AdultCodeError::WrongCode
        );
        assert_eq!(l.wait_ms(t + 30_000), 60_000);
        assert!(l.check("246810", t + 90_000).is_ok());
        assert_eq!(l.wrong_tries, 0);
    }

    #[test]
    fn a_damaged_record_allows_nothing() {
        let mut l = lock("246810");
        l.iterations = u32::MAX;
        assert_eq!(l.check("246810", 0).unwrap_err(), AdultCodeError::Damaged);
        // The verifier is bound to its salt and count: another salt or count does not open it.
        let mut l = lock("246810");
        l.salt = lock_salt_of("111111");
        assert_eq!(l.check("246810", 0).unwrap_err(), AdultCodeError::WrongCode);
        let mut l = lock("246810");
        l.iterations += 1;
        assert_eq!(l.check("246810", 0).unwrap_err(), AdultCodeError::WrongCode);
        // Another version, a cut or a longer record is damaged.
        let bytes = lock("246810").to_bytes();
        let mut newer = bytes.clone();
        newer[0] = 2;
        let longer = [bytes.clone(), vec![0]].concat();
        for bad in [&newer[..], &bytes[..bytes.len() - 1], &longer[..]] {
            assert_eq!(AdultLock::from_bytes(bad), Err(AdultCodeError::Damaged));
        }
        // Wrong tries are kept with it.
        let mut l = lock("246810");
        let _ = l.check("135790", 42);
        let kept = AdultLock::from_bytes(&l.to_bytes()).unwrap();
        assert_eq!((kept.wrong_tries, kept.last_wrong_ms), (1, 42));
    }

    fn lock_salt_of(code: &str) -> [u8; SALT_LEN] {
        let mut rng = ChaCha20Rng::from_seed([3; 32]);
        AdultLock::choose_with(code, code, 1_000, &mut rng)
            .unwrap()
            .0
            .salt
    }

    #[test]
    fn a_forgotten_code_resets_only_once_nothing_waits() {
        assert!(may_reset(0));
        assert!(!may_reset(1));
        assert!(!may_reset(40));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]
        /// Only the code chosen allows a change.
        #[test]
        fn only_the_chosen_code_allows_a_change(
            (a, b) in "[0-9]{6,8}".prop_flat_map(|a| {
                // Half the cases the code chosen, half another: both branches are tried.
                (Just(a.clone()), prop_oneof![Just(a), "[0-9]{6,8}"])
            })
        ) {
            let mut l = lock(&a);
            let result = l.check(&b, 0);
            if a == b {
                prop_assert!(result.is_ok());
            } else {
                prop_assert_eq!(result.unwrap_err(), AdultCodeError::WrongCode);
            }
        }
    }
}
