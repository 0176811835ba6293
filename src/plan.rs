//! `plan()`: the one entry point. Design in, plan out — validation, allocation, rules,
//! routes, requests, checklist and the address map, in that order.

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::address_map::{self, MapPrefix};
use crate::allocate;
use crate::checklist::{self, ChecklistItem};
use crate::cidr;
use crate::design::{Deployment, Design};
use crate::findings::{code, Finding, Findings, Severity};
use crate::nsg::{self, Direction, SecurityRule};
use crate::rest::{self, RestRequests};
use crate::routes::{self, Route, ServiceEndpoint};
use crate::validate;

/// The service a REST/ARM/PowerShell deployment delegates one ISE subnet to. (The portal article says
/// `Microsoft.integrationServiceEnvironment`; ARM's service name is this one.)
pub const DELEGATION_SERVICE: &str = "Microsoft.Logic/integrationServiceEnvironments";
/// The name of the route table forced tunneling needs.
pub const ROUTE_TABLE_NAME: &str = "ise-route-table";
/// Azure's limit of addresses and ranges named by the rules of one NSG.
pub const MAX_NSG_ADDRESSES: usize = 4000;
/// At most this many findings of one code are listed; the rest are counted in one more.
pub const FINDINGS_PER_CODE: usize = 25;

/// One of the four ISE subnets, as planned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedSubnet {
    pub name: String,
    /// `None` when the subnet could not be placed (no space, or an unreadable pinned prefix).
    pub prefix: Option<String>,
    /// Whether the user pinned the prefix (otherwise the planner allocated it).
    pub pinned: bool,
    /// First address Azure leaves usable (it keeps the first four and the last).
    pub first_usable: Option<String>,
    pub last_usable: Option<String>,
    pub usable_addresses: u64,
    pub total_addresses: u64,
    /// The delegation this subnet needs, if any.
    pub delegation: Option<&'static str>,
    /// Service endpoints to enable on it (forced tunneling).
    pub service_endpoints: Vec<&'static str>,
    /// The route table to associate with it (forced tunneling).
    pub route_table: Option<&'static str>,
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Everything the planner derives from a design.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Errors first, then warnings, then notes; each group in the order found.
    pub findings: Vec<Finding>,
    pub counts: Counts,
    pub subnets: Vec<PlannedSubnet>,
    /// How many aligned /27 blocks were free in the VNet before the unpinned subnets were placed.
    pub free_blocks: u64,
    /// NSG rules, inbound then outbound, each in priority order.
    pub nsg_rules: Vec<SecurityRule>,
    /// The route table's name when forced tunneling needs one.
    pub route_table: Option<&'static str>,
    pub routes: Vec<Route>,
    pub service_endpoints: Vec<ServiceEndpoint>,
    pub rest: RestRequests,
    pub checklist: Vec<ChecklistItem>,
    /// The VNet's address space, prefix by prefix, as segments to draw.
    pub address_map: Vec<MapPrefix>,
}

impl Plan {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.counts.errors > 0
    }

    /// Rules of one direction.
    pub fn rules(&self, direction: Direction) -> impl Iterator<Item = &SecurityRule> {
        self.nsg_rules
            .iter()
            .filter(move |r| r.direction == direction)
    }
}

