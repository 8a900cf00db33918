//! What importing a workspace file would change, worked out without touching storage: from what
//! the workspace holds ([`Here`]) and the file, the list the IRO reads before anything is
//! written ([`Changes`]) and the records that would be written. Pure, so tested natively; the
//! merge rules are the core's (`WorkspaceExport::merge_into`, `merge_follow_ups`), described in
//! docs/exports.md.

use super::Imported;
use crate::workspace::follow_ups;
use crate::workspace::inbox::read_key;
use crate::workspace::settings::SETTINGS_KEY;
use crate::workspace::{booklet_key, conflict_prefix, surveys};
use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::Date;
use my_say_core::export::{WorkspaceExport, WorkspaceSettings};
use my_say_core::followup::{merge_follow_ups, open_follow_ups, FollowUp, FollowUpActionKind};
use my_say_core::incoming::{classify, Arrival};
use my_say_core::seal::{Fingerprint, PublicKey};
use my_say_core::summary::definition_for;
use my_say_core::survey::StoredSurvey;
use my_say_core::text::Text;
use my_say_core::validate::is_survey_id;
use my_say_core::{CompletedBooklet, QuestionId};
use std::collections::{BTreeSet, HashMap};

/// What the workspace holds, as an import compares a file with it.
#[derive(Clone, Debug)]
pub struct Here {
    /// This workspace's public key: the one its surveys' answers are sealed for.
    pub key: PublicKey,
    /// Every booklet.
    pub booklets: Vec<CompletedBooklet>,
    /// Every follow-up.
    pub follow_ups: Vec<FollowUp>,
    /// The ids of the booklets marked read.
    pub read: BTreeSet<String>,
    /// The settings.
    pub settings: WorkspaceSettings,
    /// The council's surveys, in storage order.
    pub surveys: Vec<StoredSurvey>,
    /// Every finished survey.
    pub survey_answers: Vec<CompletedBooklet>,
    /// The conflicting copies kept apart, with their storage keys.
    pub conflicts: Vec<(String, CompletedBooklet)>,
}

impl Here {
    /// An empty workspace with this key.
    pub fn empty(key: PublicKey, settings: WorkspaceSettings) -> Here {
        Here {
            key,
            booklets: Vec::new(),
            follow_ups: Vec::new(),
            read: BTreeSet::new(),
            settings,
            surveys: Vec::new(),
            survey_answers: Vec::new(),
            conflicts: Vec::new(),
        }
    }
}

/// What importing a file would change, in the words of the list the IRO confirms. Each record
/// written is counted once, under the first heading that fits it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Booklets not here yet: the inbox gains them.
    pub booklets_added: usize,
    /// Copies in the file of a booklet or survey answer here with other content, newly kept
    /// apart (the one here stays as it is).
    pub kept_apart: usize,
    /// Follow-ups new here and open: the file's, and those opened for worrying answers in added
    /// booklets that the file has none for.
    pub follow_ups_added: usize,
    /// Follow-ups that end the import closed and are not closed now: each listed, those that
    /// close a worry open here marked ([`ClosedFollowUp::open_here`]).
    pub follow_ups_closed: Vec<ClosedFollowUp>,
    /// Follow-ups here that gain steps (or the day the child finished) and stay as they were,
    /// open or closed.
    pub follow_ups_updated: usize,
    /// Open follow-ups whose only change is a due date worked out again from the file's bank
    /// holidays.
    pub due_dates_moved: usize,
    /// Booklets marked read that are unread here.
    pub marked_read: usize,
    /// Council surveys not here yet.
    pub surveys_added: usize,
    /// Council surveys here that the file replaces with a newer published revision.
    pub surveys_replaced: Vec<ReplacedSurvey>,
    /// Finished council surveys not here yet.
    pub survey_answers_added: usize,
    /// The settings the file replaces, when the IRO chose to use them and they differ.
    pub settings: Option<SettingsChange>,
}

