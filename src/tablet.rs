//! A tablet set up to seal finished booklets for one or more IROs, and the sealed booklets
//! waiting to be sent to them.
//!
//! The IROs' public identities (a set-up code: names and public keys, nothing secret) sit in
//! the settings area. Finished booklets are sealed with HPKE to every recipient and kept only as
//! ciphertext in the sealed area: the tablet itself can never open them.
//!
//! Council surveys keep their own sealed answers under `survey/` in the same area ([`surveys`]);
//! everything here about review booklets skips those keys, so a review answers file never holds
//! survey answers (neither reader would open such a mixed file).

pub mod surveys;

use my_say_core::outbox::{self, Wait};
use my_say_core::seal::{
    may_reset, parse_bundle, seal_booklet, system_rng, AdultCodeError, AdultLock, Allowed, Bundle,
    BundleError, KeptSetup, SealError, SealedBooklet, SetupCode, ShownRecipient,
};
use my_say_core::CompletedBooklet;
use my_say_ui::browser::clock;
use my_say_ui::browser::store::device_store as store;
use my_say_ui::browser::store::{Area, KeyValueStore, StoreError};
use my_say_ui::i18n::{Key, Locale};
use std::fmt;

/// Whom the tablet seals for: its set-up code ([`SetupCode::to_fragment`]).
const RECIPIENTS: &str = "tablet/recipients";
/// The same code with whom it seals for as the start screen shows them ([`KeptSetup`]; since
/// December 2026).
const SHOWN: &str = "tablet/recipients_shown";
/// The tablet's adult code, as a verifier ([`AdultLock`]): changing [`RECIPIENTS`] asks for it.
const ADULT_CODE: &str = "tablet/adult_code";
const SENT: &str = "tablet/sent";
/// When each sealed booklet was sealed, by id: how long answers wait is never unseen.
const SEALED_AT: &str = "tablet/sealed_at";

/// Why a finished booklet or council survey could not be kept. The child's answers are still in
/// memory and the draft is still stored: nothing is lost, and the child can finish again.
#[derive(Debug)]
pub enum FinishError {
    /// Nobody to seal for: the tablet has not been set up for an IRO.
    NotSetUp,
    /// The survey was taken off this tablet while the child was answering.
    Removed,
    /// The tablet's surveys could not be read (a [`surveys::ShelfError`]).
    Shelf(surveys::ShelfFailure),
    /// Sealing failed (a bug or a broken set-up code or key).
    Seal(SealError),
    /// Storage failed.
    Store(StoreError),
}

impl FinishError {
    /// What the child and the adult helping read, in the booklet's language `locale` (the fill
    /// screen puts it inside `Key::FillFinishFailed`). A sealing failure is a bug, and its
    /// details stay in English.
    pub fn words(&self, locale: Locale) -> String {
        match self {
            FinishError::NotSetUp => locale.text(Key::FillNotSetUp).to_owned(),
            FinishError::Removed => locale.text(Key::FillSurveyRemoved).to_owned(),
            FinishError::Shelf(e) => e.words(locale),
            FinishError::Seal(e) => format!("The answers could not be sealed ({e})."),
            FinishError::Store(e) => e.words(locale),
        }
    }
}

/// In English, for logs ([`FinishError::words`] otherwise).
impl fmt::Display for FinishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Locale::En))
    }
}

impl From<StoreError> for FinishError {
    fn from(e: StoreError) -> Self {
        FinishError::Store(e)
    }
}

/// Why a tablet's sealed answers could not be sent as a file. Nothing is marked sent.
#[derive(Debug)]
pub enum SendError {
    /// Storage failed.
    Store(StoreError),
    /// The answers would not make a file that reads back (a bug, or too many for one file).
    Bundle(BundleError),
    /// The device would not download or share the file.
    Device(String),
}

impl From<StoreError> for SendError {
    fn from(e: StoreError) -> Self {
        SendError::Store(e)
    }
}

