//! A finished booklet: what is sealed for the IRO and what reports are made from.

use crate::age_band::AgeBand;
use crate::answer::Answers;
use crate::child::ChildDetails;
use crate::text::LocaleCode;
use serde::{Deserialize, Serialize};

/// One child's finished booklet. This is the plaintext inside a sealed envelope; on a tablet
/// it only ever exists in memory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletedBooklet {
    /// Random id (32 lowercase hex digits) given when the child finishes; makes imports idempotent.
    pub id: String,
    /// The id of the [`crate::Booklet`] that was filled in, such as "review-7-9".
    pub booklet_id: String,
    /// The revision of that booklet it was finished against: its answers were kept, and its
    /// worries and figures are worked out, with that revision (see [`crate::Draft::finish`]).
    pub booklet_revision: u32,
    /// The language the child used.
    pub locale: LocaleCode,
    /// The child's own age band, which the figures count this booklet in, even when the child
    /// was given a simpler booklet (`booklet_id` is then a younger band's).
    pub age_band: AgeBand,
    /// What the adult entered. Empty for anonymous council surveys.
    pub child: ChildDetails,
    /// The answers, by question id. Skipped questions have no entry.
    pub answers: Answers,
    /// When the child finished, as an RFC 3339 UTC time ("2026-11-22T10:15:00Z"). A council
    /// survey keeps only the UTC day ("2026-11-22", see [`crate::Draft::finish`]); survey
    /// answers sealed by older versions carry the full time and are read the same way.
    pub completed_at: String,
}

impl CompletedBooklet {
    /// The calendar date the booklet was finished ("2026-11-22"), which decides its reporting year.
    pub fn completed_on(&self) -> &str {
        self.completed_at.get(..10).unwrap_or(&self.completed_at)
    }
}
