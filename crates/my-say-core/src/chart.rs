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

/// `id` made safe for an `id` attribute and an `aria-labelledby` list: ASCII letters, digits and
/// `-` are kept; any other character (quotes, `<`, spaces, `_` itself) becomes its code point in
/// hex between underscores (`"` is `_22_`), so different ids stay different and nothing in one
/// can end the attribute.
fn id_safe(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c);
        } else {
            let _ = write!(out, "_{:x}_", u32::from(c));
        }
    }
    out
}

/// A horizontal bar chart of percentages, one row per bar, with a title and a description.
/// `id` must be unique on the page: the title and description get ids made from it. Any text
/// may come from data (a survey's question ids and wording): all of it is escaped.
pub fn bar_chart_svg(id: &str, title: &str, description: &str, bars: &[Bar]) -> String {
    let id = id_safe(id);
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
    use proptest::prelude::*;

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
    fn a_hostile_id_stays_inside_its_attributes() {
        let svg = bar_chart_svg("chart-q\"/><a href=x>", "t", "d", &[bar("a", Some(1))]);
        assert!(!svg.contains("<a") && !svg.contains("href=x"));
        assert!(
            svg.contains("<title id=\"chart-q_22__2f__3e__3c_a_20_href_3d_x_3e_-title\">t</title>")
        );
        // Different ids stay different ("_" itself is written as its code point too).
        assert_ne!(id_safe("a_3c_"), id_safe("a<"));
        assert_ne!(id_safe("a b"), id_safe("a_b"));
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

    /// One tag of the chart, as a browser's parser would read it.
    #[derive(Debug, PartialEq)]
    enum Token {
        Open(String, Vec<(String, String)>),
        Close(String),
        Text(String),
    }

    /// Reads `svg` as markup, strictly: every attribute value quoted with `"`, and no `<`, `>` or
    /// bare `&` in any value or text. Returns the tags and texts with entities decoded.
    fn parse(svg: &str) -> Result<Vec<Token>, String> {
        fn decode(raw: &str) -> Result<String, String> {
            if raw.contains(['<', '>', '"']) {
                return Err(format!("unescaped markup in {raw:?}"));
            }
            let mut out = String::new();
            let mut rest = raw;
            while let Some(at) = rest.find('&') {
                out.push_str(&rest[..at]);
                let end = rest[at..].find(';').ok_or("bare &")? + at;
                out.push(match &rest[at..=end] {
                    "&amp;" => '&',
                    "&lt;" => '<',
                    "&gt;" => '>',
                    "&quot;" => '"',
                    "&#39;" => '\'',
                    other => return Err(format!("unknown entity {other}")),
                });
                rest = &rest[end + 1..];
            }
            out.push_str(rest);
            Ok(out)
        }
        let mut tokens = Vec::new();
        let mut rest = svg;
        while !rest.is_empty() {
            let Some(tail) = rest.strip_prefix('<') else {
                let end = rest.find('<').unwrap_or(rest.len());
                tokens.push(Token::Text(decode(&rest[..end])?));
                rest = &rest[end..];
                continue;
            };
            if let Some(tail) = tail.strip_prefix('/') {
                let end = tail.find('>').ok_or("unclosed end tag")?;
                tokens.push(Token::Close(tail[..end].to_owned()));
                rest = &tail[end + 1..];
                continue;
            }
            let end = tail.find([' ', '>', '/']).ok_or("unclosed tag")?;
            let name = tail[..end].to_owned();
            let mut t = &tail[end..];
            let mut attrs = Vec::new();
            loop {
                t = t.trim_start_matches(' ');
                if let Some(after) = t.strip_prefix("/>") {
                    tokens.push(Token::Open(name.clone(), attrs));
                    tokens.push(Token::Close(name));
                    rest = after;
                    break;
                }
                if let Some(after) = t.strip_prefix('>') {
                    tokens.push(Token::Open(name, attrs));
                    rest = after;
                    break;
                }
                let eq = t.find("=\"").ok_or("attribute without a quoted value")?;
                let attr = &t[..eq];
                if attr.is_empty() || !attr.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
                    return Err(format!("odd attribute name {attr:?}"));
                }
                let value_end = t[eq + 2..].find('"').ok_or("unclosed value")? + eq + 2;
                attrs.push((attr.to_owned(), decode(&t[eq + 2..value_end])?));
                t = &t[value_end + 1..];
            }
        }
        Ok(tokens)
    }

    fn hostile() -> impl Strategy<Value = String> {
        prop_oneof![
            "[<>\"'&/=;# a-zA-Z_]{0,24}",
            ".{0,16}",
            Just("q\"/><a href=x>".to_owned()),
            Just("</svg><script>alert(1)</script>".to_owned()),
            Just("&amp;&lt;".to_owned()),
        ]
    }

    proptest! {
        #[test]
        fn hostile_ids_and_wording_render_as_the_intended_elements_only(
            id in hostile(),
            title in hostile(),
            description in hostile(),
            bars in prop::collection::vec((hostile(), prop::option::of(0u32..150), hostile()), 0..5),
        ) {
            let bars: Vec<Bar> = bars
                .into_iter()
                .map(|(label, percent, instead)| Bar { label, percent, instead })
                .collect();
            let svg = bar_chart_svg(&id, &title, &description, &bars);
            let tokens = parse(&svg).map_err(TestCaseError::fail)?;

            // The elements, in order, are exactly the chart's: nothing from data became a tag.
            let names: Vec<String> = tokens
                .iter()
                .filter_map(|t| match t {
                    Token::Open(n, _) => Some(n.clone()),
                    Token::Close(n) => Some(format!("/{n}")),
                    Token::Text(_) => None,
                })
                .collect();
            let mut expected: Vec<&str> = vec!["svg", "title", "/title", "desc", "/desc"];
            for bar in &bars {
                expected.extend(["text", "/text", "rect", "/rect"]);
                if bar.percent.is_some() {
                    expected.extend(["rect", "/rect"]);
                }
                expected.extend(["text", "/text"]);
            }
            expected.push("/svg");
            prop_assert_eq!(names, expected);

            // Every text reads back as the data it came from.
            let texts: Vec<&str> = tokens
                .iter()
                .filter_map(|t| match t {
                    Token::Text(s) => Some(s.as_str()),
                    _ => None,
                })
                .filter(|s| !s.is_empty())
                .collect();
            let mut wanted: Vec<String> = vec![title.clone(), description.clone()];
            for bar in &bars {
                wanted.push(bar.label.clone());
                wanted.push(match bar.percent {
                    Some(p) => format!("{p}%"),
                    None => bar.instead.clone(),
                });
            }
            wanted.retain(|s| !s.is_empty());
            prop_assert_eq!(texts, wanted);

            // The ids are plain, and the chart is named by its own title and description.
            let attr = |tag: &str, name: &str| {
                tokens.iter().find_map(|t| match t {
                    Token::Open(n, attrs) if n == tag => {
                        attrs.iter().find(|(a, _)| a == name).map(|(_, v)| v.clone())
                    }
                    _ => None,
                })
            };
            let title_id = attr("title", "id").unwrap();
            let desc_id = attr("desc", "id").unwrap();
            prop_assert!(title_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert_eq!(
                attr("svg", "aria-labelledby").unwrap(),
                format!("{title_id} {desc_id}")
            );
        }
    }
}
