//! Follow-ups of worrying answers, kept in [`Area::Workspace`] under `followup/<id>` (the id is
//! `<booklet id>/<question id>`, see `my_say_core::followup::follow_up_id`), one record each,
//! as the core `FollowUp` JSON.
//!
//! Follow-ups open when booklets first enter the workspace ([`open_for`], called by
//! `workspace::add_booklets` for imports and same-device pick-up alike), due two working days
//! after the UK day the child *finished* the booklet (not the day it arrived), with the IRO's
//! bank holidays and the England and Wales rules for years the list does not cover
//! (`my_say_core::followup::due_date`). They are merged by id, so a booklet imported twice
//! never opens a worry twice, and work already recorded is kept.
//!
//! **Follow-ups kept with the old due date** (counted from the import, before the finishing day
//! was recorded) are brought forward the next time [`open_for`] sees their booklet: on a new
//! import of it, and every time the follow-ups page opens (it passes every booklet). The new
//! date is written back once, so the inbox, the CSV and the workspace export all read the same
//! date, and nothing waits longer than it should.

use crate::workspace::settings;
use my_say_core::builtin::builtin_booklets;
use my_say_core::calendar::Date;
use my_say_core::followup::{
    merge_follow_ups, open_follow_ups, FollowUp, FollowUpAction, FollowUpError, MergeCounts,
};
use my_say_core::summary::definition_for;
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::{Area, KeyValueStore, StoreError};
use std::fmt;

/// Follow-ups are kept in [`Area::Workspace`] under this prefix and their id.
pub const FOLLOW_UP_PREFIX: &str = "followup/";

/// Where the follow-up with this id is kept.
pub(crate) fn key(id: &str) -> String {
    format!("{FOLLOW_UP_PREFIX}{id}")
}

/// Every follow-up in the workspace, in id order. A damaged record is skipped rather than
/// hiding every other one.
pub async fn all(store: &impl KeyValueStore) -> Result<Vec<FollowUp>, StoreError> {
    crate::workspace::records(store, FOLLOW_UP_PREFIX).await
}

/// The follow-ups of one booklet, in id order.
pub async fn for_booklet(
    store: &impl KeyValueStore,
    booklet_id: &str,
) -> Result<Vec<FollowUp>, StoreError> {
    let prefix = key(&format!("{booklet_id}/"));
    let mut out = Vec::new();
    for k in store.keys(Area::Workspace).await? {
        if !k.starts_with(&prefix) {
            continue;
        }
        if let Ok(Some(f)) = store.get_json::<FollowUp>(Area::Workspace, &k).await {
            out.push(f);
        }
    }
    Ok(out)
}

/// The follow-up with this id, if there is one.
pub async fn get(store: &impl KeyValueStore, id: &str) -> Result<Option<FollowUp>, StoreError> {
    store.get_json(Area::Workspace, &key(id)).await
}

/// Keeps `follow_up`, replacing the record with the same id.
pub async fn save(store: &impl KeyValueStore, follow_up: &FollowUp) -> Result<(), StoreError> {
    store
        .put_json(Area::Workspace, &key(&follow_up.id()), follow_up)
        .await
}

/// Adds follow-ups by id, as `my_say_core::followup::merge_follow_ups` does: new ones are
/// stored; one already here keeps its dates and gains any actions it lacks. Only what changed
/// is written.
pub async fn merge(
    store: &impl KeyValueStore,
    incoming: impl IntoIterator<Item = FollowUp>,
) -> Result<MergeCounts, StoreError> {
    let (total, changed) = merged(store, incoming).await?;
    store.put_many_json(Area::Workspace, &changed).await?;
    Ok(total)
}

/// What [`merge`] would write, by key, and its counts; nothing is written.
async fn merged(
    store: &impl KeyValueStore,
    incoming: impl IntoIterator<Item = FollowUp>,
) -> Result<(MergeCounts, Vec<(String, FollowUp)>), StoreError> {
    let stored: std::collections::BTreeSet<String> =
        store.keys(Area::Workspace).await?.into_iter().collect();
    let mut total = MergeCounts::default();
    let mut changed = std::collections::BTreeMap::new();
    for f in incoming {
        store.breathe().await;
        let key = key(&f.id());
        // Only follow-ups already stored are read back: an import of thousands reads none.
        let pending = changed.remove(&key);
        let was_pending = pending.is_some();
        let mut here: Vec<FollowUp> = match pending {
            Some(pending) => vec![pending],
            None if stored.contains(&key) => store
                .get_json(Area::Workspace, &key)
                .await?
                .into_iter()
                .collect(),
            None => Vec::new(),
        };
        let counts = merge_follow_ups(&mut here, [f]);
        total.added += counts.added;
        total.updated += counts.updated;
        if counts.added + counts.updated > 0 || was_pending {
            changed.insert(key, here.remove(0));
        }
    }
    Ok((total, changed.into_iter().collect()))
}

