//! A survey offered to the tablet, from the council lead's link or file: what it is, and Add or
//! Not now. When adding it would seal answers for other keys than the survey already on the
//! tablet, the old and new keys show and the adult confirms.

use super::{title_in, SurveyFacts};
use crate::i18n::Key;
use crate::pages::tablet::Recipients;
use leptos::prelude::*;
use my_say_core::seal::SetupCode;
use my_say_core::survey::SurveyFile;
use my_say_ui::i18n::use_i18n;

/// The offered survey's card; nothing while none is offered.
#[component]
pub fn SurveyOffer(
    /// The survey offered.
    offered: RwSignal<Option<SurveyFile>>,
    /// The keys answers are sealed for now, when adding would change them.
    keys_check: RwSignal<Option<SetupCode>>,
    /// Adds the survey; `true` once the adult has confirmed a change of keys.
    on_add: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let checking = move || keys_check.with(Option::is_some);
    move || {
        offered.get().map(|file| {
            let title = title_in(file.survey(), i18n.locale());
            let (title_now, new_keys) = (title.clone(), file.seal_for().clone());
            view! {
                <section class="card offer" aria-labelledby="survey-offer-heading">
                    <h2 id="survey-offer-heading">{i18n.tr(Key::TabletSurveyOfferTitle)}</h2>
                    <p class="survey-title">{title}</p>
                    <SurveyFacts file />
                    <p>{i18n.tr(Key::TabletSurveyOfferLead)}</p>
                    // Shown (and read out) when adding would seal for other keys; the buttons
                    // stay where they are, focus with them, and then say what they do.
                    {move || keys_check.get().map(|old| view! {
                        <section class="banner warning" role="alert" aria-labelledby="keys-change-heading">
                            <h3 id="keys-change-heading">{i18n.locale().format(Key::TabletSurveyKeysTitle, &[("title", &title_now)])}</h3>
                            <p class="sealed-for">{i18n.tr(Key::TabletSurveyKeysOld)}</p>
                            <Recipients recipients=old.shown() />
                            <p class="sealed-for">{i18n.tr(Key::TabletSurveyKeysNew)}</p>
                            <Recipients recipients=new_keys.shown() />
                            <p>{i18n.tr(Key::TabletSurveyKeysLead)}</p>
                        </section>
                    })}
                    <div class="row">
                        <button type="button" class="primary big" on:click=move |_| on_add.run(untrack(checking))>
                            {move || i18n.t(if checking() { Key::TabletSurveyKeysYes } else { Key::TabletSurveyAdd })}
                        </button>
                        <button type="button" on:click=move |_| { keys_check.set(None); offered.set(None); }>
                            {move || i18n.t(if checking() { Key::TabletSurveyKeysCancel } else { Key::TabletSurveyNotNow })}
                        </button>
                    </div>
                </section>
            }
        })
    }
}
