//! The four ISE subnets — the answer: each prefix shown as text (selectable, copyable, in
//! the accessibility tree), with its usable range and delegation. Pinning is a separate,
//! explicit action: *Pin* keeps the prefix the planner chose, *Edit* opens an input with the
//! current prefix to type another, *Unpin* hands it back to the planner (it stays where it is
//! while that block is valid), *Re-allocate all* places the unpinned subnets afresh. Beside
//! the table, the plan's own words on why the subnets sit where they do.

use std::cell::RefCell;
use std::rc::Rc;

use ise_planner::design::{Deployment, SubnetSpec};
use ise_planner::export::tables;
use ise_planner::ise::placement;
use ise_planner::ise::subnets::PlannedSubnet;
use ise_planner::ise::DELEGATION_SERVICE;
use ise_planner::Plan;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::buttons::CopyButton;
use super::fields::{described_by, field_findings, field_id, has_error, FindingsProps};
use crate::state::{Edit, Shared};

#[derive(Properties, PartialEq)]
pub struct SubnetsProps {
    pub design: Shared<ise_planner::Design>,
    /// The plan of the design as it is now (the answer follows every keystroke).
    pub plan: Shared<Plan>,
    /// The settled plan (findings, after a pause).
    pub settled: Shared<Plan>,
    pub on_edit: Callback<Edit>,
    /// Changes when the whole design is replaced: rows then start afresh (editors closed).
    pub generation: u32,
    /// The allocation note of the plan before the placements were last refreshed, when it told
    /// why subnets moved ("Subnet 3 could not stay at …"): the refreshed plan places them the
    /// same but no longer says why, so the page shows this note until the next edit.
    #[prop_or_default]
    pub explained_before: Option<AttrValue>,
}

pub fn subnets_table(props: &SubnetsProps) -> Html {
    let plan = &props.plan;
    let e = &props.on_edit;
    let reallocate = {
        let on_edit = e.clone();
        Callback::from(move |_| on_edit.emit(Edit::new(placement::reallocate_all)))
    };
    let copy_table = {
        let plan = plan.clone();
        Callback::from(move |_| {
            let t = tables::subnets(&plan);
            Ok((t.to_tsv(), Some(t.to_html())))
        })
    };
    let d = &props.design;
    html! {
        <section class="card results" id="results" aria-labelledby="subnets-title">
            <h2 id="subnets-title">{ "ISE subnets" }</h2>
            <div class="scroll" tabindex="0" role="region" aria-labelledby="subnets-caption">
                <table class="subnets">
                    <caption id="subnets-caption">{ "Four empty /27 subnets (32 addresses each; Azure keeps 5, leaving 27)" }</caption>
                    <thead><tr>
                        <th scope="col">{ "#" }</th><th scope="col">{ "Name" }</th><th scope="col">{ "Prefix" }</th>
                        <th scope="col">{ "Usable addresses" }</th><th scope="col">{ "Delegation" }</th><th scope="col">{ "Placement" }</th>
                    </tr></thead>
                    <tbody>
                    { for d.subnets.iter().enumerate().map(|(i, spec)| html! {
                        <SubnetRow key={format!("{}-{i}", props.generation)} index={i} spec={spec.clone()} planned={plan.subnets.get(i).cloned()}
                            settled={props.settled.clone()} bound={d.existing_bound_to(i).and_then(|x| d.vnet.existing_subnets.get(x)).map(|x| AttrValue::from(if x.name.trim().is_empty() { x.prefix.trim().to_string() } else { x.name.trim().to_string() }))}
                            on_edit={e.clone()} />
                    }) }
                    </tbody>
                </table>
            </div>
            { field_findings(&yew::props!(FindingsProps { plan: props.settled.clone(), field: "subnets", exact: true })) }
            <div class="actions">
                <button type="button" id="reallocate" onclick={reallocate}>{ "Re-allocate all" }</button>
                <CopyButton label="Copy table" produce={copy_table} />
                <span class="help" id="free-space">{ plan.allocation.free_space() }</span>
            </div>
            if let Some(note) = props.explained_before.clone().or_else(|| (!plan.allocation.summary.is_empty()).then(|| AttrValue::from(plan.allocation.summary.clone()))) {
                <p class="allocation-note" id="allocation-note">{ note }</p>
            }
            if d.deployment == Deployment::Rest {
                <p class="help delegation-note">
                    { "Subnet 1 is delegated to " }<code>{ DELEGATION_SERVICE }</code>{ ". The portal article says " }
                    <code>{ "Microsoft.integrationServiceEnvironment" }</code>
                    { ", which is not a valid delegation: Azure's service name for ISE is the one above." }
                </p>
            }
        </section>
    }
}

