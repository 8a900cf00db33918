//! The inbox: every booklet in the workspace, booklets with a worry still open first, then the
//! newest; search by name or case reference, and filters by age band, unread and open worries.
//! The order and the filters are `my_say_core::inbox`; this renders them. At the top it says how
//! many follow-ups are overdue, and how many of those arrived overdue.

use super::follow_ups::OverdueNotice;
use super::{tr_format, use_active};
use crate::i18n::Key;
use crate::workspace::follow_ups;
use crate::workspace::inbox as stored;
use leptos::prelude::*;
use my_say_core::followup::overdue_counts;
use my_say_core::inbox::{inbox, InboxEntry, InboxFilter};
use my_say_core::AgeBand;
use my_say_ui::browser::clock;
use my_say_ui::i18n::{band_key, use_i18n};
use my_say_ui::load::load;

/// The booklets, worrying ones marked and first, with search and filters. Each child's name
/// opens their one-page summary.
#[component]
pub fn Inbox(
    /// Bumped when booklets are added; the list then reloads.
    version: RwSignal<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let entries = load(move || {
        version.track();
        async move {
            let store = active.store().await?;
            stored::entries(&store).await
        }
    });
    // Overdue follow-ups, counted again whenever booklets are added. Should the follow-ups not
    // load, the list below shows the storage error; the notice is then left out.
    let overdue = load(move || {
        version.track();
        async move {
            let store = active.store().await?;
            let list = follow_ups::all(&store).await?;
            Ok::<_, my_say_ui::browser::store::StoreError>(overdue_counts(
                &list,
                clock::today_date(),
            ))
        }
    });
    let filter = RwSignal::new(InboxFilter::default());

    view! {
        <section class="card inbox" aria-labelledby="booklets-heading">
            <h2 id="booklets-heading">{i18n.tr(Key::IroBookletsTitle)}</h2>
            <OverdueNotice
                counts=Signal::derive(move || overdue.get().and_then(Result::ok).unwrap_or_default())
                link=true
            />
            {move || entries.get().map(|result| match result {
                Err(e) => view! { <p class="banner error" role="alert">{i18n.store_error(&e)}</p> }.into_any(),
                Ok(all) if all.is_empty() => view! { <p class="note">{i18n.tr(Key::IroBookletsNone)}</p> }.into_any(),
                Ok(all) => view! { <InboxList all filter /> }.into_any(),
            })}
        </section>
    }
}

/// The filters and the table of booklets that pass them.
#[component]
fn InboxList(
    /// Every booklet's entry.
    all: Vec<InboxEntry>,
    /// What the IRO narrowed the list to.
    filter: RwSignal<InboxFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let total = all.len();
    let shown = Memo::new(move |_| filter.with(|f| inbox(&all, f)));
    let set = move |change: fn(&mut InboxFilter, String), value: String| {
        filter.update(|f| change(f, value));
    };

    // The table stays while the filter changes its rows; only "none match" replaces it.
    let any_shown = Memo::new(move |_| shown.with(|s| !s.is_empty()));
    view! {
        <div class="inbox-filters" role="search" aria-label=i18n.tr(Key::IroInboxFiltersLabel)>
            <div class="field">
                <label for="inbox-search">{i18n.tr(Key::IroInboxSearch)}</label>
                <input
                    id="inbox-search"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || filter.with(|f| f.search.clone())
                    on:input=move |ev| set(|f, v| f.search = v, event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="inbox-band">{i18n.tr(Key::IroInboxBand)}</label>
                <select
                    id="inbox-band"
                    on:change=move |ev| set(|f, v| f.age_band = AgeBand::from_code(&v), event_target_value(&ev))
                    prop:value=move || filter.with(|f| f.age_band.map(AgeBand::code).unwrap_or_default())
                >
                    <option value="">{i18n.tr(Key::IroInboxBandAll)}</option>
                    {AgeBand::ALL.into_iter().map(|b| view! {
                        <option value=b.code()>{i18n.tr(band_key(b))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="inbox-checks">
                <div class="check">
                    <input
                        id="inbox-unread"
                        type="checkbox"
                        prop:checked=move || filter.with(|f| f.unread_only)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            filter.update(|f| f.unread_only = on);
                        }
                    />
                    <label for="inbox-unread">{i18n.tr(Key::IroInboxUnreadOnly)}</label>
                </div>
                <div class="check">
                    <input
                        id="inbox-worries"
                        type="checkbox"
                        prop:checked=move || filter.with(|f| f.open_worries_only)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            filter.update(|f| f.open_worries_only = on);
                        }
                    />
                    <label for="inbox-worries">{i18n.tr(Key::IroInboxWorriesOnly)}</label>
                </div>
            </div>
            {move || filter.with(InboxFilter::is_active).then(|| view! {
                <button type="button" on:click=move |_| filter.set(InboxFilter::default())>{i18n.tr(Key::IroInboxClear)}</button>
            })}
        </div>
        <p class="inbox-count" role="status">
            {move || i18n.locale().format(Key::IroInboxShowing, &[
                ("shown", &shown.with(Vec::len).to_string()),
                ("count", &total.to_string()),
            ])}
        </p>
        {move || if any_shown.get() { view! {
            <div class="table-scroll" role="region" aria-labelledby="booklets-heading" tabindex="0">
                <table class="inbox-table">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.tr(Key::IroColChild)}</th>
                            <th scope="col">{i18n.tr(Key::IroColWorries)}</th>
                            <th scope="col">{i18n.tr(Key::IroColBand)}</th>
                            <th scope="col">{i18n.tr(Key::IroColReview)}</th>
                            <th scope="col">{i18n.tr(Key::IroColFinished)}</th>
                            <th scope="col">{i18n.tr(Key::IroColRead)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || shown.get()
                            key=|e| (e.id.clone(), e.open_worries, e.read)
                            children=move |e| {
                                let href = active.href(&format!("booklet/{}", e.id));
                                let (open, worries, read) = (e.open_worries, e.worries, e.read);
                                let worrying = open > 0;
                                let finished = e.completed_on().to_owned();
                                let (worry_class, worry_words) = if open > 0 {
                                    ("worry-mark", tr_format(Key::IroInboxOpenWorries, vec![("count", open.to_string())]))
                                } else if worries > 0 {
                                    ("", tr_format(Key::IroInboxWorriesDone, Vec::new()))
                                } else {
                                    ("muted", tr_format(Key::IroInboxNoWorries, Vec::new()))
                                };
                                let (read_class, read_words) = if read {
                                    ("", Key::IroInboxRead)
                                } else {
                                    ("new-mark", Key::IroInboxUnread)
                                };
                                view! {
                                    <tr class:worrying=worrying class:unread=!read>
                                        <th scope="row"><a href=href dir="auto">{e.child_name}</a></th>
                                        <td><span class=worry_class>{worry_words}</span></td>
                                        <td>{i18n.tr(band_key(e.age_band))}</td>
                                        <td>{e.review_date}</td>
                                        <td>{finished}</td>
                                        <td><span class=read_class>{i18n.tr(read_words)}</span></td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
        }.into_any() } else {
            view! { <p class="note">{i18n.tr(Key::IroInboxNoMatch)}</p> }.into_any()
        }}
    }
}
