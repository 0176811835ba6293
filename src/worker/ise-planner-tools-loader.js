// Starts the tools worker (src/worker/main.rs). wasm-bindgen's no-modules glue defines
// wasm_bindgen(). The page names its version in the query (?v=…), passed on to the files
// loaded here, so that a browser cache never pairs a new page with an old worker. A module
// that cannot be loaded is rethrown outside the promise, so that the page hears of it as the
// worker's error event instead of waiting in silence.
const version = self.location.search;
importScripts('./ise-planner-tools.js' + version);
wasm_bindgen({ module_or_path: './ise-planner-tools_bg.wasm' + version }).catch((e) => setTimeout(() => { throw e; }));
