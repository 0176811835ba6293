//! The Standard view's plan: asked of the tools worker (the Standard planner never runs in the
//! page's first load) when the view is open and the design changes — at once when the view
//! opens, after a short pause while the user types — only the latest answer shown.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use ise_planner::findings::{Counts, Finding, Severity};
use ise_planner::tools::{Request, Response, StandardView};
use ise_planner::{Design, Plan};
use yew::prelude::*;

use crate::app::settled::Planned;
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
        view: Shared<StandardView>,
        for_design: Shared<Design>,
    },
    /// The worker could not plan it: why.
    Failed(String),
}

/// The Standard plan of `design`, while `open`; `retry` changes to ask again after a failure.
/// Asked at once when the view opens and on a retry, otherwise once edits pause.
#[hook]
pub fn use_standard(design: Shared<Design>, open: bool, retry: u32) -> UseStateHandle<Standard> {
    let state = use_state(|| Standard::Preparing);
    let latest = use_mut_ref(|| 0u32);
    let timer = use_mut_ref(|| None::<Timeout>);
    // The retry count of the last request while the view is open; none once it closes.
    let asked = use_mut_ref(|| None::<u32>);
    {
        let state = state.clone();
        use_effect_with((design, open, retry), move |(design, open, retry)| {
            if !*open {
                timer.borrow_mut().take();
                asked.borrow_mut().take();
                return;
            }
            let immediate = asked.borrow().is_none_or(|r| r != *retry);
            if immediate && matches!(&*state, Standard::Failed(_)) {
                state.set(Standard::Preparing);
            }
            *asked.borrow_mut() = Some(*retry);
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
                        if *latest.borrow() == ticket {
                            state.set(answer(response, design));
                        }
                    }),
                );
            };
            let delay = if immediate { 0 } else { DEBOUNCE_MS };
            *timer.borrow_mut() = Some(Timeout::new(delay, ask));
        });
    }
    state
}

/// What the worker's answer to a Standard request for `design` means for the view.
fn answer(response: Response, design: Shared<Design>) -> Standard {
    match response {
        Response::StandardView { view } => Standard::Ready {
            view: Shared(Rc::new(view)),
            for_design: design,
        },
        Response::Refused { message } | Response::Failed { message } => Standard::Failed(message),
        _ => Standard::Failed("the tools gave an unexpected answer".into()),
    }
}

/// The Standard findings on screen, and what they were made from.
struct Shown {
    view: Shared<StandardView>,
    ise: Shared<Plan>,
    plan: Shared<Plan>,
}

/// The plan the forms and the status line follow: the settled ISE plan, and in the Standard
/// view the same with the Standard findings of the settled design — until its answer arrives,
/// the last ones shown — so that they too wait for the user to pause.
#[hook]
pub fn use_shown(settled: &Planned, standard: &Standard, open: bool) -> Shared<Plan> {
    let last = use_mut_ref(|| None::<Shown>);
    let mut last = last.borrow_mut();
    if !open {
        *last = None;
        return settled.1.clone();
    }
    if let Standard::Ready { view, for_design } = standard {
        let (design, ise) = settled;
        let made = last
            .as_ref()
            .is_some_and(|s| s.view == *view && s.ise == *ise);
        // Compared by identity: the reducer makes a new design only when an edit changed it.
        if !made && for_design == design {
            *last = Some(Shown {
                view: view.clone(),
                ise: ise.clone(),
                plan: Shared(Rc::new(with_standard_findings(ise, view))),
            });
        }
    }
    last.as_ref()
        .map_or_else(|| settled.1.clone(), |s| s.plan.clone())
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
            // Our own worker names every severity; were one unknown, it would not hide as a note.
            severity: Severity::named(&f.severity).unwrap_or(Severity::Error),
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
