//! `plan()`: the ISE planner's one entry point. Design in, plan out — each step a call whose
//! name says what it does, in the order they depend on each other.

use serde::Serialize;

use crate::design::{limits, Design};
use crate::findings::{ordered_and_capped, Counts, Finding};
use crate::ise::allocation_note::AllocationNote;
use crate::ise::checklist::{self, ChecklistItem};
use crate::ise::nsg::{self, Direction, SecurityRule};
use crate::ise::rest::{self, RestRequests};
use crate::ise::routes::{self, Route, ServiceEndpoint};
use crate::ise::subnets::{self, PlannedSubnet};
use crate::ise::{reserved, validate};
use crate::network::address_map::{self, MapPrefix};

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
    // reach the steps below (see `design::limits`).
    let bounded = limits::bound(design);
    let design: &Design = &bounded.design;
    let mut checked = validate::check(design);
    let mut f = std::mem::take(&mut checked.findings);
    let mut placed = subnets::place(design, &checked, &mut f);
    let nsg_rules = nsg::rules_for(design, &checked, &mut f);
    let routed = routes::for_subnets(design, &checked, &mut placed.subnets, &mut f);
    let rest = rest::for_design(design, &checked);
    let planned: Vec<_> = placed
        .subnets
        .iter()
        .filter_map(|s| Some((s.name.clone(), s.net()?)))
        .collect();
    let address_map = address_map::build(
        &checked.vnet_prefixes,
        &planned,
        &checked.existing,
        reserved::RESERVED,
    );
    let mut merged = bounded.merge(f);
    // The Standard network's inputs are the Standard plan's to report.
    merged.0.retain(|x| !x.field.starts_with("standard."));
    let findings = ordered_and_capped(merged, &bounded.uncounted);
    Plan {
        counts: Counts::of(&findings),
        findings,
        subnets: placed.subnets,
        free_blocks: placed.free_blocks,
        allocation: placed.allocation,
        nsg_rules,
        route_table: routed.table,
        routes: routed.routes,
        service_endpoints: routed.service_endpoints,
        rest,
        checklist: checklist::checklist(design),
        address_map,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{AccessEndpoint, Deployment, ExistingSubnet, ForcedTunneling, SubnetSpec};
    use crate::findings::{code, Severity, FINDINGS_PER_CODE};
    use crate::ise::routes::ROUTE_TABLE_NAME;
    use crate::ise::DELEGATION_SERVICE;

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
