//! Council surveys on a tablet: the surveys it runs, and their sealed answers waiting to be
//! sent to the council lead.
//!
//! What is kept where (see `browser::store` for the areas):
//!
//! - [`Area::Settings`], `tablet/surveys`: the tablet's [`SurveyShelf`] as JSON: each published
//!   survey and the public keys its answers are sealed for. Nothing a child answered.
//! - [`Area::Sealed`], `survey/<survey id>/<sealed id>`: one finished survey, sealed with HPKE
//!   for that survey file's `seal_for` keys only (never the tablet's IRO recipients). The key
//!   names the survey, so each survey's answers file holds its own answers and nothing else,
//!   and the review booklets' answers file (`tablet::waiting`) skips every key under `survey/`.
//! - [`Area::Settings`], `tablet/survey-sent`: the sealed keys already sent in an answers file.
//!
//! A survey's drafts are ordinary drafts ([`Area::Drafts`], encrypted at rest) whose booklet id
//! is the survey's id.

use crate::tablet::{FinishError, SendError};
use my_say_core::seal::{parse_bundle, seal_booklet, system_rng, Bundle, SealedBooklet};
use my_say_core::survey::{ShelfChange, SurveyFile, SurveyFileError, SurveyShelf};
use my_say_core::validate::is_survey_id;
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::{device_store, Area, KeyValueStore, StoreError};
use my_say_ui::i18n::Locale;
use std::collections::BTreeMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// Where the shelf is kept in [`Area::Settings`].
pub const SHELF_KEY: &str = "tablet/surveys";
/// A survey's work that has not finished yet.
pub type Pending<T> = Pin<Box<dyn Future<Output = T>>>;

/// A [`ShelfError`] as code both apps share holds it (the fill screen, [`FinishError`]): its
/// words. It is made only in the surveys app's own functions, so those words, and through them
/// every message of the survey file reader and the booklet validator, are linked into the
/// surveys app alone: the child's app, which shares the fill screen, never makes one
/// (docs/size.md). Its `Debug` is its words too: a `dyn Error` would also link every derived
/// `Debug` of the survey file's errors into the surveys app (measured: +2.5 KB). A storage
/// failure is kept as itself, so it can be told in the person's language.
pub enum ShelfFailure {
    /// Storage failed.
    Store(StoreError),
    /// Anything else, in the words it was made with.
    Other(Box<dyn fmt::Display>),
}

impl ShelfFailure {
    /// What went wrong, in `locale`'s words for a storage failure (a survey list that cannot be
    /// read, or a survey id the builder does not make, are told in English).
    pub fn words(&self, locale: Locale) -> String {
        match self {
            ShelfFailure::Store(e) => e.words(locale),
            ShelfFailure::Other(e) => e.to_string(),
        }
    }
}

impl From<ShelfError> for ShelfFailure {
    fn from(e: ShelfError) -> Self {
        match e {
            ShelfError::Store(e) => ShelfFailure::Store(e),
            e => ShelfFailure::Other(Box::new(e)),
        }
    }
}

impl fmt::Display for ShelfFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(Locale::En))
    }
}

impl fmt::Debug for ShelfFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// How the fill screen reaches this tablet's council surveys, as context. Only the surveys app
/// provides it ([`crate::SurveysApp`]), so the child's app never links the survey file reader
/// (docs/size.md): there a survey's draft moves to the surveys app.
#[derive(Clone, Copy)]
pub struct TabletSurveys {
    /// The survey with this id on this tablet ([`find`]).
    pub find: fn(String) -> Pending<Result<Option<SurveyFile>, ShelfFailure>>,
    /// Seals a finished survey and removes its draft ([`finish`]): the draft's id, the survey.
    pub finish: fn(String, CompletedBooklet) -> Pending<Result<(), FinishError>>,
}

impl TabletSurveys {
    /// This tablet's surveys, in the device store.
    pub const ON_THIS_TABLET: TabletSurveys = TabletSurveys {
        find: |id| Box::pin(async move { Ok(find(&id).await?) }),
        finish: |draft_id, finished| {
            Box::pin(async move { finish(&device_store().await?, &draft_id, &finished).await })
        },
    };
}

