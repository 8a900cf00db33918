//! Sending a tablet's sealed answers as one file, for the tablet's booklets (to its IROs, from
//! `/tablet`) and for each council survey's answers (to its council lead, from `/surveys`): how
//! many wait, download (or share) them, and remove those already sent.

use crate::i18n::Key;
use crate::tablet::{self, surveys as tablet_surveys, SendError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::outbox::answers_file_name;
use my_say_ui::browser::store::{device_store, StoreError};
use my_say_ui::browser::{clock, files};
use my_say_ui::i18n::{use_i18n, I18n};

/// Whose sealed answers are sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outbox {
    /// The tablet's booklets, sealed for the IROs it is set up for.
    Booklets,
    /// One council survey's answers (by survey id), sealed for its council lead.
    Survey(String),
}

/// The wording of one outbox: each says "booklets" or "answers" and whom they go to.
struct Words {
    waiting: Key,
    download: Key,
    share: Key,
    sent_done: Key,
    nothing: Key,
    sent_kept: Key,
    remove_sent: Key,
    removed: Key,
}

impl Outbox {
    fn words(&self) -> Words {
        match self {
            Outbox::Booklets => Words {
                waiting: Key::TabletWaiting,
                download: Key::TabletDownload,
                share: Key::TabletShare,
                sent_done: Key::TabletSentDone,
                nothing: Key::TabletNothingToSend,
                sent_kept: Key::TabletSentKept,
                remove_sent: Key::TabletRemoveSent,
                removed: Key::TabletRemoved,
            },
            Outbox::Survey(_) => Words {
                waiting: Key::TabletSurveyWaiting,
                download: Key::TabletSurveyDownload,
                share: Key::TabletSurveyShare,
                sent_done: Key::TabletSurveySentDone,
                nothing: Key::TabletSurveyNothingToSend,
                sent_kept: Key::TabletSurveySentKept,
                remove_sent: Key::TabletSurveyRemoveSent,
                removed: Key::TabletSurveyRemovedSent,
            },
        }
    }

    /// One file of every answer not yet sent, and their ids; `None` when there are none.
    async fn bundle(&self) -> Result<Option<(Vec<u8>, Vec<String>)>, SendError> {
        match self {
            Outbox::Booklets => tablet::bundle_to_send().await,
            Outbox::Survey(id) => tablet_surveys::bundle_to_send(&device_store().await?, id).await,
        }
    }

    async fn mark_sent(&self, ids: &[String]) -> Result<(), StoreError> {
        match self {
            Outbox::Booklets => tablet::mark_sent(ids).await,
            Outbox::Survey(_) => tablet_surveys::mark_sent(&device_store().await?, ids).await,
        }
    }

    async fn remove_sent(&self) -> Result<usize, StoreError> {
        match self {
            Outbox::Booklets => tablet::remove_sent().await,
            Outbox::Survey(id) => tablet_surveys::remove_sent(&device_store().await?, id).await,
        }
    }

    /// Sends the answers waiting, as a file shared to another app or downloaded, and marks them
    /// sent. What happened, in words; `None` when the person closed the share sheet.
    async fn send(&self, by_share: bool, i18n: I18n) -> Result<Option<String>, SendError> {
        let words = self.words();
        let Some((bytes, ids)) = self.bundle().await? else {
            return Ok(Some(i18n.t(words.nothing).to_owned()));
        };
        let survey = match self {
            Outbox::Survey(id) => Some(id.as_str()),
            Outbox::Booklets => None,
        };
        let file = answers_file_name(survey, &clock::now());
        let sent = files::send(&bytes, &file, by_share).await;
        if !sent.map_err(SendError::Device)? {
            return Ok(None);
        }
        self.mark_sent(&ids).await?;
        let count = ids.len().to_string();
        Ok(Some(i18n.locale().format(
            words.sent_done,
            &[("count", &count), ("file", &file)],
        )))
    }
}

/// How many answers wait, buttons to download (and, where the device can, share) them as one
/// file, and, once some were sent, a button to remove those from the tablet.
///
/// - `outbox`: Whose answers.
/// - `waiting`: How many wait to be sent.
/// - `sent`: How many were sent and are still kept here.
/// - `message`: Where to say what happened.
/// - `error`: Where to say what went wrong.
/// - `on_change`: Called after anything changed, to count again.
/// - `between`: Shown between the count and the buttons.
pub fn send_answers(
    outbox: Outbox,
    waiting: Signal<usize>,
    sent: Signal<usize>,
    message: RwSignal<Option<String>>,
    error: RwSignal<Option<String>>,
    on_change: Callback<()>,
    between: Option<AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let words = outbox.words();
    let booklets = outbox == Outbox::Booklets;
    let outbox = StoredValue::new(outbox);
    // Download everywhere; on devices that can, hand the file straight to another app too.
    let can_share = files::can_share_files();
    let send = move |by_share: bool| {
        let outbox = outbox.get_value();
        spawn_local(async move {
            match outbox.send(by_share, i18n).await {
                Ok(Some(done)) => {
                    error.set(None);
                    message.set(Some(done));
                    on_change.run(());
                }
                // The person closed the share sheet: nothing was sent, nothing changes.
                Ok(None) => {}
                Err(e) => error.set(Some(e.words(i18n.locale()))),
            }
        });
    };
    let removed = words.removed;
    let remove_sent = move |_| {
        let outbox = outbox.get_value();
        spawn_local(async move {
            match outbox.remove_sent().await {
                Ok(n) => message.set(Some(
                    i18n.locale().format(removed, &[("count", &n.to_string())]),
                )),
                Err(e) => error.set(Some(e.words(i18n.locale()))),
            }
            on_change.run(());
        });
    };
    let count = move |key: Key, n: Signal<usize>| {
        move || {
            i18n.locale()
                .format(key, &[("count", &n.get().to_string())])
        }
    };
    let none_waiting = move || waiting.get() == 0;
    view! {
        <p>{count(words.waiting, waiting)}</p>
        {between}
        <div class="row">
            <button type="button" class:primary=booklets disabled=none_waiting on:click=move |_| send(false)>{i18n.tr(words.download)}</button>
            {can_share.then(|| view! {
                <button type="button" disabled=none_waiting on:click=move |_| send(true)>{i18n.tr(words.share)}</button>
            })}
        </div>
        {move || (sent.get() > 0).then(|| view! {
            <p>{count(words.sent_kept, sent)}</p>
            <button type="button" on:click=remove_sent>{i18n.tr(words.remove_sent)}</button>
        })}
    }
}
