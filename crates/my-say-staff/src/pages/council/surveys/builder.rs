//! The survey builder: the survey's title, welcome text, languages and age groups, its
//! questions (see `question.rs`), the problems still to fix, publishing and sharing, with the
//! live preview beside it. Every change is saved at once: there is no "Save" to forget.

use super::logic::{drop_position, field_id, has_wording, problem_field};
use super::preview::LivePreview;
use super::question::QuestionEditor;
use super::save_in_order;
use super::share::{PublishPanel, SharePanel};
use crate::i18n::Key;
use crate::pages::iro::{
    focus_id_soon, focus_when_shown, use_active, ActiveWorkspace, ErrorBanner,
};
use crate::workspace::surveys::{self, StoredSurvey};
use leptos::prelude::*;
use my_say_core::booklet::AnswerKindType;
use my_say_core::survey::{set_words, SurveyProblem};
use my_say_core::{AgeBand, LocaleCode, QuestionId, SurveyDraft, Text};
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::{use_i18n, Locale};
use my_say_ui::load::load;

/// The languages a survey can be written in: the app's.
pub(super) const LANGUAGES: [Locale; 3] = [Locale::En, Locale::Cy, Locale::Ar];

/// What the builder's pieces share: the survey being edited, and how a change is made.
#[derive(Clone, Copy)]
pub(super) struct Editor {
    /// The survey as stored.
    pub survey: RwSignal<StoredSurvey>,
    /// The problems still to fix, worked out after every change.
    pub problems: Memo<Vec<SurveyProblem>>,
    /// Whether every change is written to the device (shown to tests as `data-saved`).
    saved: RwSignal<bool>,
    /// A write that failed, in words.
    error: RwSignal<Option<String>>,
    /// A move, removal or condition the builder refused: which question, and why.
    pub refused: RwSignal<Option<(QuestionId, String)>>,
    /// Questions whose "wording for an age group" is open.
    pub open_bands: RwSignal<Vec<QuestionId>>,
    /// Where the preview is: set by a question's "Preview" button.
    pub preview_at: RwSignal<Option<QuestionId>>,
    /// The workspace the survey is saved in.
    active: ActiveWorkspace,
}

impl Editor {
    /// Changes the draft and saves the survey.
    pub fn change(self, f: impl FnOnce(&mut SurveyDraft)) {
        self.survey.update(|s| f(&mut s.draft));
        self.save();
    }

    /// Changes the draft with a step the builder may refuse; a refusal is shown at `question`.
    pub fn try_change<E: std::fmt::Display>(
        self,
        question: &QuestionId,
        f: impl FnOnce(&mut SurveyDraft) -> Result<(), E>,
    ) -> bool {
        let mut result = Ok(());
        self.survey.update(|s| result = f(&mut s.draft));
        match result {
            Ok(()) => {
                self.refused.set(None);
                self.save();
                true
            }
            Err(e) => {
                self.refused.set(Some((question.clone(), e.to_string())));
                false
            }
        }
    }

    /// Writes the survey as it is now.
    pub fn save(self) {
        let active = self.active;
        self.saved.set(false);
        let (saved, error) = (self.saved, self.error);
        save_in_order(active, self.survey.get_untracked(), move |result, done| {
            match result {
                Ok(()) => error.set(None),
                Err(e) => error.set(Some(e.to_string())),
            }
            saved.set(done);
        });
    }
}

/// The builder's context.
pub(super) fn use_editor() -> Editor {
    expect_context::<Editor>()
}

/// One piece of wording a survey has, to edit in each of its languages.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Wording {
    /// The title.
    Title,
    /// The welcome text.
    Intro,
    /// A question.
    Question(QuestionId),
    /// A question's help line.
    Help(QuestionId),
    /// A question's wording for one age group.
    Band(QuestionId, AgeBand),
    /// An option of a question.
    Option(QuestionId, String),
}

impl Wording {
    /// The field's id in one language, as problem links name it.
    pub fn field(&self, locale: &str) -> String {
        match self {
            Wording::Title => field_id(&["title", locale]),
            Wording::Intro => field_id(&["intro", locale]),
            Wording::Question(q) => field_id(&[q.as_str(), "text", locale]),
            Wording::Help(q) => field_id(&[q.as_str(), "help", locale]),
            Wording::Band(q, b) => field_id(&[q.as_str(), "band", b.code(), locale]),
            Wording::Option(q, o) => field_id(&[q.as_str(), "option", o, locale]),
        }
    }

