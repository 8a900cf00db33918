//! The hostile-file corpus in `tests/e2e/fixtures/hostile/` (its README lists each file and the
//! message the workspace shows): every file is refused, or shown as a conflict, here in the core
//! as the end-to-end test `tests/e2e/hostile-files.spec.ts` checks in the browser.
//!
//! The sealed files are made for the test vectors' IRO, Sam Patel (key seed 0xa1, as in
//! `src/seal/tests/vectors.rs`), so the end-to-end test opens them after restoring
//! `tests/vectors/recovery-v1.json`. To write the corpus again:
//! `MY_SAY_WRITE_HOSTILE=1 cargo test -p my-say-core --test hostile_files`.

use chacha20::ChaCha20Rng;
use my_say_core::calendar::Date;
use my_say_core::export::{
    ExportedBy, FileOrigin, ImportError as ExportError, WorkspaceExport, WorkspaceSettings,
};
use my_say_core::incoming::{classify, sort_opened, Arrival, IncomingError};
use my_say_core::seal::{
    generate_keypair, open_bundle_booklets, seal_booklet, seal_with_id, BookletId, Bundle,
    BundleError, ImportError, IroIdentity, KeyError, PrivateKey, PublicKey, RecoveryFile,
};
use my_say_core::CompletedBooklet;
use rand_core::SeedableRng;
use serde_json::json;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/e2e/fixtures/hostile"
);
const RECOVERY_V1: &str = include_str!("vectors/recovery-v1.json");
const PASSPHRASE: &str = "correct horse battery staple";

fn rng(seed: u8) -> ChaCha20Rng {
    ChaCha20Rng::from_seed([seed; 32])
}

/// The test vectors' IRO (Sam Patel) and team manager.
fn sam() -> (PrivateKey, PublicKey) {
    generate_keypair(&mut rng(0xa1))
}

fn manager() -> PublicKey {
    generate_keypair(&mut rng(0xa2)).1
}

fn booklet(id: &str, name: &str, safe: &str, completed_at: &str) -> CompletedBooklet {
    serde_json::from_value(json!({
        "id": id,
        "booklet_id": "review-10-15",
        "booklet_revision": 1,
        "locale": "en",
        "age_band": "10-15",
        "child": { "name": name, "age_band": "10-15", "review_date": "2026-12-01" },
        "answers": { "feel_safe": { "type": "picked", "value": safe } },
        "completed_at": completed_at,
    }))
    .unwrap()
}

fn survey_answer(id: &str, survey: &str, name: &str) -> CompletedBooklet {
    serde_json::from_value(json!({
        "id": id,
        "booklet_id": survey,
        "booklet_revision": 1,
        "locale": "en",
        "age_band": "10-15",
        "child": { "name": name, "age_band": null, "review_date": "" },
        "answers": { "q1": { "type": "words", "value": "shorter meetings" } },
        "completed_at": "2026-11-20",
    }))
    .unwrap()
}

fn bundle(booklets: &[CompletedBooklet], to: &[PublicKey], seed: u8) -> Vec<u8> {
    let mut r = rng(seed);
    let items = booklets
        .iter()
        .map(|b| seal_booklet(b, to, &mut r).unwrap())
        .collect();
    Bundle::new(items).unwrap().to_bytes()
}

const AMIRA: &str = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";

