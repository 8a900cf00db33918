//! Components that both apps, or several pages, render.

pub mod answer_input;
pub mod faces;
pub mod header;
pub mod language_picker;
pub mod many_choice;
pub mod not_found;
pub mod question_screen;
pub mod read_aloud;
pub mod update_ready;
