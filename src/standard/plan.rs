//! `plan()`: the Standard planner's one entry point. The design and the ISE's subnets in, the
//! Standard network out — each step a call whose name says what it does, in the order they
//! depend on each other.

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::design::Hosting;
use crate::design::{limits, Design};
use crate::findings::code;
use crate::findings::{ordered_and_capped, Counts, Finding, Findings};
use crate::network::address_map::{self, MapPrefix};
use crate::standard::carry_over::{self, CarryOver};
use crate::standard::checklist::{self, ChecklistItem};
use crate::standard::decisions::{self, Decision};
use crate::standard::endpoints::{self, DnsZone, PrivateEndpoint};
use crate::standard::network::{self, STANDARD};
use crate::standard::nsg::{self, SecurityRule};
use crate::standard::outbound::{self, Dependency};
use crate::standard::reuse::{self, ReuseReport};
use crate::standard::routes::{self, RouteTable};
use crate::standard::settings::{self, AccessRestriction, Setting};
use crate::standard::subnets::{self, PlannedSubnet};
use crate::standard::{addresses, names, sources, IseSubnet, SubnetRole};

/// Everything the Standard planner derives from a design.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StandardPlan {
    /// Errors first, then warnings, then notes; each group in the order found.
    pub findings: Vec<Finding>,
    pub counts: Counts,
    pub hosting: Hosting,
    /// The new subnets: the integration (or App Service Environment) subnet, then the
    /// private-endpoint subnet.
    pub subnets: Vec<PlannedSubnet>,
    /// What the ISE's space can become, when the ISE has subnets.
    pub reuse: Option<ReuseReport>,
    pub private_endpoints: Vec<PrivateEndpoint>,
    pub dns_zones: Vec<DnsZone>,
    /// App settings, site and resource properties.
    pub settings: Vec<Setting>,
    /// The public endpoint's access restrictions (External ISE with callers), in priority order.
    pub access_restrictions: Vec<AccessRestriction>,
    /// NSG rules, by NSG, inbound then outbound, in priority order.
    pub nsg_rules: Vec<SecurityRule>,
    /// The route table forced tunneling needs.
    pub route_table: Option<RouteTable>,
    /// What the app's outbound traffic must reach.
    pub outbound_dependencies: Vec<Dependency>,
    /// What each ISE choice becomes.
    pub carry_over: Vec<CarryOver>,
    /// Where the articles disagree or are silent, and what the plan follows.
    pub decisions: Vec<Decision>,
    pub checklist: Vec<ChecklistItem>,
    /// The VNet's address space with the new subnets, as segments to draw.
    pub address_map: Vec<MapPrefix>,
}

impl StandardPlan {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.counts.errors > 0
    }

    /// The subnet of `role`, when the design has one.
    pub fn subnet(&self, role: SubnetRole) -> Option<&PlannedSubnet> {
        self.subnets.iter().find(|s| s.role == role)
    }
}

/// Fields only the ISE uses: their limit findings are the ISE plan's to report.
const ISE_ONLY_FIELDS: [&str; 9] = [
    "name",
    "sku",
    "additionalCapacity",
    "subnets",
    "certificates",
    "managedConnectors",
    "dependencyAddresses",
    "governmentAddresses.logicAppsInbound",
    "governmentAddresses.logicAppsOutbound",
];

