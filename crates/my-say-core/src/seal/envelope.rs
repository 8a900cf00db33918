//! One sealed booklet: a payload encrypted under a random content key, and that content key
//! sealed with HPKE to each recipient.

use super::codec::{hex, unhex, Reader};
use super::keys::{Fingerprint, KemImpl, PrivateKey, PublicKey, FINGERPRINT_LEN, KEY_LEN};
use super::{aead_open, aead_seal, BundleError, Corruption, AEAD_TAG_LEN};
use crate::record::CompletedBooklet;
use hpke::aead::ChaCha20Poly1305 as HpkeChaCha;
use hpke::kdf::HkdfSha256;
use hpke::{Deserializable, Serializable};
use rand_core::CryptoRng;
use std::fmt;
use zeroize::Zeroizing;

/// The item (sealed booklet) format version this code writes.
pub const ITEM_VERSION: u8 = 1;
/// Most recipients one booklet can be sealed to.
pub const MAX_RECIPIENTS: usize = 8;
/// Largest plaintext one booklet can carry (4 MiB).
pub const MAX_PLAINTEXT_LEN: usize = 4 << 20;
/// Largest payload ciphertext (plaintext plus the 16-byte tag).
pub const MAX_CIPHERTEXT_LEN: usize = MAX_PLAINTEXT_LEN + AEAD_TAG_LEN;
/// Length of a booklet id.
pub const ID_LEN: usize = 16;

/// HPKE `info` for version 1 items.
pub const HPKE_INFO_V1: &[u8] = b"my-say sealed booklet v1";
/// Bytes of one recipient stanza: key id, HPKE `enc`, sealed content key.
pub(crate) const STANZA_LEN: usize = FINGERPRINT_LEN + KEY_LEN + KEY_LEN + AEAD_TAG_LEN;
/// The payload nonce: the content key is random and used for exactly one message.
const PAYLOAD_NONCE: [u8; 12] = [0; 12];

/// A booklet's stable random id (16 bytes; 32 lowercase hex digits, like
/// [`CompletedBooklet::id`]). Importing the same id twice adds nothing.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BookletId(pub [u8; ID_LEN]);

impl BookletId {
    /// A new random id.
    pub fn random(rng: &mut impl CryptoRng) -> Self {
        let mut id = [0u8; ID_LEN];
        rng.fill_bytes(&mut id);
        BookletId(id)
    }

    /// 32 lowercase hex digits.
    pub fn to_hex(&self) -> String {
        hex(&self.0)
    }

    /// From exactly 32 lowercase hex digits.
    pub fn from_hex(text: &str) -> Option<Self> {
        unhex::<ID_LEN>(text).map(BookletId)
    }
}

impl fmt::Display for BookletId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for BookletId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BookletId({})", self.to_hex())
    }
}

/// The content key sealed to one recipient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Stanza {
    /// The recipient's fingerprint bytes, so a reader knows which stanza is theirs.
    key_id: [u8; FINGERPRINT_LEN],
    /// HPKE encapsulated key (the ephemeral X25519 public key).
    enc: [u8; KEY_LEN],
    /// HPKE ciphertext of the 32-byte content key.
    sealed_key: [u8; KEY_LEN + AEAD_TAG_LEN],
}

/// A sealed booklet: only the holders of the recipients' private keys can read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedBooklet {
    version: u8,
    id: BookletId,
    stanzas: Vec<Stanza>,
    ciphertext: Vec<u8>,
}

/// Why a booklet could not be sealed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    /// No recipients, or more than [`MAX_RECIPIENTS`].
    RecipientCount,
    /// The same key twice.
    DuplicateRecipient,
    /// A recipient key no one can hold (a low-order point).
    InvalidRecipientKey,
    /// More than [`MAX_PLAINTEXT_LEN`] bytes.
    TooLarge,
    /// The booklet's id is not 32 lowercase hex digits.
    InvalidBookletId,
}

impl fmt::Display for SealError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SealError::RecipientCount => {
                "This tablet needs to be set up with between 1 and 8 reviewing officers' keys \
                 before answers can be sealed."
            }
            SealError::DuplicateRecipient => "The same key is set up twice on this tablet.",
            SealError::InvalidRecipientKey => {
                "One of the keys this tablet is set up with is not a usable key. Set the tablet \
                 up again from the reviewing officer's setup code."
            }
            SealError::TooLarge => "These answers are too large to seal (over 4 MB).",
            SealError::InvalidBookletId => "This booklet's id is not in the expected form.",
        })
    }
}

impl std::error::Error for SealError {}

