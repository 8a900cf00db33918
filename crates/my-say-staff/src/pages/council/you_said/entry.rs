//! One entry of "You said, we did": what it is about, what children said, its actions, and the
//! buttons that move and remove it.

use super::action::ActionEditor;
use super::{TextField, Ysw};
use crate::i18n::Key;
use crate::pages::iro::focus_id_soon;
use leptos::prelude::*;
use my_say_core::calendar::Date;
use my_say_core::survey::{About, ActionStatus, ThemeBook, WeDid};
use my_say_core::Booklet;
use my_say_ui::i18n::{use_i18n, Locale};
use std::sync::Arc;

/// The choices of what an entry is about, as ([`About::code`], words): something else, each
/// theme, each question.
pub(super) fn about_choices(
    published: Option<&Booklet>,
    themes: &ThemeBook,
    locale: Locale,
) -> Vec<(String, String)> {
    let mut out = vec![(
        About::General.code(),
        locale.text(Key::YouSaidAboutGeneral).to_owned(),
    )];
    for t in themes.themes() {
        out.push((
            About::Theme(t.id.clone()).code(),
            locale.format(Key::YouSaidAboutTheme, &[("name", &t.name)]),
        ));
    }
    if let Some(b) = published {
        let fallback = b.fallback_locale();
        for (n, q) in b.questions().enumerate() {
            out.push((
                About::Question(q.id.clone()).code(),
                locale.format(
                    Key::ResultsQuestion,
                    &[
                        ("number", &(n + 1).to_string()),
                        ("text", q.text.get(&locale.locale_code(), &fallback)),
                    ],
                ),
            ));
        }
    }
    out
}

/// A new action, done today, with nothing written yet.
pub(super) fn new_action(today: Date) -> WeDid {
    WeDid {
        what: String::new(),
        date: today,
        status: ActionStatus::Done,
        review: None,
    }
}

/// One entry: what it is about, what children said, its actions; move and remove.
#[component]
pub(super) fn EntryEditor(
    /// The entry's id.
    eid: String,
    /// The editor.
    ysw: Ysw,
    /// The published survey, for its questions.
    published: Option<Arc<Booklet>>,
    /// The survey's themes.
    themes: Arc<ThemeBook>,
    /// Today, for new actions.
    today: Date,
) -> impl IntoView {
    let i18n = use_i18n();
    let number = {
        let eid = eid.clone();
        Memo::new(move |_| {
            ysw.table
                .with(|t| t.entries().iter().position(|e| e.id() == eid))
                .unwrap_or(0)
        })
    };
    let heading_id = format!("ysw-{eid}-heading");
    let actions = {
        let eid = eid.clone();
        move || ysw.entry(&eid, |e| e.actions.len())
    };
    let said_value = {
        let eid = eid.clone();
        Signal::derive(move || ysw.entry(&eid, |e| e.said.clone()))
    };
    let set_said = {
        let eid = eid.clone();
        Callback::new(move |v: String| ysw.edit_entry(&eid, |e| e.said = v))
    };
    let labelled_by = heading_id.clone();
    view! {
        <li class="ysw-entry">
            <section aria-labelledby=labelled_by>
                <h3 id=heading_id>{move || i18n.locale().format(Key::YouSaidEntry, &[("number", &(number.get() + 1).to_string())])}</h3>
                <AboutChoice eid=eid.clone() ysw published themes />
                <TextField id=format!("ysw-{eid}-said") label=Key::YouSaidSaid ysw multiline=true value=said_value set=set_said />
                <h4>{i18n.tr(Key::YouSaidActions)}</h4>
                <ol class="ysw-actions">
                    <For each=move || 0..actions() key=|i| *i children={
                        let eid = eid.clone();
                        move |i| view! { <ActionEditor eid=eid.clone() i ysw /> }
                    } />
                </ol>
                <EntryButtons eid ysw number today />
            </section>
        </li>
    }
}

