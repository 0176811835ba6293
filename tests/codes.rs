//! Every finding code the planner documents is reachable through `plan()` with a design
//! that shows it, and the finding names a field of the design.

use ise_planner::design::{
    AccessEndpoint, Certificate, Cloud, Deployment, Design, ExistingSubnet, ForcedTunneling,
    NextHop, Sku, SubnetSpec,
};
use ise_planner::findings::code;
use ise_planner::plan;

fn base() -> Design {
    Design {
        subscription_id: "f34b22a3-2202-4fb1-b040-1332bd928c84".into(),
        ..Design::default()
    }
}

fn pin(d: &mut Design, i: usize, prefix: &str) {
    d.subnets[i] = SubnetSpec {
        name: d.subnets[i].name.clone(),
        prefix: prefix.into(),
        ..SubnetSpec::default()
    };
}

const LOGIC_APPS: &str = "Microsoft.Logic/integrationServiceEnvironments";

/// An External ISE with its connector rule and callers.
fn external(d: &mut Design) {
    d.access_endpoint = AccessEndpoint::External;
    d.connector_outbound_addresses = vec!["52.1.2.0/28".into()];
    d.caller_addresses = vec!["203.0.113.0/24".into()];
}

/// Forced tunneling through a firewall at 10.0.3.4 (inside the VNet), with every dependency list.
fn firewall(d: &mut Design) {
    d.forced_tunneling = ForcedTunneling::Firewall;
    d.firewall.appliance_ip = "10.0.3.4".into();
    d.dependency_addresses.app_service_management = vec!["13.66.140.0/26".into()];
    d.dependency_addresses.connectors = vec!["13.69.227.208/28".into()];
    d.dependency_addresses.traffic_manager = vec!["13.65.0.252".into()];
    d.dependency_addresses.logic_apps = vec!["13.95.155.53".into()];
}

/// Existing subnets marked as ISE subnets, one per delegation list given.
fn existing_ise(d: &mut Design, delegations: &[&[&str]]) {
    d.vnet.existing_subnets = delegations
        .iter()
        .enumerate()
        .map(|(i, list)| ExistingSubnet {
            name: format!("legacy-{i}"),
            prefix: format!("10.0.2.{}/27", i * 32),
            delegations: list.iter().map(|s| s.to_string()).collect(),
            ..ExistingSubnet::default()
        })
        .collect();
    for i in 0..delegations.len() {
        d.mark_existing_as_ise(i);
    }
}

/// How to change the default design so that it shows a code.
type MakeDesign = Box<dyn Fn(&mut Design)>;

