//! The existing subnets: a textarea with one subnet per line (`10.0.0.0/24 web`), which
//! scales to a VNet with 100,000 subnets, and a windowed list to mark the ones that are the
//! ISE's own subnets (documenting an ISE that exists).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use ise_planner::design::{Design, ExistingSubnet};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::fields::{described_by, field_findings, field_id, has_error, FindingsProps, FormProps};
use crate::state::{Edit, Shared};

const FIELD: &str = "vnet.existingSubnets";
/// Rows of the list shown at first, and added by each "Show more".
const WINDOW: usize = 25;
const MORE: usize = 100;
/// Beyond this many lines (Azure allows 3,000 subnets in a VNet) the textarea is folded away
/// until asked for: laid out, a list of 100,000 lines slows every keystroke elsewhere.
const FOLD_LINES: usize = 5_000;

/// One line of the textarea as a subnet: the prefix, then an optional name (separated by
/// spaces, a tab or a comma, as pasted from a spreadsheet). A blank line stays an entry, so
/// that line numbers and finding paths agree.
fn parse_line(line: &str) -> (String, String) {
    let t = line.trim();
    match t.find(|c: char| c.is_whitespace() || c == ',') {
        None => (t.to_string(), String::new()),
        Some(at) => (
            t[..at].to_string(),
            t[at..]
                .trim_matches(|c: char| c.is_whitespace() || c == ',')
                .to_string(),
        ),
    }
}

/// The textarea's text for a list of subnets.
fn to_text(list: &[ExistingSubnet]) -> String {
    let mut text = String::with_capacity(list.len() * 24);
    for (i, s) in list.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(s.prefix.trim());
        if !s.name.trim().is_empty() {
            text.push(' ');
            text.push_str(s.name.trim());
        }
    }
    text
}

/// Whether the textarea shows this list already (prefix and name of every line).
fn shows(shown: &[(String, String)], list: &[ExistingSubnet]) -> bool {
    shown.len() == list.len()
        && shown
            .iter()
            .zip(list)
            .all(|((p, n), s)| p == s.prefix.trim() && n == s.name.trim())
}

/// The design's list after the textarea changed to `lines`: each line keeps the ISE mark
/// and delegations of the subnet with the same prefix and name, wherever it moved.
fn apply_lines(design: &mut Design, lines: &[(String, String)]) {
    let old = std::mem::take(&mut design.vnet.existing_subnets);
    let mut flags: HashMap<(String, String), Vec<ExistingSubnet>> = HashMap::new();
    for s in old
        .into_iter()
        .filter(|s| s.ise_subnet || !s.delegations.is_empty())
    {
        flags
            .entry((s.prefix.trim().to_string(), s.name.trim().to_string()))
            .or_default()
            .push(s);
    }
    design.vnet.existing_subnets = lines
        .iter()
        .map(|(prefix, name)| {
            let kept = if flags.is_empty() {
                None
            } else {
                flags
                    .get_mut(&(prefix.clone(), name.clone()))
                    .and_then(|v| v.pop())
            };
            ExistingSubnet {
                name: name.clone(),
                prefix: prefix.clone(),
                ise_subnet: kept.as_ref().is_some_and(|k| k.ise_subnet),
                delegations: kept.map(|k| k.delegations).unwrap_or_default(),
            }
        })
        .collect();
}

