//! Tests of the sealed formats. Argon2 runs with cheap test parameters except in
//! `real_parameters_wrap_and_unwrap`.

use super::*;
use crate::name::NameProblem;
use crate::record::CompletedBooklet;
use chacha20::ChaCha20Rng;
use proptest::prelude::*;
use rand_core::SeedableRng;

fn rng(seed: u8) -> ChaCha20Rng {
    ChaCha20Rng::from_seed([seed; 32])
}

fn keypair(seed: u8) -> (PrivateKey, PublicKey) {
    generate_keypair(&mut rng(seed))
}

/// `keypair(1)`, worked out once (scalar multiplication is slow in debug builds).
fn key_one() -> &'static PrivateKey {
    static KEY: std::sync::OnceLock<PrivateKey> = std::sync::OnceLock::new();
    KEY.get_or_init(|| keypair(1).0)
}

const PASS: &str = "correct horse battery staple";

fn cheap_wrap(key: &PrivateKey, passphrase: &str) -> WrappedKey {
    WrappedKey::wrap_with(
        key,
        passphrase,
        KdfParams::insecure_for_tests(),
        &mut rng(9),
    )
    .unwrap()
}

/// A bundle of two booklets: one for A alone, one for A and B.
fn sample_bundle() -> (Vec<u8>, PrivateKey, PrivateKey) {
    let (sk_a, pk_a) = keypair(1);
    let (sk_b, pk_b) = keypair(2);
    let mut r = rng(3);
    let one = seal(b"yes", &[pk_a], &mut r).unwrap();
    let two = seal(b"nan", &[pk_b, pk_a], &mut r).unwrap();
    let bytes = Bundle::new(vec![one, two]).unwrap().to_bytes();
    (bytes, sk_a, sk_b)
}

#[test]
fn seal_and_open_round_trip() {
    let (sk, pk) = keypair(1);
    let sealed = seal(b"hello", &[pk], &mut rng(2)).unwrap();
    assert_eq!(open(&sealed, &sk).unwrap(), b"hello");
    let again = SealedBooklet::from_bytes(&sealed.to_bytes()).unwrap();
    assert_eq!(again, sealed);
    assert_eq!(open(&again, &sk).unwrap(), b"hello");
}

#[test]
fn two_recipients_each_open_it() {
    let (sk_a, pk_a) = keypair(1);
    let (sk_b, pk_b) = keypair(2);
    let sealed = seal(b"for both", &[pk_a, pk_b], &mut rng(3)).unwrap();
    assert_eq!(open(&sealed, &sk_a).unwrap(), b"for both");
    assert_eq!(open(&sealed, &sk_b).unwrap(), b"for both");
    assert_eq!(
        sealed.recipients(),
        vec![pk_a.fingerprint(), pk_b.fingerprint()]
    );
}

#[test]
fn wrong_recipient_is_told_so() {
    let (_, pk_a) = keypair(1);
    let (sk_c, _) = keypair(4);
    let sealed = seal(b"not yours", &[pk_a], &mut rng(3)).unwrap();
    assert_eq!(open(&sealed, &sk_c), Err(OpenError::NotForThisKey));

    let (bytes, _, _) = sample_bundle();
    assert_eq!(
        open_bundle(&bytes, &sk_c),
        Err(ImportError::NotForThisKey {
            not_for_you: 2,
            total: 2
        })
    );
    let (_, _, sk_b) = sample_bundle();
    // B can open only one of the two: the whole import fails.
    assert_eq!(
        open_bundle(&bytes, &sk_b),
        Err(ImportError::NotForThisKey {
            not_for_you: 1,
            total: 2
        })
    );
}

#[test]
fn tampered_payload_is_detected_for_a_single_booklet() {
    let (sk, pk) = keypair(1);
    let sealed = seal(b"hello", &[pk], &mut rng(2)).unwrap();
    let mut bytes = sealed.to_bytes();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    let bad = SealedBooklet::from_bytes(&bytes).unwrap();
    assert_eq!(open(&bad, &sk), Err(OpenError::Tampered));
}