/// Why a sealed booklet could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// It was sealed for other keys, not this one.
    NotForThisKey,
    /// It was changed or damaged after sealing (authentication failed).
    Tampered,
    /// A format version this code cannot open.
    UnsupportedVersion {
        /// The version found.
        found: u8,
    },
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::NotForThisKey => f.write_str(
                "These answers were sealed for someone else's key, so they cannot be opened \
                 with yours.",
            ),
            OpenError::Tampered => f.write_str(
                "These answers have been changed or damaged since they were sealed, so they \
                 cannot be trusted.",
            ),
            OpenError::UnsupportedVersion { found } => write!(
                f,
                "These answers use sealed format version {found}, which this version of My Say \
                 cannot open. Update My Say and try again."
            ),
        }
    }
}

impl std::error::Error for OpenError {}

/// Seals `plaintext` to every key in `recipients` under a new random [`BookletId`].
pub fn seal(
    plaintext: &[u8],
    recipients: &[PublicKey],
    rng: &mut impl CryptoRng,
) -> Result<SealedBooklet, SealError> {
    let id = BookletId::random(rng);
    seal_with_id(id, plaintext, recipients, rng)
}

/// Seals `plaintext` under a chosen id (such as the [`CompletedBooklet::id`] it holds).
pub fn seal_with_id(
    id: BookletId,
    plaintext: &[u8],
    recipients: &[PublicKey],
    rng: &mut impl CryptoRng,
) -> Result<SealedBooklet, SealError> {
    if recipients.is_empty() || recipients.len() > MAX_RECIPIENTS {
        return Err(SealError::RecipientCount);
    }
    if plaintext.len() > MAX_PLAINTEXT_LEN {
        return Err(SealError::TooLarge);
    }
    let mut key_ids: Vec<[u8; FINGERPRINT_LEN]> = recipients
        .iter()
        .map(|pk| *pk.fingerprint().as_bytes())
        .collect();
    key_ids.sort_unstable();
    if key_ids.windows(2).any(|w| w[0] == w[1]) {
        return Err(SealError::DuplicateRecipient);
    }

    let mut content_key = Zeroizing::new([0u8; KEY_LEN]);
    rng.fill_bytes(&mut content_key[..]);

    let mut stanzas = Vec::with_capacity(recipients.len());
    for pk in recipients {
        let key_id = *pk.fingerprint().as_bytes();
        let (enc, sealed) = hpke::single_shot_seal_with_rng::<HpkeChaCha, HkdfSha256, KemImpl>(
            &hpke::OpModeS::Base,
            &pk.to_hpke(),
            HPKE_INFO_V1,
            &content_key[..],
            &stanza_aad(ITEM_VERSION, &id, &key_id),
            rng,
        )
        .map_err(|_| SealError::InvalidRecipientKey)?;
        let mut enc_bytes = [0u8; KEY_LEN];
        enc.write_exact(&mut enc_bytes);
        stanzas.push(Stanza {
            key_id,
            enc: enc_bytes,
            sealed_key: sealed.try_into().expect("32-byte key + 16-byte tag"),
        });
    }

    let mut sealed = SealedBooklet {
        version: ITEM_VERSION,
        id,
        stanzas,
        ciphertext: Vec::new(),
    };
    let header = sealed.header(plaintext.len() + AEAD_TAG_LEN);
    sealed.ciphertext = aead_seal(&content_key, &PAYLOAD_NONCE, &header, plaintext);
    Ok(sealed)
}

/// Seals a finished booklet's JSON under its own id, so the id outside matches the one inside.
pub fn seal_booklet(
    booklet: &CompletedBooklet,
    recipients: &[PublicKey],
    rng: &mut impl CryptoRng,
) -> Result<SealedBooklet, SealError> {
    let id = BookletId::from_hex(&booklet.id).ok_or(SealError::InvalidBookletId)?;
    let json = serde_json::to_vec(booklet).expect("a booklet serializes");
    seal_with_id(id, &json, recipients, rng)
}

/// Opens a sealed booklet with `key`.
pub fn open(sealed: &SealedBooklet, key: &PrivateKey) -> Result<Vec<u8>, OpenError> {
    open_as(sealed, key, &key.public_key().fingerprint())
}

/// [`open`] with the key's fingerprint already worked out (it costs a scalar multiplication).
pub(crate) fn open_as(
    sealed: &SealedBooklet,
    key: &PrivateKey,
    fingerprint: &Fingerprint,
) -> Result<Vec<u8>, OpenError> {
    // Version dispatch: every version ever written stays here, so old booklets still open.
    match sealed.version {
        1 => open_v1(sealed, key, fingerprint),
        found => Err(OpenError::UnsupportedVersion { found }),
    }
}

