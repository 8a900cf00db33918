//! The Web Worker that opens one part of an answers file for the import page
//! (`my_say_staff::open_workers`; docs/design.md, "Opening answers files in Web Workers"). Trunk
//! builds it as a second, small wasm binary beside the staff app (`data-type="worker"` in
//! `crates/my-say-staff/index.html`): `my_say_core::seal`'s opening and nothing else, no Leptos,
//! no page, no storage. The page starts it only when a large file is imported.
//!
//! Its messages: once started it posts `{ ready: true }`; the page then posts its part,
//! `{ bytes, key, start, end, step }` (the whole file and the IRO's 32-byte private key, both
//! `Uint8Array`s moved to it, and the range of booklets to open). It reads the file and posts
//! `{ chunk }` (a `Uint8Array`, `my_say_core::seal::decode_chunk`) for every `step` booklets
//! opened; the page knows the part is done when it has them all. The moment anything fails it posts
//! `{ failed: true }` and stops: the page then opens the file itself, to say exactly why. The key
//! is held in memory only, while the part opens; the page ends the worker once it is done.

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Function, Object, Reflect, Uint8Array};
    use my_say_core::seal::{PartOpener, PrivateKey};
    use wasm_bindgen::prelude::*;

    /// Listens for the page's part, then says it is ready.
    pub fn start() {
        let on_message = Closure::<dyn FnMut(JsValue)>::new(|event: JsValue| {
            let data = Reflect::get(&event, &"data".into()).unwrap_or_default();
            if open_part(&data).is_none() {
                post("failed", &JsValue::TRUE, None);
            }
        });
        let _ = Reflect::set(&js_sys::global(), &"onmessage".into(), on_message.as_ref());
        // The handler lives as long as the worker.
        on_message.forget();
        post("ready", &JsValue::TRUE, None);
    }

    /// Posts `{ name: value }` to the page, moving `transfer`'s buffer to it.
    fn post(name: &str, value: &JsValue, transfer: Option<&Uint8Array>) {
        let message = Object::new();
        let _ = Reflect::set(&message, &name.into(), value);
        let global = js_sys::global();
        let moved = transfer.map_or_else(Array::new, |t| Array::of1(&t.buffer()));
        if let Ok(post) =
            Reflect::get(&global, &"postMessage".into()).and_then(|f| f.dyn_into::<Function>())
        {
            let _ = post.call2(&global, &message, &moved);
        }
    }

    /// Opens the part `data` names, posting what it opens; `None` at the first thing that fails.
    fn open_part(data: &JsValue) -> Option<()> {
        let field = |name: &str| Reflect::get(data, &name.into()).ok();
        let number = |name: &str| field(name)?.as_f64().map(|n| n as usize);
        let bytes = field("bytes")?.dyn_into::<Uint8Array>().ok()?.to_vec();
        let key_field = field("key")?.dyn_into::<Uint8Array>().ok()?;
        let mut key_bytes = zeroize::Zeroizing::new([0u8; 32]);
        if key_field.length() as usize != key_bytes.len() {
            return None;
        }
        key_field.copy_to(&mut key_bytes[..]);
        key_field.fill(0, 0, key_field.length());
        let key = PrivateKey::from_bytes(&key_bytes);
        let (start, end, step) = (number("start")?, number("end")?, number("step")?.max(1));
        let mut opener = PartOpener::new(&bytes, &key, start..end).ok()?;
        drop(bytes);
        while !opener.is_done() {
            let chunk = Uint8Array::from(&opener.open_some(step).ok()?[..]);
            post("chunk", &chunk, Some(&chunk));
        }
        Some(())
    }
}
