//! The few serde readers written by hand, and what they share (docs/design.md, "Reading files
//! with serde, and the few readers written by hand").
//!
//! - [`by_name!`]: enums that files hold as one of a fixed list of names ("4-6", "safety",
//!   "pictures"), read and written by name. serde's derive reads such an enum through
//!   `deserialize_enum`, which also accepts the `{"variant": ...}` form and builds a field
//!   visitor per enum: about 1.1 to 1.6 KB of wasm for each of the enums a child's tablet reads.
//!   Reading a string and finding it in the list, with one shared function
//!   ([`index_of_name`]), measured smaller (docs/size.md); the files and the error messages
//!   ("unknown variant `x`, expected one of ...") are the same.
//! - [`set_once`]: a field of an object read by hand, refused if it comes twice, as serde's
//!   derive refuses it (`booklet::AnswerKind`, and [`tag_and_value`]'s readers).
//! - [`TagAndValue`]: objects of a tag and, for some tags, a value (`answer::Answer`,
//!   `session::Position`), read in either order without buffering the value.

/// Puts a field's `value` in its `slot`, or fails with serde's duplicate-field error if the
/// object gave the field already.
pub(crate) fn set_once<T, E: serde::de::Error>(
    slot: &mut Option<T>,
    name: &'static str,
    value: T,
) -> Result<(), E> {
    match slot.replace(value) {
        Some(_) => Err(E::duplicate_field(name)),
        None => Ok(()),
    }
}

/// A type written as serde's adjacently tagged enums are, `{"type": "picked", "value": "yes"}`:
/// a tag, and for some tags a value. serde's reader for that form buffers the value when it
/// comes first; [`tag_and_value`] reads the value as a [`TagAndValue::Value`] whichever comes
/// first, then [`TagAndValue::build`] matches the two.
pub(crate) trait TagAndValue: Sized {
    /// The tag, without its value.
    type Tag: serde::de::DeserializeOwned;
    /// Every kind of value, read before the tag is known.
    type Value: serde::de::DeserializeOwned;
    /// The names of the two fields, the tag's first (`["type", "value"]`).
    const FIELDS: [&'static str; 2];
    /// What the file should have held, for serde's invalid-type message ("an answer").
    const EXPECTING: &'static str;
    /// The value for a tag and what came with it; serde's usual errors for a value missing,
    /// not allowed with this tag, or of another type.
    fn build<E: serde::de::Error>(tag: Self::Tag, value: Option<Self::Value>) -> Result<Self, E>;
}

/// Reads a [`TagAndValue`] type: its two fields in either order, each at most once; other
/// fields are skipped, as serde's derive skips them.
pub(crate) fn tag_and_value<'de, D: serde::Deserializer<'de>, T: TagAndValue>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct Fields<T>(std::marker::PhantomData<T>);
    impl<'de, T: TagAndValue> serde::de::Visitor<'de> for Fields<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(T::EXPECTING)
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let fields = T::FIELDS;
            let [tag_name, value_name] = fields;
            let (mut tag, mut value) = (None, None);
            // Every answer of every booklet an import reads comes here: its keys are matched
            // without being copied into a `String`.
            while let Some(key) = map.next_key_seed(KeyIn(&fields))? {
                match key {
                    Some(0) => set_once(&mut tag, tag_name, map.next_value()?)?,
                    Some(_) => set_once(&mut value, value_name, map.next_value()?)?,
                    None => drop(map.next_value::<serde::de::IgnoredAny>()?),
                }
            }
            let tag = tag.ok_or_else(|| serde::de::Error::missing_field(tag_name))?;
            T::build(tag, value)
        }
    }
    deserializer.deserialize_map(Fields(std::marker::PhantomData))
}

/// A map key read as its position in a list of field names (`None` for any other key),
/// without allocating: what serde's derive does with its field visitor.
struct KeyIn<'a>(&'a [&'static str]);

impl<'de> serde::de::DeserializeSeed<'de> for KeyIn<'_> {
    type Value = Option<usize>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Option<usize>, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl serde::de::Visitor<'_> for KeyIn<'_> {
    type Value = Option<usize>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|n| *n == key))
    }
}

