//! IRO key pairs (X25519, as used by HPKE's DHKEM), fingerprints and identities.

use super::codec::{crockford_base32, unb64_array};
use super::KeyFileError;
use hpke::kem::{Kem as _, X25519HkdfSha256};
use hpke::{Deserializable, Serializable};
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};
use std::fmt;

pub(crate) type KemImpl = X25519HkdfSha256;

/// Length of an X25519 public or private key in bytes.
pub const KEY_LEN: usize = 32;
/// Length of a fingerprint in bytes (80 bits), before base32.
pub const FINGERPRINT_LEN: usize = 10;

/// Domain separation for fingerprints: the hash input is this, then the KEM id (2 bytes,
/// big-endian), then the 32-byte public key.
const FINGERPRINT_DOMAIN: &[u8] = b"my-say fingerprint v1\0";

/// An IRO's (or team manager's) X25519 public key: what a tablet seals to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublicKey([u8; KEY_LEN]);

impl PublicKey {
    /// A public key from its 32 bytes. Refuses the few X25519 points that would give an all-zero
    /// shared secret (so nothing could be sealed to them).
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Result<Self, KeyFileError> {
        let key = PublicKey(bytes);
        if key.is_usable() {
            Ok(key)
        } else {
            Err(KeyFileError::InvalidKey)
        }
    }

    /// The 32 raw bytes.
    pub fn to_bytes(&self) -> [u8; KEY_LEN] {
        self.0
    }

    /// The key as unpadded base64url (43 characters), as in key files.
    pub fn to_base64(&self) -> String {
        super::codec::b64(&self.0)
    }

    /// A key from unpadded base64url.
    pub fn from_base64(text: &str) -> Result<Self, KeyFileError> {
        let bytes = unb64_array::<KEY_LEN>(text).ok_or(KeyFileError::Malformed("public key"))?;
        Self::from_bytes(bytes)
    }

    /// The fingerprint people compare by eye.
    pub fn fingerprint(&self) -> Fingerprint {
        let mut h = Sha256::new();
        h.update(FINGERPRINT_DOMAIN);
        h.update(KemImpl::KEM_ID.to_be_bytes());
        h.update(self.0);
        let digest = h.finalize();
        let mut out = [0u8; FINGERPRINT_LEN];
        out.copy_from_slice(&digest[..FINGERPRINT_LEN]);
        Fingerprint(out)
    }

    pub(crate) fn to_hpke(self) -> <KemImpl as hpke::Kem>::PublicKey {
        // Infallible: any 32 bytes are an X25519 public key encoding.
        <KemImpl as hpke::Kem>::PublicKey::from_bytes(&self.0)
            .expect("32 bytes are always an X25519 public key")
    }

    /// Whether HPKE can encapsulate to this key: false only for low-order points.
    fn is_usable(&self) -> bool {
        // Probe with a fixed (non-secret) ephemeral key; nothing sealed here is kept.
        let mut probe = ProbeRng;
        hpke::single_shot_seal_with_rng::<
            hpke::aead::ChaCha20Poly1305,
            hpke::kdf::HkdfSha256,
            KemImpl,
        >(
            &hpke::OpModeS::Base,
            &self.to_hpke(),
            b"my-say key check",
            b"",
            b"",
            &mut probe,
        )
        .is_ok()
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_base64())
    }
}

/// A constant byte source, used only to check that a public key is not a low-order point.
struct ProbeRng;

impl rand_core::TryRng for ProbeRng {
    type Error = core::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(0x0101_0101)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(0x0101_0101_0101_0101)
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        dst.fill(1);
        Ok(())
    }
}
impl rand_core::TryCryptoRng for ProbeRng {}

/// An IRO's X25519 private key. Kept in memory only while the IRO's workspace is unlocked;
/// at rest it is always a [`super::WrappedKey`]. Its bytes are wiped when dropped.
#[derive(Clone)]
pub struct PrivateKey(<KemImpl as hpke::Kem>::PrivateKey);

impl PrivateKey {
    /// A private key from 32 bytes (clamped as X25519 requires).
    pub fn from_bytes(bytes: &[u8; KEY_LEN]) -> Self {
        PrivateKey(
            <KemImpl as hpke::Kem>::PrivateKey::from_bytes(bytes)
                .expect("32 bytes are always an X25519 private key"),
        )
    }

    /// The 32 (clamped) private key bytes. Handle with care: wrap them, never store them plain.
    pub fn to_bytes(&self) -> zeroize::Zeroizing<[u8; KEY_LEN]> {
        let mut out = zeroize::Zeroizing::new([0u8; KEY_LEN]);
        self.0.write_exact(&mut out[..]);
        out
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        let mut bytes = [0u8; KEY_LEN];
        KemImpl::sk_to_pk(&self.0).write_exact(&mut bytes);
        PublicKey(bytes)
    }

    pub(crate) fn hpke(&self) -> &<KemImpl as hpke::Kem>::PrivateKey {
        &self.0
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey(for {})", self.public_key().fingerprint())
    }
}

/// A new random key pair (HPKE DHKEM(X25519, HKDF-SHA256) `DeriveKeyPair` over 32 random bytes).
pub fn generate_keypair(rng: &mut impl CryptoRng) -> (PrivateKey, PublicKey) {
    let (sk, _) = KemImpl::gen_keypair_with_rng(rng);
    let sk = PrivateKey(sk);
    let pk = sk.public_key();
    (sk, pk)
}

/// A public key's fingerprint: the first 10 bytes of
/// `SHA-256("my-say fingerprint v1" || 0x00 || 0x0020 || public key)`,
/// shown as 16 Crockford base32 characters in four groups: `K7PQ-3MZD-8XWA-1BCE`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fingerprint(pub(crate) [u8; FINGERPRINT_LEN]);

impl Fingerprint {
    /// The 10 bytes.
    pub fn as_bytes(&self) -> &[u8; FINGERPRINT_LEN] {
        &self.0
    }
}

impl fmt::Display for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = crockford_base32(&self.0);
        for (i, group) in s.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str("-")?;
            }
            f.write_str(std::str::from_utf8(group).expect("base32 is ASCII"))?;
        }
        Ok(())
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fingerprint({self})")
    }
}

/// Who a tablet seals to: a name people recognise and the public key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IroIdentity {
    /// Such as "Sam Patel (IRO, North team)". Trimmed, 1 to 100 UTF-8 bytes, no control, hidden
    /// or bidi characters and nothing shaped like a fingerprint ([`crate::name::check_name`]).
    pub display_name: String,
    /// The key answers are sealed to.
    pub public_key: PublicKey,
}

impl IroIdentity {
    /// An identity, with the name trimmed and checked.
    pub fn new(display_name: &str, public_key: PublicKey) -> Result<Self, KeyFileError> {
        Ok(IroIdentity {
            display_name: check_name(display_name)?,
            public_key,
        })
    }

    /// The key's fingerprint.
    pub fn fingerprint(&self) -> Fingerprint {
        self.public_key.fingerprint()
    }
}

/// The name trimmed, or why it cannot be trusted ([`crate::name::check_name`]).
pub(crate) fn check_name(name: &str) -> Result<String, KeyFileError> {
    crate::name::check_name(name)
        .map(str::to_owned)
        .map_err(KeyFileError::InvalidName)
}