    /// The words in one language ("" when there are none).
    pub fn get(&self, draft: &SurveyDraft, locale: &LocaleCode) -> String {
        let text: Option<&Text> = match self {
            Wording::Title => Some(draft.title()),
            Wording::Intro => Some(draft.intro()),
            Wording::Question(q) => draft.question(q).map(|q| &q.text),
            Wording::Help(q) => draft.question(q).map(|q| &q.help),
            Wording::Band(q, b) => draft.question(q).and_then(|q| q.text_by_band.get(b)),
            Wording::Option(q, o) => draft
                .question(q)
                .and_then(|q| q.options().iter().find(|c| &c.id == o))
                .map(|c| &c.label),
        };
        text.and_then(|t| t.0.get(locale))
            .cloned()
            .unwrap_or_default()
    }

    /// Sets the words in one language (blank removes them).
    pub fn set(&self, draft: &mut SurveyDraft, locale: &LocaleCode, words: &str) {
        match self {
            Wording::Title => draft.set_title(locale, words),
            Wording::Intro => draft.set_intro(locale, words),
            Wording::Question(q) => {
                if let Some(q) = draft.question_mut(q) {
                    set_words(&mut q.text, locale, words);
                }
            }
            Wording::Help(q) => {
                if let Some(q) = draft.question_mut(q) {
                    set_words(&mut q.help, locale, words);
                }
            }
            Wording::Band(q, b) => {
                if let Some(q) = draft.question_mut(q) {
                    let text = q.text_by_band.entry(*b).or_default();
                    set_words(text, locale, words);
                    if text.0.is_empty() {
                        q.text_by_band.remove(b);
                    }
                }
            }
            Wording::Option(q, o) => {
                if let Some(c) = draft.question_mut(q).and_then(|q| q.option_mut(o)) {
                    set_words(&mut c.label, locale, words);
                }
            }
        }
    }
}

/// A piece of wording as one box per language of the survey, labelled with the language when
/// there is more than one.
#[component]
pub(super) fn WordingInputs(
    /// Which wording.
    wording: Wording,
    /// The label.
    label: Signal<String>,
    /// A text area rather than one line.
    #[prop(optional)]
    multiline: bool,
    /// The id of a message about these boxes (such as "surveys are anonymous").
    #[prop(optional, into)]
    described_by: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let editor = use_editor();
    let locales = move || editor.survey.with(|s| s.draft.locales().to_vec());
    view! {
        <For each=locales key=|l| l.clone() let:locale>
            {
                let wording = wording.clone();
                let id = wording.field(locale.as_str());
                let several = move || editor.survey.with(|s| s.draft.locales().len() > 1);
                let language = Locale::from_code(locale.as_str()).map_or_else(|| locale.as_str().to_owned(), |l| l.native_name().to_owned());
                let text = move || if several() { format!("{} ({language})", label.get()) } else { label.get() };
                let (w, l) = (wording.clone(), locale.clone());
                let value = move || editor.survey.with(|s| w.get(&s.draft, &l));
                let (w, l) = (wording.clone(), locale.clone());
                let on_input = move |ev: leptos::ev::Event| {
                    let words = event_target_value(&ev);
                    editor.change(|d| w.set(d, &l, &words));
                };
                let dir = Locale::from_code(locale.as_str()).map_or("auto", |l| l.dir());
                let described = move || described_by.and_then(|d| d.get());
                let input = if multiline {
                    view! { <textarea id=id.clone() lang=locale.as_str().to_owned() dir=dir rows="3" aria-describedby=described prop:value=value on:input=on_input></textarea> }.into_any()
                } else {
                    view! { <input id=id.clone() type="text" lang=locale.as_str().to_owned() dir=dir aria-describedby=described prop:value=value on:input=on_input /> }.into_any()
                };
                view! {
                    <div class="field">
                        <label for=id.clone()>{text}</label>
                        {input}
                    </div>
                }
            }
        </For>
    }
}

