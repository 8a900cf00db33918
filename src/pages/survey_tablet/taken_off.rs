//! Answers still on the tablet to surveys taken off it: they can still be sent.

use crate::i18n::Key;
use crate::pages::send_answers::{send_answers, Outbox};
use crate::tablet::surveys::AnswerCounts;
use leptos::prelude::*;
use my_say_core::survey::SurveyShelf;
use my_say_ui::i18n::use_i18n;
use std::collections::BTreeMap;

/// Each survey id with answers here but no survey on the shelf any more, with its answers to
/// send; nothing when there is none.
#[component]
pub fn TakenOff(
    /// The tablet's surveys.
    shelf: RwSignal<Option<SurveyShelf>>,
    /// Answers on the tablet by survey id.
    counts: RwSignal<BTreeMap<String, AnswerCounts>>,
    /// Where to say what happened.
    message: RwSignal<Option<String>>,
    /// Where to say what went wrong.
    error: RwSignal<Option<String>>,
    /// Called after anything changed, to count again.
    on_change: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let taken_off = move || {
        let on_shelf = |id: &str| shelf.with(|s| s.as_ref().is_some_and(|s| s.get(id).is_some()));
        counts
            .get()
            .into_iter()
            .filter(|(id, _)| !on_shelf(id))
            .collect::<Vec<_>>()
    };
    let each = move |(id, c): (String, AnswerCounts)| {
        let heading = i18n
            .locale()
            .format(Key::TabletSurveyTakenOffSurvey, &[("id", &id)]);
        view! {
            <li>
                <h3>{heading}</h3>
                <div class="survey-answers">
                    {send_answers(Outbox::Survey(id), Signal::stored(c.waiting), Signal::stored(c.sent), message, error, on_change, None)}
                </div>
            </li>
        }
    };
    move || {
        let gone = taken_off();
        (!gone.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="taken-off-heading">
                    <h2 id="taken-off-heading">{i18n.tr(Key::TabletSurveyTakenOff)}</h2>
                    <ul class="plain">{gone.into_iter().map(each).collect_view()}</ul>
                </section>
            }
        })
    }
}
