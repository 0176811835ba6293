// Starts the tools worker (src/worker/main.rs). wasm-bindgen's no-modules glue defines
// wasm_bindgen(); a module that cannot be loaded is rethrown outside the promise, so that the
// page hears of it as the worker's error event instead of waiting in silence.
importScripts('./ise-planner-tools.js');
wasm_bindgen({ module_or_path: './ise-planner-tools_bg.wasm' }).catch((e) => setTimeout(() => { throw e; }));
