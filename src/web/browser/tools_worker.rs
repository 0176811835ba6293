//! The page's side of the tools worker (`src/worker`): the second wasm module with the
//! exports and imports, started the first time one of them is used — never on the first
//! load. Requests go out as JSON with an id, answers come back to the caller that asked;
//! until the worker says it is ready, requests wait in a queue. A worker that cannot load
//! or stops answers every waiting request with `Response::Failed`, and the next request
//! starts a fresh one: a visible message, never a dead page.

use std::cell::RefCell;

use ise_planner::tools::{Envelope, Request, Response};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker's loader script (`src/worker/ise-planner-tools-loader.js`), beside the page.
const LOADER: &str = "./ise-planner-tools-loader.js";

/// What is called with the answer to a request.
pub type Reply = Box<dyn FnOnce(Response)>;

/// A running worker and what it holds on to.
struct Running {
    worker: Worker,
    ready: bool,
    /// Requests sent before the worker was ready (it would have dropped them).
    queue: Vec<String>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

#[derive(Default)]
struct Client {
    running: Option<Running>,
    /// Requests sent and not answered yet, by id (a few at most).
    waiting: Vec<(u32, Reply)>,
    next_id: u32,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// Sends `request` to the tools worker (starting it if needed); `reply` is called once with
/// the answer, or with `Response::Failed` when the worker cannot serve it. Returns the
/// request's id: a caller that sends again can ignore answers to older ids.
/// Not generic over `reply`, so that its code is in the page once, not once per caller.
pub fn send(request: Request, reply: Reply) -> u32 {
    let mut reply = Some(reply);
    let (id, problem) = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        c.next_id = c.next_id.wrapping_add(1).max(1);
        let id = c.next_id;
        let text = serde_json::to_string(&Envelope { id, body: request }).unwrap_or_default();
        if c.running.is_none() {
            match start() {
                Ok(running) => c.running = Some(running),
                Err(message) => return (id, Some(message)),
            }
        }
        if let Some(reply) = reply.take() {
            c.waiting.push((id, reply));
        }
        let Some(r) = c.running.as_mut() else {
            return (id, None);
        };
        if !r.ready {
            r.queue.push(text);
            return (id, None);
        }
        match r.worker.post_message(&JsValue::from_str(&text)) {
            Ok(()) => (id, None),
            Err(e) => (
                id,
                Some(format!("the request could not be sent ({})", describe(&e))),
            ),
        }
    });
    if let Some(message) = problem {
        match reply.take() {
            Some(reply) => reply(Response::Failed { message }),
            None => fail_all(&message),
        }
    }
    id
}

fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "the browser refused".into())
}

/// Starts the worker and listens to it.
fn start() -> Result<Running, String> {
    // The single-file edition carries the worker inline and names its Blob URL here; the
    // served page loads it beside itself, the version in the query keeping a cached worker of
    // another version from answering.
    let url = js_sys::Reflect::get(&js_sys::global(), &"iseToolsWorker".into())
        .ok()
        .and_then(|u| u.as_string())
        .unwrap_or_else(|| format!("{LOADER}?v={}", env!("CARGO_PKG_VERSION")));
    let worker = Worker::new(&url)
        .map_err(|e| format!("the browser did not start the tools ({})", describe(&e)))?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(|event: MessageEvent| {
        if let Some(text) = event.data().as_string() {
            received(&text);
        }
    });
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(|event: ErrorEvent| {
        // Handled here: the message goes to the page, not to the console as an uncaught error.
        event.prevent_default();
        let what = event.message();
        fail_all(&if what.is_empty() {
            "the tools could not be loaded".to_string()
        } else {
            format!("the tools could not be loaded or stopped ({what})")
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        ready: false,
        queue: Vec::new(),
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// An answer from the worker.
fn received(text: &str) {
    let parsed = serde_json::from_str::<serde_json::Value>(text).ok();
    let Some(Envelope { id, body }) = parsed.as_ref().and_then(Envelope::from_value) else {
        fail_all("the tools answered something the page cannot read");
        return;
    };
    match body {
        Response::Ready => CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(r) = c.running.as_mut() {
                r.ready = true;
                for text in std::mem::take(&mut r.queue) {
                    let _ = r.worker.post_message(&JsValue::from_str(&text));
                }
            }
        }),
        Response::Failed { message } if id == 0 => fail_all(&message),
        body => {
            let reply = CLIENT.with(|c| {
                let mut c = c.borrow_mut();
                let at = c.waiting.iter().position(|(waiting, _)| *waiting == id)?;
                Some(c.waiting.remove(at).1)
            });
            if let Some(reply) = reply {
                reply(body);
            }
        }
    }
}

/// Stops the worker and answers every waiting request with the failure; the next request
/// starts a new worker.
fn fail_all(message: &str) {
    let (running, waiting) = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        (c.running.take(), std::mem::take(&mut c.waiting))
    });
    if let Some(r) = running {
        r.worker.terminate();
        // The listeners must outlive this event (it is being dispatched to one of them).
        std::mem::forget(r._on_message);
        std::mem::forget(r._on_error);
    }
    for (_, reply) in waiting {
        reply(Response::Failed {
            message: message.to_string(),
        });
    }
}