/// Every file of the corpus: its name and bytes.
fn corpus() -> Vec<(&'static str, Vec<u8>)> {
    let me = [sam().1];
    let good = bundle(
        &[booklet(
            "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b",
            "Tia",
            "yes",
            "2026-11-20T10:00:00Z",
        )],
        &me,
        1,
    );
    let mut tampered = good.clone();
    let last = tampered.len() - 1;
    tampered[last] ^= 0x01;
    let mut forged = good[..13].to_vec();
    forged[9..13].copy_from_slice(&u32::MAX.to_be_bytes());
    let mut future_version = good.clone();
    future_version[8] = 9;
    let not_json = {
        let mut r = rng(7);
        let sealed = seal_with_id(
            BookletId::random(&mut r),
            b"I want my nan at my review",
            &me,
            &mut r,
        )
        .unwrap();
        Bundle::new(vec![sealed]).unwrap().to_bytes()
    };
    let workspace = |booklets: serde_json::Value, answers: serde_json::Value| {
        serde_json::to_vec_pretty(&json!({
            "format": "my-say/workspace-export",
            "version": 2,
            "exported_at": "2026-11-23T10:00:00Z",
            "booklets": booklets,
            "follow_ups": [],
            "settings": {},
            "survey_answers": answers,
        }))
        .unwrap()
    };
    // Sam's own export, with its MAC, then a child's name changed by hand ("Tia" to "Tim").
    let edited = {
        let identity = IroIdentity::new("Sam Patel", sam().1).unwrap();
        let mut export = WorkspaceExport::new(
            "2026-11-23T10:00:00Z",
            vec![booklet(
                "0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e0e",
                "Tia",
                "no",
                "2026-11-20T10:00:00Z",
            )],
            Vec::new(),
            WorkspaceSettings::default(),
        );
        export.exported_by = Some(ExportedBy::new(&identity));
        let file = export.to_authenticated_json(&sam().0);
        assert_eq!(file.matches("\"Tia\"").count(), 1);
        file.replace("\"Tia\"", "\"Tim\"")
    };
    let absurd = RECOVERY_V1.replace("\"memory_kib\": 19456", "\"memory_kib\": 4194304");
    assert_ne!(absurd, RECOVERY_V1);
    let key_file = IroIdentity::new("Sam Patel", sam().1)
        .unwrap()
        .to_key_file()
        .replace("Sam Patel", "Sam \u{202E}letaP");
    vec![
        ("empty.mysay", Vec::new()),
        (
            "wrong-magic.mysay",
            b"PK\x03\x04 this is a zip, not answers".to_vec(),
        ),
        ("truncated.mysay", good[..good.len() - 20].to_vec()),
        ("forged-header.mysay", forged),
        ("future-version.mysay", future_version),
        ("tampered.mysay", tampered),
        (
            "sealed-for-another-key.mysay",
            bundle(
                &[booklet(AMIRA, "Amira", "no", "2026-11-20T10:00:00Z")],
                &[manager()],
                2,
            ),
        ),
        ("not-a-booklet.mysay", not_json),
        (
            "survey-with-child-details.mysay",
            bundle(
                &[survey_answer(
                    "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a",
                    "survey-00000000000000aa",
                    "Amira",
                )],
                &me,
                3,
            ),
        ),
        (
            "survey-bad-id.mysay",
            bundle(
                &[survey_answer(
                    "5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b",
                    "survey-../booklet",
                    "",
                )],
                &me,
                4,
            ),
        ),
        (
            "no-completion-time.mysay",
            bundle(
                &[booklet(
                    "0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c0c",
                    "Lee",
                    "yes",
                    "last Tuesday",
                )],
                &me,
                5,
            ),
        ),
        (
            "duplicate-id-first.mysay",
            bundle(
                &[booklet(AMIRA, "Amira", "yes", "2026-11-20T10:00:00Z")],
                &me,
                6,
            ),
        ),
        (
            "duplicate-id-different.mysay",
            bundle(
                &[booklet(AMIRA, "Amira", "no", "2026-11-21T09:00:00Z")],
                &me,
                8,
            ),
        ),
        (
            "future-completion.mysay",
            bundle(
                &[booklet(
                    "0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d",
                    "Kai",
                    "yes",
                    "2099-01-01T10:00:00Z",
                )],
                &me,
                9,
            ),
        ),
        (
            "malformed-workspace.json",
            br#"{"format": "my-say/workspace-export", "version": 2, "booklets": [{"id": "#.to_vec(),
        ),
        (
            "workspace-survey-in-booklets.json",
            workspace(
                json!([survey_answer(
                    "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c",
                    "survey-00000000000000aa",
                    ""
                )]),
                json!([]),
            ),
        ),
        (
            "workspace-named-survey-answer.json",
            workspace(
                json!([]),
                json!([survey_answer(
                    "5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d5d",
                    "survey-00000000000000aa",
                    "Amira"
                )]),
            ),
        ),
        ("workspace-edited-by-hand.json", edited.into_bytes()),
        ("recovery-absurd-argon2.json", absurd.into_bytes()),
        ("key-file-bidi-name.json", key_file.into_bytes()),
    ]
}

fn today() -> Date {
    Date::parse("2026-11-23").unwrap()
}

/// Opens a sealed file with Sam's key and checks its records as the workspace does.
fn import(bytes: &[u8]) -> Result<Vec<CompletedBooklet>, String> {
    let opened = open_bundle_booklets(bytes, &sam().0).map_err(|e| format!("{e:?}"))?;
    let sorted = sort_opened(opened, today()).map_err(|e| format!("{e:?}"))?;
    Ok(sorted.booklets)
}

