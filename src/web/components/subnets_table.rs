//! The four ISE subnets — the answer: each prefix shown as text (selectable, copyable, in
//! the accessibility tree), with its usable range and delegation. Pinning is a separate,
//! explicit action: *Pin* keeps the prefix the planner chose, *Edit* opens an input with the
//! current prefix to type another, *Unpin* hands it back to the planner (it stays where it is
//! while that block is valid), *Re-allocate all* places the unpinned subnets afresh. Beside
//! the table, the plan's own words on why the subnets sit where they do.

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
    let n = i + 1;
    let e = &props.on_edit;
    // The prefix editor: open or not, what it holds, and the prefix before it opened.
    let editing = use_state(|| false);
    let draft = use_state(String::new);
    let before = use_mut_ref(String::new);
    let input = use_node_ref();
    let edit_button = use_node_ref();
    let refocus = use_mut_ref(|| false);
    {
        let (input, edit_button, refocus) = (input.clone(), edit_button.clone(), refocus.clone());
        use_effect_with(*editing, move |open| {
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
    let allocated = props.planned.as_ref().and_then(|p| p.prefix.clone());
    let pinned = props.spec.is_pinned();
    let name_field = format!("subnets[{i}].name");
    let prefix_field = format!("subnets[{i}].prefix");
    let settled = &props.settled;

    let on_name = {
        let on_edit = e.clone();
        Callback::from(move |ev: InputEvent| {
            let v = ev.target_unchecked_into::<HtmlInputElement>().value();
            on_edit.emit(Edit::typed(move |d| {
                if let Some(s) = d.subnets.get_mut(i) {
                    s.name = v.clone()
                }
            }));
        })
    };
    let open_editor = {
        let (editing, draft, before, refocus) = (
            editing.clone(),
            draft.clone(),
            before.clone(),
            refocus.clone(),
        );
        let current = if pinned {
            props.spec.prefix.clone()
        } else {
            allocated.clone().unwrap_or_default()
        };
        let original = props.spec.prefix.clone();
        Callback::from(move |_| {
            *before.borrow_mut() = original.clone();
            draft.set(current.clone());
            *refocus.borrow_mut() = true;
            editing.set(true);
        })
    };
    let close_editor = {
        let (editing, refocus) = (editing.clone(), refocus.clone());
        Callback::from(move |_| {
            *refocus.borrow_mut() = true;
            editing.set(false);
        })
    };
    let on_prefix = {
        let (on_edit, draft) = (e.clone(), draft.clone());
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
    let on_key = {
        let (on_edit, before, close) = (e.clone(), before.clone(), close_editor.clone());
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
    };
    let toggle_pin = {
        let (on_edit, allocated) = (e.clone(), allocated.clone());
        Callback::from(move |_| {
            let allocated = allocated.clone();
            on_edit.emit(Edit::new(move |d| {
                if d.subnets.get(i).is_some_and(SubnetSpec::is_pinned) {
                    placement::unpin(d, i);
                } else if let Some(a) = &allocated {
                    placement::pin(d, i, a);
                }
            }));
        })
    };

    let name_invalid = has_error(settled, &name_field);
    let prefix_invalid = has_error(settled, &prefix_field);
    let shown = props.planned.as_ref().and_then(|p| p.prefix.clone());
    let usable = props.planned.as_ref().and_then(|p| {
        Some(format!(
            "{} – {}",
            p.first_usable.as_ref()?,
            p.last_usable.as_ref()?
        ))
    });
    html! {
        <tr class={classes!(pinned.then_some("is-pinned"))}>
            <th scope="row">{ n }</th>
            <td class="name">
                <input id={field_id(&name_field)} aria-label={format!("Subnet {n} name")} value={props.spec.name.clone()} oninput={on_name}
                    aria-invalid={name_invalid.to_string()} aria-describedby={described_by(&name_field, false)} spellcheck="false" autocomplete="off" />
                { field_findings(&yew::props!(FindingsProps { plan: settled.clone(), field: name_field.clone() })) }
            </td>
            <td class="prefix">
                if *editing {
                    <div class="prefix-editor">
                        <input ref={input} id={field_id(&prefix_field)} class="prefix-input" aria-label={format!("Subnet {n} prefix")}
                            value={(*draft).clone()} oninput={on_prefix} onkeydown={on_key} placeholder="automatic"
                            aria-invalid={prefix_invalid.to_string()} aria-describedby={format!("{} {}-keys", described_by(&prefix_field, false), field_id(&prefix_field))}
                            spellcheck="false" autocomplete="off" />
                        <button type="button" class="small" onclick={close_editor.reform(|_| ())}>{ "Done" }</button>
                        <p class="help" id={format!("{}-keys", field_id(&prefix_field))}>{ "Typing pins this prefix; empty lets the planner choose. Enter: done, Escape: undo." }</p>
                    </div>
                } else {
                    <span class="prefix-line">
                        <span class={classes!("prefix-value", shown.is_none().then_some("missing"))} id={format!("subnet-{n}-prefix")}>
                            { shown.clone().unwrap_or_else(|| if pinned { props.spec.prefix.clone() } else { "not placed".into() }) }
                        </span>
                        <button type="button" class="small edit" ref={edit_button} id={format!("{}-edit", field_id(&prefix_field))}
                            onclick={open_editor} aria-label={format!("Edit subnet {n} prefix")} aria-describedby={described_by(&prefix_field, false)}>{ "Edit" }</button>
                    </span>
                }
                { field_findings(&yew::props!(FindingsProps { plan: settled.clone(), field: prefix_field.clone() })) }
            </td>
            <td class="range">
                { usable.unwrap_or_else(|| "—".into()) }
                <span class="count">{ format!("{} usable", props.planned.as_ref().map(|p| p.usable_addresses).unwrap_or(0)) }</span>
            </td>
            <td class="delegation">{ match props.planned.as_ref().and_then(|p| p.delegation) {
                Some(service) => breakable(service),
                None => html! { "none" },
            } }</td>
            <td class="placement">
                <span class={classes!("badge", if pinned { "pinned" } else { "auto" })}>
                    { if pinned { "pinned" } else if allocated.is_none() { "not placed" } else { "allocated" } }
                </span>
                if let Some(existing) = &props.bound {
                    <span class="bound">{ format!("existing subnet {existing}") }</span>
                }
                if pinned || allocated.is_some() {
                    <button type="button" class="small" onclick={toggle_pin} aria-label={format!("{} subnet {n}", if pinned { "Unpin" } else { "Pin" })}>
                        { if pinned { "Unpin" } else { "Pin" } }
                    </button>
                }
            </td>
        </tr>
    }
}