impl From<BundleError> for SendError {
    fn from(e: BundleError) -> Self {
        SendError::Bundle(e)
    }
}

impl SendError {
    /// What the adult sending the answers reads, in `locale`'s words where the app has them (a
    /// file that would not read back is a bug, and the device's own refusal comes in its words).
    pub fn words(&self, locale: Locale) -> String {
        match self {
            SendError::Store(e) => e.words(locale),
            SendError::Bundle(e) => e.to_string(),
            SendError::Device(e) => e.clone(),
        }
    }
}

/// In English, for logs ([`SendError::words`] otherwise).
impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Locale::En))
    }
}

/// On a tablet set up to seal for someone, or with sealed answers waiting, asks the service
/// worker to keep the tablet set-up app for offline use, once the browser is idle
/// (`service_worker::keep_if`): the answers can then be sent with the network off.
pub fn keep_its_app_if_set_up() {
    my_say_ui::browser::service_worker::keep_if(my_say_ui::apps::App::Tablet, || async {
        !matches!(seals_for().await, Ok(SealsFor::Nobody) | Err(_))
            || matches!(oldest_wait().await, Ok(Some(_)))
    });
}

/// Whom this tablet seals for, as the booklet start screen shows them: read without the set-up
/// code, so the child's app carries no reader of keys ([`KeptSetup`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealsFor {
    /// Nobody: the tablet is not set up.
    Nobody,
    /// These people, in order (the first is the child's IRO).
    People(Vec<ShownRecipient>),
    /// The code is not kept as shown, or not as the code sealing reads: a tablet set up before
    /// December 2026 and not opened in tablet set-up since, or a set-up cut short between its
    /// two writes. Opening tablet set-up keeps it as shown ([`keep_setup_shown`]).
    NotShownYet,
}

/// Whom this tablet seals for, as the start screen shows them.
pub async fn seals_for() -> Result<SealsFor, StoreError> {
    seals_for_in(&store().await?).await
}

/// Whom `store`'s tablet seals for, as the start screen shows them: only if what is shown was
/// worked out from the very code that sealing reads.
async fn seals_for_in(store: &impl KeyValueStore) -> Result<SealsFor, StoreError> {
    let Some(code) = store.get_json::<String>(Area::Settings, RECIPIENTS).await? else {
        return Ok(SealsFor::Nobody);
    };
    Ok(
        match store.get_json::<KeptSetup>(Area::Settings, SHOWN).await? {
            Some(kept) if kept.code == code => SealsFor::People(kept.shown),
            _ => SealsFor::NotShownYet,
        },
    )
}

/// Who this tablet seals for, if it has been set up.
pub async fn recipients() -> Result<Option<SetupCode>, StoreError> {
    recipients_in(&store().await?).await
}

/// Who `store`'s tablet seals for, if it has been set up.
async fn recipients_in(store: &impl KeyValueStore) -> Result<Option<SetupCode>, StoreError> {
    let Some(fragment) = store.get_json::<String>(Area::Settings, RECIPIENTS).await? else {
        return Ok(None);
    };
    Ok(SetupCode::from_fragment(&fragment).ok())
}

/// Who this tablet seals for, as tablet set-up reads it when it opens, having kept the start
/// screen's copy again from the code sealing reads: so a tablet set up before December 2026, or
/// a set-up cut short between its two writes, shows whom it seals for once set-up has been
/// opened. (Written whenever set-up opens, which is rare: checking whether the copy agrees first
/// would put its reader in the tablet set-up app, measured +2,037 B.)
pub async fn keep_setup_shown() -> Result<Option<SetupCode>, StoreError> {
    keep_setup_shown_in(&store().await?).await
}

/// [`keep_setup_shown`] in `store`.
async fn keep_setup_shown_in(store: &impl KeyValueStore) -> Result<Option<SetupCode>, StoreError> {
    let code = recipients_in(store).await?;
    match &code {
        Some(code) => keep_setup(store, code).await?,
        None => store.delete(Area::Settings, SHOWN).await?,
    }
    Ok(code)
}