/// Where the keys of survey answers already sent are kept in [`Area::Settings`].
pub const SENT_KEY: &str = "tablet/survey-sent";
/// Sealed survey answers are kept in [`Area::Sealed`] under this prefix.
pub const SEALED_PREFIX: &str = "survey/";

/// The sealed area's key for one finished survey.
pub fn sealed_key(survey_id: &str, sealed_id: &str) -> String {
    format!("{SEALED_PREFIX}{survey_id}/{sealed_id}")
}

/// Whether a key of the sealed area holds survey answers (not a review booklet).
pub fn is_survey_key(key: &str) -> bool {
    key.starts_with(SEALED_PREFIX)
}

/// The survey id in a sealed area key, if it is a survey answer's key.
fn survey_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(SEALED_PREFIX)?
        .rsplit_once('/')
        .map(|(id, _)| id)
}

/// Why the tablet's surveys could not be read or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShelfError {
    /// Storage failed.
    Store(StoreError),
    /// The stored list of surveys could not be read; it is left as it was.
    Unreadable(SurveyFileError),
    /// The survey's id is not one the builder makes, so its answers could not be kept apart.
    UnusableId(String),
}

impl ShelfError {
    /// What went wrong, in `locale`'s words for a storage failure, else in English (as
    /// [`ShelfFailure::words`]).
    pub fn words(&self, locale: Locale) -> String {
        match self {
            ShelfError::Store(e) => e.words(locale),
            e => e.to_string(),
        }
    }
}

impl fmt::Display for ShelfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShelfError::Store(e) => e.fmt(f),
            ShelfError::Unreadable(e) => write!(
                f,
                "The list of surveys on this tablet could not be read, so nothing was changed \
                 ({e})"
            ),
            ShelfError::UnusableId(id) => write!(
                f,
                "This survey's id (\"{id}\") is not one My Say's survey builder makes, so its \
                 answers could not be kept apart from review booklets. Publish the survey from \
                 My Say's survey builder and share it again."
            ),
        }
    }
}

impl From<StoreError> for ShelfError {
    fn from(e: StoreError) -> Self {
        ShelfError::Store(e)
    }
}

/// Whether surveys have ever been added to this tablet (without reading them: the child's app
/// asks this, and does not carry the survey file reader).
pub async fn on_this_tablet() -> bool {
    match device_store().await {
        Ok(store) => matches!(
            store.get_bytes(Area::Settings, SHELF_KEY).await,
            Ok(Some(_))
        ),
        Err(_) => false,
    }
}

/// On a tablet that has surveys, asks the service worker to keep the surveys app for offline
/// use, once the browser is idle (`service_worker::keep_if`).
pub fn keep_their_app_if_here() {
    my_say_ui::browser::service_worker::keep_if(my_say_ui::apps::App::Surveys, on_this_tablet);
}

/// The surveys on this tablet (none until one is added).
pub async fn shelf(store: &impl KeyValueStore) -> Result<SurveyShelf, ShelfError> {
    match store.get_bytes(Area::Settings, SHELF_KEY).await? {
        None => Ok(SurveyShelf::new()),
        Some(bytes) => {
            SurveyShelf::from_json(&String::from_utf8_lossy(&bytes)).map_err(ShelfError::Unreadable)
        }
    }
}

/// The survey with this id on this tablet, if it is there.
pub async fn find(survey_id: &str) -> Result<Option<SurveyFile>, ShelfError> {
    let store = device_store().await?;
    Ok(shelf(&store).await?.get(survey_id).cloned())
}

async fn save(store: &impl KeyValueStore, shelf: &SurveyShelf) -> Result<(), StoreError> {
    store
        .put_bytes(Area::Settings, SHELF_KEY, shelf.to_json().as_bytes())
        .await
}

