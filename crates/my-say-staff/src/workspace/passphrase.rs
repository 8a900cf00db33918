//! The rule for a new workspace passphrase, and how strong the set-up and change-passphrase
//! screens say it is.
//!
//! A new passphrase needs at least [`MIN_CHARS`] characters or [`MIN_WORDS`] words, and may not
//! be one of the passphrases people choose most often (`common-passphrases.txt`, compiled into
//! the staff app only), nor one character or chunk repeated, nor a run such as `123456789012`.
//! Only new passphrases are checked: an existing key or recovery file opens with whatever
//! passphrase it was made with.

/// Fewest characters in a new passphrase (unless it has [`MIN_WORDS`] words).
pub const MIN_CHARS: usize = 12;
/// Fewest words (of two or more letters or digits) in a new passphrase shorter than
/// [`MIN_CHARS`].
pub const MIN_WORDS: usize = 4;

/// The most common passphrases, one a line (see the file's own notes).
const COMMON: &str = include_str!("common-passphrases.txt");

/// Why a new passphrase is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weakness {
    /// Fewer than [`MIN_CHARS`] characters and fewer than [`MIN_WORDS`] words.
    TooShort,
    /// One of the passphrases people choose most often, perhaps with digits added.
    Common,
    /// One character or chunk repeated, or a run like `abcdefghijkl` or `987654321098`.
    Predictable,
}

/// How strong a passphrase is, for the meter: 0 (refused) to [`Strength::MAX`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Strength(pub u8);

impl Strength {
    /// The meter's top: 1 is enough, 2 good, 3 strong.
    pub const MAX: u8 = 3;
}

/// What the meter shows: the strength, and why a refused passphrase is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// 0 when refused.
    pub strength: Strength,
    /// Why it is refused, if it is.
    pub weakness: Option<Weakness>,
}

/// Lowercase letters and digits only, with `@` read as `a` and `$` as `s`.
fn normalized(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            '@' => Some('a'),
            '$' => Some('s'),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// Words: runs of two or more letters or digits.
fn words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .count()
}

/// Whether `text` is on the common list: compared normalized, and also with digits at the ends
/// of both taken off ("Password 2024!" is "password"; "blink182" is "blink").
fn is_common(text: &str) -> bool {
    let digits = |c: char| c.is_ascii_digit();
    let whole = normalized(text);
    let core = whole.trim_matches(digits);
    COMMON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(normalized)
        .any(|l| l == whole || (!core.is_empty() && l.trim_matches(digits) == core))
}

/// Whether `text` is one chunk repeated ("abcabcabcabc") or a run of neighbouring characters
/// ("123456789012", "zyxwvutsrqpo"), once normalized.
fn is_predictable(text: &str) -> bool {
    let n: Vec<char> = normalized(text).chars().collect();
    if n.len() < 2 {
        return false;
    }
    let repeated = (1..n.len()).any(|p| n.len().is_multiple_of(p) && n[p..] == n[..n.len() - p]);
    // Each character next to the one before, one way: "abcd", "4321"; digits go round ("8901").
    let run = |step: i64| {
        n.windows(2)
            .all(|w| match (w[0].to_digit(10), w[1].to_digit(10)) {
                (Some(a), Some(b)) => (i64::from(a) + step).rem_euclid(10) == i64::from(b),
                _ => i64::from(u32::from(w[0])) + step == i64::from(u32::from(w[1])),
            })
    };
    repeated || run(1) || run(-1)
}

/// Checks a new passphrase and says how strong it is.
pub fn assess(passphrase: &str) -> Assessment {
    let chars = passphrase.chars().count();
    let words = words(passphrase);
    let weakness = if chars < MIN_CHARS && words < MIN_WORDS {
        Some(Weakness::TooShort)
    } else if is_common(passphrase) {
        Some(Weakness::Common)
    } else if is_predictable(passphrase) {
        Some(Weakness::Predictable)
    } else {
        None
    };
    let strength = match weakness {
        Some(_) => 0,
        None if chars >= 24 || (chars >= 20 && words >= MIN_WORDS) => 3,
        None if chars >= 16 || (chars >= 14 && words >= MIN_WORDS) => 2,
        None => 1,
    };
    Assessment {
        strength: Strength(strength),
        weakness,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weakness(p: &str) -> Option<Weakness> {
        assess(p).weakness
    }

    #[test]
    fn short_passphrases_are_refused_unless_they_have_four_words() {
        assert_eq!(weakness(""), Some(Weakness::TooShort));
        assert_eq!(weakness("k7#Pq2mZ!x9"), Some(Weakness::TooShort));
        assert_eq!(weakness("k7#Pq2mZ!x9w"), None);
        assert_eq!(weakness("owl fig jam ox"), None);
        assert_eq!(weakness("owl fig jam"), Some(Weakness::TooShort));
        // One-letter "words" are not words.
        assert_eq!(weakness("a b c d e f"), Some(Weakness::TooShort));
        assert_eq!(assess("owl fig jam ox").strength, Strength(2));
    }

    #[test]
    fn the_commonest_passphrases_are_refused_however_written() {
        for p in [
            "password1234",
            "Password 2024!",
            "P@$$word123456",
            "iloveyou1234",
            "I love you so much",
            "correct horse battery staple",
            "Correct-Horse-Battery-Staple",
            "qwertyuiopasdf",
            "1qaz2wsx3edc",
            "123qwertyuiop",
            "Manchester United 1999",
            "Cymru am byth!!",
            "independent reviewing officer",
            "Children in care 2026",
        ] {
            assert_eq!(weakness(p), Some(Weakness::Common), "{p}");
            assert_eq!(assess(p).strength, Strength(0), "{p}");
        }
        // A common word inside a longer phrase is fine: only the whole is compared.
        assert_eq!(weakness("my password is on a yellow sticky note"), None);
        assert_eq!(weakness("iloveyou walking in Snowdonia"), None);
    }

    #[test]
    fn repeats_and_runs_are_refused() {
        for p in [
            "aaaaaaaaaaaa",
            "abcabcabcabc",
            "xyz1xyz1xyz1",
            "123456789012",
            "9876543210987",
            "mnopqrstuvwx",
        ] {
            assert_eq!(weakness(p), Some(Weakness::Predictable), "{p}");
        }
        assert_eq!(weakness("abcabcabcabd"), None);
    }

    #[test]
    fn longer_and_wordier_is_stronger() {
        let s = |p: &str| assess(p).strength.0;
        assert_eq!(s("k7#Pq2mZ!x9w"), 1);
        assert_eq!(s("k7#Pq2mZ!x9wLt4v"), 2);
        assert_eq!(s("violet kettle harbour sings"), 3);
        assert_eq!(s("k7#Pq2mZ!x9wLt4vR8sN1cQ5"), 3);
        assert!(s("violet kettle harbour sings") <= Strength::MAX);
    }

    #[test]
    fn the_list_is_read_and_every_line_is_refused() {
        let entries: Vec<&str> = COMMON.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(entries.len() >= 300, "{}", entries.len());
        for entry in entries {
            assert!(!entry.trim().is_empty(), "an empty line in the list");
            // Padded to the length a new passphrase needs, it is still refused.
            let padded = format!("{entry}{}", "1".repeat(MIN_CHARS));
            assert_ne!(weakness(&padded), None, "{entry}");
        }
    }

    #[test]
    fn the_passphrases_the_end_to_end_tests_set_are_accepted() {
        for p in [
            "river lantern pebble",
            "orchard violin meadow",
            "orchard kettle meadow",
            "willow compass harbour",
        ] {
            assert_eq!(assess(p).weakness, None, "{p}");
        }
    }
}