/// Keeps `code` as the one the tablet seals for: the code sealing reads, then the code with how
/// it is shown ([`SealsFor`] shows it only while the two agree).
async fn keep_setup(store: &impl KeyValueStore, code: &SetupCode) -> Result<(), StoreError> {
    let kept = code.kept();
    store
        .put_json(Area::Settings, RECIPIENTS, &kept.code)
        .await?;
    store.put_json(Area::Settings, SHOWN, &kept).await
}

/// Sets the tablet to seal for these recipients from now on; the adult gave the tablet's adult
/// code ([`allow_change`]).
pub async fn set_recipients(code: &SetupCode, _: Allowed) -> Result<(), StoreError> {
    keep_setup(&store().await?, code).await
}

/// Forgets whom `store`'s tablet seals for, kept either way.
async fn forget_setup(store: &impl KeyValueStore) -> Result<(), StoreError> {
    store.delete(Area::Settings, RECIPIENTS).await?;
    store.delete(Area::Settings, SHOWN).await
}

/// Stops sealing for anyone; the adult gave the tablet's adult code. Booklets already sealed
/// stay, still sealed.
pub async fn forget_recipients(_: Allowed) -> Result<(), StoreError> {
    forget_setup(&store().await?).await
}

/// Whether the tablet has an adult code (a tablet set up before adult codes, or never set up,
/// has none: the next change asks the adult to choose one).
pub async fn has_adult_code() -> Result<bool, StoreError> {
    Ok(store()
        .await?
        .get_bytes(Area::Settings, ADULT_CODE)
        .await?
        .is_some())
}

/// Why a change to who the tablet seals for was not allowed.
#[derive(Debug)]
pub enum ChangeError {
    /// The code was not right, or not a code, or a wait is due.
    Code(AdultCodeError),
    /// Storage failed.
    Store(StoreError),
}

/// Allows a change to who the tablet seals for: with the tablet's adult code, or, on a tablet
/// that has none yet, by choosing one (`code` typed twice, `again`). A wrong code is counted
/// and kept, so a reload does not start the count again.
pub async fn allow_change(code: &str, again: &str) -> Result<Allowed, ChangeError> {
    let store = store().await.map_err(ChangeError::Store)?;
    let kept = store
        .get_bytes(Area::Settings, ADULT_CODE)
        .await
        .map_err(ChangeError::Store)?;
    let (lock, result) = match kept {
        Some(bytes) => {
            let mut lock = AdultLock::from_bytes(&bytes).map_err(ChangeError::Code)?;
            let result = lock.check(code, clock::now_ms());
            (lock, result)
        }
        None => match AdultLock::choose(code, again, &mut system_rng()) {
            Ok((lock, allowed)) => (lock, Ok(allowed)),
            Err(e) => return Err(ChangeError::Code(e)),
        },
    };
    store
        .put_bytes(Area::Settings, ADULT_CODE, &lock.to_bytes())
        .await
        .map_err(ChangeError::Store)?;
    result.map_err(ChangeError::Code)
}

/// The adult code is forgotten: the tablet stops sealing for anyone and forgets its adult code,
/// so it can be set up again with a new one. Refused (`Ok(false)`) while any sealed booklet
/// waits to be sent ([`may_reset`]). Booklets already sealed stay sealed for their people.
pub async fn reset_recipients() -> Result<bool, StoreError> {
    if !may_reset(waiting().await?.len()) {
        return Ok(false);
    }
    let store = store().await?;
    forget_setup(&store).await?;
    store.delete(Area::Settings, ADULT_CODE).await?;
    Ok(true)
}

