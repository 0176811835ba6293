//! Worked examples of the Logic Apps Standard plan, one per ISE setup (Internal and External,
//! each forced-tunneling mode, Azure Government, custom DNS with three servers, reuse of the
//! ISE's space, an App Service Environment v3), and properties of its subnets for any design.

use ipnet::Ipv4Net;
use ise_planner::design::{
    AccessEndpoint, Cloud, Design, ExistingSubnet, ForcedTunneling, Hosting, NextHop,
};
use ise_planner::findings::code;
use ise_planner::migrate;
use ise_planner::network::reserved;
use ise_planner::standard::settings::Target;
use ise_planner::standard::{StandardPlan, SubnetRole};
use proptest::prelude::*;

fn base() -> Design {
    Design {
        subscription_id: "f34b22a3-2202-4fb1-b040-1332bd928c84".into(),
        ..Design::default()
    }
}

fn standard(design: &Design) -> StandardPlan {
    migrate::plan(design).standard
}

fn prefix(p: &StandardPlan, role: SubnetRole) -> String {
    p.subnet(role)
        .and_then(|s| s.prefix.clone())
        .unwrap_or_default()
}

fn setting<'a>(p: &'a StandardPlan, name: &str) -> Option<&'a str> {
    p.settings
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.value.as_str())
}

fn codes(p: &StandardPlan) -> Vec<&'static str> {
    p.findings.iter().map(|f| f.code).collect()
}

fn groups(p: &StandardPlan) -> Vec<&'static str> {
    p.private_endpoints.iter().map(|e| e.group_id).collect()
}

#[test]
fn internal_ise_becomes_a_private_logic_app() {
    let p = standard(&base());
    assert!(!p.has_errors(), "{:?}", p.findings);
    // Beside the ISE's four /27s (10.0.0.0/25): a /26 and a /28 in the free space.
    assert_eq!(prefix(&p, SubnetRole::Integration), "10.0.0.128/26");
    assert_eq!(prefix(&p, SubnetRole::PrivateEndpoints), "10.0.0.192/28");
    let integration = p.subnet(SubnetRole::Integration).unwrap();
    assert_eq!(integration.delegation, Some("Microsoft.Web/serverFarms"));
    assert_eq!(
        (
            integration.first_usable.as_deref(),
            integration.usable_addresses
        ),
        (Some("10.0.0.132"), 59)
    );
    let endpoints = p.subnet(SubnetRole::PrivateEndpoints).unwrap();
    assert_eq!(endpoints.delegation, None);
    assert_eq!(
        endpoints.private_endpoint_network_policies,
        Some("Disabled")
    );
    assert_eq!(groups(&p), ["sites", "blob", "queue", "table", "file"]);
    assert_eq!(p.dns_zones.len(), 5);
    assert_eq!(setting(&p, "publicNetworkAccess"), Some("Disabled"));
    assert_eq!(setting(&p, "outboundVnetRouting.allTraffic"), Some("true"));
    assert_eq!(setting(&p, "WEBSITE_CONTENTOVERVNET"), Some("1"));
    assert!(setting(&p, "virtualNetworkSubnetId")
        .unwrap()
        .ends_with("/virtualNetworks/ise-vnet/subnets/logicapp-integration"));
    assert!(p.route_table.is_none() && p.access_restrictions.is_empty());
    let rules: Vec<(&str, Vec<String>)> = p
        .nsg_rules
        .iter()
        .map(|r| (r.name, r.destination_ports.clone()))
        .collect();
    assert_eq!(rules[0], ("allow-storage-https", vec!["443".to_string()]));
    assert_eq!(rules[1], ("allow-storage-smb", vec!["445".to_string()]));
    assert_eq!(p.nsg_rules[2].destination_addresses, ["AzureConnectors"]);
    assert!(p
        .nsg_rules
        .iter()
        .all(|r| r.destination_addresses != ["AzureConnectors"]
            || r.name == "allow-managed-connectors"));
    assert_eq!(codes(&p), [code::PUSH_TRIGGERS_PRIVATE_ENDPOINT]);
    let access = p
        .carry_over
        .iter()
        .find(|c| c.id == "access-endpoint")
        .unwrap();
    assert!(!access.stated, "no article maps the ISE's access mode");
    assert!(p.checklist.iter().any(|c| c.id == "deploy-from-inside"));
}