/// One design per code: (code, how to make the design show it).
fn cases() -> Vec<(&'static str, MakeDesign)> {
    vec![
        (
            code::SUBSCRIPTION_ID_MISSING,
            Box::new(|d| d.subscription_id.clear()),
        ),
        (
            code::SUBSCRIPTION_ID_INVALID,
            Box::new(|d| d.subscription_id = "Pay-As-You-Go".into()),
        ),
        (
            code::SUBSCRIPTION_ID_PLACEHOLDER,
            Box::new(|d| d.subscription_id = "00000000-0000-0000-0000-000000000000".into()),
        ),
        (
            code::RESOURCE_GROUP_MISSING,
            Box::new(|d| d.resource_group.clear()),
        ),
        (
            code::RESOURCE_GROUP_INVALID,
            Box::new(|d| d.resource_group = "rg/1".into()),
        ),
        (code::ISE_NAME_MISSING, Box::new(|d| d.name.clear())),
        (
            code::ISE_NAME_INVALID,
            Box::new(|d| d.name = "my ise".into()),
        ),
        (code::LOCATION_MISSING, Box::new(|d| d.location.clear())),
        (
            code::LOCATION_UNKNOWN,
            Box::new(|d| d.location = "moonbase".into()),
        ),
        (
            code::LOCATION_CLOUD_MISMATCH,
            Box::new(|d| d.cloud = Cloud::Government),
        ),
        (
            code::CAPACITY_INVALID,
            Box::new(|d| d.additional_capacity = ise_planner::design::TypedNumber("2.5".into())),
        ),
        (
            code::CAPACITY_OUT_OF_RANGE,
            Box::new(|d| d.additional_capacity = 11.into()),
        ),
        (
            code::CAPACITY_NOT_APPLICABLE,
            Box::new(|d| {
                d.sku = Sku::Developer;
                d.additional_capacity = 1.into()
            }),
        ),
        (code::VNET_NAME_MISSING, Box::new(|d| d.vnet.name.clear())),
        (
            code::VNET_NAME_INVALID,
            Box::new(|d| d.vnet.name = "-vnet".into()),
        ),
        (
            code::VNET_RESOURCE_GROUP_INVALID,
            Box::new(|d| d.vnet.resource_group = "net rg".into()),
        ),
        (
            code::VNET_PREFIX_MISSING,
            Box::new(|d| d.vnet.address_prefixes.clear()),
        ),
        (
            code::VNET_PREFIXES_OVERLAP,
            Box::new(|d| d.vnet.address_prefixes.push("10.0.1.0/24".into())),
        ),
        (
            code::VNET_PREFIX_PUBLIC,
            Box::new(|d| d.vnet.address_prefixes = vec!["20.1.0.0/24".into()]),
        ),
        (
            code::CIDR_SYNTAX,
            Box::new(|d| d.vnet.address_prefixes = vec!["10.0.0/22".into()]),
        ),
        (
            code::CIDR_HOST_BITS,
            Box::new(|d| d.vnet.address_prefixes = vec!["10.0.0.1/22".into()]),
        ),
        (code::CIDR_IPV6, Box::new(|d| pin(d, 0, "fd00::/64"))),
        (
            code::IPV6_IGNORED,
            Box::new(|d| d.vnet.address_prefixes.push("fd00:db8::/48".into())),
        ),
        (
            code::ADDRESS_UNRESOLVABLE,
            Box::new(|d| d.vnet.address_prefixes = vec!["100.64.0.0/22".into()]),
        ),
        (
            code::ADDRESS_NOT_ALLOWED,
            Box::new(|d| d.vnet.address_prefixes = vec!["169.254.0.0/22".into()]),
        ),
        (
            code::EXISTING_SUBNET_OUTSIDE_VNET,
            Box::new(|d| d.vnet.existing_subnets = vec!["10.9.0.0/24".into()]),
        ),
        (
            code::EXISTING_SUBNETS_OVERLAP,
            Box::new(|d| {
                d.vnet.existing_subnets = vec!["10.0.2.0/24".into(), "10.0.2.0/25".into()]
            }),
        ),
        (
            code::EXISTING_ISE_SUBNET_UNBOUND,
            Box::new(|d| {
                d.vnet.existing_subnets = vec![ExistingSubnet {
                    prefix: "10.0.2.0/27".into(),
                    ise_subnet: true,
                    ..ExistingSubnet::default()
                }]
            }),
        ),
        (
            code::EXISTING_ISE_SUBNET_DELEGATED_ELSEWHERE,
            Box::new(|d| {
                existing_ise(d, &[&["Microsoft.Web/serverFarms"]]);
            }),
        ),
        (
            code::EXISTING_ISE_SUBNET_DELEGATED_FOR_PORTAL,
            Box::new(|d| {
                d.deployment = Deployment::Portal;
                existing_ise(d, &[&[LOGIC_APPS]]);
            }),
        ),
        (
            code::ISE_SUBNETS_DELEGATED_TWICE,
            Box::new(|d| {
                existing_ise(d, &[&[LOGIC_APPS], &[LOGIC_APPS]]);
            }),
        ),
        (
            code::SUBNET_COUNT,
            Box::new(|d| {
                d.subnets.pop();
            }),
        ),
        (
            code::SUBNET_NAME_MISSING,
            Box::new(|d| d.subnets[0].name.clear()),
        ),
        (
            code::SUBNET_NAME_START,
            Box::new(|d| d.subnets[0].name = "1subnet".into()),
        ),
        (
            code::SUBNET_NAME_FORBIDDEN_CHAR,
            Box::new(|d| d.subnets[0].name = "a%b".into()),
        ),
        (
            code::SUBNET_NAME_INVALID_CHAR,
            Box::new(|d| d.subnets[0].name = "a b".into()),
        ),
        (
            code::SUBNET_NAME_END,
            Box::new(|d| d.subnets[0].name = "subnet-".into()),
        ),
        (
            code::SUBNET_NAME_TOO_LONG,
            Box::new(|d| d.subnets[0].name = "s".repeat(81)),
        ),
        (
            code::SUBNET_NAMES_DUPLICATE,
            Box::new(|d| d.subnets[1].name = d.subnets[0].name.to_uppercase()),
        ),
        (
            code::SUBNET_TOO_SMALL,
            Box::new(|d| pin(d, 0, "10.0.3.0/28")),
        ),
        (
            code::SUBNET_LARGER_THAN_NEEDED,
            Box::new(|d| pin(d, 0, "10.0.3.0/26")),
        ),
        (
            code::SUBNET_OUTSIDE_VNET,
            Box::new(|d| pin(d, 0, "10.8.0.0/27")),
        ),
        (
            code::SUBNETS_OVERLAP,
            Box::new(|d| {
                pin(d, 0, "10.0.3.0/27");
                pin(d, 1, "10.0.3.0/27")
            }),
        ),
        (
            code::SUBNET_OVERLAPS_EXISTING,
            Box::new(|d| {
                d.vnet.existing_subnets = vec!["10.0.3.0/24".into()];
                pin(d, 0, "10.0.3.0/27")
            }),
        ),
        (
            code::ALLOCATION_NO_SPACE,
            Box::new(|d| d.vnet.address_prefixes = vec!["10.0.0.0/26".into()]),
        ),
        (
            code::ALLOCATION_NOT_CONTIGUOUS,
            Box::new(|d| {
                d.vnet.address_prefixes = vec!["10.0.0.0/24".into()];
                d.vnet.existing_subnets = vec!["10.0.0.32/27".into(), "10.0.0.160/27".into()]
            }),
        ),
        (
            code::DNS_SERVER_INVALID,
            Box::new(|d| d.dns_servers = vec!["dns.contoso.com".into()]),
        ),
        (
            code::DNS_SERVER_PUBLIC,
            Box::new(|d| d.dns_servers = vec!["8.8.8.8".into()]),
        ),
        (
            code::DNS_SERVER_AZURE_RESOLVER,
            Box::new(|d| d.dns_servers = vec!["168.63.129.16".into()]),
        ),
        (
            code::ADDRESS_NOT_PUBLIC,
            Box::new(|d| {
                external(d);
                d.connector_outbound_addresses.push("10.1.0.0/16".into());
            }),
        ),
        (
            code::ADDRESS_NOT_USABLE,
            Box::new(|d| d.dns_servers = vec!["127.0.0.1".into()]),
        ),
        (
            code::ADDRESS_CATCH_ALL,
            Box::new(|d| {
                external(d);
                d.caller_addresses = vec!["0.0.0.0/0".into()];
            }),
        ),
        (
            code::ADDRESS_LIST_INVALID,
            Box::new(|d| {
                d.access_endpoint = AccessEndpoint::External;
                d.connector_outbound_addresses = vec!["nope".into()]
            }),
        ),
        (
            code::CONNECTOR_ADDRESSES_MISSING,
            Box::new(|d| d.access_endpoint = AccessEndpoint::External),
        ),
        (
            code::CONNECTOR_ADDRESSES_UNUSED,
            Box::new(|d| d.connector_outbound_addresses = vec!["52.1.1.1".into()]),
        ),
        (
            code::HTTPS_OPEN_TO_INTERNET,
            Box::new(|d| {
                external(d);
                d.caller_addresses.clear();
            }),
        ),
        (
            code::CALLER_ADDRESSES_UNUSED,
            Box::new(|d| d.caller_addresses = vec!["52.1.1.1".into()]),
        ),
        (
            code::GOVERNMENT_ADDRESSES_MISSING,
            Box::new(|d| {
                d.cloud = Cloud::Government;
                d.location = "usgovvirginia".into()
            }),
        ),
        (
            code::DEPENDENCY_ADDRESSES_MISSING,
            Box::new(|d| {
                firewall(d);
                d.dependency_addresses.connectors.clear();
            }),
        ),
        (
            code::DEPENDENCY_ADDRESSES_UNUSED,
            Box::new(|d| d.dependency_addresses.traffic_manager = vec!["13.65.92.252".into()]),
        ),
        (
            code::DEPENDENCY_ROUTE_OVERLAPS_VNET,
            Box::new(|d| {
                firewall(d);
                d.vnet.address_prefixes = vec!["13.65.0.0/22".into()];
            }),
        ),
        (
            code::FIREWALL_IP_MISSING,
            Box::new(|d| {
                firewall(d);
                d.firewall.appliance_ip.clear();
            }),
        ),
        (
            code::FIREWALL_IP_INVALID,
            Box::new(|d| {
                firewall(d);
                d.firewall.appliance_ip = "10.0.3.4/32".into();
            }),
        ),
        (
            code::FIREWALL_IP_IN_ISE_SUBNET,
            Box::new(|d| {
                firewall(d);
                d.firewall.appliance_ip = "10.0.0.4".into();
            }),
        ),
        (
            code::FIREWALL_IP_OUTSIDE_VNET,
            Box::new(|d| {
                firewall(d);
                d.firewall.appliance_ip = "10.100.0.4".into();
            }),
        ),
        (
            code::FIREWALL_IP_UNUSED,
            Box::new(|d| {
                firewall(d);
                d.firewall.next_hop = NextHop::VirtualNetworkGateway;
            }),
        ),
        (
            code::EXTERNAL_ISE_ASYMMETRIC_ROUTING,
            Box::new(|d| {
                firewall(d);
                external(d);
            }),
        ),
        (
            code::ROUTE_TABLE_LIMIT,
            Box::new(|d| {
                firewall(d);
                d.dependency_addresses.connectors = (0..400u32)
                    .map(|i| format!("52.{}.{}.0/24", i / 256, i % 256))
                    .collect();
            }),
        ),
        (
            code::NSG_ADDRESS_LIMIT,
            Box::new(|d| {
                d.access_endpoint = AccessEndpoint::External;
                d.connector_outbound_addresses = (0..4001u32)
                    .map(|i| format!("52.{}.{}.1", i / 256, i % 256))
                    .collect();
            }),
        ),
        (
            code::CERTIFICATE_NAME_INVALID,
            Box::new(|d| {
                d.certificates = vec![Certificate {
                    name: "my cert".into(),
                    public_certificate: "MIIB".into(),
                }]
            }),
        ),
        (
            code::CERTIFICATE_NAMES_DUPLICATE,
            Box::new(|d| {
                d.certificates = vec![
                    Certificate {
                        name: "root".into(),
                        public_certificate: "MIIB".into(),
                    },
                    Certificate {
                        name: "Root".into(),
                        public_certificate: "MIIB".into(),
                    },
                ]
            }),
        ),
        (
            code::CERTIFICATE_BASE64_INVALID,
            Box::new(|d| {
                d.certificates = vec![Certificate {
                    name: "root".into(),
                    public_certificate: "%%%".into(),
                }]
            }),
        ),
        (
            code::CERTIFICATE_NOT_RECOGNISED,
            Box::new(|d| {
                d.certificates = vec![Certificate {
                    name: "root".into(),
                    public_certificate: "aGVsbG8=".into(),
                }]
            }),
        ),
        (
            code::CERTIFICATES_OUTSIDE_SPEC,
            Box::new(|d| {
                d.certificates = vec![Certificate {
                    name: "root".into(),
                    public_certificate: "MIIB".into(),
                }]
            }),
        ),
        (
            code::CONNECTOR_NAME_INVALID,
            Box::new(|d| d.managed_connectors = vec!["sql server".into()]),
        ),
        (
            code::CONNECTOR_UNKNOWN,
            Box::new(|d| d.managed_connectors = vec!["salesforce".into()]),
        ),
        (
            code::VALUE_TOO_LONG,
            Box::new(|d| d.location = "x".repeat(1_000)),
        ),
        (
            code::LIST_TOO_LONG,
            Box::new(|d| d.dns_servers = vec!["10.0.0.4".into(); 1_001]),
        ),
        (
            code::VNET_SUBNET_LIMIT,
            Box::new(|d| {
                d.vnet.address_prefixes = vec!["10.0.0.0/8".into()];
                d.vnet.existing_subnets = (0..3_000u32)
                    .map(|i| format!("10.{}.{}.0/24", 1 + i / 256, i % 256).into())
                    .collect();
            }),
        ),
    ]
}

