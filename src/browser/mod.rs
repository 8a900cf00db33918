//! Browser-only code behind small interfaces: everything that touches `web-sys` lives here.

pub mod prefs;
pub mod service_worker;
pub mod store;
