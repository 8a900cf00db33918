//! Council surveys in progress on the tablet, each to carry on with (booklets in progress are
//! carried on from the booklet's start screen instead).

use super::title_in;
use crate::i18n::Key;
use crate::pages::booklet::carry_on_item;
use leptos::prelude::*;
use my_say_core::session::InProgress;
use my_say_core::survey::SurveyShelf;
use my_say_ui::i18n::use_i18n;

/// "Carry on with …" for each survey in progress, with when it was started; nothing when none is.
#[component]
pub fn SurveysInProgress(
    /// The surveys in progress: draft id and draft.
    in_progress: RwSignal<Vec<(String, InProgress)>>,
    /// The tablet's surveys, for their titles.
    shelf: RwSignal<Option<SurveyShelf>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let each = move |(id, draft): (String, InProgress)| {
        let words = i18n.locale();
        let title = shelf
            .with(|s| {
                s.as_ref()?
                    .get(&draft.booklet_id)
                    .map(|f| title_in(f.survey(), words))
            })
            .unwrap_or_else(|| draft.booklet_id.clone());
        let label = words.format(Key::TabletSurveyCarryOn, &[("title", &title)]);
        let time = draft.started_at.replace('T', " ");
        let started = words.format(
            Key::TabletSurveyStartedAt,
            &[("time", time.trim_end_matches('Z'))],
        );
        carry_on_item(&id, true, label, started)
    };
    move || {
        (!in_progress.with(Vec::is_empty)).then(|| {
            view! {
                <section class="carry-on" aria-labelledby="survey-carry-on-heading">
                    <h2 id="survey-carry-on-heading">{i18n.tr(Key::TabletSurveyInProgress)}</h2>
                    <ul class="plain">{in_progress.get().into_iter().map(each).collect_view()}</ul>
                </section>
            }
        })
    }
}
