//! The page: state lifted here (the design), the plan recomputed from it on every edit, the
//! *settled* plan the findings and the status region follow (after a pause in typing, or at
//! once when the user leaves a field), the debounced autosave, and the layout: network
//! inputs beside the subnets and map, then routing and environment beside the rest.

use std::rc::Rc;

use std::cell::RefCell;

use gloo_timers::callback::Timeout;
use ise_planner::design::{AccessEndpoint, Deployment, Design, Sku};
use ise_planner::ise::placement;
use ise_planner::{plan, Plan};
use yew::prelude::*;

use crate::browser;
use crate::components::address_map::AddressMap;
use crate::components::checklist::{checklist, ChecklistProps};
use crate::components::environment_form::environment_form;
use crate::components::exports::ExportSection;
use crate::components::fields::FormProps;
use crate::components::findings_panel::{summary, FindingsPanel, SummaryProps};
use crate::components::network_form::network_form;
use crate::components::routes_table::RoutesTable;
use crate::components::routing_form::RoutingForm;
use crate::components::rules_table::RulesTables;
use crate::components::safeguards::Safeguards;
use crate::components::subnets_table::{subnets_table, SubnetsProps};
use crate::components::toolbar::Toolbar;
use crate::state::{self, Action, Edit, Notice, Shared};

/// How long typing must pause before findings show and the status region speaks.
const SETTLE_MS: u32 = 1000;
/// How long typing must pause before the design is saved in the browser.
const AUTOSAVE_MS: u32 = 500;

/// A design and its plan.
type Planned = (Shared<Design>, Shared<Plan>);

/// The allocation note of a plan that moved subnets, kept across the refresh of its placement
/// hints: the refreshed design's plan places the subnets exactly where this one did but no
/// longer says why they moved ("Subnet 3 could not stay at …"), so the page goes on showing
/// this note until the next edit.
struct Carried {
    /// The design whose plan moved subnets.
    from: Shared<Design>,
    /// The refreshed design (known from the render after the refresh).
    to: Option<Shared<Design>>,
    note: AttrValue,
}

