//! Changing the workspace's passphrase: the same key, wrapped again.

use super::ErrorBanner;
use super::{
    after_paint, focus_id_soon, passphrase_problem, problem_for, use_active, BusyNote,
    ErrorSummary, Field, Problems,
};
use crate::i18n::Key;
use crate::workspace::passphrase::{assess, Strength, Weakness};
use crate::workspace::{self, use_unlocked, Workspace};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::{system_rng, KeyError};
use my_say_ui::i18n::use_i18n;

/// Current, new and confirmed passphrase. Answers already sealed are untouched: the key pair
/// stays the same, only its wrapping changes.
#[component]
pub fn ChangePassphrase(
    /// Called with the workspace once the new wrapping is stored.
    on_changed: Callback<Workspace>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let unlocked = use_unlocked();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let problems: Problems = RwSignal::new(Vec::new());
    let failure = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (old, pass, again) = (
            current.get_untracked(),
            new.get_untracked(),
            confirm.get_untracked(),
        );
        let mut found = Vec::new();
        if old.is_empty() {
            found.push((Key::IroErrorPassphraseMissing, "current-passphrase"));
        }
        found.extend(
            workspace::check_new_passphrase(&pass, &again)
                .into_iter()
                .map(|p| {
                    passphrase_problem(
                        p,
                        "current-passphrase",
                        "new-passphrase",
                        "confirm-new-passphrase",
                    )
                }),
        );
        let invalid = !found.is_empty();
        problems.set(found);
        failure.set(None);
        done.set(false);
        if invalid {
            focus_id_soon("change-errors");
            return;
        }
        let (Some(ws), Some(key)) = (unlocked.workspace_untracked(), unlocked.key()) else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            after_paint().await;
            let changed = ws.change_passphrase(&old, &pass, &mut system_rng());
            let stored = match changed {
                Ok(changed) => match active.store().await {
                    Ok(store) => workspace::save(&store, &changed)
                        .await
                        .map(|()| changed)
                        .map_err(|e| i18n.store_error(&e)),
                    Err(e) => Err(i18n.store_error(&e)),
                },
                Err(KeyError::WrongPassphrase) => {
                    busy.set(false);
                    problems.set(vec![(Key::IroErrorWrongPassphrase, "current-passphrase")]);
                    focus_id_soon("change-errors");
                    return;
                }
                Err(e) => Err(e.to_string()),
            };
            busy.set(false);
            match stored {
                Ok(changed) => {
                    current.set(String::new());
                    new.set(String::new());
                    confirm.set(String::new());
                    unlocked.set(changed.clone(), key);
                    done.set(true);
                    on_changed.run(changed);
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };

    view! {
        <h3 id="change-heading">{i18n.tr(Key::IroChangeTitle)}</h3>
        <p>{i18n.tr(Key::IroChangeLead)}</p>
        <form class="form" on:submit=submit novalidate=true aria-labelledby="change-heading">
            <ErrorSummary id="change-errors" problems />
            <ErrorBanner error=failure />
            <Field id="current-passphrase" label=Key::IroCurrentPassphrase kind="password" autocomplete="current-password" value=current error=problem_for(problems, "current-passphrase") />
            <Field id="new-passphrase" label=Key::IroNewPassphrase hint=Key::IroPassphraseHint kind="password" autocomplete="new-password" value=new error=problem_for(problems, "new-passphrase") />
            <StrengthMeter field="new-passphrase" passphrase=new />
            <Field id="confirm-new-passphrase" label=Key::IroConfirmNew kind="password" autocomplete="new-password" value=confirm error=problem_for(problems, "confirm-new-passphrase") />
            <div class="form-actions">
                <BusyNote busy message=Key::IroChanging />
                <p class="download-note" role="status">{move || done.get().then(|| i18n.tr(Key::IroChanged))}</p>
                <button type="submit" disabled=move || busy.get()>{i18n.tr(Key::IroChangeButton)}</button>
            </div>
        </form>
    }
}

/// The wording of why a new passphrase is refused.
pub(super) fn weakness_key(weakness: Weakness) -> Key {
    match weakness {
        Weakness::TooShort => Key::IroErrorTooShort,
        Weakness::Common => Key::IroErrorCommon,
        Weakness::Predictable => Key::IroErrorPredictable,
    }
}

/// How strong a new passphrase is, as it is typed: a labelled `<meter>` and the same in words,
/// with why a refused passphrase is refused (the rule is [`assess`]).
#[component]
pub(super) fn StrengthMeter(
    /// The passphrase field's id; the meter's ids are made from it.
    field: &'static str,
    /// The passphrase as typed.
    passphrase: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let assessment = Memo::new(move |_| passphrase.with(|p| assess(p)));
    let meter_id = format!("{field}-strength");
    let words_id = format!("{field}-strength-words");
    let level = move || {
        let Strength(level) = assessment.get().strength;
        [
            Key::IroStrength0,
            Key::IroStrength1,
            Key::IroStrength2,
            Key::IroStrength3,
        ][usize::from(level.min(Strength::MAX))]
    };
    view! {
        <div class="strength">
            <label for=meter_id.clone()>{i18n.tr(Key::IroStrengthLabel)}</label>
            <meter id=meter_id min="0" max=Strength::MAX.to_string() low="1" high="2" optimum=Strength::MAX.to_string() value=move || assessment.get().strength.0.to_string() aria-describedby=words_id.clone()></meter>
            <p class="strength-words" id=words_id aria-live="polite">
                <strong>{move || i18n.t(level())}</strong>
                {move || assessment.get().weakness.map(|w| format!(" {}", i18n.t(weakness_key(w))))}
            </p>
        </div>
    }
}
