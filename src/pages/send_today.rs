//! "Send the answers to the IRO today", once sealed answers have waited on the tablet for more
//! than a day. The tablet cannot read what it sealed, so it says this for every booklet alike.

use crate::tablet;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::outbox::Wait;
use my_say_ui::i18n::{use_i18n, Key};

/// The banner, shown only past a day; on the tablet page it also says since when, and elsewhere
/// it links to the tablet page, where the answers are sent.
#[component]
pub fn SendToday(
    /// On the tablet page itself: say since when, and no link to where we already are.
    #[prop(optional)]
    on_tablet_page: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let wait = RwSignal::new(None::<Wait>);
    spawn_local(async move { wait.set(tablet::oldest_wait().await.ok().flatten()) });
    move || {
        let wait = wait.get()?;
        let since = i18n.locale().format(
            Key::TabletWaitingSince,
            &[("time", &wait.since.to_string())],
        );
        (on_tablet_page || wait.send_today()).then(|| {
            let class = if wait.send_today() { "banner warning" } else { "note" };
            // A status away from the tablet page, where it is part of the page's own text.
            let role = (!on_tablet_page).then_some("status");
            view! {
                <div class=class role=role>
                    {wait.send_today().then(|| view! { <p><strong>{i18n.tr(Key::TabletSendToday)}</strong></p> })}
                    {if on_tablet_page {
                        view! { <p>{since}</p> }.into_any()
                    } else {
                        view! { <p><a href="/tablet" class="button primary">{i18n.tr(Key::TabletSendTodayLink)}</a></p> }.into_any()
                    }}
                </div>
            }
        })
    }
}
