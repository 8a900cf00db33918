//! One module per screen or area of the child's tablet app.

pub mod booklet;
pub mod home;
pub mod send_answers;
pub mod send_today;
pub mod survey_tablet;
pub mod tablet;