/// The builder page: loads the survey named in the address.
#[component]
pub fn SurveyBuilder(
    /// The survey's id.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let loaded = load(move || {
        let id = id.clone();
        async move {
            let store = active.store().await?;
            surveys::load(&store, &id).await
        }
    });
    view! {
        {move || loaded.get().map(|r| match r {
            Ok(Some(survey)) => view! { <Builder initial=survey /> }.into_any(),
            Ok(None) => view! {
                <h1 tabindex="-1">{i18n.tr(Key::BuilderNotFound)}</h1>
                <a href=active.href("surveys") class="button">{i18n.tr(Key::BuilderBackToList)}</a>
            }.into_any(),
            Err(e) => view! {
                <h1 tabindex="-1">{i18n.tr(Key::BuilderTitle)}</h1>
                <p class="banner error" role="alert">{i18n.store_error(&e)}</p>
            }.into_any(),
        }).unwrap_or_else(|| view! { <h1 tabindex="-1">{i18n.tr(Key::BuilderTitle)}</h1><p class="note" role="status">{i18n.tr(Key::IroLoading)}</p> }.into_any())}
    }
}

/// The builder over a loaded survey.
#[component]
fn Builder(
    /// The survey as loaded.
    initial: StoredSurvey,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_when_shown(heading);
    let survey = RwSignal::new(initial);
    let problems = Memo::new(move |_| survey.with(|s| s.draft.problems()));
    let editor = Editor {
        survey,
        problems,
        saved: RwSignal::new(true),
        error: RwSignal::new(None),
        refused: RwSignal::new(None),
        open_bands: RwSignal::new(Vec::new()),
        preview_at: RwSignal::new(None),
        active,
    };
    provide_context(editor);
    let error = editor.error;

    let title = move || {
        survey.with(|s| {
            super::logic::title_of(&s.draft, &i18n.locale().locale_code())
                .unwrap_or_else(|| i18n.t(Key::BuilderUntitled).to_owned())
        })
    };
    view! {
        <div class="sb-page" data-saved=move || editor.saved.get().to_string()>
            <p class="sb-back"><a href=active.href("surveys")>{i18n.tr(Key::BuilderBackToList)}</a></p>
            <h1 tabindex="-1" node_ref=heading>{move || i18n.locale().format(Key::BuilderHeading, &[("title", &title())])}</h1>
            <p class="lead">{i18n.tr(Key::BuilderLead)}</p>
            <p class="note">{i18n.tr(Key::BuilderSavedNote)}</p>
            <ErrorBanner error />
            <div class="sb-layout">
                <div class="sb-main">
                    <SurveyFields />
                    <QuestionList />
                    <ProblemList />
                    <PublishPanel />
                    <SharePanel />
                </div>
                <LivePreview />
            </div>
        </div>
    }
}

