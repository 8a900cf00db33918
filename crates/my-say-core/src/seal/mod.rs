//! Sealed answers: a finished booklet is sealed on the tablet so that only its IRO (and anyone
//! else the tablet is set up for, such as their team manager) can read it.
//!
//! Standard, checkable cryptography only, from RustCrypto-maintained crates:
//!
//! - keys: X25519, generated as HPKE's DHKEM(X25519, HKDF-SHA256) key pairs;
//! - sealing: a random 32-byte content key encrypts the booklet with ChaCha20-Poly1305; the
//!   content key is sealed to each recipient with HPKE (RFC 9180) base mode,
//!   DHKEM(X25519, HKDF-SHA256) / HKDF-SHA256 / ChaCha20-Poly1305;
//! - the IRO's private key at rest: Argon2id (RFC 9106) from a passphrase, then
//!   ChaCha20-Poly1305.
//!
//! The byte layouts, limits and upgrade rules are in `docs/sealed-format.md`; the test vectors
//! in `tests/vectors/` pin them. Randomness is always passed in (`&mut impl CryptoRng`) so tests
//! are deterministic; the app uses [`system_rng`].

mod adult_code;
mod bundle;
mod codec;
mod envelope;
mod export_mac;
mod keys;
mod locked;
mod parts;
mod recipients;
mod setup;
mod wrap;

#[cfg(test)]
mod tests;

pub use adult_code::{
    may_reset, AdultCodeError, AdultLock, Allowed, ADULT_CODE_DIGITS, ADULT_LOCK_VERSION,
};
pub use bundle::{
    open_bundle, open_bundle_booklets, parse_bundle, read_opened, Bundle, BundleError,
    BundleOpener, Corruption, ImportError, BUNDLE_EXTENSION, BUNDLE_MAGIC, BUNDLE_VERSION,
    MAX_BUNDLE_ITEMS,
};
pub use envelope::{
    open, seal, seal_booklet, seal_with_id, BookletId, OpenError, SealError, SealedBooklet,
    HPKE_INFO_V1, ITEM_VERSION, MAX_PLAINTEXT_LEN, MAX_RECIPIENTS,
};
pub use export_mac::{
    append_export_mac, export_mac_matches, split_export_mac, ExportMac, EXPORT_MAC_INFO,
};
pub use keys::{generate_keypair, Fingerprint, IroIdentity, PrivateKey, PublicKey};
pub use locked::{
    initials, CodeKind, DraftCode, LockError, LockedDraft, FREE_TRIES, PICTURE_CHOICES,
    PICTURE_CODE_LEN,
};
pub use parts::{
    booklets_announced, decode_chunk, part_ranges, OpenedItem, PartOpener, MAX_PARTS, MIN_PART,
    PARTS_FROM,
};
pub use rand_core::CryptoRng;
pub use recipients::{group_by_others, other_recipients, same_keys, OtherRecipient};
pub use setup::{
    KeptSetup, KeyFileError, SetupCode, ShownRecipient, KEY_FILE_FORMAT, SETUP_PREFIX,
};
pub use wrap::{
    KdfAlgorithm, KdfParams, KeyError, RecoveryFile, WrappedKey, MIN_PASSPHRASE_CHARS,
    RECOVERY_FORMAT,
};

pub(crate) use setup::check_format;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

/// Length of a ChaCha20-Poly1305 tag.
pub(crate) const AEAD_TAG_LEN: usize = 16;

/// The operating system's (or browser's `crypto.getRandomValues`) random number generator.
pub type SystemRng = rand_core::UnwrapErr<getrandom::SysRng>;

/// The system random number generator, for the app. It panics only if the platform has no
/// secure randomness at all, which no supported browser lacks.
pub fn system_rng() -> SystemRng {
    rand_core::UnwrapErr(getrandom::SysRng)
}

/// The device gave no secure random bytes, so nothing that needs them (an id, a key) is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoRandomness;

impl std::fmt::Display for NoRandomness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("This browser gave no secure random numbers. Reload the page and try again.")
    }
}

impl std::error::Error for NoRandomness {}

/// A new random id from `rng`: 16 bytes as 32 lowercase hex digits, like [`BookletId::to_hex`].
pub fn random_id_from(rng: &mut impl rand_core::TryCryptoRng) -> Result<String, NoRandomness> {
    let mut id = [0u8; envelope::ID_LEN];
    rng.try_fill_bytes(&mut id).map_err(|_| NoRandomness)?;
    Ok(BookletId(id).to_hex())
}

/// A new random id from the system's randomness, the same source as [`system_rng`].
pub fn random_id() -> Result<String, NoRandomness> {
    random_id_from(&mut getrandom::SysRng)
}

/// ChaCha20-Poly1305 encryption (RFC 8439): ciphertext with the 16-byte tag appended.
pub(crate) fn aead_seal(key: &[u8; 32], nonce: &[u8; 12], aad: &[u8], msg: &[u8]) -> Vec<u8> {
    ChaCha20Poly1305::new(&Key::from(*key))
        .encrypt(&Nonce::from(*nonce), Payload { msg, aad })
        .expect("lengths are far below ChaCha20-Poly1305's limits")
}

/// ChaCha20-Poly1305 decryption; `None` if authentication fails.
pub(crate) fn aead_open(
    key: &[u8; 32],
    nonce: &[u8; 12],
    aad: &[u8],
    ciphertext: &[u8],
) -> Option<Vec<u8>> {
    ChaCha20Poly1305::new(&Key::from(*key))
        .decrypt(
            &Nonce::from(*nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .ok()
}
