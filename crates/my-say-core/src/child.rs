//! What the adult enters before handing the tablet to the child.

use crate::age_band::AgeBand;
use crate::calendar::{age_on, Date};
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

crate::serde_by_hand::by_name!(TakingPart {
    OnTheirOwn = "on_their_own",
    ReadToThem = "read_to_them",
    WrittenForThem = "written_for_them",
    Signed = "signed",
    Symbols = "symbols",
    Interpreter = "interpreter",
});

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

/// What the adult has entered on the start form, as typed, before it is checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartForm {
    /// The child's first name or initials.
    pub name: String,
    /// The age band ticked, if any (a date of birth, when given, decides instead).
    pub band: Option<AgeBand>,
    /// The date of birth as the date field gives it ("YYYY-MM-DD"), or empty.
    pub date_of_birth: String,
    /// A younger band's booklet chosen as simpler for this child, if any.
    pub simpler: Option<AgeBand>,
    /// The review date as the date field gives it, or empty.
    pub review_date: String,
    /// The IRO's name, or empty.
    pub iro_name: String,
    /// How to contact the IRO, or empty.
    pub iro_contact: String,
    /// The council's case reference, or empty.
    pub case_reference: String,
    /// How the child took part.
    pub took_part: Vec<TakingPart>,
    /// The people options the adult unticked.
    pub hidden_people: Vec<String>,
    /// Whether the booklet's language addresses a boy and a girl in different words (Arabic),
    /// so the adult must choose which.
    pub needs_forms: bool,
    /// The forms chosen: `Some(true)` for feminine.
    pub feminine: Option<bool>,
}

/// One thing on the start form that stops the booklet starting, in the order the form shows
/// them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StartProblem {
    /// No name or initials.
    Name,
    /// A date of birth that is not a real date, or is in the future.
    DateOfBirth,
    /// Neither an age band nor a date of birth.
    Band,
    /// A "simpler" booklet that is not a younger band's than the child's own.
    Simpler,
    /// No review date.
    ReviewDate,
    /// A language with masculine and feminine forms, and neither chosen.
    Forms,
}

/// A start form that passed its checks: the child's details and the booklet to fill in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Started {
    /// The details to keep with the booklet (the child's own band in `age_band`).
    pub child: ChildDetails,
    /// The band of the booklet the child fills in: their own, or the simpler one chosen.
    pub booklet_band: AgeBand,
    /// Whether the booklet speaks to the child in feminine forms.
    pub feminine: bool,
}

/// The band a child is in on `today`: from the date of birth when one is given (none if it is
/// not a real date or is in the future), otherwise the band ticked.
pub fn band_on(date_of_birth: &str, ticked: Option<AgeBand>, today: Date) -> Option<AgeBand> {
    match date_of_birth.trim() {
        "" => ticked,
        dob => Date::parse(dob)
            .ok()
            .and_then(|born| age_on(born, today))
            .map(AgeBand::from_age),
    }
}

/// The band of the booklet the child will fill in, as far as the start form says yet: the
/// simpler (younger) band chosen, else the child's own ([`band_on`]).
pub fn booklet_band(
    simpler: Option<AgeBand>,
    date_of_birth: &str,
    ticked: Option<AgeBand>,
    today: Date,
) -> Option<AgeBand> {
    simpler.or(band_on(date_of_birth, ticked, today))
}