/// Seals a finished booklet for the tablet's recipients, keeps only the ciphertext, and removes
/// the draft. The sealed copy is written before the draft goes, so a failure loses nothing.
///
/// The finished booklet's id is its draft's id, so finishing again (after the draft could not be
/// removed) replaces the sealed copy rather than adding a second booklet for the IRO.
pub async fn finish(
    store: &impl KeyValueStore,
    draft_id: &str,
    finished: &CompletedBooklet,
) -> Result<(), FinishError> {
    let code = recipients_in(store).await?.ok_or(FinishError::NotSetUp)?;
    let sealed = seal_booklet(finished, &code.public_keys(), &mut system_rng())
        .map_err(FinishError::Seal)?;
    let id = sealed.id().to_hex();
    store
        .put_bytes(Area::Sealed, &id, &sealed.to_bytes())
        .await?;
    let mut times = sealed_times(store).await?;
    times.retain(|(known, _)| *known != id);
    times.push((id, finished.completed_at.clone()));
    store.put_json(Area::Settings, SEALED_AT, &times).await?;
    Ok(store.delete(Area::Drafts, draft_id).await?)
}

/// Ids of sealed booklets already sent (exported) from this tablet.
async fn sent_ids() -> Result<Vec<String>, StoreError> {
    Ok(store()
        .await?
        .get_json::<Vec<String>>(Area::Settings, SENT)
        .await?
        .unwrap_or_default())
}

/// The sealed review booklets on this tablet that have not been sent yet.
pub async fn waiting() -> Result<Vec<SealedBooklet>, StoreError> {
    waiting_in(&store().await?).await
}

/// The sealed review booklets in `store` not sent yet: survey answers are never among them.
pub async fn waiting_in(store: &impl KeyValueStore) -> Result<Vec<SealedBooklet>, StoreError> {
    let sent: Vec<String> = store
        .get_json(Area::Settings, SENT)
        .await?
        .unwrap_or_default();
    let mut out = Vec::new();
    for id in store.keys(Area::Sealed).await? {
        if sent.contains(&id) || surveys::is_survey_key(&id) {
            continue;
        }
        if let Some(bytes) = store.get_bytes(Area::Sealed, &id).await? {
            // Anything unreadable stays put rather than blocking every other booklet.
            if let Ok(sealed) = SealedBooklet::from_bytes(&bytes) {
                out.push(sealed);
            }
        }
    }
    Ok(out)
}

/// When each sealed booklet was sealed, as (id, RFC 3339 time).
async fn sealed_times(store: &impl KeyValueStore) -> Result<Vec<(String, String)>, StoreError> {
    Ok(store
        .get_json(Area::Settings, SEALED_AT)
        .await?
        .unwrap_or_default())
}

/// How long the oldest sealed booklet not yet sent has waited. A booklet sealed before the tablet
/// kept sealing times is given the first time it is looked at, so it too is never unseen for long.
pub async fn oldest_wait() -> Result<Option<Wait>, StoreError> {
    let store = store().await?;
    let waiting = waiting_in(&store).await?;
    if waiting.is_empty() {
        return Ok(None);
    }
    let now = clock::now();
    let known = sealed_times(&store).await?;
    // Only the waiting booklets' times are kept: sent ones are not looked at again.
    let times: Vec<(String, String)> = waiting
        .iter()
        .map(|sealed| {
            let id = sealed.id().to_hex();
            let at = known
                .iter()
                .find(|(known_id, _)| *known_id == id)
                .map_or_else(|| now.clone(), |(_, at)| at.clone());
            (id, at)
        })
        .collect();
    if times != known {
        store.put_json(Area::Settings, SEALED_AT, &times).await?;
    }
    Ok(outbox::oldest_wait(
        times.iter().map(|(_, at)| at.as_str()),
        &now,
    ))
}

/// How many sealed booklets were sent already and are still kept on the tablet.
pub async fn sent_count() -> Result<usize, StoreError> {
    let store = store().await?;
    let keys = store.keys(Area::Sealed).await?;
    let sent = sent_ids().await?;
    Ok(keys
        .iter()
        .filter(|k| sent.contains(k) && !surveys::is_survey_key(k))
        .count())
}

