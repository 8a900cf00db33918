//! The live preview: the survey exactly as a child will see it (the child's own question
//! screen), for a chosen age group and language, stepping through with Next and Back as the
//! show-if conditions say (the tablet's `Session` rules). Answers given here stay in memory.

use super::builder::{use_editor, LANGUAGES};
use crate::i18n::Key;
use leptos::prelude::*;
use my_say_core::{AgeBand, Answer, Answers, Position, QuestionId, Session};
use my_say_ui::components::question_screen::{QuestionNav, QuestionScreen};
use my_say_ui::i18n::band_key;
use my_say_ui::i18n::{use_i18n, I18n, Locale};

/// The preview panel beside the builder (below it on narrow screens).
#[component]
pub(super) fn LivePreview() -> impl IntoView {
    let i18n = use_i18n();
    let editor = use_editor();
    let booklet = Memo::new(move |_| editor.survey.with(|s| s.draft.preview()));
    let band = RwSignal::new(
        booklet
            .with_untracked(|b| b.age_bands.first().copied())
            .unwrap_or(AgeBand::SevenToNine),
    );
    let start_language = {
        let ui = i18n.locale();
        let offered = booklet.with_untracked(|b| b.locales.clone());
        if offered.contains(&ui.locale_code()) {
            ui
        } else {
            offered
                .first()
                .and_then(|l| Locale::from_code(l.as_str()))
                .unwrap_or(ui)
        }
    };
    let language = RwSignal::new(start_language);
    // The band and language actually shown: the chosen ones while the survey still has them.
    let shown_band = Memo::new(move |_| {
        let chosen = band.get();
        booklet.with(|b| {
            if b.age_bands.contains(&chosen) {
                chosen
            } else {
                b.age_bands.first().copied().unwrap_or(chosen)
            }
        })
    });
    let shown_language = Memo::new(move |_| {
        let chosen = language.get();
        booklet.with(|b| {
            if b.locales.contains(&chosen.locale_code()) {
                chosen
            } else {
                b.locales
                    .first()
                    .and_then(|l| Locale::from_code(l.as_str()))
                    .unwrap_or(chosen)
            }
        })
    });
    let answers = RwSignal::new(Answers::new());
    let position = RwSignal::new(Position::Start);
    // Set by a question's "Preview" button: that question is shown even if its condition
    // would hide it now.
    let jumped = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(id) = editor.preview_at.get() {
            position.set(Position::Question(id));
            jumped.set(true);
        }
    });
    // Where the preview is, resolved as a tablet would (a hidden question moves on).
    let at = Memo::new(move |_| {
        let p = position.get();
        if jumped.get() {
            let exists = match &p {
                Position::Question(id) => booklet.with(|b| b.question(id).is_some()),
                _ => true,
            };
            return if exists { p } else { Position::Start };
        }
        booklet.with(|b| answers.with(|a| Session::new(b, shown_band.get(), a).resolve(&p)))
    });
    let hidden_now = Memo::new(move |_| match at.get() {
        Position::Question(id) => booklet
            .with(|b| answers.with(|a| !Session::new(b, shown_band.get(), a).is_visible(&id))),
        _ => false,
    });
    let heading = NodeRef::<leptos::html::H1>::new();
    // Moving through the preview moves focus to its question; editing the survey does not.
    let steps = RwSignal::new(0u32);
    Effect::new(move |prev: Option<()>| {
        steps.track();
        if prev.is_some() {
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
    });
    let go = move |next: bool| {
        let from = at.get_untracked();
        let to = booklet.with_untracked(|b| {
            answers.with_untracked(|a| {
                let s = Session::new(b, shown_band.get_untracked(), a);
                if next {
                    s.next(&from)
                } else {
                    s.previous(&from)
                }
            })
        });
        jumped.set(false);
        editor.preview_at.set(None);
        position.set(to);
        steps.update(|s| *s += 1);
    };
    let restart = move |_| {
        answers.set(Answers::new());
        jumped.set(false);
        editor.preview_at.set(None);
        position.set(Position::Start);
        steps.update(|s| *s += 1);
    };

    view! {
        <section class="card sb-preview" aria-labelledby="sb-preview-heading">
            <h2 id="sb-preview-heading" tabindex="-1">{i18n.tr(Key::BuilderPreviewTitle)}</h2>
            <p class="hint">{i18n.tr(Key::BuilderPreviewHint)}</p>
            <PreviewControls booklet band language shown_band shown_language />
            <div class="row">
                <button type="button" id="sb-preview-restart" on:click=restart>{i18n.tr(Key::BuilderPreviewFromStart)}</button>
            </div>
            {move || hidden_now.get().then(|| view! { <p class="banner info">{i18n.tr(Key::BuilderPreviewHidden)}</p> })}
            <PreviewScreen booklet band=shown_band language=shown_language at answers heading go restart />
        </section>
    }
}

