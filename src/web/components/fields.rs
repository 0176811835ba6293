//! Form fields with their findings beside them: a text input, a one-entry-per-line list,
//! and the findings block they share.

use std::rc::Rc;

use ise_planner::{Plan, Severity};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// The element id of the control for a design field path (`vnet.addressPrefixes` →
/// `f-vnet-addressPrefixes`).
pub fn field_id(field: &str) -> String {
    let mut id = String::from("f-");
    for c in field.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if !(c == '-' && id.ends_with('-')) {
            id.push(c);
        }
    }
    id.trim_end_matches('-').to_string()
}

/// Whether a finding's field belongs to the control for `field` (itself, or one of its
/// list entries `field[3]`, or a sub-field `field.x`).
fn belongs(finding_field: &str, field: &str) -> bool {
    finding_field == field
        || finding_field
            .strip_prefix(field)
            .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
}

/// "line 3" for `vnet.addressPrefixes[2]` under `vnet.addressPrefixes`.
fn line_of(finding_field: &str, field: &str) -> Option<usize> {
    let rest = finding_field.strip_prefix(field)?.strip_prefix('[')?;
    rest.split(']').next()?.parse::<usize>().ok().map(|i| i + 1)
}

pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub plan: Rc<Plan>,
    pub field: AttrValue,
    /// For list fields: say which line each finding is about.
    #[prop_or_default]
    pub lines: bool,
    /// Only findings about this very field, not its entries or sub-fields (which are shown
    /// beside their own controls).
    #[prop_or_default]
    pub exact: bool,
}

/// The findings about one field, shown beside it.
#[function_component]
pub fn FieldFindings(props: &FindingsProps) -> Html {
    let field = props.field.as_str();
    let found: Vec<_> = props
        .plan
        .findings
        .iter()
        .filter(|f| {
            if props.exact {
                f.field == field
            } else {
                belongs(&f.field, field)
            }
        })
        .collect();
    let id = format!("{}-findings", field_id(field));
    if found.is_empty() {
        return html! { <div id={id} class="field-findings" aria-live="polite"></div> };
    }
    html! {
        <ul id={id} class="field-findings" aria-live="polite">
            { for found.iter().map(|f| {
                let line = if props.lines { line_of(&f.field, field).map(|n| format!("Line {n}: ")) } else { None };
                html! {
                    <li class={classes!("finding", f.severity.as_str())} data-code={f.code}>
                        <span class="finding-kind">{ severity_word(f.severity) }{": "}</span>
                        { line.unwrap_or_default() }{ &f.message }
                    </li>
                }
            }) }
        </ul>
    }
}

/// Whether the field has an error (for `aria-invalid` and the red outline).
pub fn has_error(plan: &Plan, field: &str) -> bool {
    plan.findings
        .iter()
        .any(|f| f.severity == Severity::Error && belongs(&f.field, field))
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub plan: Rc<Plan>,
    pub field: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub list: Option<AttrValue>,
    #[prop_or(AttrValue::Static("text"))]
    pub input_type: AttrValue,
    #[prop_or_default]
    pub disabled: bool,
}

/// A labelled single-line input with its help and findings.
#[function_component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = field_id(&props.field);
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(el.value());
        })
    };
    let invalid = has_error(&props.plan, &props.field);
    let described = format!("{id}-help {id}-findings");
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ &props.label }</label>
            <input id={id.clone()} type={props.input_type.clone()} value={props.value.clone()} {oninput}
                placeholder={props.placeholder.clone()} list={props.list.clone()} disabled={props.disabled}
                aria-invalid={invalid.to_string()} aria-describedby={described} spellcheck="false" autocomplete="off" />
            if let Some(help) = &props.help { <p id={format!("{id}-help")} class="help">{ help }</p> }
            <FieldFindings plan={props.plan.clone()} field={props.field.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ListFieldProps {
    pub plan: Rc<Plan>,
    pub field: AttrValue,
    pub label: AttrValue,
    pub values: Vec<String>,
    pub on_input: Callback<Vec<String>>,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or(3)]
    pub rows: u32,
}

/// Splits a textarea into entries, one per line; an empty box is an empty list. Joining
/// with line breaks gives the text back exactly, so typing is never disturbed.
pub fn split_lines(text: &str) -> Vec<String> {
    if text.is_empty() {
        Vec::new()
    } else {
        text.split('\n')
            .map(|l| l.trim_end_matches('\r').to_string())
            .collect()
    }
}

/// A labelled textarea holding one entry per line, with findings by line.
#[function_component]
pub fn ListField(props: &ListFieldProps) -> Html {
    let id = field_id(&props.field);
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(split_lines(&el.value()));
        })
    };
    let invalid = has_error(&props.plan, &props.field);
    let described = format!("{id}-help {id}-findings");
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ &props.label }</label>
            <textarea id={id.clone()} rows={props.rows.to_string()} value={props.values.join("\n")} {oninput}
                placeholder={props.placeholder.clone()} aria-invalid={invalid.to_string()} aria-describedby={described}
                spellcheck="false" autocomplete="off" />
            if let Some(help) = &props.help { <p id={format!("{id}-help")} class="help">{ help }</p> }
            <FieldFindings plan={props.plan.clone()} field={props.field.clone()} lines=true />
        </div>
    }
}
