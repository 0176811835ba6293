//! The environment inputs, rarely changed and so below the network: subscription, resource
//! group, ISE name, cloud and location, SKU and capacity, deployment method, certificates
//! and the managed connectors to deploy.

use ise_planner::azure::regions;
use ise_planner::design::{Certificate, Cloud, Deployment, Sku, TypedNumber};
use ise_planner::ise::validate::lists::{certificate_from_file, ISE_CONNECTORS};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::fields::{
    described_by, field_findings, field_id, has_error, on_select, setter, text_field,
    FindingsProps, FormProps, TextFieldProps,
};
use super::routing_form::read_file;
use crate::state::Edit;

pub fn environment_form(props: &FormProps) -> Html {
    let d = &props.design;
    let plan = &props.plan;
    let e = &props.on_edit;
    let developer = d.sku == Sku::Developer;
    html! {
        <section class="card inputs" id="environment" aria-labelledby="environment-title">
            <h2 id="environment-title">{ "Environment" }</h2>
            { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "subscriptionId", value: d.subscription_id.clone(), on_input: setter(e, |d, v: String| d.subscription_id = v), placeholder: "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" })) }
            <div class="field-row">
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "resourceGroup", value: d.resource_group.clone(), on_input: setter(e, |d, v: String| d.resource_group = v) })) }
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "name", value: d.name.clone(), on_input: setter(e, |d, v: String| d.name = v), help: "Letters, numbers, '-', '_' and '.'." })) }
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="f-cloud">{ "Cloud" }</label>
                    <select id="f-cloud" onchange={on_select(e, |d, v| d.cloud = match v { "government" => Cloud::Government, "china" => Cloud::China, _ => Cloud::Public })}>
                        { for [Cloud::Public, Cloud::Government, Cloud::China].into_iter().map(|c| html! {
                            <option value={cloud_value(c)} selected={d.cloud == c}>{ c.display_name() }</option>
                        }) }
                    </select>
                </div>
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "location", value: d.location.clone(), list: "region-list", on_input: setter(e, |d, v: String| d.location = v), help: "The VNet's location (region), such as westeurope." })) }
            </div>
            <datalist id="region-list">
                { for regions::of_cloud(d.cloud).map(|r| html! { <option value={r.name}>{ r.display_name }</option> }) }
            </datalist>
            <div class="field-row">
                <div class="field">
                    <label for="f-sku">{ "SKU" }</label>
                    <select id="f-sku" aria-describedby="f-sku-help f-sku-findings" onchange={on_select(e, |d, v| d.sku = if v == "Developer" { Sku::Developer } else { Sku::Premium })}>
                        <option value="Premium" selected={d.sku == Sku::Premium}>{ "Premium" }</option>
                        <option value="Developer" selected={d.sku == Sku::Developer}>{ "Developer (no SLA)" }</option>
                    </select>
                    <p id="f-sku-help" class="help">{ "Fixed once the ISE exists." }</p>
                    { field_findings(&yew::props!(FindingsProps { plan: plan.clone(), field: "sku" })) }
                </div>
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "additionalCapacity", inputmode: "numeric", value: d.additional_capacity.as_str().to_string(), disabled: developer, on_input: setter(e, |d, v: String| d.additional_capacity = TypedNumber(v)), help: if developer { "Not applicable to Developer: the request sends capacity 0." } else { "Premium: 0–10 extra processing units on top of the base unit; the request sends this number as sku.capacity." } })) }
            </div>
            <div class="field">
                <label for="f-deployment">{ "Deployment method" }</label>
                <select id="f-deployment" aria-describedby="f-deployment-help" onchange={on_select(e, |d, v| d.deployment = if v == "portal" { Deployment::Portal } else { Deployment::Rest })}>
                    <option value="rest" selected={d.deployment == Deployment::Rest}>{ "REST API, ARM template or PowerShell" }</option>
                    <option value="portal" selected={d.deployment == Deployment::Portal}>{ "Azure portal" }</option>
                </select>
                <p id="f-deployment-help" class="help">{ match d.deployment {
                    Deployment::Rest => "One empty subnet is delegated to Microsoft.Logic/integrationServiceEnvironments (see the note under the subnets).",
                    Deployment::Portal => "The portal creates the delegation itself: no subnet may be delegated beforehand.",
                } }</p>
            </div>
            { certificates(&yew::props!(FormProps { design: d.clone(), plan: plan.clone(), on_edit: e.clone() })) }
            { connectors(&yew::props!(FormProps { design: d.clone(), plan: plan.clone(), on_edit: e.clone() })) }
        </section>
    }
}

