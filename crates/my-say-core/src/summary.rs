//! The IRO's one-page pre-review summary of a child's booklet.
//!
//! An IRO with 70 children has about two minutes per booklet before a review, so the summary
//! puts what shapes the meeting first, in this order:
//!
//! 1. the child's agenda, in the child's own order and words;
//! 2. who they want there (and how much of it they want to be at), where and when;
//! 3. the break and how they will leave;
//! 4. what they do not want talked about;
//! 5. worries: every question about worries, and every answer anywhere in the booklet that
//!    raises one (moved here so no worry is missed further down), each marked;
//! 6. good news;
//! 7. everything else, grouped by [`Theme`] in the theme's order.
//!
//! "I'd rather not say" stays "I'd rather not say", and a question the child saw but skipped
//! is "unanswered". Questions the child was never shown (their `show_if` was not met) are left
//! out: they were not asked. So is the switch of an optional section the child skipped ("Would
//! you like to answer some questions about...?"): skipping it is how a child says "not this
//! topic", not a question left unanswered; a switch the child answered is shown. Answers to questions the booklet does not have (another revision
//! of it, or a booklet this build does not know) are listed last, under their question ids, so
//! nothing the child said is hidden.

use crate::age_band::AgeBand;
use crate::answer::{Answer, Pick};
use crate::booklet::{AnswerKind, Booklet, Question, QuestionId, Theme};
use crate::record::CompletedBooklet;
use crate::session::{is_worrying, Session};
use crate::text::{LocaleCode, Text};

/// A part of the summary, in the order the summary shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SummaryPart {
    /// What the child wants to talk about first.
    Agenda,
    /// Who the child wants at the review, and how much of it they want to be at.
    WhoComes,
    /// Where and when the review happens.
    WhereAndWhen,
    /// Having a break, and how the child will leave if they want to.
    BreakAndLeaving,
    /// What the child does not want talked about.
    NotToDiscuss,
    /// Worries, and every answer that raises one.
    Worries,
    /// Good news.
    GoodNews,
    /// The rest, one part per theme.
    Theme(Theme),
}

/// One item the child picked, as the summary shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryPick {
    /// A built-in value ("yes", "not_sure", "no", a face), for the app to word; also an option
    /// id the booklet no longer has, shown as it is.
    Value(String),
    /// One of the question's options, with its wording.
    Option(Text),
    /// Something the child added in their own words.
    Own(String),
}

/// An answer, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SummaryAnswer {
    /// The child saw the question and did not answer it.
    Unanswered,
    /// The child chose "I'd rather not say".
    RatherNotSay,
    /// What the child picked, in the child's order.
    Picks(Vec<SummaryPick>),
    /// The child's own words, exactly as written.
    Words(String),
}

/// One question and its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryItem {
    /// The question's id.
    pub question_id: QuestionId,
    /// The question as the child read it (the wording for their age band).
    pub question: Text,
    /// The answer.
    pub answer: SummaryAnswer,
    /// Whether the answer raises a worry to follow up.
    pub worrying: bool,
    /// Whether the child put the picks in order (most important first), so the order matters.
    pub ordered: bool,
}

/// One part of the summary with its questions, in booklet order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummarySection {
    /// Which part this is.
    pub part: SummaryPart,
    /// Its questions.
    pub items: Vec<SummaryItem>,
}

/// A child's booklet as the IRO's one-page summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The parts that have questions, in summary order.
    pub sections: Vec<SummarySection>,
    /// The booklet's fallback language for wording missing in the IRO's language.
    pub fallback: LocaleCode,
    /// How many answers raise a worry.
    pub worries: usize,
    /// How many questions the child was shown but did not answer.
    pub unanswered: usize,
    /// The band of the booklet the child used, when it is not their own band's (the adult gave
    /// them a simpler booklet); `None` when they used their own band's booklet.
    pub simpler_booklet: Option<AgeBand>,
    /// The people options the adult hid before handing the tablet over, as the booklet words
    /// them (an id the booklet does not have, as it is), so nobody reads a missing "mum" as
    /// the child's choice; empty when the adult hid nothing.
    pub hidden_people: Vec<Text>,
}

