//! The IRO's private key at rest: wrapped with a key derived from a passphrase (Argon2id), and
//! the downloadable recovery file.

use super::codec::{b64, unb64_array};
use super::keys::{check_name, IroIdentity, PrivateKey, PublicKey, KEY_LEN};
use super::{aead_open, aead_seal, KeyFileError, AEAD_TAG_LEN};
use argon2::{Algorithm, Argon2, Params, Version};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use std::fmt;
use zeroize::Zeroizing;

/// Salt length for Argon2id.
pub const SALT_LEN: usize = 16;
/// Nonce length for ChaCha20-Poly1305.
pub const NONCE_LEN: usize = 12;
/// Shortest passphrase accepted when wrapping, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The associated data of the wrapped key starts with this; see `docs/sealed-format.md`.
const WRAP_DOMAIN: &[u8] = b"my-say wrapped key v1\0";

/// Argon2id cost parameters, stored beside the wrapped key so they can be raised later.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfParams {
    /// Always "argon2id".
    algorithm: KdfAlgorithm,
    /// Memory in KiB (`m`).
    memory_kib: u32,
    /// Passes over memory (`t`).
    iterations: u32,
    /// Lanes (`p`).
    parallelism: u32,
}

/// The only password-hashing function in format version 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KdfAlgorithm {
    /// Argon2id, version 0x13 (RFC 9106), 32-byte output, no secret, no associated data.
    #[serde(rename = "argon2id")]
    Argon2id,
}

impl KdfParams {
    /// What new wrapped keys use: 64 MiB, 3 passes, 1 lane (RFC 9106's second recommended
    /// setting with one lane, as browsers run it on one thread). Well above OWASP's minimum of
    /// 19 MiB, 2 passes. Takes about a second in a browser, and only the IRO's device does it.
    pub const DEFAULT: KdfParams = KdfParams {
        algorithm: KdfAlgorithm::Argon2id,
        memory_kib: 65_536,
        iterations: 3,
        parallelism: 1,
    };

    /// The least new keys may be wrapped with (OWASP: m = 19456 KiB, t = 2, p = 1).
    pub const MINIMUM: KdfParams = KdfParams {
        algorithm: KdfAlgorithm::Argon2id,
        memory_kib: 19_456,
        iterations: 2,
        parallelism: 1,
    };

    /// The most a stored file may ask for: anything above is refused unopened, so a hostile
    /// recovery file cannot exhaust memory or hang the page. Four times the default memory
    /// (more than a mid-range tablet's browser can be relied on to give one page).
    pub const MAX_MEMORY_KIB: u32 = 1 << 18; // 256 MiB
    /// See [`Self::MAX_MEMORY_KIB`]: about three times the default's time at its memory.
    pub const MAX_ITERATIONS: u32 = 10;
    /// See [`Self::MAX_MEMORY_KIB`]: browsers run the lanes one after another anyway.
    pub const MAX_PARALLELISM: u32 = 8;

    /// Parameters for new wrapped keys: at least [`Self::MINIMUM`] in every dimension and
    /// within the limits.
    pub fn new(memory_kib: u32, iterations: u32, parallelism: u32) -> Result<Self, KeyError> {
        let p = KdfParams {
            algorithm: KdfAlgorithm::Argon2id,
            memory_kib,
            iterations,
            parallelism,
        };
        if memory_kib < Self::MINIMUM.memory_kib
            || iterations < Self::MINIMUM.iterations
            || parallelism < Self::MINIMUM.parallelism
        {
            return Err(KeyError::WeakParameters);
        }
        p.check_limits()?;
        Ok(p)
    }

    /// Cheap parameters for unit tests only; never available outside `cfg(test)`.
    #[cfg(test)]
    pub(crate) fn insecure_for_tests() -> Self {
        KdfParams {
            algorithm: KdfAlgorithm::Argon2id,
            memory_kib: 64,
            iterations: 1,
            parallelism: 1,
        }
    }

