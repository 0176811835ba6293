//! Form fields with their findings beside them: a text input, a one-entry-per-line list,
//! and the findings block they share. Findings come from the *settled* plan (the one the
//! user paused on), are linked to their control by `aria-describedby`, and are never a live
//! region: the page's one status region says what changed, once the user pauses.

use ise_planner::findings::field_labels;
use ise_planner::{Finding, Plan, Severity};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::state::Shared;

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

/// The id of the element listing the findings about a field.
pub fn findings_id(field: &str) -> String {
    format!("{}-findings", field_id(field))
}

/// Whether a finding's field belongs to the control for `field` (itself, or one of its
/// list entries `field[3]`, or a sub-field `field.x`).
pub fn belongs(finding_field: &str, field: &str) -> bool {
    finding_field == field
        || finding_field
            .strip_prefix(field)
            .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
}

/// "line 3" for `vnet.addressPrefixes[2]` under `vnet.addressPrefixes`.
pub fn line_of(finding_field: &str, field: &str) -> Option<usize> {
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

/// The findings about a field (exactly it, or also its entries and sub-fields).
pub fn findings_for<'a>(
    plan: &'a Plan,
    field: &'a str,
    exact: bool,
) -> impl Iterator<Item = &'a Finding> + 'a {
    plan.findings.iter().filter(move |f| {
        if exact {
            f.field == field
        } else {
            belongs(&f.field, field)
        }
    })
}

/// Whether the field has an error (for `aria-invalid` and the red outline).
pub fn has_error(plan: &Plan, field: &str) -> bool {
    findings_for(plan, field, false).any(|f| f.severity == Severity::Error)
}

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    /// The settled plan.
    pub plan: Shared<Plan>,
    pub field: AttrValue,
    /// For list fields: say which line each finding is about.
    #[prop_or_default]
    pub lines: bool,
    /// Only findings about this very field, not its entries or sub-fields (which are shown
    /// beside their own controls).
    #[prop_or_default]
    pub exact: bool,
}

/// The findings about one field, shown beside it. The container is always there, with the
/// same id, so `aria-describedby` can point at it whether or not it holds anything.
pub fn field_findings(props: &FindingsProps) -> Html {
    let field = props.field.as_str();
    html! {
        <div id={findings_id(field)} class="field-findings" tabindex="-1">
            { for findings_for(&props.plan, field, props.exact).map(|f| {
                let line = if props.lines { line_of(&f.field, field).map(|n| format!("Line {n}: ")) } else { None };
                html! {
                    <p class={classes!("finding", f.severity.as_str())} data-code={f.code}>
                        <span class="finding-kind">{ severity_word(f.severity) }{ ": " }</span>
                        { line.unwrap_or_default() }{ &f.message }
                    </p>
                }
            }) }
        </div>
    }
}

/// `aria-describedby` for a control: its help (when it has one) and its findings.
pub fn described_by(field: &str, has_help: bool) -> String {
    let id = field_id(field);
    if has_help {
        format!("{id}-help {id}-findings")
    } else {
        format!("{id}-findings")
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The settled plan (findings).
    pub plan: Shared<Plan>,
    pub field: AttrValue,
    /// The label; by default the field's label from the core (`field_labels`).
    #[prop_or_default]
    pub label: Option<AttrValue>,
    pub value: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub list: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub disabled: bool,
}

fn label_of(field: &str, label: &Option<AttrValue>) -> String {
    label
        .as_ref()
        .map(|l| l.to_string())
        .unwrap_or_else(|| field_labels::label_or_path(field))
}

/// A labelled single-line input with its help and findings.
pub fn text_field(props: &TextFieldProps) -> Html {
    let id = field_id(&props.field);
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlInputElement = e.target_unchecked_into();
            cb.emit(el.value());
        })
    };
    let invalid = has_error(&props.plan, &props.field);
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ label_of(&props.field, &props.label) }</label>
            <input id={id.clone()} type="text" value={props.value.clone()} {oninput}
                placeholder={props.placeholder.clone()} list={props.list.clone()} disabled={props.disabled}
                inputmode={props.inputmode.clone()}
                aria-invalid={invalid.to_string()} aria-describedby={described_by(&props.field, props.help.is_some())}
                spellcheck="false" autocomplete="off" />
            if let Some(help) = &props.help { <p id={format!("{id}-help")} class="help">{ help }</p> }
            { field_findings(&yew::props!(FindingsProps { plan: props.plan.clone(), field: props.field.clone() })) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ListFieldProps {
    /// The settled plan (findings).
    pub plan: Shared<Plan>,
    pub field: AttrValue,
    #[prop_or_default]
    pub label: Option<AttrValue>,
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
pub fn list_field(props: &ListFieldProps) -> Html {
    let id = field_id(&props.field);
    let oninput = {
        let cb = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let el: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(split_lines(&el.value()));
        })
    };
    let invalid = has_error(&props.plan, &props.field);
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ label_of(&props.field, &props.label) }</label>
            <textarea id={id.clone()} rows={props.rows.to_string()} value={props.values.join("\n")} {oninput}
                placeholder={props.placeholder.clone()} aria-invalid={invalid.to_string()}
                aria-describedby={described_by(&props.field, props.help.is_some())}
                spellcheck="false" autocomplete="off" />
            if let Some(help) = &props.help { <p id={format!("{id}-help")} class="help">{ help }</p> }
            { field_findings(&yew::props!(FindingsProps { plan: props.plan.clone(), field: props.field.clone(), lines: true })) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub checked: bool,
    pub on_change: Callback<bool>,
    /// A sentence under the box, linked to it.
    #[prop_or_default]
    pub help: Option<AttrValue>,
}

