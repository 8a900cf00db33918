//! What the inbox and the summaries need from storage: the booklets with their worries and
//! read marks, one booklet by id, marking it read, and deleting it.
//!
//! A read mark is kept in [`Area::Workspace`] under `read/<booklet id>`, holding when the IRO
//! first opened the booklet's summary (RFC 3339).

use crate::workspace::{booklets, follow_ups};
use my_say_core::builtin::builtin_booklets;
use my_say_core::inbox::{inbox_entries, InboxEntry};
use my_say_core::CompletedBooklet;
use my_say_ui::browser::store::{Area, KeyValueStore, StoreError};
use std::collections::BTreeSet;

/// Read marks are kept in [`Area::Workspace`] under this prefix and the booklet's id.
pub const READ_PREFIX: &str = "read/";

/// Where the read mark of the booklet with this id is kept.
pub(crate) fn read_key(booklet_id: &str) -> String {
    format!("{READ_PREFIX}{booklet_id}")
}

/// The ids of the booklets the IRO has read.
pub async fn read_ids(store: &impl KeyValueStore) -> Result<BTreeSet<String>, StoreError> {
    Ok(store
        .keys(Area::Workspace)
        .await?
        .into_iter()
        .filter_map(|k| k.strip_prefix(READ_PREFIX).map(str::to_owned))
        .collect())
}

/// When the IRO first read this booklet, if they have.
pub async fn read_at(
    store: &impl KeyValueStore,
    booklet_id: &str,
) -> Result<Option<String>, StoreError> {
    store.get_json(Area::Workspace, &read_key(booklet_id)).await
}

/// Marks a booklet read at `at` (RFC 3339), unless it already is: the first reading is what
/// counts. Returns whether this was the first time.
pub async fn mark_read(
    store: &impl KeyValueStore,
    booklet_id: &str,
    at: &str,
) -> Result<bool, StoreError> {
    if read_at(store, booklet_id).await?.is_some() {
        return Ok(false);
    }
    store
        .put_json(Area::Workspace, &read_key(booklet_id), at)
        .await?;
    Ok(true)
}

/// One booklet by its id, if the workspace has it.
pub async fn booklet(
    store: &impl KeyValueStore,
    id: &str,
) -> Result<Option<CompletedBooklet>, StoreError> {
    store
        .get_json(Area::Workspace, &crate::workspace::booklet_key(id))
        .await
}

/// The inbox's entries for every booklet in the workspace (unsorted; the page filters and
/// sorts them with `my_say_core::inbox::inbox`).
pub async fn entries(store: &impl KeyValueStore) -> Result<Vec<InboxEntry>, StoreError> {
    let all = booklets(store).await?;
    let follow_ups = follow_ups::all(store).await?;
    let read = read_ids(store).await?;
    Ok(inbox_entries(&all, &builtin_booklets(), &follow_ups, &read))
}