    /// These parameters raised to at least [`Self::DEFAULT`] in every dimension (never
    /// lowered): what a key is wrapped with again when its passphrase changes or it is restored.
    pub fn raised(&self) -> KdfParams {
        let d = Self::DEFAULT;
        KdfParams {
            algorithm: KdfAlgorithm::Argon2id,
            memory_kib: self.memory_kib.max(d.memory_kib),
            iterations: self.iterations.max(d.iterations),
            parallelism: self.parallelism.max(d.parallelism),
        }
    }

    /// Memory in KiB (`m`).
    pub fn memory_kib(&self) -> u32 {
        self.memory_kib
    }

    /// Passes over memory (`t`).
    pub fn iterations(&self) -> u32 {
        self.iterations
    }

    /// Lanes (`p`).
    pub fn parallelism(&self) -> u32 {
        self.parallelism
    }

    /// Whether these may wrap a new key: at least [`Self::MINIMUM`] (or, in unit tests only,
    /// exactly the test parameters) and within the limits.
    fn check_new(&self) -> Result<(), KeyError> {
        #[cfg(test)]
        if *self == Self::insecure_for_tests() {
            return Ok(());
        }
        Self::new(self.memory_kib, self.iterations, self.parallelism).map(|_| ())
    }

    /// Whether a stored file's parameters are safe to run: within the maxima and valid Argon2.
    fn check_limits(&self) -> Result<Params, KeyError> {
        if self.memory_kib > Self::MAX_MEMORY_KIB
            || self.iterations > Self::MAX_ITERATIONS
            || self.parallelism > Self::MAX_PARALLELISM
        {
            return Err(KeyError::UnsafeParameters);
        }
        Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_LEN),
        )
        .map_err(|_| KeyError::UnsafeParameters)
    }

    /// Argon2id(passphrase, salt) with these parameters.
    fn derive(
        &self,
        passphrase: &str,
        salt: &[u8; SALT_LEN],
    ) -> Result<Zeroizing<[u8; KEY_LEN]>, KeyError> {
        let params = self.check_limits()?;
        let mut out = Zeroizing::new([0u8; KEY_LEN]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(passphrase.as_bytes(), salt, &mut out[..])
            .map_err(|_| KeyError::Kdf)?;
        Ok(out)
    }

    fn aad(&self, salt: &[u8; SALT_LEN], public_key: &PublicKey) -> Vec<u8> {
        let mut aad = Vec::with_capacity(WRAP_DOMAIN.len() + 12 + SALT_LEN + KEY_LEN);
        aad.extend_from_slice(WRAP_DOMAIN);
        aad.extend_from_slice(&self.memory_kib.to_be_bytes());
        aad.extend_from_slice(&self.iterations.to_be_bytes());
        aad.extend_from_slice(&self.parallelism.to_be_bytes());
        aad.extend_from_slice(salt);
        aad.extend_from_slice(&public_key.to_bytes());
        aad
    }
}

/// What went wrong with a passphrase or a wrapped key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyError {
    /// The passphrase does not open this key (or the stored key was damaged).
    WrongPassphrase,
    /// A new passphrase is shorter than [`MIN_PASSPHRASE_CHARS`].
    PassphraseTooShort,
    /// New wrapping parameters below [`KdfParams::MINIMUM`].
    WeakParameters,
    /// A stored key asks for more memory or time than My Say will spend, or for invalid Argon2.
    UnsafeParameters,
    /// The key opened but does not match the public key stored with it.
    KeyMismatch,
    /// Argon2 itself failed (such as the browser refusing the memory).
    Kdf,
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyError::WrongPassphrase => {
                "That passphrase does not unlock this key. Check it and try again \
                 (passphrases are case-sensitive)."
            }
            KeyError::PassphraseTooShort => {
                "Please choose a passphrase of at least 8 characters. A few unrelated words \
                 are easy to remember and hard to guess."
            }
            KeyError::WeakParameters => {
                "These key protection settings are weaker than My Say allows for a new key."
            }
            KeyError::UnsafeParameters => {
                "This key file asks for far more memory or time than My Say will use, so it was \
                 not opened. It may be damaged or not a real My Say key."
            }
            KeyError::KeyMismatch => {
                "This key file is damaged: the private key inside does not match its public key."
            }
            KeyError::Kdf => {
                "This device could not run the passphrase check (it may be short of memory). \
                 Close other tabs and try again."
            }
        })
    }
}

impl std::error::Error for KeyError {}