#[function_component]
pub fn ExistingSubnets(props: &FormProps) -> Html {
    let d = &props.design;
    let area = use_node_ref();
    // What the textarea shows, as (prefix, name) per line. The textarea is not re-rendered
    // from the design on every keystroke (that would move the caret and copy megabytes): it
    // is rewritten only when the design changed from elsewhere (a file, a link, an import).
    let shown = use_mut_ref(|| None::<Rc<Vec<(String, String)>>>);
    {
        let (area, shown) = (area.clone(), shown.clone());
        use_effect_with(d.clone(), move |d: &Shared<Design>| {
            let list = &d.vnet.existing_subnets;
            let stale = shown.borrow().as_ref().is_none_or(|s| !shows(s, list));
            if stale {
                if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                    el.set_value(&to_text(list));
                    *shown.borrow_mut() = Some(Rc::new(
                        list.iter()
                            .map(|s| (s.prefix.trim().to_string(), s.name.trim().to_string()))
                            .collect(),
                    ));
                }
            }
        });
    }
    let oninput = {
        let (on_edit, shown) = (props.on_edit.clone(), shown.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            let lines: Rc<Vec<(String, String)>> = Rc::new(if text.is_empty() {
                Vec::new()
            } else {
                text.split('\n').map(parse_line).collect()
            });
            *shown.borrow_mut() = Some(lines.clone());
            on_edit.emit(Edit::typed(move |d| apply_lines(d, &lines)));
        })
    };
    let id = field_id(FIELD);
    let invalid = has_error(&props.plan, FIELD);
    let unfolded = use_state_eq(|| false);
    let lines = d.vnet.existing_subnets.len();
    let folded = lines > FOLD_LINES && !*unfolded;
    let unfold = {
        let (unfolded, area) = (unfolded.clone(), area.clone());
        Callback::from(move |_| {
            unfolded.set(true);
            if let Some(el) = area.cast::<HtmlTextAreaElement>() {
                el.set_hidden(false);
                let _ = el.focus();
            }
        })
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ "Existing subnets" }</label>
            if folded {
                <p class="help folded">
                    { format!("{lines} lines, folded away so that typing elsewhere stays fast. ") }
                    <button type="button" class="small" id="show-existing" onclick={unfold}>{ "Show the list to edit it" }</button>
                </p>
            }
            <textarea ref={area} id={id.clone()} rows="3" {oninput} placeholder="10.0.0.0/24 web" hidden={folded}
                aria-invalid={invalid.to_string()} aria-describedby={described_by(FIELD, true)}
                spellcheck="false" autocomplete="off" wrap="off" />
            <p id={format!("{id}-help")} class="help">{ "One per line: the prefix, then its name if you like (10.0.0.0/24 web). The ISE subnets avoid them." }</p>
            { field_findings(&yew::props!(FindingsProps { plan: props.plan.clone(), field: FIELD, lines: true })) }
            <ExistingList design={d.clone()} on_edit={props.on_edit.clone()} on_notice={props.on_notice.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ListProps {
    design: Shared<Design>,
    on_edit: Callback<Edit>,
    on_notice: Callback<(String, bool)>,
}

/// The existing subnets as a list, with "Mark as ISE subnet" on each: windowed (the first
/// rows, then more on request), so a VNet with 100,000 subnets stays responsive.
#[function_component]
fn ExistingList(props: &ListProps) -> Html {
    let limit = use_state(|| WINDOW);
    let d = &props.design;
    let list = &d.vnet.existing_subnets;
    let total = list.iter().filter(|s| !s.prefix.trim().is_empty()).count();
    if total == 0 {
        return html! {};
    }
    // Which ISE subnet each marked existing subnet became.
    let bound: HashMap<usize, usize> = (0..d.subnets.len())
        .filter_map(|slot| Some((d.existing_bound_to(slot)?, slot)))
        .collect();
    let marked = list.iter().filter(|s| s.ise_subnet).count();
    let rows: Vec<(usize, &ExistingSubnet)> = list
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.prefix.trim().is_empty())
        .take(*limit)
        .collect();
    let hidden = total - rows.len();
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + MORE))
    };
    html! {
        <details class="existing-list">
            <summary>{ format!("Mark existing subnets as ISE subnets ({total} subnet{}{})", if total == 1 { "" } else { "s" }, if marked > 0 { format!(", {marked} marked") } else { String::new() }) }</summary>
            <p class="help">{ "Documenting an ISE that exists? Mark its four subnets: each becomes one of the ISE subnets, pinned to its prefix and name." }</p>
            <div class="scroll" tabindex="0" role="region" aria-labelledby="existing-caption">
                <table class="existing">
                    <caption id="existing-caption">{ "Existing subnets" }</caption>
                    <thead><tr><th scope="col">{ "Line" }</th><th scope="col">{ "Name" }</th><th scope="col">{ "Prefix" }</th><th scope="col">{ "ISE subnet" }</th></tr></thead>
                    <tbody>
                    { for rows.into_iter().map(|(i, s)| {
                        let on_edit = props.on_edit.clone();
                        let slot = bound.get(&i).copied();
                        let who = if s.name.trim().is_empty() { s.prefix.trim().to_string() } else { s.name.trim().to_string() };
                        let action = if s.ise_subnet {
                            let unmark = Callback::from(move |_| on_edit.emit(Edit::new(move |d| d.unmark_existing_as_ise(i))));
                            html! { <>
                                <span class="badge pinned">{ match slot { Some(n) => format!("ISE subnet {}", n + 1), None => "marked".to_string() } }</span>
                                <button type="button" class="small" onclick={unmark} aria-label={format!("Unmark {who} as ISE subnet")}>{ "Unmark" }</button>
                            </> }
                        } else {
                            let on_notice = props.on_notice.clone();
                            let mark = Callback::from(move |_| {
                                let result = Rc::new(RefCell::new(None));
                                let r = result.clone();
                                on_edit.emit(Edit::new(move |d| *r.borrow_mut() = Some(d.mark_existing_as_ise(i))));
                                let refused = matches!(*result.borrow(), Some(None));
                                if refused {
                                    on_notice.emit(("All four ISE subnets already stand for other existing subnets; unmark one first.".into(), true));
                                }
                            });
                            html! { <button type="button" class="small" onclick={mark} aria-label={format!("Mark {who} as ISE subnet")}>{ "Mark as ISE subnet" }</button> }
                        };
                        html! {
                            <tr>
                                <td>{ i + 1 }</td>
                                <td>{ s.name.trim() }</td>
                                <td class="mono">{ s.prefix.trim() }</td>
                                <td>{ action }</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </div>
            if hidden > 0 {
                <p class="help">
                    { format!("Showing {} of {total}. ", total - hidden) }
                    <button type="button" class="small" onclick={more}>{ format!("Show {} more", hidden.min(MORE)) }</button>
                </p>
            }
        </details>
    }
}