/// The summary part a theme belongs to (worrying answers are moved to
/// [`SummaryPart::Worries`] whatever their theme).
pub fn part_of(theme: Theme) -> SummaryPart {
    match theme {
        Theme::Agenda => SummaryPart::Agenda,
        Theme::People | Theme::Attendance => SummaryPart::WhoComes,
        Theme::PlaceAndTime => SummaryPart::WhereAndWhen,
        Theme::BreakAndLeaving => SummaryPart::BreakAndLeaving,
        Theme::NotToDiscuss => SummaryPart::NotToDiscuss,
        Theme::Worries => SummaryPart::Worries,
        Theme::GoodNews => SummaryPart::GoodNews,
        other => SummaryPart::Theme(other),
    }
}

/// The definition `booklet` was filled in with, from `definitions` (matched by booklet id).
pub fn definition_for<'a>(
    booklet: &CompletedBooklet,
    definitions: &'a [Booklet],
) -> Option<&'a Booklet> {
    definitions.iter().find(|d| d.id == booklet.booklet_id)
}

fn summary_answer(question: Option<&Question>, answer: Option<&Answer>) -> SummaryAnswer {
    let option = |id: &str| {
        question
            .and_then(|q| q.options().iter().find(|c| c.id == id))
            .map_or_else(
                || SummaryPick::Value(id.to_owned()),
                |c| SummaryPick::Option(c.label.clone()),
            )
    };
    match answer {
        None => SummaryAnswer::Unanswered,
        Some(a) if a.is_empty() => SummaryAnswer::Unanswered,
        Some(Answer::RatherNotSay) => SummaryAnswer::RatherNotSay,
        Some(Answer::Picked(v)) => SummaryAnswer::Picks(vec![option(v)]),
        Some(Answer::PickedMany(picks)) => SummaryAnswer::Picks(
            picks
                .iter()
                .map(|p| match p {
                    Pick::Option(id) => option(id),
                    Pick::Own(words) => SummaryPick::Own(words.clone()),
                })
                .collect(),
        ),
        Some(Answer::Words(w)) => SummaryAnswer::Words(w.clone()),
    }
}

