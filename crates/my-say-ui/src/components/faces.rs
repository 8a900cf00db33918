//! Drawn symbols for answers: five faces and yes / not sure / no marks. Inline SVG, nothing fetched.

use leptos::prelude::*;

/// One of the five faces, from "very_sad" to "very_happy", as a decorative SVG.
#[component]
pub fn Face(
    /// The face's value: "very_sad", "sad", "ok", "happy" or "very_happy".
    value: &'static str,
) -> impl IntoView {
    // Mouth curves from a deep frown to a wide smile.
    let (mouth, fill) = match value {
        "very_sad" => ("M20 46 Q32 32 44 46", "#f4a6a6"),
        "sad" => ("M21 44 Q32 37 43 44", "#f9c9a0"),
        "ok" => ("M21 42 L43 42", "#f7e39c"),
        "happy" => ("M21 39 Q32 48 43 39", "#c8e6a0"),
        _ => ("M19 37 Q32 54 45 37", "#a8dcb0"),
    };
    view! {
        <svg class="face" viewBox="0 0 64 64" width="56" height="56" aria-hidden="true" focusable="false">
            <circle cx="32" cy="32" r="29" fill=fill stroke="#1a1a2e" stroke-width="3" />
            <circle cx="23" cy="25" r="4" fill="#1a1a2e" />
            <circle cx="41" cy="25" r="4" fill="#1a1a2e" />
            <path d=mouth fill="none" stroke="#1a1a2e" stroke-width="4" stroke-linecap="round" />
        </svg>
    }
}

/// A mark for "yes", "not_sure" or "no", as a decorative SVG.
#[component]
pub fn Mark(
    /// "yes", "not_sure" or "no".
    value: &'static str,
) -> impl IntoView {
    let (path, colour) = match value {
        "yes" => ("M16 34 L28 46 L50 20", "#1e6b3a"),
        "no" => ("M20 20 L44 44 M44 20 L20 44", "#a4161a"),
        _ => (
            "M24 24 Q24 14 32 14 Q41 14 41 23 Q41 30 32 33 L32 40 M32 49 L32 50",
            "#8a4b00",
        ),
    };
    view! {
        <svg class="mark" viewBox="0 0 64 64" width="44" height="44" aria-hidden="true" focusable="false">
            <path d=path fill="none" stroke=colour stroke-width="7" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