#[test]
fn the_base_design_is_clean() {
    let p = plan(&base());
    assert!(p.findings.is_empty(), "{:?}", p.findings);
}

#[test]
fn every_code_is_reachable_and_names_a_field() {
    let cases = cases();
    for (code, make) in &cases {
        let mut d = base();
        make(&mut d);
        let p = plan(&d);
        let hit = p.findings.iter().find(|f| f.code == *code);
        let hit = hit.unwrap_or_else(|| {
            panic!(
                "{code} not reported; got {:?}",
                p.findings.iter().map(|f| f.code).collect::<Vec<_>>()
            )
        });
        assert!(!hit.field.is_empty() && !hit.message.is_empty(), "{code}");
        // The field is a path into the design's JSON.
        let root = hit.field.split(['.', '[']).next().unwrap_or_default();
        let design_json = serde_json::to_value(&d).unwrap();
        assert!(
            design_json.get(root).is_some(),
            "{code}: field {} is not in the design",
            hit.field
        );
    }
    let covered: Vec<&str> = cases.iter().map(|(c, _)| *c).collect();
    for code in code::ALL.iter().filter(|c| !code::STANDARD.contains(c)) {
        assert!(covered.contains(code), "no case shows {code}");
    }
    assert_eq!(covered.len(), code::ALL.len() - code::STANDARD.len());
}

