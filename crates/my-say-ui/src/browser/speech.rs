//! Read-aloud through the Web Speech API, with voices on the device only, so the words never
//! leave it (and it works offline). An adult can allow voices that send the words to another
//! company's server, on the tablet set-up page ([`prefs::network_voices`]).

use crate::browser::prefs;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// Why nothing was read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoVoice {
    /// The device has no voice for the language at all.
    None,
    /// Its only voices for the language send the words to another company's server, and no
    /// adult has allowed that.
    OnlyNetwork,
}

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// The voice for `lang` ("en", "cy", "ar"): one on this device (`localService`); a network voice
/// only where there is none and an adult has allowed it.
fn voice_for(synth: &SpeechSynthesis, lang: &str) -> Result<SpeechSynthesisVoice, NoVoice> {
    let voices: Vec<SpeechSynthesisVoice> = synth
        .get_voices()
        .iter()
        .filter_map(|v| wasm_bindgen::JsCast::dyn_into::<SpeechSynthesisVoice>(v).ok())
        .filter(|v| {
            let voice_lang = v.lang().to_lowercase();
            voice_lang == lang || voice_lang.starts_with(&format!("{lang}-"))
        })
        .collect();
    let network_allowed = prefs::network_voices();
    match voices.iter().find(|v| v.local_service()) {
        Some(v) => Ok(v.clone()),
        None if voices.is_empty() => Err(NoVoice::None),
        None if network_allowed => Ok(voices[0].clone()),
        None => Err(NoVoice::OnlyNetwork),
    }
}

/// Reads `text` aloud in `lang`, stopping anything already being read; or says why it cannot,
/// and reads nothing.
pub fn speak(text: &str, lang: &str) -> Result<(), NoVoice> {
    let synth = synth().ok_or(NoVoice::None)?;
    let voice = voice_for(&synth, lang)?;
    let utterance = SpeechSynthesisUtterance::new_with_text(text).map_err(|_| NoVoice::None)?;
    utterance.set_voice(Some(&voice));
    utterance.set_lang(&voice.lang());
    // A little slower than default: many children who listen are still learning to read.
    utterance.set_rate(0.9);
    synth.cancel();
    synth.speak(&utterance);
    Ok(())
}

/// Stops reading.
pub fn stop() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}
