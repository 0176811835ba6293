//! Import an existing VNet: paste or choose the JSON Azure's tools print about it, and the
//! tools worker fills the design's virtual network from it (the core's `import::vnet`).
//! The design it replaces stays one click away (Undo, Recent designs); a file that is not a
//! VNet is refused with the core's message. The file's content is only ever data: sent to
//! the worker as text, shown back as text.

use std::cell::RefCell;
use std::rc::Rc;

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
    // The generation of the design the last import made: known at the first render after it.
    let imported_as = use_mut_ref(|| None::<u32>);
    if matches!(*status, Status::Imported { .. }) {
        let mut g = imported_as.borrow_mut();
        if g.is_none() {
            *g = Some(props.generation);
        }
    }
    let current = imported_as.borrow().is_none_or(|g| g == props.generation);
    let importer = Importer {
        status: status.clone(),
        design: props.design.clone(),
        dispatch: props.dispatch.clone(),
        latest: use_mut_ref(|| 0u32),
        imported_as,
    };
    let import_pasted = {
        let (importer, area) = (importer.clone(), area.clone());
        Callback::from(move |_| importer.pasted(area.cast::<HtmlTextAreaElement>()))
    };
    let import_file = Callback::from(move |e: Event| importer.chosen(e.target_unchecked_into()));
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
            <div id="vnet-import-status" class="import-status">{ status_view(&status, current) }</div>
        </details>
    }
}

/// What the control says: reading, refused, or what the last import did (while its design is
/// the one being edited).
fn status_view(status: &Status, current: bool) -> Html {
    match status {
        Status::Idle => html! {},
        Status::Preparing(name) => {
            html! { <p class="preparing">{ format!("Reading {name}…") }</p> }
        }
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
    }
}

/// Sends a VNet's JSON to the tools worker; the answer replaces the design, or is shown as
/// refused. Only the latest request's answer counts.
#[derive(Clone)]
struct Importer {
    status: UseStateHandle<Status>,
    design: Shared<Design>,
    dispatch: Callback<Action>,
    latest: Rc<RefCell<u32>>,
    imported_as: Rc<RefCell<Option<u32>>>,
}

impl Importer {
    /// Imports the pasted JSON.
    fn pasted(&self, area: Option<HtmlTextAreaElement>) {
        let Some(el) = area else {
            return;
        };
        let text = el.value();
        if text.trim().is_empty() {
            self.status.set(Status::Refused(
                "Paste the JSON first, or choose a file.".into(),
            ));
            return;
        }
        self.run(FileInput::Text(text), "the pasted JSON".into(), Some(el));
    }

    /// Imports the file chosen in `input`.
    fn chosen(&self, input: HtmlInputElement) {
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let file = gloo_file::File::from(file);
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            match gloo_file::futures::read_as_bytes(&file).await {
                Ok(bytes) => this.run(file_input(&bytes, MAX_IMPORT_BYTES), name, None),
                Err(e) => this
                    .status
                    .set(Status::Refused(format!("{name} could not be read: {e}."))),
            }
        });
    }

    fn run(&self, file: FileInput, name: String, area: Option<HtmlTextAreaElement>) {
        self.status.set(Status::Preparing(name.clone()));
        *self.imported_as.borrow_mut() = None;
        let ticket = {
            let mut l = self.latest.borrow_mut();
            *l = l.wrapping_add(1);
            *l
        };
        let request = Request::ImportVnet {
            file,
            design_json: self.design.to_json(),
        };
        let this = self.clone();
        tools_worker::send(
            request,
            Box::new(move |response| {
                if *this.latest.borrow() == ticket {
                    this.answer(response, &name, area.as_ref());
                }
            }),
        );
    }

    fn answer(&self, response: Response, name: &str, area: Option<&HtmlTextAreaElement>) {
        let refused = match response {
            Response::VnetImported {
                design_json,
                summary,
                source,
                notes,
            } => match Design::from_json(&design_json) {
                Ok(design) => {
                    self.dispatch.emit(Action::Replace(
                        Box::new(design),
                        Why::OpenedFile(name.to_string()),
                    ));
                    // The notice keeps Undo: the design the import replaced is one click away.
                    self.dispatch.emit(Action::Notice(Some(Notice {
                        text: format!("{summary} Read from {name} as {source}."),
                        is_problem: false,
                        undo: true,
                    })));
                    if let Some(area) = area {
                        area.set_value("");
                    }
                    self.status.set(Status::Imported { summary, notes });
                    return;
                }
                Err(e) => format!("The imported design could not be read: {e}"),
            },
            Response::Refused { message } => message,
            Response::Failed { message } => {
                format!("The import is not available: {message}. Try again.")
            }
            _ => "The import gave an unexpected answer; try again.".into(),
        };
        self.status.set(Status::Refused(refused));
    }
}
