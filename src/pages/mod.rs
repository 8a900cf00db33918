//! One module per screen or area.

pub mod booklet;
pub mod council;
pub mod home;
pub mod iro;
pub mod not_found;
pub mod survey_tablet;
pub mod tablet;
