//! The NSG rules, inbound and outbound, as tables with the seed row each implements; copy as
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
            <p class="help">{ "From seed 000's port tables. Protocol Any covers TCP and UDP; source ports are always * because they are ephemeral." }</p>
            { for [Direction::Inbound, Direction::Outbound].into_iter().map(|dir| {
                let rules: Vec<_> = props.plan.rules(dir).cloned().collect();
                let table = tables::nsg_rules(&rules);
                let name = format!("{dir:?}");
                html! {
                    <div class="table-block">
                        <h3>{ &name }</h3>
                        <div class="scroll">
                            <table class="rules" id={format!("nsg-{}", name.to_lowercase())}>
                                <thead><tr>{ for table.headers.iter().filter(|h| **h != "Direction").map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                                <tbody>
                                { for table.rows.iter().map(|row| html! {
                                    <tr>{ for row.iter().enumerate().filter(|(i, _)| *i != 2).map(|(i, cell)| if i == 1 { html! { <th scope="row" class="mono">{ cell }</th> } } else { html! { <td>{ cell }</td> } }) }</tr>
                                }) }
                                </tbody>
                            </table>
                        </div>
                        <CopyButton label={format!("Copy {} table", name.to_lowercase())} text={table.to_tsv()} html={Some(AttrValue::from(table.to_html()))} />
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
