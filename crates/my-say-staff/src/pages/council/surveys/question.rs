//! One question in the builder: its type of answer, wording (and wording per age group), help,
//! options, when to show it, and moving or removing it. Moves the builder refuses are never
//! offered, and the reason is shown instead.

use super::builder::{drop_target, kind_key, use_editor, Dragging, Wording, WordingInputs};
use super::logic::{condition_values, field_id, shorten};
use super::question_actions::QuestionActions;
use crate::i18n::Key;
use crate::pages::iro::focus_id_soon;
use leptos::prelude::*;
use my_say_core::booklet::AnswerKind;
use my_say_core::booklet::AnswerKindType;
use my_say_core::survey::SurveyDraft;
use my_say_core::validate::Problem;
use my_say_core::{QuestionId, Text};
use my_say_ui::components::answer_input::value_key;
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::use_i18n;

/// The words for a value a condition can choose, in the screen's language.
fn value_words(
    draft: &SurveyDraft,
    on: &QuestionId,
    value: &str,
    locale: my_say_ui::i18n::Locale,
) -> String {
    if let Some(key) = value_key(value) {
        return locale.text(key).to_owned();
    }
    let fallback = draft
        .locales()
        .first()
        .cloned()
        .unwrap_or_else(|| my_say_core::LocaleCode::new("en"));
    draft
        .question(on)
        .and_then(|q| q.options().iter().find(|o| o.id == value))
        .map(|o| o.label.get(&locale.locale_code(), &fallback).to_owned())
        .filter(|w| !w.trim().is_empty())
        .unwrap_or_else(|| value.to_owned())
}

/// How much of a question's wording a menu shows.
const MENU_WORDS: usize = 50;

/// A question's wording in the screen's language, for menus ("Question 1: Do you…").
fn question_words(draft: &SurveyDraft, id: &QuestionId, locale: my_say_ui::i18n::Locale) -> String {
    let fallback = draft
        .locales()
        .first()
        .cloned()
        .unwrap_or_else(|| my_say_core::LocaleCode::new("en"));
    let number = draft.index_of(id).map_or(0, |i| i + 1);
    // Long questions are cut short: a menu is as wide as its longest line.
    let words = draft
        .question(id)
        .map(|q| shorten(q.text.get(&locale.locale_code(), &fallback), MENU_WORDS))
        .unwrap_or_default();
    let label = locale.format(
        Key::BuilderQuestionNumber,
        &[("number", &number.to_string())],
    );
    if words.is_empty() {
        label
    } else {
        format!("{label}: {words}")
    }
}

/// While a question is dragged near the top or bottom of the window, scrolls the page that
/// way, so a question can be dragged past cards that are off screen.
fn scroll_near_edge(pointer_y: f64) {
    let Some(w) = web_sys::window() else { return };
    let height = w
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let by = super::logic::edge_scroll(pointer_y, height);
    if by != 0.0 {
        w.scroll_by_with_x_and_y(0.0, by);
    }
}