/// Self-signed certificates: name and base64, pasted or read from a file.
fn certificates(props: &FormProps) -> Html {
    let e = &props.on_edit;
    let add = {
        let on_edit = e.clone();
        Callback::from(move |_| {
            on_edit.emit(Edit::new(|d| {
                let n = d.certificates.len() + 1;
                d.certificates.push(Certificate {
                    name: format!("certificate{n}"),
                    public_certificate: String::new(),
                });
            }))
        })
    };
    html! {
        <fieldset class="sub">
            <legend>{ "Self-signed certificates (TrustedRoot)" }</legend>
            { for props.design.certificates.iter().enumerate().map(|(i, cert)| {
                let on_name = { let on_edit = e.clone(); Callback::from(move |v: String| on_edit.emit(Edit::typed(move |d| if let Some(c) = d.certificates.get_mut(i) { c.name = v.clone() }))) };
                let on_body = { let on_edit = e.clone(); Callback::from(move |ev: InputEvent| {
                    let v = ev.target_unchecked_into::<HtmlTextAreaElement>().value();
                    on_edit.emit(Edit::typed(move |d| if let Some(c) = d.certificates.get_mut(i) { c.public_certificate = v.clone() }));
                }) };
                let on_file = { let on_edit = e.clone(); Callback::from(move |ev: Event| {
                    let on_edit = on_edit.clone();
                    read_file(&ev, move |_, bytes| {
                        let b64 = certificate_from_file(&bytes);
                        on_edit.emit(Edit::new(move |d| if let Some(c) = d.certificates.get_mut(i) { c.public_certificate = b64.clone() }));
                    });
                }) };
                let remove = { let on_edit = e.clone(); Callback::from(move |_| on_edit.emit(Edit::new(move |d| { if i < d.certificates.len() { d.certificates.remove(i); } }))) };
                let body_field = format!("certificates[{i}].publicCertificate");
                let body_id = field_id(&body_field);
                let invalid = has_error(&props.plan, &body_field);
                html! {
                    <div class="certificate">
                        { text_field(&yew::props!(TextFieldProps { plan: props.plan.clone(), field: format!("certificates[{i}].name"), value: cert.name.clone(), on_input: on_name })) }
                        <div class={classes!("field", invalid.then_some("invalid"))}>
                            <label for={body_id.clone()}>{ format!("Certificate {} public certificate (base64 or PEM)", i + 1) }</label>
                            <textarea id={body_id.clone()} rows="3" value={cert.public_certificate.clone()} oninput={on_body} spellcheck="false"
                                aria-invalid={invalid.to_string()} aria-describedby={described_by(&body_field, false)} />
                            <label class="file">{ "…or read a .cer / .crt / .pem file: " }<input type="file" accept=".cer,.crt,.pem,.der" onchange={on_file} /></label>
                            { field_findings(&yew::props!(FindingsProps { plan: props.plan.clone(), field: body_field })) }
                        </div>
                        <button type="button" class="remove" onclick={remove}>{ format!("Remove certificate {}", i + 1) }</button>
                    </div>
                }
            }) }
            <button type="button" onclick={add}>{ "Add certificate" }</button>
            { field_findings(&yew::props!(FindingsProps { plan: props.plan.clone(), field: "certificates", exact: true })) }
        </fieldset>
    }
}

/// Managed ISE connectors to deploy after creation.
fn connectors(props: &FormProps) -> Html {
    html! {
        <fieldset class="sub connectors">
            <legend>{ "Managed ISE connectors to deploy after creation" }</legend>
            <div class="choices grid">
                { for ISE_CONNECTORS.iter().map(|(api, display)| {
                    let checked = props.design.managed_connectors.iter().any(|c| c.eq_ignore_ascii_case(api));
                    let on_edit = props.on_edit.clone();
                    let api = *api;
                    let onchange = Callback::from(move |ev: Event| {
                        let on = ev.target_unchecked_into::<HtmlInputElement>().checked();
                        on_edit.emit(Edit::new(move |d| {
                            d.managed_connectors.retain(|c| !c.eq_ignore_ascii_case(api));
                            if on { d.managed_connectors.push(api.to_string()); }
                        }));
                    });
                    html! { <label class="check"><input type="checkbox" {checked} {onchange} />{ " " }{ display }</label> }
                }) }
            </div>
            { field_findings(&yew::props!(FindingsProps { plan: props.plan.clone(), field: "managedConnectors" })) }
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