impl Changes {
    /// Whether the import would change nothing at all.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// The follow-ups closed that close a worry open here.
    pub fn open_worries_closed(&self) -> impl Iterator<Item = &ClosedFollowUp> {
        self.follow_ups_closed.iter().filter(|c| c.open_here)
    }

    /// The replaced surveys whose answers the file's workspace seals for another key.
    pub fn survey_keys_changed(&self) -> impl Iterator<Item = &ReplacedSurvey> {
        self.surveys_replaced.iter().filter(|s| s.keys.is_some())
    }
}

/// A follow-up the import closes.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedFollowUp {
    /// The child's name, as the booklet has it (the booklet's id if it is not to be found).
    pub child: String,
    /// The worrying question.
    pub question_id: QuestionId,
    /// Its wording, when the booklet is a built-in one.
    pub question: Option<Text>,
    /// The step that closes it, and its date.
    pub by: FollowUpActionKind,
    /// The date of that step.
    pub on: Date,
    /// Whether the worry is open here now, so that importing closes it; otherwise the
    /// follow-up is new here and arrives closed.
    pub open_here: bool,
}

/// A council survey the import replaces.
#[derive(Clone, Debug, PartialEq)]
pub struct ReplacedSurvey {
    /// The survey's id.
    pub id: String,
    /// Its title, as the file has it.
    pub title: Text,
    /// The published revision here, and the file's.
    pub revisions: (Option<u32>, Option<u32>),
    /// Set when the file's revision was published from another key than this workspace's:
    /// tablets given it there seal its answers for that key.
    pub keys: Option<SurveyKeys>,
}

/// Who a survey's answers are sealed for, here and as the file's survey was published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurveyKeys {
    /// This workspace's key.
    pub here: Fingerprint,
    /// The key of the workspace the file says it comes from; `None` when the file does not
    /// say (an older version's).
    pub file: Option<Fingerprint>,
}

/// The settings the import replaces: each part that changes, as it is here and as it will be.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SettingsChange {
    /// How many bank holidays due dates skip.
    pub bank_holidays: Option<(usize, usize)>,
    /// The number of children in care.
    pub children_in_care: Option<(Option<u32>, Option<u32>)>,
    /// Minutes without input before the workspace locks.
    pub lock_after_minutes: Option<(Option<u32>, Option<u32>)>,
    /// Whether other settings (from a newer version of My Say) change too.
    pub other: bool,
}

/// What importing a file would do: the list, the counts for the message afterwards, and the
/// records to write (storage key and JSON) in one batch.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The list the IRO confirms.
    pub changes: Changes,
    /// The counts, for the message once it is done.
    pub imported: Imported,
    /// Every record to write in [`my_say_ui::browser::store::Area::Workspace`].
    pub writes: Vec<(String, Vec<u8>)>,
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("plain records always serialise")
}

