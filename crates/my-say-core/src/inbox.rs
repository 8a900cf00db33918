//! The IRO's inbox and follow-up list: what to read, and what to act on, first.
//!
//! The inbox lists every booklet with the child, age band, review date, when it was finished
//! and whether the IRO has read it. Booklets with a worry still open come first, so no
//! worrying answer waits behind newer, calmer booklets; then the newest. Once every worry in a
//! booklet is followed up it is still marked, but takes its place by date again: with 70 to
//! 100 children, booklets whose worries are dealt with would otherwise bury the new ones.
//!
//! Search matches the child's name or case reference, ignoring case and accents ("sian"
//! finds "Siân"); filters narrow by age band, unread, and open worries.

use crate::age_band::AgeBand;
use crate::booklet::Booklet;
use crate::calendar::Date;
use crate::followup::{follow_up_id, FollowUp, FollowUpStatus};
use crate::record::CompletedBooklet;
use crate::session::worries;
use crate::summary::definition_for;
use std::collections::{BTreeSet, HashMap};

/// One booklet as the inbox lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboxEntry {
    /// The completed booklet's id.
    pub id: String,
    /// The child's name or initials.
    pub child_name: String,
    /// The council's case reference, if the adult gave one.
    pub case_reference: Option<String>,
    /// The age band.
    pub age_band: AgeBand,
    /// The review date the booklet is for.
    pub review_date: String,
    /// When the child finished (RFC 3339).
    pub completed_at: String,
    /// Whether the IRO has opened its summary.
    pub read: bool,
    /// How many answers raise a worry.
    pub worries: usize,
    /// How many of those are not yet closed (a worry with no follow-up stored counts as open).
    pub open_worries: usize,
}

impl InboxEntry {
    /// The day the child finished ("2026-11-22").
    pub fn completed_on(&self) -> &str {
        self.completed_at.get(..10).unwrap_or(&self.completed_at)
    }
}

/// The inbox's entries for `booklets`, using their definitions to find worries, the stored
/// follow-ups to see which are still open, and the ids of booklets already read.
pub fn inbox_entries(
    booklets: &[CompletedBooklet],
    definitions: &[Booklet],
    follow_ups: &[FollowUp],
    read: &BTreeSet<String>,
) -> Vec<InboxEntry> {
    let by_id: HashMap<String, &FollowUp> = follow_ups.iter().map(|f| (f.id(), f)).collect();
    booklets
        .iter()
        .map(|b| {
            let worrying = definition_for(b, definitions)
                .map(|d| worries(d, &b.answers))
                .unwrap_or_default();
            let open = worrying
                .iter()
                .filter(|q| {
                    by_id
                        .get(&follow_up_id(&b.id, q))
                        .is_none_or(|f| !f.is_closed())
                })
                .count();
            InboxEntry {
                id: b.id.clone(),
                child_name: b.child.name.clone(),
                case_reference: b.child.case_reference.clone(),
                age_band: b.age_band,
                review_date: b.child.review_date.clone(),
                completed_at: b.completed_at.clone(),
                read: read.contains(&b.id),
                worries: worrying.len(),
                open_worries: open,
            }
        })
        .collect()
}

/// What the IRO narrowed the inbox to. The default shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InboxFilter {
    /// Words to find in the child's name or case reference.
    pub search: String,
    /// Only this age band.
    pub age_band: Option<AgeBand>,
    /// Only booklets not yet read.
    pub unread_only: bool,
    /// Only booklets with a worry still open.
    pub open_worries_only: bool,
}

/// Lower case, with the accents of Latin letters taken off, so a search typed without them
/// (on any keyboard) still finds "Siân", "Gwenllïan" or "Zoë".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
            'ł' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ŵ' | 'ẁ' | 'ẃ' | 'ẅ' => 'w',
            'ý' | 'ÿ' | 'ŷ' | 'ỳ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            other => other,
        })
        .collect()
}