/// Adds a survey read from a link or file. The shelf is saved only when it changed; a refused
/// survey ([`ShelfChange::Older`], [`ShelfChange::Conflict`]) changes nothing.
pub async fn add(store: &impl KeyValueStore, file: SurveyFile) -> Result<ShelfChange, ShelfError> {
    // Only an id the builder makes keeps the answers apart: anything else could be mistaken for a
    // review booklet by the workspace, or break the sealed area's key. The booklet rules already
    // refuse a survey file or link with any other id; checked again here so that the sealed
    // area's keys never depend on where a `SurveyFile` came from.
    if !is_survey_id(file.id()) {
        return Err(ShelfError::UnusableId(file.id().to_owned()));
    }
    let mut shelf = shelf(store).await?;
    let change = shelf.add(file);
    if change.changed() {
        save(store, &shelf).await?;
    }
    Ok(change)
}

/// Takes a survey off the tablet. Its sealed answers stay, still sealed, and can still be sent.
pub async fn remove(store: &impl KeyValueStore, id: &str) -> Result<bool, ShelfError> {
    let mut shelf = shelf(store).await?;
    let removed = shelf.remove(id);
    if removed {
        save(store, &shelf).await?;
    }
    Ok(removed)
}

/// Seals a finished survey for the survey file's `seal_for` keys only, keeps only the
/// ciphertext under `survey/<survey id>/<sealed id>`, and removes the draft. The sealed copy is
/// written before the draft goes, so a failure loses nothing. Finishing the same draft again
/// replaces its sealed copy (see [`crate::tablet::finish`]).
pub async fn finish(
    store: &impl KeyValueStore,
    draft_id: &str,
    finished: &CompletedBooklet,
) -> Result<(), FinishError> {
    let shelf = shelf(store)
        .await
        .map_err(|e| FinishError::Shelf(e.into()))?;
    let file = shelf
        .get(&finished.booklet_id)
        .ok_or(FinishError::Removed)?;
    let sealed = seal_booklet(finished, &file.seal_for().public_keys(), &mut system_rng())
        .map_err(FinishError::Seal)?;
    store
        .put_bytes(
            Area::Sealed,
            &sealed_key(file.id(), &sealed.id().to_hex()),
            &sealed.to_bytes(),
        )
        .await?;
    Ok(store.delete(Area::Drafts, draft_id).await?)
}

async fn sent_keys(store: &impl KeyValueStore) -> Result<Vec<String>, StoreError> {
    Ok(store
        .get_json::<Vec<String>>(Area::Settings, SENT_KEY)
        .await?
        .unwrap_or_default())
}

/// How many answers a survey has on this tablet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Sealed and not sent yet.
    pub waiting: usize,
    /// Sent already and still kept here.
    pub sent: usize,
}

/// Answers on this tablet by survey id, for every survey that has any (surveys taken off the
/// tablet included, so their answers can still be sent).
pub async fn counts(
    store: &impl KeyValueStore,
) -> Result<BTreeMap<String, AnswerCounts>, StoreError> {
    let sent = sent_keys(store).await?;
    let mut out: BTreeMap<String, AnswerCounts> = BTreeMap::new();
    for key in store.keys(Area::Sealed).await? {
        let Some(id) = survey_of_key(&key) else {
            continue;
        };
        let entry = out.entry(id.to_owned()).or_default();
        if sent.contains(&key) {
            entry.sent += 1;
        } else {
            entry.waiting += 1;
        }
    }
    Ok(out)
}

/// One bundle file of this survey's answers not yet sent, and their keys (for [`mark_sent`]);
/// `None` when there are none.
pub async fn bundle_to_send(
    store: &impl KeyValueStore,
    survey_id: &str,
) -> Result<Option<(Vec<u8>, Vec<String>)>, SendError> {
    let sent = sent_keys(store).await?;
    let mut items = Vec::new();
    let mut keys = Vec::new();
    for key in store.keys(Area::Sealed).await? {
        if survey_of_key(&key) != Some(survey_id) || sent.contains(&key) {
            continue;
        }
        let Some(bytes) = store.get_bytes(Area::Sealed, &key).await? else {
            continue;
        };
        // Anything unreadable stays put rather than blocking every other answer.
        if let Ok(sealed) = SealedBooklet::from_bytes(&bytes) {
            items.push(sealed);
            keys.push(key);
        }
    }
    if items.is_empty() {
        return Ok(None);
    }
    let bytes = Bundle::new(items)?.to_bytes();
    // Check the file reads back before anyone relies on it.
    parse_bundle(&bytes)?;
    Ok(Some((bytes, keys)))
}

