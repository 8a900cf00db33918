//! An action's look back: whether it made a difference (yes, no or not known yet), what the
//! council found and the day it looked; on the form, and as a line on the poster.

use super::{long_date, TextField, Ysw};
use crate::i18n::Key;
use crate::pages::iro::focus_id_soon;
use leptos::prelude::*;
use my_say_core::calendar::Date;
use my_say_core::survey::{ActionStatus, Difference, Review};
use my_say_ui::browser::clock;
use my_say_ui::i18n::{use_i18n, Locale};

/// The wording of an answer to "Did it make a difference?" on the form.
fn difference_key(d: Difference) -> Key {
    match d {
        Difference::Yes => Key::YouSaidReviewYes,
        Difference::No => Key::YouSaidReviewNo,
        Difference::NotYetKnown => Key::YouSaidReviewNotYetKnown,
    }
}

/// Changes one action's look back (if the action is still there) and saves.
fn edit_review(ysw: Ysw, eid: &str, i: usize, f: impl FnOnce(&mut Option<Review>)) {
    ysw.edit_action(eid, i, |a| f(&mut a.review));
}

/// Whether an action made a difference: a button to record it (for an action done or ongoing),
/// then the look back's fields.
#[component]
pub(super) fn ReviewEditor(
    /// The entry's id.
    eid: String,
    /// The action's place in the entry, from 0.
    i: usize,
    /// The editor.
    ysw: Ysw,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("ysw-{eid}-a{}", i + 1);
    let has_review = {
        let eid = eid.clone();
        Memo::new(move |_| ysw.action(&eid, i).is_some_and(|a| a.review.is_some()))
    };
    let planned = {
        let eid = eid.clone();
        Memo::new(move |_| {
            ysw.action(&eid, i)
                .is_some_and(|a| a.status == ActionStatus::Planned)
        })
    };
    let add = {
        let (eid, base) = (eid.clone(), base.clone());
        move |_| {
            edit_review(ysw, &eid, i, |r| {
                *r = Some(Review {
                    made_difference: Difference::NotYetKnown,
                    note: String::new(),
                    date: clock::today_date(),
                })
            });
            focus_id_soon(format!("{base}-review-yes"));
        }
    };
    let add_button = move || {
        (!planned.get()).then(|| {
            view! {
                <button type="button" class="small" id=format!("{base}-review-add") on:click=add.clone()>
                    {i18n.tr(Key::YouSaidReviewAdd)}
                </button>
            }
        })
    };
    view! {
        {move || if has_review.get() {
            view! { <ReviewFields eid=eid.clone() i ysw /> }.into_any()
        } else {
            add_button().into_any()
        }}
    }
}

/// The look back's fields: yes, no or not known yet; what was found; the day; remove.
#[component]
fn ReviewFields(
    /// The entry's id.
    eid: String,
    /// The action's place in the entry, from 0.
    i: usize,
    /// The editor.
    ysw: Ysw,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("ysw-{eid}-a{}", i + 1);
    let review = {
        let eid = eid.clone();
        Memo::new(move |_| ysw.action(&eid, i).and_then(|a| a.review))
    };
    let (first_id, note_id, date_id) = (
        format!("{base}-review-yes"),
        format!("{base}-review-note"),
        format!("{base}-review-date"),
    );
    let status_problem = {
        let first_id = first_id.clone();
        Signal::derive(move || ysw.problem_at(&first_id))
    };
    let date_problem = {
        let date_id = date_id.clone();
        Signal::derive(move || ysw.problem_at(&date_id))
    };
    let date_error = RwSignal::new(false);
    let radios = Difference::ALL
        .into_iter()
        .map(|d| {
            let id = format!("{base}-review-{}", d.code().replace('_', "-"));
            let eid = eid.clone();
            view! {
                <div class="check">
                    <input type="radio" id=id.clone() name=format!("{base}-review")
                        prop:checked=move || review.with(|r| r.as_ref().is_some_and(|r| r.made_difference == d))
                        on:change=move |_| edit_review(ysw, &eid, i, |r| {
                            if let Some(r) = r {
                                r.made_difference = d;
                            }
                        }) />
                    <label for=id>{i18n.tr(difference_key(d))}</label>
                </div>
            }
        })
        .collect_view();
    let note_value = Signal::derive(move || {
        review.with(|r| r.as_ref().map(|r| r.note.clone()).unwrap_or_default())
    });
    let set_note = {
        let eid = eid.clone();
        Callback::new(move |v: String| {
            edit_review(ysw, &eid, i, |r| {
                if let Some(r) = r {
                    r.note = v;
                }
            })
        })
    };
    let set_date = {
        let eid = eid.clone();
        move |ev: leptos::ev::Event| match Date::parse(event_target_value(&ev).trim()) {
            Ok(day) => {
                date_error.set(false);
                edit_review(ysw, &eid, i, |r| {
                    if let Some(r) = r {
                        r.date = day;
                    }
                });
            }
            Err(_) => date_error.set(true),
        }
    };
    let remove = {
        let (eid, base) = (eid.clone(), base.clone());
        move |_| {
            edit_review(ysw, &eid, i, |r| *r = None);
            focus_id_soon(format!("{base}-review-add"));
        }
    };
    let error_id = format!("{date_id}-error");
    let described_by = error_id.clone();
    let date_words = move || {
        if date_error.get() {
            Some(i18n.t(Key::YouSaidErrorDate).to_owned())
        } else {
            date_problem.get()
        }
    };
    view! {
        <fieldset class="field ysw-review">
            <legend>{i18n.tr(Key::YouSaidReviewLegend)}</legend>
            {move || status_problem.get().map(|p| view! { <p class="field-error">{p}</p> })}
            {radios}
            <TextField id=note_id label=Key::YouSaidReviewNote ysw multiline=true value=note_value set=set_note />
            <div class="field" class:has-error=move || date_words().is_some()>
                <label for=date_id.clone()>{i18n.tr(Key::YouSaidReviewDate)}</label>
                {
                    let id = error_id.clone();
                    move || date_words().map(|w| view! { <p class="field-error" id=id.clone()>{w}</p> })
                }
                <input id=date_id type="date" class="ysw-date"
                    aria-invalid=move || date_words().is_some().then_some("true")
                    aria-describedby=move || date_words().is_some().then(|| described_by.clone())
                    prop:value=move || review.with(|r| r.as_ref().map(|r| r.date.to_string()).unwrap_or_default())
                    on:change=set_date />
            </div>
            <div class="row">
                <button type="button" class="small danger" id=format!("{base}-review-remove") on:click=remove>
                    {i18n.tr(Key::YouSaidReviewRemove)}
                </button>
            </div>
        </fieldset>
    }
}

/// An action's look back on the poster: "Made a difference (checked 14 March 2026): …".
#[component]
pub(super) fn ReviewLine(
    /// The look back.
    review: Review,
    /// The reader's language, for the words and the date.
    locale: Locale,
) -> impl IntoView {
    let key = match review.made_difference {
        Difference::Yes => Key::YouSaidPosterReviewYes,
        Difference::No => Key::YouSaidPosterReviewNo,
        Difference::NotYetKnown => Key::YouSaidPosterReviewNotYetKnown,
    };
    let label = locale.format(key, &[("date", &long_date(review.date, locale))]);
    view! {
        " "
        <p class=format!("poster-review {}", review.made_difference.code())>
            <span class="poster-review-label">{label}</span>" "
            <span class="poster-review-note" dir="auto">{review.note}</span>
        </p>
    }
}
