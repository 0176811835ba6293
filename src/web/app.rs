//! The page: state lifted here (the design), the plan recomputed from it on every edit,
//! autosave, and the layout of the components.

use std::rc::Rc;

use ise_planner::design::Deployment;
use ise_planner::plan;
use yew::prelude::*;

use crate::browser;
use crate::components::address_map::AddressMap;
use crate::components::checklist::Checklist;
use crate::components::environment_form::EnvironmentForm;
use crate::components::findings_panel::{FindingsPanel, Summary};
use crate::components::network_form::NetworkForm;
use crate::components::requests::Requests;
use crate::components::routes_table::RoutesTable;
use crate::components::rules_table::RulesTables;
use crate::components::subnets_table::SubnetsTable;
use crate::components::toolbar::Toolbar;
use crate::state::{self, Action, Edit, Notice};

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(state::initial);
    let design = state.design.clone();
    let plan = use_memo(design.clone(), |d| plan(d));
    let saved = use_state(|| true);
    {
        let saved = saved.clone();
        use_effect_with(design.clone(), move |d| saved.set(state::autosave(d)));
    }
    {
        // A share link pasted into this open tab changes only the fragment: open it too.
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_hash_change(move || {
                if let Some(action) = state::from_hash() {
                    state.dispatch(action);
                }
            });
            move || drop(listener)
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
            state.dispatch(Action::Notice(Some(Notice { text, is_problem })))
        })
    };
    let dismiss = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Notice(None)))
    };
    let stem = state::file_stem(&design);
    html! {
        <>
            <header class="page-header">
                <div class="title">
                    <h1>{ "ISE Network Planner" }</h1>
                    <p class="tagline">{ "Plan the subnets, NSG rules, routes and REST request of an Azure Logic Apps integration service environment — in this browser, offline, nothing sent anywhere." }</p>
                    <p class="retired">{ "Azure retired ISE on 2024-08-31. This planner remains useful to audit and document existing designs and to reproduce their network requirements." }</p>
                </div>
                <Toolbar design={design.clone()} dispatch={dispatch} />
            </header>
            if let Some(n) = &state.notice {
                <div class={classes!("notice", n.is_problem.then_some("problem"))} role={if n.is_problem { "alert" } else { "status" }}>
                    <span id="notice-text">{ &n.text }</span>
                    <button type="button" class="small" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            <Summary plan={plan.clone()} />
            if !*saved { <p class="notice problem" role="alert">{ "This browser did not let the page save the design; use Save design to keep it." }</p> }
            <main class="layout">
                <div class="inputs">
                    <EnvironmentForm design={design.clone()} plan={plan.clone()} on_edit={on_edit.clone()} />
                    <NetworkForm design={design.clone()} plan={plan.clone()} on_edit={on_edit.clone()} on_notice={on_notice} />
                </div>
                <div class="outputs">
                    <PrintedInputs design={design.clone()} />
                    <SubnetsTable design={design.clone()} plan={plan.clone()} on_edit={on_edit.clone()} />
                    <AddressMap plan={plan.clone()} />
                    <RulesTables plan={plan.clone()} />
                    <RoutesTable plan={plan.clone()} />
                    <Requests plan={plan.clone()} stem={stem} />
                    <Checklist plan={plan.clone()} />
                    <FindingsPanel plan={plan.clone()} />
                </div>
            </main>
            <footer class="page-footer">
                <p>{ "Rules follow Microsoft's \"Connect to Azure virtual networks with an ISE\" and \"Create ISEs with the Logic Apps REST API\"; each rule names the table row it implements. Your design stays in this browser." }</p>
            </footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct PrintedProps {
    design: Rc<ise_planner::Design>,
}

/// The inputs in brief, shown only when printing (the forms are hidden then).
#[function_component]
fn PrintedInputs(props: &PrintedProps) -> Html {
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
                "{:?}, additional capacity {}",
                d.sku,
                d.additional_capacity.as_str()
            ),
        ),
        ("Access endpoint", format!("{:?}", d.access_endpoint)),
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
            format!("{}: {}", d.vnet.name, d.vnet.address_prefixes.join(", ")),
        ),
        (
            "Existing subnets",
            d.vnet.existing_subnets.len().to_string(),
        ),
        (
            "Forced tunneling",
            if d.forced_tunneling.is_on() {
                "yes".into()
            } else {
                "no".into()
            },
        ),
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