impl StartForm {
    /// Checks the form on `today`: the details to start with, or every problem at once.
    pub fn check(self, today: Date) -> Result<Started, Vec<StartProblem>> {
        let mut problems = Vec::new();
        if self.name.trim().is_empty() {
            problems.push(StartProblem::Name);
        }
        let dob = self.date_of_birth.trim().to_owned();
        let from_dob = band_on(&dob, None, today);
        if !dob.is_empty() && from_dob.is_none() {
            problems.push(StartProblem::DateOfBirth);
        }
        let band = from_dob.or(self.band);
        if band.is_none() && dob.is_empty() {
            problems.push(StartProblem::Band);
        }
        // A simpler booklet is a younger band's; the child is still counted in their own band.
        if self.simpler.zip(band).is_some_and(|(s, b)| s >= b) {
            problems.push(StartProblem::Simpler);
        }
        if self.review_date.trim().is_empty() {
            problems.push(StartProblem::ReviewDate);
        }
        if self.needs_forms && self.feminine.is_none() {
            problems.push(StartProblem::Forms);
        }
        let Some(band) = band else {
            // Never without a problem named: a form that cannot start always says why.
            if problems.is_empty() {
                problems.push(StartProblem::Band);
            }
            return Err(problems);
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        let optional = |s: String| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        };
        Ok(Started {
            booklet_band: self.simpler.unwrap_or(band),
            feminine: self.needs_forms && self.feminine == Some(true),
            child: ChildDetails {
                name: self.name.trim().to_owned(),
                age_band: Some(band),
                date_of_birth: (!dob.is_empty()).then_some(dob),
                review_date: self.review_date,
                iro_name: optional(self.iro_name),
                iro_contact: optional(self.iro_contact),
                case_reference: optional(self.case_reference),
                took_part: self.took_part,
                hidden_people: self.hidden_people,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn filled() -> StartForm {
        StartForm {
            name: " Sam ".into(),
            band: Some(AgeBand::SevenToNine),
            review_date: "2026-12-20".into(),
            iro_name: "  ".into(),
            iro_contact: " 01234 ".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_filled_form_starts_with_trimmed_details_and_blank_fields_left_out() {
        let started = filled().check(day("2026-12-06")).unwrap();
        assert_eq!(started.booklet_band, AgeBand::SevenToNine);
        assert!(!started.feminine);
        assert_eq!(started.child.name, "Sam");
        assert_eq!(started.child.age_band, Some(AgeBand::SevenToNine));
        assert_eq!(started.child.iro_name, None);
        assert_eq!(started.child.iro_contact.as_deref(), Some("01234"));
        assert_eq!(started.child.date_of_birth, None);
    }

    #[test]
    fn an_empty_form_names_every_problem_in_the_forms_order() {
        let form = StartForm {
            needs_forms: true,
            ..Default::default()
        };
        assert_eq!(
            form.check(day("2026-12-06")),
            Err(vec![
                StartProblem::Name,
                StartProblem::Band,
                StartProblem::ReviewDate,
                StartProblem::Forms
            ])
        );
    }

    #[test]
    fn the_date_of_birth_decides_the_band_over_the_one_ticked() {
        let form = StartForm {
            date_of_birth: "2019-12-07".into(),
            ..filled()
        };
        // Seven on 2026-12-06 less a day: still six.
        let started = form.clone().check(day("2026-12-06")).unwrap();
        assert_eq!(started.child.age_band, Some(AgeBand::FourToSix));
        assert_eq!(started.child.date_of_birth.as_deref(), Some("2019-12-07"));
        let band_on_the_7th = booklet_band(None, &form.date_of_birth, form.band, day("2026-12-07"));
        assert_eq!(band_on_the_7th, Some(AgeBand::SevenToNine));
        let simpler = booklet_band(
            Some(AgeBand::FourToSix),
            &form.date_of_birth,
            None,
            day("2026-12-07"),
        );
        assert_eq!(simpler, Some(AgeBand::FourToSix));
    }

    #[test]
    fn a_date_of_birth_that_is_not_a_day_or_is_to_come_is_a_problem() {
        for dob in ["2020-02-30", "next week", "2027-01-01"] {
            let form = StartForm {
                date_of_birth: dob.into(),
                ..filled()
            };
            let band = booklet_band(None, &form.date_of_birth, form.band, day("2026-12-06"));
            assert_eq!(band, None, "{dob}");
            assert_eq!(
                form.check(day("2026-12-06")),
                Err(vec![StartProblem::DateOfBirth]),
                "{dob}"
            );
        }
    }

    #[test]
    fn problems_are_named_in_the_order_the_form_asks() {
        let form = StartForm {
            name: " ".into(),
            date_of_birth: "2027-01-01".into(),
            simpler: Some(AgeBand::SixteenPlus),
            review_date: String::new(),
            ..filled()
        };
        assert_eq!(
            form.check(day("2026-12-06")),
            Err(vec![
                StartProblem::Name,
                StartProblem::DateOfBirth,
                StartProblem::Simpler,
                StartProblem::ReviewDate
            ])
        );
    }

    #[test]
    fn a_simpler_booklet_must_be_a_younger_bands() {
        let younger = StartForm {
            simpler: Some(AgeBand::FourToSix),
            ..filled()
        };
        let started = younger.check(day("2026-12-06")).unwrap();
        assert_eq!(started.booklet_band, AgeBand::FourToSix);
        assert_eq!(started.child.age_band, Some(AgeBand::SevenToNine));
        for band in [AgeBand::SevenToNine, AgeBand::SixteenPlus] {
            let form = StartForm {
                simpler: Some(band),
                ..filled()
            };
            assert_eq!(
                form.check(day("2026-12-06")),
                Err(vec![StartProblem::Simpler])
            );
        }
    }

    #[test]
    fn forms_are_asked_only_where_the_language_has_them() {
        let arabic = |feminine| StartForm {
            needs_forms: true,
            feminine,
            ..filled()
        };
        assert!(
            arabic(Some(true))
                .check(day("2026-12-06"))
                .unwrap()
                .feminine
        );
        assert!(
            !arabic(Some(false))
                .check(day("2026-12-06"))
                .unwrap()
                .feminine
        );
        let english = StartForm {
            feminine: Some(true),
            ..filled()
        };
        assert!(!english.check(day("2026-12-06")).unwrap().feminine);
    }

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
