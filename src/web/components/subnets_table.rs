//! The four ISE subnets: name and prefix editable (a typed prefix is pinned), usable range,
//! count and delegation, with pin/unpin and re-allocate.

use ise_planner::tables;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::buttons::CopyButton;
use super::environment_form::FormProps;
use super::fields::{field_id, has_error, FieldFindings};
use crate::state::Edit;

#[function_component]
pub fn SubnetsTable(props: &FormProps) -> Html {
    let plan = &props.plan;
    let e = &props.on_edit;
    let reallocate = {
        let on_edit = e.clone();
        Callback::from(move |_| {
            on_edit.emit(Edit::new(|d| {
                d.subnets.iter_mut().for_each(|s| s.prefix.clear())
            }))
        })
    };
    let table = tables::subnets(plan);
    html! {
        <section class="card" aria-labelledby="subnets-title">
            <h2 id="subnets-title">{ "ISE subnets" }</h2>
            <p class="help">{ "Four empty /27 subnets (32 addresses; Azure keeps 5, leaving 27). Type a prefix to pin it; clear it to let the planner choose." }</p>
            <div class="scroll"><table class="subnets">
                <thead><tr>
                    <th scope="col">{ "#" }</th><th scope="col">{ "Name" }</th><th scope="col">{ "Prefix" }</th>
                    <th scope="col">{ "Usable range" }</th><th scope="col">{ "Usable" }</th><th scope="col">{ "Delegation" }</th><th scope="col">{ "Chosen" }</th>
                </tr></thead>
                <tbody>
                { for props.design.subnets.iter().enumerate().map(|(i, spec)| {
                    let planned = plan.subnets.get(i);
                    let name_field = format!("subnets[{i}].name");
                    let prefix_field = format!("subnets[{i}].prefix");
                    let on_name = { let on_edit = e.clone(); Callback::from(move |ev: InputEvent| {
                        let v = ev.target_unchecked_into::<HtmlInputElement>().value();
                        on_edit.emit(Edit::new(move |d| if let Some(s) = d.subnets.get_mut(i) { s.name = v.clone() }));
                    }) };
                    let on_prefix = { let on_edit = e.clone(); Callback::from(move |ev: InputEvent| {
                        let v = ev.target_unchecked_into::<HtmlInputElement>().value();
                        on_edit.emit(Edit::new(move |d| if let Some(s) = d.subnets.get_mut(i) { s.prefix = v.clone() }));
                    }) };
                    let allocated = planned.and_then(|p| p.prefix.clone()).unwrap_or_default();
                    let pinned = spec.is_pinned();
                    let toggle = { let on_edit = e.clone(); let allocated = allocated.clone(); Callback::from(move |_| {
                        let allocated = allocated.clone();
                        on_edit.emit(Edit::new(move |d| if let Some(s) = d.subnets.get_mut(i) {
                            if s.is_pinned() { s.prefix.clear() } else { s.prefix = allocated.clone() }
                        }));
                    }) };
                    let shown_prefix = if pinned { spec.prefix.clone() } else { String::new() };
                    html! {
                        <tr>
                            <th scope="row">{ i + 1 }</th>
                            <td>
                                <input id={field_id(&name_field)} aria-label={format!("Subnet {} name", i + 1)} value={spec.name.clone()} oninput={on_name}
                                    aria-invalid={has_error(plan, &name_field).to_string()} spellcheck="false" autocomplete="off" />
                                <FieldFindings plan={plan.clone()} field={name_field} />
                            </td>
                            <td>
                                <input id={field_id(&prefix_field)} class="prefix" aria-label={format!("Subnet {} prefix", i + 1)} value={shown_prefix}
                                    placeholder={if allocated.is_empty() { "automatic".to_string() } else { allocated.clone() }} oninput={on_prefix}
                                    aria-invalid={has_error(plan, &prefix_field).to_string()} spellcheck="false" autocomplete="off" />
                                <FieldFindings plan={plan.clone()} field={prefix_field} />
                            </td>
                            <td class="mono range">{ planned.and_then(|p| Some(format!("{} – {}", p.first_usable.as_ref()?, p.last_usable.as_ref()?))).unwrap_or_else(|| "—".into()) }</td>
                            <td>{ planned.map(|p| p.usable_addresses).unwrap_or(0) }</td>
                            <td class="mono delegation">{ match planned.and_then(|p| p.delegation) {
                                Some(service) => service.split_inclusive('/').map(|part| html! { <>{ part }<wbr /></> }).collect::<Html>(),
                                None => html! { "none" },
                            } }</td>
                            <td>
                                <span class={classes!("badge", if pinned { "pinned" } else { "auto" })}>{ if pinned { "pinned" } else if allocated.is_empty() { "not placed" } else { "allocated" } }</span>
                                if pinned || !allocated.is_empty() {
                                    <button type="button" class="small" onclick={toggle} aria-label={format!("{} subnet {}", if pinned { "Unpin" } else { "Pin" }, i + 1)}>{ if pinned { "Unpin" } else { "Pin" } }</button>
                                }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table></div>
            <FieldFindings plan={plan.clone()} field="subnets" exact=true />
            <div class="actions">
                <button type="button" id="reallocate" onclick={reallocate}>{ "Re-allocate all" }</button>
                <CopyButton label="Copy table" text={table.to_tsv()} html={Some(AttrValue::from(table.to_html()))} />
                <span class="help">{ format!("{} free /27 blocks in the VNet before placing the unpinned subnets.", plan.free_blocks) }</span>
            </div>
        </section>
    }
}