/// A checkbox with its label and an optional note.
pub fn check_field(props: &CheckProps) -> Html {
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            cb.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let help_id = format!("{}-help", props.id);
    html! {
        <div class="field check-field">
            <label class="check">
                <input type="checkbox" id={props.id.clone()} checked={props.checked} {onchange}
                    aria-describedby={props.help.as_ref().map(|_| help_id.clone())} />
                { " " }{ &props.label }
            </label>
            if let Some(help) = &props.help { <p id={help_id} class="help">{ help }</p> }
        </div>
    }
}

/// What every input section receives: the design, the settled plan (findings) and where to
/// send edits; `on_notice` tells the page what an import or a mark did.
#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub design: Shared<ise_planner::Design>,
    pub plan: Shared<Plan>,
    pub on_edit: Callback<crate::state::Edit>,
    #[prop_or_default]
    pub on_notice: Callback<(String, bool)>,
    /// Replaces the whole design (an import), keeping the one replaced one click away.
    #[prop_or_default]
    pub dispatch: Callback<crate::state::Action>,
    /// Counts whole-design replacements (`PageState::generation`).
    #[prop_or_default]
    pub generation: u32,
}

/// A callback that writes a typed value into the design (a keystroke: findings wait for a
/// pause).
pub fn setter<T: 'static + Clone>(
    on_edit: &Callback<crate::state::Edit>,
    set: fn(&mut ise_planner::Design, T),
) -> Callback<T> {
    let on_edit = on_edit.clone();
    Callback::from(move |value: T| {
        on_edit.emit(crate::state::Edit::typed(move |d| set(d, value.clone())))
    })
}

/// A callback that writes a chosen value into the design (a click: findings at once).
pub fn chooser<T: 'static + Clone>(
    on_edit: &Callback<crate::state::Edit>,
    set: fn(&mut ise_planner::Design, T),
) -> Callback<T> {
    let on_edit = on_edit.clone();
    Callback::from(move |value: T| {
        on_edit.emit(crate::state::Edit::new(move |d| set(d, value.clone())))
    })
}

/// A callback for a `<select>` that writes its value into the design.
pub fn on_select(
    on_edit: &Callback<crate::state::Edit>,
    set: fn(&mut ise_planner::Design, &str),
) -> Callback<Event> {
    let on_edit = on_edit.clone();
    Callback::from(move |e: Event| {
        let value = e
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        on_edit.emit(crate::state::Edit::new(move |d| set(d, &value)));
    })
}

/// One choice of a radio group: its key (the id's last part), label and what it means.
pub type Choice = (&'static str, &'static str, &'static str);

#[derive(Properties, PartialEq)]
pub struct RadioProps {
    /// The group's id; each choice's id is `{id}-{key}`.
    pub id: AttrValue,
    pub legend: AttrValue,
    pub choices: &'static [Choice],
    /// The key of the chosen one.
    pub selected: &'static str,
    /// Called with the key chosen.
    pub on_change: Callback<&'static str>,
}

/// A group of radio buttons, each with a sentence that says what choosing it means.
pub fn radio_group(props: &RadioProps) -> Html {
    html! {
        <fieldset class="radios" id={props.id.clone()}>
            <legend>{ &props.legend }</legend>
            { for props.choices.iter().map(|&(key, label, sentence)| {
                let id = format!("{}-{key}", props.id);
                let onchange = { let cb = props.on_change.clone(); Callback::from(move |_: Event| cb.emit(key)) };
                html! {
                    <div class="radio">
                        <input type="radio" name={props.id.clone()} id={id.clone()} checked={key == props.selected} {onchange}
                            aria-describedby={format!("{id}-about")} />
                        <label for={id.clone()}>{ label }</label>
                        <p id={format!("{id}-about")} class="help">{ sentence }</p>
                    </div>
                }
            }) }
        </fieldset>
    }
}
