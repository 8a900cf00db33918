//! The staff workspace's wording: its own catalogue (`locales/*.json` in this crate) on top of
//! the one both apps share (`my_say_ui::i18n`). `build.rs` writes one [`Key`] enum with every
//! shared key first (in `my_say_ui::i18n::Key`'s order) and then the staff keys, and the staff
//! keys' wording; a shared key's wording is looked up in `my_say_ui`. Pages use `crate::i18n::Key`
//! for all their wording, through the same `I18n` context as the child's app. See docs/i18n.md.

use my_say_core::plural::PluralCategory;
use my_say_ui::i18n::{table_index, Locale, Wording};

include!(concat!(env!("OUT_DIR"), "/staff_text.rs"));

impl Wording for Key {
    fn index(self) -> u16 {
        self as u16
    }

    fn text_at(locale: Locale, index: u16) -> &'static str {
        // The shared keys come first, in the same order.
        let Some(own) = usize::from(index).checked_sub(SHARED_COUNT) else {
            return my_say_ui::i18n::Key::text_at(locale, index);
        };
        let table = match locale {
            Locale::En => &EN,
            Locale::Cy => &CY,
            // The staff workspace speaks to adults: its Arabic has no feminine forms.
            Locale::Ar | Locale::ArF => &AR,
        };
        table[own]
    }

    fn plural_in(self, locale: Locale, category: PluralCategory) -> Option<&'static str> {
        if let Some(shared) = self.shared() {
            return shared.plural_in(locale, category);
        }
        plural_form(self, table_index(locale), category.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_wording_for_every_staff_key() {
        for locale in Locale::ALL {
            for key in Key::ALL {
                assert!(
                    !locale.text(key).trim().is_empty(),
                    "{} is empty in {}",
                    key.name(),
                    locale.code()
                );
            }
        }
    }

    #[test]
    fn a_count_takes_the_form_its_languages_rule_picks() {
        let k = Key::IroImportAdded;
        let file = [("file", "a.mysay")];
        assert_eq!(
            Locale::En.count(k, 1, &file),
            "Added 1 booklet from a.mysay"
        );
        assert_eq!(
            Locale::En.count(k, 2, &file),
            "Added 2 booklets from a.mysay"
        );
        assert_eq!(
            Locale::Cy.count(k, 2, &file),
            "Ychwanegwyd dau lyfryn o a.mysay"
        );
        assert_eq!(
            Locale::Cy.count(k, 7, &file),
            "Ychwanegwyd 7 llyfryn o a.mysay"
        );
        // Arabic has six forms: a number's form is not "one or not".
        assert_eq!(Locale::Ar.count(k, 1, &file), "أُضيف كتيّب واحد من a.mysay");
        assert_eq!(Locale::Ar.count(k, 2, &file), "أُضيف كتيّبان من a.mysay");
        assert_eq!(Locale::Ar.count(k, 5, &file), "أُضيفت 5 كتيّبات من a.mysay");
        assert_eq!(Locale::Ar.count(k, 12, &file), "أُضيف 12 كتيّبًا من a.mysay");
        assert_eq!(Locale::Ar.count(k, 100, &file), "أُضيف 100 كتيّب من a.mysay");
    }

    #[test]
    fn shared_keys_come_first_and_read_the_shared_wording() {
        for shared in my_say_ui::i18n::Key::ALL {
            let key = Key::from(shared);
            assert_eq!(key.name(), shared.name());
            assert_eq!(key.shared(), Some(shared));
            for locale in Locale::ALL {
                assert_eq!(locale.text(key), locale.text(shared));
            }
        }
        let own = Key::ALL[SHARED_COUNT];
        assert_eq!(own.shared(), None);
    }
}
