//! The switch between the design's two plans: the ISE (retired) and the Logic Apps Standard
//! network that replaces it. Saved with the design (autosave, file, link).

use ise_planner::design::View;
use yew::prelude::*;

use super::fields::{chooser, radio_group, Choice, RadioProps};
use crate::state::Edit;

const VIEWS: &[Choice] = &[
    ("ise", "ISE (retired)",
     "The integration service environment's four subnets, NSG rules, routes and requests: for auditing and documenting an ISE."),
    ("standard", "Logic Apps Standard (replacement)",
     "The network that replaces the ISE, from the same design: VNet integration and private-endpoint subnets, private endpoints and DNS zones, app settings, rules and routes."),
];

/// The view switch, at the top of the page.
pub fn view_switch(view: View, on_edit: &Callback<Edit>) -> Html {
    let selected = match view {
        View::Ise => "ise",
        View::Standard => "standard",
    };
    let on_change = chooser(on_edit, |d, key: &str| {
        d.view = if key == "standard" {
            View::Standard
        } else {
            View::Ise
        }
    });
    html! {
        <section class="view-switch" aria-label="Which plan">
            { radio_group(&yew::props!(RadioProps { id: "f-view", legend: "Plan", choices: VIEWS, selected, on_change })) }
        </section>
    }
}