/// Title, welcome text, languages and age groups.
#[component]
fn SurveyFields() -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let language_error = RwSignal::new(None::<String>);
    // A language whose wording would go if it were unticked, while that is being asked.
    let confirm_remove = RwSignal::new(None::<Locale>);
    view! {
        <section class="card sb-fields" aria-labelledby="sb-about-heading">
            <h2 id="sb-about-heading">{i18n.tr(Key::BuilderAboutTitle)}</h2>
            <WordingInputs wording=Wording::Title label=Signal::derive(move || i18n.t(Key::BuilderFieldTitle).to_owned()) />
            <WordingInputs wording=Wording::Intro label=Signal::derive(move || i18n.t(Key::BuilderFieldIntro).to_owned()) multiline=true />
            <fieldset class="field">
                <legend>{i18n.tr(Key::BuilderLanguages)}</legend>
                <p class="hint" id="sb-lang-hint">{i18n.tr(Key::BuilderLanguagesHint)}</p>
                <div class="sb-checks">
                    {LANGUAGES.into_iter().map(|l| {
                        let id = field_id(&["lang", l.code()]);
                        let code = l.locale_code();
                        let c = code.clone();
                        let checked = move || editor.survey.with(|s| s.draft.locales().contains(&c));
                        let on_change = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            let code = code.clone();
                            // Words written in the language would go with it: ask first.
                            if !on && editor.survey.with_untracked(|s| has_wording(&s.draft, &code)) {
                                event_target::<web_sys::HtmlInputElement>(&ev).set_checked(true);
                                language_error.set(None);
                                confirm_remove.set(Some(l));
                                focus_id_soon("sb-lang-confirm");
                                return;
                            }
                            let mut refused = None;
                            editor.change(|d| {
                                let r = if on { d.add_locale(code) } else { d.remove_locale(&code) };
                                refused = r.err().map(|e| e.to_string());
                            });
                            language_error.set(refused);
                        };
                        view! {
                            <div class="check">
                                <input type="checkbox" id=id.clone() aria-describedby="sb-lang-hint" prop:checked=checked on:change=on_change />
                                <label for=id lang=l.code()>{l.native_name()}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
                {move || language_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                {move || confirm_remove.get().map(|l| {
                    let language = l.native_name();
                    let remove = move |_| {
                        let code = l.locale_code();
                        let mut refused = None;
                        editor.change(|d| refused = d.remove_locale(&code).err().map(|e| e.to_string()));
                        language_error.set(refused);
                        confirm_remove.set(None);
                        focus_id_soon(field_id(&["lang", l.code()]));
                    };
                    let keep = move |_| {
                        confirm_remove.set(None);
                        focus_id_soon(field_id(&["lang", l.code()]));
                    };
                    view! {
                        <div class="confirm" role="group" aria-labelledby="sb-lang-confirm">
                            <p id="sb-lang-confirm" tabindex="-1">{move || i18n.locale().format(Key::BuilderLanguageRemoveText, &[("language", language)])}</p>
                            <div class="row form-buttons">
                                <button type="button" class="danger" on:click=remove>{move || i18n.locale().format(Key::BuilderLanguageRemoveConfirm, &[("language", language)])}</button>
                                <button type="button" on:click=keep>{move || i18n.locale().format(Key::BuilderLanguageKeep, &[("language", language)])}</button>
                            </div>
                        </div>
                    }
                })}
            </fieldset>
            <fieldset class="field">
                <legend>{i18n.tr(Key::BuilderAgeBands)}</legend>
                <div class="sb-checks">
                    {AgeBand::ALL.into_iter().map(|band| {
                        let id = field_id(&["band", band.code()]);
                        let checked = move || editor.survey.with(|s| s.draft.age_bands().contains(&band));
                        let on_change = move |ev: leptos::ev::Event| {
                            let on = event_target_checked(&ev);
                            editor.change(|d| {
                                let mut bands = d.age_bands().to_vec();
                                bands.retain(|b| *b != band);
                                if on {
                                    bands.push(band);
                                }
                                d.set_age_bands(&bands);
                            });
                        };
                        view! {
                            <div class="check">
                                <input type="checkbox" id=id.clone() prop:checked=checked on:change=on_change />
                                <label for=id>{i18n.tr(band_key(band))}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </section>
    }
}

/// Where a dragged question would land: the question card it goes before (or after, at the
/// end), for the line that shows it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct DropHint {
    /// The card the line is drawn at.
    pub at: QuestionId,
    /// After that card rather than before it.
    pub after: bool,
}

/// The questions, each with its editor, dragging to reorder, and "Add a question".
#[component]
fn QuestionList() -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let ids = move || {
        editor.survey.with(|s| {
            s.draft
                .questions()
                .iter()
                .map(|q| q.id().clone())
                .collect::<Vec<_>>()
        })
    };
    let new_kind = RwSignal::new(AnswerKindType::YesNotSureNo);
    let dragging = RwSignal::new(None::<QuestionId>);
    let hint = RwSignal::new(None::<DropHint>);
    let moved = RwSignal::new(None::<String>);
    provide_context(Dragging {
        dragging,
        hint,
        moved,
    });

    let add = move |_| {
        let mut added = None;
        editor.change(|d| added = Some(d.add_question(new_kind.get_untracked())));
        if let Some(id) = added {
            let locale = editor
                .survey
                .with_untracked(|s| s.draft.locales().first().map(|l| l.as_str().to_owned()))
                .unwrap_or_default();
            editor.preview_at.set(Some(id.clone()));
            focus_id_soon(field_id(&[id.as_str(), "text", &locale]));
        }
    };
    view! {
        <section class="card sb-questions" aria-labelledby="sb-questions-heading">
            <h2 id="sb-questions-heading">{i18n.tr(Key::BuilderQuestionsTitle)}</h2>
            <p class="hint">{i18n.tr(Key::BuilderQuestionsHint)}</p>
            <p class="sb-moved" role="status" aria-live="polite">{move || moved.get()}</p>
            <ol class="plain sb-question-list">
                <For each=ids key=|id| id.clone() let:id>
                    <QuestionEditor id />
                </For>
            </ol>
            <div class="sb-add">
                <div class="field">
                    <label for="sb-new-kind">{i18n.tr(Key::BuilderNewKind)}</label>
                    <select id="sb-new-kind" on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Some(k) = AnswerKindType::ALL.into_iter().find(|k| k.code() == code) {
                            new_kind.set(k);
                        }
                    }>
                        {AnswerKindType::ALL.into_iter().map(|k| view! {
                            <option value=k.code() selected=move || new_kind.get() == k>{i18n.tr(kind_key(k))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="primary" id=field_id(&["add-question"]) on:click=add>{i18n.tr(Key::BuilderAddQuestion)}</button>
            </div>
        </section>
    }
}

/// Dragging state shared by the question cards.
#[derive(Clone, Copy)]
pub(super) struct Dragging {
    /// The question being dragged.
    pub dragging: RwSignal<Option<QuestionId>>,
    /// Where it would land.
    pub hint: RwSignal<Option<DropHint>>,
    /// What the last move did, for the live region.
    pub moved: RwSignal<Option<String>>,
}

/// The vertical middles of every question card but `except`'s, in order, with their ids.
fn other_middles(except: &QuestionId) -> Vec<(QuestionId, f64)> {
    use wasm_bindgen::JsCast;
    let Ok(cards) = document().query_selector_all(".sb-question") else {
        return Vec::new();
    };
    (0..cards.length())
        .filter_map(|i| cards.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|e| {
            let id = e.get_attribute("data-question")?;
            (id != except.as_str()).then(|| {
                let r = e.get_bounding_client_rect();
                (QuestionId::new(&id), r.top() + r.height() / 2.0)
            })
        })
        .collect()
}

/// Where a question dragged to `pointer_y` would go: its new position, and the line to show.
pub(super) fn drop_target(dragged: &QuestionId, pointer_y: f64) -> (usize, Option<DropHint>) {
    let others = other_middles(dragged);
    let middles: Vec<f64> = others.iter().map(|(_, m)| *m).collect();
    let to = drop_position(&middles, pointer_y);
    let hint = match others.get(to) {
        Some((id, _)) => Some(DropHint {
            at: id.clone(),
            after: false,
        }),
        None => others.last().map(|(id, _)| DropHint {
            at: id.clone(),
            after: true,
        }),
    };
    (to, hint)
}

/// The wording of an answer type.
pub(super) fn kind_key(kind: AnswerKindType) -> Key {
    match kind {
        AnswerKindType::YesNotSureNo => Key::BuilderKindYesNo,
        AnswerKindType::Faces => Key::BuilderKindFaces,
        AnswerKindType::PickOne => Key::BuilderKindPickOne,
        AnswerKindType::PickSeveral => Key::BuilderKindPickSeveral,
        AnswerKindType::PickAndOrder => Key::BuilderKindPickAndOrder,
        AnswerKindType::People => Key::BuilderKindPeople,
        AnswerKindType::OwnWords => Key::BuilderKindOwnWords,
    }
}

/// "Still to fix": every problem, each a link that moves focus to its field.
#[component]
fn ProblemList() -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let count = move || editor.problems.with(Vec::len);
    view! {
        <section class="card sb-problems" id="sb-problems" tabindex="-1" aria-labelledby="sb-problems-heading">
            <h2 id="sb-problems-heading">{i18n.tr(Key::BuilderProblemsTitle)}</h2>
            {move || if count() == 0 {
                view! { <p class="banner success">{i18n.tr(Key::BuilderNoProblems)}</p> }.into_any()
            } else {
                view! {
                    <p>{move || i18n.locale().format(Key::BuilderProblemsCount, &[("count", &count().to_string())])}</p>
                    <ul class="sb-problem-list">
                        {move || editor.problems.get().into_iter().map(|p| {
                            let (field, open) = editor.survey.with_untracked(|s| problem_field(&p, &s.draft));
                            let text = p.to_string();
                            let href = format!("#{field}");
                            let go = move |ev: leptos::ev::MouseEvent| {
                                ev.prevent_default();
                                if let Some(q) = open.clone() {
                                    editor.open_bands.update(|o| if !o.contains(&q) { o.push(q) });
                                }
                                focus_id_soon(field.clone());
                            };
                            view! { <li><a href=href dir="auto" on:click=go>{text}</a></li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
