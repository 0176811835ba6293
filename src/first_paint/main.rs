//! The page's first-paint module: a small WebAssembly program, apart from the page's full one,
//! that turns the design the page opens with into the four ISE subnets, so the HTML shell can
//! show the answer before the full program has arrived. It reads and plans through the core
//! (`ise::first_view`) and returns plain data; the loader written by `scripts/post_build.py`
//! picks the design (share link › autosave › default), puts the answer into the shell as text
//! and then starts the full program, which replaces it.

/// The packed design of a share link in `fragment` (the URL's hash), for the browser to
/// inflate; `None` when the fragment is not a readable share link.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn link_packed(fragment: &str) -> Option<Vec<u8>> {
    ise_planner::design::share_link::packed_of(fragment)
        .ok()
        .flatten()
}

/// What the loader paints: the inputs the answer follows from, as typed, and the answer.
#[cfg(target_arch = "wasm32")]
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Painted<'a> {
    /// `standard` when the design opens on the Standard view: the loader paints nothing then
    /// (the ISE's subnets are not that view's answer).
    opens_on: ise_planner::design::View,
    address_space: &'a [String],
    vnet_name: &'a str,
    existing_subnets: usize,
    view: ise_planner::ise::first_view::FirstView,
}

/// The first view of the design in `json` (the default design when empty) as JSON, or an
/// empty string when the design cannot be read as it stands (the full program then says why).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn first_view(json: &str) -> String {
    let design = if json.is_empty() {
        ise_planner::Design::default()
    } else {
        match ise_planner::Design::load(json) {
            Ok(loaded) if loaded.dropped.is_empty() => loaded.design,
            _ => return String::new(),
        }
    };
    let painted = Painted {
        opens_on: design.view,
        address_space: &design.vnet.address_prefixes,
        vnet_name: &design.vnet.name,
        existing_subnets: design.vnet.existing_subnet_count(),
        view: ise_planner::ise::first_view::first_view(&design),
    };
    serde_json::to_string(&painted).unwrap_or_default()
}

fn main() {}
