//! One survey on the tablet's shelf: what it is, Start, its answers to send, and Remove (which
//! asks first, and says how many answers still wait).

use super::{title_in, SurveyFacts};
use crate::i18n::Key;
use crate::pages::send_answers::{send_answers, Outbox};
use crate::tablet::surveys::AnswerCounts;
use leptos::prelude::*;
use my_say_core::survey::SurveyFile;
use my_say_ui::i18n::use_i18n;

/// A survey's card on "Surveys on this tablet".
///
/// - `file`: The survey.
/// - `counts`: Its answers waiting and sent.
/// - `confirming`: The id of the survey whose removal is being confirmed, if any.
/// - `message`: Where to say what happened.
/// - `error`: Where to say what went wrong.
/// - `on_change`: Called after the survey's answers changed, to count again.
/// - `on_remove`: Takes the survey off the tablet: its id and title.
pub fn survey_card(
    file: SurveyFile,
    counts: Memo<AnswerCounts>,
    confirming: RwSignal<Option<String>>,
    message: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    on_change: Callback<()>,
    on_remove: Callback<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = file.id().to_owned();
    let heading_id = format!("s-{id}");
    let title = title_in(file.survey(), i18n.locale());
    let start_label = i18n
        .locale()
        .format(Key::TabletSurveyStartLabel, &[("title", &title)]);
    let confirm_id = format!("confirm-{id}");
    let asked = {
        let id = id.clone();
        move || confirming.with(|c| c.as_deref() == Some(id.as_str()))
    };
    let removal = StoredValue::new((id.clone(), title.clone()));
    let (ask_for, described_by) = (id.clone(), heading_id.clone());
    let remove_or_confirm = move || {
        if !asked() {
            let ask_for = ask_for.clone();
            return view! {
                <p>
                    <button type="button" class="danger" aria-describedby=described_by.clone() on:click=move |_| confirming.set(Some(ask_for.clone()))>{i18n.tr(Key::TabletSurveyRemove)}</button>
                </p>
            }
            .into_any();
        }
        let (_, title) = removal.get_value();
        let waiting = counts.get().waiting;
        view! {
            <div class="survey-confirm" role="group" aria-labelledby=confirm_id.clone()>
                <p id=confirm_id.clone()>
                    {i18n.locale().format(Key::TabletSurveyConfirmRemove, &[("title", &title)])}
                </p>
                {(waiting > 0).then(|| view! {
                    <p class="banner warning">{i18n.locale().format(Key::TabletSurveyConfirmWaiting, &[("count", &waiting.to_string())])}</p>
                })}
                <div class="row">
                    <button type="button" class="danger" on:click=move |_| on_remove.run(removal.get_value())>{i18n.tr(Key::TabletSurveyConfirmYes)}</button>
                    <button type="button" on:click=move |_| confirming.set(None)>{i18n.tr(Key::TabletSurveyConfirmNo)}</button>
                </div>
            </div>
        }
        .into_any()
    };
    view! {
        <li class="card survey-card">
            <h3 id=heading_id.clone()>{title.clone()}</h3>
            <SurveyFacts file=file.clone() />
            <a class="button primary big" href=format!("/surveys/{id}") aria-label=start_label>{i18n.tr(Key::TabletSurveyStart)}</a>
            <div class="survey-answers">
                {send_answers(Outbox::Survey(id), Signal::derive(move || counts.get().waiting), Signal::derive(move || counts.get().sent), message, error, on_change, None)}
            </div>
            {remove_or_confirm}
        </li>
    }
}
