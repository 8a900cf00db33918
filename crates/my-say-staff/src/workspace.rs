//! The IRO's workspace on this device: their key pair, kept only wrapped under their
//! passphrase, and the booklets they have opened with it.
//!
//! What is kept where (see `browser::store` for the areas):
//!
//! - [`Area::Settings`], `iro/workspace`: the IRO's display name and their private key wrapped
//!   with Argon2id and ChaCha20-Poly1305 under their passphrase (`WrappedKey`, which carries the
//!   public key in the clear). Nothing in it is readable without the passphrase.
//! - [`Area::Workspace`], `booklet/<id>`: every booklet the IRO has opened, as JSON, encrypted at
//!   rest with the device key. The id is the sealed booklet's id, so importing the same file
//!   twice adds nothing.
//! - [`Area::Workspace`], `conflict/<record key>/<n>`: an incoming copy whose id is already here
//!   with other content, kept apart ([`CONFLICT_PREFIX`]; never read as a booklet).
//! - [`Area::Workspace`], `followup/<id>`, `read/<booklet id>` and `settings`: follow-ups of
//!   worrying answers ([`follow_ups`]), when each booklet was first read ([`inbox`]), and the
//!   workspace settings such as bank holidays ([`settings`]). Encrypted at rest the same way.
//!
//! The unwrapped private key lives only in memory, in [`UnlockedWorkspace`], and only while the
//! IRO's screens are open; it is never stored. Everything here except that context works on any
//! [`KeyValueStore`], so it is tested natively with `MemoryStore`.

pub mod data_care;
pub mod follow_ups;
pub mod inbox;
pub mod passphrase;
pub mod settings;
pub mod surveys;
pub mod transfer;

use leptos::prelude::*;
use my_say_core::calendar::{uk_date_of_timestamp, Date};
pub use my_say_core::incoming::Conflict;
use my_say_core::incoming::{classify, Arrival, IncomingError, Sorted};
use my_say_core::name::{check_name, NameProblem};
use my_say_core::report::{ReportData, ReportIndex};
use my_say_core::seal::{
    generate_keypair, group_by_others, open_bundle_booklets, read_opened, Bundle, BundleOpener,
    CryptoRng, Fingerprint, ImportError, IroIdentity, KdfParams, KeyError, KeyFileError,
    OtherRecipient, PrivateKey, RecoveryFile, SealedBooklet, SetupCode, WrappedKey,
};
use my_say_core::CompletedBooklet;
use my_say_ui::browser::pace::Pacer;
use my_say_ui::browser::store::{Area, DeviceStore, KeyValueStore, MemoryStore, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// Where the workspace record is kept in [`Area::Settings`].
pub const WORKSPACE_KEY: &str = "iro/workspace";
/// Opened booklets are kept in [`Area::Workspace`] under this prefix and their id.
pub const BOOKLET_PREFIX: &str = "booklet/";

/// This device's IRO workspace as stored: who the IRO is, and their wrapped private key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    /// The IRO's name as tablets show it, and their public key.
    pub identity: IroIdentity,
    /// The private key, encrypted under the IRO's passphrase.
    pub wrapped_key: WrappedKey,
}

/// The stored shape of [`Workspace`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredWorkspace {
    version: u32,
    display_name: String,
    /// `WrappedKey::to_json`, as docs/sealed-format.md describes.
    wrapped_key: String,
}

/// Something wrong with what was typed into a set-up or passphrase form. The page words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No display name.
    NameMissing,
    /// A name tablets would refuse ([`my_say_core::name::check_name`]): too long, not on one
    /// line, with hidden characters, or shaped like a fingerprint.
    NameInvalid(NameProblem),
    /// A new passphrase too short, too common or too predictable ([`passphrase::assess`]).
    PassphraseWeak(passphrase::Weakness),
    /// The confirmation differs from the new passphrase.
    PassphraseMismatch,
}

/// Checks a new passphrase and its confirmation; every problem found, in form order.
pub fn check_new_passphrase(new_passphrase: &str, confirm: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(weakness) = passphrase::assess(new_passphrase).weakness {
        problems.push(Problem::PassphraseWeak(weakness));
    } else if new_passphrase != confirm {
        problems.push(Problem::PassphraseMismatch);
    }
    problems
}

/// Checks a set-up form: display name, passphrase, confirmation. Every problem, in form order.
pub fn check_set_up(display_name: &str, passphrase: &str, confirm: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    match check_name(display_name) {
        Ok(_) => {}
        Err(NameProblem::Empty) => problems.push(Problem::NameMissing),
        Err(problem) => problems.push(Problem::NameInvalid(problem)),
    }
    problems.extend(check_new_passphrase(passphrase, confirm));
    problems
}

/// Why a recovery file could not be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// Not a recovery file, or a damaged one.
    File(KeyFileError),
    /// The passphrase does not open it (or another key problem).
    Key(KeyError),
    /// It holds a different key from the workspace already on this device.
    OtherKey {
        /// The recovery file's fingerprint.
        found: Fingerprint,
        /// This device's workspace's fingerprint.
        expected: Fingerprint,
    },
}

impl fmt::Display for RestoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RestoreError::File(e) => e.fmt(f),
            RestoreError::Key(e) => e.fmt(f),
            RestoreError::OtherKey { found, expected } => write!(
                f,
                "This recovery file is for a different key (fingerprint {found}). The workspace \
                 on this device has fingerprint {expected}."
            ),
        }
    }
}

impl std::error::Error for RestoreError {}

/// Why a new workspace could not be made (the set-up form is checked first, so rarely seen).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CreateError {
    /// The display name is empty, too long or not on one line.
    Name(KeyFileError),
    /// The passphrase is too short, or the device could not run Argon2id.
    Key(KeyError),
}

