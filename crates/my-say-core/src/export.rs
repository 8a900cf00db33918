//! Exports: spreadsheet-ready CSV of answers, report tables and follow-ups, and a JSON file
//! of the whole workspace that imports back in. The formats are documented in
//! `docs/exports.md`.

use crate::age_band::AgeBand;
use crate::answer::{Answer, Pick};
use crate::booklet::Booklet;
use crate::calendar::Date;
use crate::calendar::Period;
use crate::child::ChildDetails;
use crate::csv::CsvWriter;
use crate::followup::{merge_follow_ups, FollowUp, MergeCounts};
use crate::record::CompletedBooklet;
use crate::report::{Cell, Issue, Report, TakeUp, FEWER_THAN_FIVE, HIDDEN_TO_PROTECT, NOT_ASKED};
use crate::seal::{
    append_export_mac, export_mac_matches, split_export_mac, IroIdentity, KeyFileError, PrivateKey,
    PublicKey,
};
use crate::survey::StoredSurvey;
use crate::text::LocaleCode;
use crate::validate::is_survey_id;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

/// What an "I'd rather not say" answer reads as in CSV.
pub const RATHER_NOT_SAY_TEXT: &str = "I'd rather not say";

/// The columns every answers CSV starts with, before one column per question.
pub const ANSWER_COLUMNS: [&str; 9] = [
    "id",
    "booklet_id",
    "booklet_revision",
    "completed_at",
    "age_band",
    "locale",
    "child_name",
    "review_date",
    "case_reference",
];

/// An answer as a spreadsheet cell: the picked value ("yes", "not_sure", "very_happy", an
/// option id), "I'd rather not say", several picks joined with "; " in the child's order (own
/// additions verbatim), or the child's own words verbatim.
pub fn answer_cell(answer: &Answer) -> String {
    match answer {
        Answer::RatherNotSay => RATHER_NOT_SAY_TEXT.to_owned(),
        Answer::Picked(v) => v.clone(),
        Answer::PickedMany(picks) => picks
            .iter()
            .map(|p| match p {
                Pick::Option(id) | Pick::Own(id) => id.as_str(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        Answer::Words(w) => w.clone(),
    }
}

/// The question columns of an answers CSV, in a stable order: every question of every
/// definition, booklet by booklet in the order given and question by question in booklet
/// order, each id once; then any other question ids found in the answers (from booklets not
/// given, or older revisions), in alphabetical order.
pub fn question_columns<'a>(
    definitions: impl IntoIterator<Item = &'a Booklet>,
    booklets: &[CompletedBooklet],
) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut columns = Vec::new();
    for b in definitions {
        for q in b.questions() {
            if seen.insert(q.id.as_str().to_owned()) {
                columns.push(q.id.as_str().to_owned());
            }
        }
    }
    let extra: BTreeSet<&str> = booklets
        .iter()
        .flat_map(|b| b.answers.keys())
        .map(|id| id.as_str())
        .filter(|id| !seen.contains(*id))
        .collect();
    columns.extend(extra.into_iter().map(str::to_owned));
    columns
}

/// The heading of a question column: the question id, or `question:<id>` if the id is also
/// the name of one of the [`ANSWER_COLUMNS`].
fn question_heading(id: &str) -> String {
    if ANSWER_COLUMNS.contains(&id) {
        format!("question:{id}")
    } else {
        id.to_owned()
    }
}

/// All answers: one row per completed booklet (ordered by completion time, then id), the
/// [`ANSWER_COLUMNS`] and then one column per question ([`question_columns`]). Skipped
/// questions are empty cells. Age bands are written "4–6" with an en dash, which Excel
/// does not mistake for a date.
pub fn answers_csv<'a>(
    booklets: &[CompletedBooklet],
    definitions: impl IntoIterator<Item = &'a Booklet>,
) -> String {
    let columns = question_columns(definitions, booklets);
    let mut w = CsvWriter::new();
    for c in ANSWER_COLUMNS {
        w.text(c);
    }
    for c in &columns {
        w.text(&question_heading(c));
    }
    w.end_row();
    let position: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    let mut cells: Vec<Option<&Answer>> = vec![None; columns.len()];
    let mut rows: Vec<&CompletedBooklet> = booklets.iter().collect();
    rows.sort_by(|a, b| (&a.completed_at, &a.id).cmp(&(&b.completed_at, &b.id)));
    for b in rows {
        w.text(&b.id)
            .text(&b.booklet_id)
            .number(i64::from(b.booklet_revision))
            .text(&b.completed_at)
            .text(&b.age_band.to_string())
            .text(b.locale.as_str())
            .text(&b.child.name)
            .text(&b.child.review_date)
            .text(b.child.case_reference.as_deref().unwrap_or(""));
        cells.iter_mut().for_each(|c| *c = None);
        for (id, answer) in &b.answers {
            if let Some(&i) = position.get(id.as_str()) {
                cells[i] = Some(answer);
            }
        }
        for cell in &cells {
            match cell {
                Some(a) => w.text(&answer_cell(a)),
                None => w.empty(),
            };
        }
        w.end_row();
    }
    w.finish()
}

/// The headings of [`report_csv`].
pub const REPORT_COLUMNS: [&str; 16] = [
    "period_from",
    "period_to",
    "measure",
    "kind",
    "label",
    "age_band",
    "answered",
    "positive",
    "ok",
    "negative",
    "rather_not_say",
    "positive_percent",
    "change_since_previous",
    "positive_answers",
    "negative_answers",
    "positive_percent_means",
];

/// What `positive_percent` means, in words, on every row of [`report_csv`].
pub const POSITIVE_PERCENT_MEANS: &str = "positive / answered, rounded half up. Answered \
     counts every answer but I'd rather not say: positive (the positive_answers), ok (any \
     other answer, such as not sure or the ok face) and negative (the negative_answers). Skipped \
     questions are not counted.";

