//! "It's OK to tell": the kind screen a child sees straight after a worrying answer, in words
//! for their age band. It never promises secrecy: it says who reads the answers and that adults
//! act when a child is not safe (or, on an anonymous survey, that nobody can tell who answered).
//! 999 and Childline at every age, Meic too for a Welsh booklet, the IRO when the adult gave
//! them. Read aloud at once when read-aloud is on for the booklet, and always on request.
//!
//! Phone numbers (and e-mail addresses) sit in their own left-to-right `<bdi>`, so 0800 1111
//! reads the same way inside Arabic.

use leptos::prelude::*;
use my_say_core::AgeBand;
use my_say_ui::browser::speech;
use my_say_ui::components::read_aloud::ReadAloud;
use my_say_ui::i18n::{use_i18n, Key, Locale};

/// The screen's wording after the heading, in order: the lead, 999, then who to talk to.
fn wording(
    locale: Locale,
    band: AgeBand,
    welsh: bool,
    iro: &(Option<String>, Option<String>),
    is_survey: bool,
) -> Vec<String> {
    let (lead, survey, adult) = match band {
        AgeBand::FourToSix => (Key::FillOkLead46, Key::FillOkSurvey46, Key::FillOkAdult46),
        AgeBand::SevenToNine => (Key::FillOkLead79, Key::FillOkSurvey79, Key::FillOkAdult79),
        AgeBand::TenToFifteen => (
            Key::FillOkLead1015,
            Key::FillOkSurvey1015,
            Key::FillOkAdult1015,
        ),
        AgeBand::SixteenPlus => (
            Key::FillOkLead16Plus,
            Key::FillOkSurvey16Plus,
            Key::FillOkAdult16Plus,
        ),
    };
    let mut out: Vec<String> = [
        if is_survey { survey } else { lead },
        Key::FillOkDanger,
        Key::FillOkTalkNow,
        Key::FillOkChildline,
    ]
    .map(|k| locale.text(k).to_owned())
    .into();
    if welsh || locale == Locale::Cy {
        out.push(locale.text(Key::FillOkMeic).to_owned());
    }
    // An anonymous survey names nobody.
    if !is_survey {
        let values = [
            ("name", iro.0.as_deref().unwrap_or_default()),
            ("contact", iro.1.as_deref().unwrap_or_default()),
        ];
        match iro {
            (Some(_), Some(_)) => out.push(locale.format(Key::FillOkIro, &values)),
            (Some(_), None) => out.push(locale.format(Key::FillOkIroName, &values)),
            (None, Some(_)) => out.push(locale.format(Key::FillOkIroContact, &values)),
            (None, None) => {}
        }
    }
    out.push(locale.text(adult).to_owned());
    out
}

/// A line as HTML, its text escaped, each phone number (or e-mail address) in a left-to-right
/// `<bdi>`: a number is a word of digits (with `+ - ( )`), and digit words in a row, with the
/// spaces between them, are one number ("0800 1111"). One element of markup for the whole
/// screen, rather than a view per run, keeps the child's app small; so do the plain loops here,
/// rather than `str` patterns, each of which is its own generic code.
fn html(out: &mut String, line: &str) {
    let escape = |out: &mut String, s: &str| {
        for c in s.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                _ => out.push(c),
            }
        }
    };
    let mut open = false;
    for (i, word) in line.split(' ').enumerate() {
        // Trailing punctuation stays outside the number (ASCII, so byte-safe in UTF-8).
        let mut n = word.len();
        while n > 0
            && matches!(
                word.as_bytes()[n - 1],
                b'.' | b',' | b':' | b';' | b'!' | b'?'
            )
        {
            n -= 1;
        }
        let (core, rest) = word.split_at(n);
        let bytes = core.as_bytes();
        let ltr = bytes.contains(&b'@')
            || (bytes
                .first()
                .is_some_and(|b| b.is_ascii_digit() || *b == b'+')
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'(' | b')')));
        if i > 0 {
            if open && !ltr {
                out.push_str("</bdi>");
                open = false;
            }
            out.push(' ');
        }
        if ltr && !open {
            out.push_str("<bdi dir=\"ltr\">");
            open = true;
        }
        escape(out, core);
        if open && !rest.is_empty() {
            out.push_str("</bdi>");
            open = false;
        }
        escape(out, rest);
    }
    if open {
        out.push_str("</bdi>");
    }
}

