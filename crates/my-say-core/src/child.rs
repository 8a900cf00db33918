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
    /// How the child took part, as the adult recorded it without judgement (several may
    /// apply; empty when the adult recorded nothing, and in booklets from before it was asked).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub took_part: Vec<TakingPart>,
    /// The people options (by option id, such as "mum") the adult hid before handing the tablet
    /// over: no people question offers them to the child ([`crate::Question::with_people_hidden`]),
    /// and the IRO's summary says so. Empty when the adult hid nothing, and in booklets from
    /// before it could be chosen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_people: Vec<String>,
}

/// One way a child took part in their booklet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TakingPart {
    /// On their own.
    OnTheirOwn,
    /// An adult read it to them.
    ReadToThem,
    /// An adult wrote for them.
    WrittenForThem,
    /// They signed.
    Signed,
    /// With symbols.
    Symbols,
    /// With an interpreter.
    Interpreter,
}

impl TakingPart {
    /// Every way, in the order the start form and the summary list them.
    pub const ALL: [TakingPart; 6] = [
        TakingPart::OnTheirOwn,
        TakingPart::ReadToThem,
        TakingPart::WrittenForThem,
        TakingPart::Signed,
        TakingPart::Symbols,
        TakingPart::Interpreter,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn details_without_how_the_child_took_part_still_read_and_write_the_same() {
        let old = json!({"name": "A", "age_band": "7-9", "review_date": "2026-12-01"});
        let child: ChildDetails = serde_json::from_value(old.clone()).unwrap();
        assert!(child.took_part.is_empty());
        assert_eq!(serde_json::to_value(&child).unwrap(), old);
    }

    #[test]
    fn details_with_how_the_child_took_part_round_trip() {
        let child = ChildDetails {
            name: "A".into(),
            age_band: Some(AgeBand::TenToFifteen),
            review_date: "2026-12-01".into(),
            took_part: vec![TakingPart::ReadToThem, TakingPart::Symbols],
            ..Default::default()
        };
        let value = serde_json::to_value(&child).unwrap();
        assert_eq!(value["took_part"], json!(["read_to_them", "symbols"]));
        let back: ChildDetails = serde_json::from_value(value).unwrap();
        assert_eq!(back, child);
    }

    #[test]
    fn people_the_adult_hid_round_trip_and_are_left_out_when_none() {
        let child = ChildDetails {
            name: "A".into(),
            hidden_people: vec!["mum".into(), "dad".into()],
            ..Default::default()
        };
        let value = serde_json::to_value(&child).unwrap();
        assert_eq!(value["hidden_people"], json!(["mum", "dad"]));
        assert_eq!(
            serde_json::from_value::<ChildDetails>(value).unwrap(),
            child
        );
        let none = serde_json::to_value(ChildDetails::default()).unwrap();
        assert!(none.get("hidden_people").is_none());
    }
}
