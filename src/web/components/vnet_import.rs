//! Import an existing VNet: paste or choose the JSON Azure's tools print about it, and the
//! tools worker fills the design's virtual network from it (the core's `import::vnet`).
//! The design it replaces stays one click away (Undo, Recent designs); a file that is not a
//! VNet is refused with the core's message. The file's content is only ever data: sent to
//! the worker as text, shown back as text.

use base64::Engine;
use ise_planner::design::Design;
use ise_planner::import::vnet::MAX_IMPORT_BYTES;
use ise_planner::tools::{FileInput, Request, Response};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser::tools_worker;
use crate::state::{Action, Notice, Shared, Why};

#[derive(Properties, PartialEq)]
pub struct VnetImportProps {
    pub design: Shared<Design>,
    pub dispatch: Callback<Action>,
    /// Counts whole-design replacements: what the last import did is shown only while its
    /// design is the one being edited (Undo or opening another design hides it).
    pub generation: u32,
}

/// Where the control is: waiting for the worker, refused, or what the last import did.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Preparing(String),
    Refused(String),
    Imported { summary: String, notes: Vec<String> },
}

/// A file's bytes as the worker takes them (beyond the import's limit, only enough for it
/// to say the file is too large).
pub fn file_input(bytes: &[u8], limit: usize) -> FileInput {
    let kept = &bytes[..bytes.len().min(limit + 1)];
    FileInput::Base64(base64::engine::general_purpose::STANDARD.encode(kept))
}

#[function_component]
pub fn VnetImport(props: &VnetImportProps) -> Html {
    let status = use_state(|| Status::Idle);
    let area = use_node_ref();
    let latest = use_mut_ref(|| 0u32);
    // The generation of the design the last import made: known at the first render after it.
    let imported_as = use_mut_ref(|| None::<u32>);
    if matches!(*status, Status::Imported { .. }) {
        let mut g = imported_as.borrow_mut();
        if g.is_none() {
            *g = Some(props.generation);
        }
    }
    let current = imported_as.borrow().is_none_or(|g| g == props.generation);

    // Sends the file to the worker; the answer replaces the design, or is shown as refused.
    let run = {
        let (status, design, dispatch, latest, imported_as) = (
            status.clone(),
            props.design.clone(),
            props.dispatch.clone(),
            latest.clone(),
            imported_as.clone(),
        );
        move |file: FileInput, name: String, area: Option<HtmlTextAreaElement>| {
            status.set(Status::Preparing(name.clone()));
            *imported_as.borrow_mut() = None;
            let ticket = {
                let mut l = latest.borrow_mut();
                *l = l.wrapping_add(1);
                *l
            };
            let (status, dispatch, latest) = (status.clone(), dispatch.clone(), latest.clone());
            let request = Request::ImportVnet {
                file,
                design_json: design.to_json(),
            };
            tools_worker::send(
                request,
                Box::new(move |response| {
                    if *latest.borrow() != ticket {
                        return;
                    }
                    match response {
                        Response::VnetImported {
                            design_json,
                            summary,
                            source,
                            notes,
                        } => match Design::from_json(&design_json) {
                            Ok(design) => {
                                dispatch.emit(Action::Replace(
                                    Box::new(design),
                                    Why::OpenedFile(name.clone()),
                                ));
                                // The notice keeps Undo: the design the import replaced is one click away.
                                dispatch.emit(Action::Notice(Some(Notice {
                                    text: format!("{summary} Read from {name} as {source}."),
                                    is_problem: false,
                                    undo: true,
                                })));
                                if let Some(area) = area {
                                    area.set_value("");
                                }
                                status.set(Status::Imported { summary, notes });
                            }
                            Err(e) => status.set(Status::Refused(format!(
                                "The imported design could not be read: {e}"
                            ))),
                        },
                        Response::Refused { message } => status.set(Status::Refused(message)),
                        Response::Failed { message } => status.set(Status::Refused(format!(
                            "The import is not available: {message}. Try again."
                        ))),
                        _ => status.set(Status::Refused(
                            "The import gave an unexpected answer; try again.".into(),
                        )),
                    }
                }),
            );
        }
    };
    let import_pasted = {
        let (run, area, status) = (run.clone(), area.clone(), status.clone());
        Callback::from(move |_| {
            let Some(el) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = el.value();
            if text.trim().is_empty() {
                status.set(Status::Refused(
                    "Paste the JSON first, or choose a file.".into(),
                ));
                return;
            }
            run(FileInput::Text(text), "the pasted JSON".into(), Some(el));
        })
    };
    let import_file = {
        let (run, status) = (run.clone(), status.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let file = gloo_file::File::from(file);
            let (run, status) = (run.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                match gloo_file::futures::read_as_bytes(&file).await {
                    Ok(bytes) => run(file_input(&bytes, MAX_IMPORT_BYTES), name, None),
                    Err(e) => {
                        status.set(Status::Refused(format!("{name} could not be read: {e}.")))
                    }
                }
            });
        })
    };

    html! {
        <details class="vnet-import" id="vnet-import">
            <summary>{ "Import an existing VNet" }</summary>
            <p class="help" id="vnet-import-help">
                { "Paste or choose the JSON of " }<code>{ "az network vnet show -g GROUP -n VNET" }</code>{ ", " }
                <code>{ "az network vnet subnet list -g GROUP --vnet-name VNET" }</code>{ ", Azure's REST API or an ARM template, or " }
                <code>{ "Get-AzVirtualNetwork -ResourceGroupName GROUP -Name VNET | ConvertTo-Json -Depth 10" }</code>
                { ". It replaces the VNet (name, address space, subnets with their names, DNS servers) and keeps the ISE's own settings; Undo brings back the design it replaced." }
            </p>
            <div class="field">
                <label for="vnet-import-text">{ "The VNet's JSON" }</label>
                <textarea ref={area} id="vnet-import-text" rows="4" spellcheck="false" autocomplete="off" wrap="off"
                    aria-describedby="vnet-import-help vnet-import-status" />
            </div>
            <div class="actions">
                <button type="button" id="vnet-import-paste" onclick={import_pasted}>{ "Import pasted JSON" }</button>
                <label class="file" for="vnet-import-file">{ "…or choose a file: " }</label>
                <input type="file" id="vnet-import-file" accept=".json,application/json,text/plain" onchange={import_file}
                    aria-describedby="vnet-import-status" />
            </div>
            <div id="vnet-import-status" class="import-status">
                { match &*status {
                    Status::Idle => html! {},
                    Status::Preparing(name) => html! { <p class="preparing">{ format!("Reading {name}…") }</p> },
                    Status::Refused(message) => html! {
                        <p class="finding error" role="alert"><span class="finding-kind">{ "Error: " }</span>{ message }</p>
                    },
                    Status::Imported { .. } if !current => html! {},
                    Status::Imported { summary, notes } => html! {
                        <>
                            <p class="finding info">{ summary }</p>
                            if !notes.is_empty() {
                                <ul class="import-notes">{ for notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                            }
                        </>
                    },
                } }
            </div>
        </details>
    }
}
