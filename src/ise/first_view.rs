//! The part of the ISE plan the page paints first: the four subnets and why they sit where
//! they do — computed from the network checks and the placement step alone, so that a small
//! module can paint the answer before the page's full program has arrived.
//!
//! The subnets are exactly the full plan's ([`crate::plan`]): the same bounding, the same
//! network checks, the same placement (a property test holds the two together).

use serde::Serialize;

use crate::design::{limits, Design};
use crate::findings::Findings;
use crate::ise::subnets::{self, PlannedSubnet};
use crate::ise::validate::{network, Checked};

/// The four subnets and the placement's own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FirstView {
    pub subnets: Vec<PlannedSubnet>,
    /// Why the unpinned subnets sit where they do (empty when all are pinned).
    pub allocation: String,
    /// The free space in one line.
    pub free_space: String,
    /// How many errors the network checks found (the full plan may find more).
    pub network_errors: usize,
}

/// The first view of a design's plan.
pub fn first_view(design: &Design) -> FirstView {
    let bounded = limits::bound(design);
    let design: &Design = &bounded.design;
    let mut f = Findings::default();
    let net = network::check(design, &mut f);
    let checked = Checked {
        vnet_prefixes: net.vnet_prefixes,
        existing: net.existing,
        pinned: net.pinned,
        pinned_typed: design.subnets.iter().map(|s| s.is_pinned()).collect(),
        ..Checked::default()
    };
    let placed = subnets::place(design, &checked, &mut f);
    let network_errors =
        f.0.iter()
            .filter(|x| x.severity == crate::Severity::Error)
            .count();
    FirstView {
        free_space: placed.allocation.free_space(),
        allocation: placed.allocation.summary,
        subnets: placed.subnets,
        network_errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::ExistingSubnet;

    #[test]
    fn the_first_view_is_the_plans_subnets() {
        let mut d = Design::default();
        d.vnet.existing_subnets = vec![ExistingSubnet::from("10.0.0.32/27")];
        d.subnets[2].prefix = "10.0.3.224/27".into();
        let view = first_view(&d);
        let plan = crate::plan(&d);
        let prefixes = |s: &[PlannedSubnet]| {
            s.iter()
                .map(|s| (s.prefix.clone(), s.delegation))
                .collect::<Vec<_>>()
        };
        assert_eq!(prefixes(&view.subnets), prefixes(&plan.subnets));
        assert_eq!(view.allocation, plan.allocation.summary);
        assert_eq!(view.free_space, plan.allocation.free_space());
        assert!(
            view.allocation.contains("10.0.0.128/25"),
            "{}",
            view.allocation
        );
    }
}
