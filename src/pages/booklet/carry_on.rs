//! On the adult's start screen, the booklets in progress on this tablet, each to carry on with.
//! Council surveys in progress are carried on from "Surveys on this tablet", not here.

use crate::drafts;
use crate::routes::fill_address;
use leptos::prelude::*;
use my_say_core::session::InProgress;
use my_say_core::survey::is_survey_booklet;
use my_say_ui::i18n::{use_i18n, Key};
use my_say_ui::load::load;

/// One booklet or survey in progress: the link that carries it on (`label`, to the draft's
/// [`fill_address`]) and when it was started, in words.
pub fn carry_on_item(
    draft_id: &str,
    is_survey: bool,
    label: String,
    started: String,
) -> impl IntoView {
    view! {
        <li>
            <a class="button" href=fill_address(draft_id, is_survey)>{label}</a>
            " "
            <span class="note">{started}</span>
        </li>
    }
}

/// "Carry on with …": a link for each booklet in progress, with the day it was started; nothing
/// when there is none.
#[component]
pub fn CarryOn() -> impl IntoView {
    let i18n = use_i18n();
    let in_progress = load(|| async {
        let mut list = drafts::list().await.unwrap_or_default();
        list.retain(|(_, d)| !is_survey_booklet(&d.booklet_id));
        list
    });
    let each = move |(id, draft): (String, InProgress)| {
        let words = i18n.locale();
        let label = words.format(Key::BookletCarryOn, &[("name", &draft.initials)]);
        let day = draft.started_at.get(..10).unwrap_or("");
        let started = words.format(Key::BookletStartedOn, &[("date", day)]);
        carry_on_item(&id, false, label, started)
    };
    move || {
        let list = in_progress.get().unwrap_or_default();
        (!list.is_empty()).then(|| {
            view! {
                <section class="carry-on" aria-labelledby="carry-on-heading">
                    <h2 id="carry-on-heading">{i18n.tr(Key::BookletCarryOnTitle)}</h2>
                    <ul class="plain">{list.into_iter().map(each).collect_view()}</ul>
                </section>
            }
        })
    }
}