#[test]
fn external_ise_keeps_public_inbound_narrowed_to_its_callers() {
    let mut d = Design {
        access_endpoint: AccessEndpoint::External,
        ..base()
    };
    let p = standard(&d);
    assert_eq!(groups(&p), ["blob", "queue", "table", "file"]);
    assert_eq!(setting(&p, "publicNetworkAccess"), Some("Enabled"));
    assert!(
        p.access_restrictions.is_empty(),
        "no callers: open, as the ISE was"
    );
    assert!(!codes(&p).contains(&code::PUSH_TRIGGERS_PRIVATE_ENDPOINT));
    d.caller_addresses = vec!["203.0.113.0/24".into(), "198.51.100.7".into()];
    let p = standard(&d);
    let rules: Vec<(u16, Option<&str>, Option<&str>)> = p
        .access_restrictions
        .iter()
        .map(|r| (r.priority, r.ip_address.as_deref(), r.service_tag))
        .collect();
    assert_eq!(
        rules,
        [
            (100, Some("203.0.113.0/24"), None),
            (101, Some("198.51.100.7/32"), None),
            (102, None, Some("AzureConnectors"))
        ]
    );
    assert_eq!(
        setting(&p, "ipSecurityRestrictionsDefaultAction"),
        Some("Deny")
    );
    // The connectors' own addresses, when the design has them, instead of the tag.
    d.connector_outbound_addresses = vec!["52.174.88.0/28".into()];
    let p = standard(&d);
    assert_eq!(
        p.access_restrictions[2].ip_address.as_deref(),
        Some("52.174.88.0/28")
    );
}

#[test]
fn express_route_keeps_the_default_route_to_the_internet() {
    let d = Design {
        forced_tunneling: ForcedTunneling::ExpressRoute,
        ..base()
    };
    let p = standard(&d);
    let table = p.route_table.as_ref().unwrap();
    assert_eq!(table.subnets, ["logicapp-integration"]);
    let routes: Vec<(&str, &str)> = table
        .routes
        .iter()
        .map(|r| (r.address_prefix, r.next_hop_type))
        .collect();
    assert_eq!(routes, [("0.0.0.0/0", "Internet")]);
    assert_eq!(
        p.subnet(SubnetRole::Integration)
            .unwrap()
            .route_table
            .as_deref(),
        Some("logicapp-route-table")
    );
    assert_eq!(
        p.subnet(SubnetRole::PrivateEndpoints).unwrap().route_table,
        None
    );
    let carried = p
        .carry_over
        .iter()
        .find(|c| c.id == "forced-tunneling")
        .unwrap();
    assert!(!carried.stated && carried.standard.contains("allTraffic"));
    assert!(p
        .checklist
        .iter()
        .any(|c| c.id == "firewall-allows-dependencies"));
}

#[test]
fn a_firewall_gets_the_default_route_and_the_list_of_what_to_allow() {
    let mut d = Design {
        forced_tunneling: ForcedTunneling::Firewall,
        ..base()
    };
    d.firewall.appliance_ip = "10.0.3.4".into();
    let p = standard(&d);
    assert!(!p.has_errors(), "{:?}", p.findings);
    let route = &p.route_table.as_ref().unwrap().routes[0];
    assert_eq!(
        (route.next_hop_type, route.next_hop_ip.as_deref()),
        ("VirtualAppliance", Some("10.0.3.4"))
    );
    let outside: Vec<&str> = p
        .outbound_dependencies
        .iter()
        .filter(|x| !x.inside_vnet)
        .map(|x| x.what)
        .collect();
    assert_eq!(outside.len(), 3, "{outside:?}");
    assert!(p
        .outbound_dependencies
        .iter()
        .filter(|x| x.inside_vnet)
        .all(|x| x.destination == "10.0.0.192/28"));
    // Through the gateway: no address needed.
    d.firewall = ise_planner::design::Firewall {
        next_hop: NextHop::VirtualNetworkGateway,
        appliance_ip: String::new(),
    };
    let p = standard(&d);
    assert_eq!(
        p.route_table.as_ref().unwrap().routes[0].next_hop_type,
        "VirtualNetworkGateway"
    );
    // No appliance address: an error, and no default route.
    d.firewall.next_hop = NextHop::VirtualAppliance;
    let p = standard(&d);
    assert!(codes(&p).contains(&code::FIREWALL_IP_MISSING));
    assert!(p.route_table.as_ref().unwrap().routes.is_empty());
}

