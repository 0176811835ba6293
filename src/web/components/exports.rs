//! The Export section: a tab per format — the REST requests (built in the page), then ARM,
//! Bicep, Terraform, Azure CLI, PowerShell and CSV, which the tools worker writes when their
//! tab is chosen. Each shows the text (selectable, in a scrollable region), a line on how to
//! deploy it, and Copy and Download with the file names the CLI's users know. ARIA tabs:
//! arrow keys, Home and End move between the tabs.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use ise_planner::design::Design;
use ise_planner::export::standard::tables::StandardTable;
use ise_planner::ise::rest::RestRequests;
use ise_planner::tools::{ExportTarget, File, Request, Response};
use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::buttons::{CopyButton, DownloadButton};
use super::requests::Requests;
use crate::browser;
use crate::browser::tools_worker;
use crate::state::Shared;

/// How long edits must pause before an open export is written again.
const DEBOUNCE_MS: u32 = 400;

/// The tabs: key (the CLI's `--emit` name), label, file name.
const TABS: [(&str, &str, &str); 7] = [
    ("rest", "REST", ""),
    ("arm", "ARM", "azuredeploy.json"),
    ("bicep", "Bicep", "main.bicep"),
    ("terraform", "Terraform", "main.tf"),
    ("azcli", "Azure CLI", "deploy.sh"),
    ("powershell", "PowerShell", "deploy.ps1"),
    ("csv", "CSV", ""),
];

/// The CSV tables, as the CLI's `--table` names them.
const CSV_TABLES: [&str; 4] = ["subnets", "inbound", "outbound", "routes"];

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub design: Shared<Design>,
    /// The ISE's REST requests (its first tab); the Standard files have no such tab.
    #[prop_or_default]
    pub rest: Option<Rc<RestRequests>>,
    pub stem: AttrValue,
    /// Whose files: the ISE's, or the Logic Apps Standard network's.
    #[prop_or_default]
    pub target: ExportTarget,
}

/// The tabs of a target: the ISE's start with its REST requests.
fn tabs(target: ExportTarget) -> &'static [(&'static str, &'static str, &'static str)] {
    match target {
        ExportTarget::Ise => &TABS,
        ExportTarget::Standard => &TABS[1..],
    }
}

/// What the worker last answered for a tab.
#[derive(Clone, PartialEq)]
struct Answer {
    key: &'static str,
    /// The design it was written for.
    design: Shared<Design>,
    outcome: Outcome,
}

#[derive(Clone, PartialEq)]
enum Outcome {
    Files(Rc<Vec<File>>),
    Failed(String),
}

fn request(key: &str, design: &Design, target: ExportTarget) -> Request {
    let design_json = design.to_json();
    if key == "csv" {
        let tables = match target {
            ExportTarget::Ise => CSV_TABLES.iter().map(|t| t.to_string()).collect(),
            ExportTarget::Standard => StandardTable::ALL
                .iter()
                .map(|t| t.name().to_string())
                .collect(),
        };
        Request::Csv {
            tables,
            design_json,
            target,
        }
    } else {
        Request::Export {
            format: key.to_string(),
            design_json,
            target,
        }
    }
}

#[function_component]
pub fn ExportSection(props: &ExportProps) -> Html {
    let selected = use_state(|| 0usize);
    let retries = use_state(|| 0u32);
    let tabs = tabs(props.target);
    let selected_key = tabs.get(*selected).map_or(tabs[0].0, |t| t.0);
    let answer = use_export(selected_key, props.design.clone(), *retries, props.target);
    let choose = {
        let selected = selected.clone();
        Callback::from(move |n: usize| {
            selected.set(n);
            browser::focus_id(&format!("tab-{}", tabs[n].0));
        })
    };
    let retry = {
        let retries = retries.clone();
        Callback::from(move |_| retries.set(*retries + 1))
    };
    html! {
        <section class="card exports" id="export" aria-labelledby="export-title">
            <h2 id="export-title">{ "Export" }</h2>
            { tab_list(tabs, *selected, &choose) }
            { for tabs.iter().enumerate().map(|(n, (k, _, file))| {
                let on = n == *selected;
                html! {
                    <div role="tabpanel" id={format!("panel-{k}")} aria-labelledby={format!("tab-{k}")} hidden={!on}
                        class="tab-panel" data-state={if on { panel_state(k, &answer, &props.design) } else { "" }}
                        aria-busy={(on && *k != "rest" && panel_state(k, &answer, &props.design) == "preparing").to_string()}>
                        if on {
                            if let (true, Some(rest)) = (*k == "rest", &props.rest) {
                                <Requests rest={rest.clone()} stem={props.stem.clone()} />
                            } else {
                                { how_to_deploy(k, &props.design) }
                                { panel_body(k, file, &answer, &props.design, &retry) }
                            }
                        }
                    </div>
                }
            }) }
        </section>
    }
}