/// Plans a design. Pure and deterministic; never panics, whatever the design holds.
pub fn plan(design: &Design) -> Plan {
    // Bound the work before doing it: over-long values and lists past their caps never
    // reach the steps below (see `validate::limits`).
    let bounded = validate::limits::bound(design);
    let design: &Design = &bounded.design;
    let mut checked = validate::check(design);
    let f = &mut checked.findings;

    // Allocation: place the subnets the user did not pin.
    let mut blocked: Vec<Ipv4Net> = checked.existing.clone();
    blocked.extend(checked.pinned.iter().flatten());
    let wanted = checked.pinned_typed.iter().filter(|p| !**p).count();
    let allocation = allocate::allocate(&checked.vnet_prefixes, &blocked, wanted);
    if !checked.vnet_prefixes.is_empty() && allocation.blocks.len() < wanted {
        let free = allocation.free_blocks;
        f.error(
            code::ALLOCATION_NO_SPACE,
            "vnet.addressPrefixes",
            format!(
                "The VNet has {free} free /27 block{} but {wanted} {} needed for the unpinned ISE subnets; add an address prefix (a free /25 holds all four) or free some space.",
                if free == 1 { "" } else { "s" },
                if wanted == 1 { "is" } else { "are" }
            ),
        );
    } else if wanted > 1 && !allocation.contiguous {
        f.info(code::ALLOCATION_NOT_CONTIGUOUS, "subnets", "No free aligned /25 was left, so the subnets take the lowest free /27 blocks and will not summarise to one prefix.");
    }
    let mut allocated = allocation.blocks.into_iter();
    let subnets: Vec<PlannedSubnet> = design
        .subnets
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let pinned = checked.pinned_typed.get(i).copied().unwrap_or(false);
            let net = if pinned {
                checked.pinned.get(i).copied().flatten()
            } else {
                allocated.next()
            };
            planned_subnet(
                spec.name.trim(),
                net,
                pinned,
                i == 0 && design.deployment == Deployment::Rest,
                design.forced_tunneling.is_on(),
            )
        })
        .collect();

    // NSG rules.
    let lists = &checked.lists;
    let inputs = nsg::RuleInputs {
        vnet_space: checked
            .vnet_prefixes
            .iter()
            .map(|n| n.to_string())
            .collect(),
        dns_servers: lists.dns_servers.clone(),
        connector_outbound: lists.connector_outbound.clone(),
        gov_logic_apps_inbound: lists.gov_logic_apps_inbound.clone(),
        gov_logic_apps_outbound: lists.gov_logic_apps_outbound.clone(),
        gov_managed_connector_outbound: lists.gov_managed_connector_outbound.clone(),
    };
    let (nsg_rules, _omitted) = nsg::security_rules(design, &inputs);
    let named: usize = nsg_rules
        .iter()
        .map(|r| r.source_addresses.len() + r.destination_addresses.len())
        .sum();
    if named > MAX_NSG_ADDRESSES {
        f.warning(code::NSG_ADDRESS_LIMIT, "connectorOutboundAddresses", format!("The NSG rules name {named} addresses and ranges; Azure allows {MAX_NSG_ADDRESSES} per security group. Summarise the address lists into wider prefixes."));
    }

    // Routes and service endpoints.
    let (route_table, routes, service_endpoints) = if design.forced_tunneling.is_on() {
        let stems = [
            "app-service-management",
            "connectors",
            "traffic-manager",
            "logic-apps",
        ];
        let dep_lists: Vec<routes::DependencyList<'_>> = design
            .dependency_addresses
            .lists()
            .iter()
            .zip(lists.dependencies.iter())
            .zip(stems)
            .map(|(((_, what, _), prefixes), stem)| routes::DependencyList {
                stem,
                purpose: what,
                prefixes,
            })
            .collect();
        let routes = routes::forced_tunneling_routes(&dep_lists);
        if routes.len() > routes::MAX_ROUTES_PER_TABLE {
            f.warning(
                code::ROUTE_TABLE_LIMIT,
                "dependencyAddresses",
                format!("The route table needs {} routes; Azure allows {} per table. Summarise the dependency addresses into wider prefixes.", routes.len(), routes::MAX_ROUTES_PER_TABLE),
            );
        }
        (
            Some(ROUTE_TABLE_NAME),
            routes,
            routes::SERVICE_ENDPOINTS.to_vec(),
        )
    } else {
        (None, Vec::new(), Vec::new())
    };

    // REST requests.
    let vnet_rg = if design.vnet.resource_group.trim().is_empty() {
        design.resource_group.trim()
    } else {
        design.vnet.resource_group.trim()
    };
    let request_inputs = rest::RequestInputs {
        cloud: design.cloud,
        subscription_id: design.subscription_id.trim(),
        resource_group: design.resource_group.trim(),
        name: design.name.trim(),
        location: &checked.location,
        sku: design.sku,
        additional_capacity: design.additional_capacity.value().unwrap_or(0),
        access_endpoint: design.access_endpoint,
        vnet_resource_group: vnet_rg,
        vnet_name: design.vnet.name.trim(),
        subnet_names: design.subnets.iter().map(|s| s.name.trim()).collect(),
        certificates: lists
            .certificates
            .iter()
            .map(|(n, c)| (n.as_str(), c.as_str()))
            .collect(),
        connectors: lists.connectors.iter().map(String::as_str).collect(),
    };
    let rest = rest::requests(&request_inputs);

    let ise: Vec<(String, Ipv4Net)> = subnets
        .iter()
        .zip(design.subnets.iter())
        .filter_map(|(p, s)| Some((s.name.trim().to_string(), p.prefix.as_ref()?.parse().ok()?)))
        .collect();
    let address_map = address_map::build(&checked.vnet_prefixes, &ise, &checked.existing);

    let findings = order_and_cap(
        bounded.merge(std::mem::take(&mut checked.findings)),
        &bounded.uncounted,
    );
    let counts = Counts {
        errors: findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count(),
        warnings: findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count(),
        infos: findings
            .iter()
            .filter(|f| f.severity == Severity::Info)
            .count(),
    };
    Plan {
        findings,
        counts,
        subnets,
        free_blocks: allocation.free_blocks,
        nsg_rules,
        route_table,
        routes,
        service_endpoints,
        rest,
        checklist: checklist::checklist(design),
        address_map,
    }
}

