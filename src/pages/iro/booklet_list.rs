//! The booklets in the workspace, newest first: a simple list, so an import is visible. The
//! inbox with summaries replaces it later.

use super::use_active;
use crate::i18n::{use_i18n, Key};
use crate::workspace;
use leptos::prelude::*;
use my_say_core::AgeBand;

/// The wording of an age band.
fn band_key(band: AgeBand) -> Key {
    match band {
        AgeBand::FourToSix => Key::BookletBand46,
        AgeBand::SevenToNine => Key::BookletBand79,
        AgeBand::TenToFifteen => Key::BookletBand1015,
        AgeBand::SixteenPlus => Key::BookletBand16Plus,
    }
}

/// Each imported booklet: child's name, age band, review date and when it was finished.
#[component]
pub fn BookletList(
    /// Bumped when booklets are added; the list then reloads.
    version: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let list = LocalResource::new(move || {
        version.track();
        async move {
            let store = active.store().await.map_err(|e| e.to_string())?;
            workspace::booklets(&store).await.map_err(|e| e.to_string())
        }
    });

    view! {
        <section class="card" aria-labelledby="booklets-heading">
            <h2 id="booklets-heading">{i18n.tr(Key::IroBookletsTitle)}</h2>
            {move || list.get().map(|result| match result {
                Err(e) => view! { <p class="banner error" role="alert">{e}</p> }.into_any(),
                Ok(booklets) if booklets.is_empty() => view! { <p class="note">{i18n.tr(Key::IroBookletsNone)}</p> }.into_any(),
                Ok(booklets) => view! {
                    <p>{i18n.locale().format(Key::IroBookletsCount, &[("count", &booklets.len().to_string())])}</p>
                    <ul class="booklet-list">
                        {booklets.into_iter().map(|b| {
                            let finished = b.completed_on().to_owned();
                            view! {
                                <li>
                                    <p class="booklet-child">{b.child.name}</p>
                                    <dl class="booklet-facts">
                                        <div><dt>{i18n.tr(Key::IroColBand)}</dt><dd>{i18n.tr(band_key(b.age_band))}</dd></div>
                                        <div><dt>{i18n.tr(Key::IroColReview)}</dt><dd>{b.child.review_date}</dd></div>
                                        <div><dt>{i18n.tr(Key::IroColFinished)}</dt><dd>{finished}</dd></div>
                                    </dl>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </section>
    }
}
