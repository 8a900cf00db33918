//! Browser-only pieces, tested in headless Chromium with wasm-bindgen-test.
//! Run by `npm test` (`cargo test -p my-say-ui --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use my_say_ui::browser::prefs;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn applying_a_locale_sets_html_lang_and_dir() {
    prefs::apply_locale("ar", "rtl");
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(html.get_attribute("dir").as_deref(), Some("rtl"));
    prefs::apply_locale("en", "ltr");
    assert_eq!(html.get_attribute("dir").as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
fn the_language_choice_is_kept_on_the_device() {
    prefs::save_locale("cy");
    assert_eq!(prefs::load_locale().as_deref(), Some("cy"));
    prefs::save_locale("en");
    assert_eq!(prefs::load_locale().as_deref(), Some("en"));
}

#[wasm_bindgen_test]
fn random_ids_come_from_the_browser_and_do_not_repeat() {
    use my_say_ui::browser::clock::random_id;
    let (a, b) = (random_id().unwrap(), random_id().unwrap());
    assert_eq!(a.len(), 32);
    assert!(a
        .bytes()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_ne!(a, b);
    assert_ne!(a, "0".repeat(32));
}

#[wasm_bindgen_test]
async fn a_load_reads_again_when_its_signal_changes_and_drops_an_overtaken_read() {
    use gloo_timers::future::TimeoutFuture;
    use leptos::prelude::*;
    use my_say_ui::load::load;
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    let version = RwSignal::new(0u32);
    // Version 1's read is slow, so version 2's, asked for after it, ends first.
    let loaded = load(move || {
        let v = version.get();
        async move {
            TimeoutFuture::new(if v == 1 { 300 } else { 10 }).await;
            v
        }
    });
    assert_eq!(
        loaded.get_untracked(),
        None,
        "nothing until the first read ends"
    );
    TimeoutFuture::new(100).await;
    assert_eq!(loaded.get_untracked(), Some(0));
    version.set(1);
    TimeoutFuture::new(50).await;
    // The old value stays while the new read runs.
    assert_eq!(loaded.get_untracked(), Some(0));
    version.set(2);
    TimeoutFuture::new(100).await;
    assert_eq!(loaded.get_untracked(), Some(2));
    TimeoutFuture::new(400).await;
    assert_eq!(
        loaded.get_untracked(),
        Some(2),
        "the overtaken read of 1 is dropped"
    );
    drop(owner);
}
