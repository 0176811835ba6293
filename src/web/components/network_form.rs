//! The network inputs, first on the page beside the subnets they decide: the VNet's address
//! space, its existing subnets, its name and resource group, and whether it is new — typed,
//! or imported from an existing VNet.

use yew::prelude::*;

use super::existing_subnets::ExistingSubnets;
use super::fields::{
    check_field, chooser, list_field, setter, text_field, CheckProps, FormProps, ListFieldProps,
    TextFieldProps,
};
use super::vnet_import::VnetImport;

pub fn network_form(props: &FormProps) -> Html {
    let d = &props.design;
    let plan = &props.plan;
    let e = &props.on_edit;
    html! {
        <section class="card inputs network" id="network" aria-labelledby="network-title">
            <h2 id="network-title">{ "Network" }</h2>
            <VnetImport design={d.clone()} dispatch={props.dispatch.clone()} generation={props.generation} />
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "vnet.addressPrefixes", values: d.vnet.address_prefixes.clone(), on_input: setter(e, |d, v: Vec<String>| d.vnet.address_prefixes = v), rows: 2, help: "One IPv4 prefix per line, such as 10.0.0.0/22.", placeholder: "10.0.0.0/22" })) }
            <ExistingSubnets design={d.clone()} plan={plan.clone()} on_edit={e.clone()} on_notice={props.on_notice.clone()} />
            <div class="field-row">
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "vnet.name", value: d.vnet.name.clone(), on_input: setter(e, |d, v: String| d.vnet.name = v) })) }
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "vnet.resourceGroup", label: "VNet resource group", value: d.vnet.resource_group.clone(), placeholder: "same as the ISE", on_input: setter(e, |d, v: String| d.vnet.resource_group = v) })) }
            </div>
            { check_field(&yew::props!(CheckProps { id: "f-vnet-isNew", label: "This VNet is new (exports declare it)", checked: d.vnet.is_new, on_change: chooser(e, |d, on: bool| d.vnet.is_new = on), help: "Otherwise the exports refer to the existing VNet and add only the four ISE subnets to it." })) }
        </section>
    }
}
