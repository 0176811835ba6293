//! All findings in one list, with counts; each names its field and jumps to it.

use std::rc::Rc;

use ise_planner::Plan;
use yew::prelude::*;

use super::fields::{field_id, severity_word};

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub plan: Rc<Plan>,
}

/// The counts line at the top of the page.
#[function_component]
pub fn Summary(props: &PanelProps) -> Html {
    let c = props.plan.counts;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    html! {
        <p id="summary" class={classes!("summary", if c.errors > 0 { "has-errors" } else if c.warnings > 0 { "has-warnings" } else { "clean" })} role="status" aria-live="polite">
            { if c.errors == 0 && c.warnings == 0 { "Ready: no errors or warnings. ".to_string() } else { String::new() } }
            <span class="count error">{ plural(c.errors, "error") }</span>{ " · " }
            <span class="count warning">{ plural(c.warnings, "warning") }</span>{ " · " }
            <span class="count info">{ plural(c.infos, "note") }</span>
        </p>
    }
}

/// Every finding, errors first.
#[function_component]
pub fn FindingsPanel(props: &PanelProps) -> Html {
    let findings = &props.plan.findings;
    html! {
        <section class="card" aria-labelledby="findings-title">
            <h2 id="findings-title">{ "All findings" }</h2>
            if findings.is_empty() { <p>{ "None." }</p> }
            <ul class="all-findings">
                { for findings.iter().map(|f| {
                    let target = field_id(&f.field);
                    let onclick = Callback::from(move |_| {
                        let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&target).or_else(|| d.get_element_by_id(&format!("{target}-findings"))));
                        if let Some(el) = el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                            let _ = el.focus();
                            el.scroll_into_view();
                        }
                    });
                    html! {
                        <li class={classes!("finding", f.severity.as_str())}>
                            <span class="finding-kind">{ severity_word(f.severity) }{": "}</span>{ &f.message }
                            { " " }<button type="button" class="link" {onclick}>{ format!("{} · {}", f.field, f.code) }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
