//! Who answers are sealed for, compared: a survey update that changes its keys, and the other
//! recipients an IRO sees when importing a booklet.
//!
//! A sealed booklet records, for each recipient, only a key id: the key's fingerprint bytes
//! (`docs/sealed-format.md`), authenticated with the booklet. Names are not in it, so an IRO
//! sees the other recipients by fingerprint.

use super::keys::Fingerprint;
use super::setup::SetupCode;
use std::collections::BTreeSet;

/// Whether two lists of people seal for the same keys, whatever their order and names: answers
/// sealed by either open for exactly the same people. (A set-up code never holds a key twice,
/// and at most 8, so each list is looked through for the other's keys: no set is built, which
/// keeps the child's app small.)
pub fn same_keys(a: &SetupCode, b: &SetupCode) -> bool {
    let (a, b) = (a.public_keys(), b.public_keys());
    a.len() == b.len() && a.iter().all(|k| b.contains(k))
}

/// Someone else a sealed booklet was sealed for, as the IRO importing it sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct OtherRecipient {
    /// Their key's fingerprint (the booklet's key id for them).
    pub fingerprint: Fingerprint,
    /// Whether the importing workspace knows this key; an unknown key is flagged.
    pub known: bool,
}

/// Everyone a sealed booklet was sealed for except `me`, in the booklet's order, each marked
/// known if it is among `known` (the keys the importing workspace knows).
pub fn other_recipients(
    sealed_for: &[Fingerprint],
    me: &Fingerprint,
    known: &[Fingerprint],
) -> Vec<OtherRecipient> {
    sealed_for
        .iter()
        .filter(|f| *f != me)
        .map(|f| OtherRecipient {
            fingerprint: *f,
            known: known.contains(f),
        })
        .collect()
}

/// A file's booklets grouped by who else they were sealed for: for each distinct set of other
/// recipients ([`other_recipients`], in the order first met), the positions (from 0) of the
/// booklets sealed for them. Booklets sealed for `me` alone are in no group.
pub fn group_by_others(
    sealed_for: &[Vec<Fingerprint>],
    me: &Fingerprint,
    known: &[Fingerprint],
) -> Vec<(Vec<OtherRecipient>, Vec<usize>)> {
    let mut groups: Vec<(Vec<OtherRecipient>, Vec<usize>)> = Vec::new();
    for (i, keys) in sealed_for.iter().enumerate() {
        let others = other_recipients(keys, me, known);
        if others.is_empty() {
            continue;
        }
        let set: BTreeSet<OtherRecipient> = others.iter().copied().collect();
        match groups
            .iter_mut()
            .find(|(g, _)| g.iter().copied().collect::<BTreeSet<_>>() == set)
        {
            Some((_, positions)) => positions.push(i),
            None => groups.push((others, vec![i])),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seal::{generate_keypair, IroIdentity, PublicKey};
    use chacha20::ChaCha20Rng;
    use rand_core::SeedableRng;

    fn keys(n: u8) -> Vec<PublicKey> {
        let mut rng = ChaCha20Rng::from_seed([n; 32]);
        (0..4).map(|_| generate_keypair(&mut rng).1).collect()
    }

    fn code(people: &[(&str, PublicKey)]) -> SetupCode {
        SetupCode::new(
            people
                .iter()
                .map(|(n, k)| IroIdentity::new(n, *k).unwrap())
                .collect(),
        )
        .unwrap()
    }

    #[test]
    fn the_same_keys_in_another_order_or_under_other_names_are_the_same_people() {
        let k = keys(1);
        let a = code(&[("Sam", k[0]), ("Jo", k[1])]);
        assert!(same_keys(&a, &code(&[("Jo", k[1]), ("Sam", k[0])])));
        assert!(same_keys(&a, &code(&[("Sam Patel", k[0]), ("Jo", k[1])])));
        // Another key, one more or one fewer: other people.
        assert!(!same_keys(&a, &code(&[("Sam", k[0]), ("Jo", k[2])])));
        assert!(!same_keys(&a, &code(&[("Sam", k[0])])));
        assert!(!same_keys(
            &a,
            &code(&[("Sam", k[0]), ("Jo", k[1]), ("Ash", k[2])])
        ));
        // A new key under an old name is still a new key.
        assert!(!same_keys(&code(&[("Sam", k[0])]), &code(&[("Sam", k[3])])));
    }

    #[test]
    fn the_other_recipients_leave_out_me_and_flag_keys_not_known() {
        let k = keys(2);
        let f: Vec<Fingerprint> = k.iter().map(PublicKey::fingerprint).collect();
        let others = other_recipients(&[f[1], f[0], f[2]], &f[0], &[f[0], f[2]]);
        assert_eq!(
            others,
            vec![
                OtherRecipient {
                    fingerprint: f[1],
                    known: false
                },
                OtherRecipient {
                    fingerprint: f[2],
                    known: true
                },
            ]
        );
        assert!(other_recipients(&[f[0]], &f[0], &[]).is_empty());
    }

    #[test]
    fn a_files_booklets_are_grouped_by_who_else_they_were_sealed_for() {
        let k = keys(3);
        let f: Vec<Fingerprint> = k.iter().map(PublicKey::fingerprint).collect();
        let me = f[0];
        let groups = group_by_others(
            &[
                vec![f[0], f[1]],
                vec![f[0]],
                vec![f[2], f[0]],
                vec![f[1], f[0]],
                vec![f[0], f[2], f[3]],
            ],
            &me,
            &[],
        );
        let unknown = |f: Fingerprint| OtherRecipient {
            fingerprint: f,
            known: false,
        };
        assert_eq!(
            groups,
            vec![
                (vec![unknown(f[1])], vec![0, 3]),
                (vec![unknown(f[2])], vec![2]),
                (vec![unknown(f[2]), unknown(f[3])], vec![4]),
            ]
        );
        assert!(group_by_others(&[vec![me], vec![me]], &me, &[]).is_empty());
    }
}