#[test]
fn sealing_refuses_bad_recipient_lists() {
    let (_, pk) = keypair(1);
    let mut r = rng(2);
    assert_eq!(seal(b"x", &[], &mut r), Err(SealError::RecipientCount));
    assert_eq!(
        seal(b"x", &[pk, pk], &mut r),
        Err(SealError::DuplicateRecipient)
    );
    let nine: Vec<PublicKey> = (10..19).map(|s| keypair(s).1).collect();
    assert_eq!(seal(b"x", &nine, &mut r), Err(SealError::RecipientCount));
    assert_eq!(
        seal(&vec![0; MAX_PLAINTEXT_LEN + 1], &[pk], &mut r),
        Err(SealError::TooLarge)
    );
}

#[test]
fn low_order_public_keys_are_refused() {
    assert_eq!(
        PublicKey::from_bytes([0; 32]),
        Err(KeyFileError::InvalidKey)
    );
    let mut one = [0u8; 32];
    one[0] = 1;
    assert_eq!(PublicKey::from_bytes(one), Err(KeyFileError::InvalidKey));
    let (_, pk) = keypair(1);
    assert_eq!(PublicKey::from_bytes(pk.to_bytes()), Ok(pk));
}

#[test]
fn bundle_round_trips_and_opens() {
    let (bytes, sk_a, _) = sample_bundle();
    let bundle = parse_bundle(&bytes).unwrap();
    assert_eq!(bundle.to_bytes(), bytes, "canonical");
    assert_eq!(bundle.items().len(), 2);
    let opened = open_bundle(&bytes, &sk_a).unwrap();
    assert_eq!(opened.len(), 2);
    assert_eq!(opened[0].0, bundle.items()[0].id());
    assert_eq!(opened[1].1, b"nan");
    // Importing twice gives the same ids, so the store adds nothing the second time.
    let ids: Vec<BookletId> = open_bundle(&bytes, &sk_a)
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, opened.iter().map(|(id, _)| *id).collect::<Vec<_>>());
}

#[test]
fn opening_step_by_step_gives_what_opening_at_once_gives() {
    let (bytes, sk_a, _) = sample_bundle();
    let mut opener = BundleOpener::new(&bytes, &sk_a).unwrap();
    assert_eq!((opener.total(), opener.opened()), (2, 0));
    assert_eq!(opener.open_some(1), Ok(false));
    assert_eq!(opener.opened(), 1);
    assert_eq!(opener.open_some(5), Ok(true));
    assert_eq!(
        opener.finish().unwrap(),
        open_bundle(&bytes, &sk_a).unwrap()
    );
    // Handing over a half-opened bundle is refused, so nothing half-imported is ever stored.
    let mut half = BundleOpener::new(&bytes, &sk_a).unwrap();
    half.open_some(1).unwrap();
    assert!(half.finish().is_err());
    // A bundle for someone else is refused before anything is opened.
    let (sk_c, _) = keypair(9);
    assert!(matches!(
        BundleOpener::new(&bytes, &sk_c),
        Err(ImportError::NotForThisKey { .. })
    ));
}

#[test]
fn empty_bundle_is_valid_and_opens_to_nothing() {
    let (sk, _) = keypair(1);
    let bytes = Bundle::default().to_bytes();
    assert_eq!(bytes.len(), 13);
    assert_eq!(open_bundle(&bytes, &sk).unwrap(), vec![]);
}

#[test]
fn every_single_byte_change_is_rejected() {
    let (bytes, sk_a, _) = sample_bundle();
    // Three changes per byte: two single bits that move through all eight, and all bits.
    for pos in 0..bytes.len() {
        for x in [1u8 << (pos % 8), 1u8 << ((pos + 3) % 8), 0xff] {
            let mut changed = bytes.clone();
            changed[pos] ^= x;
            assert!(
                open_bundle(&changed, &sk_a).is_err(),
                "change at byte {pos} (xor {x:#04x}) was accepted"
            );
        }
    }
}

