//! Which plural form a number takes in a language, by the Unicode CLDR cardinal rules: English
//! has "1 booklet" and "2 booklets", Welsh and Arabic have six forms (zero, one, two, few, many
//! and other), so a count cannot be worded by "one or not" (docs/i18n.md, "Plurals").
//!
//! Only whole numbers are counted here (booklets, questions, answers), and only the languages
//! My Say is written in. The rules are CLDR's (`plurals.xml`, unchanged since CLDR 24 for these
//! three languages), written out rather than taken from a crate: the three rules are twenty
//! lines, and a crate of every language's rules would weigh on the child's first load.
//!
//! This file has no dependencies, so that the wording catalogues' build script
//! (`crates/my-say-ui/i18n_catalogue.rs`) can read it too and check each catalogue's plural
//! forms against the same rules.

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PluralCategory {
    /// Welsh and Arabic: 0.
    Zero,
    /// 1.
    One,
    /// Welsh and Arabic: 2.
    Two,
    /// Welsh: 3; Arabic: 3 to 10 (and 103 to 110, ...).
    Few,
    /// Welsh: 6; Arabic: 11 to 99 (and 111 to 199, ...).
    Many,
    /// Every other number.
    Other,
}

impl PluralCategory {
    /// Every category, in CLDR's order.
    pub const ALL: [PluralCategory; 6] = [
        PluralCategory::Zero,
        PluralCategory::One,
        PluralCategory::Two,
        PluralCategory::Few,
        PluralCategory::Many,
        PluralCategory::Other,
    ];

    /// The category's name in CLDR and in the wording catalogues: "zero", "one", ... "other".
    pub fn code(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The category with this name, if it is one.
    pub fn from_code(code: &str) -> Option<PluralCategory> {
        PluralCategory::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// The categories `language` ("en", "cy", "ar"; a variant such as "ar-f" counts as its base)
/// has: the forms a catalogue may give for a counted wording. Any other language is counted as
/// English is.
pub fn categories(language: &str) -> &'static [PluralCategory] {
    use PluralCategory::*;
    match base(language) {
        "cy" | "ar" => &[Zero, One, Two, Few, Many, Other],
        _ => &[One, Other],
    }
}

/// The category of the whole number `n` in `language` (as [`categories`] names it).
pub fn category(language: &str, n: u64) -> PluralCategory {
    use PluralCategory::*;
    match (base(language), n) {
        ("cy" | "ar", 0) => Zero,
        (_, 1) => One,
        ("cy" | "ar", 2) => Two,
        ("cy", 3) => Few,
        ("cy", 6) => Many,
        ("ar", n) if (3..=10).contains(&(n % 100)) => Few,
        ("ar", n) if (11..=99).contains(&(n % 100)) => Many,
        _ => Other,
    }
}

/// "ar" for "ar-f": the language a variant belongs to.
fn base(language: &str) -> &str {
    language.split('-').next().unwrap_or(language)
}

#[cfg(test)]
mod tests {
    use super::PluralCategory::*;
    use super::*;

    /// CLDR's own examples for each category (plurals.xml, `@integer` samples).
    #[test]
    fn each_language_follows_cldrs_examples() {
        let cases: [(&str, &[u64], PluralCategory); 13] = [
            ("en", &[1], One),
            ("en", &[0, 2, 3, 6, 11, 100, 1000], Other),
            ("cy", &[0], Zero),
            ("cy", &[1], One),
            ("cy", &[2], Two),
            ("cy", &[3], Few),
            ("cy", &[6], Many),
            ("cy", &[4, 5, 7, 8, 10, 100, 1000], Other),
            ("ar", &[0], Zero),
            ("ar", &[1], One),
            ("ar", &[2], Two),
            ("ar", &[3, 10, 103, 110, 1003], Few),
            ("ar", &[11, 26, 99, 111, 1011], Many),
        ];
        for (language, numbers, expected) in cases {
            for &n in numbers {
                assert_eq!(category(language, n), expected, "{language} {n}");
            }
        }
        for n in [100, 101, 102, 200, 1000, 1001] {
            assert_eq!(category("ar", n), Other, "ar {n}");
        }
    }

    #[test]
    fn a_variant_counts_as_its_language_and_others_as_english() {
        for n in 0..250 {
            assert_eq!(category("ar-f", n), category("ar", n));
            assert_eq!(category("fr", n), category("en", n));
        }
        assert_eq!(categories("ar-f"), categories("ar"));
        assert_eq!(categories("en"), &[One, Other]);
    }

    #[test]
    fn every_number_falls_in_a_category_the_language_has() {
        for language in ["en", "cy", "ar"] {
            for n in 0..2_000 {
                assert!(
                    categories(language).contains(&category(language, n)),
                    "{language} {n}"
                );
            }
        }
    }

    #[test]
    fn codes_read_back() {
        for c in PluralCategory::ALL {
            assert_eq!(PluralCategory::from_code(c.code()), Some(c));
        }
        assert_eq!(PluralCategory::from_code("several"), None);
    }
}
