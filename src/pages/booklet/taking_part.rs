//! On the adult's start form: how the child will take part, and a simpler booklet if the
//! adult chooses one. Both are recorded without judgement for the IRO's summary; a simpler
//! booklet changes what the child fills in, never the age band they are counted in.

use leptos::prelude::*;
use my_say_core::{AgeBand, TakingPart};
use my_say_ui::i18n::{band_key, use_i18n, Key};

/// The wording and element id of each way of taking part, in [`TakingPart::ALL`] order.
const WAYS: [(TakingPart, Key, &str); 6] = [
    (
        TakingPart::OnTheirOwn,
        Key::BookletTookPartOwn,
        "took-part-own",
    ),
    (
        TakingPart::ReadToThem,
        Key::BookletTookPartRead,
        "took-part-read",
    ),
    (
        TakingPart::WrittenForThem,
        Key::BookletTookPartWrite,
        "took-part-write",
    ),
    (
        TakingPart::Signed,
        Key::BookletTookPartSigned,
        "took-part-signed",
    ),
    (
        TakingPart::Symbols,
        Key::BookletTookPartSymbols,
        "took-part-symbols",
    ),
    (
        TakingPart::Interpreter,
        Key::BookletTookPartInterpreter,
        "took-part-interpreter",
    ),
];

/// The optional "how will the child take part" tick boxes and the simpler booklet choice.
#[component]
pub fn TakingPartChoice(
    /// The ways ticked, kept in [`TakingPart::ALL`] order.
    took_part: RwSignal<Vec<TakingPart>>,
    /// The younger band whose booklet the child is given, or `None` for their own band's.
    simpler: RwSignal<Option<AgeBand>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field">
            <legend>{i18n.tr(Key::BookletTookPart)}</legend>
            {WAYS
                .into_iter()
                .map(|(way, key, id)| view! {
                    <div class="option">
                        <input
                            type="checkbox"
                            id=id
                            prop:checked=move || took_part.with(|t| t.contains(&way))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                took_part.update(|t| {
                                    t.retain(|w| *w != way);
                                    if on {
                                        t.push(way);
                                        t.sort_unstable();
                                    }
                                });
                            }
                        />
                        <label for=id><span>{i18n.tr(key)}</span></label>
                    </div>
                })
                .collect_view()}
        </fieldset>
        <div class="field">
            <label for="simpler-booklet">{i18n.tr(Key::BookletSimpler)}</label>
            <p class="hint" id="simpler-booklet-hint">{i18n.tr(Key::BookletSimplerHint)}</p>
            <select
                id="simpler-booklet"
                aria-describedby="simpler-booklet-hint"
                on:change=move |ev| simpler.set(AgeBand::from_code(&event_target_value(&ev)))
            >
                <option value="" selected=move || simpler.get().is_none()>{i18n.tr(Key::BookletSimplerNone)}</option>
                {AgeBand::ALL[..3]
                    .iter()
                    .map(|&b| view! {
                        <option value=b.code() selected=move || simpler.get() == Some(b)>
                            {move || i18n.locale().format(Key::BookletSimplerBand, &[("band", i18n.t(band_key(b)))])}
                        </option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
