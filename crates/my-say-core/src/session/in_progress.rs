//! A booklet in progress as the start screens list it: which booklet, whose initials and when,
//! never an answer. Read from a kept draft's JSON ([`Draft`](super::Draft), or
//! [`LockedDraft`](crate::seal::LockedDraft) once the child stopped) only as far as the list
//! needs: the answers, the child's place and a locked draft's sealed copy are skipped, not read.
//! So the app that lists drafts (the child's start form) carries no reader of answers
//! (docs/size.md).

use crate::seal::initials;
use serde::Deserialize;

/// A booklet (or council survey) in progress on this device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InProgress {
    /// The booklet (or council survey) id.
    pub booklet_id: String,
    /// The child's initials ("R."), empty for a survey.
    pub initials: String,
    /// When the child started.
    pub started_at: String,
    /// Whether the child stopped and locked it with a code.
    pub locked: bool,
    /// When it last changed (answered, or stopped), for the order of a list.
    pub changed_at: String,
}

/// A kept draft's JSON, open or locked, as far as a list needs it: one reader for both (each
/// reader serde derives is code in every app that lists drafts; docs/size.md).
#[derive(Deserialize)]
pub struct Heading {
    booklet_id: String,
    started_at: String,
    /// An open draft's child, whose initials the list shows.
    child: Option<Named>,
    /// When an open draft last changed.
    updated_at: Option<String>,
    /// A locked draft's initials.
    initials: Option<String>,
    /// When the child stopped and locked it.
    stopped_at: Option<String>,
}

/// The child's details, as far as their initials need them.
#[derive(Deserialize)]
struct Named {
    name: String,
}

impl Heading {
    /// What a list shows of the draft this heading was read from, open or locked (kept under
    /// another key); `None` if the heading lacks what that kind of draft always has.
    pub fn in_progress(self, locked: bool) -> Option<InProgress> {
        let (initials, changed_at) = if locked {
            (self.initials?, self.stopped_at?)
        } else {
            (initials(&self.child?.name), self.updated_at?)
        };
        Some(InProgress {
            booklet_id: self.booklet_id,
            initials,
            started_at: self.started_at,
            locked,
            changed_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{Heading, InProgress};
    use crate::builtin::builtin_for;
    use crate::child::ChildDetails;
    use crate::seal::{DraftCode, LockedDraft};
    use crate::session::Draft;
    use crate::{AgeBand, Answer, LocaleCode};
    use chacha20::ChaCha20Rng;
    use rand_core::SeedableRng;

    fn answered_draft() -> Draft {
        let booklet = builtin_for(AgeBand::TenToFifteen);
        let child = ChildDetails {
            name: "Ann Bell".into(),
            age_band: Some(AgeBand::TenToFifteen),
            review_date: "2026-12-01".into(),
            ..ChildDetails::default()
        };
        let mut draft = Draft::new(
            &booklet,
            AgeBand::TenToFifteen,
            child,
            LocaleCode::new("en"),
            "2026-11-20T10:00:00Z",
        );
        let first = booklet.questions().next().expect("a question").id.clone();
        let _ = draft.set_answer(
            &booklet,
            &first,
            Answer::RatherNotSay,
            "2026-11-20T10:05:00Z",
        );
        draft
    }

    #[test]
    fn an_open_draft_lists_its_booklet_initials_and_times_and_nothing_it_answered() {
        let draft = answered_draft();
        assert!(!draft.answers.is_empty());
        let json = serde_json::to_string(&draft).unwrap();
        let heading: Heading = serde_json::from_str(&json).unwrap();
        let listed = heading.in_progress(false).unwrap();
        assert_eq!(
            listed,
            InProgress {
                booklet_id: draft.booklet_id.clone(),
                initials: "A. B.".into(),
                started_at: "2026-11-20T10:00:00Z".into(),
                locked: false,
                changed_at: draft.updated_at.clone(),
            }
        );
    }

    #[test]
    fn a_locked_draft_lists_as_locked_from_when_the_child_stopped() {
        let draft = answered_draft();
        let code = DraftCode::number("4826").unwrap();
        let mut rng = ChaCha20Rng::from_seed([7; 32]);
        let locked = LockedDraft::lock(&draft, &code, "2026-11-20T10:09:00Z", &mut rng).unwrap();
        let json = serde_json::to_string(&locked).unwrap();
        let heading: Heading = serde_json::from_str(&json).unwrap();
        let listed = heading.in_progress(true).unwrap();
        assert_eq!(listed.booklet_id, draft.booklet_id);
        assert_eq!(listed.initials, "A. B.");
        assert_eq!(listed.started_at, "2026-11-20T10:00:00Z");
        assert!(listed.locked);
        assert_eq!(listed.changed_at, "2026-11-20T10:09:00Z");
    }

    #[test]
    fn a_draft_missing_what_a_list_shows_is_not_listed() {
        assert!(serde_json::from_str::<Heading>(r#"{"started_at":"t"}"#).is_err());
        assert!(serde_json::from_str::<Heading>("[]").is_err());
        // An open draft's fields under a locked draft's key, and the other way round.
        let open = serde_json::to_string(&answered_draft()).unwrap();
        let heading: Heading = serde_json::from_str(&open).unwrap();
        assert_eq!(heading.in_progress(true), None);
        let locked = r#"{"booklet_id":"b","started_at":"t","initials":"R.","stopped_at":"u"}"#;
        let heading: Heading = serde_json::from_str(locked).unwrap();
        assert_eq!(heading.in_progress(false), None);
    }
}
