//! `plan()`: the one entry point. Design in, plan out — validation, allocation, rules,
//! routes, requests, checklist and the address map, in that order.

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::address_map::{self, MapPrefix};
use crate::allocate;
use crate::allocation_note::{AllocationNote, Choice};
use crate::checklist::{self, ChecklistItem};
use crate::cidr;
use crate::design::{Deployment, Design};
use crate::findings::{code, Finding, Findings, Severity};
use crate::nsg::{self, Direction, SecurityRule};
use crate::placement;
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
    /// How many aligned /27 blocks were free in the VNet before the unpinned subnets were placed
    /// (outside existing subnets, pinned subnets and reserved ranges).
    pub free_blocks: u64,
    /// Why the unpinned subnets sit where they do.
    pub allocation: AllocationNote,
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
    let unpinned: Vec<usize> = (0..design.subnets.len())
        .filter(|&i| !checked.pinned_typed.get(i).copied().unwrap_or(false))
        .collect();
    let wanted = unpinned.len();
    let free = allocate::free_intervals(&checked.vnet_prefixes, &blocked);
    // The rule alone, without hints: where "Re-allocate all" puts the subnets. The findings
    // and the count of free blocks come from it, so hints never change them.
    let rule = allocate::allocate_in(&free, wanted);
    // Unpinned subnets stay where an earlier plan put them while that block is valid; the
    // others are placed by the rule in the space left.
    let space = placement::Space {
        vnet: &checked.vnet_prefixes,
        existing: &checked.existing,
        pinned: &checked.pinned,
        free: &free,
    };
    let hints = placement::check(design, &unpinned, &space);
    let to_place: Vec<usize> = unpinned
        .iter()
        .copied()
        .filter(|i| !hints.kept.iter().any(|(k, _)| k == i))
        .collect();
    let fresh = if hints.kept.is_empty() {
        rule.clone()
    } else {
        let kept: Vec<Ipv4Net> = hints.kept.iter().map(|(_, b)| *b).collect();
        allocate::allocate_in(&allocate::without(&free, &kept), to_place.len())
    };
    // A VNet prefix that cannot be used has its own error; a shortage of space that follows
    // from it is not reported again.
    let vnet_unusable = f.0.iter().any(|x| {
        x.severity == Severity::Error
            && x.field.starts_with("vnet.addressPrefixes[")
            && matches!(
                x.code,
                code::CIDR_SYNTAX
                    | code::CIDR_IPV6
                    | code::ADDRESS_UNRESOLVABLE
                    | code::ADDRESS_NOT_ALLOWED
            )
    });
    let has_space = !checked.vnet_prefixes.is_empty();
    if has_space && rule.blocks.len() < wanted {
        if !vnet_unusable {
            let free = rule.free_blocks;
            f.error(
                code::ALLOCATION_NO_SPACE,
                "vnet.addressPrefixes",
                format!(
                    "The VNet has {free} free /27 block{} but {wanted} {} needed for the unpinned ISE subnets; add an address prefix (a free /25 holds all four) or free some space.",
                    if free == 1 { "" } else { "s" },
                    if wanted == 1 { "is" } else { "are" }
                ),
            );
        }
    } else if has_space && wanted > 1 && !rule.contiguous {
        f.info(code::ALLOCATION_NOT_CONTIGUOUS, "subnets", "No free aligned /25 was left, so the subnets take the lowest free /27 blocks and will not summarise to one prefix.");
    }
    let mut placed_at: Vec<Option<Ipv4Net>> = vec![None; design.subnets.len()];
    for &(i, block) in &hints.kept {
        placed_at[i] = Some(block);
    }
    for (&i, &block) in to_place.iter().zip(&fresh.blocks) {
        placed_at[i] = Some(block);
    }
    let allocation = AllocationNote::new(
        Choice::new(&unpinned, &rule, has_space),
        &hints.kept,
        Choice::new(&to_place, &fresh, has_space),
        hints.moved,
        vnet_unusable,
    );
    let mut subnets: Vec<PlannedSubnet> = design
        .subnets
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let pinned = checked.pinned_typed.get(i).copied().unwrap_or(false);
            let net = if pinned {
                checked.pinned.get(i).copied().flatten()
            } else {
                placed_at[i]
            };
            planned_subnet(spec.name.trim(), net, pinned)
        })
        .collect();

    // Delegation: one placed subnet for a REST deployment, none for the portal.
    if let Some(slot) = delegated_slot(design, &subnets) {
        subnets[slot].delegation = Some(DELEGATION_SERVICE);
    }

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
        callers: lists.callers.clone(),
        gov_logic_apps_inbound: lists.gov_logic_apps_inbound.clone(),
        gov_logic_apps_outbound: lists.gov_logic_apps_outbound.clone(),
        gov_managed_connector_outbound: lists.gov_managed_connector_outbound.clone(),
    };
    let (nsg_rules, _omitted) = nsg::security_rules(design, &inputs);
    // Azure's limit counts addresses and ranges, not service tags or `*`.
    let named = nsg::addresses_named(&nsg_rules);
    if named > MAX_NSG_ADDRESSES {
        // Point at the longest list the rules take addresses from.
        let field = [
            (
                inputs.connector_outbound.len(),
                "connectorOutboundAddresses",
            ),
            (inputs.callers.len(), "callerAddresses"),
            (inputs.dns_servers.len(), "dnsServers"),
            (
                inputs.gov_logic_apps_inbound.len(),
                "governmentAddresses.logicAppsInbound",
            ),
            (
                inputs.gov_logic_apps_outbound.len(),
                "governmentAddresses.logicAppsOutbound",
            ),
            (
                inputs.gov_managed_connector_outbound.len(),
                "governmentAddresses.managedConnectorOutbound",
            ),
        ]
        .into_iter()
        .max_by_key(|(n, _)| *n)
        .map_or("connectorOutboundAddresses", |(_, field)| field);
        f.warning(code::NSG_ADDRESS_LIMIT, field, format!("The NSG rules name {named} addresses and ranges; Azure allows {MAX_NSG_ADDRESSES} per security group. Summarise the address lists into wider prefixes."));
    }

    // Routes and service endpoints, on every placed ISE subnet.
    let ise_nets: Vec<(String, Ipv4Net)> = subnets
        .iter()
        .filter_map(|s| Some((s.name.clone(), s.prefix.as_ref()?.parse().ok()?)))
        .collect();
    let route_plan = routes::plan_routes(
        &routes::RouteInputs {
            mode: design.forced_tunneling,
            firewall: &design.firewall,
            vnet: &checked.vnet_prefixes,
            ise_subnets: &ise_nets,
            dependencies: &lists.dependencies,
        },
        f,
    );
    let route_table = route_plan.table_needed.then_some(ROUTE_TABLE_NAME);
    for s in subnets.iter_mut().filter(|s| s.prefix.is_some()) {
        s.route_table = route_table;
        s.service_endpoints = route_plan
            .service_endpoints
            .iter()
            .map(|e| e.service)
            .collect();
    }
    let (routes, service_endpoints) = (route_plan.routes, route_plan.service_endpoints);

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
        free_blocks: rule.free_blocks,
        allocation,
        nsg_rules,
        route_table,
        routes,
        service_endpoints,
        rest,
        checklist: checklist::checklist(design),
        address_map,
    }
}