/// What importing `export` into the workspace `here` would change. `use_settings` also takes the
/// file's bank holidays, number of children in care and lock time (and moves open due dates to
/// the new bank holidays). Worrying answers in added booklets that the file has no follow-up for
/// open one dated `today`.
pub fn plan(here: &Here, export: &WorkspaceExport, use_settings: bool, today: Date) -> Plan {
    let mut booklets = here.booklets.clone();
    let mut follow_ups = here.follow_ups.clone();
    let mut surveys = here.surveys.clone();
    let mut answers = here.survey_answers.clone();
    let mut changes = Changes::default();
    let mut result = Imported::default();
    let mut writes: Vec<(String, Vec<u8>)> = Vec::new();

    let read_marks: Vec<(&str, &str)> = export
        .read_marks()
        .filter(|(id, _)| !here.read.contains(*id))
        .collect();
    let kept_apart = conflicts_to_keep(here, export);
    let first_new = booklets.len();
    let first_new_answer = answers.len();
    result.summary =
        export
            .clone()
            .merge_into(&mut booklets, &mut follow_ups, &mut surveys, &mut answers);

    let mut settings = here.settings.clone();
    if use_settings {
        let changed = settings_from(&settings, &export.settings);
        if changed != settings {
            changes.settings = Some(settings_change(&settings, &changed));
            settings = changed;
            result.settings_changed = true;
            writes.push((SETTINGS_KEY.to_owned(), json(&settings)));
        }
    }

    // Worries in added booklets that the file has no follow-up for (an older export) open now.
    let definitions = builtin_booklets();
    let opened: Vec<FollowUp> = booklets[first_new..]
        .iter()
        .filter_map(|b| definition_for(b, &definitions).map(|d| (b, d)))
        .flat_map(|(b, d)| open_follow_ups(b, d, today, &settings.bank_holidays))
        .collect();
    result.opened = merge_follow_ups(&mut follow_ups, opened).added;
    if result.settings_changed {
        for f in &mut follow_ups {
            f.reschedule(&settings.bank_holidays);
        }
    }

    for b in &booklets[first_new..] {
        writes.push((booklet_key(&b.id), json(b)));
    }
    changes.booklets_added = booklets.len() - first_new;
    let by_id: HashMap<&str, &CompletedBooklet> =
        booklets.iter().map(|b| (b.id.as_str(), b)).collect();
    let before: HashMap<String, &FollowUp> = here.follow_ups.iter().map(|f| (f.id(), f)).collect();
    for f in &follow_ups {
        let id = f.id();
        let old = before.get(&id).copied();
        if old == Some(f) {
            continue;
        }
        writes.push((follow_ups::key(&id), json(f)));
        match (old, f.closed) {
            (Some(old), Some(closure)) if !old.is_closed() => changes.follow_ups_closed.push(
                closed(f, closure.by, closure.on, true, &by_id, &definitions),
            ),
            (None, Some(closure)) => changes.follow_ups_closed.push(closed(
                f,
                closure.by,
                closure.on,
                false,
                &by_id,
                &definitions,
            )),
            (None, None) => changes.follow_ups_added += 1,
            (Some(old), _) if old.actions != f.actions || old.completed_on != f.completed_on => {
                changes.follow_ups_updated += 1
            }
            (Some(_), _) => changes.due_dates_moved += 1,
        }
    }
    for (id, at) in &read_marks {
        writes.push((read_key(id), json(at)));
    }
    changes.marked_read = read_marks.len();
    result.read_marks = read_marks.len();

    // Surveys merge in place (a newer revision replaces the one here) or are added at the end.
    let from = export.exported_by.as_ref().and_then(|b| b.identity().ok());
    for (i, survey) in surveys.iter().enumerate() {
        let Some(old) = here.surveys.get(i) else {
            changes.surveys_added += 1;
            writes.push((surveys::survey_key(survey.id()), json(survey)));
            continue;
        };
        if old == survey {
            continue;
        }
        writes.push((surveys::survey_key(survey.id()), json(survey)));
        let file_key = from.as_ref().map(|by| by.public_key);
        changes.surveys_replaced.push(ReplacedSurvey {
            id: survey.id().to_owned(),
            title: survey
                .published
                .as_ref()
                .map_or_else(|| survey.draft.title().clone(), |p| p.title.clone()),
            revisions: (old.published_revision(), survey.published_revision()),
            keys: (file_key != Some(here.key)).then(|| SurveyKeys {
                here: here.key.fingerprint(),
                file: file_key.map(|k| k.fingerprint()),
            }),
        });
    }
    for answer in &answers[first_new_answer..] {
        writes.push((surveys::answer_key(&answer.id), json(answer)));
    }
    changes.survey_answers_added = answers.len() - first_new_answer;
    changes.kept_apart = kept_apart.len();
    result.conflicts_kept = kept_apart.len();
    writes.extend(kept_apart);
    Plan {
        changes,
        imported: result,
        writes,
    }
}

