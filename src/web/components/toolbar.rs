//! The design's own actions: save to a file, open a file, copy a share link, print, start
//! over — and the recent designs that opening or starting over replaced.

use ise_planner::design::Design;
use ise_planner::share_link;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::buttons::{CopyButton, DownloadButton};
use crate::browser;
use crate::recent::RecentDesign;
use crate::state::{file_stem, Action, Notice, Shared, Why};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub design: Shared<Design>,
    pub recent: Shared<Vec<RecentDesign>>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let file_input = use_node_ref();
    let choose_file = {
        let file_input = file_input.clone();
        Callback::from(move |_| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let open = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let file = gloo_file::File::from(file);
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let action = match gloo_file::futures::read_as_text(&file).await {
                    Err(e) => Action::Notice(Some(Notice::problem(format!(
                        "{name} could not be read: {e}."
                    )))),
                    Ok(text) => match Design::from_json(&text) {
                        Ok(design) => Action::Replace(Box::new(design), Why::OpenedFile(name)),
                        Err(e) => Action::Notice(Some(Notice::problem(format!(
                            "{name} was not opened: {e}."
                        )))),
                    },
                };
                dispatch.emit(action);
            });
        })
    };
    let start_over = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Replace(Box::default(), Why::StartOver)))
    };
    // The link and the file are built when their buttons are used, not on every keystroke.
    let link = {
        let design = props.design.clone();
        // A design too large for a link gets no link: the reason says to use Save design.
        Callback::from(move |_| {
            share_link::encode(&design)
                .map(|fragment| (format!("{}#{fragment}", browser::url_without_hash()), None))
                .map_err(|e| e.to_string())
        })
    };
    let json = {
        let design = props.design.clone();
        Callback::from(move |_| design.to_json())
    };
    html! {
        <nav class="toolbar" aria-label="Design">
            <DownloadButton label="Save design" filename={format!("{}-design.json", file_stem(&props.design))} produce={json} />
            <button type="button" id="open-design-button" onclick={choose_file}>{ "Open design…" }</button>
            <input ref={file_input} type="file" id="open-design" hidden=true aria-label="Open a design file" accept=".json,application/json" onchange={open} />
            <CopyButton label="Copy share link" produce={link} id={Some(AttrValue::from("copy-link"))} />
            <button type="button" onclick={Callback::from(|_| browser::print())}>{ "Print summary" }</button>
            <button type="button" id="start-over" onclick={start_over}>{ "Start over" }</button>
            if !props.recent.is_empty() {
                <details class="recent">
                    <summary>{ format!("Recent designs ({})", props.recent.len()) }</summary>
                    <ul>
                        { for props.recent.iter().enumerate().map(|(n, r)| {
                            let dispatch = props.dispatch.clone();
                            let restore = Callback::from(move |_| dispatch.emit(Action::Restore(n)));
                            html! {
                                <li>
                                    <button type="button" class="link" onclick={restore}>{ format!("Open {}", r.title()) }</button>
                                    <span class="help">{ format!(" — kept {}, {}", r.why, r.when) }</span>
                                </li>
                            }
                        }) }
                    </ul>
                </details>
            }
        </nav>
    }
}
