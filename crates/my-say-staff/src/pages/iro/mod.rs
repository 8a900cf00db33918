//! The IRO's area: set up or restore their workspace on this device, unlock it, set up tablets,
//! import sealed answers and see the booklets they hold.
//!
//! [`IroArea`] is the layout around every `/iro/...` page. Until the workspace is unlocked it
//! shows set-up, restore or unlock instead of the page asked for (so a bookmarked link to a
//! summary asks for the passphrase, then shows the summary). The unlocked key lives in the
//! [`UnlockedWorkspace`] context provided there, so leaving the IRO's screens locks the
//! workspace (a child may use the same device next), while moving between them does not; it
//! also locks by itself after a time without input, or a sleep longer than that (`idle`). The
//! logic is in `crate::workspace`; these components render it.

mod bar;
mod data;
mod follow_ups;
mod home;
mod idle;
mod import;
mod import_changes;
mod import_plan;
pub(crate) mod inbox;
mod passphrase;
pub(crate) mod qr;
mod reports;
mod restore;
mod settings;
mod setup;
mod summary;
mod tablet_link;
mod unlock;
mod workspace_import;

pub use data::DataCare;
pub use follow_ups::FollowUps;
pub use home::WorkspaceHome;
pub use reports::Reports;
pub use settings::WorkspaceSettings;
pub use summary::BookletSummary;

use crate::i18n::Key;
use crate::routes::Page;
use crate::workspace::{self, UnlockedWorkspace, Workspace, WorkspaceStore};
use bar::WorkspaceBar;
use data::WorkspaceErased;
use idle::{LockAfter, LockWhenIdle};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_ui::browser::clock;
pub(crate) use my_say_ui::browser::focus::focus_id_soon;
use my_say_ui::browser::pace::Pacer;
use my_say_ui::browser::store::{device_store, MemoryStore, StoreError};
use my_say_ui::i18n::use_i18n;
use setup::{RecoveryOffer, SetUpWorkspace};
use std::time::Duration;
use unlock::UnlockWorkspace;

/// Which workspace the IRO's pages show, shared through context by [`IroArea`]: where its
/// pages live (for links between them) and where its booklets, follow-ups and settings are kept.
#[derive(Clone, Copy)]
pub struct ActiveWorkspace {
    /// The area's path, such as "/iro"; links are made under it.
    base: &'static str,
    /// The example workspace's store, in memory only, when this is the demo: example data
    /// must never reach the device's real store.
    demo: Option<StoredValue<MemoryStore, LocalStorage>>,
}

impl ActiveWorkspace {
    /// The path of a page of this workspace: `href("follow-ups")` is "/iro/follow-ups", and
    /// `href("")` the workspace's home.
    pub fn href(self, page: &str) -> String {
        if page.is_empty() {
            self.base.to_owned()
        } else {
            format!("{}/{page}", self.base)
        }
    }

    /// The store this workspace keeps its data in.
    pub async fn store(self) -> Result<WorkspaceStore, StoreError> {
        match self.demo {
            Some(memory) => Ok(WorkspaceStore::Demo(memory.get_value())),
            None => device_store()
                .await
                .map(|s| WorkspaceStore::Device(s, Pacer::new())),
        }
    }

    /// Whether this is the example workspace.
    pub fn is_demo(self) -> bool {
        self.demo.is_some()
    }
}

/// The context of the IRO area's pages.
pub fn use_active() -> ActiveWorkspace {
    expect_context::<ActiveWorkspace>()
}

/// Called with the workspace after it changes (a new passphrase): it is already stored.
#[derive(Clone, Copy)]
pub struct WorkspaceChanged(pub Callback<Workspace>);

/// The passphrase of the example workspace, shown on its banner (it guards nothing real).
const DEMO_PASSPHRASE: &str = "example only";

/// The parent of every IRO page: loading, set-up, unlock or "ready" until the workspace is
/// unlocked; then the bar (who is signed in, Lock), the area's navigation and the page.
#[component]
pub fn IroArea(
    /// The page the address asks for.
    page: Memo<Page>,
) -> impl IntoView {
    workspace_area(false, page)
}

