//! On the adult's start form: the booklet's optional topics (brothers and sisters, their social
//! worker...), none ticked unless the adult ticks one. Every topic is offered to the child
//! anyway, by its first question ("Would you like to answer some questions about...?"); a
//! ticked one starts switched on, that question answered yes, and the child can still say no
//! (`my_say_core::session::Draft::switch_on`; docs/booklet-format.md, "Optional sections").

use super::tick_boxes::TickBoxes;
use leptos::prelude::*;
use my_say_core::Outline;
use my_say_ui::i18n::{use_i18n, Key};
use std::sync::Arc;

/// A tick box for each optional topic of the booklet the child will fill in.
#[component]
pub fn TopicsChoice(
    /// What the form needs of the booklet the child will fill in, once the form says which.
    outline: Signal<Option<Arc<Outline>>>,
    /// The ids of the sections the adult ticked.
    topics: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = move || {
        let outline = outline.get()?;
        let (locale, fallback) = (i18n.locale().locale_code(), &outline.fallback);
        let options = outline.topics.iter();
        let options = options.map(|t| (t.id.clone(), t.title.get(&locale, fallback).to_owned()));
        Some(
            view! { <TickBoxes prefix="topic" options=options.collect() chosen=topics chosen_unticked=false /> },
        )
    };
    view! {
        <fieldset class="field" aria-describedby="topics-hint">
            <legend>{i18n.tr(Key::BookletTopics)}</legend>
            <p class="hint" id="topics-hint">{i18n.tr(Key::BookletTopicsHint)}</p>
            {options}
        </fieldset>
    }
}
