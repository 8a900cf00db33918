//! Importing answers files (`.mysay`): pick them or drop them; each opens with the IRO's key,
//! all or nothing, and booklets already here are skipped. A booklet whose id is here with other
//! answers is named as a conflict (both copies are kept). Council survey answers in a file are
//! kept apart from review booklets and counted apart in the message.

use super::use_active;
use crate::i18n::Key;
use crate::open_workers;
use crate::workspace::{use_unlocked, Added, AlsoSealedFor, BundleAdded, Conflict, WorkspaceStore};
use leptos::prelude::*;
use leptos::task::spawn_local;
use my_say_core::calendar::uk_time_of_timestamp;
use my_say_core::seal::PrivateKey;
use my_say_ui::browser::pace::{self, Pacer};
use my_say_ui::browser::{clock, files};
use my_say_ui::i18n::{use_i18n, Locale};

/// How one file's import went, for its message's look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Booklets were added.
    Added,
    /// The file opened, but held nothing new.
    NothingNew,
    /// The file did not open; nothing was added.
    Failed,
    /// Something the IRO should look at: a booklet's id here with other content (both are
    /// kept), completion times set to today, or booklets also sealed for someone else.
    Conflict,
}

/// The message for a file that opened.
fn opened_message(locale: Locale, file: &str, added: Added) -> (Outcome, String) {
    match (added.added, added.already) {
        (0, 0) if added.conflicting == 0 => (
            Outcome::NothingNew,
            locale.format(
                Key::IroImportEmpty,
                &[("file", file), ("count", &added.total().to_string())],
            ),
        ),
        _ => counted_message(
            locale,
            file,
            added,
            [
                Key::IroImportNothingNew,
                Key::IroImportAdded,
                Key::IroImportAddedSome,
            ],
        ),
    }
}

/// The message for a file's survey answers (anonymous, kept apart from booklets).
fn survey_message(locale: Locale, file: &str, added: Added) -> (Outcome, String) {
    counted_message(
        locale,
        file,
        added,
        [
            Key::SurveyImportNothingNew,
            Key::SurveyImportAdded,
            Key::SurveyImportAddedSome,
        ],
    )
}

/// What a file added, in the words `keys` gives: nothing new (all already here), all of it
/// added, or some added and the rest already here. Nothing (an empty message) when every one was
/// a conflict: the conflicts have their own messages.
fn counted_message(
    locale: Locale,
    file: &str,
    added: Added,
    [nothing_new, all_added, some_added]: [Key; 3],
) -> (Outcome, String) {
    let file_only = [("file", file)];
    match (added.added, added.already) {
        (0, 0) if added.conflicting > 0 => (Outcome::Conflict, String::new()),
        (0, already) => (
            Outcome::NothingNew,
            locale.count(nothing_new, already as u64, &file_only),
        ),
        (n, 0) => (
            Outcome::Added,
            locale.count(all_added, n as u64, &file_only),
        ),
        (n, _) => (
            Outcome::Added,
            locale.format(
                some_added,
                &[
                    ("file", file),
                    ("added", &n.to_string()),
                    ("count", &added.total().to_string()),
                ],
            ),
        ),
    }
}

/// The message for one booklet kept apart as a conflict: which child, and when each copy was
/// finished (UK time).
fn conflict_message(locale: Locale, file: &str, conflict: &Conflict) -> (Outcome, String) {
    let when = |at: &str| {
        uk_time_of_timestamp(at).map_or_else(
            || at.to_owned(),
            |t| locale.format(Key::IroUkTime, &[("time", &t.to_string())]),
        )
    };
    (
        Outcome::Conflict,
        locale.format(
            Key::IroImportConflict,
            &[
                ("file", file),
                ("name", &conflict.child_name),
                ("stored", &when(&conflict.stored_completed_at)),
                ("incoming", &when(&conflict.incoming_completed_at)),
            ],
        ),
    )
}