/// One question's card.
#[component]
pub(super) fn QuestionEditor(
    /// The question's id.
    id: QuestionId,
) -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let Dragging {
        dragging,
        hint,
        moved,
    } = expect_context::<Dragging>();
    let survey = editor.survey;
    let q = id.clone();
    let index = Memo::new(move |_| survey.with(|s| s.draft.index_of(&q).unwrap_or(0)));
    let number = move || index.get() + 1;
    let q = id.clone();
    let kind = Memo::new(move |_| {
        survey.with(|s| s.draft.question(&q).map(|q| AnswerKindType::of(&q.kind)))
    });
    let qid = id.as_str().to_owned();
    let heading_id = field_id(&[&qid, "heading"]);
    let anon_id = field_id(&[&qid, "anonymous"]);

    // The anonymity message, as the question is typed.
    let q = id.clone();
    let identifying = Memo::new(move |_| {
        editor.problems.with(|ps| {
            ps.iter()
                .find(|p| {
                    matches!(p.problem, Problem::Identifying { .. })
                        && matches!(&p.at, my_say_core::survey::ProblemAt::Question { id, .. } if *id == q)
                })
                .map(|p| p.to_string())
        })
    });
    let anon_for_input = anon_id.clone();
    let described = Signal::derive(move || identifying.get().map(|_| anon_for_input.clone()));

    // Dragging by the handle, with a mouse, pen or finger.
    let drag_start = {
        let id = id.clone();
        move |ev: leptos::ev::PointerEvent| {
            use wasm_bindgen::JsCast;
            ev.prevent_default();
            if let Some(t) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = t.set_pointer_capture(ev.pointer_id());
            }
            dragging.set(Some(id.clone()));
        }
    };
    let is_dragged = {
        let id = id.clone();
        move || dragging.with(|d| d.as_ref() == Some(&id))
    };
    let drag_move = {
        let id = id.clone();
        let is_dragged = is_dragged.clone();
        move |ev: leptos::ev::PointerEvent| {
            if is_dragged() {
                let y = f64::from(ev.client_y());
                hint.set(drop_target(&id, y).1);
                scroll_near_edge(y);
            }
        }
    };
    let drag_end = {
        let id = id.clone();
        let is_dragged = is_dragged.clone();
        move |ev: leptos::ev::PointerEvent| {
            if !is_dragged() {
                return;
            }
            let (to, _) = drop_target(&id, f64::from(ev.client_y()));
            dragging.set(None);
            hint.set(None);
            let from = index.get_untracked();
            if to != from && editor.try_change(&id, |d| d.move_question(&id, to)) {
                moved.set(Some(i18n.locale().format(
                    Key::BuilderMoved,
                    &[
                        ("from", &(from + 1).to_string()),
                        ("to", &(to + 1).to_string()),
                    ],
                )));
            }
        }
    };
    let drag_cancel = move |_: leptos::ev::PointerEvent| {
        dragging.set(None);
        hint.set(None);
    };
    let q = id.clone();
    let drop_before = move || hint.with(|h| h.as_ref().is_some_and(|h| h.at == q && !h.after));
    let q = id.clone();
    let drop_after = move || hint.with(|h| h.as_ref().is_some_and(|h| h.at == q && h.after));

    view! {
        <li
            class="sb-question"
            data-question=qid.clone()
            class:sb-dragging=is_dragged
            class:sb-drop-before=drop_before
            class:sb-drop-after=drop_after
            aria-labelledby=heading_id.clone()
        >
            <div class="sb-question-head">
                <div
                    class="sb-drag"
                    aria-hidden="true"
                    title=move || i18n.t(Key::BuilderDragHint)
                    on:pointerdown=drag_start
                    on:pointermove=drag_move
                    on:pointerup=drag_end
                    on:pointercancel=drag_cancel
                >"⠿"</div>
                <h3 id=heading_id.clone() tabindex="-1">{move || i18n.locale().format(Key::BuilderQuestionNumber, &[("number", &number().to_string())])}</h3>
            </div>
            <KindChoice id=id.clone() kind />
            <WordingInputs wording=Wording::Question(id.clone()) label=Signal::derive(move || i18n.t(Key::BuilderFieldQuestion).to_owned()) described_by=described />
            {
                let anon_id = anon_id.clone();
                move || identifying.get().map(|m| view! { <p class="field-error" id=anon_id.clone() dir="auto">{m}</p> })
            }
            <WordingInputs wording=Wording::Help(id.clone()) label=Signal::derive(move || i18n.t(Key::BuilderFieldHelp).to_owned()) />
            <BandWording id=id.clone() />
            {
                let id = id.clone();
                move || kind.get().map(|k| view! { <AnswerSettings id=id.clone() kind=k /> })
            }
            <ShowIf id=id.clone() />
            <QuestionActions id=id.clone() index heading_id=heading_id.clone() />
        </li>
    }
}

