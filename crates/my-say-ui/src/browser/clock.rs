//! The device's clock and random ids.

/// Now, as an RFC 3339 UTC time to the second: "2026-11-22T10:15:00Z".
pub fn now() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    // toISOString gives milliseconds ("...:00.000Z"); the formats use whole seconds.
    match iso.split_once('.') {
        Some((seconds, _)) => format!("{seconds}Z"),
        None => iso,
    }
}

/// Today's date in the device's time zone, "2026-11-22".
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Today's date in the device's time zone, as a calendar date (for due dates and exports).
pub fn today_date() -> my_say_core::calendar::Date {
    use my_say_core::calendar::Date;
    // `today` always writes a real YYYY-MM-DD date, so the fallback is never used.
    Date::parse(&today()).unwrap_or_else(|_| Date::from_days_since_epoch(0))
}

/// A random id of 32 lowercase hex digits (128 bits from the browser's CSPRNG, by the same path
/// as sealing), or [`NoRandomness`](my_say_core::seal::NoRandomness) for the caller to show.
pub use my_say_core::seal::random_id;

/// Now, in milliseconds since 1970 (for waits between tries of a code).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}
