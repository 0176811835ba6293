//! The imperative shell: every browser API the page uses — local storage, the URL fragment,
//! page events (other tabs' storage writes too), focus, the clipboard, downloads, printing,
//! and the browser's raw DEFLATE streams for share links — with the tools worker
//! ([`tools_worker`]) and the panic hook ([`panic_hook`]). Nothing here knows about ISEs.

pub mod panic_hook;
pub mod tools_worker;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// A value from local storage.
pub fn storage_get(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// Stores a value in local storage; false when storage is full or disabled.
pub fn storage_set(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Stores a value and reads it back: true only when storage now holds exactly `value`.
pub fn storage_set_confirmed(key: &str, value: &str) -> bool {
    storage_set(key, value) && storage_get(key).is_some_and(|v| v == value)
}

/// Removes a value from local storage.
pub fn storage_remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Every key in local storage.
pub fn storage_keys() -> Vec<String> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    (0..s.length().unwrap_or(0))
        .filter_map(|i| s.key(i).ok().flatten())
        .collect()
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

/// What a listener holds on to: where it listens, for what, and the callback.
type Registration = (
    web_sys::EventTarget,
    &'static str,
    wasm_bindgen::closure::Closure<dyn Fn(web_sys::Event)>,
);

/// A listener for a DOM event; it stops listening when dropped.
pub struct Listener(Option<Registration>);

fn listen(
    target: Option<web_sys::EventTarget>,
    event: &'static str,
    f: impl Fn() + 'static,
) -> Listener {
    listen_to(target, event, move |_| f())
}

fn listen_to(
    target: Option<web_sys::EventTarget>,
    event: &'static str,
    f: impl Fn(web_sys::Event) + 'static,
) -> Listener {
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(f);
    Listener(target.and_then(|t| {
        t.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
            .ok()?;
        Some((t, event, closure))
    }))
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some((target, event, closure)) = self.0.take() {
            let _ =
                target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
    }
}

/// Calls `f` whenever the URL fragment changes (a share link pasted into an open tab).
pub fn on_hash_change(f: impl Fn() + 'static) -> Listener {
    listen(window().map(Into::into), "hashchange", f)
}

/// Calls `f(key, new value)` when another tab of this page changes local storage (`None`:
/// the key was removed). A tab is never told of its own writes.
pub fn on_other_tab_storage(f: impl Fn(String, Option<String>) + 'static) -> Listener {
    listen_to(window().map(Into::into), "storage", move |e| {
        if let Ok(e) = e.dyn_into::<web_sys::StorageEvent>() {
            if let Some(key) = e.key() {
                f(key, e.new_value())
            }
        }
    })
}

/// Calls `f` on each `event` at the window (`pointerup`…).
pub fn on_window(event: &'static str, f: impl Fn() + 'static) -> Listener {
    listen(window().map(Into::into), event, f)
}

/// Calls `f` when the page is hidden (another tab, the window minimised) or closed, the
/// last moments it can surely save.
pub fn on_page_hidden(f: impl Fn() + 'static) -> [Listener; 2] {
    let f = std::rc::Rc::new(f);
    let document = window().and_then(|w| w.document());
    let hidden = document.clone();
    let g = f.clone();
    [
        listen(document.map(Into::into), "visibilitychange", move || {
            if hidden.as_ref().is_some_and(|d| d.hidden()) {
                g()
            }
        }),
        listen(window().map(Into::into), "pagehide", move || f()),
    ]
}

/// Calls `f` once the next frame has been painted (a timer after the frame's animation
/// callbacks): what the page shows first is on screen before `f` adds more. A hidden page
/// gets no frames: there, after a timer alone.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let pending = std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
    let run = move || {
        if let Some(f) = pending.take() {
            f();
        }
    };
    let hidden = window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.hidden());
    let framed = run.clone();
    let after = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo_timers::callback::Timeout::new(0, framed).forget();
    });
    let asked = !hidden
        && window().is_some_and(|w| w.request_animation_frame(after.unchecked_ref()).is_ok());
    if !asked {
        gloo_timers::callback::Timeout::new(0, run).forget();
    }
}

/// The local date and time to the minute, `2026-11-23 15:42`.
pub fn local_time() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// Moves keyboard focus to the element with this id, scrolling it into view; false when
/// there is none.
pub fn focus_id(id: &str) -> bool {
    let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    el.scroll_into_view_with_bool(false);
    el.focus().is_ok()
}

/// Selects line `line` (from 0) of a textarea, so a finding about one entry of a list
/// lands on it.
pub fn select_line(id: &str, line: usize) {
    let Some(area) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let text = area.value();
    // Offsets count UTF-16 code units, as the DOM does.
    let mut start = 0u32;
    for (n, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if n == line {
            let _ = area.set_selection_range(start, start + len);
            return;
        }
        start += len + 1;
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

/// Why the browser could not inflate a share link's design.
pub enum Inflate {
    /// It inflates to more than the limit (a "deflate bomb"): reading stopped there.
    TooLarge,
    /// It is not raw DEFLATE data, or the browser has no `DecompressionStream`.
    Failed,
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `CompressionStream` (web-sys has it only behind its unstable APIs).
    #[wasm_bindgen(js_name = CompressionStream)]
    type CompressionStream;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    /// The browser's `DecompressionStream`.
    #[wasm_bindgen(js_name = DecompressionStream)]
    type DecompressionStream;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// Compresses bytes with the browser's raw DEFLATE (`CompressionStream("deflate-raw")`, the
/// format of share links).
pub async fn deflate_raw(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let stream = CompressionStream::new("deflate-raw")
        .map_err(|_| "this browser cannot compress (no CompressionStream)".to_string())?;
    read_all(pipe(bytes, stream.unchecked_ref())?, usize::MAX)
        .await
        .map_err(|_| "the browser could not compress the design".to_string())
}

/// Inflates raw DEFLATE bytes with the browser (`DecompressionStream("deflate-raw")`),
/// stopping as soon as more than `limit` bytes come out.
pub async fn inflate_raw(bytes: &[u8], limit: usize) -> Result<Vec<u8>, Inflate> {
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| Inflate::Failed)?;
    let readable = pipe(bytes, stream.unchecked_ref()).map_err(|_| Inflate::Failed)?;
    read_all(readable, limit).await
}

/// `bytes` piped through a transform stream: its readable side.
fn pipe(
    bytes: &[u8],
    transform: &web_sys::ReadableWritablePair,
) -> Result<web_sys::ReadableStream, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(js_error)?;
    Ok(blob.stream().pipe_through(transform))
}

/// Reads a byte stream to its end, cancelling it once more than `limit` bytes arrived.
async fn read_all(stream: web_sys::ReadableStream, limit: usize) -> Result<Vec<u8>, Inflate> {
    let reader = web_sys::ReadableStreamDefaultReader::new(&stream).map_err(|_| Inflate::Failed)?;
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Inflate::Failed)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(out);
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| Inflate::Failed)?;
        let bytes = value
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| Inflate::Failed)?;
        if out.len() + bytes.length() as usize > limit {
            let _ = reader.cancel();
            return Err(Inflate::TooLarge);
        }
        let start = out.len();
        out.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut out[start..]);
    }
}