// --- the Logic Apps Standard planner's own codes ---------------------------------------

/// One design per code of the Standard planner.
fn standard_cases() -> Vec<(&'static str, MakeDesign)> {
    use ise_planner::design::{Hosting, TypedNumber};
    let size = |n: &str| TypedNumber(n.into());
    vec![
        (
            code::STANDARD_NAME_MISSING,
            Box::new(|d| d.standard.logic_app.name.clear()),
        ),
        (
            code::STANDARD_NAME_INVALID,
            Box::new(|d| d.standard.storage_account.name = "Logic-Apps".into()),
        ),
        (
            code::STANDARD_SUBNET_NAMES_DUPLICATE,
            Box::new(|d| d.standard.private_endpoint_subnet.name = "logicapp-integration".into()),
        ),
        (
            code::STANDARD_SUBNET_SIZE_INVALID,
            Box::new(move |d| d.standard.integration_subnet_size = size("big")),
        ),
        (
            code::INTEGRATION_SUBNET_TOO_SMALL,
            Box::new(move |d| d.standard.integration_subnet_size = size("29")),
        ),
        (
            code::INTEGRATION_SUBNET_BELOW_PORTAL_MINIMUM,
            Box::new(move |d| d.standard.integration_subnet_size = size("28")),
        ),
        (
            code::INTEGRATION_SUBNET_BELOW_RECOMMENDED,
            Box::new(move |d| d.standard.integration_subnet_size = size("/27")),
        ),
        (
            code::ASE_SUBNET_TOO_SMALL,
            Box::new(move |d| {
                d.standard.hosting = Hosting::AppServiceEnvironment;
                d.standard.ase_subnet_size = size("28");
            }),
        ),
        (
            code::ASE_SUBNET_BELOW_RECOMMENDED,
            Box::new(move |d| {
                d.standard.hosting = Hosting::AppServiceEnvironment;
                d.standard.ase_subnet.prefix = "10.0.2.0/25".into();
            }),
        ),
        (
            code::PRIVATE_ENDPOINT_SUBNET_TOO_SMALL,
            Box::new(|d| d.standard.private_endpoint_subnet.prefix = "10.0.3.0/29".into()),
        ),
        (
            code::STANDARD_SUBNET_OUTSIDE_VNET,
            Box::new(|d| d.standard.integration_subnet.prefix = "10.9.0.0/26".into()),
        ),
        (
            code::STANDARD_SUBNETS_OVERLAP,
            Box::new(|d| {
                d.standard.integration_subnet.prefix = "10.0.2.0/26".into();
                d.standard.private_endpoint_subnet.prefix = "10.0.2.16/28".into();
            }),
        ),
        (
            code::STANDARD_SUBNET_OVERLAPS_EXISTING,
            Box::new(|d| {
                d.vnet.existing_subnets = vec![ExistingSubnet {
                    name: "web".into(),
                    prefix: "10.0.2.0/24".into(),
                    ..ExistingSubnet::default()
                }];
                d.standard.integration_subnet.prefix = "10.0.2.0/26".into();
            }),
        ),
        (
            code::STANDARD_SUBNET_OVERLAPS_ISE,
            Box::new(|d| d.standard.integration_subnet.prefix = "10.0.0.0/26".into()),
        ),
        (
            code::STANDARD_SUBNET_IN_ISE_ONLY_RANGE,
            Box::new(|d| d.vnet.address_prefixes = vec!["100.64.0.0/22".into()]),
        ),
        (
            code::STANDARD_ALLOCATION_NO_SPACE,
            Box::new(|d| d.vnet.address_prefixes = vec!["10.0.0.0/25".into()]),
        ),
        (
            code::VNET_IPV6_INTEGRATION,
            Box::new(|d| d.vnet.address_prefixes.push("fd00::/48".into())),
        ),
        (
            code::DNS_SERVER_NOT_CARRIED,
            Box::new(|d| {
                d.dns_servers = vec!["10.0.3.4".into(), "10.0.3.5".into(), "10.0.3.6".into()]
            }),
        ),
        (code::PUSH_TRIGGERS_PRIVATE_ENDPOINT, Box::new(|_| {})),
        (
            code::ACCESS_RESTRICTION_LIMIT,
            Box::new(|d| {
                external(d);
                d.caller_addresses = (0..600u32)
                    .map(|i| format!("52.0.{}.{}", i / 256, i % 256))
                    .collect();
            }),
        ),
        (
            code::REUSE_WITHOUT_ISE_SUBNETS,
            Box::new(|d| {
                d.standard.reuse_ise_space = true;
                d.vnet.address_prefixes = vec!["10.0.0.0/28".into()];
            }),
        ),
        (
            code::ASE_DNS_SUFFIX_UNKNOWN,
            Box::new(|d| {
                d.standard.hosting = Hosting::AppServiceEnvironment;
                d.cloud = Cloud::Government;
                d.location = "usgovvirginia".into();
            }),
        ),
        (
            code::FIREWALL_IP_IN_STANDARD_SUBNET,
            Box::new(|d| {
                firewall(d);
                d.firewall.appliance_ip = "10.0.2.4".into();
                d.standard.integration_subnet.prefix = "10.0.2.0/26".into();
            }),
        ),
    ]
}

