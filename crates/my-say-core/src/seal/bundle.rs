//! A bundle: the file that carries sealed booklets from a tablet to the IRO.

use super::codec::{Reader, Short};
use super::envelope::{open_as, BookletId, OpenError, SealedBooklet};
use super::keys::{Fingerprint, PrivateKey};
use crate::record::CompletedBooklet;
use std::collections::BTreeSet;
use std::fmt;

/// The first 8 bytes of every bundle. The leading 0x89 and the CR LF catch files mangled as
/// text (as PNG's signature does).
pub const BUNDLE_MAGIC: [u8; 8] = *b"\x89MySay\r\n";
/// The bundle format version this code writes (and the newest it reads).
pub const BUNDLE_VERSION: u8 = 1;
/// Most booklets one bundle can carry.
pub const MAX_BUNDLE_ITEMS: usize = 100_000;
/// Suggested file name extension.
pub const BUNDLE_EXTENSION: &str = "mysay";

/// A parsed bundle: sealed booklets with distinct ids, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bundle {
    items: Vec<SealedBooklet>,
}

/// What exactly is wrong inside a damaged file (for support; people see [`BundleError`]'s text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Corruption {
    /// A version byte of 0.
    UnknownVersion(u8),
    /// A booklet count above [`MAX_BUNDLE_ITEMS`].
    ItemCount,
    /// A booklet with 0 or more than 8 recipients.
    RecipientCount,
    /// The same recipient twice in one booklet.
    DuplicateRecipient,
    /// A payload length below 16 or above the limit.
    PayloadLength,
    /// The same booklet id twice in one bundle.
    DuplicateBooklet(BookletId),
    /// Bytes after the last booklet.
    TrailingData,
}

impl fmt::Display for Corruption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Corruption::UnknownVersion(v) => write!(f, "unknown version {v}"),
            Corruption::ItemCount => f.write_str("too many booklets"),
            Corruption::RecipientCount => f.write_str("impossible number of recipients"),
            Corruption::DuplicateRecipient => f.write_str("a recipient appears twice"),
            Corruption::PayloadLength => f.write_str("impossible answers length"),
            Corruption::DuplicateBooklet(id) => write!(f, "booklet {id} appears twice"),
            Corruption::TrailingData => f.write_str("extra bytes after the end"),
        }
    }
}

/// Why a file could not be read as a bundle (before any decryption).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleError {
    /// The file has no bytes at all.
    Empty,
    /// The file does not start with the My Say signature.
    NotMySay,
    /// The file ends early.
    Truncated,
    /// Made by a newer My Say.
    FutureVersion {
        /// The version found.
        found: u8,
    },
    /// The structure is impossible: damaged or altered.
    Corrupted(Corruption),
}

impl From<Short> for BundleError {
    fn from(_: Short) -> Self {
        BundleError::Truncated
    }
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Empty => f.write_str(
                "This file is empty. Export the answers from the tablet again and bring the new file.",
            ),
            BundleError::NotMySay => f.write_str(
                "This is not a My Say answers file. Choose the file the tablet exported \
                 (its name ends in .mysay).",
            ),
            BundleError::Truncated => f.write_str(
                "This answers file is incomplete: it was cut short, perhaps while it was being \
                 copied or downloaded. Nothing was imported. Export it from the tablet again.",
            ),
            BundleError::FutureVersion { found } => write!(
                f,
                "This answers file was made by a newer version of My Say (format {found}). \
                 Nothing was imported. Update My Say on this device, then import it again."
            ),
            BundleError::Corrupted(detail) => write!(
                f,
                "This answers file has been damaged or changed since it was made, so none of \
                 it can be trusted. Nothing was imported. Export it from the tablet again. \
                 (Detail: {detail}.)"
            ),
        }
    }
}

impl std::error::Error for BundleError {}

/// Why importing a bundle failed. Import is all-or-nothing: on any error nothing is imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file itself could not be read.
    File(BundleError),
    /// Some or all booklets were sealed for other keys.
    NotForThisKey {
        /// How many booklets in the file are not for this key.
        not_for_you: usize,
        /// How many booklets the file holds.
        total: usize,
    },
    /// A booklet failed authentication: changed or damaged after sealing.
    Tampered {
        /// Its position in the file, from 1.
        position: usize,
        /// How many booklets the file holds.
        total: usize,
    },
    /// A booklet in a newer sealed format.
    FutureVersion {
        /// The version found.
        found: u8,
    },
    /// A booklet opened but did not hold a booklet this version of My Say can read, or its
    /// id inside differs from the id outside.
    NotABooklet {
        /// Its position in the file, from 1.
        position: usize,
    },
}

