//! The home screen: a person chooses what they are here for.

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::components::A;

/// Three big choices: a child's booklet, the IRO workspace, council surveys.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |href: &'static str, title: Key, hint: Key, icon: &'static str| {
        view! {
            <li>
                <A href=href attr:class="choice">
                    <img src=icon alt="" width="56" height="56" />
                    <span class="choice-text">
                        <span class="choice-title">{i18n.tr(title)}</span>
                        <span class="choice-hint">{i18n.tr(hint)}</span>
                    </span>
                </A>
            </li>
        }
    };
    view! {
        <section class="page home">
            <h1>{i18n.tr(Key::HomeTitle)}</h1>
            <p class="lead">{i18n.tr(Key::HomeLead)}</p>
            <h2>{i18n.tr(Key::HomeChoose)}</h2>
            <ul class="choices">
                {choice("/booklet", Key::HomeBooklet, Key::HomeBookletHint, "/pictures/star.svg")}
                {choice("/iro", Key::HomeIro, Key::HomeIroHint, "/pictures/book.svg")}
                {choice("/council", Key::HomeCouncil, Key::HomeCouncilHint, "/pictures/speech.svg")}
            </ul>
            <p class="demo-offer">
                <A href="/surveys">{i18n.tr(Key::TabletSurveyTitle)}</A>
                <span class="hint">{i18n.tr(Key::TabletSurveyHomeHint)}</span>
            </p>
            <p class="demo-offer">
                <A href="/demo">{i18n.tr(Key::IroDemoTry)}</A>
                <span class="hint">{i18n.tr(Key::IroDemoTryHint)}</span>
            </p>
            <p class="note">{i18n.tr(Key::HomeOfflineNote)}</p>
        </section>
    }
}