/// The type of answer a question takes: a menu of every kind the builder offers.
#[component]
fn KindChoice(
    /// The question's id.
    id: QuestionId,
    /// Its type of answer now.
    kind: Memo<Option<AnswerKindType>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let kind_id = field_id(&[id.as_str(), "kind"]);
    let on_kind = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(k) = AnswerKindType::ALL.into_iter().find(|k| k.code() == code) {
            editor.change(|d| {
                if let Some(q) = d.question_mut(&id) {
                    q.set_kind_type(k);
                }
            });
        }
    };
    view! {
        <div class="field">
            <label for=kind_id.clone()>{i18n.tr(Key::BuilderKind)}</label>
            <select id=kind_id on:change=on_kind>
                {AnswerKindType::ALL.into_iter().map(|k| view! {
                    <option value=k.code() selected=move || kind.get() == Some(k)>{i18n.tr(kind_key(k))}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// "Different wording for an age group": a disclosure with a box per age group the survey is
/// for. Opens by itself when a problem link points inside it.
#[component]
fn BandWording(
    /// The question's id.
    id: QuestionId,
) -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let q = id.clone();
    let open = move || editor.open_bands.with(|o| o.contains(&q));
    let q = id.clone();
    let on_toggle = move |ev: leptos::ev::Event| {
        let details: web_sys::HtmlDetailsElement = event_target(&ev);
        let now_open = details.open();
        editor.open_bands.update(|o| {
            o.retain(|x| *x != q);
            if now_open {
                o.push(q.clone());
            }
        });
    };
    let bands = move || editor.survey.with(|s| s.draft.age_bands().to_vec());
    view! {
        <details class="sb-bands" prop:open=open on:toggle=on_toggle>
            <summary>{i18n.tr(Key::BuilderBandWording)}</summary>
            <p class="hint">{i18n.tr(Key::BuilderBandWordingHint)}</p>
            <For each=bands key=|b| *b let:band>
                <WordingInputs
                    wording=Wording::Band(id.clone(), band)
                    label=Signal::derive(move || i18n.locale().format(Key::BuilderBandLabel, &[("band", i18n.t(band_key(band)))]))
                />
            </For>
        </details>
    }
}

/// The settings of the type of answer: options for the types with options, "children can add
/// their own" for pick several and pick and order, the longest answer for own words.
#[component]
fn AnswerSettings(
    /// The question's id.
    id: QuestionId,
    /// Its type of answer.
    kind: AnswerKindType,
) -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let survey = editor.survey;
    let qid = id.as_str().to_owned();
    if kind == AnswerKindType::OwnWords {
        let max_id = field_id(&[&qid, "max"]);
        let q = id.clone();
        let current = survey.with_untracked(|s| match s.draft.question(&q).map(|q| &q.kind) {
            Some(AnswerKind::OwnWords { max_chars }) => *max_chars,
            _ => 0,
        });
        let on_input = move |ev: leptos::ev::Event| {
            // Anything that is not a whole number counts as 0, which the problems list flags.
            let chars = event_target_value(&ev).trim().parse::<u32>().unwrap_or(0);
            editor.change(|d| {
                if let Some(q) = d.question_mut(&id) {
                    q.set_max_chars(chars);
                }
            });
        };
        return view! {
            <div class="field">
                <label for=max_id.clone()>{i18n.tr(Key::BuilderMaxChars)}</label>
                <input id=max_id type="number" inputmode="numeric" min="1" value=current.to_string() on:input=on_input />
            </div>
        }
        .into_any();
    }
    if !kind.has_options() {
        return ().into_any();
    }
    let q = id.clone();
    let options = move || {
        survey.with(|s| {
            s.draft
                .question(&q)
                .map(|q| q.options().iter().map(|o| o.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let add_id = field_id(&[&qid, "add-option"]);
    let add = {
        let id = id.clone();
        move |_| {
            let mut added = None;
            editor.change(|d| {
                added = d
                    .question_mut(&id)
                    .and_then(|q| q.add_option(Text::default()))
            });
            if let Some(o) = added {
                let locale = survey
                    .with_untracked(|s| s.draft.locales().first().map(|l| l.as_str().to_owned()))
                    .unwrap_or_default();
                focus_id_soon(field_id(&[id.as_str(), "option", &o, &locale]));
            }
        }
    };
    let own_words = (kind == AnswerKindType::PickSeveral || kind == AnswerKindType::PickAndOrder).then(|| {
        let own_id = field_id(&[&qid, "own"]);
        let q = id.clone();
        let checked = move || {
            survey.with(|s| {
                matches!(
                    s.draft.question(&q).map(|q| &q.kind),
                    Some(AnswerKind::PickSeveral { own_words: true, .. } | AnswerKind::PickAndOrder { own_words: true, .. })
                )
            })
        };
        let id = id.clone();
        view! {
            <div class="check">
                <input type="checkbox" id=own_id.clone() prop:checked=checked on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    editor.change(|d| if let Some(q) = d.question_mut(&id) { q.set_own_words(on) });
                } />
                <label for=own_id>{i18n.tr(Key::BuilderOwnWords)}</label>
            </div>
        }
    });
    let people_hint = (kind == AnswerKindType::People)
        .then(|| view! { <p class="hint">{i18n.tr(Key::BuilderPeopleHint)}</p> });
    view! {
        <fieldset class="field sb-options">
            <legend>{i18n.tr(Key::BuilderOptions)}</legend>
            {people_hint}
            <ol class="plain">
                <For each=options key=|o| o.clone() let:option>
                    <OptionEditor id=id.clone() option />
                </For>
            </ol>
            <button type="button" id=add_id on:click=add>{i18n.tr(Key::BuilderAddOption)}</button>
            {own_words}
        </fieldset>
    }
    .into_any()
}

/// One option: its wording, moving it, removing it.
#[component]
fn OptionEditor(
    /// The question's id.
    id: QuestionId,
    /// The option's id.
    option: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let survey = editor.survey;
    let (q, o) = (id.clone(), option.clone());
    let at = Memo::new(move |_| {
        survey.with(|s| {
            let q = s.draft.question(&q);
            let len = q.map_or(0, |q| q.options().len());
            let at = q
                .and_then(|q| q.options().iter().position(|c| c.id == o))
                .unwrap_or(0);
            (at, len)
        })
    });
    let number = move || at.get().0 + 1;
    let qid = id.as_str().to_owned();
    let (up_id, down_id) = (
        field_id(&[&qid, "option", &option, "up"]),
        field_id(&[&qid, "option", &option, "down"]),
    );
    let shift = {
        let (id, option) = (id.clone(), option.clone());
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |up: bool| {
            let (at, len) = at.get_untracked();
            let to = if up { at.saturating_sub(1) } else { at + 1 };
            editor.change(|d| {
                if let Some(q) = d.question_mut(&id) {
                    q.move_option(&option, to);
                }
            });
            // Keep focus on the button pressed, or the other one at either end.
            let now_at = if up {
                at.saturating_sub(1)
            } else {
                (at + 1).min(len.saturating_sub(1))
            };
            let target = match (up, now_at) {
                (true, 0) => down_id.clone(),
                (false, n) if n + 1 >= len => up_id.clone(),
                (true, _) => up_id.clone(),
                (false, _) => down_id.clone(),
            };
            focus_id_soon(target);
        }
    };
    let shift_down = shift.clone();
    let remove = {
        let (id, option) = (id.clone(), option.clone());
        move |_| {
            editor.change(|d| {
                if let Some(q) = d.question_mut(&id) {
                    q.remove_option(&option);
                }
            });
            focus_id_soon(field_id(&[id.as_str(), "add-option"]));
        }
    };
    view! {
        <li class="sb-option">
            <WordingInputs
                wording=Wording::Option(id.clone(), option.clone())
                label=Signal::derive(move || i18n.locale().format(Key::BuilderOptionLabel, &[("number", &number().to_string())]))
            />
            <div class="row">
                {
                    let up_id = up_id.clone();
                    let shift = shift.clone();
                    move || (at.get().0 > 0).then(|| {
                        let shift = shift.clone();
                        view! { <button type="button" id=up_id.clone() aria-label=move || i18n.locale().format(Key::BuilderOptionUpLabel, &[("number", &number().to_string())]) on:click=move |_| shift(true)>{i18n.tr(Key::BuilderMoveUp)}</button> }
                    })
                }
                {
                    let down_id = down_id.clone();
                    let shift = shift_down.clone();
                    move || { let (a, len) = at.get(); a + 1 < len }.then(|| {
                        let shift = shift.clone();
                        view! { <button type="button" id=down_id.clone() aria-label=move || i18n.locale().format(Key::BuilderOptionDownLabel, &[("number", &number().to_string())]) on:click=move |_| shift(false)>{i18n.tr(Key::BuilderMoveDown)}</button> }
                    })
                }
                <button type="button" class="danger" aria-label=move || i18n.locale().format(Key::BuilderOptionRemoveLabel, &[("number", &number().to_string())]) on:click=remove>{i18n.tr(Key::BuilderRemoveOption)}</button>
            </div>
        </li>
    }
}

/// "When to show it": always, or only when an earlier question was answered one of the
/// chosen ways.
#[component]
fn ShowIf(
    /// The question's id.
    id: QuestionId,
) -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let survey = editor.survey;
    let qid = id.as_str().to_owned();
    let select_id = field_id(&[&qid, "show-if"]);
    let q = id.clone();
    let condition = Memo::new(move |_| {
        survey.with(|s| s.draft.question(&q).and_then(|q| q.show_if().cloned()))
    });
    // Earlier questions with answers to choose from.
    let q = id.clone();
    let earlier = move || {
        let locale = i18n.locale();
        survey.with(|s| {
            let at = s.draft.index_of(&q).unwrap_or(0);
            s.draft.questions()[..at]
                .iter()
                .filter(|e| !matches!(e.kind, AnswerKind::OwnWords { .. }))
                .map(|e| (e.id().clone(), question_words(&s.draft, e.id(), locale)))
                .collect::<Vec<_>>()
        })
    };
    let on_change = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_value(&ev);
            if on.is_empty() {
                editor.try_change(&id, |d| d.clear_condition(&id));
            } else {
                let on = QuestionId::new(&on);
                editor.try_change(&id, |d| d.set_condition(&id, &on, Vec::new()));
            }
        }
    };
    let values_id = field_id(&[&qid, "show-if-values"]);
    let values = {
        let id = id.clone();
        move || {
            let c = condition.get()?;
            let locale = i18n.locale();
            let choices: Vec<(String, String, bool)> = survey.with(|s| {
                let kind = s.draft.question(&c.question).map(|q| q.kind.clone())?;
                Some(
                    condition_values(&kind)
                        .into_iter()
                        .map(|v| {
                            let words = value_words(&s.draft, &c.question, &v, locale);
                            let on = c.any_of.contains(&v);
                            (v, words, on)
                        })
                        .collect(),
                )
            })?;
            let id = id.clone();
            let legend = survey.with(|s| question_words(&s.draft, &c.question, locale));
            let values_id = values_id.clone();
            Some(view! {
                <fieldset class="field sb-show-values" id=values_id>
                    <legend>{i18n.locale().format(Key::BuilderShowIfValues, &[("question", &legend)])}</legend>
                    <div class="sb-checks">
                        {choices.into_iter().map(|(value, words, on)| {
                            let box_id = field_id(&[id.as_str(), "show-if", &value]);
                            let (id, c) = (id.clone(), c.clone());
                            let toggle = move |ev: leptos::ev::Event| {
                                let tick = event_target_checked(&ev);
                                let mut any_of: Vec<String> = c.any_of.iter().filter(|v| **v != value).cloned().collect();
                                if tick {
                                    any_of.push(value.clone());
                                }
                                editor.try_change(&id, |d| d.set_condition(&id, &c.question, any_of));
                            };
                            view! {
                                <div class="check">
                                    <input type="checkbox" id=box_id.clone() prop:checked=on on:change=toggle />
                                    <label for=box_id dir="auto">{words}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            })
        }
    };
    view! {
        <div class="field">
            <label for=select_id.clone()>{i18n.tr(Key::BuilderShowIf)}</label>
            <select id=select_id on:change=on_change>
                <option value="" selected=move || condition.with(Option::is_none)>{i18n.tr(Key::BuilderShowAlways)}</option>
                {move || {
                    let current = condition.get().map(|c| c.question);
                    earlier().into_iter().map(|(q, words)| {
                        let selected = current.as_ref() == Some(&q);
                        view! { <option value=q.as_str().to_owned() selected=selected>{i18n.locale().format(Key::BuilderShowWhen, &[("question", &words)])}</option> }
                    }).collect_view()
                }}
            </select>
        </div>
        {values}
    }
}