/// A subnet as placed; delegation, route table and endpoints are added once all are placed.
fn planned_subnet(name: &str, net: Option<Ipv4Net>, pinned: bool) -> PlannedSubnet {
    let usable = net.and_then(cidr::azure_usable);
    PlannedSubnet {
        name: name.to_string(),
        prefix: net.map(|n| n.to_string()),
        pinned,
        first_usable: usable.map(|u| u.0.to_string()),
        last_usable: usable.map(|u| u.1.to_string()),
        usable_addresses: usable.map_or(0, |u| u.2),
        total_addresses: net.map_or(0, cidr::size),
        delegation: None,
        service_endpoints: Vec::new(),
        route_table: None,
    }
}

/// Whether an imported delegation names Logic Apps (ARM's service name, or the portal
/// article's spelling).
pub fn is_logic_apps_delegation(service: &str) -> bool {
    let s = service.trim();
    s.eq_ignore_ascii_case(DELEGATION_SERVICE)
        || s.eq_ignore_ascii_case("Microsoft.integrationServiceEnvironment")
}

/// The ISE subnet to delegate: none for a portal deployment; for REST, ARM or PowerShell
/// the subnet bound to an existing subnet already delegated to Logic Apps (auditing an ISE
/// that exists), else the first subnet that has a prefix. A subnet that could not be placed
/// is never delegated.
fn delegated_slot(design: &Design, subnets: &[PlannedSubnet]) -> Option<usize> {
    if design.deployment != Deployment::Rest {
        return None;
    }
    let placed = |slot: &usize| subnets.get(*slot).is_some_and(|s| s.prefix.is_some());
    let any_delegated = design
        .vnet
        .existing_subnets
        .iter()
        .any(|e| e.ise_subnet && e.delegations.iter().any(|d| is_logic_apps_delegation(d)));
    if !any_delegated {
        return (0..subnets.len()).find(placed);
    }
    // A design has four subnets; a hostile list of thousands is an error of its own.
    let already = (0..subnets.len().min(16)).filter(placed).find(|&slot| {
        design.existing_bound_to(slot).is_some_and(|i| {
            design.vnet.existing_subnets[i]
                .delegations
                .iter()
                .any(|d| is_logic_apps_delegation(d))
        })
    });
    already.or_else(|| (0..subnets.len()).find(placed))
}

