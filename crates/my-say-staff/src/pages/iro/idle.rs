//! Locks the workspace by itself after a time without input, and when the device has slept for
//! longer than that. The rule is `my_say_core::idle`; this wires it to the browser's input
//! events, a timer and the page coming back into view.

use super::{use_active, ErrorBanner};
use crate::i18n::Key;
use crate::workspace::{settings, use_unlocked};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::idle::{IdleLock, Verdict, DEFAULT_LOCK_AFTER_MINUTES, LOCK_AFTER_CHOICES};
use my_say_ui::browser::clock;
use my_say_ui::i18n::use_i18n;
use std::time::Duration;

/// How many minutes without input lock the workspace: read from the settings when the area
/// starts, changed by the settings page, shared through context by the IRO area.
#[derive(Clone, Copy)]
pub struct LockAfter(pub RwSignal<u32>);

impl LockAfter {
    /// The default until the settings are read; then the IRO's choice.
    pub fn load() -> Self {
        let minutes = RwSignal::new(DEFAULT_LOCK_AFTER_MINUTES);
        let active = use_active();
        spawn_local(async move {
            if let Ok(store) = active.store().await {
                if let Ok(m) = settings::lock_after_minutes(&store).await {
                    minutes.set(m);
                }
            }
        });
        LockAfter(minutes)
    }
}

/// The minutes in force (reactive), from the area's context.
pub fn use_lock_after() -> LockAfter {
    expect_context::<LockAfter>()
}

/// How often the clock is looked at while nothing happens. A tick after the device wakes sees
/// the jump in the clock, and locks.
const TICK: Duration = Duration::from_secs(20);

/// Input that counts as someone using the workspace.
const INPUT_EVENTS: [&str; 4] = ["keydown", "pointerdown", "pointermove", "wheel"];

/// Watches input while the workspace is open and locks it (as the Lock button does) when the
/// idle rule says so. Renders nothing; everything stops when it leaves the page (on locking,
/// or leaving the IRO's screens).
#[component]
pub fn LockWhenIdle() -> impl IntoView {
    let unlocked = use_unlocked();
    let LockAfter(minutes) = use_lock_after();
    let rule = StoredValue::new(IdleLock::new(clock::now_ms(), minutes.get_untracked()));
    Effect::new(move |_| {
        let m = minutes.get();
        rule.update_value(|r| r.set_minutes(m));
    });
    let judge = move |input: bool| {
        let now = clock::now_ms();
        let verdict = rule
            .try_update_value(|r| if input { r.input(now) } else { r.tick(now) })
            .unwrap_or(Verdict::Stay);
        if verdict == Verdict::Lock {
            unlocked.lock();
        }
    };
    let mut handles: Vec<_> = INPUT_EVENTS
        .iter()
        .map(|name| window_event_listener_untyped(name, move |_| judge(true)))
        .collect();
    // A page that was hidden (a laptop lid closed, another tab) is judged as soon as it shows.
    handles.push(window_event_listener_untyped(
        "visibilitychange",
        move |_| judge(false),
    ));
    let interval = set_interval_with_handle(move || judge(false), TICK).ok();
    on_cleanup(move || {
        handles.into_iter().for_each(|h| h.remove());
        if let Some(i) = interval {
            i.clear();
        }
    });
}

/// The settings page's choice of how long without input locks the workspace; saved at once.
#[component]
pub fn LockAfterSetting() -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let LockAfter(minutes) = use_lock_after();
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let choose = move |ev: leptos::ev::Event| {
        let Ok(chosen) = event_target_value(&ev).parse::<u32>() else {
            return;
        };
        spawn_local(async move {
            let result = match active.store().await {
                Ok(store) => settings::set_lock_after_minutes(&store, chosen).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(m) => {
                    minutes.set(m);
                    error.set(None);
                    saved.set(true);
                }
                Err(e) => error.set(Some(i18n.store_error(&e))),
            }
        });
    };
    let minutes_text = move |m: u32| {
        i18n.locale()
            .format(Key::IroIdleMinutes, &[("minutes", &m.to_string())])
    };
    view! {
        <section class="card" aria-labelledby="idle-heading">
            <h2 id="idle-heading">{i18n.tr(Key::IroIdleTitle)}</h2>
            <p id="idle-lead">{i18n.tr(Key::IroIdleLead)}</p>
            <div class="field">
                <label for="idle-minutes">{i18n.tr(Key::IroIdleLabel)}</label>
                <select id="idle-minutes" aria-describedby="idle-lead" on:change=choose>
                    {LOCK_AFTER_CHOICES.into_iter().map(|m| view! {
                        <option value=m.to_string() selected=move || minutes.get() == m>{move || minutes_text(m)}</option>
                    }).collect_view()}
                </select>
            </div>
            <ErrorBanner error />
            <p class="note" role="status">
                {move || saved.get().then(|| i18n.locale().format(Key::IroIdleSaved, &[("minutes", &minutes.get().to_string())]))}
            </p>
        </section>
    }
}