/// One bundle file of every booklet not yet sent, and their ids; `None` when there are none.
pub async fn bundle_to_send() -> Result<Option<(Vec<u8>, Vec<String>)>, SendError> {
    let items = waiting().await?;
    if items.is_empty() {
        return Ok(None);
    }
    let ids = items.iter().map(|s| s.id().to_hex()).collect();
    let bytes = Bundle::new(items)?.to_bytes();
    // Check the file reads back before anyone relies on it.
    parse_bundle(&bytes)?;
    Ok(Some((bytes, ids)))
}

/// Remembers that these booklets were sent, so the next file holds only new ones.
pub async fn mark_sent(ids: &[String]) -> Result<(), StoreError> {
    let mut sent = sent_ids().await?;
    for id in ids {
        if !sent.contains(id) {
            sent.push(id.clone());
        }
    }
    store().await?.put_json(Area::Settings, SENT, &sent).await
}

/// Deletes the sealed booklets that were already sent, to free the tablet.
pub async fn remove_sent() -> Result<usize, StoreError> {
    let store = store().await?;
    let sent = sent_ids().await?;
    let mut removed = 0;
    for id in store.keys(Area::Sealed).await? {
        if sent.contains(&id) && !surveys::is_survey_key(&id) {
            store.delete(Area::Sealed, &id).await?;
            removed += 1;
        }
    }
    store
        .put_json(Area::Settings, SENT, &Vec::<String>::new())
        .await?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use my_say_core::builtin::builtin_for;
    use my_say_core::seal::{generate_keypair, open_bundle_booklets, IroIdentity};
    use my_say_core::{AgeBand, ChildDetails, Draft, LocaleCode};
    use my_say_ui::browser::store::{now, MemoryStore};

    #[test]
    fn a_finish_or_a_send_that_fails_is_told_in_the_screens_language() {
        use crate::tablet::surveys::{ShelfError, ShelfFailure};
        for locale in [Locale::En, Locale::Cy, Locale::Ar, Locale::ArF] {
            let text = |key| locale.text(key).to_owned();
            assert_eq!(FinishError::NotSetUp.words(locale), text(Key::FillNotSetUp));
            assert_eq!(
                FinishError::Removed.words(locale),
                text(Key::FillSurveyRemoved)
            );
            // A storage failure keeps its own words, however it is wrapped.
            let full = StoreError::QuotaExceeded.words(locale);
            assert_eq!(
                FinishError::Store(StoreError::QuotaExceeded).words(locale),
                full
            );
            assert_eq!(
                SendError::Store(StoreError::QuotaExceeded).words(locale),
                full
            );
            let shelf = ShelfFailure::from(ShelfError::Store(StoreError::QuotaExceeded));
            assert_eq!(shelf.words(locale), full);
            assert_eq!(FinishError::Shelf(shelf).words(locale), full);
            // Anything else the surveys' shelf says stays in its own (English) words.
            let odd = ShelfError::UnusableId("x".into());
            assert_eq!(odd.words(locale), odd.to_string());
        }
        assert!(FinishError::NotSetUp
            .to_string()
            .starts_with("This tablet is not set up for an IRO"));
    }

    #[test]
    fn the_start_screen_shows_whom_the_tablet_seals_for_only_from_the_code_sealing_reads() {
        let store = MemoryStore::new();
        let code_for = |name: &str| {
            let (_, public) = generate_keypair(&mut system_rng());
            SetupCode::new(vec![IroIdentity::new(name, public).unwrap()]).unwrap()
        };
        assert_eq!(now(seals_for_in(&store)).unwrap(), SealsFor::Nobody);
        // Set up: the code sealing reads, and the same code as shown.
        let sam = code_for("Sam");
        now(keep_setup(&store, &sam)).unwrap();
        assert_eq!(
            now(seals_for_in(&store)).unwrap(),
            SealsFor::People(sam.shown())
        );
        assert_eq!(now(recipients_in(&store)).unwrap(), Some(sam.clone()));
        // Kept as before December 2026 (the code alone), or a set-up cut short after its first
        // write: the code sealing reads is not the one shown, so nobody is shown.
        let jo = code_for("Jo");
        now(store.put_json(Area::Settings, RECIPIENTS, &jo.to_fragment())).unwrap();
        assert_eq!(now(seals_for_in(&store)).unwrap(), SealsFor::NotShownYet);
        now(store.delete(Area::Settings, SHOWN)).unwrap();
        assert_eq!(now(seals_for_in(&store)).unwrap(), SealsFor::NotShownYet);
        assert_eq!(now(recipients_in(&store)).unwrap(), Some(jo.clone()));
        // Opening tablet set-up keeps it as shown again, from the code sealing reads.
        assert_eq!(now(keep_setup_shown_in(&store)).unwrap(), Some(jo.clone()));
        assert_eq!(
            now(seals_for_in(&store)).unwrap(),
            SealsFor::People(jo.shown())
        );
        // Forgetting forgets both.
        now(forget_setup(&store)).unwrap();
        assert_eq!(now(seals_for_in(&store)).unwrap(), SealsFor::Nobody);
        assert_eq!(now(store.get_bytes(Area::Settings, SHOWN)).unwrap(), None);
        assert_eq!(now(recipients_in(&store)).unwrap(), None);
    }

    #[test]
    fn a_booklet_finished_again_is_sealed_once_under_its_drafts_id() {
        let store = MemoryStore::new();
        let booklet = builtin_for(AgeBand::TenToFifteen);
        let child = ChildDetails {
            name: "Zebra Child".into(),
            ..ChildDetails::default()
        };
        let draft = Draft::new(
            &booklet,
            AgeBand::TenToFifteen,
            child,
            LocaleCode::new("en"),
            "2026-12-07T09:00:00Z",
        );
        let draft_id = format!("{:032x}", 7);
        now(store.put_bytes(Area::Drafts, &draft_id, b"encrypted draft")).unwrap();
        // Not set up: nothing is sealed and the draft stays.
        let first = draft.finish(&booklet, &draft_id, "2026-12-07T09:30:00Z");
        assert!(matches!(
            now(finish(&store, &draft_id, &first)),
            Err(FinishError::NotSetUp)
        ));
        assert!(now(store.get_bytes(Area::Drafts, &draft_id))
            .unwrap()
            .is_some());

        let (key, public) = generate_keypair(&mut system_rng());
        let code = SetupCode::new(vec![IroIdentity::new("Sam", public).unwrap()]).unwrap();
        now(store.put_json(Area::Settings, RECIPIENTS, &code.to_fragment())).unwrap();
        now(finish(&store, &draft_id, &first)).unwrap();
        assert_eq!(now(store.get_bytes(Area::Drafts, &draft_id)).unwrap(), None);
        // Finished again, as when the draft could not be removed the first time.
        let again = draft.finish(&booklet, &draft_id, "2026-12-07T09:31:00Z");
        now(finish(&store, &draft_id, &again)).unwrap();

        assert_eq!(
            now(store.keys(Area::Sealed)).unwrap(),
            vec![draft_id.clone()]
        );
        let times = now(sealed_times(&store)).unwrap();
        assert_eq!(
            times,
            vec![(draft_id.clone(), "2026-12-07T09:31:00Z".to_owned())]
        );
        let waiting = now(waiting_in(&store)).unwrap();
        assert_eq!(waiting.len(), 1);
        let bytes = Bundle::new(waiting).unwrap().to_bytes();
        let opened = open_bundle_booklets(&bytes, &key).unwrap();
        assert_eq!(opened.len(), 1);
        assert_eq!(opened[0].id, draft_id);
        assert_eq!(opened[0].completed_at, "2026-12-07T09:31:00Z");
    }
}
