//! Opening one answers file in parts, side by side. The staff app's import gives each part to a
//! Web Worker (`crates/my-say-staff/src/bin/open_worker.rs`), which opens its booklets with
//! [`PartOpener`] and sends them to the page a chunk at a time; the page reads each chunk with
//! [`decode_chunk`] and each booklet with [`super::read_opened`], and stores the file only once
//! every part has opened. All or nothing, as [`BundleOpener`]: a part that fails stops, and the
//! page then opens the file itself, so the reason it gives is exactly the one it always gave.

use super::bundle::{read_header, BundleError, BundleOpener, Corruption, ImportError};
use super::codec::Reader;
use super::envelope::{BookletId, ID_LEN, MAX_RECIPIENTS};
use super::keys::{Fingerprint, PrivateKey, FINGERPRINT_LEN};
use std::ops::Range;

/// Files with fewer booklets than this are opened on the page itself: starting a worker costs
/// more than the page spends opening them.
pub const PARTS_FROM: usize = 200;
/// The fewest booklets one part is given, so a worker is not started for a handful.
pub const MIN_PART: usize = 100;
/// The most parts one file is opened in: each worker holds a copy of the file while it opens.
pub const MAX_PARTS: usize = 4;

/// How `total` booklets are shared among at most `workers` workers (and [`MAX_PARTS`]):
/// contiguous ranges in file order that cover every booklet exactly once, their sizes differing
/// by at most one, each of at least [`MIN_PART`]. None at all when the file is better opened on
/// the page (fewer than [`PARTS_FROM`] booklets, or no worker).
pub fn part_ranges(total: usize, workers: usize) -> Vec<Range<usize>> {
    if total < PARTS_FROM || workers == 0 {
        return Vec::new();
    }
    let parts = workers.min(MAX_PARTS).min(total / MIN_PART).max(1);
    let (size, extra) = (total / parts, total % parts);
    let mut start = 0;
    (0..parts)
        .map(|i| {
            let end = start + size + usize::from(i < extra);
            let part = start..end;
            start = end;
            part
        })
        .collect()
}

/// How many booklets a file says it holds, from its header alone; `None` if it does not start
/// like a bundle this version reads, or says more than a bundle may hold
/// ([`super::MAX_BUNDLE_ITEMS`]) or than the rest of the file could (each booklet takes at least a
/// byte): a forged count must never size the page's lists. Nothing else is checked:
/// [`PartOpener::new`] reads it all, and the page opens a refused file itself, for its message.
pub fn booklets_announced(bytes: &[u8]) -> Option<usize> {
    let mut r = Reader::new(bytes);
    let count = read_header(&mut r).ok()?;
    (count <= r.remaining()).then_some(count)
}

/// Opens one part of a file: the booklets in a range of it.
pub struct PartOpener<'k> {
    opener: BundleOpener<'k>,
    next: usize,
    end: usize,
}

impl<'k> PartOpener<'k> {
    /// Reads the whole file and checks that every booklet in it is for `key`, as
    /// [`BundleOpener::new`] does (and fails as it does); then opens the booklets in `part`
    /// (as far as the file goes), none yet.
    pub fn new(
        bytes: &[u8],
        key: &'k PrivateKey,
        part: Range<usize>,
    ) -> Result<PartOpener<'k>, ImportError> {
        let opener = BundleOpener::new(bytes, key)?;
        let end = part.end.min(opener.total());
        Ok(PartOpener {
            next: part.start.min(end),
            end,
            opener,
        })
    }

    /// Whether every booklet of the part has been opened.
    pub fn is_done(&self) -> bool {
        self.next == self.end
    }

    /// The booklets of the part not opened yet: from the start by [`PartOpener::open_some`],
    /// from the end by [`PartOpener::open_from_end`].
    pub fn remaining(&self) -> Range<usize> {
        self.next..self.end
    }

    /// Opens up to `n` of the part's booklets from its end, the last not yet opened first, and
    /// returns them in file order: for the page, which opens the end of a worker's part while
    /// the worker opens it from the start (`crates/my-say-staff/src/open_workers.rs`). What
    /// remains ends where they begin. The first booklet that fails ends the part with the error
    /// the whole file would fail with at that booklet (the page then opens the file itself, for
    /// the first such error).
    pub fn open_from_end(&mut self, n: usize) -> Result<Vec<OpenedItem>, ImportError> {
        let start = self.end.saturating_sub(n).max(self.next);
        let mut items = Vec::with_capacity(self.end - start);
        for index in start..self.end {
            let plain = self.opener.open_at(index)?;
            let item = self.opener.item(index).expect("index is inside the file");
            items.push(OpenedItem {
                id: item.id(),
                sealed_for: item.recipients(),
                plain,
            });
        }
        self.end = start;
        Ok(items)
    }

    /// Opens up to `n` more of the part's booklets, in file order, and encodes them for the
    /// page ([`decode_chunk`]); empty once the part is done. The first booklet that fails ends
    /// the part with the error the whole file would fail with at that booklet.
    pub fn open_some(&mut self, n: usize) -> Result<Vec<u8>, ImportError> {
        let end = self.next.saturating_add(n).min(self.end);
        let mut chunk = Vec::new();
        for index in self.next..end {
            let plain = self.opener.open_at(index)?;
            let item = self.opener.item(index).expect("index is inside the file");
            encode_item(&mut chunk, &item.id(), &item.recipients(), &plain);
            self.next = index + 1;
        }
        Ok(chunk)
    }
}