/// Whether a finding's field is `path` or lies under it.
fn under(field: &str, path: &str) -> bool {
    field
        .strip_prefix(path)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

/// Plans the Standard network of a design, beside (or in place of) the ISE's `ise` subnets.
/// Pure and deterministic; never panics, whatever the design holds.
pub fn plan(design: &Design, ise: &[IseSubnet]) -> StandardPlan {
    let bounded = limits::bound(design);
    let design: &Design = &bounded.design;
    let mut f = Findings::default();
    let space = network::read(design, ise, &mut f);
    names::check(design, &space, &mut f);
    let addresses = addresses::read(design, &space.vnet, &mut f);
    let count = endpoints::count(design);
    let mut placed = subnets::place(design, &space, &addresses, count, &mut f);
    let reuse = reuse::report(design, &space, &addresses, &placed, &mut f);
    let name_of = |role| {
        placed
            .subnets
            .iter()
            .find(|s| s.role == role)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let (endpoint_subnet, integration_subnet) = (
        name_of(SubnetRole::PrivateEndpoints),
        name_of(SubnetRole::Integration),
    );
    let private_endpoints = endpoints::endpoints(design, &endpoint_subnet);
    let dns_zones = endpoints::zones(design, &private_endpoints, &mut f);
    warn_push_triggers(design, &mut f);
    let nsg_rules = nsg::rules(design, &addresses, &placed.subnets);
    nsg::attach(&mut placed.subnets, &nsg_rules);
    let route_table = routes::table(design, &addresses, &mut placed.subnets);
    let address_map = map(&space, &placed.subnets, design.standard.reuse_ise_space);
    let endpoint_prefix = placed
        .subnets
        .iter()
        .find(|s| s.role == SubnetRole::PrivateEndpoints)
        .and_then(|s| s.prefix.clone())
        .unwrap_or(endpoint_subnet);
    let findings = standard_findings(&bounded, f);
    StandardPlan {
        counts: Counts::of(&findings),
        findings,
        hosting: design.standard.hosting,
        subnets: placed.subnets,
        reuse,
        private_endpoints,
        dns_zones,
        settings: settings::settings(design, &addresses, &integration_subnet),
        access_restrictions: settings::access_restrictions(design, &addresses),
        nsg_rules,
        route_table,
        outbound_dependencies: outbound::dependencies(design, &endpoint_prefix),
        carry_over: carry_over::carry_over(design),
        decisions: decisions::decisions(),
        checklist: checklist::checklist(design),
        address_map,
    }
}

/// The limits' findings that concern the Standard network, then the planner's, ordered and
/// capped.
fn standard_findings(bounded: &limits::Bounded<'_>, f: Findings) -> Vec<Finding> {
    let mut merged = bounded.merge(f);
    merged
        .0
        .retain(|x| !ISE_ONLY_FIELDS.iter().any(|p| under(&x.field, p)));
    ordered_and_capped(merged, &bounded.uncounted)
}

/// Managed webhook triggers stop working behind the app's private endpoint.
fn warn_push_triggers(design: &Design, f: &mut Findings) {
    if endpoints::app_endpoint(design) {
        f.warning(code::PUSH_TRIGGERS_PRIVATE_ENDPOINT, "accessEndpoint", format!("Behind the logic app's private endpoint, managed webhook (push) triggers and actions do not work, such as the Event Grid and Dataverse triggers, and the Office 365 Outlook trigger fires only hourly ({}). An Internal ISE blocked webhook triggers too; check each workflow's triggers before moving it.", sources::PUSH_TRIGGERS.in_words()));
    }
}

/// The address map: the new subnets, the existing ones, and the ISE's while they stay.
fn map(space: &network::Space, subnets: &[PlannedSubnet], reusing: bool) -> Vec<MapPrefix> {
    let planned: Vec<(String, Ipv4Net)> = subnets
        .iter()
        .filter_map(|s| Some((s.name.clone(), s.net()?)))
        .collect();
    let mut existing = space.existing_nets();
    if !reusing {
        existing.extend(space.ise_nets());
    }
    address_map::build(&space.vnet, &planned, &existing, STANDARD.reserved)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::limits::SITE_NAME;

    #[test]
    fn limits_of_ise_only_fields_are_the_ise_plans() {
        let mut d = Design {
            name: "i".repeat(1_000),
            ..Design::default()
        };
        d.subnets.push(crate::design::SubnetSpec::default());
        d.government_addresses.logic_apps_inbound = vec!["x".repeat(1_000)];
        d.standard.logic_app.name = "a".repeat(SITE_NAME + 1);
        d.vnet.name = "v".repeat(1_000);
        let p = plan(&d, &[]);
        let fields: Vec<&str> = p.findings.iter().map(|f| f.field.as_str()).collect();
        assert!(fields.contains(&"standard.logicApp.name"), "{fields:?}");
        assert!(fields.contains(&"vnet.name"), "{fields:?}");
        assert!(
            !fields.iter().any(|f| *f == "name"
                || f.starts_with("subnets")
                || f.starts_with("governmentAddresses")),
            "{fields:?}"
        );
        // The name over its limit is replaced by the default in every output.
        assert!(p
            .private_endpoints
            .iter()
            .all(|e| e.target.len() <= SITE_NAME));
        assert!(under("subnets[3].name", "subnets") && under("subnets", "subnets"));
        assert!(!under("subnetsX", "subnets"));
    }

    #[test]
    fn a_design_with_nothing_usable_still_plans() {
        let mut d = Design::default();
        d.vnet.address_prefixes = vec!["fd00::/48".into(), "nonsense".into()];
        d.standard.integration_subnet_size = crate::design::TypedNumber("-1".into());
        let p = plan(&d, &[]);
        assert!(p.has_errors());
        assert!(p.subnets.iter().all(|s| s.prefix.is_none()));
        assert!(p.address_map.is_empty());
        // Still a full plan: endpoints, zones, settings, checklist.
        assert_eq!(p.private_endpoints.len(), 5);
        assert!(!p.checklist.is_empty() && !p.decisions.is_empty());
    }
}