fn planned_subnet(
    name: &str,
    net: Option<Ipv4Net>,
    pinned: bool,
    delegated: bool,
    forced_tunneling: bool,
) -> PlannedSubnet {
    let usable = net.and_then(cidr::azure_usable);
    PlannedSubnet {
        name: name.to_string(),
        prefix: net.map(|n| n.to_string()),
        pinned,
        first_usable: usable.map(|u| u.0.to_string()),
        last_usable: usable.map(|u| u.1.to_string()),
        usable_addresses: usable.map_or(0, |u| u.2),
        total_addresses: net.map_or(0, cidr::size),
        delegation: delegated.then_some(DELEGATION_SERVICE),
        service_endpoints: if forced_tunneling {
            routes::SERVICE_ENDPOINTS
                .iter()
                .map(|e| e.service)
                .collect()
        } else {
            Vec::new()
        },
        route_table: forced_tunneling.then_some(ROUTE_TABLE_NAME),
    }
}

/// Errors first, then warnings, then notes (stable within each); at most
/// [`FINDINGS_PER_CODE`] of one code, with one more finding counting the rest (and the
/// `uncounted` ones, already left out).
fn order_and_cap(findings: Findings, uncounted: &[(&'static str, usize)]) -> Vec<Finding> {
    let mut all = findings.0;
    all.sort_by_key(|f| f.severity);
    let mut seen: std::collections::HashMap<&'static str, usize> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for finding in all {
        let n = seen.entry(finding.code).or_insert(0);
        *n += 1;
        if *n <= FINDINGS_PER_CODE {
            out.push(finding);
        }
    }
    for (code, n) in uncounted {
        *seen.entry(code).or_insert(0) += n;
    }
    let mut extra: Vec<(&'static str, usize)> = seen
        .into_iter()
        .filter(|(_, n)| *n > FINDINGS_PER_CODE)
        .collect();
    extra.sort_unstable();
    for (code, n) in extra {
        if let Some(first) = out.iter().find(|f| f.code == code).cloned() {
            let more = n - FINDINGS_PER_CODE;
            let at = out
                .iter()
                .rposition(|f| f.code == code)
                .map_or(out.len(), |i| i + 1);
            out.insert(
                at,
                Finding {
                    severity: first.severity,
                    code,
                    field: first.field.clone(),
                    message: format!("…and {more} more like this ({code})."),
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{AccessEndpoint, SubnetSpec};

    #[test]
    fn default_design_plans_cleanly() {
        let p = plan(&Design::default());
        assert_eq!(
            p.counts,
            Counts {
                errors: 0,
                warnings: 0,
                infos: 1
            }
        );
        let prefixes: Vec<_> = p
            .subnets
            .iter()
            .map(|s| s.prefix.clone().unwrap())
            .collect();
        assert_eq!(
            prefixes,
            [
                "10.0.0.0/27",
                "10.0.0.32/27",
                "10.0.0.64/27",
                "10.0.0.96/27"
            ]
        );
        assert_eq!(p.subnets[0].delegation, Some(DELEGATION_SERVICE));
        assert!(p.subnets[1..].iter().all(|s| s.delegation.is_none()));
        assert_eq!(
            (
                p.subnets[0].usable_addresses,
                p.subnets[0].first_usable.as_deref()
            ),
            (27, Some("10.0.0.4"))
        );
        assert!(p.routes.is_empty() && p.route_table.is_none());
        assert_eq!(p.rules(Direction::Inbound).count(), 9);
        assert_eq!(p.free_blocks, 32);
    }

    #[test]
    fn portal_deployment_delegates_nothing() {
        let p = plan(&Design {
            deployment: Deployment::Portal,
            ..Design::default()
        });
        assert!(p.subnets.iter().all(|s| s.delegation.is_none()));
    }

    #[test]
    fn pinned_subnets_stay_and_the_rest_fill_in() {
        let mut d = Design::default();
        d.subnets[2] = SubnetSpec {
            name: "pinned".into(),
            prefix: "10.0.3.224/27".into(),
            ..SubnetSpec::default()
        };
        let p = plan(&d);
        let prefixes: Vec<_> = p
            .subnets
            .iter()
            .map(|s| s.prefix.clone().unwrap())
            .collect();
        assert_eq!(
            prefixes,
            [
                "10.0.0.0/27",
                "10.0.0.32/27",
                "10.0.3.224/27",
                "10.0.0.64/27"
            ]
        );
        assert!(p.subnets[2].pinned && !p.subnets[0].pinned);
    }

    #[test]
    fn no_space_says_how_much_is_free() {
        let mut d = Design::default();
        d.vnet.address_prefixes = vec!["10.0.0.0/26".into()];
        let p = plan(&d);
        let f = p
            .findings
            .iter()
            .find(|f| f.code == code::ALLOCATION_NO_SPACE)
            .unwrap();
        assert!(
            f.message.contains("2 free /27 blocks") && f.message.contains("4 are needed"),
            "{}",
            f.message
        );
        assert_eq!(p.subnets.iter().filter(|s| s.prefix.is_none()).count(), 2);
        assert!(p.has_errors());
    }

    #[test]
    fn forced_tunneling_adds_routes_endpoints_and_table() {
        let mut d = Design {
            forced_tunneling: crate::design::ForcedTunneling::ExpressRoute,
            ..Design::default()
        };
        d.dependency_addresses.app_service_management = vec!["13.66.140.0/26".into()];
        let p = plan(&d);
        assert_eq!(p.routes[0].address_prefix, "0.0.0.0/0");
        assert_eq!(p.routes.len(), 2);
        assert_eq!(p.service_endpoints.len(), 5);
        assert!(p
            .subnets
            .iter()
            .all(|s| s.route_table == Some(ROUTE_TABLE_NAME) && s.service_endpoints.len() == 5));
    }

    #[test]
    fn a_hostile_list_of_subnets_stays_bounded() {
        let mut d = Design::default();
        d.subnets = (0..20_000)
            .map(|i| SubnetSpec {
                name: format!("s{i}"),
                prefix: "10.0.0.0/27".into(),
                ..SubnetSpec::default()
            })
            .collect();
        let p = plan(&d);
        assert!(p.findings.len() < 200, "{}", p.findings.len());
        assert!(p.findings.iter().any(|f| f.code == code::SUBNET_COUNT));
        assert!(p.findings.iter().any(|f| f.code == code::SUBNETS_OVERLAP));
    }

    #[test]
    fn findings_are_ordered_and_capped() {
        let mut d = Design {
            access_endpoint: AccessEndpoint::External,
            ..Design::default()
        };
        d.vnet.existing_subnets = (0..100).map(|i| format!("bad{i}").into()).collect();
        let p = plan(&d);
        assert!(p
            .findings
            .windows(2)
            .all(|w| w[0].severity <= w[1].severity));
        let syntax: Vec<_> = p
            .findings
            .iter()
            .filter(|f| f.code == code::CIDR_SYNTAX)
            .collect();
        assert_eq!(syntax.len(), FINDINGS_PER_CODE + 1);
        assert!(syntax.last().unwrap().message.contains("75 more"));
    }
}
