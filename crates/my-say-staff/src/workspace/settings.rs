//! The IRO's workspace settings, kept in [`Area::Workspace`] under [`SETTINGS_KEY`] as the core
//! `WorkspaceSettings` JSON (the same shape the workspace export carries).
//!
//! Several pages keep settings here (bank holidays for due dates, the number of children in
//! care for take-up, minutes without input before the workspace locks), so each change loads the whole record, changes its own part and saves it
//! back: one page never wipes another's setting.

use crate::workspace::follow_ups;
use my_say_core::calendar::{default_bank_holidays, Date};
use my_say_core::export::WorkspaceSettings;
use my_say_core::followup::due_date_years_from_rules;
use my_say_core::idle;
use my_say_ui::browser::store::{Area, KeyValueStore, StoreError};

/// Where the settings are kept in [`Area::Workspace`].
pub const SETTINGS_KEY: &str = "settings";

/// The workspace's settings. Until the IRO has saved a list of bank holidays, the England and
/// Wales list is used (a record saved by another page without the field gets it too).
pub async fn load(store: &impl KeyValueStore) -> Result<WorkspaceSettings, StoreError> {
    let Some(bytes) = store.get_bytes(Area::Workspace, SETTINGS_KEY).await? else {
        return Ok(WorkspaceSettings {
            bank_holidays: default_bank_holidays(),
            ..WorkspaceSettings::default()
        });
    };
    let mut settings: WorkspaceSettings =
        serde_json::from_slice(&bytes).map_err(|_| StoreError::Corrupt)?;
    // An empty list saved on purpose stays empty; only a missing field gets the defaults.
    let probe: HolidaysField = serde_json::from_slice(&bytes).map_err(|_| StoreError::Corrupt)?;
    if probe.bank_holidays.is_none() {
        settings.bank_holidays = default_bank_holidays();
    }
    Ok(settings)
}

/// Whether a stored record has the `bank_holidays` field at all.
#[derive(serde::Deserialize)]
struct HolidaysField {
    #[serde(default)]
    bank_holidays: Option<serde::de::IgnoredAny>,
}

/// Keeps `settings`, replacing the stored record. Load, change and save, so nothing else is lost.
pub async fn save(
    store: &impl KeyValueStore,
    settings: &WorkspaceSettings,
) -> Result<(), StoreError> {
    store
        .put_json(Area::Workspace, SETTINGS_KEY, settings)
        .await
}

/// The bank holidays that due dates skip.
pub async fn bank_holidays(store: &impl KeyValueStore) -> Result<Vec<Date>, StoreError> {
    Ok(load(store).await?.bank_holidays)
}

/// Replaces the bank holidays, keeping every other setting, and works the due dates of open
/// follow-ups out again with them. Returns how many follow-ups got a new due date.
pub async fn set_bank_holidays(
    store: &impl KeyValueStore,
    mut holidays: Vec<Date>,
) -> Result<usize, StoreError> {
    holidays.sort_unstable();
    holidays.dedup();
    let mut settings = load(store).await?;
    settings.bank_holidays = holidays;
    save(store, &settings).await?;
    follow_ups::reschedule_open(store, &settings.bank_holidays).await
}

/// How many minutes without input lock the workspace (`my_say_core::idle`): the IRO's choice,
/// else the default.
pub async fn lock_after_minutes(store: &impl KeyValueStore) -> Result<u32, StoreError> {
    Ok(idle::lock_after_minutes(
        load(store).await?.lock_after_minutes,
    ))
}

/// Keeps the IRO's choice of minutes without input before the workspace locks, keeping every
/// other setting. Returns the minutes now in force (a value that is not one of the choices
/// means the default).
pub async fn set_lock_after_minutes(
    store: &impl KeyValueStore,
    minutes: u32,
) -> Result<u32, StoreError> {
    let mut settings = load(store).await?;
    settings.lock_after_minutes = Some(minutes);
    save(store, &settings).await?;
    Ok(idle::lock_after_minutes(Some(minutes)))
}

/// The years, in order, in which a due date relies on the England and Wales rules rather than
/// the saved list of bank holidays: the years of the open follow-ups' due dates, and of a
/// booklet finished `today`, that the list has no day in. The settings page warns about them.
pub async fn due_date_rule_years(
    store: &impl KeyValueStore,
    today: Date,
) -> Result<Vec<i32>, StoreError> {
    let holidays = bank_holidays(store).await?;
    let open = follow_ups::all(store).await?;
    Ok(due_date_years_from_rules(&open, &holidays, today))
}