/// Remembers that these answers were sent, so the next file holds only new ones.
pub async fn mark_sent(store: &impl KeyValueStore, keys: &[String]) -> Result<(), StoreError> {
    let mut sent = sent_keys(store).await?;
    for key in keys {
        if !sent.contains(key) {
            sent.push(key.clone());
        }
    }
    store.put_json(Area::Settings, SENT_KEY, &sent).await
}

/// Deletes this survey's answers that were already sent, to free the tablet. Returns how many.
pub async fn remove_sent(store: &impl KeyValueStore, survey_id: &str) -> Result<usize, StoreError> {
    let mut sent = sent_keys(store).await?;
    let mut removed = 0;
    for key in store.keys(Area::Sealed).await? {
        if survey_of_key(&key) == Some(survey_id) && sent.contains(&key) {
            store.delete(Area::Sealed, &key).await?;
            sent.retain(|k| k != &key);
            removed += 1;
        }
    }
    store.put_json(Area::Settings, SENT_KEY, &sent).await?;
    Ok(removed)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use my_say_core::booklet::AnswerKindType;
    use my_say_core::seal::{
        generate_keypair, open_bundle_booklets, IroIdentity, PrivateKey, SetupCode,
    };
    use my_say_core::survey::SurveyDraft;
    use my_say_core::{AgeBand, Answer, ChildDetails, Draft, LocaleCode, QuestionId};
    use my_say_ui::browser::store::{now, MemoryStore};

    /// A published survey file with one own-words question, sealed for a new key.
    pub(crate) fn survey_file(id: &str, revision_bump: bool) -> (SurveyFile, PrivateKey) {
        let en = LocaleCode::new("en");
        let mut d = SurveyDraft::new(id, en.clone());
        d.set_title(&en, "Your reviews");
        let q = d.add_question(AnswerKindType::OwnWords);
        d.question_mut(&q).unwrap().text = my_say_core::Text::en("What would make reviews better?");
        let mut booklet = d.publish().unwrap();
        if revision_bump {
            booklet.revision += 1;
        }
        let (key, public) = generate_keypair(&mut system_rng());
        let code = SetupCode::new(vec![IroIdentity::new("Lead", public).unwrap()]).unwrap();
        (SurveyFile::new(booklet, code).unwrap(), key)
    }

    /// A child's finished survey, with `words` as the own-words answer.
    pub(crate) fn finished(file: &SurveyFile, id: &str, words: &str) -> CompletedBooklet {
        let survey = file.survey();
        let mut draft = Draft::new(
            survey,
            AgeBand::TenToFifteen,
            ChildDetails::default(),
            LocaleCode::new("en"),
            "2026-11-30T10:00:00Z",
        );
        let q = survey.questions().next().unwrap().id.clone();
        draft
            .set_answer(
                survey,
                &q,
                Answer::Words(words.into()),
                "2026-11-30T10:01:00Z",
            )
            .unwrap();
        assert_eq!(q, QuestionId::new("q1"));
        draft.finish(survey, id, "2026-11-30T10:02:00Z")
    }

    fn raw(store: &MemoryStore) -> String {
        let mut out = String::new();
        for area in Area::ALL {
            for key in now(store.keys(area)).unwrap() {
                let bytes = now(store.get_bytes(area, &key)).unwrap().unwrap();
                out.push_str(&key);
                out.push_str(&String::from_utf8_lossy(&bytes));
            }
        }
        out
    }

    #[test]
    fn surveys_are_added_updated_refused_and_removed() {
        let store = MemoryStore::new();
        assert!(now(shelf(&store)).unwrap().surveys().is_empty());
        let (file, _) = survey_file("survey-00000000000000aa", false);
        assert_eq!(now(add(&store, file.clone())).unwrap(), ShelfChange::Added);
        assert_eq!(
            now(add(&store, file.clone())).unwrap(),
            ShelfChange::AlreadyThere
        );
        let (newer, _) = survey_file("survey-00000000000000aa", true);
        assert_eq!(
            now(add(&store, newer.clone())).unwrap(),
            ShelfChange::Updated { from: 1 }
        );
        // An older revision is refused and changes nothing stored.
        let before = raw(&store);
        let (older, _) = survey_file("survey-00000000000000aa", false);
        assert_eq!(
            now(add(&store, older)).unwrap(),
            ShelfChange::Older { kept: 2 }
        );
        assert_eq!(raw(&store), before);
        let (other, _) = survey_file("survey-00000000000000bb", false);
        now(add(&store, other)).unwrap();
        let ids: Vec<String> = now(shelf(&store))
            .unwrap()
            .surveys()
            .iter()
            .map(|s| s.id().to_owned())
            .collect();
        assert_eq!(ids, ["survey-00000000000000aa", "survey-00000000000000bb"]);
        assert!(now(remove(&store, "survey-00000000000000aa")).unwrap());
        assert!(!now(remove(&store, "survey-00000000000000aa")).unwrap());
        assert_eq!(now(shelf(&store)).unwrap().surveys().len(), 1);
    }

    #[test]
    fn ids_that_could_be_mistaken_are_refused_and_a_damaged_shelf_is_left_alone() {
        let store = MemoryStore::new();
        let (good, _) = survey_file("survey-00000000000000aa", false);
        for id in [
            "council-1",
            "survey-",
            "survey-a/b",
            "survey-ABC",
            "survey-1 2",
        ] {
            assert!(!is_survey_id(id), "{id}");
            // Such a survey never reaches the tablet: the booklet rules refuse its file or link.
            let mut json: serde_json::Value = serde_json::from_str(&good.to_json()).unwrap();
            json["survey"]["id"] = serde_json::json!(id);
            let refused = SurveyFile::from_json(&json.to_string()).unwrap_err();
            assert!(
                refused
                    .to_string()
                    .contains("survey.id: a survey's id must be"),
                "{refused}"
            );
        }
        assert!(is_survey_id("survey-00000000000000aa"));
        assert!(now(store.keys(Area::Settings)).unwrap().is_empty());
        now(store.put_bytes(Area::Settings, SHELF_KEY, b"{oops")).unwrap();
        let (file, _) = survey_file("survey-00000000000000aa", false);
        assert!(matches!(
            now(add(&store, file)),
            Err(ShelfError::Unreadable(_))
        ));
        assert_eq!(
            now(store.get_bytes(Area::Settings, SHELF_KEY)).unwrap(),
            Some(b"{oops".to_vec())
        );
    }

    #[test]
    fn finished_surveys_are_sealed_for_the_lead_apart_per_survey_and_sent_once() {
        let store = MemoryStore::new();
        let (a, lead_a) = survey_file("survey-00000000000000aa", false);
        let (b, lead_b) = survey_file("survey-00000000000000bb", false);
        now(add(&store, a.clone())).unwrap();
        now(add(&store, b.clone())).unwrap();
        // The tablet was never set up for an IRO: surveys still seal.
        for (n, (file, words)) in [(&a, "zebra one"), (&a, "zebra two"), (&b, "zebra three")]
            .into_iter()
            .enumerate()
        {
            let draft_id = format!("draft{n}");
            now(store.put_bytes(Area::Drafts, &draft_id, b"encrypted draft")).unwrap();
            let record = finished(file, &format!("{n:032x}"), words);
            now(finish(&store, &draft_id, &record)).unwrap();
            assert_eq!(now(store.get_bytes(Area::Drafts, &draft_id)).unwrap(), None);
        }
        assert!(!raw(&store).contains("zebra"));
        let keys = now(store.keys(Area::Sealed)).unwrap();
        assert!(keys.iter().all(|k| is_survey_key(k)));
        assert_eq!(
            keys.iter()
                .filter(|k| k.starts_with("survey/survey-00000000000000aa/"))
                .count(),
            2
        );
        // Review booklets' answers file: nothing of the surveys.
        assert!(now(crate::tablet::waiting_in(&store)).unwrap().is_empty());

        let counts_now = now(counts(&store)).unwrap();
        assert_eq!(
            counts_now["survey-00000000000000aa"],
            AnswerCounts {
                waiting: 2,
                sent: 0
            }
        );
        let (bytes, sent) = now(bundle_to_send(&store, "survey-00000000000000aa"))
            .unwrap()
            .unwrap();
        assert_eq!(sent.len(), 2);
        // Only the lead of survey a opens it; it holds survey a's answers alone.
        let opened = open_bundle_booklets(&bytes, &lead_a).unwrap();
        assert_eq!(opened.len(), 2);
        assert!(opened.iter().all(|r| r.booklet_id == a.id()));
        assert!(opened.iter().all(|r| r.child == ChildDetails::default()));
        // Sealed with the day the child finished, not the time.
        assert!(opened.iter().all(|r| r.completed_at == "2026-11-30"));
        assert!(open_bundle_booklets(&bytes, &lead_b).is_err());

        now(mark_sent(&store, &sent)).unwrap();
        assert_eq!(
            now(bundle_to_send(&store, "survey-00000000000000aa")).unwrap(),
            None
        );
        // Taking the survey off the tablet keeps its answers; removing sent ones frees them.
        now(remove(&store, "survey-00000000000000aa")).unwrap();
        assert_eq!(
            now(counts(&store)).unwrap()["survey-00000000000000aa"],
            AnswerCounts {
                waiting: 0,
                sent: 2
            }
        );
        assert_eq!(
            now(remove_sent(&store, "survey-00000000000000aa")).unwrap(),
            2
        );
        assert!(!now(counts(&store))
            .unwrap()
            .contains_key("survey-00000000000000aa"));
        assert_eq!(
            now(counts(&store)).unwrap()["survey-00000000000000bb"].waiting,
            1
        );
    }

    #[test]
    fn a_survey_finished_again_is_one_answer() {
        let store = MemoryStore::new();
        let (a, lead) = survey_file("survey-00000000000000aa", false);
        now(add(&store, a.clone())).unwrap();
        let draft_id = format!("{:032x}", 9);
        now(store.put_bytes(Area::Drafts, &draft_id, b"encrypted draft")).unwrap();
        now(finish(
            &store,
            &draft_id,
            &finished(&a, &draft_id, "first words"),
        ))
        .unwrap();
        now(finish(
            &store,
            &draft_id,
            &finished(&a, &draft_id, "second words"),
        ))
        .unwrap();
        assert_eq!(
            now(counts(&store)).unwrap()["survey-00000000000000aa"].waiting,
            1
        );
        let (bytes, _) = now(bundle_to_send(&store, "survey-00000000000000aa"))
            .unwrap()
            .unwrap();
        let opened = open_bundle_booklets(&bytes, &lead).unwrap();
        assert_eq!(opened.len(), 1);
        assert_eq!(
            opened[0].answers.values().next(),
            Some(&Answer::Words("second words".into()))
        );
    }

    #[test]
    fn a_survey_taken_off_meanwhile_keeps_the_draft() {
        let store = MemoryStore::new();
        let (a, _) = survey_file("survey-00000000000000aa", false);
        now(store.put_bytes(Area::Drafts, "d", b"encrypted draft")).unwrap();
        let record = finished(&a, &format!("{:032x}", 1), "words");
        assert!(matches!(
            now(finish(&store, "d", &record)),
            Err(FinishError::Removed)
        ));
        assert!(now(store.get_bytes(Area::Drafts, "d")).unwrap().is_some());
        assert!(now(store.keys(Area::Sealed)).unwrap().is_empty());
    }
}