/// Errors first, then warnings, then notes (stable within each); at most
/// [`FINDINGS_PER_CODE`] of one code, with one more finding counting the rest (and the
/// `uncounted` ones, already left out).
fn order_and_cap(findings: Findings, uncounted: &[(&'static str, usize)]) -> Vec<Finding> {
    let mut all = findings.0;
    crate::order::sort_by_key(&mut all, |f| f.severity as u64);
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
    // Each count goes right after the last finding of its code, whatever order they come in.
    let extra = seen.into_iter().filter(|(_, n)| *n > FINDINGS_PER_CODE);
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
    use crate::design::{AccessEndpoint, ExistingSubnet, ForcedTunneling, SubnetSpec};

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

    fn summary(p: &Plan) -> Vec<(String, String)> {
        p.routes
            .iter()
            .map(|r| (r.address_prefix.clone(), r.next_hop_label()))
            .collect()
    }

    #[test]
    fn express_route_is_one_route_and_no_endpoints() {
        let mut d = Design {
            forced_tunneling: ForcedTunneling::ExpressRoute,
            ..Design::default()
        };
        d.dependency_addresses.app_service_management = vec!["13.66.140.0/26".into()];
        let p = plan(&d);
        assert_eq!(
            summary(&p),
            [("0.0.0.0/0".to_string(), "Internet".to_string())]
        );
        assert!(p.service_endpoints.is_empty());
        assert!(p
            .subnets
            .iter()
            .all(|s| s.route_table == Some(ROUTE_TABLE_NAME) && s.service_endpoints.is_empty()));
        assert!(!p.has_errors(), "{:?}", p.findings);
        assert!(p
            .findings
            .iter()
            .any(|f| f.code == code::DEPENDENCY_ADDRESSES_UNUSED));
    }

    #[test]
    fn firewall_routes_endpoints_and_table() {
        let mut d = Design {
            forced_tunneling: ForcedTunneling::Firewall,
            ..Design::default()
        };
        d.firewall.appliance_ip = "10.0.3.4".into();
        d.dependency_addresses.app_service_management = vec!["13.66.140.0/26".into()];
        d.dependency_addresses.connectors = vec!["13.69.227.208/28".into()];
        d.dependency_addresses.traffic_manager = vec!["13.65.92.252".into()];
        d.dependency_addresses.logic_apps = vec!["13.95.155.53".into()];
        let p = plan(&d);
        assert!(!p.has_errors(), "{:?}", p.findings);
        assert_eq!(p.routes.len(), 5);
        assert_eq!(
            summary(&p)[0],
            ("0.0.0.0/0".into(), "VirtualAppliance 10.0.3.4".into())
        );
        assert_eq!(p.service_endpoints.len(), 5);
        assert!(p
            .subnets
            .iter()
            .all(|s| s.route_table == Some(ROUTE_TABLE_NAME) && s.service_endpoints.len() == 5));
        // The appliance inside an ISE subnet: an error, and no default route.
        d.firewall.appliance_ip = "10.0.0.36".into();
        let p = plan(&d);
        let f = p
            .findings
            .iter()
            .find(|f| f.code == code::FIREWALL_IP_IN_ISE_SUBNET)
            .unwrap();
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message.contains("ise-subnet-2 (10.0.0.32/27)"),
            "{}",
            f.message
        );
        assert_eq!(p.routes.len(), 4);
    }

    #[test]
    fn an_unplaced_subnet_has_no_delegation_table_or_endpoints() {
        let mut d = Design {
            forced_tunneling: ForcedTunneling::ExpressRoute,
            ..Design::default()
        };
        // Room for two /27s: subnets 1 and 2 are placed, 3 and 4 cannot be.
        d.vnet.address_prefixes = vec!["10.0.0.0/26".into()];
        let p = plan(&d);
        let placed: Vec<bool> = p.subnets.iter().map(|s| s.prefix.is_some()).collect();
        assert_eq!(placed, [true, true, false, false]);
        for s in &p.subnets[2..] {
            assert!(
                s.delegation.is_none() && s.route_table.is_none() && s.service_endpoints.is_empty(),
                "{s:?}"
            );
        }
        assert_eq!(p.subnets[0].delegation, Some(DELEGATION_SERVICE));
        // No VNet prefix at all: nothing placed, nothing delegated, no knock-on note.
        d.vnet.address_prefixes = vec!["fd00::/48".into()];
        let p = plan(&d);
        assert!(p
            .subnets
            .iter()
            .all(|s| s.delegation.is_none() && s.route_table.is_none()));
        assert!(p
            .findings
            .iter()
            .all(|f| f.code != code::ALLOCATION_NOT_CONTIGUOUS));
    }

    fn audit_design(delegated: &[usize]) -> Design {
        let mut d = Design::default();
        d.vnet.existing_subnets = (0..4)
            .map(|i| ExistingSubnet {
                name: format!("legacy-{i}"),
                prefix: format!("10.0.1.{}/27", i * 32),
                delegations: if delegated.contains(&i) {
                    vec![DELEGATION_SERVICE.into()]
                } else {
                    vec![]
                },
                ..ExistingSubnet::default()
            })
            .collect();
        for i in 0..4 {
            d.mark_existing_as_ise(i).unwrap();
        }
        d
    }

    #[test]
    fn auditing_an_existing_ise_delegates_the_subnet_already_delegated() {
        let p = plan(&audit_design(&[2]));
        assert!(!p.has_errors(), "{:?}", p.findings);
        let delegated: Vec<_> = p.subnets.iter().map(|s| s.delegation.is_some()).collect();
        assert_eq!(delegated, [false, false, true, false]);
        assert_eq!(p.subnets[2].name, "legacy-2");
        // The existing subnets are the ISE subnets: not overlaps, and nothing else moves.
        assert!(p
            .findings
            .iter()
            .all(|f| f.code != code::SUBNET_OVERLAPS_EXISTING));
        // None delegated yet: the first.
        let p = plan(&audit_design(&[]));
        assert_eq!(p.subnets[0].delegation, Some(DELEGATION_SERVICE));
        // Two delegated: an error, and still exactly one in the plan.
        let p = plan(&audit_design(&[1, 3]));
        assert!(p
            .findings
            .iter()
            .any(|f| f.code == code::ISE_SUBNETS_DELEGATED_TWICE));
        assert_eq!(
            p.subnets.iter().filter(|s| s.delegation.is_some()).count(),
            1
        );
    }

    #[test]
    fn nsg_address_limit_counts_addresses_not_tags() {
        let mut d = Design {
            access_endpoint: AccessEndpoint::External,
            ..Design::default()
        };
        // 3,990 connector addresses + the VNet prefix in four rules = 3,994 addresses, plus
        // a dozen service tags that do not count.
        d.connector_outbound_addresses = (0..3990u32)
            .map(|i| format!("52.{}.{}.1", i / 256, i % 256))
            .collect();
        let p = plan(&d);
        assert!(p.findings.iter().all(|f| f.code != code::NSG_ADDRESS_LIMIT));
        d.connector_outbound_addresses
            .extend((0..10u32).map(|i| format!("53.0.{i}.1")));
        let p = plan(&d);
        let f = p
            .findings
            .iter()
            .find(|f| f.code == code::NSG_ADDRESS_LIMIT)
            .unwrap();
        assert_eq!(f.field, "connectorOutboundAddresses");
        // The callers' list is the longer one: the finding points there.
        d.connector_outbound_addresses.truncate(10);
        d.caller_addresses = (0..4000u32)
            .map(|i| format!("54.{}.{}.1", i / 256, i % 256))
            .collect();
        let p = plan(&d);
        let f = p
            .findings
            .iter()
            .find(|f| f.code == code::NSG_ADDRESS_LIMIT)
            .unwrap();
        assert_eq!(f.field, "callerAddresses");
    }

    #[test]
    fn a_required_rule_left_out_is_always_an_error() {
        use crate::design::Cloud;
        let designs = [
            Design {
                access_endpoint: AccessEndpoint::External,
                ..Design::default()
            },
            Design {
                cloud: Cloud::Government,
                location: "usgovvirginia".into(),
                ..Design::default()
            },
        ];
        for d in designs {
            let p = plan(&d);
            let checked = validate::check(&d);
            let inputs = nsg::RuleInputs {
                vnet_space: checked
                    .vnet_prefixes
                    .iter()
                    .map(|n| n.to_string())
                    .collect(),
                ..Default::default()
            };
            let (_, omitted) = nsg::security_rules(&d, &inputs);
            assert!(!omitted.is_empty());
            for o in omitted {
                assert!(
                    p.findings
                        .iter()
                        .any(|f| f.severity == Severity::Error && f.field == o.field),
                    "{} left out without an error on {}",
                    o.name,
                    o.field
                );
            }
            assert!(p.has_errors());
        }
    }

    #[test]
    fn a_hostile_list_of_subnets_stays_bounded() {
        let d = Design {
            subnets: (0..20_000)
                .map(|i| SubnetSpec {
                    name: format!("s{i}"),
                    prefix: "10.0.0.0/27".into(),
                    ..SubnetSpec::default()
                })
                .collect(),
            ..Design::default()
        };
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
