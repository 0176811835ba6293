//! Routes and service endpoints that forced tunneling needs.

use std::rc::Rc;

use ise_planner::{tables, Plan};
use yew::prelude::*;

use super::buttons::{CopyButton, DownloadButton};

#[derive(Properties, PartialEq)]
pub struct RoutesProps {
    pub plan: Rc<Plan>,
}

#[function_component]
pub fn RoutesTable(props: &RoutesProps) -> Html {
    let plan = &props.plan;
    let Some(table_name) = plan.route_table else {
        return html! {
            <section class="card" aria-labelledby="routes-title">
                <h2 id="routes-title">{ "Routes" }</h2>
                <p>{ "No route table is needed: forced tunneling is off. Turn it on under Network if ExpressRoute forces Internet traffic through your network." }</p>
            </section>
        };
    };
    let table = tables::routes(&plan.routes);
    let arm: Vec<_> = plan.routes.iter().map(|r| r.to_arm()).collect();
    let arm_json = serde_json::to_string_pretty(&arm).unwrap_or_default();
    let subnets: Vec<&str> = plan.subnets.iter().map(|s| s.name.as_str()).collect();
    html! {
        <section class="card" aria-labelledby="routes-title">
            <h2 id="routes-title">{ "Routes" }</h2>
            <p>{ format!("Route table {table_name}, associated with each ISE subnet: {}.", subnets.join(", ")) }</p>
            <div class="scroll">
                <table class="rules" id="routes">
                    <thead><tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                    <tbody>{ for table.rows.iter().map(|row| html! { <tr>{ for row.iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }</tbody>
                </table>
            </div>
            <div class="actions">
                <CopyButton label="Copy routes table" text={table.to_tsv()} html={Some(AttrValue::from(table.to_html()))} />
                <CopyButton label="Copy routes as ARM JSON" text={arm_json.clone()} />
                <DownloadButton label="Download routes.json" filename="routes.json" content={arm_json} />
            </div>
            <h3>{ "Service endpoints on every ISE subnet" }</h3>
            <ul class="endpoints">
                { for plan.service_endpoints.iter().map(|s| html! { <li><code>{ s.service }</code>{ " — " }{ s.purpose }</li> }) }
            </ul>
            <p class="help">{ "The portal article: traffic to these services cannot go through a firewall." }</p>
        </section>
    }
}