/// The example workspace, under "/demo": the same pages as the IRO area, over a few hundred
/// made-up booklets (`my_say_core::demo`) kept in memory only, already unlocked, with a banner
/// on every page saying that the children are not real.
#[component]
pub fn DemoArea(
    /// The page the address asks for.
    page: Memo<Page>,
) -> impl IntoView {
    workspace_area(true, page)
}

/// Makes the example workspace in `store`: a key pair wrapped under [`DEMO_PASSPHRASE`] (with
/// the smallest Argon2id cost: it protects nothing) and the example data for today.
async fn load_demo(
    store: MemoryStore,
) -> Result<(Workspace, my_say_core::seal::PrivateKey), String> {
    use my_say_core::seal::{system_rng, KdfParams};
    let (ws, key) = Workspace::create(
        "Sam Example",
        DEMO_PASSPHRASE,
        KdfParams::MINIMUM,
        &mut system_rng(),
    )
    .map_err(|e| e.to_string())?;
    workspace::save(&store, &ws)
        .await
        .map_err(|e| e.to_string())?;
    workspace::transfer::load_example_data(&store, ws.identity.public_key, clock::today_date())
        .await
        .map_err(|e| e.to_string())?;
    Ok((ws, key))
}

fn workspace_area(demo: bool, asked: Memo<Page>) -> impl IntoView {
    let i18n = use_i18n();
    let unlocked = UnlockedWorkspace::new();
    provide_context(unlocked);
    let active = if demo {
        ActiveWorkspace {
            base: "/demo",
            demo: Some(StoredValue::new_local(MemoryStore::new())),
        }
    } else {
        ActiveWorkspace {
            base: "/iro",
            demo: None,
        }
    };
    provide_context(active);
    provide_context(LockAfter::load());
    // Everything on the device was just erased: say so on the set-up screen.
    let erased = RwSignal::new(false);
    // `None` while loading; then whether this device has a workspace.
    let stored = RwSignal::new(None::<Option<Workspace>>);
    let load_error = RwSignal::new(None::<String>);
    // Just set up: show the recovery file before the workspace.
    let just_created = RwSignal::new(false);

    let start_demo = move || {
        let Some(memory) = active.demo else {
            return;
        };
        spawn_local(async move {
            match load_demo(memory.get_value()).await {
                Ok((ws, key)) => {
                    unlocked.set(ws.clone(), key);
                    erased.set(false);
                    stored.set(Some(Some(ws)));
                }
                Err(e) => load_error.set(Some(e)),
            }
        });
    };
    if demo {
        start_demo();
    } else {
        spawn_local(async move {
            let result = match active.store().await {
                Ok(store) => workspace::load(&store).await,
                Err(e) => Err(e),
            };
            match result {
                Ok(found) => stored.set(Some(found)),
                Err(e) => load_error.set(Some(i18n.store_error(&e))),
            }
        });
    }
    provide_context(WorkspaceErased(Callback::new(move |_| {
        unlocked.lock();
        erased.set(true);
        stored.set(Some(None));
    })));

    let on_ready = Callback::new(move |ws: Workspace| {
        stored.set(Some(Some(ws)));
    });
    provide_context(WorkspaceChanged(on_ready));

    // Which screen shows. A memo, so that changes within a screen (a new passphrase, say) do
    // not rebuild it.
    let screen = Memo::new(move |_| {
        if load_error.with(Option::is_some) {
            return Screen::Failed;
        }
        match stored.with(|s| s.as_ref().map(Option::is_some)) {
            None => Screen::Loading,
            Some(false) => Screen::SetUp,
            Some(true) if !unlocked.is_unlocked() => Screen::Locked,
            Some(true) if just_created.get() => Screen::Ready,
            Some(true) => Screen::Home,
        }
    });

    let demo_banner = demo.then(|| {
        view! {
            <p class="banner demo-banner" role="note">
                <strong>{i18n.tr(Key::IroDemoBanner)}</strong>" "
                {move || i18n.locale().format(Key::IroDemoPassphrase, &[("passphrase", DEMO_PASSPHRASE)])}
            </p>
        }
    });
    let erased_banner = move || {
        erased.get().then(
            || view! { <p class="banner success" role="status">{i18n.tr(Key::IroErased)}</p> },
        )
    };
    let page = move || {
        match screen.get() {
        Screen::Failed => view! {
            <section class="page iro">
                <h1 tabindex="-1">{i18n.tr(Key::IroTitle)}</h1>
                <p class="banner error" role="alert">{load_error.get_untracked()}</p>
            </section>
        }
        .into_any(),
        Screen::Loading => view! {
            <section class="page iro">
                <h1 tabindex="-1">{i18n.tr(Key::IroTitle)}</h1>
                <p class="note" role="status">{i18n.tr(Key::IroLoading)}</p>
            </section>
        }
        .into_any(),
        Screen::SetUp if demo => view! {
            <section class="page iro">
                <h1 tabindex="-1">{i18n.tr(Key::IroTitle)}</h1>
                {erased_banner}
                <button type="button" class="primary" on:click=move |_| start_demo()>{i18n.tr(Key::IroDemoReload)}</button>
            </section>
        }
        .into_any(),
        Screen::SetUp => view! {
            {erased_banner}
            <SetUpWorkspace
                on_created=Callback::new(move |ws: Workspace| {
                    just_created.set(true);
                    stored.set(Some(Some(ws)));
                })
                on_restored=on_ready
            />
        }
        .into_any(),
        Screen::Locked => {
            let ws = stored.get_untracked().flatten();
            ws.map(|workspace| view! { <UnlockWorkspace workspace on_restored=on_ready /> })
                .into_any()
        }
        Screen::Ready => view! {
            <RecoveryOffer on_continue=Callback::new(move |_| just_created.set(false)) />
        }
        .into_any(),
        Screen::Home => view! {
            <div class="page iro">
                <LockWhenIdle />
                <WorkspaceBar />
                {move || crate::pages::area_page(asked.get())}
            </div>
        }
        .into_any(),
    }
    };
    view! {
        {demo_banner}
        {page}
    }
}