#[test]
fn azure_government_uses_its_own_zone_names() {
    let mut d = Design {
        cloud: Cloud::Government,
        location: "usgovvirginia".into(),
        ..base()
    };
    let p = standard(&d);
    let zones: Vec<&str> = p.dns_zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(
        zones,
        [
            "privatelink.azurewebsites.us",
            "privatelink.blob.core.usgovcloudapi.net",
            "privatelink.queue.core.usgovcloudapi.net",
            "privatelink.table.core.usgovcloudapi.net",
            "privatelink.file.core.usgovcloudapi.net"
        ]
    );
    assert!(p
        .private_endpoints
        .iter()
        .all(|e| e.zone_source.section == "Government"));
    assert_eq!(p.nsg_rules[2].destination_addresses, ["AzureConnectors"]);
    d.government_addresses.managed_connector_outbound = vec!["52.127.61.192/26".into()];
    let p = standard(&d);
    assert_eq!(p.nsg_rules[2].destination_addresses, ["52.127.61.192/26"]);
    assert!(p.carry_over.iter().any(|c| c.id == "government"));
}

#[test]
fn custom_dns_carries_two_servers_and_warns_about_the_third() {
    let mut d = base();
    d.dns_servers = vec!["10.0.3.10".into(), "10.0.3.11".into(), "10.0.3.12".into()];
    let p = standard(&d);
    assert_eq!(setting(&p, "WEBSITE_DNS_SERVER"), Some("10.0.3.10"));
    assert_eq!(setting(&p, "WEBSITE_DNS_ALT_SERVER"), Some("10.0.3.11"));
    let third = p
        .findings
        .iter()
        .find(|f| f.code == code::DNS_SERVER_NOT_CARRIED)
        .unwrap();
    assert_eq!(third.field, "dnsServers[2]");
    assert!(p.checklist.iter().any(|c| c.id == "dns-forwarders"));
    assert!(p
        .carry_over
        .iter()
        .find(|c| c.id == "custom-dns")
        .unwrap()
        .standard
        .contains("a third cannot be carried"));
}

#[test]
fn reusing_the_ise_space_places_the_subnets_in_its_blocks() {
    let mut d = base();
    d.standard.reuse_ise_space = true;
    let p = standard(&d);
    assert!(!p.has_errors(), "{:?}", p.findings);
    // The /26 takes the ISE's first two /27s, the /28 the start of the third.
    assert_eq!(prefix(&p, SubnetRole::Integration), "10.0.0.0/26");
    assert_eq!(prefix(&p, SubnetRole::PrivateEndpoints), "10.0.0.64/28");
    assert!(p.subnets.iter().all(|s| s.in_ise_space));
    let reuse = p.reuse.as_ref().unwrap();
    assert!(reuse.reusing);
    let placed: Vec<Vec<String>> = reuse.blocks.iter().map(|b| b.placed.clone()).collect();
    assert_eq!(
        placed,
        [
            vec!["logicapp-integration".to_string()],
            vec!["logicapp-integration".to_string()],
            vec!["logicapp-private-endpoints".to_string()],
            vec![]
        ]
    );
    assert!(p.checklist.iter().any(|c| c.id == "reuse-after-deletion"));
    // Without reuse the same space is avoided.
    d.standard.reuse_ise_space = false;
    assert!(standard(&d).subnets.iter().all(|s| !s.in_ise_space));
}

