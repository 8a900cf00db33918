//! A QR code drawn as inline SVG: the `qrcode` crate encodes, and each dark module becomes part
//! of one `<path>`. No image files, no canvas, nothing fetched.

use crate::i18n::Key;
use leptos::prelude::*;
use my_say_ui::i18n::use_i18n;
use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write as _;

/// Light modules around the code, as the QR specification asks (4).
const QUIET_ZONE: usize = 4;

/// The QR code of `text` as an SVG path over a square of the returned side (in modules,
/// quiet zone included): each run of dark modules in a row is one rectangle. `None` if the text
/// is too long for any QR code. Medium error correction where the text fits it; low for longer
/// texts (a survey link), up to the 2,953 bytes of the largest code.
pub fn qr_path(text: &str) -> Option<(usize, String)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L))
        .ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut d = String::new();
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            let run = x - start;
            let _ = write!(
                d,
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            );
        }
    }
    Some((width + 2 * QUIET_ZONE, d))
}

/// The QR code of `text`, black on white, scaled to its box by CSS (`.qr`).
#[component]
pub fn QrCodeSvg(
    /// What the code holds (a set-up link).
    text: String,
    /// Its accessible name.
    label: Key,
) -> impl IntoView {
    let i18n = use_i18n();
    qr_path(&text).map(|(side, d)| {
        view! {
            <svg
                class="qr"
                viewBox=format!("0 0 {side} {side}")
                role="img"
                aria-label=i18n.tr(label)
                shape-rendering="crispEdges"
            >
                <rect width=side.to_string() height=side.to_string() fill="#ffffff" />
                <path d=d fill="#000000" />
            </svg>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_draws_exactly_the_dark_modules_inside_a_quiet_zone() {
        let link = "https://my-say.example/tablet#mysay-setup.AQL0pCV4OpqVDhyQ01ONcuCO7xla3T1cqZ4h533cRvAJfAlTYW0gUGF0ZWw";
        let (side, d) = qr_path(link).unwrap();
        let code = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).unwrap();
        assert_eq!(side, code.width() + 8);
        // Paint the path's rectangles back onto a grid and compare with the code.
        let mut grid = vec![false; side * side];
        for cmd in d.split('M').filter(|c| !c.is_empty()) {
            let (xy, rest) = cmd.split_once('h').unwrap();
            let (x, y) = xy.split_once(' ').unwrap();
            let (x, y): (usize, usize) = (x.parse().unwrap(), y.parse().unwrap());
            let run: usize = rest.split_once('v').unwrap().0.parse().unwrap();
            for i in 0..run {
                assert!(!grid[y * side + x + i], "no module is drawn twice");
                grid[y * side + x + i] = true;
            }
        }
        for y in 0..side {
            for x in 0..side {
                let inside = (4..side - 4).contains(&x) && (4..side - 4).contains(&y);
                let dark = inside && code[(x - 4, y - 4)] == Color::Dark;
                assert_eq!(grid[y * side + x], dark, "module {x},{y}");
            }
        }
        assert!(qr_path(&"x".repeat(5000)).is_none());
    }
}