/// The screens of the IRO area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Screen {
    /// The device's storage failed.
    Failed,
    /// Reading the workspace from storage.
    Loading,
    /// No workspace on this device: set one up or restore one.
    SetUp,
    /// A workspace, locked.
    Locked,
    /// Just set up: save the recovery file.
    Ready,
    /// Unlocked.
    Home,
}

/// Moves keyboard focus to `heading` once it is on screen, so each new screen starts there for
/// keyboard and screen reader users.
pub(crate) fn focus_when_shown(heading: NodeRef<leptos::html::H1>) {
    Effect::new(move |_| {
        request_animation_frame(move || {
            if let Some(h) = heading.get_untracked() {
                let _ = h.focus();
            }
        });
    });
}

/// Waits until the browser has painted what was just put on screen. Argon2id runs on the main
/// thread and freezes the page for a moment, so "this takes a few seconds" must show first.
pub(super) async fn after_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        request_animation_frame(move || {
            // The frame that shows the message is painted before this timeout runs.
            set_timeout(
                move || {
                    let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
                },
                Duration::from_millis(30),
            );
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
}

/// Wording with its placeholders filled, following the chosen language, as a signal. Every use
/// shares this one closure type, which keeps the wasm smaller than a closure at each place
/// (each distinct reactive closure brings its own copy of the rendering code).
pub(super) fn tr_format(key: Key, values: Vec<(&'static str, String)>) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let pairs: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        i18n.locale().format(key, &pairs)
    })
}