/// The kind screen a child sees straight after a worrying answer.
#[component]
pub fn OkToTell(
    /// The heading, which gets focus.
    heading: NodeRef<leptos::html::H1>,
    /// The draft's age band: the wording is for it.
    band: AgeBand,
    /// The booklet is in Welsh: Meic is named too.
    welsh: bool,
    /// The IRO's name, if the adult entered it.
    iro_name: Option<String>,
    /// How to contact the IRO, if the adult entered it.
    iro_contact: Option<String>,
    /// An anonymous survey: nobody will know who answered, so no IRO is named.
    is_survey: bool,
    /// Read-aloud is on for this booklet: read the screen at once.
    auto_read: bool,
    /// Back to the booklet.
    on_carry_on: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let keep = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let iro = (keep(iro_name), keep(iro_contact));
    let lines = move |locale| wording(locale, band, welsh, &iro, is_survey);
    let spoken = {
        let lines = lines.clone();
        move |locale: Locale| {
            format!(
                "{}. {}",
                locale.text(Key::FillOkTitle),
                lines(locale).join(" ")
            )
        }
    };
    if auto_read {
        let locale = i18n.0.get_untracked();
        let words = spoken(locale);
        request_animation_frame(move || {
            let _ = speech::speak(&words, locale.code());
        });
    }
    view! {
        <div class="ok-to-tell" role="region" aria-labelledby="ok-heading">
            <img src="/pictures/heart.svg" alt="" width="80" height="80" />
            <h1 id="ok-heading" tabindex="-1" node_ref=heading>{i18n.tr(Key::FillOkTitle)}</h1>
            <ReadAloud text=Signal::derive(move || spoken(i18n.locale())) prominent=band == AgeBand::FourToSix />
            <div inner_html=move || {
                let mut out = String::new();
                for (i, line) in lines(i18n.locale()).iter().enumerate() {
                    out.push_str(["<p class=\"lead\">", "<p class=\"ok-line urgent\">", "<p class=\"ok-line\">"][i.min(2)]);
                    html(&mut out, line);
                    out.push_str("</p>");
                }
                out
            }></div>
            <button type="button" class="primary big" on:click=move |_| on_carry_on.run(())>{i18n.tr(Key::FillOkCarryOn)}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::wording;
    use my_say_core::AgeBand;
    use my_say_ui::i18n::Locale;

    const BANDS: [AgeBand; 4] = [
        AgeBand::FourToSix,
        AgeBand::SevenToNine,
        AgeBand::TenToFifteen,
        AgeBand::SixteenPlus,
    ];

    #[test]
    fn every_band_has_its_own_words_with_999_and_childline_and_who_reads_it() {
        let none = (None, None);
        for is_survey in [false, true] {
            let leads: Vec<String> = BANDS
                .iter()
                .map(|&band| {
                    let lines = wording(Locale::En, band, false, &none, is_survey);
                    let all = lines.join(" ");
                    assert!(all.contains("call 999"), "{band:?}: {all}");
                    assert!(all.contains("0800 1111"), "{band:?}: {all}");
                    assert!(!all.contains("Meic"), "{band:?}: {all}");
                    let lower = all.to_lowercase();
                    for promise in ["secret", "won't tell", "will not tell", "nobody will know"] {
                        assert!(!lower.contains(promise), "{band:?}: {all}");
                    }
                    // Who reads it, said plainly.
                    let reader = if is_survey {
                        "who run this survey will read"
                    } else {
                        "Your IRO will read"
                    };
                    assert!(lines[0].contains(reader), "{band:?}: {}", lines[0]);
                    lines[0].clone()
                })
                .collect();
            for (i, lead) in leads.iter().enumerate() {
                assert!(!leads[..i].contains(lead), "two bands share: {lead}");
            }
        }
    }

    #[test]
    fn a_welsh_booklet_names_meic_and_names_the_iro_when_given() {
        let iro = (Some("Jo".to_owned()), Some("07700 900123".to_owned()));
        let lines = wording(Locale::En, AgeBand::SixteenPlus, true, &iro, false).join(" ");
        assert!(lines.contains("080 880 23456"), "{lines}");
        assert!(
            lines.contains("Jo") && lines.contains("07700 900123"),
            "{lines}"
        );
        // An anonymous survey names nobody.
        let survey = wording(Locale::En, AgeBand::SixteenPlus, true, &iro, true).join(" ");
        assert!(
            !survey.contains("Jo") && !survey.contains("07700"),
            "{survey}"
        );
    }

    fn html(line: &str) -> String {
        let mut out = String::new();
        super::html(&mut out, line);
        out
    }

    #[test]
    fn numbers_and_addresses_are_isolated_and_text_escaped() {
        assert_eq!(
            html("Childline: call 0800 1111. It's free."),
            "Childline: call <bdi dir=\"ltr\">0800 1111</bdi>. It's free."
        );
        assert_eq!(
            html("Your IRO, <Jo>: jo@example.org 999"),
            "Your IRO, &lt;Jo&gt;: <bdi dir=\"ltr\">jo@example.org 999</bdi>"
        );
        assert_eq!(html("call 999 now"), "call <bdi dir=\"ltr\">999</bdi> now");
        assert_eq!(
            html("الرقم 080 880 23456."),
            "الرقم <bdi dir=\"ltr\">080 880 23456</bdi>."
        );
    }
}
