//! The Logic Apps Standard network's own inputs: where the logic app runs, the subnets'
//! sizes, names and pinned prefixes, whether they take the ISE's space once it is deleted,
//! and the logic app, storage account, plan or environment they serve.

use ise_planner::design::{Hosting, Resource, StandardSubnetSpec, TypedNumber};
use ise_planner::standard::sizes::{ASE_SIZE_HELP, INTEGRATION_SIZE_HELP};
use yew::prelude::*;

use super::fields::{
    check_field, chooser, radio_group, setter, text_field, CheckProps, Choice, FormProps,
    RadioProps, TextFieldProps,
};

const HOSTING: &[Choice] = &[
    ("workflowStandard", "Workflow Standard plan",
     "A Workflow Standard (WS) App Service plan joined to the VNet by VNet integration: a subnet delegated to Microsoft.Web/serverFarms for its outbound traffic, private endpoints for inbound."),
    ("appServiceEnvironment", "App Service Environment v3",
     "The logic app runs inside the VNet in an App Service Environment v3, in a subnet of its own delegated to Microsoft.Web/hostingEnvironments."),
];

pub fn standard_form(props: &FormProps) -> Html {
    let (d, plan, e) = (&props.design, &props.plan, &props.on_edit);
    let s = &d.standard;
    let ase = s.hosting == Hosting::AppServiceEnvironment;
    html! {
        <section class="card inputs" id="standard-inputs" aria-labelledby="standard-inputs-title">
            <h2 id="standard-inputs-title">{ "Logic Apps Standard" }</h2>
            { radio_group(&yew::props!(RadioProps { id: "f-standard-hosting", legend: "Where the logic app runs", choices: HOSTING, selected: if ase { "appServiceEnvironment" } else { "workflowStandard" }, on_change: chooser(e, |d, v: &str| d.standard.hosting = if v == "appServiceEnvironment" { Hosting::AppServiceEnvironment } else { Hosting::WorkflowStandard }) })) }
            if ase {
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "standard.aseSubnetSize", inputmode: "numeric", value: s.ase_subnet_size.as_str().to_string(), on_input: setter(e, |d, v: String| d.standard.ase_subnet_size = TypedNumber(v)), help: ASE_SIZE_HELP })) }
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "standard.aseName", value: s.ase_name.clone(), on_input: setter(e, |d, v: String| d.standard.ase_name = v) })) }
            } else {
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "standard.integrationSubnetSize", inputmode: "numeric", value: s.integration_subnet_size.as_str().to_string(), on_input: setter(e, |d, v: String| d.standard.integration_subnet_size = TypedNumber(v)), help: INTEGRATION_SIZE_HELP })) }
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "standard.planName", value: s.plan_name.clone(), on_input: setter(e, |d, v: String| d.standard.plan_name = v) })) }
            }
            { check_field(&yew::props!(CheckProps { id: "f-standard-reuseIseSpace", label: "Place the new subnets in the ISE's address space (once the ISE is deleted)", checked: s.reuse_ise_space, on_change: chooser(e, |d, on: bool| d.standard.reuse_ise_space = on), help: "Otherwise they avoid the ISE's subnets, so that both run side by side while the workflows move." })) }
            { resource(props, "standard.logicApp", &s.logic_app, |d| &mut d.standard.logic_app) }
            { resource(props, "standard.storageAccount", &s.storage_account, |d| &mut d.standard.storage_account) }
            <h3>{ "Subnets" }</h3>
            if ase {
                { subnet(props, "standard.aseSubnet", &s.ase_subnet, |d| &mut d.standard.ase_subnet) }
            } else {
                { subnet(props, "standard.integrationSubnet", &s.integration_subnet, |d| &mut d.standard.integration_subnet) }
            }
            { subnet(props, "standard.privateEndpointSubnet", &s.private_endpoint_subnet, |d| &mut d.standard.private_endpoint_subnet) }
        </section>
    }
}

/// Where a resource sits in the design.
type ResourceAt = fn(&mut ise_planner::Design) -> &mut Resource;

/// A resource's name, and whether it exists already.
fn resource(props: &FormProps, field: &'static str, r: &Resource, at: ResourceAt) -> Html {
    let e = &props.on_edit;
    let on_name = {
        let on_edit = e.clone();
        Callback::from(move |v: String| {
            on_edit.emit(crate::state::Edit::typed(move |d| at(d).name = v.clone()))
        })
    };
    let on_exists = {
        let on_edit = e.clone();
        Callback::from(move |exists: bool| {
            on_edit.emit(crate::state::Edit::new(move |d| at(d).is_new = !exists))
        })
    };
    let id = format!("f-{}-exists", field.replace('.', "-"));
    html! {
        <div class="field-row">
            { text_field(&yew::props!(TextFieldProps { plan: props.plan.clone(), field: format!("{field}.name"), value: r.name.clone(), on_input: on_name })) }
            { check_field(&yew::props!(CheckProps { id, label: "It exists already (apply the settings to it)", checked: !r.is_new, on_change: on_exists })) }
        </div>
    }
}

/// Where a subnet sits in the design.
type SubnetAt = fn(&mut ise_planner::Design) -> &mut StandardSubnetSpec;

/// A subnet's name, and a prefix when the user pins one.
fn subnet(props: &FormProps, field: &'static str, spec: &StandardSubnetSpec, at: SubnetAt) -> Html {
    let e = &props.on_edit;
    let typed = |set: fn(&mut StandardSubnetSpec, String)| {
        let on_edit = e.clone();
        Callback::from(move |v: String| {
            on_edit.emit(crate::state::Edit::typed(move |d| set(at(d), v.clone())))
        })
    };
    html! {
        <div class="field-row">
            { text_field(&yew::props!(TextFieldProps { plan: props.plan.clone(), field: format!("{field}.name"), value: spec.name.clone(), on_input: typed(|s, v| s.name = v) })) }
            { text_field(&yew::props!(TextFieldProps { plan: props.plan.clone(), field: format!("{field}.prefix"), value: spec.prefix.clone(), placeholder: "automatic", on_input: typed(|s, v| s.prefix = v.trim().to_string()), help: "Empty: the planner chooses it." })) }
        </div>
    }
}
