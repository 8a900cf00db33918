//! Browser-only code behind small interfaces: everything that touches `web-sys` lives here.

pub mod clock;
pub mod fetch;
pub mod files;
pub mod focus;
pub mod history;
pub mod pace;
pub mod panics;
pub mod prefs;
pub mod service_worker;
pub mod speech;
pub mod store;
