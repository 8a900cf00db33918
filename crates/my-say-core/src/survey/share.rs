//! Sharing a survey with tablets: the survey file, the survey link, and the tablet's list of
//! active surveys.
//!
//! A [`SurveyFile`] carries the survey booklet and the public keys its answers are sealed for
//! (the council lead's, and perhaps a deputy's): the same identities, checks and limits as a
//! tablet set-up code ([`SetupCode`]), so sealing a survey's answers is exactly sealing a
//! booklet. It travels as a JSON file or as a link whose `#` fragment carries the same file, so
//! it never passes through a server. Reading is all or nothing: a survey is either read whole
//! and valid, or refused with one clear message. The format is in `docs/surveys.md`.

use super::{check_header, HeaderCheck};
use crate::booklet::{Booklet, BookletKind};
use crate::seal::{same_keys, IroIdentity, KeyFileError, PublicKey, SetupCode};
use crate::validate::{parse_booklet, validate, BookletError};
use base64ct::{Base64UrlUnpadded, Encoding};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// `format` of a survey file.
pub const SURVEY_FILE_FORMAT: &str = "my-say/survey-file";
/// The survey file version this build writes (and the newest it reads).
pub const SURVEY_FILE_VERSION: u32 = 1;
/// `format` of a tablet's stored list of surveys.
pub const SURVEY_SHELF_FORMAT: &str = "my-say/survey-shelf";
/// The shelf version this build writes (and the newest it reads).
pub const SURVEY_SHELF_VERSION: u32 = 1;
/// Text before the base64url body of a survey link's fragment.
pub const SURVEY_LINK_PREFIX: &str = "mysay-survey.";
/// The survey link version this build writes (and the newest it reads).
pub const SURVEY_LINK_VERSION: u8 = 1;
/// The largest survey file read, in bytes. A real survey is a few kilobytes; this keeps a
/// wrong file from filling a tablet's memory.
pub const MAX_SURVEY_FILE_BYTES: usize = 1024 * 1024;
/// Survey ids may not start with this: it is kept for the built-in review booklets.
pub const REVIEW_ID_PREFIX: &str = "review-";
/// The largest number of bytes a QR code holds (version 40, low error correction, byte mode).
/// A survey link longer than this can only travel as a link or a file.
pub const QR_MAX_BYTES: usize = 2953;

/// Domain separation for the survey link's typo check.
const LINK_CHECK_DOMAIN: &[u8] = b"my-say survey link v1\0";
const LINK_CHECK_LEN: usize = 4;

/// Why a survey file or link could not be read. The `Display` text is for the adult setting
/// up the tablet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SurveyFileError {
    /// Larger than [`MAX_SURVEY_FILE_BYTES`].
    TooLarge,
    /// Not a My Say survey file or link at all.
    NotASurveyFile,
    /// Made by a newer My Say.
    NewerVersion(u64),
    /// The link is cut short or has a mistake in it.
    Mistyped,
    /// The file's fields are wrong (named, for support).
    Damaged(String),
    /// The survey inside breaks the booklet format's rules (every problem, paths from the top
    /// of the file, such as `survey.sections[0].questions[2].text`).
    Survey(Vec<BookletError>),
    /// The booklet inside is a review booklet, not a survey.
    NotASurvey,
    /// The survey's id is kept for the built-in review booklets.
    ReservedId,
    /// A key to seal for is wrong: which one (from 1), if it is one key, and why.
    Keys {
        /// The key's place in the list, from 1, when the problem is with one key.
        number: Option<usize>,
        /// What is wrong.
        error: KeyFileError,
    },
}

impl fmt::Display for SurveyFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SurveyFileError::TooLarge => f.write_str(
                "This file is far too large to be a My Say survey. Check you chose the right file.",
            ),
            SurveyFileError::NotASurveyFile => {
                f.write_str("This is not a My Say survey. Check you chose the right file or link.")
            }
            SurveyFileError::NewerVersion(v) => write!(
                f,
                "This survey was made by a newer version of My Say (version {v}). Update My Say \
                 on this device and try again."
            ),
            SurveyFileError::Mistyped => f.write_str(
                "This survey link is not complete or has a mistake in it. Copy the whole link \
                 again, or use the survey file.",
            ),
            SurveyFileError::Damaged(what) => write!(
                f,
                "This survey file is damaged and cannot be read (problem with: {what})."
            ),
            SurveyFileError::Survey(errors) => {
                write!(
                    f,
                    "This survey cannot be used: it has {} problem{}. The first: {}",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" },
                    errors.first().map(ToString::to_string).unwrap_or_default()
                )
            }
            SurveyFileError::NotASurvey => f.write_str(
                "This file holds a review booklet, not a survey. Surveys are anonymous; review \
                 booklets are set up differently.",
            ),
            SurveyFileError::ReservedId => write!(
                f,
                "This survey's id starts with \"{REVIEW_ID_PREFIX}\", which is kept for My Say's \
                 own review booklets."
            ),
            SurveyFileError::Keys {
                number: Some(n),
                error,
            } => write!(f, "Key {n} of the people to seal answers for: {error}"),
            SurveyFileError::Keys {
                number: None,
                error,
            } => write!(f, "The people to seal answers for: {error}"),
        }
    }
}

