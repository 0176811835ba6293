//! Access and routing: the access endpoint and who may call it, how Internet-bound traffic
//! leaves (forced tunneling: none, ExpressRoute, or a firewall with its dependency addresses,
//! typed or imported from Azure's Service Tags file by the tools worker), custom DNS, the
//! appliance note, the explicit load-balancer rule and Azure Government's replacement
//! addresses. The words for each choice come from the core.

use std::sync::OnceLock;

use base64::Engine;
use ise_planner::design::{AccessEndpoint, Cloud, Design, ForcedTunneling, NextHop};
use ise_planner::ise::nsg::LOAD_BALANCER_NOTE;
use ise_planner::tools::{FileInput, Request, Response};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::fields::{
    check_field, chooser, field_findings, list_field, radio_group, setter, text_field, CheckProps,
    Choice, FindingsProps, FormProps, ListFieldProps, RadioProps, TextFieldProps,
};
use crate::browser::tools_worker;
use crate::state::Edit;

/// Reads the first file chosen in a file input, as bytes.
pub fn read_file(e: &Event, done: impl FnOnce(String, Vec<u8>) + 'static) {
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

/// The three ways Internet-bound traffic can leave, each with the core's words for it.
fn tunneling_choices() -> &'static [Choice] {
    static CHOICES: OnceLock<Vec<Choice>> = OnceLock::new();
    CHOICES.get_or_init(|| {
        ForcedTunneling::ALL
            .iter()
            .map(|&t| (tunneling_key(t), t.label(), t.explanation()))
            .collect()
    })
}

/// Where the default route goes, named by the core.
fn next_hop_choices() -> &'static [Choice] {
    static CHOICES: OnceLock<Vec<Choice>> = OnceLock::new();
    CHOICES.get_or_init(|| {
        vec![
            (
                "appliance",
                NextHop::VirtualAppliance.label(),
                "The default route's next hop is the appliance's private IP address.",
            ),
            (
                "gateway",
                NextHop::VirtualNetworkGateway.label(),
                "The default route's next hop is the VPN gateway of the virtual network.",
            ),
        ]
    })
}

const ACCESS: &[Choice] = &[
    ("internal", "Internal",
     "Request and webhook triggers can be called only from inside the VNet; runs history inputs and outputs are visible only from there."),
    ("external", "External",
     "Triggers can be called from the Internet, as webhook triggers such as Azure DevOps, Event Grid, Common Data Service, Office 365 and SAP need: port 443 opens inbound and Traffic Manager uses 443."),
];

fn tunneling_key(t: ForcedTunneling) -> &'static str {
    match t {
        ForcedTunneling::None => "none",
        ForcedTunneling::ExpressRoute => "expressRoute",
        ForcedTunneling::Firewall => "firewall",
    }
}

#[function_component]
pub fn RoutingForm(props: &FormProps) -> Html {
    let d = &props.design;
    let (plan, e) = (&props.plan, &props.on_edit);
    let tags = use_service_tags_import(props);
    // A list the design holds is never hidden, even when the current choices do not use it:
    // its findings (say, "unused") need a place, and the user a way to clear it.
    let firewall = d.forced_tunneling == ForcedTunneling::Firewall
        || d.dependency_addresses
            .lists()
            .iter()
            .any(|l| !l.2.is_empty());
    html! {
        <section class="card inputs" id="routing" aria-labelledby="routing-title">
            <h2 id="routing-title">{ "Access and routing" }</h2>
            { access(props) }
            { forced_tunneling(props) }
            if !firewall {
                // Findings about dependency addresses while their lists are not shown.
                { field_findings(&yew::props!(FindingsProps { plan: plan.clone(), field: "dependencyAddresses" })) }
            }
            if firewall { { firewall_setup(props, tags) } }
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "dnsServers", values: d.dns_servers.clone(), on_input: setter(e, |d, v: Vec<String>| d.dns_servers = v), rows: 2, help: "Leave empty for Azure DNS. Custom servers add an outbound port-53 rule; restart the ISE after changing them." })) }
            { check_field(&yew::props!(CheckProps { id: "f-networkVirtualAppliance", label: "Outbound traffic passes a network virtual appliance", checked: d.network_virtual_appliance, on_change: chooser(e, |d, on: bool| d.network_virtual_appliance = on) })) }
            { check_field(&yew::props!(CheckProps { id: "f-allowLoadBalancerRule", label: "Emit an explicit AzureLoadBalancer inbound rule", checked: d.allow_load_balancer_rule, on_change: chooser(e, |d, on: bool| d.allow_load_balancer_rule = on), help: LOAD_BALANCER_NOTE })) }
            { government(props) }
        </section>
    }
}

