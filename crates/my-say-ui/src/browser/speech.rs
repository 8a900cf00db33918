//! Read-aloud through the Web Speech API, preferring voices on the device so it works offline.

use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// The best voice for `lang` ("en", "cy", "ar"): one on this device first (works offline), then
/// any other for the language. `None` when the device has no voice for it.
fn voice_for(synth: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    let voices: Vec<SpeechSynthesisVoice> = synth
        .get_voices()
        .iter()
        .filter_map(|v| wasm_bindgen::JsCast::dyn_into::<SpeechSynthesisVoice>(v).ok())
        .filter(|v| {
            let voice_lang = v.lang().to_lowercase();
            voice_lang == lang || voice_lang.starts_with(&format!("{lang}-"))
        })
        .collect();
    voices
        .iter()
        .find(|v| v.local_service())
        .or_else(|| voices.first())
        .cloned()
}

/// Whether this device can read `lang` aloud.
pub fn can_speak(lang: &str) -> bool {
    synth().is_some_and(|s| voice_for(&s, lang).is_some())
}

/// Reads `text` aloud in `lang`, stopping anything already being read. Returns false, and reads
/// nothing, when the device has no voice for the language.
pub fn speak(text: &str, lang: &str) -> bool {
    let Some(synth) = synth() else {
        return false;
    };
    let Some(voice) = voice_for(&synth, lang) else {
        return false;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return false;
    };
    utterance.set_voice(Some(&voice));
    utterance.set_lang(&voice.lang());
    // A little slower than default: many children who listen are still learning to read.
    utterance.set_rate(0.9);
    synth.cancel();
    synth.speak(&utterance);
    true
}

/// Stops reading.
pub fn stop() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}