#[test]
fn every_truncation_is_rejected() {
    let (bytes, sk_a, _) = sample_bundle();
    for len in 0..bytes.len() {
        let err = open_bundle(&bytes[..len], &sk_a).unwrap_err();
        let expected = if len == 0 {
            BundleError::Empty
        } else {
            BundleError::Truncated
        };
        assert_eq!(err, ImportError::File(expected), "cut at {len}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(
        parse_bundle(&longer),
        Err(BundleError::Corrupted(Corruption::TrailingData))
    );
}

#[test]
fn other_files_are_not_my_say() {
    for file in [
        &b"PK\x03\x04 a zip"[..],
        b"{\"format\":\"my-say-recovery\"}",
        b"x",
    ] {
        assert_eq!(parse_bundle(file), Err(BundleError::NotMySay));
    }
    assert_eq!(parse_bundle(b"\x89My"), Err(BundleError::Truncated));
    assert!(BundleError::NotMySay.to_string().contains("not a My Say"));
}

#[test]
fn future_versions_are_reported_as_such() {
    let (bytes, sk_a, _) = sample_bundle();
    let mut newer = bytes.clone();
    newer[8] = 2;
    assert_eq!(
        open_bundle(&newer, &sk_a),
        Err(ImportError::File(BundleError::FutureVersion { found: 2 }))
    );
    // An item in a newer format inside a version 1 bundle.
    let mut newer_item = bytes.clone();
    newer_item[13] = 7;
    assert_eq!(
        parse_bundle(&newer_item),
        Err(BundleError::FutureVersion { found: 7 })
    );
    let msg = ImportError::File(BundleError::FutureVersion { found: 2 }).to_string();
    assert!(msg.contains("newer version of My Say"), "{msg}");
}

#[test]
fn duplicate_ids_in_one_bundle_are_rejected() {
    let (sk, pk) = keypair(1);
    let id = BookletId([7; 16]);
    let a = seal_with_id(id, b"a", &[pk], &mut rng(2)).unwrap();
    let b = seal_with_id(id, b"b", &[pk], &mut rng(3)).unwrap();
    assert_eq!(
        Bundle::new(vec![a.clone(), b.clone()]),
        Err(BundleError::Corrupted(Corruption::DuplicateBooklet(id)))
    );
    // Hand-made file with both.
    let mut bytes = Bundle::new(vec![a.clone()]).unwrap().to_bytes();
    bytes[12] = 2;
    bytes.extend_from_slice(&b.to_bytes());
    assert_eq!(
        open_bundle(&bytes, &sk),
        Err(ImportError::File(BundleError::Corrupted(
            Corruption::DuplicateBooklet(id)
        )))
    );
}

#[test]
fn hostile_counts_do_not_allocate() {
    let mut bytes = BUNDLE_MAGIC.to_vec();
    bytes.push(1);
    bytes.extend_from_slice(&u32::MAX.to_be_bytes());
    assert_eq!(
        parse_bundle(&bytes),
        Err(BundleError::Corrupted(Corruption::ItemCount))
    );
    bytes[9..13].copy_from_slice(&100_000u32.to_be_bytes());
    assert_eq!(parse_bundle(&bytes), Err(BundleError::Truncated));
    // An item claiming a 4 GiB payload.
    let (_, pk) = keypair(1);
    let item = seal(b"x", &[pk], &mut rng(2)).unwrap().to_bytes();
    let mut huge = item.clone();
    let at = item.len() - 17 - 4;
    huge[at..at + 4].copy_from_slice(&u32::MAX.to_be_bytes());
    assert_eq!(
        SealedBooklet::from_bytes(&huge),
        Err(BundleError::Corrupted(Corruption::PayloadLength))
    );
}

#[test]
fn booklets_open_with_matching_ids() {
    let (sk, pk) = keypair(1);
    let booklet: CompletedBooklet = serde_json::from_str(
        r#"{"id":"00112233445566778899aabbccddeeff","booklet_id":"review-7-9",
            "booklet_revision":1,"locale":"en","age_band":"7-9",
            "child":{"name":"","age_band":null,"review_date":"2026-12-01"},
            "answers":{},"completed_at":"2026-11-22T10:15:00Z"}"#,
    )
    .unwrap();
    let sealed = seal_booklet(&booklet, &[pk], &mut rng(2)).unwrap();
    assert_eq!(sealed.id().to_hex(), booklet.id);
    let bytes = Bundle::new(vec![sealed]).unwrap().to_bytes();
    assert_eq!(
        open_bundle_booklets(&bytes, &sk).unwrap(),
        vec![booklet.clone()]
    );

    // Same payload under a different outer id: refused.
    let json = serde_json::to_vec(&booklet).unwrap();
    let other = seal_with_id(BookletId([1; 16]), &json, &[pk], &mut rng(3)).unwrap();
    let bytes = Bundle::new(vec![other]).unwrap().to_bytes();
    assert_eq!(
        open_bundle_booklets(&bytes, &sk),
        Err(ImportError::NotABooklet { position: 1 })
    );
    let mut bad = booklet;
    bad.id = "not hex".into();
    assert_eq!(
        seal_booklet(&bad, &[pk], &mut rng(2)),
        Err(SealError::InvalidBookletId)
    );
}