#[test]
fn the_reuse_report_says_which_blocks_can_form_a_26() {
    // An audited ISE whose blocks are scattered: 10.0.1.0/27 and 10.0.1.32/27 form a /26;
    // 10.0.1.96/27 and 10.0.2.64/27 do not (their partners are an existing subnet, and free
    // space).
    let mut d = base();
    let ise = [
        "10.0.1.0/27",
        "10.0.1.32/27",
        "10.0.1.96/27",
        "10.0.2.64/27",
    ];
    d.vnet.existing_subnets = ise
        .iter()
        .enumerate()
        .map(|(i, p)| ExistingSubnet {
            name: format!("legacy-{i}"),
            prefix: (*p).into(),
            ..ExistingSubnet::default()
        })
        .collect();
    d.vnet.existing_subnets.push(ExistingSubnet {
        name: "web".into(),
        prefix: "10.0.1.64/27".into(),
        ..ExistingSubnet::default()
    });
    for i in 0..4 {
        d.mark_existing_as_ise(i).unwrap();
    }
    let p = standard(&d);
    let reuse = p.reuse.as_ref().unwrap();
    let integration: Vec<(bool, &str)> = reuse
        .blocks
        .iter()
        .map(|b| {
            let o = b
                .options
                .iter()
                .find(|o| o.role == SubnetRole::Integration)
                .unwrap();
            (o.possible, o.reason.as_str())
        })
        .collect();
    assert!(
        integration[0].0 && integration[0].1.contains("legacy-1 (10.0.1.32/27)"),
        "{integration:?}"
    );
    assert!(integration[1].0);
    assert!(
        !integration[2].0
            && integration[2]
                .1
                .contains("existing subnet web (10.0.1.64/27)"),
        "{integration:?}"
    );
    assert!(
        integration[3].0 && integration[3].1.contains("free space"),
        "{integration:?}"
    );
    // Every block holds the /28 of the private endpoints.
    assert!(reuse.blocks.iter().all(|b| b
        .options
        .iter()
        .any(|o| o.role == SubnetRole::PrivateEndpoints && o.possible)));
    // The audited ISE subnets are the ISE's, not existing subnets to avoid twice.
    assert!(!p.has_errors(), "{:?}", p.findings);
}

#[test]
fn an_app_service_environment_has_its_own_subnet_rules_and_zone() {
    let mut d = base();
    d.standard.hosting = Hosting::AppServiceEnvironment;
    let p = standard(&d);
    assert!(!p.has_errors(), "{:?}", p.findings);
    assert!(p.subnet(SubnetRole::Integration).is_none());
    let ase = p.subnet(SubnetRole::AppServiceEnvironment).unwrap();
    assert_eq!(
        (ase.prefix.as_deref(), ase.delegation),
        (
            Some("10.0.1.0/24"),
            Some("Microsoft.Web/hostingEnvironments")
        )
    );
    assert_eq!(
        groups(&p),
        ["blob", "queue", "table", "file"],
        "an internal environment needs no app endpoint"
    );
    assert_eq!(
        p.dns_zones.last().unwrap().name,
        "logicapp-ase.appserviceenvironment.net"
    );
    let inbound: Vec<(&str, Vec<String>)> = p
        .nsg_rules
        .iter()
        .filter(|r| {
            r.nsg == "logicapp-ase-nsg"
                && r.name.starts_with("allow-")
                && r.source_addresses[0] != "10.0.1.0/24"
        })
        .map(|r| (r.source_addresses[0].as_str(), r.destination_ports.clone()))
        .collect();
    assert_eq!(
        inbound,
        [
            ("AzureLoadBalancer", vec!["80".to_string()]),
            ("VirtualNetwork", vec!["80".to_string(), "443".to_string()])
        ]
    );
    let vip = p
        .settings
        .iter()
        .find(|s| s.target == Target::AppServiceEnvironment)
        .unwrap();
    assert_eq!(vip.value, "internal");
    assert!(
        setting(&p, "virtualNetworkSubnetId").is_none()
            && setting(&p, "publicNetworkAccess").is_none()
    );
    assert!(p.checklist.iter().any(|c| c.id == "ase-windows-plans"));
}

#[test]
fn plans_are_deterministic_and_serialise() {
    let mut d = base();
    d.standard.reuse_ise_space = true;
    d.dns_servers = vec!["10.0.3.10".into()];
    let (a, b) = (standard(&d), standard(&d));
    assert_eq!(a, b);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["subnets"][0]["role"], "integration");
    assert!(json["decisions"].as_array().unwrap().len() >= 5);
    assert!(json["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["source"]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://learn.microsoft.com/")));
}