#[test]
fn every_standard_code_is_reachable_and_names_a_labelled_field() {
    use ise_planner::findings::field_labels::label;
    use ise_planner::migrate;
    let cases = standard_cases();
    for (code, make) in &cases {
        let mut d = base();
        make(&mut d);
        let p = migrate::plan(&d).standard;
        let hit = p
            .findings
            .iter()
            .find(|f| f.code == *code)
            .unwrap_or_else(|| {
                panic!(
                    "{code} not reported; got {:?}",
                    p.findings
                        .iter()
                        .map(|f| (f.code, &f.field))
                        .collect::<Vec<_>>()
                )
            });
        assert!(!hit.message.is_empty(), "{code}");
        assert!(
            label(&hit.field).is_some(),
            "{code}: field {} has no label",
            hit.field
        );
        // Every finding of the plan names a labelled field, whatever its code.
        for f in &p.findings {
            assert!(
                label(&f.field).is_some(),
                "{}: field {} has no label",
                f.code,
                f.field
            );
            assert!(
                code::ALL.contains(&f.code),
                "{} is not a documented code",
                f.code
            );
        }
    }
    let covered: Vec<&str> = cases.iter().map(|(c, _)| *c).collect();
    for code in code::STANDARD {
        assert!(covered.contains(code), "no case shows {code}");
        assert!(code::ALL.contains(code), "{code} is not in ALL");
    }
    assert_eq!(covered.len(), code::STANDARD.len());
}

#[test]
fn the_base_design_plans_a_clean_standard_network() {
    let p = ise_planner::migrate::plan(&base()).standard;
    // The one warning an Internal ISE's replacement always has: push triggers.
    let codes: Vec<&str> = p.findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [code::PUSH_TRIGGERS_PRIVATE_ENDPOINT]);
}
