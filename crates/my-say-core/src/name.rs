//! Names people trust: the IRO's or council lead's name in key files, set-up links, recovery
//! files and survey files, and as typed in the staff workspace.
//!
//! A tablet shows the name beside the key's fingerprint, and an adult decides whom the answers
//! are sealed for by reading both. So a name must say what it looks like: no characters that
//! reorder or hide text (bidi controls such as U+202E, zero-width and other Unicode format (Cf)
//! characters), and nothing shaped like a fingerprint (`K7PQ-3MZD-8XWA-1BCE`), which could make a
//! stranger's key look like the expected one. [`check_name`] is the one place this is decided.

use std::fmt;

/// Longest name, in UTF-8 bytes.
pub const MAX_NAME_BYTES: usize = 100;

/// Why a name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// Empty, or only spaces.
    Empty,
    /// Longer than [`MAX_NAME_BYTES`].
    TooLong,
    /// A control character, such as a line break.
    Control,
    /// A character that is invisible or changes the order text is shown in: bidi controls
    /// (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C), zero-width characters and every
    /// other Unicode format (Cf) character.
    Hidden,
    /// Text shaped like a fingerprint: four groups of four letters or digits joined by hyphens,
    /// dashes or dots (or by spaces too, when a digit is among them), or 16 letters and digits
    /// in a row with a digit among them.
    LooksLikeFingerprint,
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NameProblem::Empty => "The name is empty.",
            NameProblem::TooLong => "The name is longer than 100 characters.",
            NameProblem::Control => "The name must be on one line.",
            NameProblem::Hidden => {
                "The name has hidden characters that change how it looks, so it cannot be trusted."
            }
            NameProblem::LooksLikeFingerprint => {
                "The name looks like a fingerprint, so it cannot be trusted."
            }
        })
    }
}

impl std::error::Error for NameProblem {}

/// Unicode's format (Cf) characters, as inclusive ranges (Unicode 16).
const FORMAT_CHARS: [(u32, u32); 20] = [
    (0xAD, 0xAD),
    (0x600, 0x605),
    (0x61C, 0x61C),
    (0x6DD, 0x6DD),
    (0x70F, 0x70F),
    (0x890, 0x891),
    (0x8E2, 0x8E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE007F),
];