/// Every citation of a plan points to Learn, with a section and a row.
#[test]
fn every_row_carries_a_citation() {
    let mut d = Design {
        access_endpoint: AccessEndpoint::External,
        forced_tunneling: ForcedTunneling::ExpressRoute,
        ..base()
    };
    d.caller_addresses = vec!["203.0.113.0/24".into()];
    d.dns_servers = vec!["10.0.3.10".into()];
    for hosting in [Hosting::WorkflowStandard, Hosting::AppServiceEnvironment] {
        d.standard.hosting = hosting;
        let json = serde_json::to_value(standard(&d)).unwrap();
        let mut citations = Vec::new();
        collect_citations(&json, &mut citations);
        assert!(citations.len() > 40, "{}", citations.len());
        for c in citations {
            assert!(
                c["url"]
                    .as_str()
                    .unwrap()
                    .starts_with("https://learn.microsoft.com/azure/"),
                "{c}"
            );
            assert!(
                !c["section"].as_str().unwrap().is_empty()
                    && !c["row"].as_str().unwrap().is_empty(),
                "{c}"
            );
        }
        for key in [
            "privateEndpoints",
            "nsgRules",
            "settings",
            "carryOver",
            "checklist",
            "accessRestrictions",
            "outboundDependencies",
        ] {
            for row in json[key].as_array().unwrap() {
                let cited = row.get("source").is_some()
                    || row
                        .get("sources")
                        .is_some_and(|s| !s.as_array().unwrap().is_empty());
                assert!(cited, "{key}: {row}");
            }
        }
    }
}