/// The messages for a file that opened: booklets, survey answers, or one of each; then each
/// conflict, and a note if completion times after today were set to today.
fn file_messages(locale: Locale, file: &str, added: BundleAdded) -> Vec<(Outcome, String)> {
    let mut out = Vec::new();
    if added.booklets.total() > 0 || added.survey_answers.total() == 0 {
        out.push(opened_message(locale, file, added.booklets));
    }
    if added.survey_answers.total() > 0 {
        out.push(survey_message(locale, file, added.survey_answers));
    }
    // A file of conflicts only has no count message of its own.
    out.retain(|(_, text)| !text.is_empty());
    out.extend(
        added
            .conflicts
            .iter()
            .take(MESSAGES_OF_A_KIND)
            .map(|c| conflict_message(locale, file, c)),
    );
    let more_conflicts = added.conflicts.len().saturating_sub(MESSAGES_OF_A_KIND);
    if more_conflicts > 0 {
        out.push((
            Outcome::Conflict,
            locale.count(
                Key::IroImportMoreConflicts,
                more_conflicts as u64,
                &[("file", file)],
            ),
        ));
    }
    if added.survey_answers.conflicting > 0 {
        out.push((
            Outcome::Conflict,
            locale.format(
                Key::IroImportConflictSurveys,
                &[
                    ("file", file),
                    ("count", &added.survey_answers.conflicting.to_string()),
                ],
            ),
        ));
    }
    if added.clamped > 0 {
        out.push((
            Outcome::Conflict,
            locale.count(
                Key::IroImportClamped,
                added.clamped as u64,
                &[("file", file)],
            ),
        ));
    }
    out.extend(
        added
            .also_sealed_for
            .iter()
            .take(MESSAGES_OF_A_KIND)
            .map(|a| also_sealed_for_message(locale, file, a)),
    );
    let more_also: usize = added
        .also_sealed_for
        .iter()
        .skip(MESSAGES_OF_A_KIND)
        .map(|a| a.children.len() + a.survey_answers)
        .sum();
    if more_also > 0 {
        out.push((
            Outcome::Conflict,
            locale.count(
                Key::IroImportMoreAlsoSealedFor,
                more_also as u64,
                &[("file", file)],
            ),
        ));
    }
    out
}

/// At most this many conflict messages, and as many "also sealed for" messages, for one file;
/// the rest are counted in one message each, so a forged file cannot bury the others.
const MESSAGES_OF_A_KIND: usize = 10;

/// At most this many children are named in one message; the rest are counted.
const NAMED_AT_MOST: usize = 10;

/// The first [`NAMED_AT_MOST`] of `names`, then how many more ("… (+15)"): a file of hundreds of
/// booklets, or a forged one, names a few children rather than a wall of text.
fn some_names(names: &[String]) -> Vec<String> {
    let mut shown: Vec<String> = names.iter().take(NAMED_AT_MOST).cloned().collect();
    if names.len() > NAMED_AT_MOST {
        shown.push(format!("… (+{})", names.len() - NAMED_AT_MOST));
    }
    shown
}

/// The message for booklets of a file that were also sealed for other people: which booklets
/// (the children, a few by name and the rest counted, and how many survey answers), and each
/// other key by fingerprint, a key this workspace does not know marked "unknown key".
fn also_sealed_for_message(locale: Locale, file: &str, also: &AlsoSealedFor) -> (Outcome, String) {
    let mut who = some_names(&also.children);
    if also.survey_answers > 0 {
        who.push(locale.format(
            Key::IroImportSurveyAnswersCount,
            &[("count", &also.survey_answers.to_string())],
        ));
    }
    let keys: Vec<String> = also
        .others
        .iter()
        .map(|o| {
            let fingerprint = o.fingerprint.to_string();
            if o.known {
                fingerprint
            } else {
                locale.format(Key::IroImportUnknownKey, &[("fingerprint", &fingerprint)])
            }
        })
        .collect();
    (
        Outcome::Conflict,
        locale.format(
            Key::IroImportAlsoSealedFor,
            &[
                ("file", file),
                ("who", &who.join(", ")),
                ("keys", &keys.join(", ")),
            ],
        ),
    )
}

