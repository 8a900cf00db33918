//! Components shared by several pages.

pub mod answer_input;
pub mod faces;
pub mod header;
pub mod language_picker;
pub mod question_screen;
pub mod read_aloud;
