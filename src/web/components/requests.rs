//! The REST requests of the REST API article, ready to copy or download: the ISE PUT, the certificates
//! PATCH and the managed-connector PUTs — the Export section's first tab.

use std::rc::Rc;

use ise_planner::ise::rest::{HttpRequest, RestRequests};
use yew::prelude::*;

use super::buttons::{CopyButton, DownloadButton};

#[derive(Properties, PartialEq)]
pub struct RequestProps {
    pub title: AttrValue,
    pub request: HttpRequest,
    pub stem: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// Builds the request as HTTP text when "Copy request" is used.
fn http_text(r: &HttpRequest) -> Callback<(), Result<(String, Option<String>), String>> {
    let r = r.clone();
    Callback::from(move |_| Ok((r.to_http_text(), None)))
}

fn request_view(props: &RequestProps) -> Html {
    let r = &props.request;
    let body = r
        .body
        .as_ref()
        .map(|b| serde_json::to_string_pretty(b).unwrap_or_default());
    let id = props.id.clone().unwrap_or_else(|| props.stem.clone());
    html! {
        <div class="request" id={id.clone()}>
            <h3>{ &props.title }</h3>
            <p class="request-line"><span class="method">{ r.method }</span>{ " " }<code class="url">{ &r.url }</code></p>
            <pre class="headers" tabindex="0" role="region" aria-label={format!("{} headers", props.title)}>{ for r.headers.iter().map(|(k, v)| format!("{k}: {}\n", v.as_str().unwrap_or_default())) }</pre>
            if let Some(body) = &body { <pre class="body" id={format!("{id}-body")} tabindex="0" role="region" aria-label={format!("{} body", props.title)}>{ body }</pre> }
            <div class="actions">
                if let Some(body) = &body {
                    <CopyButton label="Copy body" text={AttrValue::from(body.clone())} id={Some(AttrValue::from(format!("{id}-copy-body")))} />
                    <DownloadButton label={format!("Download {}.json", props.stem)} filename={format!("{}.json", props.stem)} content={AttrValue::from(body.clone())} />
                }
                <CopyButton label="Copy request" produce={http_text(r)} />
                <CopyButton label="Copy URL" text={AttrValue::from(r.url.clone())} />
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RequestsProps {
    pub rest: Rc<RestRequests>,
    pub stem: AttrValue,
}

#[function_component]
pub fn Requests(props: &RequestsProps) -> Html {
    let rest = &props.rest;
    html! {
        <div class="rest-requests">
            <p class="how-to-deploy">{ "Send them with any HTTP client, or " }<code>{ "az rest --method put --url <URL> --body @<file>" }</code>{ "." }</p>
            <p class="help">{ "Replace {access-token} with a bearer token (az account get-access-token). The body is strict JSON; sku.capacity is the additional capacity, 0–10 extra units on top of the base unit (Developer: 0), as in Azure's SKU list for this API version." }</p>
            { request_view(&yew::props!(RequestProps { title: "Create the ISE", request: rest.create.clone(), stem: format!("{}-ise-put", props.stem), id: Some(AttrValue::from("rest-create")) })) }
            if let Some(patch) = &rest.certificates_patch {
                { request_view(&yew::props!(RequestProps { title: "Update only the certificates of an existing ISE", request: patch.clone(), stem: format!("{}-certificates-patch", props.stem), id: Some(AttrValue::from("rest-patch")) })) }
                <p class="help">{ "The certificates object follows Microsoft's article on creating an ISE with the Logic Apps REST API; the published 2019-05-01 specification does not define it." }</p>
            }
            if !rest.connectors.is_empty() {
                <h3>{ "Deploy managed ISE connectors (after the ISE exists)" }</h3>
                <p class="help">{ "API version 2019-05-01 needs one PUT per connector; the body names the ISE's location." }</p>
                <ul class="connector-requests">
                    { for rest.connectors.iter().map(|r| html! { <li><span class="method">{ r.method }</span>{ " " }<code class="url">{ &r.url }</code>{ " " }<CopyButton label="Copy request" produce={http_text(r)} /><CopyButton label="Copy URL" text={AttrValue::from(r.url.clone())} /></li> }) }
                </ul>
            }
        </div>
    }
}
