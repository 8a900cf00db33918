//! On the adult's start form, "Before you hand the tablet over": the people the booklet offers
//! the child to choose from, each ticked, so the adult can untick one the child should not be
//! offered (a parent who has died, one the child does not see). Nothing is hidden unless the
//! adult unticks it. What is kept and what the child is shown follow
//! `my_say_core::Booklet::people_to_hide` and `my_say_core::Question::with_people_hidden`.

use super::tick_boxes::TickBoxes;
use leptos::prelude::*;
use my_say_core::Booklet;
use my_say_ui::i18n::{use_i18n, Key};
use std::sync::Arc;

/// The people options of the booklet the child will fill in, ticked until the adult unticks one.
#[component]
pub fn HidePeople(
    /// The booklet the child will fill in, once the form says which.
    booklet: Signal<Option<Arc<Booklet>>>,
    /// The option ids the adult unticked.
    unticked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        let booklet = booklet.get()?;
        let (locale, fallback) = (i18n.locale().locale_code(), booklet.fallback_locale());
        let options = booklet.people_options().into_iter();
        let options = options.map(|c| (c.id.clone(), c.label.get(&locale, &fallback).to_owned()));
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