/// Reads a string and gives its position in `names`; a name not there is serde's
/// unknown-variant error.
pub(crate) fn index_of_name<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    struct Name(&'static [&'static str]);
    impl serde::de::Visitor<'_> for Name {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<usize, E> {
            self.0
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| E::unknown_variant(name, self.0))
        }
    }
    deserializer.deserialize_str(Name(names))
}

/// `Serialize` and `Deserialize` for a fieldless enum, each variant by the name given:
/// `by_name!(MeasureKind { Safety = "safety", Heard = "heard" });`.
macro_rules! by_name {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(match self {
                    $($ty::$variant => $name),+
                })
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$($name),+];
                const VALUES: &[$ty] = &[$($ty::$variant),+];
                $crate::serde_by_hand::index_of_name(deserializer, NAMES).map(|i| VALUES[i])
            }
        }
    };
}
pub(crate) use by_name;

#[cfg(test)]
mod tests {
    use crate::age_band::AgeBand;
    use crate::booklet::{BookletKind, MeasureKind, Theme};
    use crate::child::TakingPart;
    use crate::seal::CodeKind;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use std::fmt::Debug;

    /// Each value is written as its name, and read back from it; a name not in the list, or
    /// not a string, is refused.
    fn written_and_read<T: Serialize + DeserializeOwned + PartialEq + Debug>(pairs: &[(T, &str)]) {
        for (value, name) in pairs {
            let text = serde_json::to_string(value).unwrap();
            assert_eq!(text, format!("\"{name}\""));
            assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), value);
        }
        let e = serde_json::from_str::<T>("\"nothing-like-it\"").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("unknown variant `nothing-like-it`, expected "),
            "{e}"
        );
        assert!(serde_json::from_str::<T>("3").is_err());
        assert!(serde_json::from_str::<T>(&format!("{{{:?}:null}}", pairs[0].1)).is_err());
    }

    #[test]
    fn every_named_enum_is_written_and_read_by_its_name() {
        written_and_read(&[
            (AgeBand::FourToSix, "4-6"),
            (AgeBand::SevenToNine, "7-9"),
            (AgeBand::TenToFifteen, "10-15"),
            (AgeBand::SixteenPlus, "16+"),
        ]);
        written_and_read(&[
            (BookletKind::Review, "review"),
            (BookletKind::Survey, "survey"),
        ]);
        written_and_read(&[
            (MeasureKind::Safety, "safety"),
            (MeasureKind::Heard, "heard"),
            (MeasureKind::Satisfaction, "satisfaction"),
        ]);
        written_and_read(&[
            (CodeKind::Pictures, "pictures"),
            (CodeKind::Number, "number"),
        ]);
        written_and_read(&[
            (TakingPart::OnTheirOwn, "on_their_own"),
            (TakingPart::ReadToThem, "read_to_them"),
            (TakingPart::WrittenForThem, "written_for_them"),
            (TakingPart::Signed, "signed"),
            (TakingPart::Symbols, "symbols"),
            (TakingPart::Interpreter, "interpreter"),
        ]);
        written_and_read(&[
            (Theme::Agenda, "agenda"),
            (Theme::People, "people"),
            (Theme::PlaceAndTime, "place_and_time"),
            (Theme::Attendance, "attendance"),
            (Theme::BreakAndLeaving, "break_and_leaving"),
            (Theme::NotToDiscuss, "not_to_discuss"),
            (Theme::Chairing, "chairing"),
            (Theme::SeeIroAlone, "see_iro_alone"),
            (Theme::Worries, "worries"),
            (Theme::GoodNews, "good_news"),
            (Theme::Home, "home"),
            (Theme::FriendsAndFamily, "friends_and_family"),
            (Theme::SchoolAndHealth, "school_and_health"),
            (Theme::Support, "support"),
            (Theme::Plan, "plan"),
            (Theme::LastReview, "last_review"),
            (Theme::BeingHeard, "being_heard"),
            (Theme::LifeStory, "life_story"),
            (Theme::Other, "other"),
        ]);
    }

    #[test]
    fn an_age_band_is_a_map_key_by_its_name() {
        let map = std::collections::BTreeMap::from([(AgeBand::SixteenPlus, 1)]);
        let text = serde_json::to_string(&map).unwrap();
        assert_eq!(text, r#"{"16+":1}"#);
        assert_eq!(
            serde_json::from_str::<std::collections::BTreeMap<AgeBand, u8>>(&text).unwrap(),
            map
        );
    }
}
