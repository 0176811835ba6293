//! The Standard view's plan: asked of the tools worker (the Standard planner never runs in the
//! page's first load) when the view is open and the design changes — at once when the view
//! opens, after a short pause while the user types — only the latest answer shown.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use ise_planner::findings::{Counts, Finding, Severity};
use ise_planner::tools::{Request, Response, StandardView};
use ise_planner::{Design, Plan};
use yew::prelude::*;

use crate::browser::tools_worker;
use crate::state::Shared;

/// How long edits must pause before the Standard plan is asked for again.
const DEBOUNCE_MS: u32 = 250;

/// Where the Standard plan is.
#[derive(Clone, PartialEq)]
pub enum Standard {
    /// Asked for; nothing to show yet.
    Preparing,
    /// The plan of `for_design` (an earlier design while a newer one is being planned).
    Ready {
        view: Rc<StandardView>,
        for_design: Shared<Design>,
    },
    /// The worker could not plan it: why.
    Failed(String),
}

/// The Standard plan of `design`, while `open`; `retry` changes to ask again after a failure.
#[hook]
pub fn use_standard(design: Shared<Design>, open: bool, retry: u32) -> UseStateHandle<Standard> {
    let state = use_state(|| Standard::Preparing);
    let latest = use_mut_ref(|| 0u32);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let state = state.clone();
        use_effect_with((design, open, retry), move |(design, open, _)| {
            if !*open {
                timer.borrow_mut().take();
                return;
            }
            let shown = matches!(&*state, Standard::Ready { .. });
            let delay = if shown { DEBOUNCE_MS } else { 0 };
            let ticket = {
                let mut l = latest.borrow_mut();
                *l = l.wrapping_add(1);
                *l
            };
            let design = design.clone();
            let ask = move || {
                let request = Request::StandardView {
                    design_json: design.to_json(),
                };
                tools_worker::send(
                    request,
                    Box::new(move |response| {
                        if *latest.borrow() != ticket {
                            return;
                        }
                        state.set(match response {
                            Response::StandardView { view } => Standard::Ready {
                                view: Rc::new(view),
                                for_design: design,
                            },
                            Response::Refused { message } | Response::Failed { message } => {
                                Standard::Failed(message)
                            }
                            _ => Standard::Failed("the tools gave an unexpected answer".into()),
                        });
                    }),
                );
            };
            *timer.borrow_mut() = Some(Timeout::new(delay, ask));
        });
    }
    state
}

thread_local! {
    /// Codes met so far, each kept once for the life of the page.
    static CODES: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A finding code as the page's findings hold it (`&'static str`): codes are a closed set of
/// some hundred, so each distinct one is kept once and never again allocated.
fn interned(code: &str) -> &'static str {
    CODES.with(|codes| {
        let mut codes = codes.borrow_mut();
        if let Some(known) = codes.iter().copied().find(|c| *c == code) {
            return known;
        }
        let kept: &'static str = Box::leak(code.to_string().into_boxed_str());
        codes.push(kept);
        kept
    })
}

/// The ISE plan with the Standard plan's findings in place of its own: what the forms and the
/// status line follow in the Standard view (they show the findings of the plan on screen).
pub fn with_standard_findings(ise: &Plan, view: &StandardView) -> Plan {
    let findings: Vec<Finding> = view
        .findings
        .iter()
        .map(|f| Finding {
            severity: match f.severity.as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                _ => Severity::Info,
            },
            code: interned(&f.code),
            field: f.field.clone(),
            message: f.message.clone(),
        })
        .collect();
    Plan {
        counts: Counts::of(&findings),
        findings,
        ..ise.clone()
    }
}
