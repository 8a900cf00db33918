//! One module per screen or area of the staff workspace.

pub mod council;
pub mod iro;