impl fmt::Display for CreateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreateError::Name(e) => e.fmt(f),
            CreateError::Key(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CreateError {}

impl Workspace {
    /// A new workspace: a fresh key pair, wrapped under `passphrase` with `kdf` (the app passes
    /// [`KdfParams::DEFAULT`]). Returns the unwrapped key too, so the IRO starts unlocked.
    /// Slow by design (Argon2id): run it after the page has shown that it is busy.
    pub fn create(
        display_name: &str,
        passphrase: &str,
        kdf: KdfParams,
        rng: &mut impl CryptoRng,
    ) -> Result<(Workspace, PrivateKey), CreateError> {
        let (key, public_key) = generate_keypair(rng);
        let identity = IroIdentity::new(display_name, public_key).map_err(CreateError::Name)?;
        let wrapped_key =
            WrappedKey::wrap_with(&key, passphrase, kdf, rng).map_err(CreateError::Key)?;
        Ok((
            Workspace {
                identity,
                wrapped_key,
            },
            key,
        ))
    }

    /// Restores a workspace from a recovery file and its passphrase. When this device already
    /// has a workspace (`existing`), the file must hold the same key: restoring then replaces a
    /// forgotten passphrase with the one the file was saved with, and can never show one IRO's
    /// booklets under another's key. The file's Argon2id parameters are checked against sane
    /// bounds before Argon2id runs (`KdfParams::MAX_MEMORY_KIB` and the rest); a key wrapped
    /// with less than today's [`KdfParams::DEFAULT`] is wrapped again with the raised
    /// parameters (same passphrase, new salt). Slow by design (Argon2id, twice when raised).
    pub fn restore(
        recovery_json: &str,
        passphrase: &str,
        existing: Option<&Workspace>,
        rng: &mut impl CryptoRng,
    ) -> Result<(Workspace, PrivateKey), RestoreError> {
        let file = RecoveryFile::from_json(recovery_json).map_err(RestoreError::File)?;
        if let Some(existing) = existing {
            if existing.identity.public_key != file.wrapped_key.public_key {
                return Err(RestoreError::OtherKey {
                    found: file.wrapped_key.public_key.fingerprint(),
                    expected: existing.fingerprint(),
                });
            }
        }
        let key = file
            .wrapped_key
            .unwrap(passphrase)
            .map_err(RestoreError::Key)?;
        let raised = file.wrapped_key.kdf.raised();
        let wrapped_key = if raised == file.wrapped_key.kdf {
            file.wrapped_key.clone()
        } else {
            // A passphrase too short for a new wrapping keeps the file's own.
            WrappedKey::wrap_with(&key, passphrase, raised, rng)
                .unwrap_or_else(|_| file.wrapped_key.clone())
        };
        Ok((
            Workspace {
                identity: file.identity(),
                wrapped_key,
            },
            key,
        ))
    }

    /// The private key, if `passphrase` is right. Slow by design (Argon2id).
    pub fn unlock(&self, passphrase: &str) -> Result<PrivateKey, KeyError> {
        self.wrapped_key.unwrap(passphrase)
    }

    /// The same workspace with the key wrapped under a new passphrase (parameters raised to at
    /// least the default, never lowered). Nothing sealed changes: the key pair is the same.
    pub fn change_passphrase(
        &self,
        old: &str,
        new: &str,
        rng: &mut impl CryptoRng,
    ) -> Result<Workspace, KeyError> {
        Ok(Workspace {
            identity: self.identity.clone(),
            wrapped_key: self.wrapped_key.rewrap(old, new, rng)?,
        })
    }

    /// The public key's fingerprint, to compare with a tablet's screen.
    pub fn fingerprint(&self) -> Fingerprint {
        self.identity.fingerprint()
    }

    /// The recovery file to download: its suggested name and its JSON.
    pub fn recovery_file(&self) -> (String, String) {
        let file = RecoveryFile {
            display_name: self.identity.display_name.clone(),
            wrapped_key: self.wrapped_key.clone(),
        };
        (
            format!("my-say-recovery-{}.json", self.fingerprint()),
            file.to_json(),
        )
    }

    /// The public key file to give whoever sets up tablets: its suggested name and its JSON.
    pub fn key_file(&self) -> (String, String) {
        (
            format!("my-say-key-{}.json", self.fingerprint()),
            self.identity.to_key_file(),
        )
    }

    /// The link that sets a tablet up to seal for this IRO: `<origin>/tablet#<setup code>`.
    /// The code is in the fragment, which browsers never send to a server.
    pub fn setup_link(&self, origin: &str) -> String {
        let code = SetupCode::new(vec![self.identity.clone()])
            .expect("one valid identity is always a valid setup code");
        format!(
            "{}/tablet#{}",
            origin.trim_end_matches('/'),
            code.to_fragment()
        )
    }
}

/// The workspace on this device, if one has been set up.
pub async fn load(store: &impl KeyValueStore) -> Result<Option<Workspace>, StoreError> {
    let Some(stored) = store
        .get_json::<StoredWorkspace>(Area::Settings, WORKSPACE_KEY)
        .await?
    else {
        return Ok(None);
    };
    let wrapped_key =
        WrappedKey::from_json(&stored.wrapped_key).map_err(|_| StoreError::Corrupt)?;
    let identity = IroIdentity::new(&stored.display_name, wrapped_key.public_key)
        .map_err(|_| StoreError::Corrupt)?;
    Ok(Some(Workspace {
        identity,
        wrapped_key,
    }))
}

/// Keeps the workspace (name and wrapped key) on this device, replacing what was there.
pub async fn save(store: &impl KeyValueStore, workspace: &Workspace) -> Result<(), StoreError> {
    let stored = StoredWorkspace {
        version: 1,
        display_name: workspace.identity.display_name.clone(),
        wrapped_key: workspace.wrapped_key.to_json(),
    };
    store.put_json(Area::Settings, WORKSPACE_KEY, &stored).await
}

/// What adding booklets did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// Booklets new to this workspace, now stored.
    pub added: usize,
    /// Booklets that were here already, skipped.
    pub already: usize,
    /// Booklets whose id is here with other content: the copy here is kept, and the incoming
    /// one is kept apart as a conflict record (see [`CONFLICT_PREFIX`]).
    pub conflicting: usize,
}

impl Added {
    /// How many booklets were looked at.
    pub fn total(&self) -> usize {
        self.added + self.already + self.conflicting
    }
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    /// The file did not open: nothing was stored.
    File(ImportError),
    /// The file opened but a record in it is refused (a survey answer that breaks the rules,
    /// an unreadable completion time): nothing was stored.
    Records(IncomingError),
    /// Storage failed: the file's booklets were stored all together or not at all; importing
    /// again adds whatever is missing.
    Store(StoreError),
}

impl fmt::Display for ImportFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportFailure::File(e) => e.fmt(f),
            ImportFailure::Records(e) => e.fmt(f),
            ImportFailure::Store(e) => e.fmt(f),
        }
    }
}

/// Where a booklet is kept in the workspace's store.
pub(crate) fn booklet_key(id: &str) -> String {
    format!("{BOOKLET_PREFIX}{id}")
}

/// How many records one read transaction takes: one transaction each would take seconds for
/// ten thousand, all in one would hold every record in memory at once.
const READ_CHUNK: usize = 1000;

/// Reads every record in [`Area::Workspace`] whose key starts with `prefix`, [`READ_CHUNK`] per
/// transaction, and hands each chunk's records to `each`. A damaged record is skipped rather
/// than hiding every other one.
pub(crate) async fn each_chunk<T: serde::de::DeserializeOwned>(
    store: &impl KeyValueStore,
    prefix: &str,
    mut each: impl FnMut(Vec<T>),
) -> Result<(), StoreError> {
    let keys: Vec<String> = store
        .keys(Area::Workspace)
        .await?
        .into_iter()
        .filter(|k| k.starts_with(prefix))
        .collect();
    for chunk in keys.chunks(READ_CHUNK) {
        let records = store
            .get_many(Area::Workspace, chunk)
            .await?
            .into_iter()
            .flatten()
            .filter_map(|value| serde_json::from_slice(&value).ok())
            .collect();
        each(records);
    }
    Ok(())
}

/// Every record under `prefix` (see [`each_chunk`]), in key order.
pub(crate) async fn records<T: serde::de::DeserializeOwned>(
    store: &impl KeyValueStore,
    prefix: &str,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::new();
    each_chunk(store, prefix, |chunk| out.extend(chunk)).await?;
    Ok(out)
}

/// Incoming copies whose id is already here with other content are kept under this prefix,
/// then the record's own key and a number from 1: `conflict/booklet/<id>/1`. They are never
/// read as booklets or answers (never in the inbox, follow-ups or reports), travel in the
/// workspace export's `conflicts`, and go when the record they conflict with is deleted.
pub const CONFLICT_PREFIX: &str = "conflict/";

/// The prefix of every conflict record kept against the record stored under `key`.
pub(crate) fn conflict_prefix(key: &str) -> String {
    format!("{CONFLICT_PREFIX}{key}/")
}

/// What [`add_checked`] did, in detail.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Checked<'a> {
    /// The counts.
    pub counts: Added,
    /// The records that were new and are now stored: the incoming records themselves, not
    /// copies (an import of ten thousand would otherwise copy them all, and then free twice as
    /// many in one task at its end).
    pub added: Vec<&'a CompletedBooklet>,
    /// Each record here with other content, against the incoming copy.
    pub conflicts: Vec<Conflict>,
}

/// Stores each record under `key_of(record)` when that key is new, in one transaction: ten
/// thousand records wait for the disk once, not ten thousand times, and are stored all or none.
/// A record whose key is here already is compared with the stored one ([`classify`]): the same
/// record adds nothing (so the same file twice adds nothing); other content is a conflict, and
/// the incoming copy is kept apart under [`CONFLICT_PREFIX`] (once, however often it comes).
pub(crate) async fn add_checked<'a>(
    store: &impl KeyValueStore,
    records: &'a [CompletedBooklet],
    key_of: impl Fn(&CompletedBooklet) -> String,
) -> Result<Checked<'a>, StoreError> {
    let (result, writes) = checked(store, records, key_of).await?;
    store.put_many_json(Area::Workspace, &writes).await?;
    Ok(result)
}