impl std::error::Error for SurveyFileError {}

/// One person answers are sealed for, as the file writes them.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecipientJson {
    display_name: String,
    public_key: String,
    fingerprint: String,
}

/// A survey file as JSON.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileJson {
    format: String,
    version: u32,
    survey: serde_json::Value,
    seal_for: Vec<RecipientJson>,
}

/// A survey ready for tablets: the survey booklet and who its answers are sealed for.
/// It can only be made from a valid, anonymous survey.
#[derive(Clone, Debug)]
pub struct SurveyFile {
    survey: Booklet,
    seal_for: SetupCode,
    /// The survey as JSON, as it was read or first written. Writing the file again (a tablet
    /// keeps its surveys as files) copies this rather than writing the booklet out afresh, so a
    /// tablet's app carries no code to write booklets: measured in docs/size.md.
    survey_json: serde_json::Value,
}

/// Two survey files are the same when their surveys and keys are: the JSON they were read from
/// may differ in how it is written (so two equal files can make links that differ in their
/// text; nothing compares links by their text).
impl PartialEq for SurveyFile {
    fn eq(&self, other: &SurveyFile) -> bool {
        self.survey == other.survey && self.seal_for == other.seal_for
    }
}

impl SurveyFile {
    /// A survey file for a published survey (from [`super::SurveyDraft::publish`]). Refused
    /// unless the booklet is a survey that passes every rule, anonymity included.
    pub fn new(survey: Booklet, seal_for: SetupCode) -> Result<SurveyFile, SurveyFileError> {
        check_survey(&survey)?;
        let survey_json = serde_json::to_value(&survey).expect("plain data serializes");
        Ok(SurveyFile {
            survey,
            seal_for,
            survey_json,
        })
    }

    /// The survey booklet, for the tablet's booklet screens.
    pub fn survey(&self) -> &Booklet {
        &self.survey
    }

    /// The survey's stable id: several surveys can be active on one tablet, one per id.
    pub fn id(&self) -> &str {
        &self.survey.id
    }

    /// The survey's revision: a newer revision of the same id replaces an older one.
    pub fn revision(&self) -> u32 {
        self.survey.revision
    }

    /// Who answers are sealed for; pass [`SetupCode::public_keys`] to the sealing functions.
    pub fn seal_for(&self) -> &SetupCode {
        &self.seal_for
    }

    /// A file name for downloading: `my-say-survey-<id>-r<revision>.json`.
    pub fn file_name(&self) -> String {
        format!("my-say-survey-{}-r{}.json", self.id(), self.revision())
    }

    fn to_file_json(&self) -> FileJson {
        FileJson {
            format: SURVEY_FILE_FORMAT.to_owned(),
            version: SURVEY_FILE_VERSION,
            survey: self.survey_json.clone(),
            seal_for: self
                .seal_for
                .recipients()
                .iter()
                .map(|r| RecipientJson {
                    display_name: r.display_name.clone(),
                    public_key: r.public_key.to_base64(),
                    fingerprint: r.fingerprint().to_string(),
                })
                .collect(),
        }
    }