#[test]
fn wrong_passphrase_is_a_distinct_error() {
    let (sk, _) = keypair(1);
    let wrapped = cheap_wrap(&sk, PASS);
    assert_eq!(
        wrapped.unwrap("Correct horse battery staple").unwrap_err(),
        KeyError::WrongPassphrase
    );
    assert_eq!(wrapped.unwrap(PASS).unwrap().public_key(), sk.public_key());
    assert_eq!(
        WrappedKey::wrap_with(&sk, "short", KdfParams::insecure_for_tests(), &mut rng(1)),
        Err(KeyError::PassphraseTooShort)
    );
}

#[test]
fn weak_parameters_cannot_wrap_new_keys() {
    let (sk, _) = keypair(1);
    assert_eq!(KdfParams::new(4096, 2, 1), Err(KeyError::WeakParameters));
    assert_eq!(KdfParams::new(19_456, 1, 1), Err(KeyError::WeakParameters));
    assert_eq!(
        KdfParams::new(2 << 20, 2, 1),
        Err(KeyError::UnsafeParameters)
    );
    assert!(KdfParams::new(19_456, 2, 1).is_ok());
    // Hand-built cheap parameters (as a hostile or careless caller might) are refused.
    let cheap: KdfParams = serde_json::from_str(
        r#"{"algorithm":"argon2id","memory_kib":64,"iterations":2,"parallelism":1}"#,
    )
    .unwrap();
    assert_eq!(
        WrappedKey::wrap_with(&sk, PASS, cheap, &mut rng(1)),
        Err(KeyError::WeakParameters)
    );
}

#[test]
fn rewrap_keeps_sealed_answers_openable() {
    let (sk, pk) = keypair(1);
    let sealed = seal(b"still mine", &[pk], &mut rng(2)).unwrap();
    let old = cheap_wrap(&sk, PASS);
    let new = old
        .rewrap_with(
            PASS,
            "a brand new passphrase",
            KdfParams::insecure_for_tests(),
            &mut rng(5),
        )
        .unwrap();
    assert_ne!(new, old);
    assert_eq!(new.unwrap(PASS).unwrap_err(), KeyError::WrongPassphrase);
    let key = new.unwrap("a brand new passphrase").unwrap();
    assert_eq!(open(&sealed, &key).unwrap(), b"still mine");
    assert_eq!(
        old.rewrap_with(
            "wrong passphrase",
            "another one!",
            KdfParams::insecure_for_tests(),
            &mut rng(5)
        ),
        Err(KeyError::WrongPassphrase)
    );
}

#[test]
fn real_parameters_wrap_and_unwrap() {
    let (sk, pk) = keypair(1);
    let wrapped = WrappedKey::wrap(&sk, PASS, &mut rng(2)).unwrap();
    assert_eq!(wrapped.kdf, KdfParams::DEFAULT);
    assert_eq!(wrapped.unwrap(PASS).unwrap().public_key(), pk);
    assert_eq!(
        wrapped.unwrap("nope nope nope").unwrap_err(),
        KeyError::WrongPassphrase
    );
}

