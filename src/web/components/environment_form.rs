//! The environment inputs: subscription, resource group, ISE name, region, SKU, capacity,
//! access endpoint, deployment method and cloud.

use std::rc::Rc;

use ise_planner::design::{AccessEndpoint, Cloud, Deployment, Design, Sku, TypedNumber};
use ise_planner::{regions, Plan};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{FieldFindings, TextField};
use crate::state::Edit;

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub design: Rc<Design>,
    pub plan: Rc<Plan>,
    pub on_edit: Callback<Edit>,
}

/// A callback that writes a typed value into the design.
pub fn setter<T: 'static + Clone>(
    on_edit: &Callback<Edit>,
    set: fn(&mut Design, T),
) -> Callback<T> {
    let on_edit = on_edit.clone();
    Callback::from(move |value: T| on_edit.emit(Edit::new(move |d| set(d, value.clone()))))
}

/// A callback for a `<select>` that writes its value into the design.
pub fn on_select(on_edit: &Callback<Edit>, set: fn(&mut Design, &str)) -> Callback<Event> {
    let on_edit = on_edit.clone();
    Callback::from(move |e: Event| {
        let value = e.target_unchecked_into::<HtmlSelectElement>().value();
        on_edit.emit(Edit::new(move |d| set(d, &value)));
    })
}

#[function_component]
pub fn EnvironmentForm(props: &FormProps) -> Html {
    let d = &props.design;
    let plan = &props.plan;
    let e = &props.on_edit;
    let capacity_disabled = d.sku == Sku::Developer;
    let access_note = match d.access_endpoint {
        AccessEndpoint::Internal => "Internal: request and webhook triggers can be called only from inside the VNet; runs history inputs and outputs are visible only from inside it.",
        AccessEndpoint::External => "External: triggers can be called from the Internet — needed for webhook triggers such as Azure DevOps, Event Grid, Common Data Service, Office 365 and SAP. Port 443 opens to Internet and Traffic Manager uses 443.",
    };
    let on_access = {
        let on_edit = e.clone();
        move |value: AccessEndpoint| {
            let on_edit = on_edit.clone();
            Callback::from(move |_| on_edit.emit(Edit::new(move |d| d.access_endpoint = value)))
        }
    };
    html! {
        <fieldset class="card">
            <legend>{ "Environment" }</legend>
            <TextField plan={plan.clone()} field="subscriptionId" label="Subscription ID" value={d.subscription_id.clone()}
                on_input={setter(e, |d, v: String| d.subscription_id = v)} placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" />
            <TextField plan={plan.clone()} field="resourceGroup" label="Resource group" value={d.resource_group.clone()}
                on_input={setter(e, |d, v: String| d.resource_group = v)} />
            <TextField plan={plan.clone()} field="name" label="ISE name" value={d.name.clone()}
                on_input={setter(e, |d, v: String| d.name = v)} help="Letters, numbers, '-', '_' and '.'." />
            <div class="field-row">
                <div class="field">
                    <label for="f-cloud">{ "Cloud" }</label>
                    <select id="f-cloud" onchange={on_select(e, |d, v| d.cloud = match v { "government" => Cloud::Government, "china" => Cloud::China, _ => Cloud::Public })}>
                        { for [Cloud::Public, Cloud::Government, Cloud::China].into_iter().map(|c| html! {
                            <option value={cloud_value(c)} selected={d.cloud == c}>{ c.display_name() }</option>
                        }) }
                    </select>
                </div>
                <TextField plan={plan.clone()} field="location" label="Region" value={d.location.clone()} list="region-list"
                    on_input={setter(e, |d, v: String| d.location = v)} help="The VNet's region, such as westeurope." />
            </div>
            <datalist id="region-list">
                { for regions::of_cloud(d.cloud).map(|r| html! { <option value={r.name}>{ r.display_name }</option> }) }
            </datalist>
            <div class="field-row">
                <div class="field">
                    <label for="f-sku">{ "SKU" }</label>
                    <select id="f-sku" aria-describedby="f-sku-help" onchange={on_select(e, |d, v| d.sku = if v == "Developer" { Sku::Developer } else { Sku::Premium })}>
                        <option value="Premium" selected={d.sku == Sku::Premium}>{ "Premium" }</option>
                        <option value="Developer" selected={d.sku == Sku::Developer}>{ "Developer (no SLA)" }</option>
                    </select>
                    <p id="f-sku-help" class="help">{ "Fixed once the ISE exists." }</p>
                </div>
                <TextField plan={plan.clone()} field="additionalCapacity" label="Additional capacity"
                    value={d.additional_capacity.as_str().to_string()} disabled={capacity_disabled}
                    on_input={setter(e, |d, v: String| d.additional_capacity = TypedNumber(v))}
                    help={if capacity_disabled { "Not applicable to Developer: the request sends capacity 0." } else { "Premium: 0–10 extra processing units on top of the base unit; the request sends this number as sku.capacity." }} />
            </div>
            <div class="field" role="radiogroup" aria-labelledby="access-label" aria-describedby="access-note">
                <span id="access-label" class="label">{ "Access endpoint" }</span>
                <div class="choices">
                    <label><input type="radio" name="access" id="f-accessEndpoint-internal" checked={d.access_endpoint == AccessEndpoint::Internal} onchange={on_access(AccessEndpoint::Internal)} />{ " Internal" }</label>
                    <label><input type="radio" name="access" id="f-accessEndpoint-external" checked={d.access_endpoint == AccessEndpoint::External} onchange={on_access(AccessEndpoint::External)} />{ " External" }</label>
                </div>
                <p id="access-note" class="help">{ access_note }{ " Fixed once the ISE exists." }</p>
            </div>
            <div class="field">
                <label for="f-deployment">{ "Deployment method" }</label>
                <select id="f-deployment" aria-describedby="f-deployment-help" onchange={on_select(e, |d, v| d.deployment = if v == "portal" { Deployment::Portal } else { Deployment::Rest })}>
                    <option value="rest" selected={d.deployment == Deployment::Rest}>{ "REST API, ARM template or PowerShell" }</option>
                    <option value="portal" selected={d.deployment == Deployment::Portal}>{ "Azure portal" }</option>
                </select>
                <p id="f-deployment-help" class="help">{ match d.deployment {
                    Deployment::Rest => "One subnet is delegated to Microsoft.Logic/integrationServiceEnvironments.",
                    Deployment::Portal => "No subnet may be delegated.",
                } }</p>
            </div>
            <FieldFindings plan={plan.clone()} field="sku" />
        </fieldset>
    }
}

pub fn cloud_value(c: Cloud) -> &'static str {
    match c {
        Cloud::Public => "public",
        Cloud::Government => "government",
        Cloud::China => "china",
    }
}