/// One form's problems: each message's wording and the id of the field it is about.
pub(super) type Problems = RwSignal<Vec<(Key, &'static str)>>;

/// The wording of the problem with field `id`, if any (reactive).
pub(super) fn problem_for(problems: Problems, id: &'static str) -> Signal<Option<Key>> {
    Signal::derive(move || {
        problems
            .get()
            .iter()
            .find(|(_, field)| *field == id)
            .map(|(key, _)| *key)
    })
}

/// A labelled input with an optional hint and its own error message, linked for screen readers.
#[component]
pub(super) fn Field(
    /// The input's id; error summaries link to it.
    id: &'static str,
    /// The visible label.
    label: Key,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<Key>,
    /// The input type: `text` or `password`.
    kind: &'static str,
    /// The `autocomplete` token, such as `new-password` or `current-password`.
    autocomplete: &'static str,
    /// What is typed.
    value: RwSignal<String>,
    /// The wording of this field's problem, if it has one.
    error: Signal<Option<Key>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id>{i18n.tr(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{i18n.tr(h)}</p> })}
            {move || error.get().map(|k| view! { <p class="field-error" id=error_id.clone()>{i18n.tr(k)}</p> })}
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                spellcheck="false"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The list of a form's problems at its top, each linking to its field. Gets focus when shown.
#[component]
pub(super) fn ErrorSummary(
    /// The summary's id, unique on the screen, for moving focus to it.
    id: &'static str,
    /// The form's problems.
    problems: Problems,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || (!problems.with(Vec::is_empty)).then(|| view! {
            <div class="error-summary" id=id tabindex="-1" role="alert">
                <h2>{i18n.tr(Key::BookletErrorsTitle)}</h2>
                <ul>
                    {move || problems.get().into_iter().map(|(key, field)| view! {
                        <li><a href=format!("#{field}")>{i18n.tr(key)}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })}
    }
}

/// A polite live region that says the page is busy (Argon2id is running), empty otherwise.
#[component]
pub(super) fn BusyNote(
    /// Whether the work is under way.
    busy: RwSignal<bool>,
    /// What to say meanwhile.
    message: Key,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="busy-note" role="status" aria-live="polite">
            {move || busy.get().then(|| view! { <span class="spinner" aria-hidden="true"></span>{i18n.tr(message)} })}
        </p>
    }
}

/// Where a new-passphrase problem shows: its wording, and the passphrase or confirmation field.
pub(super) fn passphrase_problem(
    problem: workspace::Problem,
    name_id: &'static str,
    new_id: &'static str,
    confirm_id: &'static str,
) -> (Key, &'static str) {
    use my_say_core::name::NameProblem;
    use workspace::Problem;
    match problem {
        Problem::NameMissing | Problem::NameInvalid(NameProblem::Empty) => {
            (Key::IroErrorNameMissing, name_id)
        }
        Problem::NameInvalid(NameProblem::Hidden) => (Key::IroErrorNameHidden, name_id),
        Problem::NameInvalid(NameProblem::LooksLikeFingerprint) => {
            (Key::IroErrorNameFingerprint, name_id)
        }
        Problem::NameInvalid(NameProblem::TooLong | NameProblem::Control) => {
            (Key::IroErrorNameInvalid, name_id)
        }
        Problem::PassphraseWeak(weakness) => (passphrase::weakness_key(weakness), new_id),
        Problem::PassphraseMismatch => (Key::IroErrorMismatch, confirm_id),
    }
}

/// Offers a text file for download, reporting a failure in `error`.
pub(crate) fn offer_download(file_name: &str, json: &str, error: RwSignal<Option<String>>) -> bool {
    match my_say_ui::browser::files::download(json.as_bytes(), file_name, "application/json") {
        Ok(()) => true,
        Err(e) => {
            error.set(Some(e));
            false
        }
    }
}

/// A failure message in a banner, read out at once, while `error` holds one.
#[component]
pub(crate) fn ErrorBanner(
    /// The message, in words for the IRO.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    move || {
        error
            .get()
            .map(|e| view! { <p class="banner error" role="alert" dir="auto">{e}</p> })
    }
}
