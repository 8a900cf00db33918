//! One action of a "You said, we did" entry: what was done, its date, whether it is done, an
//! ongoing promise or planned, and whether it made a difference ([`super::review`]).

use super::review::ReviewEditor;
use super::{TextField, Ysw};
use crate::i18n::Key;
use crate::pages::iro::focus_id_soon;
use leptos::prelude::*;
use my_say_core::calendar::Date;
use my_say_core::survey::ActionStatus;
use my_say_ui::i18n::use_i18n;
use std::sync::Arc;

/// The three states an action can be in, in the order the form offers them, with their words.
const STATUSES: [(ActionStatus, Key); 3] = [
    (ActionStatus::Done, Key::YouSaidDone),
    (ActionStatus::Ongoing, Key::YouSaidOngoing),
    (ActionStatus::Planned, Key::YouSaidPlanned),
];

/// One action: what was done, its date, done, ongoing or planned, whether it made a difference;
/// move and remove.
#[component]
pub(super) fn ActionEditor(
    /// The entry's id.
    eid: String,
    /// The action's place in the entry, from 0.
    i: usize,
    /// The editor.
    ysw: Ysw,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = i + 1;
    let base = format!("ysw-{eid}-a{n}");
    let count = {
        let eid = eid.clone();
        Memo::new(move |_| ysw.entry(&eid, |e| e.actions.len()))
    };
    let what_value = {
        let eid = eid.clone();
        Signal::derive(move || ysw.action(&eid, i).map(|a| a.what).unwrap_or_default())
    };
    let set_what = {
        let eid = eid.clone();
        Callback::new(move |v: String| ysw.edit_action(&eid, i, |a| a.what = v))
    };
    let swap = {
        let eid = eid.clone();
        move |up: bool| {
            let other = if up { i.wrapping_sub(1) } else { i + 1 };
            ysw.edit_entry(&eid, |e| {
                if other < e.actions.len() {
                    e.actions.swap(i, other);
                }
            });
            let moved_to = other + 1;
            let last = count.get_untracked();
            let button = match (up, if up { moved_to > 1 } else { moved_to < last }) {
                (true, true) | (false, false) => "up",
                _ => "down",
            };
            focus_id_soon(format!("ysw-{eid}-a{moved_to}-{button}"));
        }
    };
    let remove = {
        let eid = eid.clone();
        move |_| {
            ysw.edit_entry(&eid, |e| {
                if i < e.actions.len() {
                    e.actions.remove(i);
                }
            });
            focus_id_soon(format!("ysw-{eid}-add-action"));
        }
    };
    let swap_up = swap.clone();
    view! {
        <li class="ysw-action">
            <fieldset class="ysw-action-fields">
                <legend>{i18n.locale().format(Key::YouSaidAction, &[("number", &n.to_string())])}</legend>
                <TextField id=format!("{base}-what") label=Key::YouSaidWhat ysw multiline=true value=what_value set=set_what />
                <ActionDate eid=eid.clone() i ysw />
                <StatusChoice eid=eid.clone() i ysw />
                <ReviewEditor eid=eid.clone() i ysw />
                <div class="row">
                    <button type="button" class="small" id=format!("{base}-up") disabled=i == 0 on:click=move |_| swap_up(true)>{i18n.tr(Key::YouSaidMoveUp)}</button>
                    <button type="button" class="small" id=format!("{base}-down") disabled={move || n >= count.get()} on:click=move |_| swap(false)>{i18n.tr(Key::YouSaidMoveDown)}</button>
                    <button type="button" class="small danger" on:click=remove>{i18n.tr(Key::YouSaidRemoveAction)}</button>
                </div>
            </fieldset>
        </li>
    }
}

/// An action's date, with its hint and its problem (a date that cannot be read, done in the
/// future, planned in the past).
#[component]
fn ActionDate(
    /// The entry's id.
    eid: String,
    /// The action's place in the entry, from 0.
    i: usize,
    /// The editor.
    ysw: Ysw,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("ysw-{eid}-a{}", i + 1);
    let date_id = format!("{base}-date");
    let (hint_id, error_id) = (format!("{base}-date-hint"), format!("{base}-date-error"));
    let unreadable = RwSignal::new(false);
    let problem = {
        let date_id = date_id.clone();
        Signal::derive(move || {
            if unreadable.get() {
                Some(i18n.t(Key::YouSaidErrorDate).to_owned())
            } else {
                ysw.problem_at(&date_id)
            }
        })
    };
    let value = {
        let eid = eid.clone();
        move || {
            ysw.action(&eid, i)
                .map(|a| a.date.to_string())
                .unwrap_or_default()
        }
    };
    let set_date = move |ev: leptos::ev::Event| match Date::parse(event_target_value(&ev).trim()) {
        Ok(d) => {
            unreadable.set(false);
            ysw.edit_action(&eid, i, |a| a.date = d);
        }
        Err(_) => unreadable.set(true),
    };
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match problem.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="field" class:has-error=move || problem.get().is_some()>
            <label for=date_id.clone()>{i18n.tr(Key::YouSaidDateLabel)}</label>
            <p class="hint" id=hint_id>{i18n.tr(Key::YouSaidDateHint)}</p>
            {move || problem.get().map(|w| view! { <p class="field-error" id=error_id.clone()>{w}</p> })}
            <input id=date_id type="date" class="ysw-date"
                aria-invalid=move || problem.get().is_some().then_some("true")
                aria-describedby=described
                prop:value=value on:change=set_date />
        </div>
    }
}

/// Whether an action is done, an ongoing promise or planned: three radio buttons.
#[component]
fn StatusChoice(
    /// The entry's id.
    eid: String,
    /// The action's place in the entry, from 0.
    i: usize,
    /// The editor.
    ysw: Ysw,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("ysw-{eid}-a{}", i + 1);
    let name = format!("{base}-status");
    let eid = Arc::new(eid);
    view! {
        <fieldset class="field ysw-status">
            <legend>{i18n.tr(Key::YouSaidStatus)}</legend>
            {STATUSES.into_iter().map(|(status, words)| {
                let id = format!("{base}-{}", status.code());
                let (is_eid, set_eid) = (eid.clone(), eid.clone());
                view! {
                    <div class="check">
                        <input type="radio" id=id.clone() name=name.clone()
                            prop:checked=move || ysw.action(&is_eid, i).is_some_and(|a| a.status == status)
                            on:change=move |_| ysw.edit_action(&set_eid, i, |a| a.status = status) />
                        <label for=id>{i18n.tr(words)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
