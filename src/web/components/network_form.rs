//! The network inputs: VNet, existing subnets, DNS, forced tunneling and its dependency
//! addresses (typed or imported from Azure's Service Tags file), appliance, External-ISE
//! connector addresses, Azure Government addresses, certificates and managed connectors.

use std::rc::Rc;

use ise_planner::design::{AccessEndpoint, Certificate, Cloud, Design, ForcedTunneling};
use ise_planner::import::service_tags::ServiceTags;
use ise_planner::validate::lists::{certificate_from_file, ISE_CONNECTORS};
use ise_planner::Plan;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::environment_form::{setter, FormProps};
use super::fields::{field_id, FieldFindings, ListField, TextField};
use crate::state::Edit;

/// Reads the first file chosen in a file input, as bytes.
fn read_file(e: &Event, done: impl FnOnce(String, Vec<u8>) + 'static) {
    let input: HtmlInputElement = e.target_unchecked_into();
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let file = gloo_file::File::from(file);
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(bytes) = gloo_file::futures::read_as_bytes(&file).await {
            done(file.name(), bytes);
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct NetworkFormProps {
    pub design: Rc<Design>,
    pub plan: Rc<Plan>,
    pub on_edit: Callback<Edit>,
    /// Tells the page what an import did.
    pub on_notice: Callback<(String, bool)>,
}

#[function_component]
pub fn NetworkForm(props: &NetworkFormProps) -> Html {
    let d = &props.design;
    let plan = &props.plan;
    let e = &props.on_edit;
    let checkbox = |id: &'static str,
                    label: &'static str,
                    checked: bool,
                    set: fn(&mut Design, bool)| {
        let on_edit = e.clone();
        let onchange = Callback::from(move |ev: Event| {
            let on = ev.target_unchecked_into::<HtmlInputElement>().checked();
            on_edit.emit(Edit::new(move |d| set(d, on)));
        });
        html! { <label class="check"><input type="checkbox" id={id} {checked} {onchange} />{ " " }{ label }</label> }
    };
    let import_tags = {
        let (on_edit, on_notice) = (e.clone(), props.on_notice.clone());
        Callback::from(move |ev: Event| {
            let (on_edit, on_notice) = (on_edit.clone(), on_notice.clone());
            read_file(&ev, move |name, bytes| {
                match ServiceTags::parse(&String::from_utf8_lossy(&bytes)) {
                    Err(why) => on_notice.emit((format!("{name}: {why}."), true)),
                    Ok(tags) => {
                        let tags = std::rc::Rc::new(tags);
                        let summary = std::rc::Rc::new(std::cell::Cell::new(None));
                        let (t, s) = (tags.clone(), summary.clone());
                        on_edit.emit(Edit::new(move |d| s.set(Some(t.import_into(d)))));
                        if let Some(summary) = summary.take() {
                            on_notice.emit((format!("{summary} from {name}."), false));
                        }
                    }
                }
            });
        })
    };
    html! {
        <fieldset class="card">
            <legend>{ "Network" }</legend>
            <div class="field-row">
                <TextField plan={plan.clone()} field="vnet.name" label="Virtual network name" value={d.vnet.name.clone()}
                    on_input={setter(e, |d, v: String| d.vnet.name = v)} />
                <TextField plan={plan.clone()} field="vnet.resourceGroup" label="VNet resource group" value={d.vnet.resource_group.clone()}
                    placeholder="same as the ISE" on_input={setter(e, |d, v: String| d.vnet.resource_group = v)} />
            </div>
            <ListField plan={plan.clone()} field="vnet.addressPrefixes" label="VNet address space" values={d.vnet.address_prefixes.clone()}
                on_input={setter(e, |d, v: Vec<String>| d.vnet.address_prefixes = v)} rows={2}
                help="One IPv4 prefix per line, such as 10.0.0.0/22." placeholder="10.0.0.0/22" />
            <ListField plan={plan.clone()} field="vnet.existingSubnets" label="Existing subnets" values={d.vnet.existing_subnets.iter().map(|s| s.prefix.clone()).collect::<Vec<_>>()}
                on_input={setter(e, |d, v: Vec<String>| {
                    d.vnet.existing_subnets.truncate(v.len());
                    for (i, prefix) in v.into_iter().enumerate() {
                        match d.vnet.existing_subnets.get_mut(i) {
                            Some(s) => s.prefix = prefix,
                            None => d.vnet.existing_subnets.push(prefix.into()),
                        }
                    }
                })} rows={3}
                help="Prefixes already used in this VNet, one per line; the ISE subnets avoid them." placeholder="10.0.0.0/24" />
            <ListField plan={plan.clone()} field="dnsServers" label="Custom DNS servers" values={d.dns_servers.clone()}
                on_input={setter(e, |d, v: Vec<String>| d.dns_servers = v)} rows={2}
                help="Leave empty for Azure DNS. Custom servers add an outbound port-53 rule; restart the ISE after changing them." />
            <div class="field">
                { checkbox("f-forcedTunneling", "ExpressRoute with forced tunneling", d.forced_tunneling.is_on(), |d, on| d.forced_tunneling = if on { ForcedTunneling::ExpressRoute } else { ForcedTunneling::None }) }
                { checkbox("f-networkVirtualAppliance", "Outbound traffic passes a network virtual appliance", d.network_virtual_appliance, |d, on| d.network_virtual_appliance = on) }
            </div>
            if d.forced_tunneling.is_on() {
                <fieldset class="sub">
                    <legend>{ "Forced-tunneling dependencies (each gets a route to the Internet)" }</legend>
                    <div class="field">
                        <label for="f-service-tags">{ "Import from Azure's Service Tags file (ServiceTags_*.json)" }</label>
                        <input type="file" id="f-service-tags" accept=".json,application/json" onchange={import_tags} />
                        <p class="help">{ "Addresses change weekly: download the current file from Microsoft and import it here. Nothing is uploaded." }</p>
                    </div>
                    <ListField plan={plan.clone()} field="dependencyAddresses.appServiceManagement" label="App Service Environment management addresses"
                        values={d.dependency_addresses.app_service_management.clone()} on_input={setter(e, |d, v: Vec<String>| d.dependency_addresses.app_service_management = v)} />
                    <ListField plan={plan.clone()} field="dependencyAddresses.connectors" label="Azure connector addresses for the region"
                        values={d.dependency_addresses.connectors.clone()} on_input={setter(e, |d, v: Vec<String>| d.dependency_addresses.connectors = v)} />
                    <ListField plan={plan.clone()} field="dependencyAddresses.trafficManager" label="Traffic Manager management addresses"
                        values={d.dependency_addresses.traffic_manager.clone()} on_input={setter(e, |d, v: Vec<String>| d.dependency_addresses.traffic_manager = v)} />
                    <ListField plan={plan.clone()} field="dependencyAddresses.logicApps" label="Logic Apps inbound and outbound addresses for the region"
                        values={d.dependency_addresses.logic_apps.clone()} on_input={setter(e, |d, v: Vec<String>| d.dependency_addresses.logic_apps = v)} />
                    <FieldFindings plan={plan.clone()} field="dependencyAddresses" exact=true />
                </fieldset>
            }
            if d.access_endpoint == AccessEndpoint::External {
                <ListField plan={plan.clone()} field="connectorOutboundAddresses" label="Connector outbound addresses (External ISE)"
                    values={d.connector_outbound_addresses.clone()} on_input={setter(e, |d, v: Vec<String>| d.connector_outbound_addresses = v)}
                    help="From the ISE's Properties, \"Connector outgoing IP addresses\"; they get an inbound rule to the VNet." />
            }
            if d.cloud == Cloud::Government {
                <fieldset class="sub">
                    <legend>{ "Azure Government: addresses that replace service tags" }</legend>
                    <ListField plan={plan.clone()} field="governmentAddresses.logicAppsInbound" label="Logic Apps inbound addresses"
                        values={d.government_addresses.logic_apps_inbound.clone()} on_input={setter(e, |d, v: Vec<String>| d.government_addresses.logic_apps_inbound = v)} />
                    <ListField plan={plan.clone()} field="governmentAddresses.logicAppsOutbound" label="Logic Apps outbound addresses"
                        values={d.government_addresses.logic_apps_outbound.clone()} on_input={setter(e, |d, v: Vec<String>| d.government_addresses.logic_apps_outbound = v)} />
                    <ListField plan={plan.clone()} field="governmentAddresses.managedConnectorOutbound" label="Managed connector outbound addresses"
                        values={d.government_addresses.managed_connector_outbound.clone()} on_input={setter(e, |d, v: Vec<String>| d.government_addresses.managed_connector_outbound = v)} />
                </fieldset>
            }
            <Certificates design={d.clone()} plan={plan.clone()} on_edit={e.clone()} />
            <Connectors design={d.clone()} plan={plan.clone()} on_edit={e.clone()} />
        </fieldset>
    }
}

/// Self-signed certificates: name and base64, pasted or read from a file.
#[function_component]
fn Certificates(props: &FormProps) -> Html {
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
                let on_name = { let on_edit = e.clone(); Callback::from(move |v: String| on_edit.emit(Edit::new(move |d| if let Some(c) = d.certificates.get_mut(i) { c.name = v.clone() }))) };
                let on_body = { let on_edit = e.clone(); Callback::from(move |ev: InputEvent| {
                    let v = ev.target_unchecked_into::<HtmlTextAreaElement>().value();
                    on_edit.emit(Edit::new(move |d| if let Some(c) = d.certificates.get_mut(i) { c.public_certificate = v.clone() }));
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
                html! {
                    <div class="certificate">
                        <TextField plan={props.plan.clone()} field={format!("certificates[{i}].name")} label={format!("Certificate {} name", i + 1)} value={cert.name.clone()} on_input={on_name} />
                        <div class="field">
                            <label for={body_id.clone()}>{ "Public certificate (base64 or PEM)" }</label>
                            <textarea id={body_id.clone()} rows="3" value={cert.public_certificate.clone()} oninput={on_body} spellcheck="false" />
                            <label class="file">{ "…or read a .cer / .crt / .pem file: " }<input type="file" accept=".cer,.crt,.pem,.der" onchange={on_file} /></label>
                            <FieldFindings plan={props.plan.clone()} field={body_field} />
                        </div>
                        <button type="button" class="remove" onclick={remove}>{ format!("Remove certificate {}", i + 1) }</button>
                    </div>
                }
            }) }
            <button type="button" onclick={add}>{ "Add certificate" }</button>
            <FieldFindings plan={props.plan.clone()} field="certificates" exact=true />
        </fieldset>
    }
}

/// Managed ISE connectors to deploy after creation.
#[function_component]
fn Connectors(props: &FormProps) -> Html {
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
            <FieldFindings plan={props.plan.clone()} field="managedConnectors" />
        </fieldset>
    }
}