impl InboxFilter {
    /// Whether the entry passes every part of the filter. Each word searched for must be in
    /// the name or case reference.
    pub fn matches(&self, entry: &InboxEntry) -> bool {
        if self.age_band.is_some_and(|b| b != entry.age_band)
            || (self.unread_only && entry.read)
            || (self.open_worries_only && entry.open_worries == 0)
        {
            return false;
        }
        let haystack = fold(&format!(
            "{} {}",
            entry.child_name,
            entry.case_reference.as_deref().unwrap_or("")
        ));
        fold(&self.search)
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// Whether anything narrows the list.
    pub fn is_active(&self) -> bool {
        !self.search.trim().is_empty()
            || self.age_band.is_some()
            || self.unread_only
            || self.open_worries_only
    }
}

/// The inbox order: booklets with a worry still open first, then the newest finished first;
/// ties by name, then id, so the order never changes between visits.
pub fn sort_inbox(entries: &mut [InboxEntry]) {
    entries.sort_by(|a, b| {
        (b.open_worries > 0)
            .cmp(&(a.open_worries > 0))
            .then_with(|| b.completed_at.cmp(&a.completed_at))
            .then_with(|| fold(&a.child_name).cmp(&fold(&b.child_name)))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// The entries that pass `filter`, in inbox order.
pub fn inbox(entries: &[InboxEntry], filter: &InboxFilter) -> Vec<InboxEntry> {
    let mut shown: Vec<InboxEntry> = entries
        .iter()
        .filter(|e| filter.matches(e))
        .cloned()
        .collect();
    sort_inbox(&mut shown);
    shown
}

/// The follow-up list's order as of `today`: overdue first (longest overdue first), then open
/// (soonest due first), then closed (most recently closed first); ties by id.
pub fn sort_follow_ups(follow_ups: &mut [FollowUp], today: Date) {
    let rank = |f: &FollowUp| match f.status(today) {
        FollowUpStatus::Overdue => (0, f.due_on.days_since_epoch()),
        FollowUpStatus::Open => (1, f.due_on.days_since_epoch()),
        FollowUpStatus::Closed => (2, -f.closed.map_or(0, |c| c.on.days_since_epoch())),
    };
    follow_ups.sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.id().cmp(&b.id())));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Answer;
    use crate::builtin::{builtin_booklets, builtin_for};
    use crate::calendar::default_bank_holidays;
    use crate::child::ChildDetails;
    use crate::followup::{open_follow_ups, FollowUpAction, FollowUpActionKind};
    use crate::text::LocaleCode;
    use crate::QuestionId;
    use proptest::prelude::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn booklet(
        n: u8,
        name: &str,
        band: AgeBand,
        completed_at: &str,
        safe: &str,
    ) -> CompletedBooklet {
        CompletedBooklet {
            id: format!("{n:032x}"),
            booklet_id: builtin_for(band).id,
            booklet_revision: 1,
            locale: LocaleCode::new("en"),
            age_band: band,
            child: ChildDetails {
                name: name.into(),
                age_band: Some(band),
                review_date: "2026-12-01".into(),
                case_reference: Some(format!("CR-{n:03}")),
                ..Default::default()
            },
            answers: [(QuestionId::new("feel_safe"), Answer::Picked(safe.into()))]
                .into_iter()
                .collect(),
            completed_at: completed_at.into(),
        }
    }

    fn sample() -> Vec<CompletedBooklet> {
        vec![
            booklet(
                1,
                "Amira",
                AgeBand::SevenToNine,
                "2026-11-20T10:00:00Z",
                "yes",
            ),
            booklet(
                2,
                "Siân",
                AgeBand::TenToFifteen,
                "2026-11-18T10:00:00Z",
                "no",
            ),
            booklet(
                3,
                "Kai",
                AgeBand::SixteenPlus,
                "2026-11-22T10:00:00Z",
                "yes",
            ),
            booklet(
                4,
                "Zoë",
                AgeBand::FourToSix,
                "2026-11-19T10:00:00Z",
                "not_sure",
            ),
        ]
    }

    fn names(entries: &[InboxEntry]) -> Vec<&str> {
        entries.iter().map(|e| e.child_name.as_str()).collect()
    }

    #[test]
    fn open_worries_first_then_newest_and_closed_worries_take_their_date_place() {
        let books = sample();
        let defs = builtin_booklets();
        let read: BTreeSet<String> = [books[0].id.clone()].into();
        let entries = inbox_entries(&books, &defs, &[], &read);
        let all = inbox(&entries, &InboxFilter::default());
        assert_eq!(names(&all), ["Zoë", "Siân", "Kai", "Amira"]);
        assert_eq!((all[0].worries, all[0].open_worries), (1, 1));
        assert!(all[3].read && !all[0].read);

        // Siân's worry is followed up and closed: still marked, but back in date order.
        let mut f = open_follow_ups(
            &books[1],
            &defs[2],
            d("2026-11-18"),
            &default_bank_holidays(),
        );
        f[0].record(FollowUpAction {
            kind: FollowUpActionKind::NoFurtherAction,
            note: "Talked it through; she was upset about a lost phone".into(),
            date: d("2026-11-19"),
        })
        .unwrap();
        let entries = inbox_entries(&books, &defs, &f, &read);
        let all = inbox(&entries, &InboxFilter::default());
        assert_eq!(names(&all), ["Zoë", "Kai", "Amira", "Siân"]);
        assert_eq!((all[3].worries, all[3].open_worries), (1, 0));
    }

    #[test]
    fn search_and_filters() {
        let entries = inbox_entries(&sample(), &builtin_booklets(), &[], &BTreeSet::new());
        let find = |f: InboxFilter| names(&inbox(&entries, &f)).join(",");
        let search = |s: &str| {
            find(InboxFilter {
                search: s.into(),
                ..Default::default()
            })
        };
        assert_eq!(search("sian"), "Siân");
        assert_eq!(search("  ZOE "), "Zoë");
        assert_eq!(search("cr-003"), "Kai");
        assert_eq!(search("i"), "Siân,Kai,Amira");
        assert_eq!(search("nobody"), "");
        assert_eq!(
            find(InboxFilter {
                age_band: Some(AgeBand::SixteenPlus),
                ..Default::default()
            }),
            "Kai"
        );
        assert_eq!(
            find(InboxFilter {
                open_worries_only: true,
                ..Default::default()
            }),
            "Zoë,Siân"
        );
        let entries_read = inbox_entries(
            &sample(),
            &builtin_booklets(),
            &[],
            &[format!("{:032x}", 4)].into(),
        );
        assert_eq!(
            names(&inbox(
                &entries_read,
                &InboxFilter {
                    unread_only: true,
                    open_worries_only: true,
                    ..Default::default()
                }
            )),
            ["Siân"]
        );
        assert!(!InboxFilter::default().is_active());
        assert!(!InboxFilter {
            search: "  ".into(),
            ..Default::default()
        }
        .is_active());
        assert!(InboxFilter {
            unread_only: true,
            ..Default::default()
        }
        .is_active());
    }

    #[test]
    fn follow_ups_overdue_then_open_then_closed() {
        let books = sample();
        let defs = builtin_booklets();
        let hols = default_bank_holidays();
        let mut all = Vec::new();
        all.extend(open_follow_ups(&books[1], &defs[2], d("2026-11-16"), &hols)); // due 18th
        all.extend(open_follow_ups(&books[3], &defs[0], d("2026-11-19"), &hols)); // due 23rd
        let mut closed = open_follow_ups(&books[0], &defs[1], d("2026-11-02"), &hols);
        assert!(closed.is_empty(), "Amira feels safe");
        let mut other = booklet(5, "Lee", AgeBand::SevenToNine, "2026-11-02T09:00:00Z", "no");
        other.child.case_reference = None;
        closed = open_follow_ups(&other, &defs[1], d("2026-11-02"), &hols);
        closed[0]
            .record(FollowUpAction {
                kind: FollowUpActionKind::ActionTaken,
                note: "Placement visit".into(),
                date: d("2026-11-03"),
            })
            .unwrap();
        all.extend(closed);
        all.reverse();
        sort_follow_ups(&mut all, d("2026-11-20"));
        let order: Vec<String> = all.iter().map(|f| f.booklet_id.clone()).collect();
        assert_eq!(
            order,
            [
                format!("{:032x}", 2),
                format!("{:032x}", 4),
                format!("{:032x}", 5)
            ]
        );
    }

    proptest! {
        /// Filtering never adds anything, every entry shown passes the filter, and the order
        /// puts every open worry before every booklet without one, newest first within each.
        #[test]
        fn inbox_order_holds(
            rows in prop::collection::vec((0u8..200, 0usize..3, 1u32..28, prop::bool::ANY, prop::sample::select(vec!["Amira", "Siân", "Kai", "Zoë", "Lee"])), 0..40),
            unread_only in prop::bool::ANY,
            worries_only in prop::bool::ANY,
            search in prop::sample::select(vec!["", "a", "SI", "zoe k"]),
        ) {
            let entries: Vec<InboxEntry> = rows.iter().enumerate().map(|(i, (n, open, day, read, name))| InboxEntry {
                id: format!("{i:03}-{n}"),
                child_name: (*name).into(),
                case_reference: None,
                age_band: AgeBand::ALL[usize::from(*n) % 4],
                review_date: "2026-12-01".into(),
                completed_at: format!("2026-11-{day:02}T10:00:00Z"),
                read: *read,
                worries: *open,
                open_worries: *open,
            }).collect();
            let filter = InboxFilter { search: search.into(), unread_only, open_worries_only: worries_only, ..Default::default() };
            let shown = inbox(&entries, &filter);
            prop_assert!(shown.len() <= entries.len());
            prop_assert!(shown.iter().all(|e| filter.matches(e)));
            prop_assert_eq!(shown.len(), entries.iter().filter(|e| filter.matches(e)).count());
            for w in shown.windows(2) {
                let (a, b) = (&w[0], &w[1]);
                prop_assert!((a.open_worries > 0) >= (b.open_worries > 0));
                if (a.open_worries > 0) == (b.open_worries > 0) {
                    prop_assert!(a.completed_at >= b.completed_at);
                }
            }
        }
    }
}
