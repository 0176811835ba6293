//! The ISE's validation: reads every typed value of the design, turns each problem into a finding, and
//! hands the planner the values it can use.
//!
//! Split by what is checked: [`environment`] (subscription, names, region, SKU),
//! [`network`] (VNet prefixes, existing subnets, pinned ISE subnets), [`subnet_names`], and
//! [`lists`] (DNS servers, address lists, certificates, connectors).

pub mod environment;
pub mod lists;
pub mod network;
pub mod subnet_names;

use ipnet::Ipv4Net;

use crate::design::Design;
use crate::findings::Findings;

/// The design's values as the planner uses them, after validation.
#[derive(Debug, Default)]
pub struct Checked {
    pub findings: Findings,
    /// The region's programmatic name (typed value normalised).
    pub location: String,
    /// Usable VNet prefixes (host bits cleared), in the order typed.
    pub vnet_prefixes: Vec<Ipv4Net>,
    /// Usable existing subnet prefixes.
    pub existing: Vec<Ipv4Net>,
    /// Per ISE subnet: `Some` when pinned and readable as a prefix.
    pub pinned: Vec<Option<Ipv4Net>>,
    /// Per ISE subnet: the user pinned something (readable or not).
    pub pinned_typed: Vec<bool>,
    pub lists: lists::CheckedLists,
}

/// Checks the whole design.
pub fn check(design: &Design) -> Checked {
    let mut findings = Findings::default();
    let location = environment::check(design, &mut findings);
    let net = network::check(design, &mut findings);
    subnet_names::check(design, &mut findings);
    let lists = lists::check(design, &net.vnet_prefixes, &mut findings);
    Checked {
        findings,
        location,
        vnet_prefixes: net.vnet_prefixes,
        existing: net.existing,
        pinned: net.pinned,
        pinned_typed: design.subnets.iter().map(|s| s.is_pinned()).collect(),
        lists,
    }
}