/// A private key encrypted under a passphrase: Argon2id derives a 32-byte key, which encrypts
/// the 32 private key bytes with ChaCha20-Poly1305. Safe to store and to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrappedKey {
    /// The public half, in the clear (it is public), bound into the encryption.
    pub public_key: PublicKey,
    /// How the passphrase is stretched.
    pub kdf: KdfParams,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    ciphertext: [u8; KEY_LEN + AEAD_TAG_LEN],
}

impl WrappedKey {
    /// Wraps `key` under `passphrase` with [`KdfParams::DEFAULT`].
    pub fn wrap(
        key: &PrivateKey,
        passphrase: &str,
        rng: &mut impl CryptoRng,
    ) -> Result<Self, KeyError> {
        Self::wrap_with(key, passphrase, KdfParams::DEFAULT, rng)
    }

    /// Wraps `key` with explicit parameters, which must be at least [`KdfParams::MINIMUM`].
    pub fn wrap_with(
        key: &PrivateKey,
        passphrase: &str,
        kdf: KdfParams,
        rng: &mut impl CryptoRng,
    ) -> Result<Self, KeyError> {
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(KeyError::PassphraseTooShort);
        }
        kdf.check_new()?;
        let mut salt = [0u8; SALT_LEN];
        rng.fill_bytes(&mut salt);
        let mut nonce = [0u8; NONCE_LEN];
        rng.fill_bytes(&mut nonce);
        let public_key = key.public_key();
        let kek = kdf.derive(passphrase, &salt)?;
        let sealed = aead_seal(
            &kek,
            &nonce,
            &kdf.aad(&salt, &public_key),
            &key.to_bytes()[..],
        );
        let ciphertext = sealed
            .try_into()
            .expect("32 bytes + 16-byte tag = 48 bytes");
        Ok(WrappedKey {
            public_key,
            kdf,
            salt,
            nonce,
            ciphertext,
        })
    }

    /// The private key, if `passphrase` is right. Accepts whatever parameters are stored (so
    /// they can be raised later) but refuses absurd ones before spending any memory.
    pub fn unwrap(&self, passphrase: &str) -> Result<PrivateKey, KeyError> {
        let kek = self.kdf.derive(passphrase, &self.salt)?;
        let plain = aead_open(
            &kek,
            &self.nonce,
            &self.kdf.aad(&self.salt, &self.public_key),
            &self.ciphertext,
        )
        .ok_or(KeyError::WrongPassphrase)?;
        let plain = Zeroizing::new(plain);
        let bytes: &[u8; KEY_LEN] = plain[..].try_into().map_err(|_| KeyError::KeyMismatch)?;
        let key = PrivateKey::from_bytes(bytes);
        if key.public_key() != self.public_key {
            return Err(KeyError::KeyMismatch);
        }
        Ok(key)
    }

    /// The same private key under a new passphrase, with a new salt and nonce and parameters
    /// raised to at least [`KdfParams::DEFAULT`] (never lowered). Nothing sealed changes: the key is the same.
    pub fn rewrap(
        &self,
        old_passphrase: &str,
        new_passphrase: &str,
        rng: &mut impl CryptoRng,
    ) -> Result<Self, KeyError> {
        self.rewrap_with(old_passphrase, new_passphrase, self.kdf.raised(), rng)
    }

    /// [`Self::rewrap`] with explicit parameters for the new wrapping.
    pub fn rewrap_with(
        &self,
        old_passphrase: &str,
        new_passphrase: &str,
        kdf: KdfParams,
        rng: &mut impl CryptoRng,
    ) -> Result<Self, KeyError> {
        if new_passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(KeyError::PassphraseTooShort);
        }
        let key = self.unwrap(old_passphrase)?;
        Self::wrap_with(&key, new_passphrase, kdf, rng)
    }

    /// As a JSON object (the `wrapped_key` of a recovery file), for the app's own storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&WrappedKeyJson::from(self)).expect("plain data serializes")
    }

    /// From [`Self::to_json`].
    pub fn from_json(text: &str) -> Result<Self, KeyFileError> {
        let json: WrappedKeyJson =
            serde_json::from_str(text).map_err(|_| KeyFileError::Malformed("wrapped key JSON"))?;
        json.try_into()
    }
}