/// Deletes one booklet from this device with its follow-ups, read mark and any conflicting
/// copies kept with it (`workspace::CONFLICT_PREFIX`). The booklet goes
/// last: if storage fails part way, it is still listed, and deleting again finishes the job.
pub async fn delete_booklet(store: &impl KeyValueStore, id: &str) -> Result<(), StoreError> {
    follow_ups::delete_for_booklet(store, id).await?;
    crate::workspace::delete_conflicts(store, &crate::workspace::booklet_key(id)).await?;
    store.delete(Area::Workspace, &read_key(id)).await?;
    store
        .delete(Area::Workspace, &crate::workspace::booklet_key(id))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::add_booklets;
    use crate::workspace::follow_ups::tests::worried_booklet;
    use my_say_core::calendar::Date;
    use my_say_core::inbox::{inbox, InboxFilter};
    use my_say_ui::browser::store::{now, MemoryStore};

    #[test]
    fn a_caseload_of_120_lists_every_worry_first_and_filters() {
        let store = MemoryStore::new();
        // Every seventh child feels unsafe; the rest are calm. Later ids finished later.
        let booklets: Vec<_> = (1..=120u8)
            .map(|n| {
                let safe = if n % 7 == 0 { "no" } else { "yes" };
                let mut b = worried_booklet(n, &format!("Child {n:03}"), safe, "no");
                b.completed_at = format!("2026-11-{:02}T{:02}:00:00Z", 1 + n / 5, n % 24);
                b
            })
            .collect();
        now(add_booklets(
            &store,
            &booklets,
            Date::parse("2026-11-25").unwrap(),
        ))
        .unwrap();
        for b in booklets.iter().filter(|b| b.child.name.ends_with('1')) {
            now(mark_read(&store, &b.id, "2026-11-26T09:00:00Z")).unwrap();
        }
        let all = now(entries(&store)).unwrap();
        assert_eq!(all.len(), 120);
        let listed = inbox(&all, &InboxFilter::default());
        let worried = listed.iter().take_while(|e| e.open_worries > 0).count();
        assert_eq!(worried, 17, "the 17 children who feel unsafe come first");
        assert!(listed[worried..].iter().all(|e| e.open_worries == 0));
        assert!(listed[..worried]
            .windows(2)
            .all(|w| w[0].completed_at >= w[1].completed_at));
        let unread_worried = inbox(
            &all,
            &InboxFilter {
                unread_only: true,
                open_worries_only: true,
                ..Default::default()
            },
        );
        assert!(unread_worried
            .iter()
            .all(|e| !e.read && e.open_worries == 1));
        assert_eq!(unread_worried.len(), 15, "Child 021 and 091 are read");
        assert_eq!(now(follow_ups::all(&store)).unwrap().len(), 17);
    }

    #[test]
    fn read_marks_keep_the_first_reading() {
        let store = MemoryStore::new();
        let id = format!("{:032x}", 1);
        assert!(now(read_ids(&store)).unwrap().is_empty());
        assert!(now(mark_read(&store, &id, "2026-11-22T10:00:00Z")).unwrap());
        assert!(!now(mark_read(&store, &id, "2026-11-23T09:00:00Z")).unwrap());
        assert_eq!(
            now(read_at(&store, &id)).unwrap().as_deref(),
            Some("2026-11-22T10:00:00Z")
        );
        assert_eq!(now(read_ids(&store)).unwrap(), [id].into());
    }

    #[test]
    fn entries_show_worries_and_reading_and_deleting_one_booklet_takes_all_of_it() {
        let store = MemoryStore::new();
        let tia = worried_booklet(1, "Tia", "no", "yes");
        let kai = worried_booklet(2, "Kai", "yes", "no");
        let today = Date::parse("2026-11-20").unwrap();
        now(add_booklets(&store, &[tia.clone(), kai.clone()], today)).unwrap();
        now(mark_read(&store, &kai.id, "2026-11-21T08:00:00Z")).unwrap();
        now(mark_read(&store, &tia.id, "2026-11-21T08:05:00Z")).unwrap();

        let mut e = now(entries(&store)).unwrap();
        e.sort_by(|a, b| a.child_name.cmp(&b.child_name));
        assert_eq!(
            e.iter()
                .map(|x| (x.child_name.as_str(), x.worries, x.open_worries, x.read))
                .collect::<Vec<_>>(),
            [("Kai", 0, 0, true), ("Tia", 2, 2, true)]
        );
        assert_eq!(now(booklet(&store, &tia.id)).unwrap(), Some(tia.clone()));

        now(delete_booklet(&store, &tia.id)).unwrap();
        assert_eq!(now(booklet(&store, &tia.id)).unwrap(), None);
        assert!(now(follow_ups::for_booklet(&store, &tia.id))
            .unwrap()
            .is_empty());
        assert_eq!(now(read_ids(&store)).unwrap(), [kai.id.clone()].into());
        let left: Vec<String> = now(store.keys(Area::Workspace))
            .unwrap()
            .into_iter()
            .filter(|k| k.contains(&tia.id))
            .collect();
        assert!(
            left.is_empty(),
            "nothing of Tia's booklet is left: {left:?}"
        );
        // Kai's is untouched.
        assert_eq!(now(entries(&store)).unwrap().len(), 1);
    }
}
