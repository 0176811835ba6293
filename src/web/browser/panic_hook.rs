//! Shows a readable message instead of a dead page, should the app ever panic (a page
//! translator or an extension changing the DOM behind Yew's back can make it): the design is
//! saved at once, and `#panic` — outside the app's root — says so, with a reload button.

use wasm_bindgen::{JsCast, JsValue};

use crate::state;

/// Installs the hook through Yew, so that mounting the app does not replace it with Yew's
/// own (which only logs to the console). Call it before rendering.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let saved = state::save_latest();
        let kept = match saved {
            Some(true) => "Your design is saved in this browser; reload the page to continue.",
            _ => "This browser did not let the page save your latest changes; reload the page to continue from the last saved design.",
        };
        let message = format!(
            "Sorry — ISE Network Planner hit an internal error and stopped. {kept} If it happens again, please report: {info}"
        );
        web_sys::console::error_1(&message.as_str().into());
        show(&message);
    }));
}

/// Puts the message and a reload button into `#panic` (made anew if something removed it)
/// and shows it. The button reloads through the browser alone (`location.reload` bound to
/// the page's location), so it works however stopped the app's WebAssembly is.
fn show(message: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let panel = document.get_element_by_id("panic").or_else(|| {
        let el = document.create_element("div").ok()?;
        el.set_id("panic");
        el.set_class_name("panic");
        el.set_attribute("role", "alert").ok()?;
        let parent = document
            .body()
            .map(Into::<web_sys::Element>::into)
            .or_else(|| document.document_element())?;
        parent.prepend_with_node_1(&el).ok()?;
        Some(el)
    });
    let Some(panel) = panel else {
        return;
    };
    panel.set_text_content(None);
    if let Ok(text) = document.create_element("p") {
        text.set_id("panic-text");
        text.set_text_content(Some(message));
        let _ = panel.append_child(&text);
    }
    if let Ok(button) = document.create_element("button") {
        button.set_id("panic-reload");
        let _ = button.set_attribute("type", "button");
        button.set_text_content(Some("Reload the page"));
        let location: JsValue = window.location().into();
        if let Some(reload) = js_sys::Reflect::get(&location, &"reload".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let bound = reload.bind0(&location);
            let _ = button.add_event_listener_with_callback("click", &bound);
        }
        let _ = panel.append_child(&button);
    }
    if let Ok(panel) = panel.dyn_into::<web_sys::HtmlElement>() {
        panel.set_hidden(false);
        panel.scroll_into_view();
    }
}