/// The "This is about" choice of an entry, with its problem (a theme removed, a question no
/// longer in the survey).
#[component]
fn AboutChoice(
    /// The entry's id.
    eid: String,
    /// The editor.
    ysw: Ysw,
    /// The published survey, for its questions.
    published: Option<Arc<Booklet>>,
    /// The survey's themes.
    themes: Arc<ThemeBook>,
) -> impl IntoView {
    let i18n = use_i18n();
    let about_id = format!("ysw-{eid}-about");
    let about_now = {
        let eid = eid.clone();
        move || ysw.entry(&eid, |e| e.about.code())
    };
    let choices = move || about_choices(published.as_deref(), &themes, i18n.locale());
    let problem = {
        let about_id = about_id.clone();
        Signal::derive(move || ysw.problem_at(&about_id))
    };
    let set_about = move |ev: leptos::ev::Event| {
        if let Some(about) = About::from_code(&event_target_value(&ev)) {
            ysw.edit_entry(&eid, |e| e.about = about);
        }
    };
    view! {
        <div class="field" class:has-error=move || problem.get().is_some()>
            <label for=about_id.clone()>{i18n.tr(Key::YouSaidAbout)}</label>
            {move || problem.get().map(|p| view! { <p class="field-error">{p}</p> })}
            <select id=about_id on:change=set_about
                aria-invalid=move || problem.get().is_some().then_some("true")>
                {move || {
                    let now = about_now();
                    let list = choices();
                    let known = list.iter().any(|(v, _)| *v == now);
                    let missing = (!known).then(|| view! { <option value="" selected=true>{i18n.t(Key::YouSaidAboutChoose)}</option> });
                    view! {
                        {missing}
                        {list.into_iter().map(|(v, words)| {
                            let selected = v == now;
                            view! { <option value=v selected=selected>{words}</option> }
                        }).collect_view()}
                    }
                }}
            </select>
        </div>
    }
}

/// An entry's buttons: add an action, move the entry up or down, and remove it (asking first).
#[component]
fn EntryButtons(
    /// The entry's id.
    eid: String,
    /// The editor.
    ysw: Ysw,
    /// The entry's place in the table, from 0.
    number: Memo<usize>,
    /// Today, for a new action.
    today: Date,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(false);
    let count = Memo::new(move |_| ysw.table.with(|t| t.entries().len()));
    let add_action = {
        let eid = eid.clone();
        move |_| {
            let mut n = 0;
            ysw.edit_entry(&eid, |e| {
                e.actions.push(new_action(today));
                n = e.actions.len();
            });
            focus_id_soon(format!("ysw-{eid}-a{n}-what"));
        }
    };
    let move_by = {
        let eid = eid.clone();
        move |up: bool| {
            let at = number.get_untracked();
            let to = if up { at.saturating_sub(1) } else { at + 1 };
            ysw.edit(|t| {
                t.move_entry(&eid, to);
            });
            let last = count.get_untracked().saturating_sub(1);
            let stays = if up { to > 0 } else { to < last };
            let button = match (up, stays) {
                (true, true) | (false, false) => "up",
                _ => "down",
            };
            focus_id_soon(format!("ysw-{eid}-{button}"));
        }
    };
    let remove = {
        let eid = eid.clone();
        move |_| {
            ysw.edit(|t| {
                t.remove_entry(&eid);
            });
            focus_id_soon("ysw-add-entry");
        }
    };
    let cancel = {
        let eid = eid.clone();
        move |_| {
            confirming.set(false);
            focus_id_soon(format!("ysw-{eid}-remove"));
        }
    };
    let confirm_words = move || {
        i18n.locale().format(
            Key::YouSaidRemoveConfirm,
            &[("number", &(number.get() + 1).to_string())],
        )
    };
    let move_up = move_by.clone();
    view! {
        <div class="row ysw-entry-buttons">
            <button type="button" id=format!("ysw-{eid}-add-action") on:click=add_action>{i18n.tr(Key::YouSaidAddAction)}</button>
            <button type="button" id=format!("ysw-{eid}-up") disabled=move || number.get() == 0 on:click=move |_| move_up(true)>{i18n.tr(Key::YouSaidMoveUp)}</button>
            <button type="button" id=format!("ysw-{eid}-down") disabled={move || number.get() + 1 >= count.get()} on:click=move |_| move_by(false)>{i18n.tr(Key::YouSaidMoveDown)}</button>
            <button type="button" class="danger" id=format!("ysw-{eid}-remove") on:click=move |_| confirming.set(true)>{i18n.tr(Key::YouSaidRemoveEntry)}</button>
        </div>
        {move || confirming.get().then(|| view! {
            <div class="confirm" role="group" aria-label=confirm_words>
                <p><strong>{confirm_words}</strong></p>
                <div class="row">
                    <button type="button" class="danger" on:click=remove.clone()>{i18n.tr(Key::YouSaidRemoveYes)}</button>
                    <button type="button" on:click=cancel.clone()>{i18n.tr(Key::ResultsCancel)}</button>
                </div>
            </div>
        })}
    }
}