/// A long identifier that may wrap after `/` and before an inner capital letter
/// (`Microsoft.Logic/` `integrationService` `Environments`); copying it gives the same text.
fn breakable(text: &str) -> Html {
    let mut parts: Vec<String> = vec![String::new()];
    let mut prev_lower = false;
    for c in text.chars() {
        if c.is_ascii_uppercase() && prev_lower && parts.last().is_some_and(|p| p.len() >= 8) {
            parts.push(String::new());
        }
        if let Some(p) = parts.last_mut() {
            p.push(c);
        }
        prev_lower = c.is_ascii_lowercase();
        if c == '/' {
            parts.push(String::new());
        }
    }
    parts
        .into_iter()
        .map(|p| html! { <>{ p }<wbr /></> })
        .collect()
}

#[derive(Properties, PartialEq)]
struct RowProps {
    index: usize,
    spec: SubnetSpec,
    planned: Option<PlannedSubnet>,
    settled: Shared<Plan>,
    /// The existing subnet this ISE subnet stands for (marked as ISE subnet), by name.
    bound: Option<AttrValue>,
    on_edit: Callback<Edit>,
}

#[function_component]
fn SubnetRow(props: &RowProps) -> Html {
    let i = props.index;
    let allocated = props.planned.as_ref().and_then(|p| p.prefix.clone());
    let editor = use_prefix_editor(props, allocated.clone());
    let pinned = props.spec.is_pinned();
    html! {
        <tr class={classes!(pinned.then_some("is-pinned"))}>
            <th scope="row">{ i + 1 }</th>
            { name_cell(props) }
            { prefix_cell(props, &editor) }
            <td class="range">
                { props.planned.as_ref().and_then(|p| Some(format!("{} – {}", p.first_usable.as_ref()?, p.last_usable.as_ref()?))).unwrap_or_else(|| "—".into()) }
                <span class="count">{ format!("{} usable", props.planned.as_ref().map(|p| p.usable_addresses).unwrap_or(0)) }</span>
            </td>
            <td class="delegation">{ match props.planned.as_ref().and_then(|p| p.delegation) {
                Some(service) => breakable(service),
                None => html! { "none" },
            } }</td>
            { placement_cell(props, allocated) }
        </tr>
    }
}

/// The subnet's name, as an input with its findings.
fn name_cell(props: &RowProps) -> Html {
    let i = props.index;
    let field = format!("subnets[{i}].name");
    let on_name = props.on_edit.reform(move |ev: InputEvent| {
        let v = ev.target_unchecked_into::<HtmlInputElement>().value();
        Edit::typed(move |d| {
            if let Some(s) = d.subnets.get_mut(i) {
                s.name = v.clone()
            }
        })
    });
    let invalid = has_error(&props.settled, &field);
    html! {
        <td class="name">
            <input id={field_id(&field)} aria-label={format!("Subnet {} name", i + 1)} value={props.spec.name.clone()} oninput={on_name}
                aria-invalid={invalid.to_string()} aria-describedby={described_by(&field, false)} spellcheck="false" autocomplete="off" />
            { field_findings(&yew::props!(FindingsProps { plan: props.settled.clone(), field: field.clone() })) }
        </td>
    }
}

/// The prefix as text with *Edit*, or the open editor.
fn prefix_cell(props: &RowProps, editor: &PrefixEditor) -> Html {
    let n = props.index + 1;
    let field = format!("subnets[{}].prefix", props.index);
    let pinned = props.spec.is_pinned();
    let shown = props.planned.as_ref().and_then(|p| p.prefix.clone());
    let invalid = has_error(&props.settled, &field);
    html! {
        <td class="prefix">
            if editor.open {
                <div class="prefix-editor">
                    <input ref={editor.input.clone()} id={field_id(&field)} class="prefix-input" aria-label={format!("Subnet {n} prefix")}
                        value={editor.draft.clone()} oninput={editor.on_input.clone()} onkeydown={editor.on_key.clone()} placeholder="automatic"
                        aria-invalid={invalid.to_string()} aria-describedby={format!("{} {}-keys", described_by(&field, false), field_id(&field))}
                        spellcheck="false" autocomplete="off" />
                    <button type="button" class="small" onclick={editor.close.reform(|_| ())}>{ "Done" }</button>
                    <p class="help" id={format!("{}-keys", field_id(&field))}>{ "Typing pins this prefix; empty lets the planner choose. Enter: done, Escape: undo." }</p>
                </div>
            } else {
                <span class="prefix-line">
                    <span class={classes!("prefix-value", shown.is_none().then_some("missing"))} id={format!("subnet-{n}-prefix")}>
                        { shown.clone().unwrap_or_else(|| if pinned { props.spec.prefix.clone() } else { "not placed".into() }) }
                    </span>
                    <button type="button" class="small edit" ref={editor.edit_button.clone()} id={format!("{}-edit", field_id(&field))}
                        onclick={editor.open_it.clone()} aria-label={format!("Edit subnet {n} prefix")} aria-describedby={described_by(&field, false)}>{ "Edit" }</button>
                </span>
            }
            { field_findings(&yew::props!(FindingsProps { plan: props.settled.clone(), field: field.clone() })) }
        </td>
    }
}

