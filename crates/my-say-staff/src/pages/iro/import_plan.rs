//! A workspace file waiting for the IRO: where it comes from, what importing it would change,
//! and the confirmations. Nothing is written until "Apply these changes" is pressed, and, for a
//! file not proven to be this workspace's own, a second, separate confirmation after it.

use super::import_changes::ChangeList;
use super::tr_format;
use crate::i18n::Key;
use crate::workspace::transfer::Planned;
use leptos::prelude::*;
use my_say_core::export::FileOrigin;
use my_say_ui::i18n::use_i18n;

/// What the page says about where a file comes from: the wording and whether it is a warning.
fn origin_line(origin: &FileOrigin) -> (Signal<String>, bool) {
    match origin {
        FileOrigin::ThisWorkspace => (tr_format(Key::IroImportOriginOwn, vec![]), false),
        FileOrigin::Changed => (tr_format(Key::IroImportOriginChanged, vec![]), true),
        FileOrigin::OtherWorkspace(by) => (
            tr_format(
                Key::IroImportOriginOther,
                vec![
                    ("name", by.display_name.clone()),
                    ("fingerprint", by.fingerprint().to_string()),
                ],
            ),
            true,
        ),
        FileOrigin::Unsigned => (tr_format(Key::IroImportOriginUnsigned, vec![]), true),
    }
}

/// The file's origin, the list of changes, and the buttons to apply or cancel. A file that is
/// not this workspace's own, unchanged, asks a second time, in its own group, before
/// `on_apply` runs.
#[component]
pub(super) fn ImportPlan(
    /// The file's name, as chosen.
    file: String,
    /// Where the file comes from and what it would change.
    planned: Planned,
    /// Whether the second confirmation is showing (set when "Apply these changes" is pressed
    /// for a file that needs it).
    second: RwSignal<bool>,
    /// Whether the changes are being applied (the buttons then do nothing).
    busy: RwSignal<bool>,
    /// Applies the changes: every confirmation asked for has been given.
    on_apply: Callback<()>,
    /// Leaves everything as it is.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let twice = planned.needs_second_confirmation();
    let (origin, warning) = origin_line(&planned.origin);
    let first = move |_| {
        if busy.get_untracked() {
            return;
        }
        if twice {
            second.set(true);
            super::focus_id_soon("import-second");
        } else {
            on_apply.run(());
        }
    };
    let again = move |_| {
        if !busy.get_untracked() {
            on_apply.run(());
        }
    };
    let cancel = move |_| on_cancel.run(());
    view! {
        <div class="confirm import-plan" role="group" aria-labelledby="import-plan-heading">
            <h3 id="import-plan-heading" tabindex="-1" dir="auto">{tr_format(Key::IroImportPlanTitle, vec![("file", file)])}</h3>
            <p class=if warning { "banner warning" } else { "banner success" } dir="auto">{origin}</p>
            <ChangeList changes=planned.changes.clone() />
            {move || if second.get() {
                view! {
                    <div class="confirm" role="group" aria-labelledby="import-second">
                        <p id="import-second" tabindex="-1">{i18n.tr(Key::IroImportSecondLead)}</p>
                        <div class="row form-buttons">
                            <button type="button" class="danger" on:click=again>{i18n.tr(Key::IroImportApplyAnyway)}</button>
                            <button type="button" on:click=cancel>{i18n.tr(Key::IroDataCancel)}</button>
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="row form-buttons">
                        <button type="button" class="primary" on:click=first>{i18n.tr(Key::IroImportApply)}</button>
                        <button type="button" on:click=cancel>{i18n.tr(Key::IroDataCancel)}</button>
                    </div>
                }.into_any()
            }}
        </div>
    }
}