fn collect_citations<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
    match v {
        serde_json::Value::Object(map) => {
            if map.contains_key("url") && map.contains_key("section") {
                out.push(v);
            }
            map.values().for_each(|x| collect_citations(x, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| collect_citations(x, out)),
        _ => {}
    }
}

// --- properties --------------------------------------------------------------------------

fn parsed(p: &Option<String>) -> Option<Ipv4Net> {
    p.as_deref()?.parse().ok()
}

fn overlaps(a: Ipv4Net, b: Ipv4Net) -> bool {
    a.contains(&b) || b.contains(&a)
}

/// Designs in a small VNet so that the subnets crowd each other: existing subnets, pins,
/// sizes, hosting and reuse all vary.
fn crowded_design() -> impl Strategy<Value = Design> {
    let vnet = prop_oneof![
        Just("10.0.0.0/22"),
        Just("10.0.0.0/23"),
        Just("10.0.0.0/24"),
        Just("10.0.0.0/25")
    ];
    let existing = proptest::collection::vec((0u32..16, 24u8..=29), 0..6);
    let pin = prop_oneof![3 => Just(String::new()), 1 => (0u32..16, 24u8..=29).prop_map(|(b, len)| format!("10.0.{}.{}/{len}", b / 4, (b % 4) * 64))];
    (
        vnet,
        existing,
        pin.clone(),
        pin,
        24u8..=29,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(vnet, existing, pin_a, pin_b, size, reuse, ase, external)| {
                let mut d = base();
                d.vnet.address_prefixes = vec![vnet.into()];
                d.vnet.existing_subnets = existing
                    .into_iter()
                    .map(|(b, len)| {
                        ExistingSubnet::from(format!("10.0.{}.{}/{len}", 1 + b / 8, (b % 8) * 32))
                    })
                    .collect();
                d.standard.integration_subnet.prefix = pin_a.clone();
                d.standard.ase_subnet.prefix = pin_a;
                d.standard.private_endpoint_subnet.prefix = pin_b;
                d.standard.integration_subnet_size = i64::from(size).into();
                d.standard.ase_subnet_size = i64::from(size.min(27)).into();
                d.standard.reuse_ise_space = reuse;
                if ase {
                    d.standard.hosting = Hosting::AppServiceEnvironment;
                }
                if external {
                    d.access_endpoint = AccessEndpoint::External;
                }
                d
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Allocated subnets are aligned, inside the VNet, apart from each other, the existing
    /// subnets and (unless reused) the ISE's; a shortage is an error; the same design plans
    /// the same way.
    #[test]
    fn allocated_subnets_are_free_and_apart(design in crowded_design()) {
        let both = migrate::plan(&design);
        let p = &both.standard;
        let vnet: Ipv4Net = design.vnet.address_prefixes[0].parse().unwrap();
        let existing: Vec<Ipv4Net> = design.vnet.existing_subnets.iter().filter_map(|e| e.prefix.parse().ok()).collect();
        let ise: Vec<Ipv4Net> = both.ise.subnets.iter().filter_map(|s| s.net()).collect();
        let placed: Vec<Ipv4Net> = p.subnets.iter().filter_map(|s| parsed(&s.prefix)).collect();
        for s in p.subnets.iter().filter(|s| !s.pinned) {
            let Some(net) = parsed(&s.prefix) else {
                prop_assert!(codes(p).contains(&code::STANDARD_ALLOCATION_NO_SPACE), "{} unplaced without an error", s.name);
                continue;
            };
            prop_assert_eq!(net.trunc(), net, "aligned");
            prop_assert!(vnet.contains(&net), "inside the VNet");
            prop_assert!(!existing.iter().any(|e| overlaps(*e, net)), "{} overlaps an existing subnet", net);
            if !design.standard.reuse_ise_space {
                prop_assert!(!ise.iter().any(|i| overlaps(*i, net)), "{} overlaps the ISE", net);
            }
            prop_assert_eq!(placed.iter().filter(|o| overlaps(**o, net)).count(), 1, "{} overlaps another new subnet", net);
            prop_assert_eq!(s.delegation.is_some(), s.role != SubnetRole::PrivateEndpoints);
        }
        // A pinned subnet stays where it was pinned.
        for s in p.subnets.iter().filter(|s| s.pinned) {
            let spec = match s.role {
                SubnetRole::Integration => &design.standard.integration_subnet,
                SubnetRole::AppServiceEnvironment => &design.standard.ase_subnet,
                SubnetRole::PrivateEndpoints => &design.standard.private_endpoint_subnet,
            };
            // (With host bits set, the network meant, which a finding names.)
            let meant = spec.prefix.parse::<Ipv4Net>().unwrap().trunc();
            prop_assert_eq!(parsed(&s.prefix), Some(meant));
        }
        prop_assert_eq!(&standard(&design), p);
    }
}

/// Designs whose VNet holds a range no subnet may use (Azure's DNS address, loopback,
/// link-local): the sizes, hosting and existing subnets vary.
fn design_beside_reserved_ranges() -> impl Strategy<Value = Design> {
    let vnet = prop_oneof![
        Just(vec!["168.63.128.0/22"]),
        Just(vec!["168.63.129.0/24"]),
        Just(vec!["126.255.255.0/24", "127.0.0.0/24"]),
        Just(vec!["169.254.0.0/23", "169.253.255.0/24"]),
    ];
    (vnet, 24u8..=29, any::<bool>(), 0u32..4).prop_map(|(vnet, size, ase, existing)| {
        let mut d = base();
        d.vnet.address_prefixes = vnet.iter().map(|v| v.to_string()).collect();
        let first: Ipv4Net = vnet[0].parse().unwrap();
        d.vnet.existing_subnets = (0..existing)
            .map(|i| {
                let at = u32::from(first.network()) + i * 64;
                ExistingSubnet::from(format!("{}/27", std::net::Ipv4Addr::from(at)))
            })
            .collect();
        d.standard.integration_subnet_size = i64::from(size).into();
        d.standard.ase_subnet_size = i64::from(size.min(27)).into();
        if ase {
            d.standard.hosting = Hosting::AppServiceEnvironment;
        }
        d
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// No new subnet is placed over a range Azure keeps out of every virtual network.
    #[test]
    fn allocated_subnets_avoid_reserved_ranges(design in design_beside_reserved_ranges()) {
        let p = migrate::plan(&design).standard;
        for s in p.subnets.iter().filter(|s| !s.pinned) {
            let Some(net) = parsed(&s.prefix) else { continue };
            let hit: Vec<&str> = reserved::overlapping(&reserved::AZURE_VNET_ALL, net).map(|r| r.what).collect();
            prop_assert!(hit.is_empty(), "{} over {:?}", net, hit);
        }
    }
}
