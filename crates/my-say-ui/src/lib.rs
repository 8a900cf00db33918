//! What My Say's apps share: the child's tablet app, a booklet being answered, tablet set-up and
//! council surveys on a tablet (the top-level `my-say` package's four binaries) and the staff
//! workspace (`my-say-staff`).
//!
//! - [`apps`]: the five apps and which addresses each one answers.
//! - [`i18n`]: UI wording in every language, compiled from `locales/*.json`.
//! - [`browser`]: every piece of browser-only code (storage, files, speech, service worker),
//!   behind small interfaces.
//! - [`components`]: components several apps render, such as the question screen that the council's
//!   survey builder previews and a child answers on.
//! - [`load`]: what a screen reads from the device when it opens, as a signal a task fills in.
//!
//! The domain (booklets, answers, sealing, reports) is the `my_say_core` crate.

pub mod apps;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod load;