/// The access endpoint, and for an External ISE (or lists it still holds) its addresses.
fn access(props: &FormProps) -> Html {
    let (d, plan, e) = (&props.design, &props.plan, &props.on_edit);
    let external = d.access_endpoint == AccessEndpoint::External
        || !d.caller_addresses.is_empty()
        || !d.connector_outbound_addresses.is_empty();
    html! {
        <>
            { radio_group(&yew::props!(RadioProps { id: "f-accessEndpoint", legend: "Access endpoint (fixed once the ISE exists)", choices: ACCESS, selected: if d.access_endpoint == AccessEndpoint::External { "external" } else { "internal" }, on_change: chooser(e, |d: &mut Design, v: &str| d.access_endpoint = if v == "external" { AccessEndpoint::External } else { AccessEndpoint::Internal }) })) }
            if external {
                { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "callerAddresses", label: "Who calls the ISE (External): caller addresses", values: d.caller_addresses.clone(), on_input: setter(e, |d, v: Vec<String>| d.caller_addresses = v), help: "Addresses that call request triggers and webhooks or view runs history, one per line. The port-443 rule then allows only these instead of the whole Internet; leave empty to allow the Internet." })) }
                { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "connectorOutboundAddresses", label: "Connector outbound addresses (External ISE)", values: d.connector_outbound_addresses.clone(), on_input: setter(e, |d, v: Vec<String>| d.connector_outbound_addresses = v), help: "From the ISE's Properties, \"Connector outgoing IP addresses\"; they get an inbound rule to the VNet." })) }
            }
        </>
    }
}

/// The forced-tunneling mode, with the article section it follows.
fn forced_tunneling(props: &FormProps) -> Html {
    let (d, plan, e) = (&props.design, &props.plan, &props.on_edit);
    html! {
        <>
            { radio_group(&yew::props!(RadioProps { id: "f-forcedTunneling", legend: "Internet-bound traffic (forced tunneling)", choices: tunneling_choices(), selected: tunneling_key(d.forced_tunneling), on_change: chooser(e, |d: &mut Design, v: &str| d.forced_tunneling = match v {
                    "expressRoute" => ForcedTunneling::ExpressRoute,
                    "firewall" => ForcedTunneling::Firewall,
                    _ => ForcedTunneling::None,
                }) })) }
            if let Some(source) = d.forced_tunneling.citation() {
                <p class="help cite-line">{ "Follows " }<a class="cite" href={source.url()} title={source.label()} rel="noreferrer">{ source.section_and_row() }</a>{ "." }</p>
            }
            { field_findings(&yew::props!(FindingsProps { plan: plan.clone(), field: "forcedTunneling" })) }
        </>
    }
}

/// Forced tunneling through a firewall: the next hop, the appliance, the dependency addresses
/// (typed or imported from the Service Tags file).
fn firewall_setup(props: &FormProps, tags: ServiceTagsImport) -> Html {
    let (d, plan, e) = (&props.design, &props.plan, &props.on_edit);
    let through_firewall = d.forced_tunneling == ForcedTunneling::Firewall;
    html! {
        <div class="sub">
            if through_firewall {
                { radio_group(&yew::props!(RadioProps { id: "f-firewall-nextHop", legend: "Where the default route goes", choices: next_hop_choices(), selected: if d.firewall.next_hop == NextHop::VirtualNetworkGateway { "gateway" } else { "appliance" }, on_change: chooser(e, |d: &mut Design, v: &str| d.firewall.next_hop = if v == "gateway" { NextHop::VirtualNetworkGateway } else { NextHop::VirtualAppliance }) })) }
            }
            if through_firewall && d.firewall.next_hop == NextHop::VirtualAppliance {
                { text_field(&yew::props!(TextFieldProps { plan: plan.clone(), field: "firewall.applianceIp", value: d.firewall.appliance_ip.clone(), placeholder: "10.0.3.4", on_input: setter(e, |d, v: String| d.firewall.appliance_ip = v), help: "The appliance's private IPv4 address, the default route's next hop." })) }
            }
            <h3>{ "Dependency addresses (each gets a route to the Internet)" }</h3>
            <div class="field">
                <label for="f-service-tags">{ "Import them from Azure's Service Tags file (ServiceTags_*.json)" }</label>
                <input type="file" id="f-service-tags" accept=".json,application/json" onchange={tags.on_file} aria-describedby="f-service-tags-help" />
                if let Some(name) = &tags.reading { <p class="preparing">{ format!("Reading {name}…") }</p> }
                <p class="help" id="f-service-tags-help">{ "Addresses change weekly: download the current file from Microsoft and import it here. Nothing is uploaded." }</p>
            </div>
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "dependencyAddresses.appServiceManagement", values: d.dependency_addresses.app_service_management.clone(), on_input: setter(e, |d, v: Vec<String>| d.dependency_addresses.app_service_management = v) })) }
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "dependencyAddresses.connectors", values: d.dependency_addresses.connectors.clone(), on_input: setter(e, |d, v: Vec<String>| d.dependency_addresses.connectors = v) })) }
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "dependencyAddresses.trafficManager", values: d.dependency_addresses.traffic_manager.clone(), on_input: setter(e, |d, v: Vec<String>| d.dependency_addresses.traffic_manager = v) })) }
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "dependencyAddresses.logicApps", values: d.dependency_addresses.logic_apps.clone(), on_input: setter(e, |d, v: Vec<String>| d.dependency_addresses.logic_apps = v) })) }
            { field_findings(&yew::props!(FindingsProps { plan: plan.clone(), field: "dependencyAddresses", exact: true })) }
        </div>
    }
}

