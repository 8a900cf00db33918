//! The child's code: chosen on "Stop for now" to lock the booklet, asked for to carry on.
//!
//! Four pictures in order for 4 to 9 year olds, a number of 4 to 6 digits from 10
//! ([`CodeKind::for_band`]); an adult can tap it in for them. The locking itself is
//! `my_say_core::seal::LockedDraft`; keeping it is `crate::drafts`.

use crate::drafts;
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::seal::{
    system_rng, CodeKind, DraftCode, LockError, LockedDraft, PICTURE_CHOICES, PICTURE_CODE_LEN,
};
use my_say_core::session::Draft;
use my_say_core::survey::is_survey_booklet;
use my_say_ui::browser::history::navigate;
use my_say_ui::browser::{clock, pace::after_paint, prefs, speech};
use my_say_ui::components::read_aloud::ReadAloud;
use my_say_ui::i18n::{use_i18n, I18n, Key};

/// The pictures of a picture code, in order, with the wording key of each one's name.
const PICTURES: [(&str, Key); PICTURE_CHOICES as usize] = [
    ("star", Key::CodePicStar),
    ("heart", Key::CodePicHeart),
    ("house", Key::CodePicHouse),
    ("book", Key::CodePicBook),
    ("clock", Key::CodePicClock),
    ("door", Key::CodePicDoor),
    ("school", Key::CodePicSchool),
    ("friends", Key::CodePicFriends),
    ("speech", Key::CodePicSpeech),
];

/// What the child has tapped or typed so far.
#[derive(Clone, Default)]
struct Entry {
    pictures: Vec<u8>,
    number: String,
}

impl Entry {
    /// The code, if it is a whole one of this kind.
    fn code(&self, kind: CodeKind) -> Result<DraftCode, LockError> {
        match kind {
            CodeKind::Pictures => DraftCode::pictures(&self.pictures),
            CodeKind::Number => DraftCode::number(&self.number),
        }
    }
}

/// Taps four pictures, or types a number: the same for choosing a code and for giving it.
#[component]
fn CodeEntry(
    /// Pictures or a number.
    kind: CodeKind,
    /// What has been entered.
    entry: RwSignal<Entry>,
) -> impl IntoView {
    let i18n = use_i18n();
    match kind {
        CodeKind::Number => view! {
            <div class="field">
                <label for="code-number">{i18n.tr(Key::CodeNumberLabel)}</label>
                <input id="code-number" type="password" inputmode="numeric" autocomplete="off" maxlength="6"
                    prop:value=move || entry.with(|e| e.number.clone())
                    on:input=move |ev| entry.update(|e| e.number = event_target_value(&ev)) />
            </div>
        }
        .into_any(),
        CodeKind::Pictures => {
            let chosen = move || {
                i18n.locale().format(
                    Key::CodeChosen,
                    &[("count", &entry.with(|e| e.pictures.len()).to_string())],
                )
            };
            view! {
                <p class="code-chosen" aria-live="polite">{chosen}</p>
                <ul class="code-slots" aria-hidden="true">
                    {(0..PICTURE_CODE_LEN).map(|i| view! {
                        <li>{move || entry.with(|e| e.pictures.get(i).map(|&p| view! {
                            <img src=format!("/pictures/{}.svg", PICTURES[p as usize].0) alt="" width="40" height="40" />
                        }))}</li>
                    }).collect_view()}
                </ul>
                <div class="code-pictures">
                    {PICTURES.iter().enumerate().map(|(i, (file, name))| view! {
                        <button type="button" class="code-picture"
                            disabled=move || entry.with(|e| e.pictures.len() >= PICTURE_CODE_LEN)
                            on:click=move |_| entry.update(|e| e.pictures.push(i as u8))>
                            <img src=format!("/pictures/{file}.svg") alt="" width="56" height="56" />
                            <span>{i18n.tr(*name)}</span>
                        </button>
                    }).collect_view()}
                </div>
                <button type="button" on:click=move |_| entry.update(|e| e.pictures.clear())>{i18n.tr(Key::CodeClear)}</button>
            }
            .into_any()
        }
    }
}