/// The settings here with the file's taken: its bank holidays, and its number of children in
/// care, lock time and other settings where it has them.
fn settings_from(here: &WorkspaceSettings, file: &WorkspaceSettings) -> WorkspaceSettings {
    let mut changed = here.clone();
    changed.bank_holidays = file.bank_holidays.clone();
    changed.bank_holidays.sort_unstable();
    changed.bank_holidays.dedup();
    if file.children_in_care.is_some() {
        changed.children_in_care = file.children_in_care;
    }
    if file.lock_after_minutes.is_some() {
        changed.lock_after_minutes = file.lock_after_minutes;
    }
    changed.other.extend(file.other.clone());
    changed
}

fn settings_change(old: &WorkspaceSettings, new: &WorkspaceSettings) -> SettingsChange {
    let differ = |a, b| (a != b).then_some((a, b));
    SettingsChange {
        bank_holidays: (old.bank_holidays != new.bank_holidays)
            .then_some((old.bank_holidays.len(), new.bank_holidays.len())),
        children_in_care: differ(old.children_in_care, new.children_in_care),
        lock_after_minutes: differ(old.lock_after_minutes, new.lock_after_minutes),
        other: old.other != new.other,
    }
}

fn closed(
    f: &FollowUp,
    by: FollowUpActionKind,
    on: Date,
    open_here: bool,
    booklets: &HashMap<&str, &CompletedBooklet>,
    definitions: &[my_say_core::Booklet],
) -> ClosedFollowUp {
    let booklet = booklets.get(f.booklet_id.as_str());
    let question = booklet
        .and_then(|b| definition_for(b, definitions))
        .and_then(|d| d.questions().find(|q| q.id == f.question_id))
        .map(|q| q.text.clone());
    ClosedFollowUp {
        child: booklet.map_or_else(|| f.booklet_id.clone(), |b| b.child.name.clone()),
        question_id: f.question_id.clone(),
        question,
        by,
        on,
        open_here,
    }
}