/// The one-page summary of `booklet`, filled in with `definition` (`None` when this build does
/// not have it: every answer is then listed under its question id).
pub fn summarise(booklet: &CompletedBooklet, definition: Option<&Booklet>) -> Summary {
    let mut placed: Vec<(SummaryPart, SummaryItem)> = Vec::new();
    if let Some(def) = definition {
        let session = Session::new(def, booklet.age_band, &booklet.answers);
        for q in session.visible_questions() {
            let answer = booklet.answers.get(&q.id);
            if answer.is_none() && def.is_switch(&q.id) {
                continue;
            }
            let worrying = answer.is_some_and(|a| is_worrying(q, a));
            let part = if worrying {
                SummaryPart::Worries
            } else {
                part_of(q.theme)
            };
            placed.push((
                part,
                SummaryItem {
                    question_id: q.id.clone(),
                    question: session.text_of(q).clone(),
                    answer: summary_answer(Some(q), answer),
                    worrying,
                    ordered: matches!(q.kind, AnswerKind::PickAndOrder { .. }),
                },
            ));
        }
    }
    // Answers the definition does not explain, in id order, so nothing the child said is lost.
    for (id, answer) in &booklet.answers {
        let known = definition.is_some_and(|d| d.question(id).is_some());
        if known {
            continue;
        }
        placed.push((
            SummaryPart::Theme(Theme::Other),
            SummaryItem {
                question_id: id.clone(),
                question: Text::en(id.as_str()),
                answer: summary_answer(None, Some(answer)),
                worrying: false,
                ordered: false,
            },
        ));
    }

    // A stable sort keeps booklet order within each part.
    placed.sort_by_key(|(part, _)| *part);
    let mut sections: Vec<SummarySection> = Vec::new();
    for (part, item) in placed {
        match sections.last_mut() {
            Some(s) if s.part == part => s.items.push(item),
            _ => sections.push(SummarySection {
                part,
                items: vec![item],
            }),
        }
    }
    let items = || sections.iter().flat_map(|s| s.items.iter());
    let people = definition.map(Booklet::people_options).unwrap_or_default();
    let hidden_people = booklet
        .child
        .hidden_people
        .iter()
        .map(|id| {
            people
                .iter()
                .find(|c| &c.id == id)
                .map_or_else(|| Text::en(id), |c| c.label.clone())
        })
        .collect();
    Summary {
        hidden_people,
        worries: items().filter(|i| i.worrying).count(),
        unanswered: items()
            .filter(|i| i.answer == SummaryAnswer::Unanswered)
            .count(),
        fallback: definition.map_or_else(|| booklet.locale.clone(), Booklet::fallback_locale),
        simpler_booklet: definition
            .filter(|d| !d.age_bands.contains(&booklet.age_band))
            .and_then(|d| d.age_bands.first().copied()),
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::age_band::AgeBand;
    use crate::builtin::{builtin_booklets, builtin_for};
    use crate::child::ChildDetails;
    use proptest::prelude::*;

    fn q(id: &str) -> QuestionId {
        QuestionId::new(id)
    }

    fn child(band: AgeBand, answers: Vec<(&str, Answer)>) -> CompletedBooklet {
        CompletedBooklet {
            id: "0123456789abcdef0123456789abcdef".into(),
            booklet_id: builtin_for(band).id,
            booklet_revision: 1,
            locale: LocaleCode::new("en"),
            age_band: band,
            child: ChildDetails {
                name: "Tia".into(),
                age_band: Some(band),
                review_date: "2026-12-01".into(),
                ..Default::default()
            },
            answers: answers.into_iter().map(|(k, v)| (q(k), v)).collect(),
            completed_at: "2026-11-22T10:15:00Z".into(),
        }
    }

    fn picked(v: &str) -> Answer {
        Answer::Picked(v.into())
    }

    fn parts(s: &Summary) -> Vec<SummaryPart> {
        s.sections.iter().map(|s| s.part).collect()
    }

    fn item<'a>(s: &'a Summary, id: &str) -> (&'a SummaryPart, &'a SummaryItem) {
        s.sections
            .iter()
            .flat_map(|sec| sec.items.iter().map(move |i| (&sec.part, i)))
            .find(|(_, i)| i.question_id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} is not in the summary"))
    }

    #[test]
    fn planning_comes_first_then_worries_good_news_and_the_rest_by_theme() {
        let b = child(
            AgeBand::TenToFifteen,
            vec![
                (
                    "talk_first",
                    Answer::PickedMany(vec![
                        Pick::Own("My cat Biscuit".into()),
                        Pick::Option("school".into()),
                    ]),
                ),
                ("feel_safe", picked("no")),
                ("worries", picked("yes")),
                ("worry_details", Answer::Words("My brother's friend".into())),
                (
                    "good_news",
                    Answer::Words("I got into the football team".into()),
                ),
                ("want_break", Answer::RatherNotSay),
            ],
        );
        let def = builtin_for(AgeBand::TenToFifteen);
        let s = summarise(&b, Some(&def));
        let mut expected = vec![
            SummaryPart::Agenda,
            SummaryPart::WhoComes,
            SummaryPart::WhereAndWhen,
            SummaryPart::BreakAndLeaving,
            SummaryPart::NotToDiscuss,
            SummaryPart::Worries,
            SummaryPart::GoodNews,
        ];
        expected.extend(
            [
                Theme::Chairing,
                Theme::SeeIroAlone,
                Theme::Home,
                Theme::FriendsAndFamily,
                Theme::SchoolAndHealth,
                Theme::Support,
                Theme::Plan,
                Theme::LastReview,
                Theme::BeingHeard,
                Theme::LifeStory,
                Theme::Other,
            ]
            .map(SummaryPart::Theme),
        );
        assert_eq!(parts(&s), expected);
        // The agenda, in the child's order and words.
        let agenda = &s.sections[0].items[0];
        assert!(agenda.ordered);
        match &agenda.answer {
            SummaryAnswer::Picks(picks) => {
                assert_eq!(picks[0], SummaryPick::Own("My cat Biscuit".into()));
                assert!(
                    matches!(&picks[1], SummaryPick::Option(t) if t.get(&LocaleCode::new("en"), &LocaleCode::new("en")).to_lowercase().contains("school"))
                );
            }
            other => panic!("agenda answer is {other:?}"),
        }
        // "Who comes" holds the people question and how much of it the child will attend.
        let who: Vec<&str> = s.sections[1]
            .items
            .iter()
            .map(|i| i.question_id.as_str())
            .collect();
        assert_eq!(who, ["who_comes", "attend"]);
        // The worrying answer about feeling safe moves up into worries, in booklet order, marked.
        let worries: Vec<(&str, bool)> = s.sections[5]
            .items
            .iter()
            .map(|i| (i.question_id.as_str(), i.worrying))
            .collect();
        assert_eq!(
            worries,
            [
                ("feel_safe", true),
                ("worries", true),
                ("worry_details", false)
            ]
        );
        assert_eq!(s.worries, 2);
        assert_eq!(item(&s, "want_break").1.answer, SummaryAnswer::RatherNotSay);
        assert_eq!(item(&s, "review_where").1.answer, SummaryAnswer::Unanswered);
        assert_eq!(
            item(&s, "worry_details").1.answer,
            SummaryAnswer::Words("My brother's friend".into())
        );
        // Home keeps only the non-worrying question.
        let home = s
            .sections
            .iter()
            .find(|x| x.part == SummaryPart::Theme(Theme::Home))
            .unwrap();
        assert_eq!(home.items.len(), 1);
        assert_eq!(home.items[0].question_id.as_str(), "happy_where_live");
    }

    #[test]
    fn questions_never_shown_are_left_out_and_skipped_ones_are_unanswered() {
        let def = builtin_for(AgeBand::FourToSix);
        let calm = child(AgeBand::FourToSix, vec![("worries", picked("no"))]);
        let s = summarise(&calm, Some(&def));
        assert!(
            s.sections
                .iter()
                .flat_map(|x| &x.items)
                .all(|i| i.question_id.as_str() != "worry_details"),
            "the follow-on question was not asked"
        );
        let shown = s.sections.iter().map(|x| x.items.len()).sum::<usize>();
        assert_eq!(s.unanswered, shown - 1);
        assert_eq!(s.worries, 0);
        // The wording is the child's band's.
        assert_eq!(
            item(&s, "feel_safe")
                .1
                .question
                .get(&LocaleCode::new("en"), &s.fallback),
            "Do you feel safe where you live now?"
        );
    }

    #[test]
    fn the_summary_says_which_people_the_adult_hid_and_keeps_who_the_child_added() {
        let mut b = child(
            AgeBand::FourToSix,
            vec![(
                "who_comes",
                Answer::PickedMany(vec![
                    Pick::Option("carer".into()),
                    Pick::Own("Nan Pat".into()),
                ]),
            )],
        );
        let def = builtin_for(AgeBand::FourToSix);
        let s = summarise(&b, Some(&def));
        assert!(s.hidden_people.is_empty(), "nothing hidden, nothing said");
        b.child.hidden_people = vec!["mum".into(), "dad".into(), "gone_from_the_booklet".into()];
        let s = summarise(&b, Some(&def));
        let en = LocaleCode::new("en");
        let hidden: Vec<&str> = s
            .hidden_people
            .iter()
            .map(|t| t.get(&en, &s.fallback))
            .collect();
        assert_eq!(hidden, ["My mum", "My dad", "gone_from_the_booklet"]);
        assert_eq!(
            item(&s, "who_comes").1.answer,
            SummaryAnswer::Picks(vec![
                SummaryPick::Option(def.people_options()[0].label.clone()),
                SummaryPick::Own("Nan Pat".into())
            ])
        );
    }

    #[test]
    fn answers_the_booklet_does_not_know_are_still_shown() {
        let mut b = child(
            AgeBand::SixteenPlus,
            vec![
                ("feel_safe", picked("yes")),
                ("old_question", Answer::Words("still here".into())),
                (
                    "who_comes",
                    Answer::PickedMany(vec![Pick::Option("grandad".into())]),
                ),
            ],
        );
        let def = builtin_for(AgeBand::SixteenPlus);
        let s = summarise(&b, Some(&def));
        let (part, old) = item(&s, "old_question");
        assert_eq!(*part, SummaryPart::Theme(Theme::Other));
        assert_eq!(old.answer, SummaryAnswer::Words("still here".into()));
        // An option id the booklet no longer has is shown as it is.
        assert_eq!(
            item(&s, "who_comes").1.answer,
            SummaryAnswer::Picks(vec![SummaryPick::Value("grandad".into())])
        );
        // No definition at all: every answer, by id, nothing lost.
        b.booklet_id = "council-survey-2027".into();
        assert!(definition_for(&b, &builtin_booklets()).is_none());
        let s = summarise(&b, None);
        assert_eq!(parts(&s), [SummaryPart::Theme(Theme::Other)]);
        assert_eq!(s.sections[0].items.len(), 3);
        assert_eq!(
            item(&s, "feel_safe").1.answer,
            SummaryAnswer::Picks(vec![SummaryPick::Value("yes".into())])
        );
    }

    fn any_answer() -> impl Strategy<Value = Answer> {
        prop_oneof![
            Just(Answer::RatherNotSay),
            prop::sample::select(vec!["yes", "no", "not_sure", "very_sad", "happy", "school"])
                .prop_map(|v| Answer::Picked(v.into())),
            "[a-z ]{1,12}".prop_map(Answer::Words),
            prop::collection::vec(
                prop_oneof![
                    "[a-z]{1,8}".prop_map(Pick::Own),
                    prop::sample::select(vec!["school", "family", "carer", "mum"])
                        .prop_map(|v| Pick::Option(v.into())),
                ],
                1..4
            )
            .prop_map(Answer::PickedMany),
        ]
    }

    proptest! {
        /// Whatever the child answered, every shown question appears exactly once, every
        /// answer is somewhere, and the parts come in summary order.
        #[test]
        fn every_question_once_and_parts_in_order(
            band in prop::sample::select(AgeBand::ALL.to_vec()),
            answers in prop::collection::btree_map(
                prop::sample::select(vec![
                    "talk_first", "who_comes", "feel_safe", "worries", "worry_details",
                    "good_news", "school", "trusted_adult", "not_to_talk", "unknown_q",
                ]),
                any_answer(),
                0..10,
            ),
        ) {
            let b = child(band, answers.into_iter().collect());
            let def = builtin_for(band);
            let s = summarise(&b, Some(&def));
            let ids: Vec<&str> = s.sections.iter().flat_map(|x| &x.items).map(|i| i.question_id.as_str()).collect();
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(unique.len(), ids.len());
            let session = Session::new(&def, band, &b.answers);
            for q in session.visible_questions() {
                // A skipped switch of an optional section is the one visible question left out.
                let skipped_switch = def.is_switch(&q.id) && !b.answers.contains_key(&q.id);
                prop_assert_eq!(ids.contains(&q.id.as_str()), !skipped_switch);
            }
            for id in b.answers.keys() {
                if def.question(id).is_none() || session.is_visible(id) {
                    prop_assert!(ids.contains(&id.as_str()));
                }
            }
            let order: Vec<SummaryPart> = parts(&s);
            prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
            prop_assert_eq!(s.worries, crate::session::worries(&def, &b.answers).len());
            for sec in &s.sections {
                for i in &sec.items {
                    prop_assert!(!i.worrying || sec.part == SummaryPart::Worries);
                }
            }
        }
    }
}
