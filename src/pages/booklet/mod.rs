//! The child's booklet: an adult starts it, the child fills it in.

mod begin;
mod carry_on;
mod code;
pub mod fill;
mod filling;
mod hide_people;
mod intro;
mod ok_to_tell;
mod question_step;
mod review;
mod sealed_for;
pub mod start;
mod start_fields;
mod taking_part;
mod thanks;
mod tick_boxes;
mod topics;

pub use carry_on::carry_on_item;
pub use fill::BookletFill;
pub use start::BookletStart;
pub use start_fields::ReadAloudOn;
