//! The switch between the design's two plans: the ISE (retired) and the Logic Apps Standard
//! network that replaces it. Saved with the design (autosave, file, link); it sits on the
//! status line's row, so the first view keeps its room.

use ise_planner::design::View;
use yew::prelude::*;

use crate::state::Edit;

/// Each view: its key, label and what choosing it means (read out with the choice).
const VIEWS: [(View, &str, &str, &str); 2] = [
    (View::Ise, "ise", "ISE (retired)",
     "The integration service environment's four subnets, NSG rules, routes and requests: for auditing and documenting an ISE."),
    (View::Standard, "standard", "Logic Apps Standard (replacement)",
     "The network that replaces the ISE, from the same design: VNet integration and private-endpoint subnets, private endpoints and DNS zones, app settings, rules and routes."),
];

/// The view switch: two radio buttons, each explained to screen readers by its sentence.
pub fn view_switch(view: View, on_edit: &Callback<Edit>) -> Html {
    html! {
        <fieldset class="view-switch" id="f-view">
            <legend>{ "Plan:" }</legend>
            { for VIEWS.iter().map(|&(v, key, label, about)| {
                let id = format!("f-view-{key}");
                let onchange = on_edit.reform(move |_: Event| Edit::new(move |d| d.view = v));
                html! {
                    <span class="choice">
                        <input type="radio" name="f-view" id={id.clone()} checked={v == view} {onchange} aria-describedby={format!("{id}-about")} />
                        <label for={id.clone()}>{ label }</label>
                        <span id={format!("{id}-about")} class="visually-hidden">{ about }</span>
                    </span>
                }
            }) }
        </fieldset>
    }
}