/// Opens a follow-up, dated `today`, for every worrying answer in `booklets` that has none yet,
/// due two working days after the child finished, with the stored bank holidays (and the rules
/// for years they do not cover). A follow-up already here that was kept without the finishing
/// day gets it, and, while open, the earlier due date (`merge_follow_ups`). Booklets this build
/// has no definition for raise no follow-ups (their worries cannot be known).
pub async fn open_for(
    store: &impl KeyValueStore,
    booklets: &[CompletedBooklet],
    today: Date,
) -> Result<MergeCounts, StoreError> {
    let (total, changed) = opened_for(store, booklets, today).await?;
    store.put_many_json(Area::Workspace, &changed).await?;
    Ok(total)
}

/// What [`open_for`] would write, by key, and its counts; nothing is written, so an import can
/// store its booklets and their follow-ups in one transaction (`workspace::add_booklets`).
pub(crate) async fn opened_for<'a>(
    store: &impl KeyValueStore,
    booklets: impl IntoIterator<Item = &'a CompletedBooklet>,
    today: Date,
) -> Result<(MergeCounts, Vec<(String, FollowUp)>), StoreError> {
    let holidays = settings::bank_holidays(store).await?;
    let definitions = builtin_booklets();
    let mut opened: Vec<FollowUp> = Vec::new();
    for b in booklets {
        store.breathe().await;
        if let Some(d) = definition_for(b, &definitions) {
            opened.extend(open_follow_ups(b, d, today, &holidays));
        }
    }
    merged(store, opened).await
}

/// Why an action could not be recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The action breaks a rule (no note on a closing action, dated before opening).
    Rule(FollowUpError),
    /// The follow-up is not in the workspace (its booklet was deleted meanwhile).
    Missing,
    /// Storage failed; nothing was recorded.
    Store(StoreError),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Rule(e) => e.fmt(f),
            RecordError::Missing => f.write_str("This follow-up is no longer in the workspace."),
            RecordError::Store(e) => e.fmt(f),
        }
    }
}

impl From<StoreError> for RecordError {
    fn from(e: StoreError) -> Self {
        RecordError::Store(e)
    }
}

/// Records what the IRO did about a follow-up and keeps it. Returns the follow-up as stored.
pub async fn record(
    store: &impl KeyValueStore,
    id: &str,
    action: FollowUpAction,
) -> Result<FollowUp, RecordError> {
    let mut f = get(store, id).await?.ok_or(RecordError::Missing)?;
    f.record(action).map_err(RecordError::Rule)?;
    save(store, &f).await?;
    Ok(f)
}

/// Deletes every follow-up of one booklet. Returns how many there were.
pub async fn delete_for_booklet(
    store: &impl KeyValueStore,
    booklet_id: &str,
) -> Result<usize, StoreError> {
    let prefix = key(&format!("{booklet_id}/"));
    let mut n = 0;
    for k in store.keys(Area::Workspace).await? {
        if k.starts_with(&prefix) {
            store.delete(Area::Workspace, &k).await?;
            n += 1;
        }
    }
    Ok(n)
}