    /// The survey file (pretty JSON).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_file_json()).expect("plain data serializes")
    }

    /// Reads a survey file. All or nothing: any problem refuses the whole file.
    pub fn from_json(text: &str) -> Result<SurveyFile, SurveyFileError> {
        if text.len() > MAX_SURVEY_FILE_BYTES {
            return Err(SurveyFileError::TooLarge);
        }
        match check_header(text, SURVEY_FILE_FORMAT, SURVEY_FILE_VERSION) {
            Ok(()) => {}
            Err(HeaderCheck::WrongFormat) => return Err(SurveyFileError::NotASurveyFile),
            Err(HeaderCheck::Newer(v)) => return Err(SurveyFileError::NewerVersion(v)),
            Err(HeaderCheck::BadVersion) => return Err(SurveyFileError::Damaged("version".into())),
        }
        let file: FileJson = serde_json::from_str(text)
            .map_err(|e| SurveyFileError::Damaged(strip_position(&e.to_string())))?;
        Self::from_file_json(file)
    }

    fn from_file_json(file: FileJson) -> Result<SurveyFile, SurveyFileError> {
        // The booklet reader gives the best messages, with paths; it reads text.
        let survey = parse_booklet(&file.survey.to_string()).map_err(|e| {
            SurveyFileError::Survey(vec![BookletError {
                path: prefixed(&e.path),
                problem: e.problem,
                // Line and column would be in the re-written booklet, not the file.
                position: None,
            }])
        })?;
        check_survey(&survey)?;
        let mut recipients = Vec::with_capacity(file.seal_for.len().min(8));
        for (i, r) in file.seal_for.iter().enumerate() {
            let key_error = |error| SurveyFileError::Keys {
                number: Some(i + 1),
                error,
            };
            let key = PublicKey::from_base64(&r.public_key).map_err(key_error)?;
            if key.fingerprint().to_string() != r.fingerprint {
                return Err(key_error(KeyFileError::FingerprintMismatch));
            }
            recipients.push(IroIdentity::new(&r.display_name, key).map_err(key_error)?);
        }
        let seal_for = SetupCode::new(recipients).map_err(|error| SurveyFileError::Keys {
            number: None,
            error,
        })?;
        Ok(SurveyFile {
            survey,
            seal_for,
            survey_json: file.survey,
        })
    }

    /// The code to put after `#` in a survey link: `mysay-survey.` and the unpadded base64url
    /// of a version byte, the compact survey file, and a 4-byte typo check. Check its length
    /// against [`QR_MAX_BYTES`] before offering a QR code.
    pub fn to_fragment(&self) -> String {
        let json = serde_json::to_vec(&self.to_file_json()).expect("plain data serializes");
        let mut body = Vec::with_capacity(json.len() + 1 + LINK_CHECK_LEN);
        body.push(SURVEY_LINK_VERSION);
        body.extend_from_slice(&json);
        let check = link_check(&body);
        body.extend_from_slice(&check);
        format!(
            "{SURVEY_LINK_PREFIX}{}",
            Base64UrlUnpadded::encode_string(&body)
        )
    }

    /// Reads a survey link: the bare code, `#` and the code, or a whole link ending in it.
    pub fn from_fragment(text: &str) -> Result<SurveyFile, SurveyFileError> {
        let text = text.trim();
        let code = match text.rfind(SURVEY_LINK_PREFIX) {
            Some(at) => &text[at + SURVEY_LINK_PREFIX.len()..],
            None => return Err(SurveyFileError::NotASurveyFile),
        };
        // Base64 of the largest file, with room for the version and check.
        if code.len() > (MAX_SURVEY_FILE_BYTES + 1 + LINK_CHECK_LEN) * 4 / 3 + 4 {
            return Err(SurveyFileError::TooLarge);
        }
        let bytes = Base64UrlUnpadded::decode_vec(code).map_err(|_| SurveyFileError::Mistyped)?;
        // Only the canonical spelling is accepted, so one survey has one link.
        if Base64UrlUnpadded::encode_string(&bytes) != code {
            return Err(SurveyFileError::Mistyped);
        }
        if bytes.len() < 1 + LINK_CHECK_LEN {
            return Err(SurveyFileError::Mistyped);
        }
        let (body, check) = bytes.split_at(bytes.len() - LINK_CHECK_LEN);
        let version = body[0];
        if link_check(body) != check {
            return Err(if version > SURVEY_LINK_VERSION {
                SurveyFileError::NewerVersion(u64::from(version))
            } else {
                SurveyFileError::Mistyped
            });
        }
        if version != SURVEY_LINK_VERSION {
            return Err(if version > SURVEY_LINK_VERSION {
                SurveyFileError::NewerVersion(u64::from(version))
            } else {
                SurveyFileError::Damaged("link version".into())
            });
        }
        let json = std::str::from_utf8(&body[1..])
            .map_err(|_| SurveyFileError::Damaged("link text".into()))?;
        SurveyFile::from_json(json)
    }
}

/// The rules every shared survey meets: a survey (not a review booklet), not using a review
/// booklet's id, and valid, which includes [`crate::validate::check_anonymous`].
fn check_survey(survey: &Booklet) -> Result<(), SurveyFileError> {
    if survey.kind != BookletKind::Survey {
        return Err(SurveyFileError::NotASurvey);
    }
    if survey.id.starts_with(REVIEW_ID_PREFIX) {
        return Err(SurveyFileError::ReservedId);
    }
    validate(survey).map_err(|errors| {
        SurveyFileError::Survey(
            errors
                .into_iter()
                .map(|e| BookletError {
                    path: prefixed(&e.path),
                    ..e
                })
                .collect(),
        )
    })
}

fn prefixed(path: &str) -> String {
    if path.is_empty() {
        "survey".to_owned()
    } else {
        format!("survey.{path}")
    }
}

/// serde_json's message without " at line L column C".
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn link_check(body: &[u8]) -> [u8; LINK_CHECK_LEN] {
    let mut h = Sha256::new();
    h.update(LINK_CHECK_DOMAIN);
    h.update(body);
    let d = h.finalize();
    let mut out = [0u8; LINK_CHECK_LEN];
    out.copy_from_slice(&d[..LINK_CHECK_LEN]);
    out
}

/// What adding a survey to a tablet did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShelfChange {
    /// A survey the tablet did not have.
    Added,
    /// A newer revision replaced the one the tablet had.
    Updated {
        /// The revision replaced.
        from: u32,
    },
    /// The same survey and revision, now sealed for different people.
    KeysChanged,
    /// The tablet already had exactly this.
    AlreadyThere,
    /// Not added: the tablet has a newer revision.
    Older {
        /// The revision the tablet keeps.
        kept: u32,
    },
    /// Not added: the tablet has this revision with different questions. A changed survey
    /// must be published again (which raises its revision).
    Conflict,
}

