//! A booklet's first screen: hello (or, for a council survey, its title), the booklet's words
//! to the child, read-aloud, and "Let's start".

use leptos::prelude::*;
use my_say_core::Booklet;
use my_say_ui::components::read_aloud::ReadAloud;
use my_say_ui::i18n::{use_i18n, Key};
use std::sync::Arc;

/// Hello and the booklet's introduction, then the first question.
#[component]
pub fn BookletIntro(
    /// The booklet being filled in.
    booklet: Arc<Booklet>,
    /// The child's first name or initials (unused for a survey).
    name: String,
    /// Whether it is an anonymous council survey: it has no name to greet, so its title is the
    /// heading.
    is_survey: bool,
    /// The heading, which gets focus.
    heading: NodeRef<leptos::html::H1>,
    /// Goes to the first question.
    on_start: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let b = booklet.clone();
    let intro = move || b.intro_in(&i18n.locale().locale_code()).to_owned();
    let title = move || booklet.title_in(&i18n.locale().locale_code()).to_owned();
    let title_for_hello = title.clone();
    let hello = move || {
        if is_survey {
            title_for_hello()
        } else {
            i18n.locale().format(Key::FillHello, &[("name", &name)])
        }
    };
    let hello_for_speech = hello.clone();
    let intro_for_speech = intro.clone();
    let spoken = Signal::derive(move || format!("{}. {}", hello_for_speech(), intro_for_speech()));
    view! {
        <div class="booklet-intro">
            {(!is_survey).then(|| view! { <p class="booklet-title">{title}</p> })}
            <h1 tabindex="-1" node_ref=heading>{hello}</h1>
            <p class="lead">{intro}</p>
            <ReadAloud text=spoken prominent=true />
            <div class="nav">
                <button type="button" class="primary big" on:click=move |_| on_start.run(())>{i18n.tr(Key::FillLetsStart)}</button>
            </div>
        </div>
    }
}