/// The note carried over for the design shown, if it is the refreshed one.
fn carried_for(carried: &RefCell<Option<Carried>>, design: &Shared<Design>) -> Option<AttrValue> {
    let mut slot = carried.borrow_mut();
    let c = slot.as_mut()?;
    match &c.to {
        None if c.from == *design => None,
        None => {
            c.to = Some(design.clone());
            Some(c.note.clone())
        }
        Some(to) if to == design => Some(c.note.clone()),
        Some(_) => {
            *slot = None;
            None
        }
    }
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(state::initial);
    // Compared by identity: the reducer makes a new design only when an edit changed it.
    let design = Shared(state.design.clone());
    let plan: Rc<ise_planner::Plan> = use_memo(design.clone(), |d| plan(d));
    let live = Shared(plan.clone());
    let live_pair: Planned = (design.clone(), live.clone());

    // The settled plan: findings and the status region wait for a pause in typing.
    let settled = use_state_eq(|| live_pair.clone());
    let settle_timer = use_mut_ref(|| None::<Timeout>);
    {
        let (setter, timer, typing) = (settled.setter(), settle_timer.clone(), state.typing);
        use_effect_with(live_pair.clone(), move |p: &Planned| {
            let p = p.clone();
            if typing {
                *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || setter.set(p)));
            } else {
                timer.borrow_mut().take();
                setter.set(p);
            }
        });
    }
    // Leaving a field shows its findings at once — but not while a mouse button is down:
    // findings appearing between press and release would move the control being clicked.
    let pointer = use_mut_ref(|| (false, None::<Planned>));
    let settle_now = {
        let (setter, timer, live, pointer) = (
            settled.setter(),
            settle_timer.clone(),
            live_pair.clone(),
            pointer.clone(),
        );
        Callback::from(move |_: FocusEvent| {
            timer.borrow_mut().take();
            let mut p = pointer.borrow_mut();
            if p.0 {
                p.1 = Some(live.clone());
            } else {
                setter.set(live.clone());
            }
        })
    };
    let pointer_down = {
        let pointer = pointer.clone();
        Callback::from(move |_: PointerEvent| pointer.borrow_mut().0 = true)
    };
    {
        let (pointer, setter, timer) = (pointer.clone(), settled.setter(), settle_timer.clone());
        use_effect_with((), move |_| {
            let listener = browser::on_window("pointerup", move || {
                let mut p = pointer.borrow_mut();
                p.0 = false;
                if let Some(plan) = p.1.take() {
                    // After the click that this release completes.
                    let setter = setter.clone();
                    *timer.borrow_mut() = Some(Timeout::new(0, move || setter.set(plan)));
                }
            });
            move || drop(listener)
        });
    }
    let settled_pair = (*settled).clone();
    let settled = settled_pair.1.clone();

    // Placement hints: once a plan settles, each unpinned subnet's block is written into the
    // design (`placed`), so that later edits move no subnet whose block is still valid. The
    // core returns nothing when every hint already says so: no render loop.
    let carried = use_mut_ref(|| None::<Carried>);
    // The design whose hints were last refreshed: a refresh alone does not make a design
    // that storage already holds need saving (another tab's autosave stays as it was).
    let refreshed = use_mut_ref(|| None::<Shared<Design>>);
    {
        let (state, carried, refreshed) = (state.clone(), carried.clone(), refreshed.clone());
        use_effect_with(settled_pair, move |(d, p): &Planned| {
            let Some(next) = placement::with_placements(d, p) else {
                return;
            };
            *refreshed.borrow_mut() = Some(d.clone());
            *carried.borrow_mut() = (!p.allocation.moved.is_empty()).then(|| Carried {
                from: d.clone(),
                to: None,
                note: AttrValue::from(p.allocation.summary.clone()),
            });
            let placed: Vec<String> = next.subnets.iter().map(|s| s.placed.clone()).collect();
            state.dispatch(Action::Edit(Edit::new(move |d| {
                for (spec, placed) in d.subnets.iter_mut().zip(&placed) {
                    if !spec.is_pinned() {
                        spec.placed.clone_from(placed);
                    }
                }
            })));
        });
    }
    let explained_before = carried_for(&carried, &design);

    // Autosave: after a short pause, and at once when the page is hidden or closed.
    let saved = use_state_eq(|| true);
    // The design to save, and whether it differs from what storage holds: a design read from
    // storage does not, one opened from a link (it displaced something: `previous`) does.
    let latest = use_mut_ref(|| (design.0.clone(), state.previous.is_some()));
    let save_timer = use_mut_ref(|| None::<Timeout>);
    {
        let (latest, timer, saved) = (latest.clone(), save_timer.clone(), saved.setter());
        use_effect_with(design.clone(), move |d: &Shared<ise_planner::Design>| {
            if !Rc::ptr_eq(&latest.borrow().0, &d.0) {
                let from = refreshed.borrow_mut().take();
                let (before, dirty) = latest.borrow().clone();
                let clean_refresh = !dirty && from.is_some_and(|f| Rc::ptr_eq(&f.0, &before));
                *latest.borrow_mut() = (d.0.clone(), !clean_refresh);
            }
            if !latest.borrow().1 {
                return;
            }
            let latest = latest.clone();
            *timer.borrow_mut() = Some(Timeout::new(AUTOSAVE_MS, move || {
                if let Some(ok) = flush(&latest) {
                    saved.set(ok);
                }
            }));
        });
    }
    {
        let latest = latest.clone();
        use_effect_with((), move |_| {
            let listeners = browser::on_page_hidden(move || {
                flush(&latest);
            });
            move || drop(listeners)
        });
    }

    let on_edit = {
        let state = state.clone();
        Callback::from(move |edit: Edit| state.dispatch(Action::Edit(edit)))
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let on_notice = {
        let state = state.clone();
        Callback::from(move |(text, is_problem): (String, bool)| {
            state.dispatch(Action::Notice(Some(if is_problem {
                Notice::problem(text)
            } else {
                Notice::info(text)
            })))
        })
    };

    // What each result component shows, recomputed only when the plan is: components
    // compare these and skip rendering when their part did not change.
    let maps = use_memo(live.clone(), |p| p.address_map.clone());
    let rules = use_memo(live.clone(), |p| p.nsg_rules.clone());
    let routes = use_memo(live.clone(), |p| p.routes.clone());
    let endpoints = use_memo(live.clone(), |p| p.service_endpoints.clone());
    let subnet_names = use_memo(live.clone(), |p| {
        p.subnets.iter().map(|s| s.name.clone()).collect::<Vec<_>>()
    });
    let rest = use_memo(live.clone(), |p| p.rest.clone());
    let checklist_items = use_memo(live.clone(), |p| p.checklist.clone());
    let findings = use_memo(settled.clone(), |p| p.findings.clone());
    let stem = state::file_stem(&design);

    html! {
        <>
            // The title, the retirement line, the skip links and the footer are the HTML shell's
            // (index.html): they paint before the wasm runs. The toolbar sits in the header row.
            <Toolbar design={design.clone()} recent={Shared(state.recent.clone())} dispatch={dispatch.clone()} />
            <Safeguards notice={state.notice.clone()} can_undo={state.previous.is_some()} attention={state.attention.clone()} damaged={state.damaged.clone()} dispatch={dispatch.clone()} />
            { summary(&yew::props!(SummaryProps { plan: settled.clone() })) }
            if !*saved { <p class="notice problem" role="alert">{ "This browser did not let the page save the design; use Save design to keep it." }</p> }
            <main class="layout" onfocusout={settle_now} onpointerdown={pointer_down}>
                <div class="area-network">
                    { network_form(&yew::props!(FormProps { design: design.clone(), plan: settled.clone(), on_edit: on_edit.clone(), on_notice: on_notice.clone(), dispatch: dispatch.clone(), generation: state.generation })) }
                </div>
                <div class="area-results">
                    { printed_inputs(&PrintedProps { design: design.clone() }) }
                    { subnets_table(&yew::props!(SubnetsProps { design: design.clone(), plan: live.clone(), settled: settled.clone(), on_edit: on_edit.clone(), generation: state.generation, explained_before: explained_before })) }
                    <AddressMap maps={maps} />
                </div>
                <div class="area-more-inputs">
                    <RoutingForm design={design.clone()} plan={settled.clone()} on_edit={on_edit.clone()} on_notice={on_notice.clone()} />
                    { environment_form(&yew::props!(FormProps { design: design.clone(), plan: settled.clone(), on_edit: on_edit.clone() })) }
                </div>
                <div class="area-outputs">
                    <RulesTables rules={rules} />
                    <RoutesTable route_table={plan.route_table} routes={routes} service_endpoints={endpoints} subnet_names={subnet_names} />
                    <ExportSection design={design.clone()} rest={rest} stem={stem} />
                    { checklist(&ChecklistProps { items: checklist_items }) }
                    <FindingsPanel findings={findings} />
                </div>
            </main>
        </>
    }
}