/// Pinned or allocated, the existing subnet it stands for, and *Pin* / *Unpin*.
fn placement_cell(props: &RowProps, allocated: Option<String>) -> Html {
    let (i, n) = (props.index, props.index + 1);
    let pinned = props.spec.is_pinned();
    let badge = if pinned {
        "pinned"
    } else if allocated.is_none() {
        "not placed"
    } else {
        "allocated"
    };
    let can_toggle = pinned || allocated.is_some();
    let toggle_pin = props.on_edit.reform(move |_: MouseEvent| {
        let allocated = allocated.clone();
        Edit::new(move |d| {
            if d.subnets.get(i).is_some_and(SubnetSpec::is_pinned) {
                placement::unpin(d, i);
            } else if let Some(a) = &allocated {
                placement::pin(d, i, a);
            }
        })
    });
    let action = if pinned { "Unpin" } else { "Pin" };
    html! {
        <td class="placement">
            <span class={classes!("badge", if pinned { "pinned" } else { "auto" })}>{ badge }</span>
            if let Some(existing) = &props.bound {
                <span class="bound">{ format!("existing subnet {existing}") }</span>
            }
            if can_toggle {
                <button type="button" class="small" onclick={toggle_pin} aria-label={format!("{action} subnet {n}")}>{ action }</button>
            }
        </td>
    }
}

/// A row's prefix editor: open or not, what it holds, and its handlers. Opening it and
/// closing it move the focus to the input and back to *Edit*.
struct PrefixEditor {
    open: bool,
    draft: String,
    input: NodeRef,
    edit_button: NodeRef,
    open_it: Callback<MouseEvent>,
    close: Callback<()>,
    on_input: Callback<InputEvent>,
    on_key: Callback<KeyboardEvent>,
}

#[hook]
fn use_prefix_editor(props: &RowProps, allocated: Option<String>) -> PrefixEditor {
    let i = props.index;
    let editing = use_state(|| false);
    let draft = use_state(String::new);
    // The prefix before the editor opened (Escape brings it back).
    let before = use_mut_ref(String::new);
    let input = use_node_ref();
    let edit_button = use_node_ref();
    let refocus = use_mut_ref(|| false);
    use_refocus(
        *editing,
        input.clone(),
        edit_button.clone(),
        refocus.clone(),
    );
    let open_it = {
        let (editing, draft, before, refocus) = (
            editing.clone(),
            draft.clone(),
            before.clone(),
            refocus.clone(),
        );
        let current = if props.spec.is_pinned() {
            props.spec.prefix.clone()
        } else {
            allocated.unwrap_or_default()
        };
        let original = props.spec.prefix.clone();
        Callback::from(move |_| {
            *before.borrow_mut() = original.clone();
            draft.set(current.clone());
            *refocus.borrow_mut() = true;
            editing.set(true);
        })
    };
    let close = {
        let (editing, refocus) = (editing.clone(), refocus.clone());
        Callback::from(move |_| {
            *refocus.borrow_mut() = true;
            editing.set(false);
        })
    };
    let on_input = {
        let (on_edit, draft) = (props.on_edit.clone(), draft.clone());
        Callback::from(move |ev: InputEvent| {
            let v = ev.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(v.clone());
            on_edit.emit(Edit::typed(move |d| {
                if let Some(s) = d.subnets.get_mut(i) {
                    s.prefix = v.trim().to_string();
                }
            }));
        })
    };
    let on_key = editor_keys(i, props.on_edit.clone(), before, close.clone());
    PrefixEditor {
        open: *editing,
        draft: (*draft).clone(),
        input,
        edit_button,
        open_it,
        close,
        on_input,
        on_key,
    }
}

/// After the editor opens or closes by the user's hand, the focus goes to the input (its text
/// selected) or back to *Edit*.
#[hook]
fn use_refocus(open: bool, input: NodeRef, edit_button: NodeRef, refocus: Rc<RefCell<bool>>) {
    use_effect_with(open, move |open| {
        if std::mem::take(&mut *refocus.borrow_mut()) {
            if *open {
                if let Some(el) = input.cast::<HtmlInputElement>() {
                    let _ = el.focus();
                    el.select();
                }
            } else if let Some(el) = edit_button.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// The editor's keys: Enter closes it, Escape brings back the prefix it opened with.
fn editor_keys(
    i: usize,
    on_edit: Callback<Edit>,
    before: Rc<RefCell<String>>,
    close: Callback<()>,
) -> Callback<KeyboardEvent> {
    Callback::from(move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            ev.prevent_default();
            close.emit(());
        }
        "Escape" => {
            ev.prevent_default();
            let was = before.borrow().clone();
            on_edit.emit(Edit::new(move |d| {
                if let Some(s) = d.subnets.get_mut(i) {
                    s.prefix = was.clone();
                }
            }));
            close.emit(());
        }
        _ => {}
    })
}
