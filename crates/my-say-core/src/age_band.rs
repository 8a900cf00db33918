//! The four age bands that booklets are worded for and that reports break figures down by.

use std::fmt;

/// An age band, as IRO annual reports use them: 4–6, 7–9, 10–15 and 16+.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgeBand {
    /// Children aged 4, 5 or 6.
    FourToSix,
    /// Children aged 7, 8 or 9.
    SevenToNine,
    /// Young people aged 10 to 15.
    TenToFifteen,
    /// Young people aged 16 and over.
    SixteenPlus,
}

crate::serde_by_hand::by_name!(AgeBand {
    FourToSix = "4-6",
    SevenToNine = "7-9",
    TenToFifteen = "10-15",
    SixteenPlus = "16+",
});

impl AgeBand {
    /// Every band, youngest first: the order reports use.
    pub const ALL: [AgeBand; 4] = [
        AgeBand::FourToSix,
        AgeBand::SevenToNine,
        AgeBand::TenToFifteen,
        AgeBand::SixteenPlus,
    ];

    /// The band for an age in whole years. Under-4s are given the 4–6 booklet, with an adult.
    pub fn from_age(years: u32) -> AgeBand {
        match years {
            0..=6 => AgeBand::FourToSix,
            7..=9 => AgeBand::SevenToNine,
            10..=15 => AgeBand::TenToFifteen,
            _ => AgeBand::SixteenPlus,
        }
    }

    /// The band's code as used in files and CSV columns: "4-6", "7-9", "10-15", "16+".
    pub fn code(self) -> &'static str {
        match self {
            AgeBand::FourToSix => "4-6",
            AgeBand::SevenToNine => "7-9",
            AgeBand::TenToFifteen => "10-15",
            AgeBand::SixteenPlus => "16+",
        }
    }

    /// Parses a band code ("4-6", "7-9", "10-15", "16+").
    pub fn from_code(code: &str) -> Option<AgeBand> {
        AgeBand::ALL.into_iter().find(|b| b.code() == code)
    }

    /// Whether the child is at least ten, which unlocks questions on chairing, advocates and complaints.
    pub fn is_ten_or_over(self) -> bool {
        matches!(self, AgeBand::TenToFifteen | AgeBand::SixteenPlus)
    }
}

impl fmt::Display for AgeBand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The en dash is what reports print; the code uses a hyphen for files.
        f.write_str(match self {
            AgeBand::FourToSix => "4–6",
            AgeBand::SevenToNine => "7–9",
            AgeBand::TenToFifteen => "10–15",
            AgeBand::SixteenPlus => "16+",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_fall_into_the_report_bands() {
        assert_eq!(AgeBand::from_age(4), AgeBand::FourToSix);
        assert_eq!(AgeBand::from_age(6), AgeBand::FourToSix);
        assert_eq!(AgeBand::from_age(7), AgeBand::SevenToNine);
        assert_eq!(AgeBand::from_age(9), AgeBand::SevenToNine);
        assert_eq!(AgeBand::from_age(10), AgeBand::TenToFifteen);
        assert_eq!(AgeBand::from_age(15), AgeBand::TenToFifteen);
        assert_eq!(AgeBand::from_age(16), AgeBand::SixteenPlus);
        assert_eq!(AgeBand::from_age(21), AgeBand::SixteenPlus);
    }

    #[test]
    fn codes_round_trip_through_serde() {
        for band in AgeBand::ALL {
            let json = serde_json::to_string(&band).unwrap();
            assert_eq!(json, format!("\"{}\"", band.code()));
            assert_eq!(serde_json::from_str::<AgeBand>(&json).unwrap(), band);
            assert_eq!(AgeBand::from_code(band.code()), Some(band));
        }
        assert_eq!(AgeBand::from_code("11-14"), None);
    }
}
