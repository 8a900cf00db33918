//! The domain of My Say, as plain Rust with no browser code.
//!
//! Everything here is tested natively with `cargo test -p my-say-core`. The app crate renders
//! this state and calls these functions; storage, files and speech live in the app behind
//! small interfaces.

pub mod age_band;
pub mod answer;
pub mod booklet;
pub mod builtin;
pub mod calendar;
pub mod chart;
pub mod child;
pub mod csv;
// The example workspace is made from the built-in booklets (compiled in, or provided by the app).
pub mod demo;
pub mod export;
pub mod followup;
pub mod idle;
pub mod inbox;
pub mod incoming;
pub mod limits;
pub mod name;
pub mod outbox;
pub mod outline;
pub mod plural;
pub mod record;
pub mod report;
pub mod seal;
mod serde_by_hand;
pub mod session;
pub mod summary;
pub mod survey;
pub mod text;
pub mod validate;

pub use age_band::AgeBand;
pub use answer::{picks_answer, Answer, Answers, Pick, PickEdit};
pub use booklet::{
    AnswerKind, Booklet, Choice, Condition, Measure, MeasureKind, Question, QuestionId, Section,
    Theme,
};
pub use builtin::{builtin_band, builtin_booklets, builtin_for};
pub use child::{booklet_band, ChildDetails, StartForm, StartProblem, Started, TakingPart};
pub use outline::Outline;
pub use record::CompletedBooklet;
pub use session::{Draft, Position, Session};
pub use survey::{SurveyDraft, SurveyFile, SurveyResults, SurveyShelf, ThemeBook, YouSaidWeDid};
pub use text::{LocaleCode, Text};
pub use validate::{check_anonymous, parse_booklet, validate, BookletError};
