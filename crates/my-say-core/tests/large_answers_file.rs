//! A large answers file, for the end-to-end test of importing one
//! (`tests/e2e/iro-import.spec.ts`): 2,000 booklets of the example workspace under new ids,
//! sealed for the test vectors' IRO, Sam Patel (key seed 0xa1, as in `src/seal/tests/vectors.rs`),
//! with fixed randomness, so the same file every time. Too large to keep in the repository, it
//! is written when asked: `MY_SAY_WRITE_LARGE=<path> cargo test -p my-say-core --test
//! large_answers_file`, which the end-to-end test runs. Without the variable it is only checked.

use chacha20::ChaCha20Rng;
use my_say_core::calendar::Date;
use my_say_core::demo::demo_workspace;
use my_say_core::seal::{
    generate_keypair, open_bundle_booklets, part_ranges, seal_booklet, Bundle, PublicKey,
};
use my_say_core::CompletedBooklet;
use rand_core::SeedableRng;

/// How many booklets the file holds.
const BOOKLETS: usize = 2000;

fn sam() -> (my_say_core::seal::PrivateKey, PublicKey) {
    generate_keypair(&mut ChaCha20Rng::from_seed([0xa1; 32]))
}

/// The example workspace's booklets, over and over, each under an id of its own.
fn booklets() -> Vec<CompletedBooklet> {
    let demo = demo_workspace(Date::parse("2026-11-23").unwrap()).booklets;
    demo.iter()
        .cycle()
        .take(BOOKLETS)
        .enumerate()
        .map(|(i, b)| CompletedBooklet {
            id: format!("1a2e{:028x}", i + 1),
            ..b.clone()
        })
        .collect()
}

#[test]
fn the_large_answers_file_opens_whole_with_the_test_iros_key() {
    let (key, public_key) = sam();
    let booklets = booklets();
    let mut rng = ChaCha20Rng::from_seed([0x1a; 32]);
    let sealed = booklets
        .iter()
        .map(|b| seal_booklet(b, &[public_key], &mut rng).unwrap())
        .collect();
    let bytes = Bundle::new(sealed).unwrap().to_bytes();
    assert_eq!(open_bundle_booklets(&bytes, &key).unwrap(), booklets);
    // Large enough that the import page opens it in Web Workers, two or more.
    assert!(part_ranges(BOOKLETS, 2).len() == 2);
    if let Some(path) = std::env::var_os("MY_SAY_WRITE_LARGE") {
        std::fs::write(path, &bytes).unwrap();
    }
}
