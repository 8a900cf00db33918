//! The domain of My Say, as plain Rust with no browser code.
//!
//! Everything here is tested natively with `cargo test -p my-say-core`. The app crate renders
//! this state and calls these functions; storage, files and speech live in the app behind
//! small interfaces.

pub mod age_band;
pub mod answer;
pub mod booklet;
pub mod child;
pub mod record;
pub mod text;

pub use age_band::AgeBand;
pub use answer::{Answer, Answers, Pick};
pub use booklet::{
    AnswerKind, Booklet, Choice, Condition, Measure, MeasureKind, Question, QuestionId, Section,
    Theme,
};
pub use child::ChildDetails;
pub use record::CompletedBooklet;
pub use text::{LocaleCode, Text};
