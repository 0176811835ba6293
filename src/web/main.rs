//! The web page: a thin Yew shell over the planning library. Components own view state
//! only; every business rule comes from `ise_planner::plan`.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod state;

#[cfg(target_arch = "wasm32")]
fn main() {
    browser::panic_hook::install();
    // A share link is unpacked by the browser (asynchronously) before the app starts. The
    // app owns `#app` only: the HTML shell around it (title, messages, `#panic`) stays,
    // whatever happens inside.
    wasm_bindgen_futures::spawn_local(async {
        state::read_link_at_start().await;
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"));
        match root {
            Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
            None => yew::Renderer::<app::App>::new().render(),
        };
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The ISE Network Planner page is built for wasm32 with Trunk: run scripts/serve.sh (see README.md).");
}