/// One opened booklet as a part sends it to the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenedItem {
    /// Its sealed id.
    pub id: BookletId,
    /// Whom it was sealed for, as its header says ([`BundleOpener::sealed_for`]).
    pub sealed_for: Vec<Fingerprint>,
    /// Its plaintext (the booklet's JSON).
    pub plain: Vec<u8>,
}

/// A chunk is its items one after another, each: the 16-byte id, the number of recipients (1 to
/// 8) and their 10-byte fingerprints, the plaintext's length (4 bytes, big-endian) and the
/// plaintext. It only ever travels from a worker to the page that started it (one build).
fn encode_item(out: &mut Vec<u8>, id: &BookletId, sealed_for: &[Fingerprint], plain: &[u8]) {
    out.extend_from_slice(&id.0);
    out.push(u8::try_from(sealed_for.len()).expect("at most 8 recipients"));
    for fingerprint in sealed_for {
        out.extend_from_slice(&fingerprint.0);
    }
    let len = u32::try_from(plain.len()).expect("a plaintext is at most 4 MiB");
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(plain);
}

/// Reads a chunk a part sent ([`PartOpener::open_some`]), strictly: a chunk cut short or with
/// an impossible number of recipients is refused whole.
pub fn decode_chunk(bytes: &[u8]) -> Result<Vec<OpenedItem>, BundleError> {
    let mut r = Reader::new(bytes);
    let mut items = Vec::new();
    while !r.is_at_end() {
        let id = BookletId(r.array::<ID_LEN>()?);
        let n = usize::from(r.u8()?);
        if n == 0 || n > MAX_RECIPIENTS {
            return Err(BundleError::Corrupted(Corruption::RecipientCount));
        }
        let sealed_for = (0..n)
            .map(|_| r.array::<FINGERPRINT_LEN>().map(Fingerprint))
            .collect::<Result<_, _>>()?;
        let len = r.u32_be()? as usize;
        let plain = r.take(len)?.to_vec();
        items.push(OpenedItem {
            id,
            sealed_for,
            plain,
        });
    }
    Ok(items)
}