#[test]
fn every_hostile_file_is_refused_or_shown_as_a_conflict() {
    let files = corpus();
    if std::env::var_os("MY_SAY_WRITE_HOSTILE").is_some() {
        std::fs::create_dir_all(DIR).unwrap();
        for (name, bytes) in &files {
            std::fs::write(format!("{DIR}/{name}"), bytes).unwrap();
        }
    }
    let readme = std::fs::read_to_string(format!("{DIR}/README.md")).unwrap();
    let read = |name: &str| {
        std::fs::read(format!("{DIR}/{name}")).unwrap_or_else(|e| {
            panic!("{DIR}/{name}: {e}; write the corpus with MY_SAY_WRITE_HOSTILE=1")
        })
    };
    for (name, _) in &files {
        assert!(
            readme.contains(&format!("`{name}`")),
            "README.md lists {name}"
        );
    }

    let file_error = |name: &str| match open_bundle_booklets(&read(name), &sam().0) {
        Err(ImportError::File(e)) => e,
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(file_error("empty.mysay"), BundleError::Empty);
    assert_eq!(file_error("wrong-magic.mysay"), BundleError::NotMySay);
    assert_eq!(file_error("truncated.mysay"), BundleError::Truncated);
    assert!(matches!(
        file_error("forged-header.mysay"),
        BundleError::Corrupted(_)
    ));
    assert_eq!(
        file_error("future-version.mysay"),
        BundleError::FutureVersion { found: 9 }
    );
    let open = |name: &str| open_bundle_booklets(&read(name), &sam().0).unwrap_err();
    assert!(matches!(
        open("tampered.mysay"),
        ImportError::Tampered { .. }
    ));
    assert!(matches!(
        open("sealed-for-another-key.mysay"),
        ImportError::NotForThisKey { .. }
    ));
    assert!(matches!(
        open("not-a-booklet.mysay"),
        ImportError::NotABooklet { position: 1 }
    ));

    let records = |name: &str| {
        let opened = open_bundle_booklets(&read(name), &sam().0).unwrap();
        sort_opened(opened, today())
    };
    assert_eq!(
        records("survey-with-child-details.mysay"),
        Err(IncomingError::NamedSurveyAnswer { position: 1 })
    );
    assert!(matches!(
        records("survey-bad-id.mysay"),
        Err(IncomingError::SurveyId { position: 1, .. })
    ));
    assert_eq!(
        records("no-completion-time.mysay"),
        Err(IncomingError::CompletionTime { position: 1 })
    );

    // The same id with other answers: a conflict against the first file's booklet.
    let first = import(&read("duplicate-id-first.mysay")).unwrap();
    let second = import(&read("duplicate-id-different.mysay")).unwrap();
    assert_eq!(first[0].id, second[0].id);
    assert_eq!(classify(Some(&first[0]), &second[0]), Arrival::Conflict);
    // A completion time after the import day is set to it.
    let future = records("future-completion.mysay").unwrap();
    assert_eq!(future.clamped, 1);
    assert_eq!(future.booklets[0].completed_at, "2026-11-23T00:00:00Z");

    let workspace =
        |name: &str| WorkspaceExport::parse(&String::from_utf8(read(name)).unwrap()).unwrap_err();
    assert!(matches!(
        workspace("malformed-workspace.json"),
        ExportError::NotJson(_)
    ));
    assert!(matches!(
        workspace("workspace-survey-in-booklets.json"),
        ExportError::Invalid(m) if m.contains("survey answers belong in")
    ));
    assert!(matches!(
        workspace("workspace-named-survey-answer.json"),
        ExportError::Invalid(m) if m.contains("anonymous")
    ));

    // Sam's own export edited by hand: read, but as changed since it was exported.
    let (edited, origin) = WorkspaceExport::read(
        &String::from_utf8(read("workspace-edited-by-hand.json")).unwrap(),
        &sam().0,
    )
    .unwrap();
    assert_eq!(origin, FileOrigin::Changed);
    assert_eq!(edited.booklets[0].child.name, "Tim");

    // Refused before Argon2 runs: 4 GiB would not even be tried.
    let absurd =
        RecoveryFile::from_json(&String::from_utf8(read("recovery-absurd-argon2.json")).unwrap())
            .unwrap();
    assert_eq!(
        absurd.wrapped_key.unwrap(PASSPHRASE).err(),
        Some(KeyError::UnsafeParameters)
    );
    assert!(IroIdentity::from_key_file(
        &String::from_utf8(read("key-file-bidi-name.json")).unwrap()
    )
    .is_err());

    // The committed corpus is what this test makes (sealing is deterministic given the seeds).
    for (name, bytes) in &files {
        assert!(read(name) == *bytes, "{name} differs: write it again");
    }
}