/// The report table: for each measure, one row per age band and a row for all bands ("all").
/// A suppressed cell reads "fewer than 5" under `answered` and `positive_percent` with the
/// counts left empty; a cell withheld so that a suppressed one cannot be worked out by
/// subtraction reads "hidden to protect a small number" the same way; a band that is not
/// asked reads "not asked". `ok` is `answered - positive - negative`. The change is in
/// percentage points and is empty where it is not given. Every row ends with the answers
/// that count as positive and as negative for its measure ("happy; very_happy") and
/// [`POSITIVE_PERCENT_MEANS`]. Labels are in `locale`, else in English, else in any language
/// the wording has.
pub fn report_csv(report: &Report, locale: &LocaleCode) -> String {
    let mut w = CsvWriter::new();
    w.row(&REPORT_COLUMNS);
    let bands = AgeBand::ALL.map(Some).into_iter().chain([None]);
    for row in &report.measures {
        let label = row.label.get(locale, &english());
        for band in bands.clone() {
            w.text(&report.period.from.to_string())
                .text(&report.period.to.to_string())
                .text(&row.key)
                .text(row.kind.code())
                .text(label)
                .text(&band.map_or("all".to_owned(), |b| b.to_string()));
            let instead = match row.current.get(band) {
                Cell::NotAsked => Some(NOT_ASKED),
                Cell::Suppressed => Some(FEWER_THAN_FIVE),
                Cell::Withheld => Some(HIDDEN_TO_PROTECT),
                Cell::Shown(c) => {
                    w.number(c.answered.into())
                        .number(c.positive.into())
                        .number(c.ok().into())
                        .number(c.negative.into())
                        .number(c.rather_not_say.into())
                        .text(&format!("{}%", c.percent_positive));
                    None
                }
            };
            if let Some(words) = instead {
                w.text(words).empty().empty().empty().empty().text(words);
            }
            match row.change(band) {
                Some(change) => w.number(change.into()),
                None => w.empty(),
            };
            w.text(&row.positive_values.join("; "))
                .text(&row.negative_values.join("; "))
                .text(POSITIVE_PERCENT_MEANS);
            w.end_row();
        }
    }
    w.finish()
}

fn english() -> LocaleCode {
    LocaleCode::new("en")
}

/// Take-up in a period: one row with the booklets completed, the number of children in care
/// entered, the percentage (empty when no number was entered), the target and whether it
/// was met ("yes", "no", or empty).
pub fn take_up_csv(take_up: &TakeUp, period: Period) -> String {
    let mut w = CsvWriter::new();
    w.row(&[
        "period_from",
        "period_to",
        "completed",
        "children_in_care",
        "take_up_percent",
        "target_percent",
        "target_met",
    ]);
    w.text(&period.from.to_string())
        .text(&period.to.to_string())
        .number(take_up.completed.into())
        .number(take_up.children_in_care.into());
    match take_up.percent {
        Some(p) => w.text(&format!("{p}%")),
        None => w.empty(),
    };
    w.text(&format!("{}%", take_up.target_percent));
    match take_up.met {
        Some(true) => w.text("yes"),
        Some(false) => w.text("no"),
        None => w.empty(),
    };
    w.finish()
}

/// "What children told us we need to do better": rank, measure, label, negative answers,
/// children who answered, share negative, and the age band with the largest share.
pub fn issues_csv(issues: &[Issue], locale: &LocaleCode) -> String {
    let mut w = CsvWriter::new();
    w.row(&[
        "rank",
        "measure",
        "kind",
        "label",
        "negative",
        "answered",
        "negative_percent",
        "most_in_age_band",
        "most_in_age_band_percent",
    ]);
    for (i, issue) in issues.iter().enumerate() {
        w.number(i as i64 + 1)
            .text(&issue.key)
            .text(issue.kind.code())
            .text(issue.label.get(locale, &english()))
            .number(issue.negative.into())
            .number(issue.answered.into())
            .text(&format!("{}%", issue.percent_negative));
        match issue.most_in_band {
            Some((band, percent)) => w.text(&band.to_string()).text(&format!("{percent}%")),
            None => w.empty().empty(),
        };
        w.end_row();
    }
    w.finish()
}

/// Follow-ups, one row each, with the child's name and case reference from `booklets`,
/// the status as of `today`, and every action on its own line inside the `actions` cell
/// ("2025-11-24 explored with the child: note").
pub fn follow_ups_csv(
    follow_ups: &[FollowUp],
    booklets: &[CompletedBooklet],
    today: Date,
) -> String {
    let by_id: HashMap<&str, &CompletedBooklet> =
        booklets.iter().map(|b| (b.id.as_str(), b)).collect();
    let mut w = CsvWriter::new();
    w.row(&[
        "id",
        "booklet_id",
        "question_id",
        "child_name",
        "case_reference",
        "opened_on",
        "due_on",
        "status",
        "closed_on",
        "closed_by",
        "actions",
    ]);
    for f in follow_ups {
        let child = by_id.get(f.booklet_id.as_str()).map(|b| &b.child);
        let actions: Vec<String> = f
            .actions
            .iter()
            .map(|a| format!("{} {}: {}", a.date, a.kind.label(), a.note))
            .collect();
        w.text(&f.id())
            .text(&f.booklet_id)
            .text(f.question_id.as_str())
            .text(child.map_or("", |c| c.name.as_str()))
            .text(
                child
                    .and_then(|c| c.case_reference.as_deref())
                    .unwrap_or(""),
            )
            .text(&f.opened_on.to_string())
            .text(&f.due_on.to_string())
            .text(f.status(today).code());
        match f.closed {
            Some(c) => w.text(&c.on.to_string()).text(c.by.label()),
            None => w.empty().empty(),
        };
        w.text(&actions.join("\n"));
        w.end_row();
    }
    w.finish()
}

/// The `format` of a workspace export.
pub const EXPORT_FORMAT: &str = "my-say/workspace-export";
/// The newest export version this build reads and writes. Version 2 added `surveys` and
/// `survey_answers`; version 3 added `exported_by` and the MAC that ends the file
/// ([`WorkspaceExport::to_authenticated_json`]). Files of versions 1 and 2 are still read.
pub const EXPORT_VERSION: u32 = 3;

/// The IRO's settings that travel with an export.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceSettings {
    /// The bank holidays used for due dates (the IRO's edited list).
    #[serde(default)]
    pub bank_holidays: Vec<Date>,
    /// The number of children in care, for take-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub children_in_care: Option<u32>,
    /// Minutes without input after which the workspace locks itself (`crate::idle`); `None`
    /// until the IRO chooses, meaning the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock_after_minutes: Option<u32>,
    /// Any other settings the app keeps, carried through unchanged.
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}

