//! The NSG rules, inbound and outbound, as tables with the article row each implements; copy as
//! a table (text + HTML) or as ARM JSON (built when the button is used); and the Azure Cache
//! for Redis ports behind the article's "see Notes", by number, from the core.

use std::rc::Rc;

use ise_planner::export::tables;
use ise_planner::ise::nsg::{redis_ports_text, Direction, SecurityRule, REDIS_PORTS};
use yew::prelude::*;

use super::buttons::{CopyButton, DownloadButton};

#[derive(Properties, PartialEq)]
pub struct RulesProps {
    pub rules: Rc<Vec<SecurityRule>>,
}

fn arm_json(rules: &[SecurityRule]) -> String {
    let arm: Vec<_> = rules.iter().map(|r| r.to_arm()).collect();
    serde_json::to_string_pretty(&arm).unwrap_or_default()
}

#[function_component]
pub fn RulesTables(props: &RulesProps) -> Html {
    let copy_arm = {
        let rules = props.rules.clone();
        Callback::from(move |_| Ok((arm_json(&rules), None)))
    };
    let download_arm = {
        let rules = props.rules.clone();
        Callback::from(move |_| arm_json(&rules))
    };
    html! {
        <section class="card" aria-labelledby="nsg-title">
            <h2 id="nsg-title">{ "NSG security rules" }</h2>
            <p class="help">{ "From the port tables of Microsoft's article on connecting an ISE to a virtual network. Protocol Any covers TCP and UDP; source ports are always * because they are ephemeral." }</p>
            { for [Direction::Inbound, Direction::Outbound].into_iter().map(|dir| {
                let rules: Rc<Vec<SecurityRule>> = Rc::new(props.rules.iter().filter(|r| r.direction == dir).cloned().collect());
                let name = if dir == Direction::Inbound { "Inbound" } else { "Outbound" };
                let lower = name.to_ascii_lowercase();
                let copy = { let rules = rules.clone(); Callback::from(move |_| { let t = tables::nsg_rules(&rules); Ok((t.to_tsv(), Some(t.to_html()))) }) };
                html! {
                    <div class="table-block">
                        <h3 id={format!("nsg-{lower}-title")}>{ &name }</h3>
                        <div class="scroll" tabindex="0" role="region" aria-labelledby={format!("nsg-{lower}-caption")}>
                            <table class="rules" id={format!("nsg-{lower}")}>
                                <caption id={format!("nsg-{lower}-caption")}>{ format!("{name} security rules, by priority") }</caption>
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
                                        <td>{ if r.protocol == "*" { "Any" } else { r.protocol } }</td>
                                        <td>{ r.access }</td>
                                    </tr>
                                }) }
                                </tbody>
                            </table>
                        </div>
                        <CopyButton label={format!("Copy {lower} table")} produce={copy} />
                    </div>
                }
            }) }
            <div class="actions">
                <CopyButton label="Copy rules as ARM JSON" produce={copy_arm} />
                <DownloadButton label="Download nsg-rules.json" filename="nsg-rules.json" produce={download_arm} />
            </div>
            { redis_ports() }
        </section>
    }
}

/// The ports behind the Redis rows' "6379 - 6383, plus see Notes", by number, in the core's
/// words (the same sentence the checklist holds), with the article they come from.
fn redis_ports() -> Html {
    let source = REDIS_PORTS[0].source;
    html! {
        <p class="help redis-ports" id="redis-ports">
            <strong>{ "Azure Cache for Redis (\"6379 - 6383, plus see Notes\"): " }</strong>{ redis_ports_text() }
            <a class="cite" href={source.url()} title={source.label()} rel="noreferrer">{ source.article.title }</a>
        </p>
    }
}
