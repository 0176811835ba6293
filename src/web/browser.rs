//! The imperative shell: every browser API the page uses — local storage, the URL fragment,
//! the clipboard, downloads, printing. Nothing here knows about ISEs.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// A value from local storage.
pub fn storage_get(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Stores a value in local storage; false when storage is full or disabled.
pub fn storage_set(key: &str, value: &str) -> bool {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some_and(|s| s.set_item(key, value).is_ok())
}

/// The URL fragment without `#`.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// The page's URL without the fragment.
pub fn url_without_hash() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Removes the fragment from the address bar without reloading or adding history.
pub fn clear_hash() {
    if let Some(w) = window() {
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url_without_hash()));
        }
    }
}

/// Calls `f` whenever the URL fragment changes (a share link pasted into an open tab);
/// stops when the returned guard is dropped.
pub struct HashListener(Option<(web_sys::Window, wasm_bindgen::closure::Closure<dyn Fn()>)>);

pub fn on_hash_change(f: impl Fn() + 'static) -> HashListener {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    HashListener(window().and_then(|w| {
        w.add_event_listener_with_callback("hashchange", closure.as_ref().unchecked_ref())
            .ok()?;
        Some((w, closure))
    }))
}

impl Drop for HashListener {
    fn drop(&mut self) {
        if let Some((w, closure)) = self.0.take() {
            let _ = w.remove_event_listener_with_callback(
                "hashchange",
                closure.as_ref().unchecked_ref(),
            );
        }
    }
}

fn clipboard() -> Result<web_sys::Clipboard, String> {
    window()
        .map(|w| w.navigator().clipboard())
        .ok_or_else(|| "no clipboard in this browser".to_string())
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "the browser refused".into())
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    JsFuture::from(clipboard()?.write_text(text))
        .await
        .map(|_| ())
        .map_err(js_error)
}

fn blob(content: &str, mime: &str) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_error)
}

/// Puts a table on the clipboard twice over: tab-separated text for spreadsheets and an
/// HTML table for wikis and documents. Falls back to the text alone.
pub async fn copy_table(tsv: &str, html: &str) -> Result<(), String> {
    let record = js_sys::Object::new();
    let rich = (|| -> Result<JsValue, String> {
        js_sys::Reflect::set(
            &record,
            &"text/plain".into(),
            &blob(tsv, "text/plain")?.into(),
        )
        .map_err(js_error)?;
        js_sys::Reflect::set(
            &record,
            &"text/html".into(),
            &blob(html, "text/html")?.into(),
        )
        .map_err(js_error)?;
        let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
            .map_err(js_error)?;
        Ok(js_sys::Array::of1(&item).into())
    })();
    match rich {
        Ok(items) if JsFuture::from(clipboard()?.write(&items)).await.is_ok() => Ok(()),
        _ => copy_text(tsv).await,
    }
}

/// Offers `content` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), String> {
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob(content, mime)?).map_err(js_error)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "no anchor")?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Opens the browser's print dialog (the print stylesheet makes it a summary).
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}
