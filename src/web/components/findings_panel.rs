//! The summary at the top — the page's one status region for the plan, updated when the user
//! pauses — and the list of all findings, each naming its field as the page labels it and
//! taking the user there.

use std::rc::Rc;

use ise_planner::findings::field_labels;
use ise_planner::{Finding, Plan};
use yew::prelude::*;

use super::fields::{field_id, severity_word};
use crate::browser;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The settled plan: it changes when the user pauses or leaves a field, never per keystroke.
    pub plan: Shared<Plan>,
    /// What screen readers hear of the subnets, when not the ISE's ("Standard subnets: …").
    #[prop_or_default]
    pub subnets_said: Option<AttrValue>,
}

/// The counts line at the top of the page, with the four prefixes for screen readers: the
/// one polite status region that announces what the design now gives.
pub fn summary(props: &SummaryProps) -> Html {
    let c = props.plan.counts;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let prefixes: Vec<&str> = props
        .plan
        .subnets
        .iter()
        .map(|s| s.prefix.as_deref().unwrap_or("not placed"))
        .collect();
    html! {
        <p id="summary" class={classes!("summary", if c.errors > 0 { "has-errors" } else if c.warnings > 0 { "has-warnings" } else { "clean" })} role="status">
            { if c.errors == 0 && c.warnings == 0 { "Ready: no errors or warnings. ".to_string() } else { String::new() } }
            <span class="count error">{ plural(c.errors, "error") }</span>{ " · " }
            <span class="count warning">{ plural(c.warnings, "warning") }</span>{ " · " }
            <span class="count info">{ plural(c.infos, "note") }</span>
            <span class="visually-hidden">{ props.subnets_said.clone().unwrap_or_else(|| format!(". ISE subnets: {}.", prefixes.join(", ")).into()) }</span>
        </p>
    }
}

/// Takes the user to the control a finding is about: the field itself, else the button that
/// opens it (a subnet's prefix), else the list it is a line of (with that line selected),
/// else the nearest findings shown for it or a field it belongs to.
pub fn go_to(field: &str) {
    let mut path = field.to_string();
    loop {
        let id = field_id(&path);
        if browser::focus_id(&id) || browser::focus_id(&format!("{id}-edit")) {
            if let Some(line) = field
                .strip_prefix(path.as_str())
                .and_then(|rest| rest.strip_prefix('['))
                .and_then(|rest| rest.split(']').next())
                .and_then(|n| n.parse::<usize>().ok())
            {
                browser::select_line(&id, line);
            }
            return;
        }
        // One step up: drop the last `[n]` or `.key`.
        match path.rfind(['[', '.']) {
            Some(at) if at > 0 => path.truncate(at),
            _ => break,
        }
    }
    let mut path = field.to_string();
    while !browser::focus_id(&format!("{}-findings", field_id(&path))) {
        match path.rfind(['[', '.']) {
            Some(at) if at > 0 => path.truncate(at),
            _ => return,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub findings: Rc<Vec<Finding>>,
}

/// Every finding, errors first.
#[function_component]
pub fn FindingsPanel(props: &PanelProps) -> Html {
    let findings = &props.findings;
    html! {
        <section class="card findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{ "All findings" }</h2>
            if findings.is_empty() { <p>{ "None." }</p> }
            <ul class="all-findings">
                { for findings.iter().map(|f| {
                    let field = f.field.clone();
                    let onclick = Callback::from(move |_| go_to(&field));
                    html! {
                        <li class={classes!("finding", f.severity.as_str())} data-code={f.code} data-field={f.field.clone()}>
                            <span class="finding-kind">{ severity_word(f.severity) }{ ": " }</span>
                            <button type="button" class="link field-link" {onclick}>{ field_labels::label_or_path(&f.field) }</button>
                            { " — " }{ &f.message }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