/// Writes the latest design to local storage if it changed since the last write; the result
/// of the write, or `None` when there was nothing to write.
fn flush(latest: &Rc<std::cell::RefCell<(Rc<ise_planner::Design>, bool)>>) -> Option<bool> {
    let (design, dirty) = latest.borrow().clone();
    if !dirty {
        return None;
    }
    latest.borrow_mut().1 = false;
    Some(state::autosave(&design))
}

#[derive(Properties, PartialEq)]
struct PrintedProps {
    design: Shared<ise_planner::Design>,
}

/// The inputs in brief, shown only when printing (the forms are hidden then).
fn printed_inputs(props: &PrintedProps) -> Html {
    let d = &props.design;
    let rows: Vec<(&str, String)> = vec![
        (
            "ISE",
            format!("{} in {} ({})", d.name, d.resource_group, d.location),
        ),
        ("Subscription", d.subscription_id.clone()),
        (
            "SKU",
            format!(
                "{}, additional capacity {}",
                if d.sku == Sku::Developer {
                    "Developer"
                } else {
                    "Premium"
                },
                d.additional_capacity.as_str()
            ),
        ),
        (
            "Access endpoint",
            if d.access_endpoint == AccessEndpoint::External {
                "External"
            } else {
                "Internal"
            }
            .into(),
        ),
        (
            "Deployment",
            match d.deployment {
                Deployment::Rest => "REST / ARM / PowerShell".into(),
                Deployment::Portal => "Azure portal".into(),
            },
        ),
        ("Cloud", d.cloud.display_name().to_string()),
        (
            "Virtual network",
            format!(
                "{}: {}{}",
                d.vnet.name,
                d.vnet.address_prefixes.join(", "),
                if d.vnet.is_new { " (new)" } else { "" }
            ),
        ),
        (
            "Existing subnets",
            d.vnet
                .existing_subnets
                .iter()
                .filter(|s| !s.prefix.trim().is_empty())
                .count()
                .to_string(),
        ),
        ("Forced tunneling", d.forced_tunneling.label().to_string()),
        (
            "Custom DNS",
            if d.dns_servers.is_empty() {
                "none".into()
            } else {
                d.dns_servers.join(", ")
            },
        ),
    ];
    html! {
        <section class="card print-only" aria-hidden="true">
            <h2>{ "Inputs" }</h2>
            <dl class="inputs-summary">{ for rows.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }</dl>
        </section>
    }
}
