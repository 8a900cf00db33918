//! Bar charts as SVG text, for the reports page and its printed section.
//!
//! Made here as plain text (not as components) so the chart is tested natively and costs the
//! app little: the page puts the text into the document as it is. The chart is an image for
//! assistive technology (`role="img"`, named by its `<title>` and described by its `<desc>`);
//! the same figures are in the table the page shows beside it. Nothing relies on colour: every
//! bar has its figure written beside it, and a bar with no figure ("fewer than 5") says so in
//! words instead of drawing nothing.

use std::fmt::Write as _;

/// One bar: a label and a percentage, or words in place of the percentage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// What the bar measures, written above it.
    pub label: String,
    /// The percentage (0 to 100; more is drawn as 100), or `None` for no bar.
    pub percent: Option<u32>,
    /// Written instead of a percentage when there is none ("fewer than 5").
    pub instead: String,
}

/// The width of the chart's drawing, in SVG units; it scales to the width of the page.
const WIDTH: u32 = 640;
/// The length of a bar at 100%.
const TRACK: u32 = 500;
/// The height of one row: a label line and a bar.
const ROW: u32 = 46;

/// Writes `text` with `&`, `<`, `>`, `"` and `'` escaped, for SVG text and attribute values.
fn escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// A horizontal bar chart of percentages, one row per bar, with a title and a description.
/// `id` must be unique on the page: the title and description get ids made from it.
pub fn bar_chart_svg(id: &str, title: &str, description: &str, bars: &[Bar]) -> String {
    let height = ROW * bars.len() as u32 + 8;
    let mut s = String::with_capacity(300 + bars.len() * 400);
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">"
    );
    escaped(&mut s, title);
    let _ = write!(s, "</title><desc id=\"{id}-desc\">");
    escaped(&mut s, description);
    s.push_str("</desc>");
    for (i, bar) in bars.iter().enumerate() {
        let top = 4 + ROW * i as u32;
        let _ = write!(s, "<text class=\"bar-label\" x=\"0\" y=\"{}\">", top + 15);
        escaped(&mut s, &bar.label);
        let _ = write!(
            s,
            "</text><rect class=\"bar-track\" x=\"0\" y=\"{}\" width=\"{TRACK}\" height=\"18\"/>",
            top + 22
        );
        match bar.percent {
            Some(p) => {
                let length = TRACK * p.min(100) / 100;
                let _ = write!(
                    s,
                    "<rect class=\"bar-fill\" x=\"0\" y=\"{}\" width=\"{length}\" height=\"18\"/><text class=\"bar-value\" x=\"{}\" y=\"{}\">{p}%</text>",
                    top + 22,
                    TRACK + 8,
                    top + 36
                );
            }
            None => {
                let _ = write!(
                    s,
                    "<text class=\"bar-value bar-instead\" x=\"{}\" y=\"{}\">",
                    TRACK + 8,
                    top + 36
                );
                escaped(&mut s, &bar.instead);
                s.push_str("</text>");
            }
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, percent: Option<u32>) -> Bar {
        Bar {
            label: label.into(),
            percent,
            instead: "fewer than 5".into(),
        }
    }

    #[test]
    fn one_row_per_bar_with_its_figure_in_words() {
        let svg = bar_chart_svg(
            "safety",
            "Safety, all ages",
            "The same figures are in the table.",
            &[bar("feel safe", Some(96)), bar("contact their IRO", None)],
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"safety-title safety-desc\""));
        assert!(svg.contains("<title id=\"safety-title\">Safety, all ages</title>"));
        assert!(svg.contains("viewBox=\"0 0 640 100\""));
        // 96% of the 500-unit track, and the figure beside it.
        assert!(svg.contains(
            "width=\"480\" height=\"18\"/><text class=\"bar-value\" x=\"508\" y=\"40\">96%</text>"
        ));
        // No bar without a figure: words instead.
        assert_eq!(svg.matches("bar-fill").count(), 1);
        assert!(svg.contains(">fewer than 5</text>"));
        assert!(svg.ends_with("</svg>"));
    }

    #[test]
    fn text_is_escaped_and_bars_stay_inside() {
        let svg = bar_chart_svg(
            "x",
            "<script>alert(1)</script>",
            "a \"quoted\" & 'odd' description",
            &[bar("Siân's <b>", Some(250)), bar("مرحبا", Some(0))],
        );
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("a &quot;quoted&quot; &amp; &#39;odd&#39; description"));
        assert!(svg.contains("Siân&#39;s &lt;b&gt;"));
        assert!(svg.contains(
            "width=\"500\" height=\"18\"/><text class=\"bar-value\" x=\"508\" y=\"40\">250%</text>"
        ));
        assert!(svg.contains("width=\"0\" height=\"18\"/>"));
        assert!(svg.contains(">مرحبا</text>"));
    }
}