/// What [`add_checked`] would store, by key, and its result; nothing is written.
async fn checked<'a>(
    store: &impl KeyValueStore,
    records: &'a [CompletedBooklet],
    key_of: impl Fn(&CompletedBooklet) -> String,
) -> Result<(Checked<'a>, Vec<(String, &'a CompletedBooklet)>), StoreError> {
    let mut have: BTreeSet<String> = store.keys(Area::Workspace).await?.into_iter().collect();
    let mut result = Checked::default();
    let mut writes: Vec<(String, &CompletedBooklet)> = Vec::new();
    // Records whose key is taken: compared once the stored copies are read, all in a few
    // transactions rather than one each.
    let mut taken: Vec<(String, &CompletedBooklet)> = Vec::new();
    for record in records {
        store.breathe().await;
        let key = key_of(record);
        if have.insert(key.clone()) {
            writes.push((key, record));
            result.added.push(record);
            result.counts.added += 1;
        } else {
            taken.push((key, record));
        }
    }
    if taken.is_empty() {
        return Ok((result, writes));
    }
    let stored = read_many(store, taken.iter().map(|(k, _)| k.clone()).collect()).await?;
    let kept_keys: Vec<String> = have
        .iter()
        .filter(|k| k.starts_with(CONFLICT_PREFIX))
        .cloned()
        .collect();
    let kept_copies = read_many(store, kept_keys.clone()).await?;
    let mut kept: Vec<(String, Option<CompletedBooklet>)> =
        kept_keys.into_iter().zip(kept_copies).collect();
    for ((key, record), stored) in taken.into_iter().zip(stored) {
        store.breathe().await;
        // A copy earlier in the same file counts as stored.
        let stored = writes
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, r)| (*r).clone())
            .or(stored);
        if classify(stored.as_ref(), record) == Arrival::AlreadyHere {
            result.counts.already += 1;
            continue;
        }
        // Other content (or a damaged record here): both copies are kept.
        result.counts.conflicting += 1;
        if let Some(stored) = &stored {
            result.conflicts.push(Conflict::new(stored, record));
        }
        let prefix = conflict_prefix(&key);
        let mine = kept.iter().filter(|(k, _)| k.starts_with(&prefix));
        if mine.clone().any(|(_, r)| r.as_ref() == Some(record)) {
            continue;
        }
        let conflict_key = format!("{prefix}{}", mine.count() + 1);
        kept.push((conflict_key.clone(), Some(record.clone())));
        writes.push((conflict_key, record));
    }
    Ok((result, writes))
}

/// The records stored under `keys`, [`READ_CHUNK`] per transaction; `None` for a key with no
/// record or a damaged one.
async fn read_many(
    store: &impl KeyValueStore,
    keys: Vec<String>,
) -> Result<Vec<Option<CompletedBooklet>>, StoreError> {
    let mut out = Vec::with_capacity(keys.len());
    for chunk in keys.chunks(READ_CHUNK) {
        out.extend(
            store
                .get_many(Area::Workspace, chunk)
                .await?
                .into_iter()
                .map(|v| v.and_then(|bytes| serde_json::from_slice(&bytes).ok())),
        );
    }
    Ok(out)
}

/// [`add_checked`], counting only.
pub(crate) async fn add_new(
    store: &impl KeyValueStore,
    records: &[CompletedBooklet],
    key_of: impl Fn(&CompletedBooklet) -> String,
) -> Result<Added, StoreError> {
    Ok(add_checked(store, records, key_of).await?.counts)
}

/// Deletes the conflict records kept against the record stored under `key`.
pub(crate) async fn delete_conflicts(
    store: &impl KeyValueStore,
    key: &str,
) -> Result<(), StoreError> {
    let prefix = conflict_prefix(key);
    for k in store.keys(Area::Workspace).await? {
        if k.starts_with(&prefix) {
            store.delete(Area::Workspace, &k).await?;
        }
    }
    Ok(())
}

/// Every conflict record kept in the workspace (see [`CONFLICT_PREFIX`]), in key order.
pub async fn conflict_records(
    store: &impl KeyValueStore,
) -> Result<Vec<CompletedBooklet>, StoreError> {
    records(store, CONFLICT_PREFIX).await
}

/// Stores each booklet under its id, skipping ids this workspace already has (another copy
/// under a stored id is kept apart as a conflict), and opens a follow-up, dated `today`, for
/// every worrying answer of the booklets actually added that has none yet (so a booklet that
/// arrives twice never opens a worry twice, and a conflicting copy opens none).
pub async fn add_booklets(
    store: &impl KeyValueStore,
    booklets: &[CompletedBooklet],
    today: Date,
) -> Result<Added, StoreError> {
    Ok(add_booklets_checked(store, booklets, today).await?.counts)
}

/// [`add_booklets`], with the added booklets and the conflicts. The booklets and the
/// follow-ups they open are stored in one transaction: all of them or none, and one wait for
/// the disk. A booklet is never stored without its worries' follow-ups.
async fn add_booklets_checked<'a>(
    store: &impl KeyValueStore,
    booklets: &'a [CompletedBooklet],
    today: Date,
) -> Result<Checked<'a>, StoreError> {
    let (result, writes) = checked(store, booklets, |b| booklet_key(&b.id)).await?;
    let (_, opened) = follow_ups::opened_for(store, result.added.iter().copied(), today).await?;
    let mut all: Vec<(String, Stored)> = writes
        .into_iter()
        .map(|(key, booklet)| (key, Stored::Booklet(booklet)))
        .collect();
    all.extend(
        opened
            .into_iter()
            .map(|(key, f)| (key, Stored::FollowUp(f))),
    );
    store.put_many_json(Area::Workspace, &all).await?;
    Ok(result)
}

/// A record of the workspace area as JSON: a booklet or a follow-up, written as itself.
#[derive(serde::Serialize)]
#[serde(untagged)]
enum Stored<'a> {
    Booklet(&'a CompletedBooklet),
    FollowUp(my_say_core::followup::FollowUp),
}

/// What importing an answers file added: review booklets and council survey answers, counted
/// apart.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BundleAdded {
    /// Review booklets (to the inbox).
    pub booklets: Added,
    /// Finished council surveys (anonymous; never in the inbox, follow-ups or review reports).
    pub survey_answers: Added,
    /// Each review booklet here with other content than the file's copy (both kept).
    pub conflicts: Vec<Conflict>,
    /// How many records said they were finished after the import day, and now say that day.
    pub clamped: usize,
    /// Who else the file's booklets were sealed for, besides this workspace's key: one entry
    /// for each set of other people, naming the booklets sealed for them.
    pub also_sealed_for: Vec<AlsoSealedFor>,
}

/// Booklets of one file that were also sealed for other people (a team manager, or a key the
/// IRO does not know: someone who changed who the tablet seals for).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlsoSealedFor {
    /// Everyone else these booklets were sealed for, by fingerprint, each marked known or not.
    pub others: Vec<OtherRecipient>,
    /// The children whose review booklets these are, each named once, in file order.
    pub children: Vec<String>,
    /// How many of them are (anonymous) council survey answers.
    pub survey_answers: usize,
}

/// Who else each booklet of a file was sealed for (`sealed_for`, in file order, as the file's
/// headers say), grouped, besides `me`. This workspace knows no key but its own (it makes set-up
/// links for its IRO alone), so every other key is flagged as unknown.
fn also_sealed_for(
    booklets: &[CompletedBooklet],
    sealed_for: &[Vec<Fingerprint>],
    me: &Fingerprint,
) -> Vec<AlsoSealedFor> {
    group_by_others(sealed_for, me, &[])
        .into_iter()
        .map(|(others, positions)| {
            let these = positions.iter().filter_map(|&i| booklets.get(i));
            let (surveys, reviews): (Vec<_>, Vec<_>) =
                these.partition(|b| my_say_core::survey::is_survey_booklet(&b.booklet_id));
            // A child with several booklets in the file is named once.
            let mut named = BTreeSet::new();
            let children = reviews
                .into_iter()
                .filter(|b| named.insert(b.child.name.as_str()))
                .map(|b| b.child.name.clone())
                .collect();
            AlsoSealedFor {
                others,
                children,
                survey_answers: surveys.len(),
            }
        })
        .collect()
}

/// Checks opened booklets ([`Sorted::add`]: refused whole if a survey answer breaks the rules
/// or a completion time cannot be read) and stores them where they belong: finished surveys with
/// [`surveys::add_answers`], review booklets with [`add_booklets`] (worries of the booklets
/// added open follow-ups dated `today`).
async fn add_opened(
    store: &impl KeyValueStore,
    opened: Vec<CompletedBooklet>,
    today: Date,
) -> Result<BundleAdded, ImportFailure> {
    let mut sorted = Sorted::default();
    for (i, record) in opened.into_iter().enumerate() {
        store.breathe().await;
        sorted
            .add(i + 1, record, today)
            .map_err(ImportFailure::Records)?;
    }
    let mut added = BundleAdded {
        clamped: sorted.clamped,
        ..BundleAdded::default()
    };
    if !sorted.booklets.is_empty() {
        let checked = add_booklets_checked(store, &sorted.booklets, today)
            .await
            .map_err(ImportFailure::Store)?;
        added.booklets = checked.counts;
        added.conflicts = checked.conflicts;
    }
    if !sorted.survey_answers.is_empty() {
        added.survey_answers = surveys::add_answers(store, &sorted.survey_answers)
            .await
            .map_err(ImportFailure::Store)?;
    }
    Ok(added)
}

