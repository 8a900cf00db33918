//! What the adult enters before handing the tablet to the child.

use crate::age_band::AgeBand;
use serde::{Deserialize, Serialize};

/// The details an adult enters to start a booklet. Dates are ISO 8601 calendar dates ("2026-11-22").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildDetails {
    /// First name or initials: what the IRO needs to recognise the child, no more.
    pub name: String,
    /// The booklet's age band, chosen directly or worked out from the date of birth.
    pub age_band: Option<AgeBand>,
    /// Date of birth, when the adult gave one instead of an age band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// The date of the review this booklet is for.
    pub review_date: String,
    /// The IRO's name, shown to the child on the "it's OK to tell" screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iro_name: Option<String>,
    /// How to contact the IRO (phone or email), shown on the "it's OK to tell" screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iro_contact: Option<String>,
    /// The council's case reference, if the adult has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<String>,
}
