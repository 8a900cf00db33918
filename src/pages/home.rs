//! The home screen: a person chooses what they are here for.

use leptos::prelude::*;
use my_say_ui::i18n::{use_i18n, Key};

use crate::pages::send_today::SendToday;

/// Three big choices: a child's booklet, the IRO workspace, council surveys; then the surveys
/// on this tablet and the example workspace.
#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    crate::tablet::keep_its_app_if_set_up();
    crate::tablet::surveys::keep_their_app_if_here();
    // `/iro` and `/council` are the staff app: `rel="external"` makes them an ordinary page
    // load of that app, which the child's tablet downloads only then.
    let choice = move |href: &'static str, title: Key, hint: Key, icon: &'static str| {
        let rel = (href != "/booklet").then_some("external");
        view! {
            <li>
                <a href=href class="choice" rel=rel>
                    <img src=icon alt="" width="56" height="56" />
                    <span class="choice-text">
                        <span class="choice-title">{i18n.tr(title)}</span>
                        <span class="choice-hint">{i18n.tr(hint)}</span>
                    </span>
                </a>
            </li>
        }
    };
    view! {
        <section class="page home">
            <h1>{i18n.tr(Key::HomeTitle)}</h1>
            <p class="lead">{i18n.tr(Key::HomeLead)}</p>
            <SendToday />
            <h2>{i18n.tr(Key::HomeChoose)}</h2>
            <ul class="choices">
                {choice("/booklet", Key::HomeBooklet, Key::HomeBookletHint, "/pictures/star.svg")}
                {choice("/iro", Key::HomeIro, Key::HomeIroHint, "/pictures/book.svg")}
                {choice("/council", Key::HomeCouncil, Key::HomeCouncilHint, "/pictures/speech.svg")}
            </ul>
            <p class="demo-offer">
                <a href="/surveys">{i18n.tr(Key::TabletSurveyTitle)}</a>
                <span class="hint">{i18n.tr(Key::TabletSurveyHomeHint)}</span>
            </p>
            <p class="demo-offer">
                <a href="/demo" rel="external">{i18n.tr(Key::IroDemoTry)}</a>
                <span class="hint">{i18n.tr(Key::IroDemoTryHint)}</span>
            </p>
            <p class="note">{i18n.tr(Key::HomeOfflineNote)}</p>
        </section>
    }
}