fn open_v1(
    sealed: &SealedBooklet,
    key: &PrivateKey,
    fingerprint: &Fingerprint,
) -> Result<Vec<u8>, OpenError> {
    let stanza = sealed
        .stanza_for(fingerprint)
        .ok_or(OpenError::NotForThisKey)?;
    let enc = <KemImpl as hpke::Kem>::EncappedKey::from_bytes(&stanza.enc)
        .map_err(|_| OpenError::Tampered)?;
    let content_key = hpke::single_shot_open::<HpkeChaCha, HkdfSha256, KemImpl>(
        &hpke::OpModeR::Base,
        key.hpke(),
        &enc,
        HPKE_INFO_V1,
        &stanza.sealed_key,
        &stanza_aad(sealed.version, &sealed.id, &stanza.key_id),
    )
    .map_err(|_| OpenError::Tampered)?;
    let content_key = Zeroizing::new(content_key);
    let content_key: &[u8; KEY_LEN] = content_key[..]
        .try_into()
        .map_err(|_| OpenError::Tampered)?;
    aead_open(
        content_key,
        &PAYLOAD_NONCE,
        &sealed.header(sealed.ciphertext.len()),
        &sealed.ciphertext,
    )
    .ok_or(OpenError::Tampered)
}

/// HPKE associated data of a stanza: item version, booklet id, recipient key id.
fn stanza_aad(version: u8, id: &BookletId, key_id: &[u8; FINGERPRINT_LEN]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(1 + ID_LEN + FINGERPRINT_LEN);
    aad.push(version);
    aad.extend_from_slice(&id.0);
    aad.extend_from_slice(key_id);
    aad
}

impl SealedBooklet {
    /// The booklet's stable id.
    pub fn id(&self) -> BookletId {
        self.id
    }

    /// The item format version.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// The fingerprints of the keys that can open it, in stanza order.
    pub fn recipients(&self) -> Vec<Fingerprint> {
        self.stanzas.iter().map(|s| Fingerprint(s.key_id)).collect()
    }

    /// Whether `key` has a stanza here (without trying to open it).
    pub fn is_for(&self, key: &PublicKey) -> bool {
        self.stanza_for(&key.fingerprint()).is_some()
    }

    pub(crate) fn stanza_for(&self, fingerprint: &Fingerprint) -> Option<&Stanza> {
        self.stanzas.iter().find(|s| s.key_id == fingerprint.0)
    }

    /// Everything before the payload ciphertext: the payload's associated data.
    fn header(&self, ciphertext_len: usize) -> Vec<u8> {
        let mut h = Vec::with_capacity(1 + ID_LEN + 1 + self.stanzas.len() * STANZA_LEN + 4);
        h.push(self.version);
        h.extend_from_slice(&self.id.0);
        h.push(u8::try_from(self.stanzas.len()).expect("at most 8 recipients"));
        for s in &self.stanzas {
            h.extend_from_slice(&s.key_id);
            h.extend_from_slice(&s.enc);
            h.extend_from_slice(&s.sealed_key);
        }
        let len = u32::try_from(ciphertext_len).expect("payload length is bounded");
        h.extend_from_slice(&len.to_be_bytes());
        h
    }

    /// Encoded length in bytes.
    pub fn encoded_len(&self) -> usize {
        1 + ID_LEN + 1 + self.stanzas.len() * STANZA_LEN + 4 + self.ciphertext.len()
    }

    /// The canonical bytes (also how a tablet keeps it while waiting to export).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = self.header(self.ciphertext.len());
        out.extend_from_slice(&self.ciphertext);
        out
    }

    /// Reads exactly one sealed booklet; trailing bytes are refused.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, BundleError> {
        let mut r = Reader::new(bytes);
        let item = Self::read(&mut r)?;
        if !r.is_at_end() {
            return Err(BundleError::Corrupted(Corruption::TrailingData));
        }
        Ok(item)
    }

    /// Reads one item, dispatching on its version byte.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        let version = r.u8()?;
        match version {
            1 => Self::read_v1(r),
            0 => Err(BundleError::Corrupted(Corruption::UnknownVersion(0))),
            found => Err(BundleError::FutureVersion { found }),
        }
    }

    fn read_v1(r: &mut Reader<'_>) -> Result<Self, BundleError> {
        let id = BookletId(r.array::<ID_LEN>()?);
        let n = usize::from(r.u8()?);
        if n == 0 || n > MAX_RECIPIENTS {
            return Err(BundleError::Corrupted(Corruption::RecipientCount));
        }
        let mut stanzas: Vec<Stanza> = Vec::with_capacity(n);
        for _ in 0..n {
            let stanza = Stanza {
                key_id: r.array()?,
                enc: r.array()?,
                sealed_key: r.array()?,
            };
            if stanzas.iter().any(|s| s.key_id == stanza.key_id) {
                return Err(BundleError::Corrupted(Corruption::DuplicateRecipient));
            }
            stanzas.push(stanza);
        }
        let len = r.u32_be()? as usize;
        if !(AEAD_TAG_LEN..=MAX_CIPHERTEXT_LEN).contains(&len) {
            return Err(BundleError::Corrupted(Corruption::PayloadLength));
        }
        let ciphertext = r.take(len)?.to_vec();
        Ok(SealedBooklet {
            version: 1,
            id,
            stanzas,
            ciphertext,
        })
    }
}
