//! The child's booklet: an adult starts it, the child fills it in.

pub mod fill;
pub mod start;

pub use fill::BookletFill;
pub use start::BookletStart;
