//! The child's booklet: an adult starts it, the child fills it in.

mod code;
pub mod fill;
mod hide_people;
mod ok_to_tell;
pub mod start;
mod taking_part;
mod tick_boxes;
mod topics;

pub use fill::BookletFill;
pub use start::BookletStart;
