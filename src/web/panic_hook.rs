//! Shows a readable message instead of a dead page, should the app ever panic.

use wasm_bindgen::JsCast;

/// Installs the hook: the message goes into `#panic` (in index.html) and the console.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!(
            "Sorry — ISE Network Planner hit an internal error and stopped. Your design is saved in this browser; reload the page to continue. Please report: {info}"
        );
        web_sys::console::error_1(&message.clone().into());
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("panic"))
        {
            el.set_text_content(Some(&message));
            if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
                html.set_hidden(false);
            }
        }
    }));
}