/// Imports a bundle file (`.mysay`) with the IRO's key. All or nothing: unless every booklet in
/// the file opens, nothing is stored. Booklets already here are skipped. Review booklets go to
/// the inbox and their worries open follow-ups dated `today`; finished council surveys are kept
/// apart with the survey answers.
pub async fn import_bundle(
    store: &impl KeyValueStore,
    bytes: &[u8],
    key: &PrivateKey,
    today: Date,
) -> Result<BundleAdded, ImportFailure> {
    import_bundle_paced(store, bytes, key, today, |_, _| async {}).await
}

/// How many booklets are opened between two calls of `between` in [`import_bundle_paced`]:
/// small enough that a slow tablet opens them well inside a frame.
pub const OPEN_STEP: usize = 8;

/// [`import_bundle`], opening [`OPEN_STEP`] booklets at a time and awaiting
/// `between(opened, total)` after each step, so the page can show progress and give the
/// browser a turn. Still all or nothing: nothing is stored until every booklet has opened.
pub async fn import_bundle_paced<F, Fut>(
    store: &impl KeyValueStore,
    bytes: &[u8],
    key: &PrivateKey,
    today: Date,
    mut between: F,
) -> Result<BundleAdded, ImportFailure>
where
    F: FnMut(usize, usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut opener = BundleOpener::new(bytes, key).map_err(ImportFailure::File)?;
    loop {
        let done = opener.open_some(OPEN_STEP).map_err(ImportFailure::File)?;
        between(opener.opened(), opener.total()).await;
        if done {
            break;
        }
    }
    let sealed_for = opener.sealed_for();
    // Each plaintext read as a booklet with a turn for the page between slices, as the workers'
    // chunks are read; read all in one go (`BundleOpener::finish_booklets`), 10,000 were one
    // task of 169 ms in the bench.
    let plain = opener.finish().map_err(ImportFailure::File)?;
    let mut opened = Vec::with_capacity(plain.len());
    for (i, (id, plain)) in plain.into_iter().enumerate() {
        store.breathe().await;
        opened.push(read_opened(i + 1, &id, &plain).map_err(ImportFailure::File)?);
    }
    add_opened_file(store, opened, &sealed_for, key, today).await
}

/// Stores the booklets of a file once every one has opened (`opened`, in file order, each
/// sealed for `sealed_for`'s keys, as the file's headers say), as [`import_bundle_paced`] does
/// after opening them; for a file opened elsewhere (`crate::open_workers`).
pub(crate) async fn add_opened_file(
    store: &impl KeyValueStore,
    opened: Vec<CompletedBooklet>,
    sealed_for: &[Vec<Fingerprint>],
    key: &PrivateKey,
    today: Date,
) -> Result<BundleAdded, ImportFailure> {
    let also = also_sealed_for(&opened, sealed_for, &key.public_key().fingerprint());
    let mut added = add_opened(store, opened, today).await?;
    added.also_sealed_for = also;
    Ok(added)
}

/// What picking up this device's own sealed booklets did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PickedUp {
    /// Review booklets moved or copied into the workspace (new ones only).
    pub added: usize,
    /// Finished council surveys moved or copied into the workspace (new ones only).
    pub survey_answers: usize,
    /// Sealed copies removed from this device's sealed area.
    pub removed: usize,
}

/// Opens the sealed booklets waiting on this same device (a child filled in a booklet on the
/// IRO's own device) and adds them to the workspace. A sealed booklet for this key alone is then
/// removed from the sealed area; one also sealed for someone else (a team manager) stays there
/// so it can still be sent to them. Items that are not for this key, or do not open, are left
/// as they are. Worries open follow-ups dated `today`; finished council surveys (sealed for a
/// council lead who uses this device) go with the survey answers, as on import.
pub async fn collect_sealed(
    store: &impl KeyValueStore,
    key: &PrivateKey,
    today: Date,
) -> Result<PickedUp, StoreError> {
    let public_key = key.public_key();
    let mut result = PickedUp::default();
    for id in store.keys(Area::Sealed).await? {
        let Some(bytes) = store.get_bytes(Area::Sealed, &id).await? else {
            continue;
        };
        let Ok(item) = SealedBooklet::from_bytes(&bytes) else {
            continue;
        };
        if !item.is_for(&public_key) {
            continue;
        }
        let only_for_me = item.recipients().len() == 1;
        // Opened as a one-booklet bundle, so it gets exactly the checks an imported file gets
        // (authentication, and the id inside matching the sealed id).
        let Ok(bundle) = Bundle::new(vec![item]) else {
            continue;
        };
        let Ok(booklets) = open_bundle_booklets(&bundle.to_bytes(), key) else {
            continue;
        };
        let added = match add_opened(store, booklets, today).await {
            Ok(added) => added,
            Err(ImportFailure::Store(e)) => return Err(e),
            // Refused records stay sealed here, as they are.
            Err(_) => continue,
        };
        result.added += added.booklets.added;
        result.survey_answers += added.survey_answers.added;
        if only_for_me {
            store.delete(Area::Sealed, &id).await?;
            result.removed += 1;
        }
    }
    Ok(result)
}

