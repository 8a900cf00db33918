//! On the adult's start form, "Before you hand the tablet over": the people the booklet offers
//! the child to choose from, each ticked, so the adult can untick one the child should not be
//! offered (a parent who has died, one the child does not see). Nothing is hidden unless the
//! adult unticks it. What is kept and what the child is shown follow
//! `my_say_core::Outline::people_to_hide` and `my_say_core::Question::with_people_hidden`.

use super::tick_boxes::TickBoxes;
use leptos::prelude::*;
use my_say_core::Outline;
use my_say_ui::i18n::{use_i18n, Key};
use std::sync::Arc;

/// The people options of the booklet the child will fill in, ticked until the adult unticks one.
#[component]
pub fn HidePeople(
    /// What the form needs of the booklet the child will fill in, once the form says which.
    outline: Signal<Option<Arc<Outline>>>,
    /// The option ids the adult unticked.
    unticked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        let outline = outline.get()?;
        let (locale, fallback) = (i18n.locale().locale_code(), &outline.fallback);
        let options = outline.people.iter();
        let options = options.map(|p| (p.id.clone(), p.label.get(&locale, fallback).to_owned()));
        Some(
            view! { <TickBoxes prefix="offer" options=options.collect() chosen=unticked chosen_unticked=true /> },
        )
    };
    view! {
        <details class="before-handover">
            <summary>{i18n.tr(Key::BookletBeforeHandover)}</summary>
            <fieldset class="field" aria-describedby="hide-people-hint">
                <legend>{i18n.tr(Key::BookletHidePeople)}</legend>
                <p class="hint" id="hide-people-hint">{i18n.tr(Key::BookletHidePeopleHint)}</p>
                {options}
            </fieldset>
        </details>
    }
}
