//! The NSG rules, inbound and outbound, as tables with the article row each implements; copy as
//! a table (text + HTML) or as ARM JSON.

use std::rc::Rc;

use ise_planner::nsg::Direction;
use ise_planner::{tables, Plan};
use yew::prelude::*;

use super::buttons::{CopyButton, DownloadButton};

#[derive(Properties, PartialEq)]
pub struct RulesProps {
    pub plan: Rc<Plan>,
}

#[function_component]
pub fn RulesTables(props: &RulesProps) -> Html {
    let arm: Vec<_> = props.plan.nsg_rules.iter().map(|r| r.to_arm()).collect();
    let arm_json = serde_json::to_string_pretty(&arm).unwrap_or_default();
    html! {
        <section class="card" aria-labelledby="nsg-title">
            <h2 id="nsg-title">{ "NSG security rules" }</h2>
            <p class="help">{ "From the port tables of Microsoft's article on connecting an ISE to a virtual network. Protocol Any covers TCP and UDP; source ports are always * because they are ephemeral." }</p>
            { for [Direction::Inbound, Direction::Outbound].into_iter().map(|dir| {
                let rules: Vec<_> = props.plan.rules(dir).cloned().collect();
                let table = tables::nsg_rules(&rules);
                let name = format!("{dir:?}");
                html! {
                    <div class="table-block">
                        <h3>{ &name }</h3>
                        <div class="scroll">
                            <table class="rules" id={format!("nsg-{}", name.to_ascii_lowercase())}>
                                <thead><tr>
                                    <th scope="col">{ "Priority" }</th><th scope="col">{ "Rule and article row" }</th><th scope="col">{ "Source" }</th>
                                    <th scope="col">{ "Source ports" }</th><th scope="col">{ "Destination" }</th><th scope="col">{ "Destination ports" }</th>
                                    <th scope="col">{ "Protocol" }</th><th scope="col">{ "Access" }</th>
                                </tr></thead>
                                <tbody>
                                { for rules.iter().map(|r| html! {
                                    <tr data-rule={r.name.clone()}>
                                        <td>{ r.priority }</td>
                                        <th scope="row"><span class="rule-name">{ &r.name }</span><span class="purpose">{ r.purpose }</span><a class="cite" href={r.source.url()} title={r.source.label()} rel="noreferrer">{ r.source.section_and_row() }</a></th>
                                        <td class="addresses">{ r.source_addresses.join(", ") }</td>
                                        <td>{ r.source_ports }</td>
                                        <td class="addresses">{ r.destination_addresses.join(", ") }</td>
                                        <td class="ports">{ r.destination_ports.join(", ") }</td>
                                        <td><abbr title="Any: both TCP and UDP">{ if r.protocol == "*" { "Any" } else { r.protocol } }</abbr></td>
                                        <td>{ r.access }</td>
                                    </tr>
                                }) }
                                </tbody>
                            </table>
                        </div>
                        <CopyButton label={format!("Copy {} table", name.to_ascii_lowercase())} text={table.to_tsv()} html={Some(AttrValue::from(table.to_html()))} />
                    </div>
                }
            }) }
            <div class="actions">
                <CopyButton label="Copy rules as ARM JSON" text={arm_json.clone()} />
                <DownloadButton label="Download nsg-rules.json" filename="nsg-rules.json" content={arm_json} />
            </div>
        </section>
    }
}
