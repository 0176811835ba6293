//! Copy and download buttons, each saying what happened in its own small status. What they
//! copy or save can be built only when clicked (`produce`), so that a share link or a JSON
//! export costs nothing while the user types.

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::browser;

/// What a copy button copies, built when clicked: the text and, optionally, an HTML table;
/// or why there is nothing to copy.
pub type Produced = Result<(String, Option<String>), String>;

#[derive(Properties, PartialEq)]
pub struct CopyProps {
    pub label: AttrValue,
    /// The text to copy.
    #[prop_or_default]
    pub text: Option<AttrValue>,
    /// Also put this HTML on the clipboard (tables), beside the text.
    #[prop_or_default]
    pub html: Option<AttrValue>,
    /// Builds the text (and HTML) when the button is used, instead of `text`; an `Err` is a
    /// reason why there is nothing to copy, shown instead.
    #[prop_or_default]
    pub produce: Option<Callback<(), Produced>>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// Copies text (and optionally an HTML table) and confirms visibly.
#[function_component]
pub fn CopyButton(props: &CopyProps) -> Html {
    let status = use_state(|| None::<(bool, String)>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let onclick = {
        let (text, html, produce, status, timer) = (
            props.text.clone(),
            props.html.clone(),
            props.produce.clone(),
            status.clone(),
            timer.clone(),
        );
        Callback::from(move |_| {
            let produced = match &produce {
                Some(p) => p.emit(()),
                None => Ok((
                    text.as_deref().unwrap_or_default().to_string(),
                    html.as_ref().map(|h| h.to_string()),
                )),
            };
            let (text, html) = match produced {
                Ok(content) => content,
                Err(why) => {
                    status.set(Some((false, why)));
                    return;
                }
            };
            let (status, timer) = (status.clone(), timer.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = match &html {
                    Some(html) => browser::copy_table(&text, html).await,
                    None => browser::copy_text(&text).await,
                };
                status.set(Some(match result {
                    Ok(()) => (true, "Copied".into()),
                    Err(e) => (
                        false,
                        format!("Copy failed: {e}. Select the text and copy it by hand."),
                    ),
                }));
                let reset = status.clone();
                *timer.borrow_mut() = Some(Timeout::new(2500, move || reset.set(None)));
            });
        })
    };
    html! {
        <span class="action">
            <button type="button" id={props.id.clone()} class="copy" {onclick}>{ &props.label }</button>
            <span class={classes!("action-status", status.as_ref().map(|s| if s.0 { "ok" } else { "failed" }))} role="status">
                { status.as_ref().map(|s| if s.0 { format!("✓ {}", s.1) } else { s.1.clone() }).unwrap_or_default() }
            </span>
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadProps {
    pub label: AttrValue,
    pub filename: AttrValue,
    /// The file's content.
    #[prop_or_default]
    pub content: Option<AttrValue>,
    /// Builds the content when the button is used, instead of `content`.
    #[prop_or_default]
    pub produce: Option<Callback<(), String>>,
    #[prop_or(AttrValue::Static("application/json"))]
    pub mime: AttrValue,
}

/// Offers content as a file.
#[function_component]
pub fn DownloadButton(props: &DownloadProps) -> Html {
    let failed = use_state(|| None::<String>);
    let onclick = {
        let (name, mime, content, produce, failed) = (
            props.filename.clone(),
            props.mime.clone(),
            props.content.clone(),
            props.produce.clone(),
            failed.clone(),
        );
        Callback::from(move |_| {
            let content = match &produce {
                Some(p) => p.emit(()),
                None => content.as_deref().unwrap_or_default().to_string(),
            };
            failed.set(browser::download(&name, &mime, &content).err())
        })
    };
    html! {
        <span class="action">
            <button type="button" class="download" {onclick}>{ &props.label }</button>
            if let Some(e) = &*failed { <span class="action-status failed" role="status">{ format!("Download failed: {e}") }</span> }
        </span>
    }
}
