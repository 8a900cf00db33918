//! Files in and out of the browser: downloads (nothing is uploaded anywhere) and reading picked files.

use wasm_bindgen::JsCast;

/// The file picked in a file field, from its `change` event. The field is emptied, so that
/// picking the same file again is noticed too.
pub fn take_picked(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let picked = input.files().and_then(|f| f.get(0));
    input.set_value("");
    picked
}

/// Offers `bytes` to the person as a file download named `file_name`. The file is made in the
/// browser from a Blob; no request leaves the device.
pub fn download(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not make the file".to_owned())?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not start the download".to_owned())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Give the download a moment to start before the object URL is released.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The bytes of a file the person picked or dropped, if it is at most `max_bytes` long (one of
/// `my_say_core::limits`): its size is checked before a byte is read.
pub async fn read(file: &web_sys::File, max_bytes: u64) -> Result<Vec<u8>, String> {
    if file.size() > max_bytes as f64 {
        return Err(my_say_core::limits::too_large(max_bytes));
    }
    let promise = file.array_buffer();
    let buffer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| format!("the file {} could not be read", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn share_data(bytes: &[u8], file_name: &str) -> Option<js_sys::Object> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/octet-stream");
    let file =
        web_sys::File::new_with_u8_array_sequence_and_options(&parts, file_name, &options).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    Some(data)
}

fn navigator_method(name: &str) -> Option<(web_sys::Navigator, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let method = js_sys::Reflect::get(&navigator, &name.into()).ok()?;
    Some((navigator, method.dyn_into::<js_sys::Function>().ok()?))
}

/// Whether this device can hand a file to another app (the Web Share API with files: tablets
/// and phones mostly).
pub fn can_share_files() -> bool {
    let Some((navigator, can_share)) = navigator_method("canShare") else {
        return false;
    };
    let Some(data) = share_data(&[], "check.mysay") else {
        return false;
    };
    can_share
        .call1(&navigator, &data)
        .map(|v| v.is_truthy())
        .unwrap_or(false)
}

/// Hands `bytes` as a file to another app chosen by the person (email, a shared drive). Returns
/// whether it was shared: false when the person cancelled.
pub async fn share(bytes: &[u8], file_name: &str) -> Result<bool, String> {
    let (navigator, share) =
        navigator_method("share").ok_or("this device cannot share files".to_owned())?;
    let data = share_data(bytes, file_name).ok_or("the browser could not make the file")?;
    let promise: js_sys::Promise = share
        .call1(&navigator, &data)
        .map_err(|_| "the device would not share the file".to_owned())?
        .dyn_into()
        .map_err(|_| "the device would not share the file".to_owned())?;
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Ok(true),
        Err(e) => {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "AbortError" {
                Ok(false)
            } else {
                Err(format!("the device could not share the file ({name})"))
            }
        }
    }
}

/// Sends a file of answers: hands it to another app when `by_share` (see [`share`]), else
/// downloads it. Whether it went: false when the person closed the share sheet, and then nothing
/// was sent.
pub async fn send(bytes: &[u8], file_name: &str, by_share: bool) -> Result<bool, String> {
    if by_share {
        share(bytes, file_name).await
    } else {
        download(bytes, file_name, "application/octet-stream").map(|()| true)
    }
}

/// Puts `text` on the clipboard; whether the browser allowed it.
pub async fn copy_text(text: &str) -> bool {
    match web_sys::window() {
        Some(w) => {
            let promise = w.navigator().clipboard().write_text(text);
            wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
        }
        None => false,
    }
}