#[test]
fn recovery_file_round_trips_and_checks_itself() {
    let (sk, pk) = keypair(1);
    let file = RecoveryFile::new("  Sam Patel ", cheap_wrap(&sk, PASS)).unwrap();
    assert_eq!(file.display_name, "Sam Patel");
    let json = file.to_json();
    let back = RecoveryFile::from_json(&json).unwrap();
    assert_eq!(back, file);
    assert_eq!(back.identity().public_key, pk);
    assert_eq!(back.wrapped_key.unwrap(PASS).unwrap().public_key(), pk);

    let wrong_fp = json.replace(&pk.fingerprint().to_string(), "0000-0000-0000-0000");
    assert_eq!(
        RecoveryFile::from_json(&wrong_fp),
        Err(KeyFileError::FingerprintMismatch)
    );
    let future = json.replace("\"version\": 1", "\"version\": 2");
    assert_eq!(
        RecoveryFile::from_json(&future),
        Err(KeyFileError::FutureVersion { found: 2 })
    );
    assert_eq!(
        RecoveryFile::from_json("hello"),
        Err(KeyFileError::WrongKind {
            expected: "recovery file"
        })
    );
    let key_file = file.identity().to_key_file();
    assert_eq!(
        RecoveryFile::from_json(&key_file),
        Err(KeyFileError::WrongKind {
            expected: "recovery file"
        })
    );
    let extra = json.replacen('{', "{\"extra\": 1,", 1);
    assert!(matches!(
        RecoveryFile::from_json(&extra),
        Err(KeyFileError::Malformed(_))
    ));
}

#[test]
fn hostile_recovery_parameters_are_refused_before_running() {
    let (sk, _) = keypair(1);
    let json = RecoveryFile::new("Sam", cheap_wrap(&sk, PASS))
        .unwrap()
        .to_json();
    for (field, value) in [
        ("\"memory_kib\": 64", "\"memory_kib\": 4294967295"),
        ("\"iterations\": 1", "\"iterations\": 100000"),
        ("\"parallelism\": 1", "\"parallelism\": 255"),
        ("\"memory_kib\": 64", "\"memory_kib\": 1"),
    ] {
        assert!(json.contains(field), "{field}");
        let file = RecoveryFile::from_json(&json.replace(field, value)).unwrap();
        assert_eq!(
            file.wrapped_key.unwrap(PASS).unwrap_err(),
            KeyError::UnsafeParameters,
            "{value}"
        );
    }
    // Just above each bound (1 GiB was allowed before): refused before Argon2 runs.
    for (field, value) in [
        ("\"memory_kib\": 64", "\"memory_kib\": 262145"),
        ("\"memory_kib\": 64", "\"memory_kib\": 1048576"),
        ("\"iterations\": 1", "\"iterations\": 11"),
        ("\"parallelism\": 1", "\"parallelism\": 9"),
    ] {
        let file = RecoveryFile::from_json(&json.replace(field, value)).unwrap();
        assert_eq!(
            file.wrapped_key.unwrap(PASS).unwrap_err(),
            KeyError::UnsafeParameters,
            "{value}"
        );
    }
    assert!(KdfParams::new(KdfParams::MAX_MEMORY_KIB, KdfParams::MAX_ITERATIONS, 1).is_ok());
    // Raising never lowers, and reaches the default in every dimension.
    let low = KdfParams::MINIMUM.raised();
    assert_eq!(low, KdfParams::DEFAULT);
    let high = KdfParams::new(1 << 17, 2, 4).unwrap().raised();
    assert_eq!(
        (high.memory_kib(), high.iterations(), high.parallelism()),
        (1 << 17, 3, 4)
    );
    // Changed but plausible parameters: the key does not open.
    let file = RecoveryFile::from_json(&json.replace("\"memory_kib\": 64", "\"memory_kib\": 128"))
        .unwrap();
    assert_eq!(
        file.wrapped_key.unwrap(PASS).unwrap_err(),
        KeyError::WrongPassphrase
    );
}

