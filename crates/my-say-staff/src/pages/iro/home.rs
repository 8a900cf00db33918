//! The unlocked workspace's home: booklets finished on this device are picked up, answers
//! files are imported, and the inbox lists the booklets, worrying ones first.

use super::import::ImportAnswers;
use super::inbox::Inbox;
use super::{focus_when_shown, use_active, ErrorBanner};
use crate::i18n::Key;
use crate::workspace::{self, use_unlocked};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_ui::browser::clock;
use my_say_ui::i18n::use_i18n;

/// The IRO's workspace once unlocked: import, and the booklets held.
#[component]
pub fn WorkspaceHome() -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = use_unlocked();
    let active = use_active();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    // Bumped whenever booklets are added, so the list reloads.
    let version = RwSignal::new(0u32);
    let picked_up = RwSignal::new(None::<usize>);
    let surveys_picked_up = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<String>);

    // A child may have finished a booklet on this very device: take in what opens with our key.
    if let Some(key) = unlocked.key() {
        spawn_local(async move {
            let result = match active.store().await {
                Ok(store) => workspace::collect_sealed(&store, &key, clock::today_date()).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(done) if done.added > 0 || done.survey_answers > 0 => {
                    picked_up.set((done.added > 0).then_some(done.added));
                    surveys_picked_up.set((done.survey_answers > 0).then_some(done.survey_answers));
                    version.update(|v| *v += 1);
                }
                Ok(_) => {}
                Err(e) => error.set(Some(i18n.store_error(&e))),
            }
        });
    }

    view! {
        <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::IroTitle)}</h1>
        {move || picked_up.get().map(|n| view! {
            <p class="banner success" role="status">{i18n.locale().format(Key::IroPickedUp, &[("count", &n.to_string())])}</p>
        })}
        {move || surveys_picked_up.get().map(|n| view! {
            <p class="banner success" role="status">{i18n.locale().format(Key::SurveyImportPickedUp, &[("count", &n.to_string())])}</p>
        })}
        <ErrorBanner error=error />
        <ImportAnswers on_imported=Callback::new(move |_| version.update(|v| *v += 1)) />
        <Inbox version />
    }
}