impl From<BundleError> for ImportError {
    fn from(e: BundleError) -> Self {
        ImportError::File(e)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::File(e) => e.fmt(f),
            ImportError::NotForThisKey { not_for_you, total } if not_for_you == total => f
                .write_str(
                    "These answers were sealed for a different reviewing officer's key, so they \
                     cannot be opened with yours. Nothing was imported. Check which officer the \
                     tablet was set up for.",
                ),
            ImportError::NotForThisKey { not_for_you, total } => write!(
                f,
                "{not_for_you} of the {total} booklets in this file were sealed for a different \
                 reviewing officer's key, so the file cannot be imported with yours. Nothing was \
                 imported. Check which officer the tablet was set up for."
            ),
            ImportError::Tampered { position, total } => write!(
                f,
                "Booklet {position} of {total} in this file has been changed or damaged since \
                 it was sealed, so the file cannot be trusted. Nothing was imported. Export it \
                 from the tablet again."
            ),
            ImportError::FutureVersion { found } => {
                BundleError::FutureVersion { found: *found }.fmt(f)
            }
            ImportError::NotABooklet { position } => write!(
                f,
                "Booklet {position} in this file opened, but what is inside is not a booklet \
                 this version of My Say can read. Nothing was imported. Update My Say and try \
                 again."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl Bundle {
    /// A bundle of `items`. Refuses two items with the same id and more than
    /// [`MAX_BUNDLE_ITEMS`] items.
    pub fn new(items: Vec<SealedBooklet>) -> Result<Self, BundleError> {
        if items.len() > MAX_BUNDLE_ITEMS {
            return Err(BundleError::Corrupted(Corruption::ItemCount));
        }
        let mut seen = BTreeSet::new();
        for item in &items {
            if !seen.insert(item.id()) {
                return Err(BundleError::Corrupted(Corruption::DuplicateBooklet(
                    item.id(),
                )));
            }
        }
        Ok(Bundle { items })
    }

    /// The sealed booklets, in file order.
    pub fn items(&self) -> &[SealedBooklet] {
        &self.items
    }

    /// The canonical bytes of the file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let len: usize = self.items.iter().map(SealedBooklet::encoded_len).sum();
        let mut out = Vec::with_capacity(BUNDLE_MAGIC.len() + 5 + len);
        out.extend_from_slice(&BUNDLE_MAGIC);
        out.push(BUNDLE_VERSION);
        let count = u32::try_from(self.items.len()).expect("item count is bounded");
        out.extend_from_slice(&count.to_be_bytes());
        for item in &self.items {
            out.extend_from_slice(&item.to_bytes());
        }
        out
    }
}

/// Reads a bundle strictly: signature, version, count, then exactly that many sealed booklets
/// and nothing after. Allocates at most about the size of `bytes`.
pub fn parse_bundle(bytes: &[u8]) -> Result<Bundle, BundleError> {
    if bytes.is_empty() {
        return Err(BundleError::Empty);
    }
    if bytes.len() < BUNDLE_MAGIC.len() {
        return Err(if BUNDLE_MAGIC.starts_with(bytes) {
            BundleError::Truncated
        } else {
            BundleError::NotMySay
        });
    }
    let mut r = Reader::new(bytes);
    let count = read_header(&mut r)?;
    parse_v1(&mut r, count)
}

/// Reads a bundle's header: its signature, a version this code reads, and how many booklets it
/// says it holds (at most [`MAX_BUNDLE_ITEMS`]). The one reading of it, for [`parse_bundle`] and
/// the staff app's peek at a large file (`super::parts::booklets_announced`).
pub(super) fn read_header(r: &mut Reader<'_>) -> Result<usize, BundleError> {
    if r.take(BUNDLE_MAGIC.len())? != BUNDLE_MAGIC {
        return Err(BundleError::NotMySay);
    }
    match r.u8()? {
        1 => {}
        0 => return Err(BundleError::Corrupted(Corruption::UnknownVersion(0))),
        found => return Err(BundleError::FutureVersion { found }),
    }
    let count = r.u32_be()? as usize;
    if count > MAX_BUNDLE_ITEMS {
        return Err(BundleError::Corrupted(Corruption::ItemCount));
    }
    Ok(count)
}

fn parse_v1(r: &mut Reader<'_>, count: usize) -> Result<Bundle, BundleError> {
    // Never reserve more than the remaining bytes could hold (each item is over 100 bytes).
    let mut items = Vec::with_capacity(count.min(r.remaining() / 100));
    let mut seen = BTreeSet::new();
    for _ in 0..count {
        let start = r.position();
        let item = SealedBooklet::read(r)?;
        debug_assert_eq!(r.position() - start, item.encoded_len());
        if !seen.insert(item.id()) {
            return Err(BundleError::Corrupted(Corruption::DuplicateBooklet(
                item.id(),
            )));
        }
        items.push(item);
    }
    if !r.is_at_end() {
        return Err(BundleError::Corrupted(Corruption::TrailingData));
    }
    Ok(Bundle { items })
}

/// Opens a bundle's booklets a few at a time, so that a page can show progress and stay
/// responsive between steps ([`BundleOpener::open_some`]). All or nothing, like
/// [`open_bundle`]: the opened booklets are only handed over once every one has opened.
pub struct BundleOpener<'k> {
    items: Vec<SealedBooklet>,
    key: &'k PrivateKey,
    fingerprint: Fingerprint,
    opened: Vec<(BookletId, Vec<u8>)>,
}

impl<'k> BundleOpener<'k> {
    /// Reads the bundle and checks that every booklet in it is for `key`; opens none yet.
    pub fn new(bytes: &[u8], key: &'k PrivateKey) -> Result<BundleOpener<'k>, ImportError> {
        let bundle = parse_bundle(bytes)?;
        let total = bundle.items.len();
        let fingerprint = key.public_key().fingerprint();
        let not_for_you = bundle
            .items
            .iter()
            .filter(|i| i.stanza_for(&fingerprint).is_none())
            .count();
        if not_for_you > 0 {
            return Err(ImportError::NotForThisKey { not_for_you, total });
        }
        Ok(BundleOpener {
            items: bundle.items,
            key,
            fingerprint,
            opened: Vec::with_capacity(total),
        })
    }

    /// How many booklets the bundle holds.
    pub fn total(&self) -> usize {
        self.items.len()
    }

    /// Whom each booklet was sealed for, in bundle order: its recipients' fingerprints (the key
    /// ids in its header, which its authentication covers once it opens).
    pub fn sealed_for(&self) -> Vec<Vec<Fingerprint>> {
        self.items.iter().map(SealedBooklet::recipients).collect()
    }

    /// How many have been opened so far.
    pub fn opened(&self) -> usize {
        self.opened.len()
    }

    /// Opens up to `n` more booklets; `Ok(true)` once every booklet is open. The first booklet
    /// that fails ends the import with its error.
    pub fn open_some(&mut self, n: usize) -> Result<bool, ImportError> {
        let total = self.items.len();
        let end = self.opened.len().saturating_add(n).min(total);
        for i in self.opened.len()..end {
            let plain = self.open_at(i)?;
            self.opened.push((self.items[i].id(), plain));
        }
        Ok(self.opened.len() == total)
    }

    /// Opens the booklet at `index` (from 0) without keeping it: its plaintext, or the error
    /// the whole import fails with. For opening a file in parts (`super::parts`).
    pub(crate) fn open_at(&self, index: usize) -> Result<Vec<u8>, ImportError> {
        let total = self.items.len();
        let item = self.items.get(index).ok_or(ImportError::Tampered {
            position: index + 1,
            total,
        })?;
        open_as(item, self.key, &self.fingerprint).map_err(|e| match e {
            OpenError::NotForThisKey => ImportError::NotForThisKey {
                not_for_you: 1,
                total,
            },
            OpenError::Tampered => ImportError::Tampered {
                position: index + 1,
                total,
            },
            OpenError::UnsupportedVersion { found } => ImportError::FutureVersion { found },
        })
    }

    /// The sealed booklet at `index` (from 0), if there is one.
    pub(crate) fn item(&self, index: usize) -> Option<&SealedBooklet> {
        self.items.get(index)
    }

    /// Every opened booklet's id and plaintext, in bundle order. Call after `open_some` has
    /// returned `Ok(true)`; before that it is an error, so a half-opened bundle is never used.
    pub fn finish(self) -> Result<Vec<(BookletId, Vec<u8>)>, ImportError> {
        if self.opened.len() != self.items.len() {
            return Err(ImportError::Tampered {
                position: self.opened.len() + 1,
                total: self.items.len(),
            });
        }
        Ok(self.opened)
    }

    /// [`BundleOpener::finish`], with each plaintext read as a [`CompletedBooklet`] whose `id`
    /// must equal the sealed id. All or nothing.
    pub fn finish_booklets(self) -> Result<Vec<CompletedBooklet>, ImportError> {
        self.finish()?
            .into_iter()
            .enumerate()
            .map(|(i, (id, plain))| read_opened(i + 1, &id, &plain))
            .collect()
    }
}

/// Reads the plaintext of the booklet at `position` (from 1) sealed under `id` as a
/// [`CompletedBooklet`], whose own `id` must be the sealed one.
pub fn read_opened(
    position: usize,
    id: &BookletId,
    plain: &[u8],
) -> Result<CompletedBooklet, ImportError> {
    let booklet: CompletedBooklet =
        serde_json::from_slice(plain).map_err(|_| ImportError::NotABooklet { position })?;
    if booklet.id != id.to_hex() {
        return Err(ImportError::NotABooklet { position });
    }
    Ok(booklet)
}

/// Reads and opens every booklet in a bundle with `key`. All or nothing: if any booklet is
/// not for this key, or fails to open, the whole import fails and nothing is returned.
pub fn open_bundle(
    bytes: &[u8],
    key: &PrivateKey,
) -> Result<Vec<(BookletId, Vec<u8>)>, ImportError> {
    let mut opener = BundleOpener::new(bytes, key)?;
    opener.open_some(usize::MAX)?;
    opener.finish()
}

/// [`open_bundle`], then reads each plaintext as a [`CompletedBooklet`] whose `id` must equal
/// the sealed id. All or nothing.
pub fn open_bundle_booklets(
    bytes: &[u8],
    key: &PrivateKey,
) -> Result<Vec<CompletedBooklet>, ImportError> {
    let mut opener = BundleOpener::new(bytes, key)?;
    opener.open_some(usize::MAX)?;
    opener.finish_booklets()
}
