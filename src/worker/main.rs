//! The tools worker: a second wasm module, loaded by the page only when an export, an import
//! or the Service Tags import is first used, so that their code never weighs on the first
//! load. It takes each request's JSON from a message, serves it with
//! `ise_planner::tools::handle_json` and posts the answer back; all logic is in the core.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    // Should anything ever panic, the page hears why (and starts a fresh worker) instead of
    // waiting for an answer that cannot come.
    {
        let scope = scope.clone();
        std::panic::set_hook(Box::new(move |info| {
            let failed = ise_planner::tools::to_json(&ise_planner::tools::Envelope {
                id: 0,
                body: ise_planner::tools::Response::Failed {
                    message: format!("the tools stopped with an internal error: {info}"),
                },
            });
            let _ = scope.post_message(&JsValue::from_str(&failed));
        }));
    }
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = match event.data().as_string() {
            Some(text) => ise_planner::tools::handle_json(&text),
            None => ise_planner::tools::handle_json(""),
        };
        let _ = reply_to.post_message(&JsValue::from_str(&answer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before this handler existed were dropped: the page waits for this.
    let ready = ise_planner::tools::to_json(&ise_planner::tools::Envelope {
        id: 0,
        body: ise_planner::tools::Response::Ready,
    });
    let _ = scope.post_message(&JsValue::from_str(&ready));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The ISE Network Planner tools worker is built for wasm32 with Trunk, beside the page: run scripts/serve.sh (see README.md).");
}