impl ShelfChange {
    /// Whether the shelf changed (and should be saved).
    pub fn changed(&self) -> bool {
        matches!(
            self,
            ShelfChange::Added | ShelfChange::Updated { .. } | ShelfChange::KeysChanged
        )
    }
}

/// The surveys active on a tablet: any number, one revision of each survey id, newest kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurveyShelf {
    surveys: Vec<SurveyFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShelfJson {
    format: String,
    version: u32,
    surveys: Vec<FileJson>,
}

impl SurveyShelf {
    /// No surveys.
    pub fn new() -> SurveyShelf {
        SurveyShelf::default()
    }

    /// The active surveys, in the order they were first added.
    pub fn surveys(&self) -> &[SurveyFile] {
        &self.surveys
    }

    /// The survey with this id.
    pub fn get(&self, id: &str) -> Option<&SurveyFile> {
        self.surveys.iter().find(|s| s.id() == id)
    }

    /// Adds a survey file or link that was read: a new survey is added, a newer revision
    /// replaces the older one in its place, an older revision is refused.
    pub fn add(&mut self, file: SurveyFile) -> ShelfChange {
        let Some(have) = self.surveys.iter_mut().find(|s| s.id() == file.id()) else {
            self.surveys.push(file);
            return ShelfChange::Added;
        };
        let (old, new) = (have.revision(), file.revision());
        if new < old {
            return ShelfChange::Older { kept: old };
        }
        if new > old {
            *have = file;
            return ShelfChange::Updated { from: old };
        }
        if have.survey != file.survey {
            return ShelfChange::Conflict;
        }
        if have.seal_for != file.seal_for {
            *have = file;
            return ShelfChange::KeysChanged;
        }
        ShelfChange::AlreadyThere
    }

    /// The keys answers to this survey are sealed for now, when adding `file` would seal them
    /// for other keys (names and order aside, see [`same_keys`]): a newer revision, or the same
    /// one. `None` when the survey is new here, its keys stay the same, or `file` is an older
    /// revision ([`ShelfChange::Older`]). The tablet shows both and asks before adding. (A same
    /// revision with other questions is asked about too, then refused as
    /// [`ShelfChange::Conflict`] by [`SurveyShelf::add`]: the questions are not compared here,
    /// which keeps the child's app small.)
    pub fn keys_change(&self, file: &SurveyFile) -> Option<&SetupCode> {
        let have = self.get(file.id())?;
        (file.revision() >= have.revision() && !same_keys(&have.seal_for, &file.seal_for))
            .then_some(&have.seal_for)
    }