#[test]
fn fingerprints_look_right() {
    let (_, pk) = keypair(1);
    let fp = pk.fingerprint().to_string();
    assert_eq!(fp.len(), 19);
    let groups: Vec<&str> = fp.split('-').collect();
    assert_eq!(groups.len(), 4);
    assert!(groups.iter().all(|g| g.len() == 4
        && g.chars()
            .all(|c| "0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(c))));
    assert_ne!(keypair(2).1.fingerprint(), pk.fingerprint());
}

#[test]
fn setup_code_round_trips_and_catches_typos() {
    let iro = IroIdentity::new("Sam Patel", keypair(1).1).unwrap();
    let manager = IroIdentity::new("Jo Okafor (team manager)", keypair(2).1).unwrap();
    let code = SetupCode::new(vec![iro.clone(), manager.clone()]).unwrap();
    let frag = code.to_fragment();
    assert!(frag.starts_with("mysay-setup."));
    assert!(frag
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
    assert_eq!(SetupCode::from_fragment(&frag).unwrap(), code);
    assert_eq!(SetupCode::from_fragment(&format!("#{frag}")).unwrap(), code);
    let url = format!("https://example.org/my-say/#{frag}");
    assert_eq!(SetupCode::from_fragment(&url).unwrap(), code);
    assert_eq!(code.public_keys(), vec![iro.public_key, manager.public_key]);

    // Any one character changed is caught.
    let prefix = SETUP_PREFIX.len();
    for i in prefix..frag.len() {
        let mut chars: Vec<char> = frag.chars().collect();
        chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
        let typo: String = chars.into_iter().collect();
        assert!(SetupCode::from_fragment(&typo).is_err(), "typo at {i}");
    }
    for cut in prefix..frag.len() {
        assert!(
            SetupCode::from_fragment(&frag[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    assert_eq!(
        SetupCode::from_fragment("hello"),
        Err(KeyFileError::WrongKind {
            expected: "setup code"
        })
    );
    assert_eq!(
        SetupCode::new(vec![iro.clone(), iro.clone()]),
        Err(KeyFileError::DuplicateRecipient)
    );
    assert_eq!(SetupCode::new(vec![]), Err(KeyFileError::RecipientCount));
}

#[test]
fn key_file_round_trips_and_checks_its_fingerprint() {
    let iro = IroIdentity::new("Sam Patel", keypair(1).1).unwrap();
    let file = iro.to_key_file();
    assert_eq!(IroIdentity::from_key_file(&file).unwrap(), iro);
    let other = keypair(2).1.to_base64();
    let swapped = file.replace(&iro.public_key.to_base64(), &other);
    assert_eq!(
        IroIdentity::from_key_file(&swapped),
        Err(KeyFileError::FingerprintMismatch)
    );
    assert_eq!(
        IroIdentity::from_key_file(&file.replace("\"Sam Patel\"", "\"\"")),
        Err(KeyFileError::InvalidName(NameProblem::Empty))
    );
    assert_eq!(
        IroIdentity::from_key_file("{\"format\":\"my-say-public-key\",\"version\":9}"),
        Err(KeyFileError::FutureVersion { found: 9 })
    );
    assert!(IroIdentity::new("line\nbreak", iro.public_key).is_err());
    assert!(IroIdentity::new(&"x".repeat(101), iro.public_key).is_err());
}

#[test]
fn system_rng_works() {
    let mut r = system_rng();
    let a = BookletId::random(&mut r);
    let b = BookletId::random(&mut r);
    assert_ne!(a, b);
}

#[test]
fn messages_are_human() {
    let all: Vec<String> = vec![
        BundleError::Empty.to_string(),
        BundleError::Truncated.to_string(),
        BundleError::Corrupted(Corruption::TrailingData).to_string(),
        ImportError::Tampered {
            position: 2,
            total: 5,
        }
        .to_string(),
        ImportError::NotForThisKey {
            not_for_you: 5,
            total: 5,
        }
        .to_string(),
        KeyError::WrongPassphrase.to_string(),
        OpenError::Tampered.to_string(),
    ];
    for m in all {
        assert!(m.ends_with('.') || m.ends_with(".)"), "{m}");
        assert!(m.len() > 30, "{m}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn any_plaintext_round_trips(
        plaintext in proptest::collection::vec(any::<u8>(), 0..2048),
        seed in any::<u8>(),
        recipients in 1usize..4,
    ) {
        let keys: Vec<(PrivateKey, PublicKey)> =
            (0..recipients).map(|i| keypair(seed.wrapping_add(i as u8 * 31) | 1)).collect();
        let pks: Vec<PublicKey> = keys.iter().map(|k| k.1).collect();
        prop_assume!(pks.iter().enumerate().all(|(i, p)| !pks[..i].contains(p)));
        let sealed = seal(&plaintext, &pks, &mut rng(seed)).unwrap();
        let bytes = Bundle::new(vec![sealed]).unwrap().to_bytes();
        for (sk, _) in &keys {
            let opened = open_bundle(&bytes, sk).unwrap();
            prop_assert_eq!(&opened[0].1, &plaintext);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let sk = key_one();
        let _ = parse_bundle(&bytes);
        let _ = open_bundle(&bytes, sk);
        let _ = SealedBooklet::from_bytes(&bytes);
        // Also behind a valid signature and version, where the parser gets further.
        let mut framed = BUNDLE_MAGIC.to_vec();
        framed.push(1);
        framed.extend_from_slice(&bytes);
        let _ = open_bundle(&framed, sk);
        let text = String::from_utf8_lossy(&bytes);
        let _ = SetupCode::from_fragment(&text);
        let _ = IroIdentity::from_key_file(&text);
        let _ = RecoveryFile::from_json(&text);
    }

    #[test]
    fn arbitrary_items_after_a_valid_header_never_panic(
        count in 0u32..4,
        body in proptest::collection::vec(any::<u8>(), 0..900),
    ) {
        let sk = key_one();
        let mut framed = BUNDLE_MAGIC.to_vec();
        framed.push(1);
        framed.extend_from_slice(&count.to_be_bytes());
        framed.push(1);
        framed.extend_from_slice(&body);
        let _ = open_bundle(&framed, sk);
    }

    #[test]
    fn arbitrary_setup_codes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = SetupCode::from_fragment(&format!("{SETUP_PREFIX}{}", codec::b64(&bytes)));
    }
}

mod vectors;

/// A random source that has nothing to give, like a browser without `crypto.getRandomValues`.
struct NoSource;

impl rand_core::TryRng for NoSource {
    type Error = NoRandomness;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Err(NoRandomness)
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Err(NoRandomness)
    }
    fn try_fill_bytes(&mut self, _: &mut [u8]) -> Result<(), Self::Error> {
        Err(NoRandomness)
    }
}
impl rand_core::TryCryptoRng for NoSource {}

#[test]
fn random_ids_come_from_the_source_or_fail_loudly() {
    let mut source = rng(5);
    let first = random_id_from(&mut source).unwrap();
    let second = random_id_from(&mut source).unwrap();
    assert_eq!(first.len(), 32);
    assert!(first
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
    assert_ne!(first, second);
    // The same source gives the same id: the bytes are the source's, nothing else.
    assert_eq!(random_id_from(&mut rng(5)).unwrap(), first);
    assert_eq!(
        BookletId::from_hex(&first).map(|id| id.to_hex()),
        Some(first)
    );
    // No randomness: an error, never an id of zeros.
    assert_eq!(random_id_from(&mut NoSource), Err(NoRandomness));
    assert!(NoRandomness.to_string().contains("random"));
    // The system source works here and does not repeat.
    let (a, b) = (random_id().unwrap(), random_id().unwrap());
    assert_eq!(a.len(), 32);
    assert_ne!(a, b);
}