/// The ARIA tab list: a click or the arrow keys, Home and End choose a tab.
fn tab_list(
    tabs: &'static [(&'static str, &'static str, &'static str)],
    selected: usize,
    choose: &Callback<usize>,
) -> Html {
    let on_key = {
        let choose = choose.clone();
        Callback::from(move |e: KeyboardEvent| {
            let last = tabs.len() - 1;
            let next = match e.key().as_str() {
                "ArrowRight" => (selected + 1) % tabs.len(),
                "ArrowLeft" => (selected + last) % tabs.len(),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            e.prevent_default();
            choose.emit(next);
        })
    };
    html! {
        <div class="tabs" role="tablist" aria-label="Export formats">
            { for tabs.iter().enumerate().map(|(n, (k, label, _))| {
                let on = n == selected;
                html! {
                    <button type="button" role="tab" id={format!("tab-{k}")} aria-selected={on.to_string()}
                        aria-controls={format!("panel-{k}")} tabindex={if on { "0" } else { "-1" }}
                        onclick={choose.reform(move |_| n)} onkeydown={on_key.clone()}>{ *label }</button>
                }
            }) }
        </div>
    }
}

/// The tools worker's answer for the tab `key` and the design: asked at once when a tab is
/// chosen, after a pause in editing for the tab already open; only the latest answer counts.
#[hook]
fn use_export(
    key: &'static str,
    design: Shared<Design>,
    retries: u32,
    target: ExportTarget,
) -> UseStateHandle<Option<Answer>> {
    let answer = use_state(|| None::<Answer>);
    let latest = use_mut_ref(|| 0u32);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let answer = answer.clone();
        use_effect_with(
            (key, design, retries, target),
            move |(key, design, _, target): &(&'static str, Shared<Design>, u32, ExportTarget)| {
                let target = *target;
                let (key, design) = (*key, design.clone());
                let current = (*answer).clone();
                let up_to_date = current.as_ref().is_some_and(|a| {
                    a.key == key && a.design == design && matches!(a.outcome, Outcome::Files(_))
                });
                if key == "rest" || up_to_date {
                    timer.borrow_mut().take();
                    return;
                }
                // The same tab after an edit waits for a pause; a tab just chosen is written at once.
                let same_tab = current.as_ref().is_some_and(|a| a.key == key);
                let delay = if same_tab { DEBOUNCE_MS } else { 0 };
                let ticket = {
                    let mut l = latest.borrow_mut();
                    *l = l.wrapping_add(1);
                    *l
                };
                let send_now = move || {
                    let for_design = design.clone();
                    tools_worker::send(
                        request(key, &design, target),
                        Box::new(move |response| {
                            if *latest.borrow() == ticket {
                                answer.set(Some(Answer {
                                    key,
                                    design: for_design,
                                    outcome: outcome(response),
                                }));
                            }
                        }),
                    );
                };
                *timer.borrow_mut() = Some(Timeout::new(delay, send_now));
            },
        );
    }
    answer
}

/// The files the worker wrote, or why not.
fn outcome(response: Response) -> Outcome {
    match response {
        Response::Files { files } => Outcome::Files(Rc::new(files)),
        Response::Refused { message } | Response::Failed { message } => Outcome::Failed(message),
        _ => Outcome::Failed("the tools gave an unexpected answer".into()),
    }
}

/// `ready`, `preparing` (nothing yet, or text for an earlier design) or `failed`, for
/// styling and for tests to wait on.
fn panel_state(key: &str, answer: &Option<Answer>, design: &Shared<Design>) -> &'static str {
    if key == "rest" {
        return "ready";
    }
    match answer {
        Some(a) if a.key == key => match &a.outcome {
            Outcome::Failed(_) => "failed",
            Outcome::Files(_) if a.design == *design => "ready",
            Outcome::Files(_) => "preparing",
        },
        _ => "preparing",
    }
}

