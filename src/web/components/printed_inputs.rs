//! The inputs in brief, shown only when printing (the forms are hidden then).

use ise_planner::design::{AccessEndpoint, Deployment, Sku};
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct PrintedProps {
    pub design: Shared<ise_planner::Design>,
}

/// The inputs in brief, shown only when printing (the forms are hidden then).
pub fn printed_inputs(props: &PrintedProps) -> Html {
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
            d.vnet.existing_subnet_count().to_string(),
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
