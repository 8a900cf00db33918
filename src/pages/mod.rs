//! One module per screen or area of the package's three apps (the child's, tablet set-up, council
//! surveys on a tablet).

pub mod booklet;
pub mod home;
pub mod send_answers;
pub mod send_today;
pub mod survey_tablet;
pub mod tablet;