/// Whether `c` is a Unicode format (Cf) character (bidi controls and zero-width ones included).
pub fn is_format_char(c: char) -> bool {
    let c = u32::from(c);
    FORMAT_CHARS.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

/// Whether `name` holds text shaped like a fingerprint (see [`NameProblem::LooksLikeFingerprint`]).
pub fn looks_like_fingerprint(name: &str) -> bool {
    // Runs of letters and digits ("groups") with one separator between them. Of the last four
    // groups in a row: which had a digit (bits of `digits`), and which of the three separators
    // between them were spaces (bits of `spaces`).
    let (mut groups, mut len, mut digit) = (0, 0, false);
    let (mut digits, mut spaces, mut space_before) = (0u8, 0u8, false);
    for c in name.chars().chain([')']) {
        if c.is_alphanumeric() {
            len += 1;
            digit |= c.is_numeric();
            continue;
        }
        let space = c.is_whitespace();
        let joins = space || matches!(c, '-' | '.' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}');
        if len == 16 && digit {
            return true;
        }
        if len == 4 {
            digits = (digits << 1 | u8::from(digit)) & 0b1111;
            if groups > 0 {
                spaces = (spaces << 1 | u8::from(space_before)) & 0b111;
            }
            groups += 1;
            if groups >= 4 && (digits != 0 || spaces == 0) {
                return true;
            }
        }
        if len != 4 || !joins {
            (groups, digits, spaces) = (0, 0, 0);
        }
        (len, digit, space_before) = (0, false, space);
    }
    false
}

/// Checks a name and returns it trimmed: 1 to [`MAX_NAME_BYTES`] bytes, one line, nothing hidden
/// and nothing shaped like a fingerprint.
pub fn check_name(name: &str) -> Result<&str, NameProblem> {
    let name = name.trim();
    if name.is_empty() {
        Err(NameProblem::Empty)
    } else if name.len() > MAX_NAME_BYTES {
        Err(NameProblem::TooLong)
    } else if name.chars().any(char::is_control) {
        Err(NameProblem::Control)
    } else if name.chars().any(is_format_char) {
        Err(NameProblem::Hidden)
    } else if looks_like_fingerprint(name) {
        Err(NameProblem::LooksLikeFingerprint)
    } else {
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ordinary_names_pass_trimmed() {
        for name in [
            "Sam Patel (IRO, North team)",
            "Ama Mensah (CICC lead)",
            "Siân Hughes-Jones",
            "Mary-Anne Rose-Lily",
            "John Paul Mary Anne",
            "فاطمة الزهراء",
            "Jo (deputy), team 2",
            "IRO team 2024",
        ] {
            assert_eq!(check_name(&format!("  {name} ")), Ok(name), "{name}");
        }
    }

    #[test]
    fn empty_long_and_multi_line_names_are_refused() {
        assert_eq!(check_name("   "), Err(NameProblem::Empty));
        assert_eq!(check_name(&"a".repeat(101)), Err(NameProblem::TooLong));
        assert_eq!(check_name(&"a".repeat(100)).map(str::len), Ok(100));
        assert_eq!(check_name("Sam\nPatel"), Err(NameProblem::Control));
    }

    #[test]
    fn bidi_controls_and_invisible_characters_are_refused() {
        for c in [
            '\u{202A}',
            '\u{202B}',
            '\u{202C}',
            '\u{202D}',
            '\u{202E}',
            '\u{2066}',
            '\u{2067}',
            '\u{2068}',
            '\u{2069}',
            '\u{200E}',
            '\u{200F}',
            '\u{061C}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{E0041}',
        ] {
            assert_eq!(
                check_name(&format!("Sam{c} Patel")),
                Err(NameProblem::Hidden),
                "U+{:04X}",
                u32::from(c)
            );
        }
        // Just outside the ranges: ordinary letters and punctuation.
        for c in ['\u{2010}', '\u{2070}', '\u{FEFE}', '\u{0606}'] {
            assert!(!is_format_char(c), "U+{:04X}", u32::from(c));
        }
    }

    #[test]
    fn fingerprint_shaped_text_is_refused() {
        for name in [
            "K7PQ-3MZD-8XWA-1BCE",
            "Sam Patel K7PQ-3MZD-8XWA-1BCE",
            "Sam (k7pq-3mzd-8xwa-1bce)",
            "ABCD-EFGH-JKMN-PQRS",
            "K7PQ 3MZD 8XWA 1BCE",
            "K7PQ\u{2013}3MZD\u{2013}8XWA\u{2013}1BCE",
            "K7PQ.3MZD.8XWA.1BCE",
            "K7PQ3MZD8XWA1BCE",
            "Sam AB12-CDEF-GHJK-MNPQ-RSTV",
        ] {
            assert_eq!(
                check_name(name),
                Err(NameProblem::LooksLikeFingerprint),
                "{name}"
            );
        }
    }

    /// Any fingerprint-alphabet group of 4, as a fingerprint shows it.
    fn group() -> impl Strategy<Value = String> {
        "[0-9A-HJKMNP-TV-Z]{4}"
    }

    proptest! {
        #[test]
        fn any_fingerprint_inside_any_name_is_refused(
            before in "[a-zA-Z ]{0,20}",
            groups in prop::array::uniform4(group()),
            after in "[a-zA-Z ()]{0,20}",
        ) {
            let name = format!("{before} {} {after}", groups.join("-"));
            prop_assert_eq!(check_name(&name), Err(NameProblem::LooksLikeFingerprint));
        }

        #[test]
        fn any_format_character_anywhere_is_refused(
            before in "[a-zA-Z]{1,20}",
            range in 0..FORMAT_CHARS.len(),
            offset in 0u32..128,
            after in "[a-zA-Z ]{0,20}",
        ) {
            let (lo, hi) = FORMAT_CHARS[range];
            let c = char::from_u32(lo + offset % (hi - lo + 1)).unwrap();
            let name = format!("{before}{c}{after}");
            prop_assert_eq!(check_name(&name), Err(NameProblem::Hidden));
        }

        #[test]
        fn plain_names_of_words_are_accepted(words in prop::collection::vec("[A-Z][a-z]{1,11}", 1..6)) {
            let name = words.join(" ");
            prop_assume!(name.len() <= MAX_NAME_BYTES);
            prop_assert_eq!(check_name(&name), Ok(name.as_str()));
        }
    }
}