/// The JSON shape of a wrapped key. Binary fields are unpadded base64url.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrappedKeyJson {
    public_key: String,
    kdf: KdfParams,
    salt: String,
    cipher: String,
    nonce: String,
    ciphertext: String,
}

const CIPHER_NAME: &str = "chacha20poly1305";

impl From<&WrappedKey> for WrappedKeyJson {
    fn from(w: &WrappedKey) -> Self {
        WrappedKeyJson {
            public_key: w.public_key.to_base64(),
            kdf: w.kdf,
            salt: b64(&w.salt),
            cipher: CIPHER_NAME.to_owned(),
            nonce: b64(&w.nonce),
            ciphertext: b64(&w.ciphertext),
        }
    }
}

impl TryFrom<WrappedKeyJson> for WrappedKey {
    type Error = KeyFileError;
    fn try_from(j: WrappedKeyJson) -> Result<Self, KeyFileError> {
        if j.cipher != CIPHER_NAME {
            return Err(KeyFileError::Malformed("cipher"));
        }
        Ok(WrappedKey {
            public_key: PublicKey::from_base64(&j.public_key)?,
            kdf: j.kdf,
            salt: unb64_array(&j.salt).ok_or(KeyFileError::Malformed("salt"))?,
            nonce: unb64_array(&j.nonce).ok_or(KeyFileError::Malformed("nonce"))?,
            ciphertext: unb64_array(&j.ciphertext).ok_or(KeyFileError::Malformed("wrapped key"))?,
        })
    }
}

/// The file an IRO downloads to keep their key safe: their identity and the passphrase-wrapped
/// private key. Useless without the passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryFile {
    /// The IRO's name as shown on tablets.
    pub display_name: String,
    /// The wrapped private key (which carries the public key).
    pub wrapped_key: WrappedKey,
}

/// `format` value of a recovery file.
pub const RECOVERY_FORMAT: &str = "my-say-recovery";
/// Current recovery file version.
pub const RECOVERY_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryJson {
    format: String,
    version: u32,
    display_name: String,
    fingerprint: String,
    wrapped_key: WrappedKeyJson,
}

/// Just enough to read `format` and `version` before trusting the rest of the shape.
#[derive(Deserialize)]
pub(crate) struct FormatProbe {
    pub(crate) format: String,
    pub(crate) version: u32,
}

impl RecoveryFile {
    /// A recovery file for `identity`'s wrapped key.
    pub fn new(display_name: &str, wrapped_key: WrappedKey) -> Result<Self, KeyFileError> {
        Ok(RecoveryFile {
            display_name: check_name(display_name)?,
            wrapped_key,
        })
    }

    /// The public identity inside.
    pub fn identity(&self) -> IroIdentity {
        IroIdentity {
            display_name: self.display_name.clone(),
            public_key: self.wrapped_key.public_key,
        }
    }

    /// Pretty JSON to download (`my-say-recovery-<fingerprint>.json` is a good name).
    pub fn to_json(&self) -> String {
        let j = RecoveryJson {
            format: RECOVERY_FORMAT.to_owned(),
            version: RECOVERY_VERSION,
            display_name: self.display_name.clone(),
            fingerprint: self.wrapped_key.public_key.fingerprint().to_string(),
            wrapped_key: (&self.wrapped_key).into(),
        };
        serde_json::to_string_pretty(&j).expect("plain data serializes")
    }

    /// Reads a recovery file. The passphrase is needed later, by [`WrappedKey::unwrap`].
    pub fn from_json(text: &str) -> Result<Self, KeyFileError> {
        super::check_format(text, RECOVERY_FORMAT, RECOVERY_VERSION, "recovery file")?;
        let j: RecoveryJson = serde_json::from_str(text)
            .map_err(|_| KeyFileError::Malformed("recovery file JSON"))?;
        let wrapped_key = WrappedKey::try_from(j.wrapped_key)?;
        if j.fingerprint != wrapped_key.public_key.fingerprint().to_string() {
            return Err(KeyFileError::FingerprintMismatch);
        }
        Self::new(&j.display_name, wrapped_key)
    }
}