/// The age group and language the preview shows, each picked from those the survey offers.
#[component]
fn PreviewControls(
    /// The survey as it is now.
    booklet: Memo<my_say_core::Booklet>,
    /// The age group picked.
    band: RwSignal<AgeBand>,
    /// The language picked.
    language: RwSignal<Locale>,
    /// The age group shown (the picked one while the survey still has it).
    shown_band: Memo<AgeBand>,
    /// The language shown (the picked one while the survey still has it).
    shown_language: Memo<Locale>,
) -> impl IntoView {
    let i18n = use_i18n();
    let bands = move || booklet.with(|b| b.age_bands.clone());
    let languages = move || {
        booklet.with(|b| {
            LANGUAGES
                .into_iter()
                .filter(|l| b.locales.contains(&l.locale_code()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="sb-preview-controls">
            <div class="field">
                <label for="sb-preview-band">{i18n.tr(Key::BuilderPreviewBand)}</label>
                <select id="sb-preview-band" on:change=move |ev| {
                    if let Some(b) = AgeBand::from_code(&event_target_value(&ev)) {
                        band.set(b);
                    }
                }>
                    {move || bands().into_iter().map(|b| view! {
                        <option value=b.code() selected=move || shown_band.get() == b>{i18n.tr(band_key(b))}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="sb-preview-language">{i18n.tr(Key::BuilderPreviewLanguage)}</label>
                <select id="sb-preview-language" on:change=move |ev| {
                    if let Some(l) = Locale::from_code(&event_target_value(&ev)) {
                        language.set(l);
                    }
                }>
                    {move || languages().into_iter().map(|l| view! {
                        <option value=l.code() selected=move || shown_language.get() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}

/// The child's screen inside the preview, in the preview's language.
#[component]
fn PreviewScreen<G, R>(
    /// The survey as it is now.
    booklet: Memo<my_say_core::Booklet>,
    /// The age group shown.
    band: Memo<AgeBand>,
    /// The language shown.
    language: Memo<Locale>,
    /// Where the preview is.
    at: Memo<Position>,
    /// The answers given in the preview.
    answers: RwSignal<Answers>,
    /// The question's heading, which gets focus after Next or Back.
    heading: NodeRef<leptos::html::H1>,
    /// Next (`true`) or Back (`false`).
    go: G,
    /// Start the preview again with no answers.
    restart: R,
) -> impl IntoView
where
    G: Fn(bool) + Copy + Send + Sync + 'static,
    R: Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
{
    // The child's screens read their language from the I18n context: the preview's own.
    let inner = RwSignal::new(language.get_untracked());
    Effect::new(move |_| inner.set(language.get()));
    provide_context(I18n(inner));
    let i18n = use_i18n();
    let question = Memo::new(move |_| match at.get() {
        Position::Question(id) => booklet.with(|b| b.question(&id).cloned()),
        _ => None,
    });
    let screen = move || {
        let fallback = booklet.with_untracked(|b| b.fallback_locale());
        match at.get() {
            Position::Start => {
                let title = move || booklet.with(|b| b.title.get(&i18n.locale().locale_code(), &b.fallback_locale()).to_owned());
                let intro = move || booklet.with(|b| b.intro.as_ref().map(|t| t.get(&i18n.locale().locale_code(), &b.fallback_locale()).to_owned()).unwrap_or_default());
                view! {
                    <div class="booklet-intro">
                        <p class="booklet-title" dir="auto">{title}</p>
                        <p class="lead" dir="auto">{intro}</p>
                        <div class="nav">
                            <button type="button" class="primary big" on:click=move |_| go(true)>{i18n.tr(Key::FillLetsStart)}</button>
                        </div>
                    </div>
                }
                .into_any()
            }
            Position::Question(_) => {
                let question_view = move || {
                    let Some(q) = question.get() else { return ().into_any() };
                    let qid: QuestionId = q.id.clone();
                    let id = qid.clone();
                    let answer = Signal::derive(move || answers.with(|a| a.get(&id).cloned()));
                    let id = qid.clone();
                    let on_answer = Callback::new(move |new: Option<Answer>| {
                        answers.update(|a| match new {
                            Some(x) => {
                                a.insert(id.clone(), x);
                            }
                            None => {
                                a.remove(&id);
                            }
                        });
                    });
                    let band = band.get();
                    view! {
                        <QuestionScreen
                            question=q
                            band
                            fallback=fallback.clone()
                            heading
                            answer
                            on_answer
                            auto_read=false
                            prominent_read_aloud=band == AgeBand::FourToSix
                        />
                        <QuestionNav
                            answered=Signal::derive(move || answer.with(Option::is_some))
                            on_back=Callback::new(move |_| go(false))
                            on_next=Callback::new(move |_| go(true))
                        />
                    }
                    .into_any()
                };
                question_view.into_any()
            }
            Position::Review => view! {
                <div class="sb-preview-end">
                    <p class="lead">{i18n.tr(Key::BuilderPreviewEnd)}</p>
                    <div class="nav">
                        <button type="button" class="big" on:click=move |_| go(false)>
                            <span aria-hidden="true" class="arrow back-arrow">"←"</span>
                            {i18n.tr(Key::FillBack)}
                        </button>
                        <button type="button" class="primary big" on:click=restart>{i18n.tr(Key::BuilderPreviewRestart)}</button>
                    </div>
                </div>
            }
            .into_any(),
        }
    };
    view! {
        <div class="sb-preview-screen" lang=move || language.get().code() dir=move || language.get().dir()>
            {screen}
        </div>
    }
}