    /// Takes a survey off the tablet (answers already sealed stay where they are).
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.surveys.len();
        self.surveys.retain(|s| s.id() != id);
        self.surveys.len() != before
    }

    /// The shelf as JSON, for the tablet's storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&ShelfJson {
            format: SURVEY_SHELF_FORMAT.to_owned(),
            version: SURVEY_SHELF_VERSION,
            surveys: self.surveys.iter().map(SurveyFile::to_file_json).collect(),
        })
        .expect("plain data serializes")
    }

    /// Reads a stored shelf. Every survey is checked as a survey file is; one bad survey
    /// refuses the whole shelf, as the app never writes one.
    pub fn from_json(text: &str) -> Result<SurveyShelf, SurveyFileError> {
        match check_header(text, SURVEY_SHELF_FORMAT, SURVEY_SHELF_VERSION) {
            Ok(()) => {}
            Err(HeaderCheck::WrongFormat) => return Err(SurveyFileError::NotASurveyFile),
            Err(HeaderCheck::Newer(v)) => return Err(SurveyFileError::NewerVersion(v)),
            Err(HeaderCheck::BadVersion) => return Err(SurveyFileError::Damaged("version".into())),
        }
        let shelf: ShelfJson = serde_json::from_str(text)
            .map_err(|e| SurveyFileError::Damaged(strip_position(&e.to_string())))?;
        let mut out = SurveyShelf::new();
        for file in shelf.surveys {
            if file.format != SURVEY_FILE_FORMAT || file.version != SURVEY_FILE_VERSION {
                return Err(SurveyFileError::Damaged("survey format".into()));
            }
            let file = SurveyFile::from_file_json(file)?;
            if out.get(file.id()).is_some() {
                return Err(SurveyFileError::Damaged("the same survey twice".into()));
            }
            out.surveys.push(file);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age_band::AgeBand;
    use crate::seal::{generate_keypair, open, seal_booklet};
    use crate::survey::fixtures::{draft, lead, picked, response, rng};
    use crate::validate::Problem;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn file() -> SurveyFile {
        let survey = draft().publish().unwrap();
        SurveyFile::new(survey, lead().1).unwrap()
    }

    fn file_value() -> Value {
        serde_json::from_str(&file().to_json()).unwrap()
    }

    fn read(v: &Value) -> Result<SurveyFile, SurveyFileError> {
        SurveyFile::from_json(&v.to_string())
    }

    #[test]
    fn a_survey_kept_on_a_tablet_is_written_back_as_it_was_read() {
        // `"intro": null` reads as no introduction, which a booklet written afresh leaves out.
        let mut without = file_value();
        without["survey"].as_object_mut().unwrap().remove("intro");
        let mut v = without.clone();
        v["survey"]["intro"] = Value::Null;
        let read_once = read(&v).unwrap();
        let fresh = read(&without).unwrap();
        assert_eq!(
            read_once, fresh,
            "the same survey, however its JSON is written"
        );
        let written_afresh: Value = serde_json::from_str(
            &SurveyFile::new(fresh.survey().clone(), fresh.seal_for().clone())
                .unwrap()
                .to_json(),
        )
        .unwrap();
        assert!(written_afresh["survey"].get("intro").is_none());
        let mut shelf = SurveyShelf::new();
        shelf.add(read_once);
        let kept: Value = serde_json::from_str(&shelf.to_json()).unwrap();
        assert_eq!(kept["surveys"][0]["survey"], v["survey"]);
        let again = SurveyShelf::from_json(&shelf.to_json()).unwrap();
        assert_eq!(again.surveys(), shelf.surveys());
    }

    #[test]
    fn a_survey_file_round_trips() {
        let f = file();
        let json = f.to_json();
        assert!(json.contains(r#""format": "my-say/survey-file""#));
        assert!(json.contains(r#""display_name": "Ama Mensah (CICC lead)""#));
        assert_eq!(SurveyFile::from_json(&json).unwrap(), f);
        assert_eq!(f.id(), "survey-0123456789abcdef");
        assert_eq!(f.revision(), 1);
        assert_eq!(
            f.file_name(),
            "my-say-survey-survey-0123456789abcdef-r1.json"
        );
    }

    #[test]
    fn a_survey_link_carries_the_same_file() {
        let f = file();
        let code = f.to_fragment();
        assert!(code.starts_with(SURVEY_LINK_PREFIX));
        assert_eq!(SurveyFile::from_fragment(&code).unwrap(), f);
        let link = format!("https://example.org/my-say/#{code}");
        assert_eq!(SurveyFile::from_fragment(&link).unwrap(), f);
        assert_eq!(
            SurveyFile::from_fragment(&format!("  #{code}\n")).unwrap(),
            f
        );
        // This seven-question survey in two languages is too long for one QR code: the screens
        // offer the link and the file instead.
        assert!(code.len() > QR_MAX_BYTES);

        // Cut short, or a character changed: refused, never half-read.
        assert_eq!(
            SurveyFile::from_fragment(&code[..code.len() - 3]),
            Err(SurveyFileError::Mistyped)
        );
        let mut changed = code.clone().into_bytes();
        let at = code.len() / 2;
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            SurveyFile::from_fragment(std::str::from_utf8(&changed).unwrap()),
            Err(SurveyFileError::Mistyped)
        );
        assert_eq!(
            SurveyFile::from_fragment("mysay-setup.AQE"),
            Err(SurveyFileError::NotASurveyFile)
        );
        // A newer link version says so.
        let mut body = vec![2u8];
        body.extend_from_slice(b"{}");
        let check = link_check(&body);
        body.extend_from_slice(&check);
        let newer = format!(
            "{SURVEY_LINK_PREFIX}{}",
            Base64UrlUnpadded::encode_string(&body)
        );
        assert_eq!(
            SurveyFile::from_fragment(&newer),
            Err(SurveyFileError::NewerVersion(2))
        );
    }

    #[test]
    fn answers_are_sealed_for_the_council_lead() {
        let (lead_key, _) = lead();
        let f = file();
        let answers = response(f.id(), 1, AgeBand::TenToFifteen, &[("q1", picked("no"))]);
        let sealed = seal_booklet(&answers, &f.seal_for().public_keys(), &mut rng(3)).unwrap();
        let plain = open(&sealed, &lead_key).unwrap();
        let back: crate::record::CompletedBooklet = serde_json::from_slice(&plain).unwrap();
        assert_eq!(back, answers);
        let (someone_else, _) = generate_keypair(&mut rng(9));
        assert!(open(&sealed, &someone_else).is_err());
    }

    #[test]
    fn only_valid_anonymous_surveys_are_read() {
        // An identifying question, written into the file by hand.
        let mut v = file_value();
        v["survey"]["sections"][0]["questions"][4]["text"]["en"] = json!("What's your name?");
        match read(&v) {
            Err(SurveyFileError::Survey(errors)) => {
                assert_eq!(errors.len(), 1);
                assert_eq!(errors[0].path, "survey.sections[0].questions[4]");
                assert_eq!(errors[0].problem, Problem::Identifying { what: "a name" });
            }
            other => panic!("{other:?}"),
        }
        let mut v = file_value();
        v["survey"]["sections"][0]["questions"][0]["id"] = json!("case_ref");
        assert!(matches!(read(&v), Err(SurveyFileError::Survey(_))));
        // A review booklet is not a survey, even with valid keys.
        let mut v = file_value();
        v["survey"]["kind"] = json!("review");
        assert_eq!(read(&v), Err(SurveyFileError::NotASurvey));
        let review = crate::builtin::builtin_for(AgeBand::SevenToNine);
        assert_eq!(
            SurveyFile::new(review, lead().1),
            Err(SurveyFileError::NotASurvey)
        );
        // A survey cannot take a built-in booklet's id.
        let mut v = file_value();
        v["survey"]["id"] = json!("review-7-9");
        assert_eq!(read(&v), Err(SurveyFileError::ReservedId));
        // A field the survey file does not have: damaged, whatever it is (a child-details form
        // or a device id cannot be slipped in).
        for field in ["child_details", "device_id"] {
            let mut v = file_value();
            v[field] = json!({"name": true});
            assert!(
                matches!(read(&v), Err(SurveyFileError::Damaged(_))),
                "{field}"
            );
            let mut v = file_value();
            v["survey"][field] = json!({"name": true});
            match read(&v) {
                Err(SurveyFileError::Survey(e)) => assert_eq!(e[0].path, format!("survey.{field}")),
                other => panic!("{other:?}"),
            }
        }
        // Broken booklet fields name the path inside the survey.
        let mut v = file_value();
        v["survey"]["sections"][0]["questions"][1]["kind"]["options"][0]
            .as_object_mut()
            .unwrap()
            .remove("label");
        match read(&v) {
            Err(SurveyFileError::Survey(e)) => assert_eq!(
                e[0].to_string(),
                "survey.sections[0].questions[1].kind.options[0].label: is missing (this field is required)"
            ),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_survey_id_must_be_one_the_builder_makes() {
        // The workspace tells survey answers from review booklets by the id, and the id becomes
        // a storage key: the file, the link and a stored shelf all refuse any other id.
        let shelf_with = |v: &Value| {
            json!({"format": SURVEY_SHELF_FORMAT, "version": SURVEY_SHELF_VERSION, "surveys": [v]})
                .to_string()
        };
        assert!(SurveyShelf::from_json(&shelf_with(&file_value())).is_ok());
        for bad in [
            "cicc-1",
            "survey-",
            "survey-a/b",
            "survey-ABC",
            "survey-1 2",
        ] {
            let mut v = file_value();
            v["survey"]["id"] = json!(bad);
            let refused = |result: Result<SurveyFile, SurveyFileError>| match result {
                Err(SurveyFileError::Survey(e)) => {
                    assert_eq!(e.len(), 1, "{bad}: {e:?}");
                    assert_eq!(e[0].path, "survey.id");
                    assert_eq!(e[0].problem, Problem::SurveyId { found: bad.into() });
                    let shown = SurveyFileError::Survey(e).to_string();
                    assert!(
                        shown.contains("The first: survey.id: a survey's id must be \"survey-\""),
                        "{shown}"
                    );
                }
                other => panic!("{bad}: {other:?}"),
            };
            refused(read(&v));
            // The same file as a link (built by hand: no SurveyFile can hold this id).
            let mut body = vec![SURVEY_LINK_VERSION];
            body.extend_from_slice(v.to_string().as_bytes());
            let check = link_check(&body);
            body.extend_from_slice(&check);
            let link = format!(
                "{SURVEY_LINK_PREFIX}{}",
                Base64UrlUnpadded::encode_string(&body)
            );
            refused(SurveyFile::from_fragment(&link));
            assert!(matches!(
                SurveyShelf::from_json(&shelf_with(&v)),
                Err(SurveyFileError::Survey(_))
            ));
        }
    }

    #[test]
    fn format_version_and_keys_are_checked() {
        let mut v = file_value();
        v["format"] = json!("my-say-public-key");
        assert_eq!(read(&v), Err(SurveyFileError::NotASurveyFile));
        let mut v = file_value();
        v["version"] = json!(2);
        v["something_new"] = json!(1);
        assert_eq!(read(&v), Err(SurveyFileError::NewerVersion(2)));
        assert!(read(&v).unwrap_err().to_string().contains("newer version"));
        let mut v = file_value();
        v["version"] = json!(0);
        assert!(matches!(read(&v), Err(SurveyFileError::Damaged(_))));

        let mut v = file_value();
        v["seal_for"][0]["fingerprint"] = json!("AAAA-AAAA-AAAA-AAAA");
        assert_eq!(
            read(&v),
            Err(SurveyFileError::Keys {
                number: Some(1),
                error: KeyFileError::FingerprintMismatch
            })
        );
        let mut v = file_value();
        v["seal_for"][0]["public_key"] = json!("not a key");
        assert!(matches!(
            read(&v),
            Err(SurveyFileError::Keys {
                number: Some(1),
                error: KeyFileError::Malformed(_)
            })
        ));
        let mut v = file_value();
        v["seal_for"] = json!([]);
        assert_eq!(
            read(&v),
            Err(SurveyFileError::Keys {
                number: None,
                error: KeyFileError::RecipientCount
            })
        );
        let mut v = file_value();
        let first = v["seal_for"][0].clone();
        v["seal_for"].as_array_mut().unwrap().push(first);
        assert_eq!(
            read(&v),
            Err(SurveyFileError::Keys {
                number: None,
                error: KeyFileError::DuplicateRecipient
            })
        );
        assert_eq!(
            SurveyFile::from_json(&"x".repeat(MAX_SURVEY_FILE_BYTES + 1)),
            Err(SurveyFileError::TooLarge)
        );
    }

    #[test]
    fn a_council_lead_named_to_pretend_is_refused() {
        use crate::name::NameProblem;
        for (name, problem) in [
            ("Ama Mensah \u{202E}(dael CCIC)", NameProblem::Hidden),
            ("Ama\u{200D}Mensah", NameProblem::Hidden),
            (
                "Ama Mensah K7PQ-3MZD-8XWA-1BCE",
                NameProblem::LooksLikeFingerprint,
            ),
        ] {
            let mut v = file_value();
            v["seal_for"][0]["display_name"] = json!(name);
            assert_eq!(
                read(&v),
                Err(SurveyFileError::Keys {
                    number: Some(1),
                    error: KeyFileError::InvalidName(problem)
                })
            );
        }
    }

    #[test]
    fn an_update_sealing_for_other_keys_is_named_before_it_is_added() {
        let mut d = draft();
        let first = SurveyFile::new(d.publish().unwrap(), lead().1).unwrap();
        let mut shelf = SurveyShelf::new();
        // A survey new to the tablet changes nobody's keys.
        assert_eq!(shelf.keys_change(&first), None);
        shelf.add(first.clone());
        assert_eq!(shelf.keys_change(&first), None);

        let (_, pk) = generate_keypair(&mut rng(12));
        let deputy = SetupCode::new(vec![IroIdentity::new("Jo (deputy)", pk).unwrap()]).unwrap();
        // The same revision sealed for someone else, and a newer revision sealed for someone
        // else: both name the keys sealed for now.
        let rekeyed = SurveyFile::new(first.survey().clone(), deputy.clone()).unwrap();
        assert_eq!(shelf.keys_change(&rekeyed), Some(first.seal_for()));
        d.set_title(&crate::survey::fixtures::en(), "Reviews 2026");
        let newer = d.publish().unwrap();
        let newer_rekeyed = SurveyFile::new(newer.clone(), deputy).unwrap();
        assert_eq!(shelf.keys_change(&newer_rekeyed), Some(first.seal_for()));
        // A newer revision for the same keys, even under another name, asks nothing.
        let renamed = SetupCode::new(vec![IroIdentity::new(
            "The council lead",
            lead().1.recipients()[0].public_key,
        )
        .unwrap()])
        .unwrap();
        assert_eq!(
            shelf.keys_change(&SurveyFile::new(newer.clone(), renamed).unwrap()),
            None
        );
        // An older revision, which the shelf refuses, asks nothing.
        shelf.add(newer_rekeyed.clone());
        let (_, other) = generate_keypair(&mut rng(13));
        let someone = SetupCode::new(vec![IroIdentity::new("Ash", other).unwrap()]).unwrap();
        let older = SurveyFile::new(first.survey().clone(), someone).unwrap();
        assert_eq!(shelf.add(older.clone()), ShelfChange::Older { kept: 2 });
        assert_eq!(shelf.keys_change(&older), None);
    }

    #[test]
    fn a_tablet_keeps_several_surveys_newest_revision_each() {
        let mut d = draft();
        let first = SurveyFile::new(d.publish().unwrap(), lead().1).unwrap();
        let mut shelf = SurveyShelf::new();
        assert_eq!(shelf.add(first.clone()), ShelfChange::Added);
        assert_eq!(shelf.add(first.clone()), ShelfChange::AlreadyThere);

        // A second survey is active beside it.
        let mut other = draft();
        let mut b = other.publish().unwrap();
        b.id = "survey-00000000000000ff".into();
        let other_file = SurveyFile::new(b, lead().1).unwrap();
        assert_eq!(shelf.add(other_file), ShelfChange::Added);
        assert_eq!(shelf.surveys().len(), 2);

        // A new revision replaces the old in its place; the old one is then refused.
        d.set_title(&crate::survey::fixtures::en(), "Reviews 2026");
        let second = SurveyFile::new(d.publish().unwrap(), lead().1).unwrap();
        assert_eq!(shelf.add(second.clone()), ShelfChange::Updated { from: 1 });
        assert_eq!(shelf.surveys()[0], second);
        assert_eq!(shelf.add(first), ShelfChange::Older { kept: 2 });
        assert!(!ShelfChange::Older { kept: 2 }.changed());

        // Same revision, new people to seal for; same revision, different questions.
        let (_, pk) = generate_keypair(&mut rng(11));
        let new_lead = SetupCode::new(vec![IroIdentity::new("Jo (deputy)", pk).unwrap()]).unwrap();
        let rekeyed = SurveyFile::new(second.survey().clone(), new_lead).unwrap();
        assert_eq!(shelf.add(rekeyed.clone()), ShelfChange::KeysChanged);
        let mut changed = second.survey().clone();
        changed.title = crate::text::Text::en("Something else");
        changed.locales.truncate(1);
        for q in &mut changed.sections[0].questions {
            q.text.0.retain(|l, _| l.as_str() == "en");
            q.text_by_band
                .values_mut()
                .for_each(|t| t.0.retain(|l, _| l.as_str() == "en"));
            if let Some(h) = &mut q.help {
                h.0.retain(|l, _| l.as_str() == "en");
            }
            match &mut q.kind {
                crate::booklet::AnswerKind::PickOne { options }
                | crate::booklet::AnswerKind::PickSeveral { options, .. }
                | crate::booklet::AnswerKind::PickAndOrder { options, .. }
                | crate::booklet::AnswerKind::People { options } => options
                    .iter_mut()
                    .for_each(|o| o.label.0.retain(|l, _| l.as_str() == "en")),
                _ => {}
            }
        }
        changed.sections[0].title = changed.title.clone();
        changed.intro = None;
        let conflicting = SurveyFile::new(changed, lead().1).unwrap();
        assert_eq!(shelf.add(conflicting), ShelfChange::Conflict);

        // Stored and read back whole.
        let json = shelf.to_json();
        assert_eq!(SurveyShelf::from_json(&json).unwrap(), shelf);
        assert_eq!(shelf.get(second.id()).unwrap(), &rekeyed);
        assert!(shelf.remove(second.id()));
        assert!(!shelf.remove(second.id()));
        assert_eq!(shelf.surveys().len(), 1);

        // One bad survey refuses the stored shelf.
        let mut v: Value = serde_json::from_str(&json).unwrap();
        v["surveys"][0]["survey"]["sections"][0]["questions"][0]["text"]["en"] =
            json!("What is your date of birth?");
        assert!(matches!(
            SurveyShelf::from_json(&v.to_string()),
            Err(SurveyFileError::Survey(_))
        ));
        let mut v: Value = serde_json::from_str(&json).unwrap();
        let first = v["surveys"][0].clone();
        v["surveys"].as_array_mut().unwrap().push(first);
        assert!(matches!(
            SurveyShelf::from_json(&v.to_string()),
            Err(SurveyFileError::Damaged(_))
        ));
    }

    proptest! {
        #[test]
        fn any_text_is_refused_or_read_without_panicking(s in ".*") {
            let _ = SurveyFile::from_json(&s);
            let _ = SurveyFile::from_fragment(&s);
            let _ = SurveyFile::from_fragment(&format!("{SURVEY_LINK_PREFIX}{s}"));
            let _ = SurveyShelf::from_json(&s);
        }

        #[test]
        fn any_bytes_are_refused_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let s = String::from_utf8_lossy(&bytes);
            prop_assert!(SurveyFile::from_json(&s).is_err());
            // Arbitrary bytes behind the prefix, correctly encoded: only the check stops them.
            let code = format!("{SURVEY_LINK_PREFIX}{}", Base64UrlUnpadded::encode_string(&bytes));
            prop_assert!(SurveyFile::from_fragment(&code).is_err());
        }

        #[test]
        fn damaged_files_are_refused_whole_or_read_whole(cut in 0usize..20000, insert in any::<char>(), at in 0usize..20000) {
            let text = file().to_json();
            let mut chars: Vec<char> = text.chars().collect();
            let cut = cut % chars.len();
            chars.remove(cut);
            let at = at % chars.len();
            chars.insert(at, insert);
            let damaged: String = chars.into_iter().collect();
            match SurveyFile::from_json(&damaged) {
                Err(e) => prop_assert!(!e.to_string().is_empty()),
                // A change that still reads (in a wording, say) gives a whole, valid survey.
                Ok(f) => {
                    prop_assert!(validate(f.survey()).is_ok());
                    prop_assert_eq!(f.survey().kind, BookletKind::Survey);
                }
            }
        }

        #[test]
        fn damaged_links_never_panic(at in 0usize..20000, c in proptest::char::range('-', 'z')) {
            let code = file().to_fragment();
            let mut chars: Vec<char> = code.chars().collect();
            let at = SURVEY_LINK_PREFIX.len() + at % (chars.len() - SURVEY_LINK_PREFIX.len());
            let changed = chars[at] != c;
            chars[at] = c;
            let damaged: String = chars.into_iter().collect();
            let read = SurveyFile::from_fragment(&damaged);
            if changed {
                prop_assert!(read.is_err());
            }
        }
    }
}