#[cfg(test)]
// Lists of parts, some of them of one part.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::seal::{
        generate_keypair, open_bundle, seal_with_id, system_rng, Bundle, PublicKey, SealedBooklet,
        MAX_BUNDLE_ITEMS,
    };
    use proptest::prelude::*;

    fn file(n: usize, to: &[PublicKey]) -> Vec<u8> {
        let mut rng = system_rng();
        let items = (0..n)
            .map(|i| {
                let to = &to[..1 + i % to.len()];
                seal_with_id(BookletId([i as u8; ID_LEN]), &[i as u8; 40], to, &mut rng).unwrap()
            })
            .collect();
        Bundle::new(items).unwrap().to_bytes()
    }

    /// Opens `bytes` in `parts`, as the page would put the chunks back together.
    fn open_in(
        bytes: &[u8],
        key: &PrivateKey,
        parts: &[Range<usize>],
        step: usize,
    ) -> Result<Vec<OpenedItem>, ImportError> {
        let mut all = Vec::new();
        for part in parts {
            let mut opener = PartOpener::new(bytes, key, part.clone())?;
            while !opener.is_done() {
                all.extend(decode_chunk(&opener.open_some(step)?).unwrap());
            }
            assert!(opener.open_some(step)?.is_empty());
        }
        Ok(all)
    }

    #[test]
    fn small_files_and_no_workers_get_no_parts() {
        assert!(part_ranges(PARTS_FROM - 1, 4).is_empty());
        assert!(part_ranges(10_000, 0).is_empty());
        assert_eq!(part_ranges(PARTS_FROM, 4), vec![0..100, 100..200]);
        assert_eq!(part_ranges(10_000, 2), vec![0..5000, 5000..10_000]);
        assert_eq!(part_ranges(301, 8), vec![0..101, 101..201, 201..301]);
        assert_eq!(part_ranges(100_000, 64).len(), MAX_PARTS);
    }

    proptest! {
        #[test]
        fn parts_cover_every_booklet_once_in_order(total in 0usize..100_000, workers in 0usize..64) {
            let parts = part_ranges(total, workers);
            if total < PARTS_FROM || workers == 0 {
                prop_assert!(parts.is_empty());
            } else {
                prop_assert!(!parts.is_empty() && parts.len() <= workers.min(MAX_PARTS));
                prop_assert_eq!(parts[0].start, 0);
                prop_assert_eq!(parts[parts.len() - 1].end, total);
                for pair in parts.windows(2) {
                    prop_assert_eq!(pair[0].end, pair[1].start);
                }
                let sizes: Vec<usize> = parts.iter().map(|p| p.len()).collect();
                let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
                prop_assert!(max - min <= 1);
                prop_assert!(*min >= MIN_PART.min(total));
            }
        }
    }

    #[test]
    fn opening_in_parts_gives_what_opening_the_file_gives() {
        let (key, me) = generate_keypair(&mut system_rng());
        let (_, manager) = generate_keypair(&mut system_rng());
        let bytes = file(23, &[me, manager]);
        let whole = open_bundle(&bytes, &key).unwrap();
        let sealed = crate::seal::parse_bundle(&bytes).unwrap();
        for parts in [
            vec![0..23],
            vec![0..12, 12..23],
            vec![0..1, 1..2, 2..20, 20..23],
        ] {
            for step in [1, 5, 100] {
                let opened = open_in(&bytes, &key, &parts, step).unwrap();
                assert_eq!(opened.len(), whole.len());
                for ((item, (id, plain)), s) in opened.iter().zip(&whole).zip(sealed.items()) {
                    assert_eq!((&item.id, &item.plain), (id, plain));
                    assert_eq!(item.sealed_for, SealedBooklet::recipients(s));
                }
            }
        }
        // A part past the end of the file opens what there is.
        assert_eq!(open_in(&bytes, &key, &[20..40], 3).unwrap().len(), 3);
        assert!(open_in(&bytes, &key, &[30..40], 3).unwrap().is_empty());
    }

    #[test]
    fn a_part_opened_from_both_ends_gives_what_opening_the_file_gives() {
        let (key, me) = generate_keypair(&mut system_rng());
        let (_, manager) = generate_keypair(&mut system_rng());
        let bytes = file(23, &[me, manager]);
        let whole = open_bundle(&bytes, &key).unwrap();
        let sealed = crate::seal::parse_bundle(&bytes).unwrap();
        // A worker opens the part from its start, the page from its end, and they meet.
        for (part, meet) in [(0..23, 0), (0..23, 23), (0..23, 9), (12..23, 17)] {
            for step in [1, 3, 8, 50] {
                let mut front = PartOpener::new(&bytes, &key, part.clone()).unwrap();
                let mut opened = Vec::new();
                while front.remaining().start < meet {
                    opened.extend(decode_chunk(&front.open_some(1).unwrap()).unwrap());
                }
                let mut back = PartOpener::new(&bytes, &key, part.clone()).unwrap();
                let mut tail = Vec::new();
                while back.remaining().end > meet.max(part.start) {
                    let n = step.min(back.remaining().end - meet.max(part.start));
                    let mut items = back.open_from_end(n).unwrap();
                    assert_eq!(items.len(), n);
                    items.extend(tail);
                    tail = items;
                }
                opened.extend(tail);
                assert_eq!(opened.len(), part.len());
                for (i, item) in opened.iter().enumerate() {
                    let index = part.start + i;
                    assert_eq!((&item.id, &item.plain), (&whole[index].0, &whole[index].1));
                    assert_eq!(
                        item.sealed_for,
                        SealedBooklet::recipients(&sealed.items()[index])
                    );
                }
            }
        }
        // One opener from both ends: the end never passes what the start has opened.
        let mut both = PartOpener::new(&bytes, &key, 0..10).unwrap();
        both.open_some(6).unwrap();
        assert_eq!(both.open_from_end(100).unwrap().len(), 4);
        assert!(both.is_done());
        assert!(both.open_from_end(1).unwrap().is_empty());
        // Damaged at the last booklet: opening from the end fails at once, with the file's error.
        let mut tampered = bytes.clone();
        *tampered.last_mut().unwrap() ^= 1;
        let mut back = PartOpener::new(&tampered, &key, 12..23).unwrap();
        assert_eq!(
            back.open_from_end(1).err(),
            Some(ImportError::Tampered {
                position: 23,
                total: 23
            })
        );
    }

    #[test]
    fn a_part_fails_as_the_whole_file_fails() {
        let (key, me) = generate_keypair(&mut system_rng());
        let (other, _) = generate_keypair(&mut system_rng());
        let mut bytes = file(10, &[me]);
        // Not for this key: every part fails as the file does, before opening anything.
        let refused = open_bundle(&bytes, &other).unwrap_err();
        assert_eq!(PartOpener::new(&bytes, &other, 5..10).err(), Some(refused));
        // Damaged at its last byte (the last booklet's tag): only the part holding it fails,
        // with the file's error.
        *bytes.last_mut().unwrap() ^= 1;
        let tampered = open_bundle(&bytes, &key).unwrap_err();
        assert_eq!(
            tampered,
            ImportError::Tampered {
                position: 10,
                total: 10
            }
        );
        assert!(open_in(&bytes, &key, &[0..9], 4).is_ok());
        assert_eq!(open_in(&bytes, &key, &[0..5, 5..10], 4), Err(tampered));
        // Not a file at all.
        let truncated = open_bundle(&bytes[..30], &key).unwrap_err();
        assert_eq!(
            PartOpener::new(&bytes[..30], &key, 0..1).err(),
            Some(truncated)
        );
    }

    #[test]
    fn the_header_announces_the_count() {
        let (_, me) = generate_keypair(&mut system_rng());
        assert_eq!(booklets_announced(&file(7, &[me])), Some(7));
        assert_eq!(booklets_announced(&Bundle::default().to_bytes()), Some(0));
        assert_eq!(booklets_announced(b""), None);
        assert_eq!(booklets_announced(b"\x89MySay\r\n\x01\x00"), None);
        assert_eq!(
            booklets_announced(b"\x89MySay\r\n\x02\x00\x00\x00\x07"),
            None
        );
        assert_eq!(booklets_announced(b"PK\x03\x04 not a bundle at all"), None);
        // A forged count (tests/e2e/fixtures/hostile/forged-header.mysay) announces nothing.
        assert_eq!(
            booklets_announced(b"\x89MySay\r\n\x01\xff\xff\xff\xff"),
            None
        );
        let mut more_than_the_file_holds = b"\x89MySay\r\n\x01\x00\x00\x00\x09".to_vec();
        more_than_the_file_holds.extend([0; 8]);
        assert_eq!(booklets_announced(&more_than_the_file_holds), None);
        let over_the_limit = ((MAX_BUNDLE_ITEMS + 1) as u32).to_be_bytes();
        let mut big = b"\x89MySay\r\n\x01".to_vec();
        big.extend(over_the_limit);
        big.extend(vec![0; MAX_BUNDLE_ITEMS + 1]);
        assert_eq!(booklets_announced(&big), None);
    }

    #[test]
    fn a_damaged_chunk_is_refused_whole() {
        let (key, me) = generate_keypair(&mut system_rng());
        let bytes = file(3, &[me]);
        let chunk = PartOpener::new(&bytes, &key, 0..3)
            .unwrap()
            .open_some(3)
            .unwrap();
        assert_eq!(decode_chunk(&chunk).unwrap().len(), 3);
        assert_eq!(decode_chunk(&[]).unwrap(), Vec::new());
        assert_eq!(
            decode_chunk(&chunk[..chunk.len() - 1]),
            Err(BundleError::Truncated)
        );
        let mut no_recipient = chunk.clone();
        no_recipient[ID_LEN] = 0;
        assert_eq!(
            decode_chunk(&no_recipient),
            Err(BundleError::Corrupted(Corruption::RecipientCount))
        );
    }
}