/// The conflict records an import adds: the file's booklets and finished surveys whose id is
/// here with other content, and the file's own conflicting copies, each kept once.
fn conflicts_to_keep(here: &Here, export: &WorkspaceExport) -> Vec<(String, Vec<u8>)> {
    let mut kept: Vec<(String, &CompletedBooklet)> =
        here.conflicts.iter().map(|(k, r)| (k.clone(), r)).collect();
    let by_id: HashMap<&str, &CompletedBooklet> = here
        .booklets
        .iter()
        .chain(&here.survey_answers)
        .map(|b| (b.id.as_str(), b))
        .collect();
    let clashing = export
        .booklets
        .iter()
        .chain(&export.survey_answers)
        .filter(|b| classify(by_id.get(b.id.as_str()).copied(), b) == Arrival::Conflict);
    let mut writes = Vec::new();
    for copy in clashing.chain(&export.conflicts) {
        let prefix = conflict_prefix(&if is_survey_id(&copy.booklet_id) {
            surveys::answer_key(&copy.id)
        } else {
            booklet_key(&copy.id)
        });
        let mine = kept.iter().filter(|(k, _)| k.starts_with(&prefix));
        if by_id.get(copy.id.as_str()) == Some(&copy) || mine.clone().any(|(_, r)| *r == copy) {
            continue;
        }
        let key = format!("{prefix}{}", mine.count() + 1);
        writes.push((key.clone(), json(copy)));
        kept.push((key, copy));
    }
    writes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::follow_ups::FOLLOW_UP_PREFIX;
    use crate::workspace::inbox::READ_PREFIX;
    use crate::workspace::BOOKLET_PREFIX;
    use my_say_core::calendar::default_bank_holidays;
    use my_say_core::demo::{demo_survey, DEMO_SURVEY_ID};
    use my_say_core::export::ExportedBy;
    use my_say_core::followup::FollowUpAction;
    use my_say_core::seal::{IroIdentity, PrivateKey};
    use my_say_core::LocaleCode;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn today() -> Date {
        d("2026-11-23")
    }

    fn key(seed: u8) -> PublicKey {
        PrivateKey::from_bytes(&[seed; 32]).public_key()
    }

    /// A booklet in which the child does (`safe` "no": a worry) or does not feel safe.
    fn booklet(id: &str, name: &str, safe: &str) -> CompletedBooklet {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "booklet_id": "review-10-15",
            "booklet_revision": 1,
            "locale": "en",
            "age_band": "10-15",
            "child": { "name": name, "age_band": "10-15", "review_date": "2026-12-01" },
            "answers": { "feel_safe": { "type": "picked", "value": safe } },
            "completed_at": "2026-11-20T10:00:00Z",
        }))
        .unwrap()
    }

    /// The follow-up opened for a worrying booklet on `on`.
    fn worry(b: &CompletedBooklet, on: Date) -> FollowUp {
        let definitions = builtin_booklets();
        let def = definition_for(b, &definitions).unwrap();
        let mut opened = open_follow_ups(b, def, on, &default_bank_holidays());
        assert_eq!(opened.len(), 1, "feel_safe \"no\" is a worry");
        opened.remove(0)
    }

    fn closed_with(mut f: FollowUp, kind: FollowUpActionKind) -> FollowUp {
        f.record(FollowUpAction {
            kind,
            note: "Talked with the carer".into(),
            date: today(),
        })
        .unwrap();
        f
    }

    /// An export from the workspace with `by`'s key.
    fn file(by: Option<PublicKey>) -> WorkspaceExport {
        let mut e = WorkspaceExport::new(
            "2026-11-23T10:00:00Z",
            Vec::new(),
            Vec::new(),
            WorkspaceSettings {
                bank_holidays: default_bank_holidays(),
                ..WorkspaceSettings::default()
            },
        );
        e.exported_by = by.map(|k| ExportedBy::new(&IroIdentity::new("Sam Patel", k).unwrap()));
        e
    }

    fn here() -> Here {
        Here::empty(
            key(1),
            WorkspaceSettings {
                bank_holidays: default_bank_holidays(),
                ..WorkspaceSettings::default()
            },
        )
    }

    /// The workspace once a plan's records are written (as `transfer::apply` writes them).
    fn applied(mut here: Here, plan: &Plan) -> Here {
        fn parse<T: serde::de::DeserializeOwned>(v: &[u8]) -> T {
            serde_json::from_slice(v).unwrap()
        }
        for (k, v) in &plan.writes {
            if k.starts_with(BOOKLET_PREFIX) {
                here.booklets.push(parse(v));
            } else if k.starts_with(FOLLOW_UP_PREFIX) {
                let f: FollowUp = parse(v);
                here.follow_ups.retain(|o| o.id() != f.id());
                here.follow_ups.push(f);
            } else if let Some(id) = k.strip_prefix(READ_PREFIX) {
                here.read.insert(id.to_owned());
            } else if k == SETTINGS_KEY {
                here.settings = parse(v);
            } else if k.starts_with("survey/") {
                let s: StoredSurvey = parse(v);
                match here.surveys.iter_mut().find(|o| o.id() == s.id()) {
                    Some(o) => *o = s,
                    None => here.surveys.push(s),
                }
            } else if k.starts_with("survey-answer/") {
                here.survey_answers.push(parse(v));
            } else if k.starts_with(crate::workspace::CONFLICT_PREFIX) {
                here.conflicts.push((k.clone(), parse(v)));
            } else {
                panic!("an unexpected key {k}");
            }
        }
        here
    }

    /// Plans, checks that the list is empty exactly when nothing would be written, applies, and
    /// checks that the same file then has nothing to change.
    fn plan_and_apply(here: Here, export: &WorkspaceExport, use_settings: bool) -> (Changes, Here) {
        let p = plan(&here, export, use_settings, today());
        assert_eq!(p.changes.is_empty(), p.writes.is_empty(), "{:?}", p.changes);
        let after = applied(here, &p);
        let again = plan(&after, export, use_settings, today());
        assert!(
            again.changes.is_empty(),
            "the second time: {:?}",
            again.changes
        );
        assert!(again.writes.is_empty());
        (p.changes, after)
    }

    #[test]
    fn booklets_follow_ups_and_read_marks_added_are_listed() {
        let tia = booklet("aa01", "Tia", "no");
        let kai = booklet("aa02", "Kai", "yes");
        let mut export = file(Some(key(1)));
        export.booklets = vec![tia.clone(), kai.clone()];
        export.follow_ups = vec![worry(&tia, d("2026-11-20"))];
        export
            .read
            .insert("aa02".into(), "2026-11-21T09:00:00Z".into());
        let (changes, after) = plan_and_apply(here(), &export, false);
        assert_eq!(
            changes,
            Changes {
                booklets_added: 2,
                follow_ups_added: 1,
                marked_read: 1,
                ..Changes::default()
            }
        );
        assert_eq!(after.booklets.len(), 2);
        // An older file with no follow-up for the worry: one opens today, and is listed too.
        export.follow_ups.clear();
        let (changes, after) = plan_and_apply(here(), &export, false);
        assert_eq!(changes.follow_ups_added, 1);
        assert_eq!(after.follow_ups[0].opened_on, today());
    }

    #[test]
    fn closing_a_worry_open_here_is_marked_and_one_arriving_closed_is_not() {
        let tia = booklet("aa01", "Tia", "no");
        let open = worry(&tia, d("2026-11-20"));
        let mut mine = here();
        mine.booklets.push(tia.clone());
        mine.follow_ups.push(open.clone());
        let mut export = file(Some(key(1)));
        export.booklets = vec![tia.clone()];
        export.follow_ups = vec![closed_with(
            open.clone(),
            FollowUpActionKind::NoFurtherAction,
        )];
        let (changes, after) = plan_and_apply(mine, &export, false);
        assert_eq!(changes.follow_ups_closed.len(), 1);
        let closed = &changes.follow_ups_closed[0];
        assert!(closed.open_here);
        assert_eq!(closed.child, "Tia");
        assert_eq!(closed.question_id.as_str(), "feel_safe");
        assert_eq!(
            closed
                .question
                .as_ref()
                .unwrap()
                .get(&LocaleCode::new("en"), &LocaleCode::new("en")),
            "Do you feel safe where you live?"
        );
        assert_eq!(
            (closed.by, closed.on),
            (FollowUpActionKind::NoFurtherAction, today())
        );
        assert_eq!(changes.open_worries_closed().count(), 1);
        assert!(after.follow_ups[0].is_closed());

        // Into a workspace without the booklet, the same follow-up arrives closed: listed as
        // closed, not as closing an open worry.
        let (changes, _) = plan_and_apply(here(), &export, false);
        assert_eq!(changes.booklets_added, 1);
        assert_eq!(changes.follow_ups_closed.len(), 1);
        assert!(!changes.follow_ups_closed[0].open_here);
        assert_eq!(changes.open_worries_closed().count(), 0);
        assert_eq!(changes.follow_ups_added, 0);

        // A step that does not close it: updated, and nothing is marked.
        let mut mine = here();
        mine.booklets.push(tia.clone());
        mine.follow_ups.push(open.clone());
        export.follow_ups = vec![closed_with(open, FollowUpActionKind::ExploredWithChild)];
        let (changes, _) = plan_and_apply(mine, &export, false);
        assert_eq!(
            changes,
            Changes {
                follow_ups_updated: 1,
                ..Changes::default()
            }
        );
    }

    #[test]
    fn settings_replaced_are_listed_part_by_part_and_move_open_due_dates() {
        let tia = booklet("aa01", "Tia", "no");
        let mut mine = here();
        mine.booklets.push(tia.clone());
        mine.follow_ups.push(worry(&tia, d("2026-11-20")));
        let mut export = file(Some(key(1)));
        // A bank holiday on the worry's due date: it moves a working day later.
        let due = mine.follow_ups[0].due_on;
        export.settings.bank_holidays.push(due);
        export.settings.children_in_care = Some(600);
        export.settings.lock_after_minutes = Some(30);
        // Not asked for: nothing.
        assert!(plan(&mine, &export, false, today()).changes.is_empty());
        let (changes, after) = plan_and_apply(mine.clone(), &export, true);
        let settings = changes.settings.clone().unwrap();
        let n = mine.settings.bank_holidays.len();
        assert_eq!(settings.bank_holidays, Some((n, n + 1)));
        assert_eq!(settings.children_in_care, Some((None, Some(600))));
        assert_eq!(settings.lock_after_minutes, Some((None, Some(30))));
        assert!(!settings.other);
        assert_eq!(changes.due_dates_moved, 1);
        assert!(after.follow_ups[0].due_on > due);
        assert_eq!(after.settings.children_in_care, Some(600));
    }

    /// The example survey, published again as revision 2 with a new title.
    fn surveys() -> (StoredSurvey, StoredSurvey) {
        let s = demo_survey(today());
        let mut first = StoredSurvey::new(s.draft);
        first.published = Some(s.published);
        let mut second = first.clone();
        second
            .draft
            .set_title(&LocaleCode::new("en"), "Your reviews, 2027");
        second.published = Some(second.draft.publish().unwrap());
        (first, second)
    }

    #[test]
    fn a_survey_replaced_from_another_key_is_marked_with_both_fingerprints() {
        let (first, second) = surveys();
        let mut mine = here();
        mine.surveys.push(first.clone());
        let answers = demo_survey(today()).answers;

        // From this workspace's own key: replaced, nothing marked.
        let mut own = file(Some(key(1)));
        own.surveys = vec![second.clone()];
        own.survey_answers = answers[..3].to_vec();
        let (changes, _) = plan_and_apply(mine.clone(), &own, false);
        assert_eq!(changes.surveys_replaced.len(), 1);
        let replaced = &changes.surveys_replaced[0];
        assert_eq!(replaced.id, DEMO_SURVEY_ID);
        assert_eq!(replaced.revisions, (Some(1), Some(2)));
        assert_eq!(replaced.keys, None);
        assert_eq!(changes.survey_answers_added, 3);
        assert_eq!(changes.survey_keys_changed().count(), 0);

        // From another workspace: marked, with this workspace's key and the file's.
        let mut other = own.clone();
        other.exported_by = file(Some(key(2))).exported_by;
        let (changes, after) = plan_and_apply(mine.clone(), &other, false);
        assert_eq!(
            changes.surveys_replaced[0].keys,
            Some(SurveyKeys {
                here: key(1).fingerprint(),
                file: Some(key(2).fingerprint()),
            })
        );
        assert_eq!(changes.survey_keys_changed().count(), 1);
        assert_eq!(after.surveys, vec![second.clone()]);

        // From a file that does not say (an older version's): marked, the file's key unknown.
        let mut unsigned = own.clone();
        unsigned.exported_by = None;
        let (changes, _) = plan_and_apply(mine.clone(), &unsigned, false);
        assert_eq!(changes.surveys_replaced[0].keys.unwrap().file, None);

        // A survey not here is added, never marked; an older one changes nothing.
        let (changes, _) = plan_and_apply(here(), &other, false);
        assert_eq!(changes.surveys_added, 1);
        assert!(changes.surveys_replaced.is_empty());
        let mut newer = here();
        newer.surveys.push(second);
        let mut older = file(Some(key(2)));
        older.surveys = vec![first];
        assert!(plan(&newer, &older, false, today()).changes.is_empty());
    }

    #[test]
    fn a_copy_with_other_answers_is_kept_apart_once() {
        let tia = booklet("aa01", "Tia", "yes");
        let mut mine = here();
        mine.booklets.push(tia.clone());
        let mut export = file(Some(key(1)));
        export.booklets = vec![booklet("aa01", "Tia", "no")];
        let (changes, after) = plan_and_apply(mine, &export, false);
        assert_eq!(
            changes,
            Changes {
                kept_apart: 1,
                ..Changes::default()
            }
        );
        assert_eq!(after.booklets, vec![tia]);
        assert_eq!(after.conflicts.len(), 1);
        assert_eq!(after.conflicts[0].0, "conflict/booklet/aa01/1");
    }
}