fn panel_body(
    key: &str,
    file: &str,
    answer: &Option<Answer>,
    design: &Shared<Design>,
    retry: &Callback<MouseEvent>,
) -> Html {
    let mine = answer.as_ref().filter(|a| a.key == key);
    match mine.map(|a| (&a.outcome, a.design == *design)) {
        None => html! {
            <p class="preparing">{ if file.is_empty() { "Preparing the tables…".to_string() } else { format!("Preparing {file}…") } }</p>
        },
        Some((Outcome::Failed(message), _)) => html! {
            <div class="finding error export-failed" role="alert">
                <span class="finding-kind">{ "Not available: " }</span>{ message }{ ". " }
                <button type="button" class="small" onclick={retry.clone()}>{ "Try again" }</button>
            </div>
        },
        Some((Outcome::Files(files), fresh)) => html! {
            <>
                if !fresh { <p class="preparing">{ "Preparing… (following your latest changes)" }</p> }
                { for files.iter().map(|f| file_view(f, fresh, files.len() > 1)) }
            </>
        },
    }
}

/// One file: its text in a focusable scrolling region, Copy and Download.
fn file_view(f: &File, fresh: bool, titled: bool) -> Html {
    let id = format!("export-{}", f.name.replace('.', "-"));
    let mime = if f.name.ends_with(".json") {
        "application/json"
    } else if f.name.ends_with(".csv") {
        "text/csv"
    } else {
        "text/plain"
    };
    let text = AttrValue::from(f.text.clone());
    html! {
        <div class={classes!("export-file", (!fresh).then_some("stale"))}>
            if titled { <h3>{ csv_title(&f.name) }</h3> }
            <pre class="export-text" id={id.clone()} tabindex="0" role="region" aria-label={f.name.clone()}>{ &f.text }</pre>
            <div class="actions">
                if fresh {
                    <CopyButton label={format!("Copy {}", f.name)} text={text.clone()} id={Some(AttrValue::from(format!("{id}-copy")))} />
                    <DownloadButton label={format!("Download {}", f.name)} filename={f.name.clone()} content={text} mime={mime} />
                }
            </div>
        </div>
    }
}

fn csv_title(name: &str) -> String {
    let what = match name {
        "subnets.csv" => "ISE subnets",
        "nsg-inbound.csv" => "Inbound security rules",
        "nsg-outbound.csv" => "Outbound security rules",
        "routes.csv" => "Routes",
        _ => "Table",
    };
    format!("{what} ({name})")
}

/// One line on how to deploy the file.
fn how_to_deploy(key: &str, d: &Design) -> Html {
    let group = if d.vnet.resource_group.trim().is_empty() {
        d.resource_group.trim()
    } else {
        d.vnet.resource_group.trim()
    };
    // A name typed by the user goes into a command only when it needs no quoting.
    let plain = !group.is_empty()
        && group
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '(' | ')'));
    let group = if plain {
        group.to_string()
    } else {
        "<the VNet's resource group>".into()
    };
    let (before, command, after): (&str, String, &str) = match key {
        "arm" => ("Deploy to the VNet's resource group: ", format!("az deployment group create --resource-group {group} --template-file azuredeploy.json"), " (in PowerShell, New-AzResourceGroupDeployment with -TemplateFile azuredeploy.json)."),
        "bicep" => ("Deploy to the VNet's resource group: ", format!("New-AzResourceGroupDeployment -ResourceGroupName {group} -TemplateFile main.bicep"), " (or az deployment group create with --template-file main.bicep)."),
        "terraform" => ("In a folder holding main.tf, signed in to Azure: ", "terraform init && terraform apply".into(), "."),
        "azcli" => ("After az login, with the subscription chosen: ", "bash deploy.sh".into(), "."),
        "powershell" => ("After Connect-AzAccount: ", "./deploy.ps1".into(), "."),
        _ => ("One table per file, as the page shows it: ", "RFC 4180 CSV".into(), " — cells a spreadsheet would run as formulas start with '."),
    };
    html! {
        <p class="how-to-deploy">{ before }<code>{ command }</code>{ after }</p>
    }
}