/// Everything in an IRO's workspace, as one JSON file:
/// `{"format":"my-say/workspace-export","version":2,"exported_at":…,"booklets":[…],"follow_ups":[…],"settings":{…},"read":{…},"surveys":[…],"survey_answers":[…]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceExport {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The version the file was written in.
    pub version: u32,
    /// When the export was made, RFC 3339 UTC.
    pub exported_at: String,
    /// Every completed booklet (in plain text: the file must be kept safe).
    pub booklets: Vec<CompletedBooklet>,
    /// Every follow-up.
    pub follow_ups: Vec<FollowUp>,
    /// The IRO's settings.
    pub settings: WorkspaceSettings,
    /// When the IRO first read each booklet's summary (booklet id to RFC 3339 time), so that
    /// a workspace moved to another device still knows which booklets are new. Files written
    /// before this field existed have none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub read: BTreeMap<String, String>,
    /// The council's surveys: draft, published survey, themes and "You said, we did" (from
    /// version 2; none in a version-1 file).
    #[serde(default)]
    pub surveys: Vec<StoredSurvey>,
    /// Every finished survey (anonymous: no child details), apart from the booklets (from
    /// version 2; none in a version-1 file).
    #[serde(default)]
    pub survey_answers: Vec<CompletedBooklet>,
    /// Copies that arrived with the id of a booklet or finished survey in this file but other
    /// content, kept apart (see `incoming`): never read as booklets. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<CompletedBooklet>,
    /// The workspace that made the file: its name and public key (from version 3). The file's
    /// surveys were published from it, so tablets that took them from there seal their answers
    /// for this key. Only a file whose MAC checks ([`FileOrigin::ThisWorkspace`]) proves it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_by: Option<ExportedBy>,
}

/// Who made a workspace export, as the file says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportedBy {
    /// The workspace's name, as tablets show it.
    pub display_name: String,
    /// Its public key, unpadded base64url as in key files.
    pub public_key: String,
}

impl ExportedBy {
    /// The workspace `identity` made the file.
    pub fn new(identity: &IroIdentity) -> ExportedBy {
        ExportedBy {
            display_name: identity.display_name.clone(),
            public_key: identity.public_key.to_base64(),
        }
    }

    /// The name and key, checked as a key file's are (a name that cannot pretend, a usable key).
    pub fn identity(&self) -> Result<IroIdentity, KeyFileError> {
        IroIdentity::new(
            &self.display_name,
            PublicKey::from_base64(&self.public_key)?,
        )
    }
}

/// Where a workspace file comes from, as far as this workspace can tell
/// ([`WorkspaceExport::read`]). Only [`FileOrigin::ThisWorkspace`] is proven; the others need
/// the IRO's second confirmation before anything is imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileOrigin {
    /// Made by this workspace and not changed since: its MAC checks with this workspace's key.
    ThisWorkspace,
    /// Says it was made by this workspace, but its MAC does not check, or is missing: changed
    /// since it was exported (edited by hand, or damaged).
    Changed,
    /// Says it was made by another workspace (its name and fingerprint, as the file says:
    /// nothing here can check them, or that the file was not changed).
    OtherWorkspace(IroIdentity),
    /// Says nothing about where it comes from: made by an older version of My Say (before
    /// version 3), or edited by hand.
    Unsigned,
}

/// Why a file could not be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is not JSON at all.
    NotJson(String),
    /// The file is JSON but not a My Say workspace export (holds the `format` found, if any).
    WrongFormat(Option<String>),
    /// The file was written by a newer version of My Say.
    NewerVersion(u64),
    /// The file says it is an export but something in it is wrong.
    Invalid(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson(e) => write!(f, "This file is not a My Say export ({e})."),
            ImportError::WrongFormat(Some(found)) => write!(
                f,
                "This file is a \"{found}\" file, not a My Say workspace export."
            ),
            ImportError::WrongFormat(None) => {
                f.write_str("This file is not a My Say workspace export.")
            }
            ImportError::NewerVersion(v) => write!(
                f,
                "This export was made by a newer version of My Say (format version {v}); \
                 update My Say to import it."
            ),
            ImportError::Invalid(e) => write!(f, "This export is damaged: {e}."),
        }
    }
}

impl std::error::Error for ImportError {}

/// Whether an id is 1 to 64 ASCII letters, digits, `-` or `_` (sealed booklets have 32 hex
/// digits).
fn is_plain_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
}

/// What an import changed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Booklets that were new.
    pub booklets_added: usize,
    /// Booklets already present, identical.
    pub booklets_already_present: usize,
    /// Booklets with an id already present but different content: the copy already in the
    /// workspace is kept.
    pub booklets_conflicting: usize,
    /// Follow-ups that were new, and follow-ups that gained actions.
    pub follow_ups: MergeCounts,
    /// Surveys that were new.
    pub surveys_added: usize,
    /// Surveys here that the file has a newer published revision of: replaced by the file's.
    pub surveys_updated: usize,
    /// Surveys already here, identical.
    pub surveys_already_present: usize,
    /// Surveys with an id already here but other content and no newer published revision:
    /// the one here is kept.
    pub surveys_kept: usize,
    /// Finished surveys that were new.
    pub survey_answers_added: usize,
    /// Finished surveys already here, identical.
    pub survey_answers_already_present: usize,
    /// Finished surveys with an id already here but different content: the one here is kept.
    pub survey_answers_conflicting: usize,
}

impl WorkspaceExport {
    /// An export of the current format and version.
    pub fn new(
        exported_at: &str,
        booklets: Vec<CompletedBooklet>,
        follow_ups: Vec<FollowUp>,
        settings: WorkspaceSettings,
    ) -> WorkspaceExport {
        WorkspaceExport {
            format: EXPORT_FORMAT.to_owned(),
            version: EXPORT_VERSION,
            exported_at: exported_at.to_owned(),
            booklets,
            follow_ups,
            settings,
            read: BTreeMap::new(),
            surveys: Vec::new(),
            survey_answers: Vec::new(),
            conflicts: Vec::new(),
            exported_by: None,
        }
    }

