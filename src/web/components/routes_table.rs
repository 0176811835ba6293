//! Routes and service endpoints that forced tunneling needs.

use std::rc::Rc;

use ise_planner::export::tables;
use ise_planner::ise::routes::{Route, ServiceEndpoint};
use yew::prelude::*;

use super::buttons::{CopyButton, DownloadButton};

#[derive(Properties, PartialEq)]
pub struct RoutesProps {
    pub route_table: Option<&'static str>,
    pub routes: Rc<Vec<Route>>,
    pub service_endpoints: Rc<Vec<ServiceEndpoint>>,
    pub subnet_names: Rc<Vec<String>>,
}

fn arm_json(routes: &[Route]) -> String {
    let arm: Vec<_> = routes.iter().map(|r| r.to_arm()).collect();
    serde_json::to_string_pretty(&arm).unwrap_or_default()
}

#[function_component]
pub fn RoutesTable(props: &RoutesProps) -> Html {
    let Some(table_name) = props.route_table else {
        return html! {
            <section class="card" aria-labelledby="routes-title">
                <h2 id="routes-title">{ "Routes" }</h2>
                <p>{ "No route table is needed: Internet-bound traffic leaves the usual way. Choose a forced-tunneling mode under Access and routing if ExpressRoute or a firewall takes it." }</p>
            </section>
        };
    };
    let table = tables::routes(&props.routes);
    let copy = {
        let routes = props.routes.clone();
        Callback::from(move |_| {
            let t = tables::routes(&routes);
            Ok((t.to_tsv(), Some(t.to_html())))
        })
    };
    let copy_arm = {
        let routes = props.routes.clone();
        Callback::from(move |_| Ok((arm_json(&routes), None)))
    };
    let download_arm = {
        let routes = props.routes.clone();
        Callback::from(move |_| arm_json(&routes))
    };
    html! {
        <section class="card" aria-labelledby="routes-title">
            <h2 id="routes-title">{ "Routes" }</h2>
            <p>{ format!("Route table {table_name}, associated with each ISE subnet: {}.", props.subnet_names.join(", ")) }</p>
            <div class="scroll" tabindex="0" role="region" aria-labelledby="routes-caption">
                <table class="rules" id="routes">
                    <caption id="routes-caption">{ format!("Routes of {table_name}") }</caption>
                    <thead><tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                    <tbody>{ for table.rows.iter().map(|row| html! { <tr>{ for row.iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }</tbody>
                </table>
            </div>
            <div class="actions">
                <CopyButton label="Copy routes table" produce={copy} />
                <CopyButton label="Copy routes as ARM JSON" produce={copy_arm} />
                <DownloadButton label="Download routes.json" filename="routes.json" produce={download_arm} />
            </div>
            <h3>{ "Service endpoints on every ISE subnet" }</h3>
            <ul class="endpoints">
                { for props.service_endpoints.iter().map(|s| html! { <li><code>{ s.service }</code>{ " — " }{ s.purpose }</li> }) }
            </ul>
            <p class="help">{ "The portal article: traffic to these services cannot go through a firewall." }</p>
        </section>
    }
}
