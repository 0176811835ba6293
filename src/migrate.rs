//! Moving from an ISE to Logic Apps Standard: plans the ISE's network, then the Standard
//! network that replaces it, from one design — the ISE's subnets handed to the Standard
//! planner as the space to avoid, or to reuse once the ISE is deleted.

use serde::Serialize;

use crate::design::Design;
use crate::ise::plan::{plan as ise_plan, Plan};
use crate::standard::{self, IseSubnet, StandardPlan};

/// Both plans of one design.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Migration {
    pub ise: Plan,
    pub standard: StandardPlan,
}

/// The ISE's subnets as its plan placed them (those it could place).
pub fn ise_subnets(plan: &Plan) -> Vec<IseSubnet> {
    plan.subnets
        .iter()
        .filter_map(|s| {
            Some(IseSubnet {
                name: s.name.clone(),
                prefix: s.net()?,
            })
        })
        .collect()
}

/// Plans the ISE, then the Standard network beside it (or in its space).
pub fn plan(design: &Design) -> Migration {
    let ise = ise_plan(design);
    let standard = standard::plan(design, &ise_subnets(&ise));
    Migration { ise, standard }
}