/// Works the due dates of open follow-ups out again with `bank_holidays`. Returns how many moved.
pub async fn reschedule_open(
    store: &impl KeyValueStore,
    bank_holidays: &[Date],
) -> Result<usize, StoreError> {
    let mut moved = 0;
    for mut f in all(store).await? {
        if f.reschedule(bank_holidays) {
            save(store, &f).await?;
            moved += 1;
        }
    }
    Ok(moved)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::workspace::add_booklets;
    use my_say_core::followup::FollowUpActionKind;
    use my_say_ui::browser::store::{now, MemoryStore};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// A 10–15 booklet: feels safe `safe`, worried `worried`.
    pub(crate) fn worried_booklet(
        n: u8,
        name: &str,
        safe: &str,
        worried: &str,
    ) -> CompletedBooklet {
        serde_json::from_value(serde_json::json!({
            "id": format!("{n:032x}"),
            "booklet_id": "review-10-15",
            "booklet_revision": 1,
            "locale": "en",
            "age_band": "10-15",
            "child": { "name": name, "age_band": "10-15", "review_date": "2026-12-01" },
            "answers": {
                "feel_safe": { "type": "picked", "value": safe },
                "worries": { "type": "picked", "value": worried },
            },
            "completed_at": "2026-11-20T10:00:00Z",
        }))
        .unwrap()
    }

    /// [`worried_booklet`], finished at `completed_at`.
    fn finished_booklet(n: u8, safe: &str, worried: &str, completed_at: &str) -> CompletedBooklet {
        let mut b = worried_booklet(n, "Tia", safe, worried);
        b.completed_at = completed_at.into();
        b
    }

    #[test]
    fn adding_booklets_opens_each_worry_once_due_two_working_days_later() {
        let store = MemoryStore::new();
        let tia = finished_booklet(1, "no", "yes", "2026-12-24T09:30:00Z");
        let kai = finished_booklet(2, "yes", "no", "2026-12-24T09:30:00Z");
        // Thursday 24 December 2026: Christmas and the Boxing Day substitute are skipped.
        now(add_booklets(&store, &[tia.clone(), kai], d("2026-12-24"))).unwrap();
        let opened = now(all(&store)).unwrap();
        let ids: Vec<String> = opened.iter().map(FollowUp::id).collect();
        assert_eq!(
            ids,
            [
                format!("{:032x}/feel_safe", 1),
                format!("{:032x}/worries", 1)
            ]
        );
        assert!(opened.iter().all(|f| f.opened_on == d("2026-12-24")));
        assert!(opened.iter().all(|f| f.due_on == d("2026-12-30")));

        // Work is recorded; the same booklet arrives again later: nothing opens twice, the
        // work and the dates stay.
        let id = format!("{:032x}/feel_safe", 1);
        now(record(
            &store,
            &id,
            FollowUpAction {
                kind: FollowUpActionKind::ExploredWithChild,
                note: "Talked after school".into(),
                date: d("2026-12-29"),
            },
        ))
        .unwrap();
        now(add_booklets(&store, &[tia], d("2027-01-11"))).unwrap();
        let again = now(all(&store)).unwrap();
        assert_eq!(again.len(), 2);
        let f = now(get(&store, &id)).unwrap().unwrap();
        assert_eq!(f.opened_on, d("2026-12-24"));
        assert_eq!(f.actions.len(), 1);
    }

    #[test]
    fn recording_keeps_the_rules_and_deleting_a_booklets_follow_ups_leaves_others() {
        let store = MemoryStore::new();
        now(add_booklets(
            &store,
            &[
                worried_booklet(1, "Tia", "no", "yes"),
                worried_booklet(11, "Lee", "no", "no"),
            ],
            d("2026-11-19"),
        ))
        .unwrap();
        let id = format!("{:032x}/feel_safe", 1);
        let close = |note: &str, date: &str| FollowUpAction {
            kind: FollowUpActionKind::ActionTaken,
            note: note.into(),
            date: d(date),
        };
        assert_eq!(
            now(record(&store, &id, close(" ", "2026-11-20"))),
            Err(RecordError::Rule(FollowUpError::NoteRequired))
        );
        assert!(matches!(
            now(record(&store, &id, close("Visit", "2026-11-18"))),
            Err(RecordError::Rule(FollowUpError::BeforeOpened { .. }))
        ));
        assert!(!now(get(&store, &id)).unwrap().unwrap().is_closed());
        let closed = now(record(&store, &id, close("Visit arranged", "2026-11-20"))).unwrap();
        assert!(closed.is_closed());
        assert!(now(get(&store, &id)).unwrap().unwrap().is_closed());
        assert_eq!(
            now(record(&store, "nope/feel_safe", close("x", "2026-11-20"))),
            Err(RecordError::Missing)
        );

        assert_eq!(
            now(for_booklet(&store, &format!("{:032x}", 1)))
                .unwrap()
                .len(),
            2
        );
        // Booklet 1's prefix must not catch booklet 11's (ids are fixed-length, but check).
        assert_eq!(
            now(delete_for_booklet(&store, &format!("{:032x}", 1))).unwrap(),
            2
        );
        let left: Vec<String> = now(all(&store)).unwrap().iter().map(FollowUp::id).collect();
        assert_eq!(left, [format!("{:032x}/feel_safe", 11)]);
    }

    #[test]
    fn the_clock_starts_when_the_child_finished_not_at_the_import() {
        let store = MemoryStore::new();
        // Finished at 18:30 on Friday 20 November 2026 (GMT); reaches the IRO on Thursday 26th.
        let friday = finished_booklet(3, "no", "yes", "2026-11-20T18:30:00Z");
        // Finished at 18:30 BST on Friday 12 June 2026 (17:30 UTC); picked up the same evening.
        let summer = finished_booklet(4, "no", "yes", "2026-06-12T17:30:00Z");
        now(add_booklets(&store, &[friday], d("2026-11-26"))).unwrap();
        now(add_booklets(&store, &[summer], d("2026-06-12"))).unwrap();
        let id = format!("{:032x}/feel_safe", 3);
        let f = now(get(&store, &id)).unwrap().unwrap();
        assert_eq!(f.completed_on, Some(d("2026-11-20")));
        assert_eq!(
            f.due_on,
            d("2026-11-24"),
            "Friday + 2 working days = Tuesday"
        );
        assert!(f.arrived_overdue());
        let g = now(get(&store, &format!("{:032x}/feel_safe", 4)))
            .unwrap()
            .unwrap();
        assert_eq!(g.due_on, d("2026-06-16"));
        assert!(!g.arrived_overdue());
        let counts =
            my_say_core::followup::overdue_counts(&now(all(&store)).unwrap(), d("2026-11-26"));
        assert_eq!((counts.overdue, counts.arrived_overdue), (4, 2));
    }

    #[test]
    fn follow_ups_kept_with_the_old_due_date_are_brought_forward_once() {
        let store = MemoryStore::new();
        let booklet = finished_booklet(5, "no", "yes", "2026-11-20T18:30:00Z");
        now(store.put_json(
            Area::Workspace,
            &format!("booklet/{}", booklet.id),
            &booklet,
        ))
        .unwrap();
        // As an older version kept them: due two working days after the import on Thursday 26th.
        let id = format!("{:032x}/feel_safe", 5);
        let old: FollowUp = serde_json::from_value(serde_json::json!({
            "booklet_id": booklet.id, "question_id": "feel_safe",
            "opened_on": "2026-11-26", "due_on": "2026-11-30",
        }))
        .unwrap();
        now(save(&store, &old)).unwrap();
        // The follow-ups page passes every booklet to `open_for` when it opens.
        let counts = now(open_for(
            &store,
            std::slice::from_ref(&booklet),
            d("2026-12-01"),
        ))
        .unwrap();
        assert_eq!(
            (counts.added, counts.updated),
            (1, 1),
            "the other worry opens now"
        );
        let f = now(get(&store, &id)).unwrap().unwrap();
        assert_eq!(f.due_on, d("2026-11-24"));
        assert_eq!(f.completed_on, Some(d("2026-11-20")));
        assert_eq!(f.opened_on, d("2026-11-26"));
        let again = now(open_for(&store, &[booklet], d("2026-12-02"))).unwrap();
        assert_eq!(again, MergeCounts::default(), "written once");
    }

    #[test]
    fn a_new_bank_holiday_moves_open_due_dates() {
        let store = MemoryStore::new();
        // Thursday 19 November: due Monday 23rd.
        now(add_booklets(
            &store,
            &[worried_booklet(1, "Tia", "no", "no")],
            d("2026-11-19"),
        ))
        .unwrap();
        let id = format!("{:032x}/feel_safe", 1);
        assert_eq!(
            now(get(&store, &id)).unwrap().unwrap().due_on,
            d("2026-11-23")
        );
        let moved = now(settings::set_bank_holidays(&store, vec![d("2026-11-20")])).unwrap();
        assert_eq!(moved, 1);
        assert_eq!(
            now(get(&store, &id)).unwrap().unwrap().due_on,
            d("2026-11-24")
        );
    }
}
