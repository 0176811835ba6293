//! The design's own actions: save to a file, open a file, copy a share link, print, start over.

use std::rc::Rc;

use ise_planner::design::Design;
use ise_planner::share_link;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::buttons::{CopyButton, DownloadButton};
use crate::browser;
use crate::state::{file_stem, Action, Notice};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub design: Rc<Design>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
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
                    Err(e) => Action::Notice(Some(Notice {
                        text: format!("{name} could not be read: {e}."),
                        is_problem: true,
                    })),
                    Ok(text) => match Design::from_json(&text) {
                        Ok(design) => Action::Replace(
                            design,
                            Some(Notice {
                                text: format!("Opened {name}."),
                                is_problem: false,
                            }),
                        ),
                        Err(e) => Action::Notice(Some(Notice {
                            text: format!("{name} was not opened: {e}."),
                            is_problem: true,
                        })),
                    },
                };
                dispatch.emit(action);
            });
        })
    };
    let start_over = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            dispatch.emit(Action::Replace(
                Design::default(),
                Some(Notice {
                    text: "Started a new design from the defaults.".into(),
                    is_problem: false,
                }),
            ))
        })
    };
    // A design too large for a link gets no link: the button says why (Save design instead).
    let link = share_link::encode(&props.design)
        .map(|fragment| format!("{}#{fragment}", browser::url_without_hash()));
    html! {
        <nav class="toolbar" aria-label="Design">
            <DownloadButton label="Save design" filename={format!("{}-design.json", file_stem(&props.design))} content={props.design.to_json()} />
            <label class="button" for="open-design">{ "Open design…" }</label>
            <input type="file" id="open-design" class="visually-hidden" accept=".json,application/json" onchange={open} />
            { match link {
                Ok(link) => html! { <CopyButton label="Copy share link" text={link} id={Some(AttrValue::from("copy-link"))} /> },
                Err(e) => html! { <button type="button" id="copy-link" disabled=true title={e.to_string()}>{ "Copy share link" }</button> },
            } }
            <button type="button" onclick={Callback::from(|_| browser::print())}>{ "Print summary" }</button>
            <button type="button" onclick={start_over}>{ "Start over" }</button>
        </nav>
    }
}