/// "Import answers": a file picker and a drop zone for answers files, and a message per file.
#[component]
pub fn ImportAnswers(
    /// Called after a pick or drop that added at least one booklet.
    on_imported: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = use_active();
    let unlocked = use_unlocked();
    let results = RwSignal::new(Vec::<(Outcome, String)>::new());
    let opening = RwSignal::new(None::<String>);
    // Booklets opened so far and in all, while a large file opens.
    let progress = RwSignal::new(None::<(usize, usize)>);
    let dragging = RwSignal::new(false);

    let import = move |picked: Vec<web_sys::File>| {
        let Some(key) = unlocked.key() else {
            return;
        };
        if picked.is_empty() || opening.get_untracked().is_some() {
            return;
        }
        results.set(Vec::new());
        spawn_local(async move {
            let store = match active.store().await {
                Ok(store) => store,
                Err(e) => {
                    results.set(vec![(Outcome::Failed, i18n.store_error(&e))]);
                    return;
                }
            };
            let mut any_added = false;
            for file in picked {
                opening.set(Some(file.name()));
                let (messages, added) =
                    import_file(&store, &file, &key, i18n.locale(), progress).await;
                any_added |= added;
                results.update(|r| r.extend(messages));
            }
            opening.set(None);
            if any_added {
                on_imported.run(());
            }
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let picked = input.files().map(file_list).unwrap_or_default();
        // Cleared, so that choosing the same file again is noticed (and reported as nothing new).
        input.set_value("");
        import(picked);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let picked = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(file_list)
            .unwrap_or_default();
        import(picked);
    };

    view! {
        <section class="card import" aria-labelledby="import-heading">
            <h2 id="import-heading">{i18n.tr(Key::IroImportTitle)}</h2>
            <p>{i18n.tr(Key::IroImportLead)}</p>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label for="import-files">{i18n.tr(Key::IroImportChoose)}</label>
                <p class="hint" id="import-hint">{i18n.tr(Key::IroImportDrop)}</p>
                <input
                    id="import-files"
                    type="file"
                    multiple=true
                    accept=".mysay"
                    aria-describedby="import-hint"
                    on:change=on_pick
                />
            </div>
            <div class="import-results" role="status" aria-live="polite">
                {move || opening.get().map(|file| view! {
                    <p class="busy-note"><span class="spinner" aria-hidden="true"></span>{i18n.locale().format(Key::IroImporting, &[("file", &file)])}</p>
                })}
                <ImportProgress progress />
                <ul class="plain">
                    {move || results.get().into_iter().map(|(outcome, text)| {
                        let class = match outcome {
                            Outcome::Added => "banner success",
                            Outcome::NothingNew => "banner info",
                            Outcome::Failed => "banner error",
                            Outcome::Conflict => "banner warning",
                        };
                        view! { <li class=class dir="auto">{text}</li> }
                    }).collect_view()}
                </ul>
            </div>
        </section>
    }
}

/// Imports one picked file into `store`, moving `progress` while a large file opens: the
/// messages for the file, and whether it added anything.
async fn import_file(
    store: &WorkspaceStore,
    file: &web_sys::File,
    key: &PrivateKey,
    locale: Locale,
    progress: RwSignal<Option<(usize, usize)>>,
) -> (Vec<(Outcome, String)>, bool) {
    let name = file.name();
    let failed = |reason: &str| {
        vec![(
            Outcome::Failed,
            locale.format(Key::IroImportFailed, &[("file", &name), ("reason", reason)]),
        )]
    };
    let bytes = match files::read(file, my_say_core::limits::ANSWERS_FILE_MAX_BYTES).await {
        Ok(bytes) => bytes,
        Err(reason) => return (failed(&reason), false),
    };
    progress.set(None);
    let pacer = Pacer::new();
    let imported = open_workers::import_bundle_in_workers(
        store,
        &bytes,
        key,
        clock::today_date(),
        |opened, total| {
            progress.set(Some((opened, total)));
            let breathe = pacer.breathe();
            async move {
                if opened == total {
                    // "Saving them…" is on the screen before the saving begins.
                    pace::painted().await;
                } else {
                    breathe.await;
                }
            }
        },
    )
    .await;
    progress.set(None);
    match imported {
        Ok(added) => {
            let any = added.booklets.added > 0 || added.survey_answers.added > 0;
            (file_messages(locale, &name, added), any)
        }
        Err(e) => (failed(&e.to_string()), false),
    }
}

/// The bar while a large file opens: "Opened N of M", then, with every booklet open, a bar
/// without a value while they are saved.
#[component]
fn ImportProgress(
    /// Booklets opened so far and in all; `None` when no large file is opening.
    progress: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        progress.get().filter(|(_, total)| *total > 0).map(|(opened, total)| {
            let saving = opened >= total;
            let words = i18n.locale().format(
                if saving { Key::IroImportingSaving } else { Key::IroImportingProgress },
                &[("opened", &opened.to_string()), ("total", &total.to_string())],
            );
            view! {
                <div class="progress">
                    <progress max=total.to_string() value=(!saving).then(|| opened.to_string()) aria-label=words.clone()></progress>
                    <span>{words}</span>
                </div>
            }
        })
    }
}

/// The files of a file list, in order.
fn file_list(list: web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_conflict_names_the_child_and_both_completion_times() {
        let added = BundleAdded {
            booklets: Added {
                added: 0,
                already: 0,
                conflicting: 1,
            },
            conflicts: vec![Conflict {
                id: "a1".into(),
                child_name: "Amira".into(),
                stored_completed_at: "2026-11-20T10:00:00Z".into(),
                incoming_completed_at: "2026-11-21T09:00:00Z".into(),
            }],
            clamped: 1,
            ..BundleAdded::default()
        };
        for locale in Locale::ALL {
            let messages = file_messages(locale, "t.mysay", added.clone());
            // No "holds no booklets": the conflict, then the note about the clock.
            assert_eq!(messages.len(), 2, "{messages:?}");
            assert!(messages.iter().all(|(o, _)| *o == Outcome::Conflict));
            let text = &messages[0].1;
            assert!(text.contains("Amira") && text.contains("t.mysay"), "{text}");
            assert!(
                text.contains("2026-11-20") && text.contains("2026-11-21"),
                "{text}"
            );
            assert!(!text.contains('{') && !messages[1].1.contains('{'));
        }
    }

    #[test]
    fn other_recipients_are_named_by_fingerprint_and_unknown_keys_flagged() {
        use my_say_core::seal::{generate_keypair, system_rng, OtherRecipient};
        let (_, manager) = generate_keypair(&mut system_rng());
        let (_, colleague) = generate_keypair(&mut system_rng());
        let added = BundleAdded {
            also_sealed_for: vec![AlsoSealedFor {
                others: vec![
                    OtherRecipient {
                        fingerprint: manager.fingerprint(),
                        known: false,
                    },
                    OtherRecipient {
                        fingerprint: colleague.fingerprint(),
                        known: true,
                    },
                ],
                children: vec!["Amira".into(), "Lee".into()],
                survey_answers: 2,
            }],
            ..BundleAdded::default()
        };
        for locale in Locale::ALL {
            let messages = file_messages(locale, "t.mysay", added.clone());
            let (outcome, text) = messages.last().unwrap();
            assert_eq!(*outcome, Outcome::Conflict);
            let unknown = locale.format(
                Key::IroImportUnknownKey,
                &[("fingerprint", &manager.fingerprint().to_string())],
            );
            assert!(text.contains(&unknown), "{text}");
            // A known key is named without the flag.
            let known = colleague.fingerprint().to_string();
            assert!(text.contains(&known), "{text}");
            assert!(!text
                .contains(&locale.format(Key::IroImportUnknownKey, &[("fingerprint", &known)])));
            assert!(
                text.contains("Amira, Lee") && text.contains("t.mysay"),
                "{text}"
            );
            assert!(text.contains('2') && !text.contains('{'), "{text}");
        }
    }

    #[test]
    fn survey_answers_that_all_conflict_get_only_the_conflict_message() {
        let added = BundleAdded {
            survey_answers: Added {
                added: 0,
                already: 0,
                conflicting: 2,
            },
            ..BundleAdded::default()
        };
        for locale in Locale::ALL {
            let messages = file_messages(locale, "t.mysay", added.clone());
            assert_eq!(messages.len(), 1, "{messages:?}");
            assert_eq!(messages[0].0, Outcome::Conflict);
            let conflict = locale.format(
                Key::IroImportConflictSurveys,
                &[("file", "t.mysay"), ("count", "2")],
            );
            assert_eq!(messages[0].1, conflict);
        }
    }

    #[test]
    fn a_long_list_of_children_names_ten_and_counts_the_rest() {
        let children: Vec<String> = (1..=25).map(|i| format!("Child {i:02}")).collect();
        let added = BundleAdded {
            also_sealed_for: vec![AlsoSealedFor {
                others: Vec::new(),
                children: children.clone(),
                survey_answers: 0,
            }],
            ..BundleAdded::default()
        };
        for locale in Locale::ALL {
            let (_, text) = file_messages(locale, "t.mysay", added.clone())
                .pop()
                .unwrap();
            assert!(
                text.contains("Child 01, Child 02") && text.contains("Child 10"),
                "{text}"
            );
            assert!(
                !text.contains("Child 11") && text.contains("… (+15)"),
                "{text}"
            );
        }
        // Ten or fewer are all named, with nothing counted.
        assert_eq!(some_names(&children[..10]), children[..10].to_vec());
    }

    #[test]
    fn a_file_of_many_conflicts_shows_ten_of_each_kind_and_counts_the_rest() {
        let conflicts: Vec<Conflict> = (1..=2_000)
            .map(|i| Conflict {
                id: format!("{i:032x}"),
                child_name: format!("Child {i:04}"),
                stored_completed_at: "2026-11-30T10:00:00Z".into(),
                incoming_completed_at: "2026-11-30T11:00:00Z".into(),
            })
            .collect();
        let also_sealed_for: Vec<AlsoSealedFor> = (1..=500)
            .map(|i| AlsoSealedFor {
                others: Vec::new(),
                children: vec![format!("Other {i:03}"), format!("Another {i:03}")],
                survey_answers: 1,
            })
            .collect();
        let added = BundleAdded {
            booklets: Added {
                added: 0,
                already: 0,
                conflicting: conflicts.len(),
            },
            conflicts,
            also_sealed_for,
            ..BundleAdded::default()
        };
        for locale in Locale::ALL {
            let messages = file_messages(locale, "t.mysay", added.clone());
            // Ten conflicts and their count; ten sets of other keys and their count.
            assert_eq!(messages.len(), 22, "{messages:?}");
            let texts: Vec<&str> = messages.iter().map(|(_, t)| t.as_str()).collect();
            assert!(texts[9].contains("Child 0010") && !texts.concat().contains("Child 0011"));
            assert_eq!(
                texts[10],
                locale.count(Key::IroImportMoreConflicts, 1_990, &[("file", "t.mysay")])
            );
            assert!(texts[20].contains("Other 010") && !texts.concat().contains("Other 011"));
            // 490 sets of two children and one survey answer each.
            assert_eq!(
                texts[21],
                locale.count(
                    Key::IroImportMoreAlsoSealedFor,
                    1_470,
                    &[("file", "t.mysay")]
                )
            );
            assert!(messages.iter().all(|(o, _)| *o == Outcome::Conflict));
            assert!(texts.iter().all(|t| !t.contains('{')), "{texts:?}");
        }
        // Ten of a kind are all shown, with nothing counted.
        let ten = BundleAdded {
            booklets: Added {
                added: 0,
                already: 0,
                conflicting: 10,
            },
            conflicts: added.conflicts[..10].to_vec(),
            ..BundleAdded::default()
        };
        assert_eq!(file_messages(Locale::En, "t.mysay", ten).len(), 10);
    }

    #[test]
    fn each_result_gets_its_own_wording() {
        let msg = |added, already| {
            opened_message(
                Locale::En,
                "t.mysay",
                Added {
                    added,
                    already,
                    conflicting: 0,
                },
            )
        };
        assert_eq!(
            msg(3, 0),
            (Outcome::Added, "Added 3 booklets from t.mysay".into())
        );
        assert_eq!(
            msg(1, 0),
            (Outcome::Added, "Added 1 booklet from t.mysay".into())
        );
        assert_eq!(msg(1, 2).0, Outcome::Added);
        assert!(msg(1, 2).1.contains("Added 1 of the 3 booklets in t.mysay"));
        assert_eq!(
            msg(0, 3),
            (
                Outcome::NothingNew,
                "Nothing new: all 3 booklets in t.mysay were already here".into()
            )
        );
        assert_eq!(msg(0, 1).0, Outcome::NothingNew);
        assert_eq!(msg(0, 0).0, Outcome::NothingNew);
        let both = |b: (usize, usize), s: (usize, usize)| {
            file_messages(
                Locale::En,
                "t.mysay",
                BundleAdded {
                    booklets: Added {
                        added: b.0,
                        already: b.1,
                        conflicting: 0,
                    },
                    survey_answers: Added {
                        added: s.0,
                        already: s.1,
                        conflicting: 0,
                    },
                    ..BundleAdded::default()
                },
            )
        };
        assert_eq!(
            both((0, 0), (3, 0)),
            vec![(Outcome::Added, "3 survey answers added from t.mysay".into())]
        );
        assert_eq!(
            both((0, 0), (0, 2)),
            vec![(
                Outcome::NothingNew,
                "Nothing new: all 2 survey answers in t.mysay were already here".into()
            )]
        );
        assert_eq!(both((2, 0), (1, 0)).len(), 2);
        assert_eq!(both((0, 0), (0, 0)), vec![msg(0, 0)]);
        for locale in Locale::ALL {
            for (a, b) in [(0, 1), (0, 5), (1, 0), (4, 0), (2, 3)] {
                let text = survey_message(
                    locale,
                    "t.mysay",
                    Added {
                        added: a,
                        already: b,
                        conflicting: 0,
                    },
                )
                .1;
                assert!(text.contains("t.mysay") && !text.contains('{'), "{text}");
            }
        }
        for locale in Locale::ALL {
            for (a, b) in [(0, 0), (0, 1), (0, 5), (1, 0), (4, 0), (2, 3)] {
                let text = opened_message(
                    locale,
                    "t.mysay",
                    Added {
                        added: a,
                        already: b,
                        conflicting: 0,
                    },
                )
                .1;
                assert!(text.contains("t.mysay") && !text.contains('{'), "{text}");
            }
        }
    }
}