    /// The export as indented JSON, without a MAC (the body of
    /// [`WorkspaceExport::to_authenticated_json`]).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an export always serialises")
    }

    /// The file to download: [`WorkspaceExport::to_json`] ended by its MAC under the
    /// workspace's `key` (`seal::append_export_mac`), so that importing it back into this
    /// workspace can tell it was made here and not changed since. `exported_by` should name
    /// the same workspace.
    pub fn to_authenticated_json(&self, key: &PrivateKey) -> String {
        debug_assert_eq!(
            self.exported_by.as_ref().map(|b| b.public_key.as_str()),
            Some(key.public_key().to_base64().as_str())
        );
        append_export_mac(&self.to_json(), key)
    }

    /// Reads a workspace file as [`WorkspaceExport::parse`] does, and says where it comes from
    /// ([`FileOrigin`]), checking its MAC with this workspace's `key`. What is read is exactly
    /// the bytes the MAC covers when the file has one.
    pub fn read(
        file: &str,
        key: &PrivateKey,
    ) -> Result<(WorkspaceExport, FileOrigin), ImportError> {
        let split = split_export_mac(file);
        let body = split.as_ref().map_or(file, |(body, _)| body.as_str());
        let export = WorkspaceExport::parse(body)?;
        let checks = split
            .as_ref()
            .is_some_and(|(body, tag)| export_mac_matches(body, tag, key));
        let claimed = export.exported_by.as_ref().and_then(|b| b.identity().ok());
        let origin = match claimed {
            _ if checks => FileOrigin::ThisWorkspace,
            Some(by) if by.public_key == key.public_key() => FileOrigin::Changed,
            Some(by) => FileOrigin::OtherWorkspace(by),
            None if split.is_some() => FileOrigin::Changed,
            None => FileOrigin::Unsigned,
        };
        Ok((export, origin))
    }

    /// Reads an export, checking its format and version first so the error says what is
    /// wrong: not JSON, not an export, too new, or damaged (with the line and column).
    pub fn parse(json: &str) -> Result<WorkspaceExport, ImportError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| ImportError::NotJson(e.to_string()))?;
        let format = value.get("format").and_then(|f| f.as_str());
        if format != Some(EXPORT_FORMAT) {
            return Err(ImportError::WrongFormat(format.map(str::to_owned)));
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(EXPORT_VERSION) => return Err(ImportError::NewerVersion(v)),
            Some(v) if v >= 1 => {}
            _ => {
                return Err(ImportError::Invalid(
                    "\"version\" must be a whole number from 1".into(),
                ))
            }
        }
        // Parse the text again (not the value) so errors carry a line and column.
        let export: WorkspaceExport =
            serde_json::from_str(json).map_err(|e| ImportError::Invalid(e.to_string()))?;
        export.check()?;
        Ok(export)
    }

    /// Everything [`WorkspaceExport::parse`] checks after reading the JSON: plain ids, one
    /// record per id, follow-ups for booklets in the file, survey answers only in
    /// `survey_answers` (a survey id and no child details), surveys that hang together, and
    /// each conflict copy beside the record it conflicts with. The workspace runs it on every
    /// export it makes too, so a file it would refuse is never written.
    pub fn check(&self) -> Result<(), ImportError> {
        let export = self;
        if let Some(b) = export.booklets.iter().find(|b| b.id.trim().is_empty()) {
            return Err(ImportError::Invalid(format!(
                "a booklet completed at {} has no id",
                b.completed_at
            )));
        }
        // Ids become storage keys and follow-up ids ("<booklet id>/<question id>"), so a "/"
        // or a control character in one could land on another record.
        if let Some(b) = export.booklets.iter().find(|b| !is_plain_id(&b.id)) {
            return Err(ImportError::Invalid(format!(
                "the booklet id \"{}\" has characters other than letters, digits, - and _",
                b.id.escape_debug()
            )));
        }
        let mut by_id: HashMap<&str, &CompletedBooklet> = HashMap::new();
        for b in &export.booklets {
            if let Some(first) = by_id.insert(b.id.as_str(), b) {
                if first != b {
                    return Err(ImportError::Invalid(format!(
                        "two different booklets have the id {}",
                        b.id
                    )));
                }
            }
        }
        if let Some(f) = export
            .follow_ups
            .iter()
            .find(|f| !by_id.contains_key(f.booklet_id.as_str()))
        {
            return Err(ImportError::Invalid(format!(
                "the follow-up {} is for a booklet that is not in the file",
                f.id()
            )));
        }
        // The workspace tells survey answers from booklets by the survey id: one in the wrong
        // list would be stored where it would show as a child's booklet.
        if let Some(b) = export
            .booklets
            .iter()
            .find(|b| crate::survey::is_survey_booklet(&b.booklet_id))
        {
            return Err(ImportError::Invalid(format!(
                "the booklet {} is an answer to the survey {}; survey answers belong in \
                 \"survey_answers\"",
                b.id, b.booklet_id
            )));
        }
        export.check_surveys()?;
        export.check_conflicts()?;
        if let Some(Err(e)) = export.exported_by.as_ref().map(ExportedBy::identity) {
            return Err(ImportError::Invalid(format!(
                "the workspace that made it cannot be read ({e})"
            )));
        }
        Ok(())
    }

    /// Every conflict copy has a plain id that a booklet or finished survey in the file has,
    /// and a survey answer's copy is anonymous.
    fn check_conflicts(&self) -> Result<(), ImportError> {
        let ids: HashSet<&str> = self
            .booklets
            .iter()
            .chain(&self.survey_answers)
            .map(|b| b.id.as_str())
            .collect();
        for c in &self.conflicts {
            if !is_plain_id(&c.id) || !ids.contains(c.id.as_str()) {
                return Err(ImportError::Invalid(format!(
                    "the conflicting copy \"{}\" is not beside a booklet or survey answer of \
                     the file",
                    c.id.escape_debug()
                )));
            }
            if is_survey_id(&c.booklet_id) && c.child != ChildDetails::default() {
                return Err(ImportError::Invalid(format!(
                    "the conflicting copy of the survey answer {} holds a child's details",
                    c.id
                )));
            }
        }
        Ok(())
    }

    /// The survey part of [`WorkspaceExport::parse`]: every survey hangs together
    /// ([`StoredSurvey::check`]), and every finished survey has a plain id, answers a survey id
    /// and holds no child details; an id used twice must be the very same record.
    fn check_surveys(&self) -> Result<(), ImportError> {
        let mut surveys: HashMap<&str, &StoredSurvey> = HashMap::new();
        for s in &self.surveys {
            s.check().map_err(ImportError::Invalid)?;
            if let Some(first) = surveys.insert(s.id(), s) {
                if first != s {
                    return Err(ImportError::Invalid(format!(
                        "two different surveys have the id {}",
                        s.id()
                    )));
                }
            }
        }
        let mut answers: HashMap<&str, &CompletedBooklet> = HashMap::new();
        for a in &self.survey_answers {
            if !is_plain_id(&a.id) {
                return Err(ImportError::Invalid(format!(
                    "the survey answer id \"{}\" is not 1 to 64 letters, digits, - and _",
                    a.id.escape_debug()
                )));
            }
            if !is_survey_id(&a.booklet_id) {
                return Err(ImportError::Invalid(format!(
                    "the survey answer {} is for \"{}\", which is not a survey id",
                    a.id,
                    a.booklet_id.escape_debug()
                )));
            }
            if a.child != ChildDetails::default() {
                return Err(ImportError::Invalid(format!(
                    "the survey answer {} holds a child's details, but survey answers are \
                     anonymous",
                    a.id
                )));
            }
            if let Some(first) = answers.insert(a.id.as_str(), a) {
                if first != a {
                    return Err(ImportError::Invalid(format!(
                        "two different survey answers have the id {}",
                        a.id
                    )));
                }
            }
        }
        Ok(())
    }

    /// The read marks of booklets in this file (marks for any other booklet are left out).
    pub fn read_marks(&self) -> impl Iterator<Item = (&str, &str)> {
        let ids: HashSet<&str> = self.booklets.iter().map(|b| b.id.as_str()).collect();
        self.read
            .iter()
            .filter(move |(id, _)| ids.contains(id.as_str()))
            .map(|(id, at)| (id.as_str(), at.as_str()))
    }

    /// Adds this export's booklets, follow-ups, surveys and finished surveys to a workspace, by
    /// id: importing the same file twice changes nothing the second time. Settings are not
    /// touched; the app asks the IRO whether to use the imported ones.
    ///
    /// Booklets and finished surveys: a new id is added; the same id with other content keeps
    /// the one here. Follow-ups gain the steps this workspace lacks. Surveys: a new id is added;
    /// a survey here is replaced (draft, published survey, themes and "You said, we did"
    /// together) only by one with a newer published revision; otherwise the one here is kept.
    pub fn merge_into(
        self,
        booklets: &mut Vec<CompletedBooklet>,
        follow_ups: &mut Vec<FollowUp>,
        surveys: &mut Vec<StoredSurvey>,
        survey_answers: &mut Vec<CompletedBooklet>,
    ) -> ImportSummary {
        let mut summary = ImportSummary::default();
        let mut index: HashMap<String, usize> = booklets
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.clone(), i))
            .collect();
        for b in self.booklets {
            match index.get(&b.id) {
                Some(&i) if booklets[i] == b => summary.booklets_already_present += 1,
                Some(_) => summary.booklets_conflicting += 1,
                None => {
                    index.insert(b.id.clone(), booklets.len());
                    booklets.push(b);
                    summary.booklets_added += 1;
                }
            }
        }
        summary.follow_ups = merge_follow_ups(follow_ups, self.follow_ups);

        let mut index: HashMap<String, usize> = surveys
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id().to_owned(), i))
            .collect();
        for s in self.surveys {
            match index.get(s.id()) {
                Some(&i) if surveys[i] == s => summary.surveys_already_present += 1,
                Some(&i) if s.published_revision() > surveys[i].published_revision() => {
                    surveys[i] = s;
                    summary.surveys_updated += 1;
                }
                Some(_) => summary.surveys_kept += 1,
                None => {
                    index.insert(s.id().to_owned(), surveys.len());
                    surveys.push(s);
                    summary.surveys_added += 1;
                }
            }
        }

        let mut index: HashMap<String, usize> = survey_answers
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        for a in self.survey_answers {
            match index.get(&a.id) {
                Some(&i) if survey_answers[i] == a => summary.survey_answers_already_present += 1,
                Some(_) => summary.survey_answers_conflicting += 1,
                None => {
                    index.insert(a.id.clone(), survey_answers.len());
                    survey_answers.push(a);
                    summary.survey_answers_added += 1;
                }
            }
        }
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age_band::AgeBand::*;
    use crate::booklet::{AnswerKind, Choice, MeasureKind};
    use crate::calendar::{default_bank_holidays, ReportingYear};
    use crate::csv::{parse, BOM};
    use crate::followup::{open_follow_ups, FollowUpAction, FollowUpActionKind};
    use crate::report::fixtures::*;
    use crate::report::ReportIndex;
    use crate::text::Text;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn definitions() -> Vec<Booklet> {
        let options = |ids: &[&str]| {
            ids.iter()
                .map(|id| Choice {
                    id: (*id).into(),
                    label: Text::en(id),
                    picture: None,
                })
                .collect::<Vec<_>>()
        };
        vec![
            booklet(
                "review-7-9",
                SevenToNine,
                vec![
                    yes_no("feel_safe", "feel_safe", MeasureKind::Safety, true),
                    plain(
                        "who_comes",
                        AnswerKind::People {
                            options: options(&["carer", "mum"]),
                        },
                    ),
                    plain("worries", AnswerKind::OwnWords { max_chars: 500 }),
                ],
            ),
            booklet(
                "review-16-plus",
                SixteenPlus,
                vec![
                    yes_no("feel_safe", "feel_safe", MeasureKind::Safety, true),
                    yes_no(
                        "pathway_plan",
                        "pathway_plan",
                        MeasureKind::Satisfaction,
                        false,
                    ),
                    plain("id", AnswerKind::OwnWords { max_chars: 50 }),
                ],
            ),
        ]
    }

    fn sample() -> Vec<CompletedBooklet> {
        let mut a = completed(
            "bbbb",
            "review-7-9",
            SevenToNine,
            "2025-11-21T15:00:00Z",
            &[
                ("feel_safe", Answer::RatherNotSay),
                (
                    "who_comes",
                    Answer::PickedMany(vec![
                        Pick::Option("mum".into()),
                        Pick::Own("Nan, \"Big\" Jo".into()),
                        Pick::Option("carer".into()),
                    ]),
                ),
                (
                    "worries",
                    Answer::Words("=HYPERLINK(\"x\")\nand ŵ مرحبا".into()),
                ),
            ],
        );
        a.child.name = "-Sam".into();
        a.child.case_reference = Some("00123".into());
        let b = completed(
            "aaaa",
            "review-16-plus",
            SixteenPlus,
            "2025-11-20T09:00:00Z",
            &[
                ("feel_safe", picked("no")),
                ("id", Answer::Words("mine".into())),
                ("old_question", picked("yes")),
            ],
        );
        vec![a, b]
    }

    #[test]
    fn answers_csv_has_stable_columns_and_readable_cells() {
        let out = answers_csv(&sample(), &definitions());
        assert!(out.starts_with(BOM));
        assert_eq!(out.matches(BOM).count(), 1);
        let rows = parse(&out).unwrap();
        assert_eq!(
            rows[0],
            [
                "id",
                "booklet_id",
                "booklet_revision",
                "completed_at",
                "age_band",
                "locale",
                "child_name",
                "review_date",
                "case_reference",
                "feel_safe",
                "who_comes",
                "worries",
                "pathway_plan",
                "question:id",
                "old_question",
            ]
        );
        // Ordered by completion time: "aaaa" first.
        assert_eq!(rows[1][0], "aaaa");
        assert_eq!(rows[1][4], "16+");
        assert_eq!(rows[1][9], "no");
        assert_eq!(rows[1][10], "");
        assert_eq!(rows[1][13], "mine");
        assert_eq!(rows[1][14], "yes");
        let r = &rows[2];
        assert_eq!(r[0], "bbbb");
        assert_eq!(r[2], "1");
        assert_eq!(r[4], "7–9");
        assert_eq!(r[6], "'-Sam", "a name starting with - is neutralised");
        assert_eq!(r[8], "00123");
        assert_eq!(r[9], "I'd rather not say");
        assert_eq!(r[10], "mum; Nan, \"Big\" Jo; carer");
        assert_eq!(r[11], "'=HYPERLINK(\"x\")\nand ŵ مرحبا");
        assert!(rows.iter().all(|row| row.len() == 15));
    }

    #[test]
    fn report_and_issues_csv() {
        let defs = definitions();
        let mut data = Vec::new();
        for i in 0..7 {
            let v = if i < 6 { "yes" } else { "no" };
            data.push(completed(
                &format!("x{i}"),
                "review-7-9",
                SevenToNine,
                "2025-06-01T10:00:00Z",
                &[("feel_safe", picked(v))],
            ));
        }
        data.push(completed(
            "y",
            "review-7-9",
            SevenToNine,
            "2024-06-01T10:00:00Z",
            &[("feel_safe", picked("yes"))],
        ));
        let report =
            ReportIndex::new(&defs).report_for_year(&data, ReportingYear::starting_in(2025));
        let rows = parse(&report_csv(&report, &LocaleCode::new("en"))).unwrap();
        assert_eq!(rows[0], REPORT_COLUMNS);
        // feel_safe: 4–6 not asked, 7–9 shown, 10–15 not asked, 16+ suppressed, all shown.
        assert_eq!(
            rows[1][2..],
            [
                "feel_safe",
                "safety",
                "said feel_safe",
                "4–6",
                "not asked",
                "",
                "",
                "",
                "",
                "not asked",
                "",
                "yes",
                "no",
                POSITIVE_PERCENT_MEANS
            ]
        );
        assert_eq!(
            rows[2][5..13],
            ["7–9", "7", "6", "0", "1", "0", "86%", ""],
            "no change: last year was suppressed"
        );
        assert_eq!(
            rows[4][5..13],
            ["16+", "fewer than 5", "", "", "", "", "fewer than 5", ""]
        );
        assert_eq!(rows[5][5..12], ["all", "7", "6", "0", "1", "0", "86%"]);
        assert!(rows.iter().all(|r| r.len() == REPORT_COLUMNS.len()));
        assert_eq!(rows[1][..2], ["2025-04-01", "2026-03-31"]);
        assert_eq!(rows.len(), 1 + 2 * 5);

        let take_up = parse(&take_up_csv(&report.take_up(30), report.period)).unwrap();
        assert_eq!(
            take_up[1],
            ["2025-04-01", "2026-03-31", "7", "30", "23%", "30%", "no"]
        );

        let issues = parse(&issues_csv(&report.top_issues(5), &LocaleCode::new("en"))).unwrap();
        assert_eq!(
            issues[1],
            [
                "1",
                "feel_safe",
                "safety",
                "said feel_safe",
                "1",
                "7",
                "14%",
                "7–9",
                "14%"
            ]
        );
    }

    #[test]
    fn follow_ups_csv_lists_actions() {
        let defs = definitions();
        let data = sample();
        let hols = default_bank_holidays();
        let mut f = open_follow_ups(&data[1], &defs[1], d("2025-11-20"), &hols);
        f[0].record(FollowUpAction {
            kind: FollowUpActionKind::ExploredWithChild,
            note: "Worried about moving".into(),
            date: d("2025-11-21"),
        })
        .unwrap();
        f[0].record(FollowUpAction {
            kind: FollowUpActionKind::ActionTaken,
            note: "+ Asked SW to visit".into(),
            date: d("2025-11-24"),
        })
        .unwrap();
        let rows = parse(&follow_ups_csv(&f, &data, d("2025-12-01"))).unwrap();
        assert_eq!(
            rows[1],
            [
                "aaaa/feel_safe",
                "aaaa",
                "feel_safe",
                "child aaaa",
                "",
                "2025-11-20",
                "2025-11-24",
                "closed",
                "2025-11-24",
                "action taken",
                "2025-11-21 explored with the child: Worried about moving\n2025-11-24 action taken: + Asked SW to visit",
            ]
        );
    }

    fn export() -> WorkspaceExport {
        let defs = definitions();
        let data = sample();
        let follow_ups = open_follow_ups(&data[1], &defs[1], d("2025-11-20"), &[]);
        let mut settings = WorkspaceSettings {
            bank_holidays: default_bank_holidays(),
            children_in_care: Some(497),
            ..Default::default()
        };
        settings
            .other
            .insert("team_name".into(), serde_json::json!("North"));
        WorkspaceExport::new("2025-12-01T10:00:00Z", data, follow_ups, settings)
    }

    #[test]
    fn json_export_round_trips_and_imports_idempotently() {
        let e = export();
        let json = e.to_json();
        assert!(
            json.starts_with("{\n  \"format\": \"my-say/workspace-export\",\n  \"version\": 3,")
        );
        assert!(json.contains("\"team_name\": \"North\""));
        assert!(json.contains("ŵ مرحبا"));
        assert!(!json.contains("\"read\""), "no read marks, no field");
        let back = WorkspaceExport::parse(&json).unwrap();
        assert_eq!(back, e);
        // Read marks travel; marks for booklets not in the file are left out on import.
        let mut marked = e.clone();
        marked
            .read
            .insert("aaaa".into(), "2025-11-21T09:00:00Z".into());
        marked
            .read
            .insert("gone".into(), "2025-11-21T09:00:00Z".into());
        let again = WorkspaceExport::parse(&marked.to_json()).unwrap();
        assert_eq!(again, marked);
        let marks: Vec<_> = again.read_marks().collect();
        assert_eq!(marks, [("aaaa", "2025-11-21T09:00:00Z")]);

        let (mut booklets, mut follow_ups) = (Vec::new(), Vec::new());
        let (mut surveys, mut survey_answers) = (Vec::new(), Vec::new());
        let first = back.clone().merge_into(
            &mut booklets,
            &mut follow_ups,
            &mut surveys,
            &mut survey_answers,
        );
        assert_eq!(first.booklets_added, 2);
        assert_eq!(first.follow_ups.added, 1);
        let second = back.clone().merge_into(
            &mut booklets,
            &mut follow_ups,
            &mut surveys,
            &mut survey_answers,
        );
        assert_eq!(
            second,
            ImportSummary {
                booklets_already_present: 2,
                ..Default::default()
            }
        );
        assert_eq!((booklets.len(), follow_ups.len()), (2, 1));
        // Same id, different content: the copy in the workspace is kept.
        let mut changed = back;
        changed.booklets[0].child.name = "Someone else".into();
        changed.booklets.truncate(1);
        let third = changed.merge_into(
            &mut booklets,
            &mut follow_ups,
            &mut surveys,
            &mut survey_answers,
        );
        assert_eq!(third.booklets_conflicting, 1);
        assert_eq!(booklets[0].child.name, "-Sam");
    }

    /// The export with a published survey (themes, "You said, we did") and three answers.
    fn with_surveys() -> WorkspaceExport {
        use crate::survey::fixtures::{draft, picked, response};
        use crate::survey::YouSaidWeDid;
        let mut e = export();
        let mut d = draft();
        let published = d.publish().unwrap();
        let mut survey = StoredSurvey::new(d);
        survey.published = Some(published);
        survey.themes.add_theme("Contacting the IRO").unwrap();
        survey.you_said = Some(YouSaidWeDid::new("You said, we did", Some(survey.id())));
        let id = survey.id().to_owned();
        e.survey_answers = (1..=3)
            .map(|n| response(&id, n, TenToFifteen, &[("q1", picked("no"))]))
            .collect();
        e.surveys.push(survey);
        e
    }

    fn merge(
        e: &WorkspaceExport,
        here: &mut (
            Vec<CompletedBooklet>,
            Vec<FollowUp>,
            Vec<StoredSurvey>,
            Vec<CompletedBooklet>,
        ),
    ) -> ImportSummary {
        e.clone()
            .merge_into(&mut here.0, &mut here.1, &mut here.2, &mut here.3)
    }

    #[test]
    fn surveys_and_their_answers_travel_and_import_idempotently() {
        let e = with_surveys();
        let json = e.to_json();
        assert!(json.contains("\"surveys\": ["));
        assert!(json.contains("\"survey_answers\": ["));
        let back = WorkspaceExport::parse(&json).unwrap();
        assert_eq!(back, e);

        let mut here = Default::default();
        let first = merge(&back, &mut here);
        assert_eq!(
            (first.surveys_added, first.survey_answers_added),
            (1, 3),
            "{first:?}"
        );
        assert_eq!(here.2, e.surveys);
        assert_eq!(here.3, e.survey_answers);
        let second = merge(&back, &mut here);
        assert_eq!(
            second,
            ImportSummary {
                booklets_already_present: 2,
                surveys_already_present: 1,
                survey_answers_already_present: 3,
                ..Default::default()
            }
        );
        assert_eq!((here.2.len(), here.3.len()), (1, 3));

        // The same published revision with other content (a theme added on the other device):
        // the survey here is kept. A newer published revision replaces it, themes and all.
        let mut other = e.clone();
        other.surveys[0].themes.add_theme("Meetings").unwrap();
        assert_eq!(merge(&other, &mut here).surveys_kept, 1);
        assert_eq!(here.2[0], e.surveys[0]);
        let mut newer = other.clone();
        let s = &mut newer.surveys[0];
        s.draft
            .set_title(&LocaleCode::new("en"), "Your reviews, again");
        s.published = Some(s.draft.publish().unwrap());
        assert_eq!(s.published_revision(), Some(2));
        let result = merge(&newer, &mut here);
        assert_eq!((result.surveys_updated, result.surveys_kept), (1, 0));
        assert_eq!(here.2[0], newer.surveys[0]);
        // The older one again changes nothing.
        assert_eq!(merge(&e, &mut here).surveys_kept, 1);
        assert_eq!(here.2[0], newer.surveys[0]);
        // An answer with the same id and other content: the one here is kept.
        let mut changed = e.clone();
        changed.survey_answers[0].age_band = SixteenPlus;
        assert_eq!(merge(&changed, &mut here).survey_answers_conflicting, 1);
        assert_eq!(here.3[0], e.survey_answers[0]);
    }

    #[test]
    fn a_version_1_file_still_imports() {
        // Written before surveys travelled: version 1, no "surveys" or "survey_answers".
        let mut v: serde_json::Value = serde_json::from_str(&export().to_json()).unwrap();
        v["version"] = serde_json::json!(1);
        let object = v.as_object_mut().unwrap();
        object.remove("surveys");
        object.remove("survey_answers");
        let back = WorkspaceExport::parse(&v.to_string()).unwrap();
        assert_eq!(back.version, 1);
        assert_eq!(back.booklets, export().booklets);
        assert!(back.surveys.is_empty() && back.survey_answers.is_empty());
    }

    #[test]
    fn a_damaged_survey_refuses_the_whole_file() {
        let err = |e: &WorkspaceExport| match WorkspaceExport::parse(&e.to_json()) {
            Err(ImportError::Invalid(m)) => m,
            other => panic!("{other:?}"),
        };
        let mut bad = with_surveys();
        bad.surveys[0].published.as_mut().unwrap().sections[0].questions[0]
            .text
            .0
            .insert(LocaleCode::new("en"), "What's your name?".into());
        let m = err(&bad);
        assert!(
            m.contains("breaks the booklet rules") && m.contains("must not ask for a name"),
            "{m}"
        );
        let mut bad = with_surveys();
        bad.surveys[0] = StoredSurvey::new(crate::survey::SurveyDraft::new(
            "Survey 1",
            LocaleCode::new("en"),
        ));
        assert!(err(&bad).contains("\"Survey 1\""));
        let mut bad = with_surveys();
        let mut twin = bad.surveys[0].clone();
        twin.you_said = None;
        bad.surveys.push(twin);
        assert!(err(&bad).contains("two different surveys"));
        let mut bad = with_surveys();
        bad.survey_answers[1].child.name = "Sam".into();
        assert!(err(&bad).contains("holds a child's details"));
        let mut bad = with_surveys();
        bad.survey_answers[1].booklet_id = "review-7-9".into();
        assert!(err(&bad).contains("not a survey id"));
        let mut bad = with_surveys();
        bad.survey_answers[1].id = "a/b".into();
        assert!(err(&bad).contains("\"a/b\""));
        let mut bad = with_surveys();
        let mut twin = bad.survey_answers[0].clone();
        twin.age_band = SixteenPlus;
        bad.survey_answers.push(twin);
        assert!(err(&bad).contains("two different survey answers"));
        let mut bad = with_surveys();
        let answer = bad.survey_answers.pop().unwrap();
        bad.booklets.push(answer);
        assert!(err(&bad).contains("belong in \"survey_answers\""));
        // A damaged survey inside the JSON (not a valid draft) is refused with its place.
        let json = with_surveys().to_json().replacen(
            "\"next_question\": 8",
            "\"next_question\": \"8\"",
            1,
        );
        assert!(
            matches!(WorkspaceExport::parse(&json), Err(ImportError::Invalid(m)) if m.contains("line"))
        );
    }

    #[test]
    fn conflicts_travel_beside_their_record_and_a_survey_prefix_is_never_a_booklet() {
        let mut e = export();
        let mut copy = e.booklets[0].clone();
        copy.completed_at = "2026-11-21T09:00:00Z".into();
        e.conflicts = vec![copy.clone()];
        let back = WorkspaceExport::parse(&e.to_json()).unwrap();
        assert_eq!(back.conflicts, vec![copy.clone()]);
        // No conflicts: no field at all, as files before it.
        assert!(!export().to_json().contains("conflicts"));

        let mut stray = copy;
        stray.id = "not-in-the-file".into();
        e.conflicts = vec![stray];
        assert!(matches!(
            WorkspaceExport::parse(&e.to_json()),
            Err(ImportError::Invalid(m)) if m.contains("not-in-the-file")
        ));

        // A booklet answering "survey-…" (even a malformed survey id) belongs in neither list.
        let mut e = export();
        e.booklets[0].booklet_id = "survey-../x".into();
        assert!(matches!(e.check(), Err(ImportError::Invalid(m)) if m.contains("survey")));
    }

    #[test]
    fn import_errors_are_clear() {
        let err = |s: &str| WorkspaceExport::parse(s).unwrap_err();
        assert!(matches!(err("not json"), ImportError::NotJson(_)));
        assert_eq!(err("{}"), ImportError::WrongFormat(None));
        assert_eq!(
            err(r#"{"format":"my-say/booklet","version":1}"#),
            ImportError::WrongFormat(Some("my-say/booklet".into()))
        );
        assert_eq!(
            err(r#"{"format":"my-say/workspace-export","version":4}"#),
            ImportError::NewerVersion(4)
        );
        assert!(matches!(
            err(r#"{"format":"my-say/workspace-export","version":"1"}"#),
            ImportError::Invalid(_)
        ));
        let bad_date = export().to_json().replace(
            "\"opened_on\": \"2025-11-20\"",
            "\"opened_on\": \"20/11/2025\"",
        );
        let e = err(&bad_date);
        let text = e.to_string();
        assert!(
            text.contains("20/11/2025") && text.contains("line"),
            "{text}"
        );
        let mut no_id = export();
        no_id.booklets[0].id = String::new();
        assert!(matches!(err(&no_id.to_json()), ImportError::Invalid(m) if m.contains("no id")));
        let mut slash = export();
        slash.booklets[0].id = "aa/bb".into();
        assert!(
            matches!(err(&slash.to_json()), ImportError::Invalid(m) if m.contains("\"aa/bb\""))
        );
        let mut twice = export();
        let mut other = twice.booklets[0].clone();
        other.child.name = "Another child".into();
        twice.booklets.push(other);
        assert!(
            matches!(err(&twice.to_json()), ImportError::Invalid(m) if m.contains("two different booklets"))
        );
        // The very same booklet twice is harmless.
        let mut same = export();
        same.booklets.push(same.booklets[0].clone());
        assert!(WorkspaceExport::parse(&same.to_json()).is_ok());
        let mut orphan = export();
        orphan.booklets.retain(|b| b.id != "aaaa");
        assert!(
            matches!(err(&orphan.to_json()), ImportError::Invalid(m) if m.contains("aaaa/feel_safe"))
        );
        assert_eq!(
            ImportError::NewerVersion(2).to_string(),
            "This export was made by a newer version of My Say (format version 2); update My Say to import it."
        );
    }
    fn keypair(seed: u8) -> (PrivateKey, IroIdentity) {
        use rand_core::SeedableRng;
        let rng = &mut chacha20::ChaCha20Rng::from_seed([seed; 32]);
        let (key, public) = crate::seal::generate_keypair(rng);
        (key, IroIdentity::new("Sam Patel", public).unwrap())
    }

    fn signed_by(seed: u8) -> (PrivateKey, String) {
        let (key, identity) = keypair(seed);
        let mut e = export();
        e.exported_by = Some(ExportedBy::new(&identity));
        (key.clone(), e.to_authenticated_json(&key))
    }

    #[test]
    fn a_file_made_here_reads_as_this_workspace_and_another_as_not() {
        let (me, file) = signed_by(1);
        let (back, origin) = WorkspaceExport::read(&file, &me).unwrap();
        assert_eq!(origin, FileOrigin::ThisWorkspace);
        assert_eq!(back.booklets, export().booklets);
        assert_eq!(back.exported_by.unwrap().display_name, "Sam Patel");
        // Another workspace's file: its name and fingerprint, as it says.
        let (other, _) = keypair(2);
        match WorkspaceExport::read(&file, &other).unwrap().1 {
            FileOrigin::OtherWorkspace(by) => {
                assert_eq!(by.display_name, "Sam Patel");
                assert_eq!(by.public_key, me.public_key());
            }
            origin => panic!("{origin:?}"),
        }
    }

    #[test]
    fn one_edited_byte_reads_as_changed() {
        let (me, file) = signed_by(1);
        // A child's name changed by one letter, inside the part the MAC covers.
        let edited = file.replacen("\"-Sam\"", "\"-Pam\"", 1);
        assert_ne!(edited, file);
        let (back, origin) = WorkspaceExport::read(&edited, &me).unwrap();
        assert_eq!(origin, FileOrigin::Changed);
        assert!(back.booklets.iter().any(|b| b.child.name == "-Pam"));
        // The MAC taken off: still says it is ours, so changed.
        let stripped = WorkspaceExport::parse(&file).unwrap().to_json();
        assert_eq!(
            WorkspaceExport::read(&stripped, &me).unwrap().1,
            FileOrigin::Changed
        );
        // The name of the workspace edited: the MAC no longer checks either.
        let renamed = file.replacen("Sam Patel", "Sam Patell", 1);
        assert_eq!(
            WorkspaceExport::read(&renamed, &me).unwrap().1,
            FileOrigin::Changed
        );
    }

    #[test]
    fn an_older_file_without_a_mac_still_reads_but_unsigned() {
        let (me, _) = keypair(1);
        let mut v: serde_json::Value = serde_json::from_str(&export().to_json()).unwrap();
        v["version"] = serde_json::json!(2);
        let (back, origin) = WorkspaceExport::read(&v.to_string(), &me).unwrap();
        assert_eq!(origin, FileOrigin::Unsigned);
        assert_eq!(back.booklets.len(), 2);
        // A MAC member on a file that names nobody: it cannot be ours.
        let forged = crate::seal::append_export_mac(&export().to_json(), &keypair(3).0);
        assert_eq!(
            WorkspaceExport::read(&forged, &me).unwrap().1,
            FileOrigin::Changed
        );
        // A damaged file is still refused, with or without a MAC.
        let (_, file) = signed_by(1);
        assert!(WorkspaceExport::read(&file[..file.len() / 2], &me).is_err());
        let mut bad_name = export();
        bad_name.exported_by = Some(ExportedBy {
            display_name: "Sam \u{202E}letaP".into(),
            public_key: me.public_key().to_base64(),
        });
        assert!(matches!(
            WorkspaceExport::read(&bad_name.to_json(), &me),
            Err(ImportError::Invalid(m)) if m.contains("workspace that made it")
        ));
    }
}
