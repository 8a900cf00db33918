//! The child's booklet: an adult starts it, the child fills it in.

mod code;
pub mod fill;
mod ok_to_tell;
pub mod start;
mod taking_part;

pub use fill::BookletFill;
pub use start::BookletStart;