/// Azure Government's addresses that replace service tags (shown for Government, or while
/// the design holds some).
fn government(props: &FormProps) -> Html {
    let (d, plan, e) = (&props.design, &props.plan, &props.on_edit);
    let gov = &d.government_addresses;
    let shown = d.cloud == Cloud::Government
        || !gov.logic_apps_inbound.is_empty()
        || !gov.logic_apps_outbound.is_empty()
        || !gov.managed_connector_outbound.is_empty();
    if !shown {
        return Html::default();
    }
    html! {
        <div class="sub">
            <h3>{ "Azure Government: addresses that replace service tags" }</h3>
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "governmentAddresses.logicAppsInbound", label: "Logic Apps inbound addresses", values: gov.logic_apps_inbound.clone(), on_input: setter(e, |d, v: Vec<String>| d.government_addresses.logic_apps_inbound = v) })) }
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "governmentAddresses.logicAppsOutbound", label: "Logic Apps outbound addresses", values: gov.logic_apps_outbound.clone(), on_input: setter(e, |d, v: Vec<String>| d.government_addresses.logic_apps_outbound = v) })) }
            { list_field(&yew::props!(ListFieldProps { plan: plan.clone(), field: "governmentAddresses.managedConnectorOutbound", label: "Managed connector outbound addresses", values: gov.managed_connector_outbound.clone(), on_input: setter(e, |d, v: Vec<String>| d.government_addresses.managed_connector_outbound = v) })) }
        </div>
    }
}

/// The Service Tags file chosen, read by the tools worker; the lists it gives go into the
/// design.
struct ServiceTagsImport {
    on_file: Callback<Event>,
    /// The file being read, while it is.
    reading: Option<String>,
}

#[hook]
fn use_service_tags_import(props: &FormProps) -> ServiceTagsImport {
    let reading = use_state(|| None::<String>);
    let (on_edit, on_notice, design) = (
        props.on_edit.clone(),
        props.on_notice.clone(),
        props.design.clone(),
    );
    let state = reading.clone();
    let on_file = Callback::from(move |ev: Event| {
        let (on_edit, on_notice, design, reading) = (
            on_edit.clone(),
            on_notice.clone(),
            design.clone(),
            state.clone(),
        );
        read_file(&ev, move |name, bytes| {
            reading.set(Some(name.clone()));
            let request = Request::ImportServiceTags {
                file: FileInput::Base64(base64::engine::general_purpose::STANDARD.encode(bytes)),
                design_json: design.to_json(),
            };
            tools_worker::send(
                request,
                Box::new(move |response| {
                    reading.set(None);
                    match response {
                        Response::ServiceTagsImported {
                            dependency_addresses,
                            government_addresses,
                            summary,
                        } => {
                            on_edit.emit(Edit::new(move |d| {
                                d.dependency_addresses = dependency_addresses.clone();
                                if let Some(g) = &government_addresses {
                                    d.government_addresses = g.clone();
                                }
                            }));
                            on_notice.emit((format!("{summary} from {name}."), false));
                        }
                        Response::Refused { message } | Response::Failed { message } => {
                            on_notice.emit((format!("{name}: {message}."), true))
                        }
                        _ => on_notice.emit((
                            format!("{name}: the import gave an unexpected answer; try again."),
                            true,
                        )),
                    }
                }),
            );
        });
    });
    ServiceTagsImport {
        on_file,
        reading: (*reading).clone(),
    }
}