/// Every booklet in the workspace, newest first (by when the child finished). A damaged record
/// is skipped rather than hiding every other one.
pub async fn booklets(store: &impl KeyValueStore) -> Result<Vec<CompletedBooklet>, StoreError> {
    let mut out: Vec<CompletedBooklet> = records(store, BOOKLET_PREFIX).await?;
    out.sort_by(|a, b| {
        b.completed_at
            .cmp(&a.completed_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(out)
}

/// The report figures of every booklet in the workspace, and the day the earliest was
/// finished (UK time). Booklets are read a thousand at a time and only their compact figures
/// are kept, so memory stays small however many there are (100,000 booklets: about 9 MiB of
/// figures rather than 270 MiB of booklets; see docs/performance.md). A damaged record is
/// skipped rather than hiding every other one.
pub async fn report_data(
    store: &impl KeyValueStore,
    index: &ReportIndex<'_>,
) -> Result<(ReportData, Option<Date>), StoreError> {
    let mut data = index.prepare(&[]);
    let mut earliest: Option<Date> = None;
    each_chunk(store, BOOKLET_PREFIX, |booklets: Vec<CompletedBooklet>| {
        for day in booklets
            .iter()
            .filter_map(|b| uk_date_of_timestamp(&b.completed_at))
        {
            earliest = Some(earliest.map_or(day, |e| e.min(day)));
        }
        index.extend(&mut data, &booklets);
    })
    .await?;
    Ok((data, earliest))
}

/// Where the IRO's pages keep their data: this device's store, or the memory of a demo
/// workspace (example data that must never mix with real booklets, and goes with the page).
#[derive(Clone)]
pub enum WorkspaceStore {
    /// This device's IndexedDB store, and when the page last had a turn in a long run of work
    /// on it ([`KeyValueStore::breathe`]: an import of thousands of booklets gives the page a
    /// turn every [`SLICE_MS`](my_say_ui::browser::pace::SLICE_MS)).
    Device(DeviceStore, Pacer),
    /// In memory only.
    Demo(MemoryStore),
}

impl KeyValueStore for WorkspaceStore {
    async fn put_bytes(&self, area: Area, key: &str, value: &[u8]) -> Result<(), StoreError> {
        match self {
            WorkspaceStore::Device(s, _) => s.put_bytes(area, key, value).await,
            WorkspaceStore::Demo(s) => s.put_bytes(area, key, value).await,
        }
    }

    async fn put_many(&self, area: Area, entries: &[(String, Vec<u8>)]) -> Result<(), StoreError> {
        match self {
            WorkspaceStore::Device(s, pacer) => s.put_many_paced(area, entries, pacer).await,
            WorkspaceStore::Demo(s) => s.put_many(area, entries).await,
        }
    }

    async fn get_bytes(&self, area: Area, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        match self {
            WorkspaceStore::Device(s, _) => s.get_bytes(area, key).await,
            WorkspaceStore::Demo(s) => s.get_bytes(area, key).await,
        }
    }

    async fn get_many(
        &self,
        area: Area,
        keys: &[String],
    ) -> Result<Vec<Option<Vec<u8>>>, StoreError> {
        match self {
            WorkspaceStore::Device(s, _) => s.get_many(area, keys).await,
            WorkspaceStore::Demo(s) => s.get_many(area, keys).await,
        }
    }

    async fn delete(&self, area: Area, key: &str) -> Result<(), StoreError> {
        match self {
            WorkspaceStore::Device(s, _) => s.delete(area, key).await,
            WorkspaceStore::Demo(s) => s.delete(area, key).await,
        }
    }

    async fn keys(&self, area: Area) -> Result<Vec<String>, StoreError> {
        match self {
            WorkspaceStore::Device(s, _) => s.keys(area).await,
            WorkspaceStore::Demo(s) => s.keys(area).await,
        }
    }

    async fn clear(&self, area: Area) -> Result<(), StoreError> {
        match self {
            WorkspaceStore::Device(s, _) => s.clear(area).await,
            WorkspaceStore::Demo(s) => s.clear(area).await,
        }
    }

    async fn erase_everything(&self) -> Result<(), StoreError> {
        match self {
            WorkspaceStore::Device(s, _) => s.erase_everything().await,
            WorkspaceStore::Demo(s) => s.erase_everything().await,
        }
    }

    async fn breathe(&self) {
        match self {
            WorkspaceStore::Device(_, pacer) => pacer.breathe().await,
            WorkspaceStore::Demo(_) => {}
        }
    }
}

/// The unlocked workspace: what it is, and the private key, in memory only.
#[derive(Clone)]
pub struct Unlocked {
    /// The stored workspace (name, wrapped key).
    pub workspace: Workspace,
    /// The private key. Dropped (and wiped) when the workspace is locked.
    pub key: PrivateKey,
}

/// Shared through context by the IRO area: the unlocked workspace, or `None` while locked.
/// The key is held in a local (not `Send`) signal, and never leaves memory. Leaving the IRO
/// area disposes of the context, which locks the workspace.
#[derive(Clone, Copy)]
pub struct UnlockedWorkspace(pub RwSignal<Option<Unlocked>, LocalStorage>);

impl UnlockedWorkspace {
    /// A locked workspace context.
    pub fn new() -> Self {
        UnlockedWorkspace(RwSignal::new_local(None))
    }

    /// Unlocks with this key.
    pub fn set(self, workspace: Workspace, key: PrivateKey) {
        self.0.set(Some(Unlocked { workspace, key }));
    }

    /// Forgets the key: the workspace is locked again.
    pub fn lock(self) {
        self.0.set(None);
    }

    /// Whether the workspace is unlocked (reactive).
    pub fn is_unlocked(self) -> bool {
        self.0.with(Option::is_some)
    }

    /// The private key, if unlocked (not reactive).
    pub fn key(self) -> Option<PrivateKey> {
        self.0.with_untracked(|u| u.as_ref().map(|u| u.key.clone()))
    }

    /// The workspace and its key, if unlocked (not reactive).
    pub fn get_untracked(self) -> Option<Unlocked> {
        self.0.with_untracked(Clone::clone)
    }

    /// The workspace, if unlocked (not reactive).
    pub fn workspace_untracked(self) -> Option<Workspace> {
        self.0
            .with_untracked(|u| u.as_ref().map(|u| u.workspace.clone()))
    }

    /// The workspace, if unlocked (reactive).
    pub fn workspace(self) -> Option<Workspace> {
        self.0.with(|u| u.as_ref().map(|u| u.workspace.clone()))
    }
}

impl Default for UnlockedWorkspace {
    fn default() -> Self {
        Self::new()
    }
}

/// The workspace context of the IRO area.
pub fn use_unlocked() -> UnlockedWorkspace {
    expect_context::<UnlockedWorkspace>()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use my_say_core::seal::{seal_booklet, system_rng, PublicKey};
    use my_say_ui::browser::store::{now, MemoryStore};

    const PASS: &str = "correct horse battery staple";

    fn fast() -> KdfParams {
        KdfParams::MINIMUM
    }

    /// A 10 to 15 booklet with no answers, for tests (also `crate::open_workers`'s).
    pub(crate) fn booklet(id: &str, name: &str, completed_at: &str) -> CompletedBooklet {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "booklet_id": "review-10-15",
            "booklet_revision": 1,
            "locale": "en",
            "age_band": "10-15",
            "child": { "name": name, "age_band": "10-15", "review_date": "2026-12-01" },
            "answers": {},
            "completed_at": completed_at,
        }))
        .unwrap()
    }

    fn bundle_of(booklets: &[CompletedBooklet], to: &[PublicKey]) -> Vec<u8> {
        let items = booklets
            .iter()
            .map(|b| seal_booklet(b, to, &mut system_rng()).unwrap())
            .collect();
        Bundle::new(items).unwrap().to_bytes()
    }

    fn today() -> Date {
        Date::parse("2026-11-23").unwrap()
    }

    fn id(n: u8) -> String {
        format!("{n:032x}")
    }

    #[test]
    fn a_paced_import_reports_progress_and_stores_nothing_until_every_booklet_opens() {
        let store = MemoryStore::new();
        let (key, public) = generate_keypair(&mut system_rng());
        let twenty: Vec<CompletedBooklet> = (1..=20)
            .map(|n| booklet(&id(n), "Tia", "2026-11-20T10:00:00Z"))
            .collect();
        let bytes = bundle_of(&twenty, &[public]);
        let steps = std::cell::RefCell::new(Vec::new());
        let added = now(import_bundle_paced(
            &store,
            &bytes,
            &key,
            today(),
            |o, t| {
                steps.borrow_mut().push((o, t));
                async {}
            },
        ))
        .unwrap();
        assert_eq!(added.booklets.added, 20);
        // Eight at a time, and the last step reaches the total.
        assert_eq!(steps.into_inner(), vec![(8, 20), (16, 20), (20, 20)]);

        // A damaged last booklet: every step before it ran, yet nothing was stored.
        let store = MemoryStore::new();
        let mut damaged = bytes.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        let calls = std::cell::Cell::new(0);
        let failed = now(import_bundle_paced(
            &store,
            &damaged,
            &key,
            today(),
            |_, _| {
                calls.set(calls.get() + 1);
                async {}
            },
        ));
        assert!(matches!(failed, Err(ImportFailure::File(_))));
        assert_eq!(calls.get(), 2);
        assert!(now(booklets(&store)).unwrap().is_empty());
    }

    #[test]
    fn set_up_forms_are_checked_field_by_field() {
        use passphrase::Weakness;
        const NEW: &str = "river lantern pebble";
        assert_eq!(check_set_up("Sam Patel", NEW, NEW), vec![]);
        assert_eq!(
            check_set_up("  ", "short", "short"),
            vec![
                Problem::NameMissing,
                Problem::PassphraseWeak(Weakness::TooShort)
            ]
        );
        assert_eq!(
            check_set_up(&"x".repeat(101), NEW, "something else"),
            vec![
                Problem::NameInvalid(NameProblem::TooLong),
                Problem::PassphraseMismatch
            ]
        );
        assert_eq!(
            check_set_up("Sam\nPatel", NEW, NEW),
            vec![Problem::NameInvalid(NameProblem::Control)]
        );
        assert_eq!(
            check_set_up("Sam \u{202E}letaP", NEW, NEW),
            vec![Problem::NameInvalid(NameProblem::Hidden)]
        );
        assert_eq!(
            check_set_up("Sam K7PQ-3MZD-8XWA-1BCE", NEW, NEW),
            vec![Problem::NameInvalid(NameProblem::LooksLikeFingerprint)]
        );
        // Twelve characters, counted as characters rather than bytes.
        let twelve = "ŵŷŵŷŵŷŵŷŵŷŵx";
        assert_eq!(check_new_passphrase(twelve, twelve), vec![]);
        assert_eq!(
            check_new_passphrase(&twelve[2..], &twelve[2..]),
            vec![Problem::PassphraseWeak(Weakness::TooShort)]
        );
        // A common passphrase is refused even when long and typed twice.
        assert_eq!(
            check_new_passphrase(PASS, PASS),
            vec![Problem::PassphraseWeak(Weakness::Common)]
        );
    }

    #[test]
    fn a_workspace_is_stored_wrapped_unlocks_and_changes_passphrase() {
        let store = MemoryStore::new();
        assert_eq!(now(load(&store)).unwrap(), None);
        let (ws, key) = Workspace::create(" Sam Patel ", PASS, fast(), &mut system_rng()).unwrap();
        assert_eq!(ws.identity.display_name, "Sam Patel");
        assert_eq!(key.public_key(), ws.identity.public_key);
        now(save(&store, &ws)).unwrap();

        // Nothing stored reveals the private key.
        let raw = now(store.get_bytes(Area::Settings, WORKSPACE_KEY))
            .unwrap()
            .unwrap();
        let hex: String = key.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
        assert!(!String::from_utf8_lossy(&raw).contains(&hex));
        assert!(!raw.windows(32).any(|w| w == key.to_bytes().as_slice()));

        let back = now(load(&store)).unwrap().unwrap();
        assert_eq!(back, ws);
        assert_eq!(
            back.unlock("wrong passphrase").err(),
            Some(KeyError::WrongPassphrase)
        );
        assert_eq!(back.unlock(PASS).unwrap().public_key(), key.public_key());

        let changed = back
            .change_passphrase(PASS, "a brand new passphrase", &mut system_rng())
            .unwrap();
        assert_eq!(changed.identity, ws.identity);
        assert!(changed.wrapped_key.kdf.memory_kib() >= KdfParams::DEFAULT.memory_kib());
        assert_eq!(changed.unlock(PASS).err(), Some(KeyError::WrongPassphrase));
        assert_eq!(
            changed
                .unlock("a brand new passphrase")
                .unwrap()
                .public_key(),
            key.public_key()
        );
        assert_eq!(
            back.change_passphrase("not it at all", "another new one", &mut system_rng())
                .err(),
            Some(KeyError::WrongPassphrase)
        );
    }

    #[test]
    fn files_and_the_set_up_link_carry_the_identity_only() {
        let (ws, _) = Workspace::create("Sam Patel", PASS, fast(), &mut system_rng()).unwrap();
        let fp = ws.fingerprint().to_string();

        let (name, json) = ws.recovery_file();
        assert_eq!(name, format!("my-say-recovery-{fp}.json"));
        let (restored, key) = Workspace::restore(&json, PASS, None, &mut system_rng()).unwrap();
        assert_eq!(restored.identity, ws.identity);
        // Wrapped with the minimum, so restored with today's default, under the same passphrase.
        assert_eq!(ws.wrapped_key.kdf, KdfParams::MINIMUM);
        assert_eq!(restored.wrapped_key.kdf, KdfParams::DEFAULT);
        assert_eq!(
            restored.unlock(PASS).unwrap().public_key(),
            key.public_key()
        );

        let (name, json) = ws.key_file();
        assert_eq!(name, format!("my-say-key-{fp}.json"));
        assert_eq!(IroIdentity::from_key_file(&json).unwrap(), ws.identity);

        let link = ws.setup_link("http://127.0.0.1:4173/");
        assert!(link.starts_with("http://127.0.0.1:4173/tablet#mysay-setup."));
        let code = SetupCode::from_fragment(&link).unwrap();
        assert_eq!(code.recipients(), std::slice::from_ref(&ws.identity));
    }

    #[test]
    fn the_committed_recovery_vector_restores_and_other_keys_are_refused() {
        let text = include_str!("../../my-say-core/tests/vectors/recovery-v1.json");
        assert!(matches!(
            Workspace::restore(text, "not the passphrase", None, &mut system_rng()),
            Err(RestoreError::Key(KeyError::WrongPassphrase))
        ));
        let (ws, key) = Workspace::restore(text, PASS, None, &mut system_rng()).unwrap();
        assert_eq!(ws.fingerprint().to_string(), "4Z7W-KM8N-A7BX-2SGN");
        assert_eq!(key.public_key(), ws.identity.public_key);
        // Same key: allowed (a forgotten newer passphrase). Another key: refused before any work.
        assert!(Workspace::restore(text, PASS, Some(&ws), &mut system_rng()).is_ok());
        let (other, _) = Workspace::create("Jo", PASS, fast(), &mut system_rng()).unwrap();
        let err = Workspace::restore(text, PASS, Some(&other), &mut system_rng()).unwrap_err();
        assert!(matches!(err, RestoreError::OtherKey { .. }));
        assert!(err.to_string().contains("4Z7W-KM8N-A7BX-2SGN"));
        assert!(matches!(
            Workspace::restore("{\"hello\": 1}", PASS, None, &mut system_rng()),
            Err(RestoreError::File(KeyFileError::WrongKind { .. }))
        ));
    }

    #[test]
    fn import_is_all_or_nothing_and_idempotent() {
        let store = MemoryStore::new();
        let (ws, key) = Workspace::create("Sam", PASS, fast(), &mut system_rng()).unwrap();
        let me = ws.identity.public_key;
        let three = [
            booklet(&id(1), "Amira", "2026-11-20T10:00:00Z"),
            booklet(&id(2), "Tia", "2026-11-22T10:00:00Z"),
            booklet(&id(3), "Lee", "2026-11-21T10:00:00Z"),
        ];
        let file = bundle_of(&three, &[me]);

        // A cut-off copy and random bytes store nothing.
        for bad in [&file[..file.len() - 1], &[0x42u8; 300][..], &[][..]] {
            assert!(matches!(
                now(import_bundle(&store, bad, &key, today())),
                Err(ImportFailure::File(_))
            ));
        }
        assert!(now(store.keys(Area::Workspace)).unwrap().is_empty());

        assert_eq!(
            now(import_bundle(&store, &file, &key, today()))
                .unwrap()
                .booklets,
            Added {
                added: 3,
                already: 0,
                conflicting: 0,
            }
        );
        assert_eq!(
            now(import_bundle(&store, &file, &key, today()))
                .unwrap()
                .booklets,
            Added {
                added: 0,
                already: 3,
                conflicting: 0,
            }
        );
        // A later file with one old and one new booklet adds only the new one.
        let later = bundle_of(
            &[
                three[0].clone(),
                booklet(&id(4), "Kai", "2026-11-23T09:00:00Z"),
            ],
            &[me],
        );
        assert_eq!(
            now(import_bundle(&store, &later, &key, today()))
                .unwrap()
                .booklets,
            Added {
                added: 1,
                already: 1,
                conflicting: 0,
            }
        );
        let names: Vec<String> = now(booklets(&store))
            .unwrap()
            .into_iter()
            .map(|b| b.child.name)
            .collect();
        assert_eq!(names, ["Kai", "Tia", "Lee", "Amira"]);

        // A file for someone else's key stores nothing, and says so.
        let (_, other) = Workspace::create("Jo", PASS, fast(), &mut system_rng()).unwrap();
        let err = now(import_bundle(&store, &file, &other, today())).unwrap_err();
        assert!(err.to_string().contains("different reviewing officer"));

        // The committed vector opens with its key but holds non-booklets: refused whole.
        let vector = include_bytes!("../../my-say-core/tests/vectors/bundle-v1.mysay");
        let (_, sam) = Workspace::restore(
            include_str!("../../my-say-core/tests/vectors/recovery-v1.json"),
            PASS,
            None,
            &mut system_rng(),
        )
        .unwrap();
        let fresh = MemoryStore::new();
        assert!(matches!(
            now(import_bundle(&fresh, vector, &sam, today())),
            Err(ImportFailure::File(ImportError::NotABooklet { .. }))
        ));
        assert!(now(fresh.keys(Area::Workspace)).unwrap().is_empty());
    }

    #[test]
    fn an_import_names_every_other_recipient_and_flags_keys_it_does_not_know() {
        let store = MemoryStore::new();
        let (ws, key) = Workspace::create("Sam", PASS, fast(), &mut system_rng()).unwrap();
        let me = ws.identity.public_key;
        let (_, manager) = generate_keypair(&mut system_rng());
        let (_, stranger) = generate_keypair(&mut system_rng());
        let items = [
            (
                booklet(&id(1), "Amira", "2026-11-20T10:00:00Z"),
                vec![me, manager],
            ),
            (booklet(&id(2), "Tia", "2026-11-21T10:00:00Z"), vec![me]),
            (
                booklet(&id(3), "Lee", "2026-11-22T10:00:00Z"),
                vec![manager, me],
            ),
            (
                booklet(&id(4), "Kai", "2026-11-22T11:00:00Z"),
                vec![me, manager, stranger],
            ),
            // A second booklet of a child already named: named once.
            (
                booklet(&id(6), "Amira", "2026-11-23T10:00:00Z"),
                vec![me, manager],
            ),
        ];
        let file = Bundle::new(
            items
                .iter()
                .map(|(b, to)| seal_booklet(b, to, &mut system_rng()).unwrap())
                .collect(),
        )
        .unwrap()
        .to_bytes();
        let got = now(import_bundle(&store, &file, &key, today())).unwrap();
        let unknown = |k: PublicKey| OtherRecipient {
            fingerprint: k.fingerprint(),
            known: false,
        };
        assert_eq!(
            got.also_sealed_for,
            vec![
                AlsoSealedFor {
                    others: vec![unknown(manager)],
                    children: vec!["Amira".into(), "Lee".into()],
                    survey_answers: 0,
                },
                AlsoSealedFor {
                    others: vec![unknown(manager), unknown(stranger)],
                    children: vec!["Kai".into()],
                    survey_answers: 0,
                },
            ]
        );
        // Said again when the same file comes again: it is what the file holds.
        let again = now(import_bundle(&store, &file, &key, today())).unwrap();
        assert_eq!(again.also_sealed_for, got.also_sealed_for);
        // A file sealed for this IRO alone names nobody else.
        let mine = bundle_of(&[booklet(&id(5), "Ola", "2026-11-22T12:00:00Z")], &[me]);
        assert!(now(import_bundle(&store, &mine, &key, today()))
            .unwrap()
            .also_sealed_for
            .is_empty());
    }

    #[test]
    fn sealed_booklets_on_this_device_are_picked_up() {
        let store = MemoryStore::new();
        let (ws, key) = Workspace::create("Sam", PASS, fast(), &mut system_rng()).unwrap();
        let (manager, _) = Workspace::create("Jo", PASS, fast(), &mut system_rng()).unwrap();
        let (stranger, _) = Workspace::create("Kim", PASS, fast(), &mut system_rng()).unwrap();
        let me = ws.identity.public_key;
        let put = |b: &CompletedBooklet, to: &[PublicKey]| {
            let sealed = seal_booklet(b, to, &mut system_rng()).unwrap();
            now(store.put_bytes(Area::Sealed, &sealed.id().to_hex(), &sealed.to_bytes())).unwrap();
        };
        put(&booklet(&id(1), "Amira", "2026-11-20T10:00:00Z"), &[me]);
        put(
            &booklet(&id(2), "Tia", "2026-11-21T10:00:00Z"),
            &[me, manager.identity.public_key],
        );
        put(
            &booklet(&id(3), "Lee", "2026-11-22T10:00:00Z"),
            &[stranger.identity.public_key],
        );
        now(store.put_bytes(Area::Sealed, "junk", b"not sealed")).unwrap();

        assert_eq!(
            now(collect_sealed(&store, &key, today())).unwrap(),
            PickedUp {
                added: 2,
                survey_answers: 0,
                removed: 1
            }
        );
        // Tia's copy for the team manager, Lee's for someone else, and the junk stay.
        assert_eq!(
            now(store.keys(Area::Sealed)).unwrap(),
            [id(2), id(3), "junk".to_owned()]
        );
        // Again: nothing new, nothing removed.
        assert_eq!(
            now(collect_sealed(&store, &key, today())).unwrap(),
            PickedUp {
                added: 0,
                survey_answers: 0,
                removed: 0
            }
        );
        assert_eq!(now(booklets(&store)).unwrap().len(), 2);
    }

    fn survey_answer(id: &str, words: &str) -> CompletedBooklet {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "booklet_id": "survey-00000000000000aa",
            "booklet_revision": 1,
            "locale": "en",
            "age_band": "10-15",
            "child": { "name": "", "age_band": null, "review_date": "" },
            "answers": { "q1": { "type": "words", "value": words } },
            "completed_at": "2026-11-30T10:00:00Z",
        }))
        .unwrap()
    }

    #[test]
    fn survey_answers_in_a_file_are_kept_apart_from_booklets_and_twice_adds_nothing() {
        let store = MemoryStore::new();
        let (ws, key) = Workspace::create("Sam", PASS, fast(), &mut system_rng()).unwrap();
        let me = ws.identity.public_key;
        let only_surveys = bundle_of(
            &[
                survey_answer(&id(11), "shorter meetings"),
                survey_answer(&id(12), "my topics first"),
                survey_answer(&id(13), "not at school"),
            ],
            &[me],
        );
        let first = now(import_bundle(&store, &only_surveys, &key, today())).unwrap();
        assert_eq!(first.booklets, Added::default());
        assert_eq!(
            first.survey_answers,
            Added {
                added: 3,
                already: 0,
                conflicting: 0,
            }
        );
        let again = now(import_bundle(&store, &only_surveys, &key, today())).unwrap();
        assert_eq!(
            again.survey_answers,
            Added {
                added: 0,
                already: 3,
                conflicting: 0,
            }
        );
        // Not in the inbox, and no follow-up opened.
        assert!(now(booklets(&store)).unwrap().is_empty());
        assert!(now(follow_ups::all(&store)).unwrap().is_empty());
        assert_eq!(
            now(surveys::answers(&store, "survey-00000000000000aa"))
                .unwrap()
                .len(),
            3
        );

        // A file with both (a tablet could never make one, but a person could): each goes to
        // its own place.
        let mixed = bundle_of(
            &[
                booklet(&id(1), "Amira", "2026-11-20T10:00:00Z"),
                survey_answer(&id(11), "shorter meetings"),
                survey_answer(&id(14), "a new one"),
            ],
            &[me],
        );
        let got = now(import_bundle(&store, &mixed, &key, today())).unwrap();
        assert_eq!(
            (
                got.booklets.added,
                got.survey_answers.added,
                got.survey_answers.already
            ),
            (1, 1, 1)
        );
        assert_eq!(now(booklets(&store)).unwrap().len(), 1);
    }

    #[test]
    fn survey_answers_sealed_on_this_device_are_picked_up_apart() {
        let store = MemoryStore::new();
        let (ws, key) = Workspace::create("Sam", PASS, fast(), &mut system_rng()).unwrap();
        let me = ws.identity.public_key;
        let put = |key_name: String, b: &CompletedBooklet| {
            let sealed = seal_booklet(b, &[me], &mut system_rng()).unwrap();
            now(store.put_bytes(Area::Sealed, &key_name, &sealed.to_bytes())).unwrap();
        };
        put(id(1), &booklet(&id(1), "Amira", "2026-11-20T10:00:00Z"));
        put(
            format!("survey/survey-00000000000000aa/{}", id(11)),
            &survey_answer(&id(11), "words"),
        );
        put(
            format!("survey/survey-00000000000000aa/{}", id(12)),
            &survey_answer(&id(12), "more words"),
        );
        assert_eq!(
            now(collect_sealed(&store, &key, today())).unwrap(),
            PickedUp {
                added: 1,
                survey_answers: 2,
                removed: 3
            }
        );
        assert_eq!(now(booklets(&store)).unwrap().len(), 1);
        assert_eq!(
            now(surveys::answers(&store, "survey-00000000000000aa"))
                .unwrap()
                .len(),
            2
        );
        assert!(now(store.keys(Area::Sealed)).unwrap().is_empty());
    }

    #[test]
    fn report_data_read_in_chunks_matches_the_booklets_read_at_once() {
        use my_say_core::builtin::builtin_booklets;
        use my_say_core::calendar::ReportingYear;
        use my_say_core::demo::demo_workspace;
        let store = MemoryStore::new();
        let demo = demo_workspace(today());
        now(add_booklets(&store, &demo.booklets, today())).unwrap();
        now(store.put_bytes(Area::Workspace, &booklet_key(&id(9)), b"{oops")).unwrap();
        let definitions = builtin_booklets();
        let index = ReportIndex::new(&definitions);
        let (data, earliest) = now(report_data(&store, &index)).unwrap();
        let all = now(booklets(&store)).unwrap();
        let year = ReportingYear::containing(today());
        assert_eq!(
            data.report_for_year(year),
            index.prepare(&all).report_for_year(year)
        );
        assert_eq!(
            earliest,
            all.iter()
                .filter_map(|b| uk_date_of_timestamp(&b.completed_at))
                .min()
        );
        assert_eq!(
            now(report_data(&MemoryStore::new(), &index)).unwrap().1,
            None
        );
    }

    #[test]
    fn booklets_and_their_follow_ups_are_stored_together_or_not_at_all() {
        use crate::workspace::follow_ups::tests::worried_booklet;
        let worried: Vec<CompletedBooklet> = (1..=3)
            .map(|n| worried_booklet(n, "Amira", "no", "yes"))
            .collect();
        let used = |store: &MemoryStore| -> usize {
            now(store.keys(Area::Workspace))
                .unwrap()
                .iter()
                .map(|k| {
                    k.len()
                        + now(store.get_bytes(Area::Workspace, k))
                            .unwrap()
                            .unwrap()
                            .len()
                })
                .sum()
        };
        let roomy = MemoryStore::new();
        let counts = now(add_booklets(&roomy, &worried, today())).unwrap();
        assert_eq!(counts.added, 3);
        let follow_ups_here = now(follow_ups::all(&roomy)).unwrap().len();
        assert!(follow_ups_here >= 3, "{follow_ups_here}");
        // Room for the booklets, not for their follow-ups too: nothing is stored, so no booklet
        // is ever here with a worry that has no follow-up.
        let full = MemoryStore::new();
        full.set_quota(Some(used(&roomy) - 1));
        assert_eq!(
            now(add_booklets(&full, &worried, today())),
            Err(StoreError::QuotaExceeded)
        );
        assert!(now(full.keys(Area::Workspace)).unwrap().is_empty());
        // With room, the same import stores both, as on the roomy store.
        full.set_quota(None);
        now(add_booklets(&full, &worried, today())).unwrap();
        assert_eq!(
            now(booklets(&full)).unwrap(),
            now(booklets(&roomy)).unwrap()
        );
        assert_eq!(now(follow_ups::all(&full)).unwrap().len(), follow_ups_here);
    }

    #[test]
    fn a_known_id_with_other_answers_is_a_conflict_and_neither_copy_is_lost() {
        use crate::workspace::follow_ups::tests::worried_booklet;
        let store = MemoryStore::new();
        let (ws, key) = Workspace::create("Sam", PASS, fast(), &mut system_rng()).unwrap();
        let me = ws.identity.public_key;
        let calm = worried_booklet(1, "Amira", "yes", "no");
        let mut worried = worried_booklet(1, "Amira", "no", "yes");
        worried.completed_at = "2026-11-21T09:00:00Z".into();
        let first = now(import_bundle(
            &store,
            &bundle_of(std::slice::from_ref(&calm), &[me]),
            &key,
            today(),
        ))
        .unwrap();
        assert_eq!(first.booklets.added, 1);
        assert!(now(follow_ups::all(&store)).unwrap().is_empty());

        let clash = bundle_of(&[worried.clone()], &[me]);
        let got = now(import_bundle(&store, &clash, &key, today())).unwrap();
        assert_eq!(
            got.booklets,
            Added {
                added: 0,
                already: 0,
                conflicting: 1
            }
        );
        assert_eq!(
            got.conflicts,
            vec![Conflict {
                id: calm.id.clone(),
                child_name: "Amira".into(),
                stored_completed_at: "2026-11-20T10:00:00Z".into(),
                incoming_completed_at: "2026-11-21T09:00:00Z".into(),
            }]
        );
        // The copy here stays; the file's is kept apart; its worries open no follow-up.
        assert_eq!(now(booklets(&store)).unwrap(), vec![calm.clone()]);
        assert_eq!(
            now(conflict_records(&store)).unwrap(),
            vec![worried.clone()]
        );
        assert!(now(follow_ups::all(&store)).unwrap().is_empty());

        // Again: still named a conflict, but kept only once.
        let again = now(import_bundle(&store, &clash, &key, today())).unwrap();
        assert_eq!(again.booklets.conflicting, 1);
        assert_eq!(now(conflict_records(&store)).unwrap().len(), 1);

        // The conflict travels in the workspace export, and lands apart on another device.
        let export = now(transfer::export_all(&store, "2026-11-23T10:00:00Z")).unwrap();
        assert_eq!(export.conflicts, vec![worried.clone()]);
        let other = MemoryStore::new();
        let planned = now(transfer::plan_import(
            &other,
            &export.to_json(),
            &key,
            false,
            today(),
        ))
        .unwrap();
        assert_eq!(planned.changes.kept_apart, 1);
        let moved = now(transfer::apply(&other, &planned, key.public_key())).unwrap();
        assert_eq!(moved.conflicts_kept, 1);
        assert_eq!(now(conflict_records(&other)).unwrap(), vec![worried]);
        assert_eq!(now(booklets(&other)).unwrap(), vec![calm.clone()]);

        // Deleting the booklet takes the copy kept with it.
        now(inbox::delete_booklet(&store, &calm.id)).unwrap();
        assert!(now(conflict_records(&store)).unwrap().is_empty());
        assert!(now(store.keys(Area::Workspace)).unwrap().is_empty());
    }

    #[test]
    fn a_survey_answer_that_breaks_the_rules_refuses_the_whole_file() {
        let store = MemoryStore::new();
        let (ws, key) = Workspace::create("Sam", PASS, fast(), &mut system_rng()).unwrap();
        let me = ws.identity.public_key;
        let mut named = survey_answer(&id(12), "words");
        named.child.name = "Amira".into();
        let mut bad_id = survey_answer(&id(13), "words");
        bad_id.booklet_id = "survey-../../booklet".into();
        for bad in [named, bad_id] {
            let file = bundle_of(
                &[booklet(&id(1), "Tia", "2026-11-20T10:00:00Z"), bad],
                &[me],
            );
            let err = now(import_bundle(&store, &file, &key, today())).unwrap_err();
            assert!(matches!(err, ImportFailure::Records(_)), "{err}");
            assert!(err.to_string().contains("Nothing was imported"));
            assert!(now(store.keys(Area::Workspace)).unwrap().is_empty());
        }
    }

    #[test]
    fn a_completion_time_after_today_is_set_to_today_once() {
        let store = MemoryStore::new();
        let (ws, key) = Workspace::create("Sam", PASS, fast(), &mut system_rng()).unwrap();
        let file = bundle_of(
            &[booklet(&id(1), "Tia", "2031-03-01T10:00:00Z")],
            &[ws.identity.public_key],
        );
        let got = now(import_bundle(&store, &file, &key, today())).unwrap();
        assert_eq!((got.booklets.added, got.clamped), (1, 1));
        assert_eq!(
            now(booklets(&store)).unwrap()[0].completed_at,
            "2026-11-23T00:00:00Z"
        );
        // A later day: the same booklet, already here (not a conflict).
        let later = now(import_bundle(&store, &file, &key, today().add_days(3))).unwrap();
        assert_eq!(later.booklets.already, 1);
        assert!(now(conflict_records(&store)).unwrap().is_empty());
    }

    #[test]
    fn a_workspace_holding_a_refusable_record_exports_nothing() {
        let store = MemoryStore::new();
        now(add_booklets(
            &store,
            &[booklet(&id(1), "Tia", "2026-11-20T10:00:00Z")],
            today(),
        ))
        .unwrap();
        assert!(now(transfer::export_all(&store, "t")).is_ok());
        // A named survey answer (as an older version could have stored): no file is made.
        let mut named = survey_answer(&id(2), "words");
        named.child.name = "Amira".into();
        now(store.put_json(Area::Workspace, &surveys::answer_key(&named.id), &named)).unwrap();
        let err = now(transfer::export_all(&store, "t")).unwrap_err();
        assert!(matches!(err, transfer::TransferError::File(_)));
        assert!(err.to_string().contains("anonymous"), "{err}");
    }

    #[test]
    fn a_damaged_stored_booklet_hides_nothing_else() {
        let store = MemoryStore::new();
        now(add_booklets(
            &store,
            &[booklet(&id(1), "Amira", "2026-11-20T10:00:00Z")],
            today(),
        ))
        .unwrap();
        now(store.put_bytes(Area::Workspace, &booklet_key(&id(9)), b"{oops")).unwrap();
        now(store.put_bytes(Area::Workspace, "other/thing", b"{}")).unwrap();
        assert_eq!(now(booklets(&store)).unwrap().len(), 1);
        now(store.put_bytes(Area::Settings, WORKSPACE_KEY, b"{\"version\":1}")).unwrap();
        assert_eq!(now(load(&store)), Err(StoreError::Corrupt));
    }
}