/// A heading that takes the focus once it is on screen, as every new screen's does.
fn focus_on_mount() -> NodeRef<leptos::html::H1> {
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    heading
}

/// The wording for a code that could not be used.
fn problem(i18n: I18n, e: LockError) -> String {
    let locale = i18n.locale();
    match e {
        LockError::BadCode(CodeKind::Pictures) => locale.text(Key::CodeBadPictures).to_owned(),
        LockError::BadCode(CodeKind::Number) => locale.text(Key::CodeBadNumber).to_owned(),
        LockError::WrongCode => locale.text(Key::CodeWrong).to_owned(),
        LockError::Wait(ms) => locale.format(
            Key::CodeWait,
            &[("seconds", &ms.div_ceil(1000).to_string())],
        ),
        LockError::Damaged => locale.text(Key::CodeDamaged).to_owned(),
        LockError::Kdf => locale.text(Key::CodeKdf).to_owned(),
    }
}

/// "Choose your code", on "Stop for now": the code locks the booklet until it is given again.
#[component]
pub fn ChooseCode(
    /// The draft's id in the device store.
    draft_id: String,
    /// The draft, as the child left it.
    draft: RwSignal<Option<Draft>>,
    /// Back to the booklet, not stopping after all.
    on_back: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (band, is_survey) = draft
        .with_untracked(|d| {
            d.as_ref()
                .map(|d| (d.booklet_band(), is_survey_booklet(&d.booklet_id)))
        })
        .unwrap_or((my_say_core::AgeBand::SevenToNine, false));
    let kind = CodeKind::for_band(band);
    let entry = RwSignal::new(Entry::default());
    let error = RwSignal::new(None::<String>);
    let locking = RwSignal::new(false);
    let lead = match kind {
        CodeKind::Pictures => Key::CodeChoosePictures,
        CodeKind::Number => Key::CodeChooseNumber,
    };
    let lock = move |_| {
        let code = match entry.with_untracked(|e| e.code(kind)) {
            Ok(code) => code,
            Err(e) => return error.set(Some(problem(i18n, e))),
        };
        let Some(d) = draft.get_untracked() else {
            return;
        };
        let draft_id = draft_id.clone();
        locking.set(true);
        speech::stop();
        // Argon2id takes a moment: "Saving…" is painted first.
        after_paint(move || {
            spawn_local(async move {
                drafts::settle(&draft_id).await;
                let kept = match LockedDraft::lock(&d, &code, &clock::now(), &mut system_rng()) {
                    Ok(locked) => drafts::keep_locked(&draft_id, &locked)
                        .await
                        .map_err(|e| e.words(i18n.locale())),
                    Err(e) => Err(problem(i18n, e)),
                };
                match kept {
                    Ok(()) => {
                        prefs::set_read_aloud(&draft_id, false);
                        navigate(if is_survey {
                            "/surveys?saved=1"
                        } else {
                            "/booklet?saved=1"
                        });
                    }
                    Err(e) => {
                        locking.set(false);
                        error.set(Some(e));
                    }
                }
            });
        });
    };
    let heading = focus_on_mount();
    view! {
        <section class="page code">
            <h1 tabindex="-1" node_ref=heading>{i18n.tr(Key::CodeChooseTitle)}</h1>
            <p class="lead">{i18n.tr(lead)}</p>
            <ReadAloud text=Signal::derive(move || format!("{}. {}", i18n.t(Key::CodeChooseTitle), i18n.t(lead))) prominent=kind == CodeKind::Pictures />
            <CodeEntry kind entry />
            {move || error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
            <div class="nav">
                <button type="button" class="big" on:click=move |_| on_back.run(())>{i18n.tr(Key::CodeBack)}</button>
                <button type="button" class="primary big" disabled=move || locking.get() on:click=lock>
                    {move || if locking.get() { i18n.t(Key::CodeLocking) } else { i18n.t(Key::CodeLock) }}
                </button>
            </div>
        </section>
    }
}

/// "Carry on": the child's code opens their stopped booklet. A forgotten code lets an adult
/// remove the booklet, never open it.
#[component]
pub fn EnterCode(
    /// The draft's id in the device store.
    draft_id: String,
    /// The locked draft.
    locked: LockedDraft,
    /// Called with the draft once the right code opens it.
    on_open: Callback<Draft>,
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = locked.code_kind;
    // A survey is anonymous: no initials to show.
    let title = if locked.initials.is_empty() {
        i18n.t(Key::FillOkCarryOn).to_owned()
    } else {
        i18n.locale()
            .format(Key::BookletCarryOn, &[("name", &locked.initials)])
    };
    let locked = StoredValue::new(locked);
    let entry = RwSignal::new(Entry::default());
    let error = RwSignal::new(None::<String>);
    let opening = RwSignal::new(false);
    let lead = match kind {
        CodeKind::Pictures => Key::CodeEnterPictures,
        CodeKind::Number => Key::CodeEnterNumber,
    };
    let id = draft_id.clone();
    let open = move |_| {
        let code = match entry.with_untracked(|e| e.code(kind)) {
            Ok(code) => code,
            Err(e) => return error.set(Some(problem(i18n, e))),
        };
        let draft_id = id.clone();
        error.set(None);
        opening.set(true);
        after_paint(move || {
            let mut record = locked.get_value();
            let result = record.open(&code, clock::now_ms());
            locked.set_value(record.clone());
            spawn_local(async move {
                let stored = match &result {
                    Ok(d) => drafts::unlock(&draft_id, d).await,
                    // A wrong try is kept, so a reload does not start the count again.
                    Err(LockError::WrongCode) => drafts::keep_locked(&draft_id, &record).await,
                    Err(_) => Ok(()),
                };
                opening.set(false);
                match (result, stored) {
                    (Ok(d), Ok(())) => on_open.run(d),
                    (Err(e), _) => {
                        entry.set(Entry::default());
                        error.set(Some(problem(i18n, e)));
                    }
                    (_, Err(e)) => error.set(Some(e.words(i18n.locale()))),
                }
            });
        });
    };
    let heading = focus_on_mount();
    view! {
        <section class="page code">
            <h1 tabindex="-1" node_ref=heading>{title.clone()}</h1>
            <p class="lead">{i18n.tr(lead)}</p>
            <ReadAloud text=Signal::derive(move || format!("{title}. {}", i18n.t(lead))) prominent=kind == CodeKind::Pictures />
            <CodeEntry kind entry />
            {move || error.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
            <div class="nav">
                <button type="button" class="primary big" disabled=move || opening.get() on:click=open>{i18n.tr(Key::FillOkCarryOn)}</button>
            </div>
            <Forgotten draft_id />
        </section>
    }
}

/// "Forgotten the code?": nobody can open the answers without it; an adult can remove them.
#[component]
fn Forgotten(
    /// The draft's id in the device store.
    draft_id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let remove = move |_| {
        drafts::discard_then_go(draft_id.clone(), "/booklet", failed, i18n);
    };
    view! {
        <details class="code-forgotten">
            <summary>{i18n.tr(Key::CodeForgot)}</summary>
            <p>{i18n.tr(Key::CodeForgotLead)}</p>
            {move || if asking.get() {
                view! { <button type="button" class="danger" on:click=remove.clone()>{i18n.tr(Key::CodeRemoveConfirm)}</button> }.into_any()
            } else {
                view! { <button type="button" on:click=move |_| asking.set(true)>{i18n.tr(Key::CodeRemove)}</button> }.into_any()
            }}
            {move || failed.get().map(|e| view! { <p class="banner error" role="alert">{e}</p> })}
        </details>
    }
}
