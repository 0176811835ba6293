//! The design's own actions: save to a file, open a file (at most
//! [`Design::MAX_FILE_BYTES`]), copy a share link (deflated by the browser; a design too large
//! for a link is offered *Save design* instead), print, start over — and the recent designs
//! that opening or starting over replaced.

use gloo_timers::callback::Timeout;
use ise_planner::design::Design;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::buttons::DownloadButton;
use crate::browser;
use crate::state::recent::RecentDesign;
use crate::state::{file_stem, make_link, Action, MakeError, Notice, Shared, Why};

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
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.emit(opened(gloo_file::File::from(file)).await);
            });
        })
    };
    let start_over = props
        .dispatch
        .reform(|_| Action::Replace(Box::default(), Why::StartOver));
    // The file is built when its button is used, not on every keystroke.
    let json = {
        let design = props.design.clone();
        Callback::from(move |_| design.to_json())
    };
    html! {
        <nav class="toolbar" aria-label="Design">
            <DownloadButton label="Save design" filename={format!("{}-design.json", file_stem(&props.design))} produce={json} />
            <button type="button" id="open-design-button" onclick={choose_file}>{ "Open design…" }</button>
            <input ref={file_input} type="file" id="open-design" hidden=true aria-label="Open a design file" accept=".json,application/json" onchange={open} />
            <ShareLinkButton design={props.design.clone()} />
            <button type="button" onclick={Callback::from(|_| browser::print())}>{ "Print summary" }</button>
            <button type="button" id="start-over" onclick={start_over}>{ "Start over" }</button>
            { recent_designs(props) }
        </nav>
    }
}

/// What opening `file` does: replace the design, or say why it was not opened.
async fn opened(file: gloo_file::File) -> Action {
    let name = file.name();
    let size = file.size() as usize;
    if size > Design::MAX_FILE_BYTES {
        return Action::Notice(Some(Notice::problem(format!(
            "{name} was not opened: it is {} MiB, and a design file is at most {} MiB. Check that this is the right file.",
            size.div_ceil(1 << 20),
            Design::MAX_FILE_BYTES >> 20
        ))));
    }
    match gloo_file::futures::read_as_text(&file).await {
        Err(e) => Action::Notice(Some(Notice::problem(format!(
            "{name} could not be read: {e}."
        )))),
        Ok(text) => match Design::load(&text) {
            Ok(loaded) => Action::ReplaceLoaded(Box::new(loaded), Why::OpenedFile(name)),
            Err(e) => Action::Notice(Some(Notice::problem(format!(
                "{name} was not opened: {e}."
            )))),
        },
    }
}

/// The designs that opening or starting over replaced, each a click away.
fn recent_designs(props: &ToolbarProps) -> Html {
    if props.recent.is_empty() {
        return Html::default();
    }
    html! {
        <details class="recent">
            <summary>{ format!("Recent designs ({})", props.recent.len()) }</summary>
            <ul>
                { for props.recent.iter().enumerate().map(|(n, r)| {
                    let restore = props.dispatch.reform(move |_| Action::Restore(n));
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
}

/// Why no share link was copied.
#[derive(Clone, PartialEq)]
enum LinkStatus {
    Copied,
    /// The design is too large for a link: the core's reason, and the offer of Save design.
    TooLarge(String),
    Failed(String),
}

#[derive(Properties, PartialEq)]
struct ShareLinkProps {
    design: Shared<Design>,
}

/// "Copy share link": builds the link when clicked; a design too large for a link is told
/// so, with a *Save design* button right there.
#[function_component]
fn ShareLinkButton(props: &ShareLinkProps) -> Html {
    let status = use_state(|| None::<LinkStatus>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let (design, status, timer) = (props.design.clone(), status.clone(), timer.clone());
        Callback::from(move |_: MouseEvent| {
            let (design, status, timer) = (design.clone(), status.clone(), timer.clone());
            timer.borrow_mut().take();
            wasm_bindgen_futures::spawn_local(async move {
                let result = match make_link(&design).await {
                    Ok(link) => browser::copy_text(&link)
                        .await
                        .map(|()| LinkStatus::Copied)
                        .unwrap_or_else(|e| LinkStatus::Failed(format!("Copy failed: {e}."))),
                    Err(MakeError::TooLarge(e)) => LinkStatus::TooLarge(e.to_string()),
                    Err(MakeError::Browser(e)) => {
                        LinkStatus::Failed(format!("No link: {e}. Use Save design instead."))
                    }
                };
                if result == LinkStatus::Copied {
                    let reset = status.clone();
                    *timer.borrow_mut() = Some(Timeout::new(2500, move || reset.set(None)));
                }
                status.set(Some(result));
            });
        })
    };
    let save = {
        let design = props.design.clone();
        Callback::from(move |_| design.to_json())
    };
    let class = match &*status {
        Some(LinkStatus::Copied) => Some("ok"),
        Some(_) => Some("failed"),
        None => None,
    };
    html! {
        <span class="action">
            <button type="button" id="copy-link" class="copy" {onclick}>{ "Copy share link" }</button>
            <span class={classes!("action-status", class)} role="status">
                { match &*status {
                    Some(LinkStatus::Copied) => html! { "✓ Copied" },
                    Some(LinkStatus::Failed(why)) => html! { why },
                    Some(LinkStatus::TooLarge(why)) => html! {
                        <>
                            { format!("No link: {why}. ") }
                            <DownloadButton label="Save design" filename={format!("{}-design.json", file_stem(&props.design))} produce={save} />
                        </>
                    },
                    None => html! {},
                } }
            </span>
        </span>
    }
}