#[cfg(test)]
mod tests {
    use super::*;
    use my_say_ui::browser::store::{now, MemoryStore};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn defaults_then_load_modify_save_keeps_other_settings() {
        let store = MemoryStore::new();
        let fresh = now(load(&store)).unwrap();
        assert_eq!(fresh.bank_holidays, default_bank_holidays());
        assert_eq!(fresh.children_in_care, None);

        // Another page saves the number of children in care without touching the holidays.
        now(store.put_json(
            Area::Workspace,
            SETTINGS_KEY,
            &serde_json::json!({ "children_in_care": 84, "theme": "calm" }),
        ))
        .unwrap();
        let loaded = now(load(&store)).unwrap();
        assert_eq!(loaded.bank_holidays, default_bank_holidays());
        assert_eq!(loaded.children_in_care, Some(84));

        now(set_bank_holidays(
            &store,
            vec![d("2026-12-28"), d("2026-12-25"), d("2026-12-28")],
        ))
        .unwrap();
        let after = now(load(&store)).unwrap();
        assert_eq!(after.bank_holidays, [d("2026-12-25"), d("2026-12-28")]);
        assert_eq!(after.children_in_care, Some(84));
        assert_eq!(after.other.get("theme"), Some(&serde_json::json!("calm")));

        // An empty list, saved on purpose, stays empty.
        now(set_bank_holidays(&store, vec![])).unwrap();
        assert!(now(bank_holidays(&store)).unwrap().is_empty());

        now(store.put_bytes(Area::Workspace, SETTINGS_KEY, b"[1,2]")).unwrap();
        assert_eq!(now(load(&store)), Err(StoreError::Corrupt));
    }

    #[test]
    fn the_lock_after_setting_defaults_to_fifteen_minutes_and_keeps_other_settings() {
        let store = MemoryStore::new();
        assert_eq!(now(lock_after_minutes(&store)).unwrap(), 15);
        now(store.put_json(
            Area::Workspace,
            SETTINGS_KEY,
            &serde_json::json!({ "children_in_care": 84 }),
        ))
        .unwrap();
        assert_eq!(now(set_lock_after_minutes(&store, 5)).unwrap(), 5);
        assert_eq!(now(lock_after_minutes(&store)).unwrap(), 5);
        let after = now(load(&store)).unwrap();
        assert_eq!(after.children_in_care, Some(84));
        assert_eq!(after.lock_after_minutes, Some(5));
        // A value that is not a choice (a hand-edited import) means the default.
        assert_eq!(now(set_lock_after_minutes(&store, 0)).unwrap(), 15);
        assert_eq!(now(lock_after_minutes(&store)).unwrap(), 15);
    }

    #[test]
    fn due_dates_after_the_published_list_are_flagged_by_year() {
        let store = MemoryStore::new();
        // The starting list covers 2024 to 2028.
        assert!(now(due_date_rule_years(&store, d("2027-05-01")))
            .unwrap()
            .is_empty());
        assert_eq!(
            now(due_date_rule_years(&store, d("2028-12-29"))).unwrap(),
            [2029]
        );
        // An open follow-up finished in December 2029 needs 2029 and 2030.
        let mut b = crate::workspace::follow_ups::tests::worried_booklet(7, "Ali", "no", "no");
        b.completed_at = "2029-12-21T10:00:00Z".into();
        now(crate::workspace::add_booklets(
            &store,
            &[b],
            d("2029-12-21"),
        ))
        .unwrap();
        let f = now(follow_ups::all(&store)).unwrap();
        assert_eq!(
            f[0].due_on,
            d("2029-12-27"),
            "Christmas 2029 from the rules"
        );
        assert_eq!(
            now(due_date_rule_years(&store, d("2029-12-21"))).unwrap(),
            [2029, 2030]
        );
        // Once the IRO saves 2029's and 2030's published days, nothing relies on the rules.
        let mut list = default_bank_holidays();
        list.extend([d("2029-12-25"), d("2029-12-26"), d("2030-01-01")]);
        now(set_bank_holidays(&store, list)).unwrap();
        assert!(now(due_date_rule_years(&store, d("2029-12-21")))
            .unwrap()
            .is_empty());
    }
}
