//! Golden tests of the exports, and property tests of the planner as a whole.
//!
//! Each directory under `tests/golden/` holds one representative design (`design.json`) and
//! the exports the planner gives for it, exactly as `ise-plan --design design.json --emit X`
//! prints them: `rest-request.json`, `nsg.json` and `routes.json`.
//!
//! After an intended change of the output, regenerate the expected files and review the diff:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test golden
//! git diff tests/golden
//! ```

use ipnet::Ipv4Net;
use ise_planner::design::{AccessEndpoint, Cloud, Design, ForcedTunneling, Sku, DESIGN_VERSION};
use ise_planner::{plan, Plan};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The designs, one directory each.
const CASES: &[&str] = &[
    // Design::default(): Internal, Premium, public cloud, REST deployment.
    "default",
    // External + Developer + Azure Government + certificates + connector outbound addresses
    // + ExpressRoute forced tunneling (a version-1 design: `"forcedTunneling": true`) with
    // dependency addresses it does not need + custom DNS + a pinned subnet.
    "external-government",
    // Quotes, slashes, backslashes, <script>, unicode, NUL and bidi characters in names.
    "hostile-names",
    // Three VNet prefixes, scattered existing subnets, a pinned subnet, portal deployment,
    // maximum capacity, managed connectors.
    "crowded-vnet",
    // ExpressRoute with forced tunneling: the one route 0.0.0.0/0 → Internet, custom DNS.
    "express-route",
    // External ISE, forced tunneling through a firewall in a peered hub (next hop
    // VirtualAppliance), dependency routes, callers narrowing port 443, the explicit Azure
    // Load Balancer rule.
    "firewall-forced-tunneling",
];

/// How a stored export is made from a plan.
type Export = fn(&Plan) -> Value;

/// The exports stored per case, with how the planner makes each.
const EXPORTS: &[(&str, Export)] = &[
    ("rest-request.json", |p| {
        serde_json::to_value(&p.rest.create).expect("the request serialises")
    }),
    ("nsg.json", |p| {
        Value::Array(p.nsg_rules.iter().map(|r| r.to_arm()).collect())
    }),
    ("routes.json", |p| {
        Value::Array(p.routes.iter().map(|r| r.to_arm()).collect())
    }),
];

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn updating() -> bool {
    std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1")
}

fn load(case: &str) -> Design {
    let path = golden_dir().join(case).join("design.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Design::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text the CLI prints for a value: pretty JSON and a newline.
fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("JSON serialises");
    text.push('\n');
    text
}

/// Where the first difference is, with a few lines of each side around it.
fn diff_hint(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let at = e
        .iter()
        .zip(&a)
        .position(|(x, y)| x != y)
        .unwrap_or(e.len().min(a.len()));
    let from = at.saturating_sub(3);
    let show = |lines: &[&str], sign: char| {
        lines
            .iter()
            .enumerate()
            .skip(from)
            .take(at - from + 4)
            .map(|(i, l)| format!("  {sign}{:>5} | {l}", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        "first difference at line {} (expected {} lines, got {}):\n  expected:\n{}\n  actual:\n{}",
        at + 1,
        e.len(),
        a.len(),
        show(&e, '-'),
        show(&a, '+')
    )
}

#[test]
fn exports_match_the_goldens() {
    let mut failures = Vec::new();
    for case in CASES {
        let design = load(case);
        let plan = plan(&design);
        for (file, export) in EXPORTS {
            let path = golden_dir().join(case).join(file);
            let actual = pretty(&export(&plan));
            if updating() {
                std::fs::write(&path, &actual)
                    .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
                eprintln!("updated {}", path.display());
                continue;
            }
            let expected = match std::fs::read_to_string(&path) {
                Ok(text) => text.replace("\r\n", "\n"),
                Err(e) => {
                    failures.push(format!("{}: cannot read ({e})", path.display()));
                    continue;
                }
            };
            if expected != actual {
                let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
                    .join("golden")
                    .join(case);
                let _ = std::fs::create_dir_all(&out);
                let out = out.join(file);
                let _ = std::fs::write(&out, &actual);
                failures.push(format!(
                    "{} differs from the planner's output.\n{}\n  full output: {}\n  compare:     diff -u {} {}",
                    path.display(),
                    diff_hint(&expected, &actual),
                    out.display(),
                    path.display(),
                    out.display(),
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended, regenerate with `UPDATE_GOLDEN=1 cargo test --test golden` and review `git diff tests/golden`.",
        failures.join("\n\n")
    );
}

/// The CLI prints byte for byte what the goldens hold.
#[test]
fn cli_prints_the_goldens() {
    if updating() {
        return;
    }
    for case in CASES {
        let design = golden_dir().join(case).join("design.json");
        for (file, _) in EXPORTS {
            let emit = file.trim_end_matches(".json");
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_ise-plan"))
                .args(["--design", design.to_str().unwrap(), "--emit", emit])
                .output()
                .expect("run ise-plan");
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{case} --emit {emit}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let expected = std::fs::read_to_string(golden_dir().join(case).join(file))
                .expect("golden file")
                .replace("\r\n", "\n");
            assert_eq!(
                String::from_utf8(out.stdout).expect("UTF-8 stdout"),
                expected,
                "{case} --emit {emit}"
            );
        }
    }
}

/// Every golden design is a saved design as the page writes it: current version, and it
/// survives a save and load unchanged.
#[test]
fn golden_designs_round_trip() {
    for case in CASES {
        let design = load(case);
        assert_eq!(design.version, DESIGN_VERSION, "{case}");
        assert_eq!(
            Design::from_json(&design.to_json()).as_ref(),
            Ok(&design),
            "{case}"
        );
    }
}

/// A golden file as JSON; while the goldens are being regenerated (and so rewritten by
/// another test), the planner's output it will hold.
fn golden(case: &str, file: &str) -> Value {
    if updating() {
        let (_, export) = EXPORTS.iter().find(|(f, _)| *f == file).expect("an export");
        return export(&plan(&load(case)));
    }
    let path = golden_dir().join(case).join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn subnet_id(design: &Design, subnet: &str) -> String {
    let vnet_rg = match design.vnet.resource_group.trim() {
        "" => design.resource_group.trim(),
        rg => rg,
    };
    format!(
        "/subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/{}/subnets/{}",
        design.subscription_id.trim(),
        vnet_rg,
        design.vnet.name.trim(),
        subnet.trim()
    )
}

/// The shape of every golden REST request, checked field by field.
#[test]
fn golden_rest_bodies_are_well_formed() {
    for case in CASES {
        let design = load(case);
        let request = golden(case, "rest-request.json");
        let body = &request["body"];

        // Strict JSON: compact text has no raw control character, and parses back to itself.
        let compact = serde_json::to_string(body).unwrap();
        assert!(
            !compact.chars().any(|c| (c as u32) < 0x20),
            "{case}: raw control character in the body"
        );
        let reparsed: Value = serde_json::from_str(&compact)
            .unwrap_or_else(|e| panic!("{case}: body does not re-parse: {e}"));
        assert_eq!(&reparsed, body, "{case}");

        // The URL: the cloud's host, encoded path segments, the REST API article's API version.
        let url = request["url"].as_str().expect("url");
        let host = design.cloud.management_host();
        assert!(
            url.starts_with(&format!("https://{host}/subscriptions/")),
            "{case}: {url}"
        );
        assert!(url.ends_with("?api-version=2019-05-01"), "{case}: {url}");
        assert!(
            url.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~/:?=%".contains(c)),
            "{case}: unencoded character in {url}"
        );
        assert_eq!(request["method"], "PUT");

        let network = &body["properties"]["networkConfiguration"];
        let access = network["accessEndpoint"]["type"].as_str().expect("type");
        assert!(
            ["Internal", "External"].contains(&access),
            "{case}: {access}"
        );
        let want_access = match design.access_endpoint {
            AccessEndpoint::Internal => "Internal",
            AccessEndpoint::External => "External",
        };
        assert_eq!(access, want_access, "{case}");

        let sku = body["sku"]["name"].as_str().expect("sku.name");
        assert!(["Premium", "Developer"].contains(&sku), "{case}: {sku}");
        let capacity = body["sku"]["capacity"]
            .as_i64()
            .unwrap_or_else(|| panic!("{case}: sku.capacity is not an integer"));
        match design.sku {
            Sku::Premium => {
                assert_eq!(sku, "Premium");
                // Azure's SKU list for 2019-05-01: Premium capacity 0..=10, the additional units.
                assert!((0..=10).contains(&capacity), "{case}: {capacity}");
                assert_eq!(
                    capacity,
                    design.additional_capacity.value().unwrap_or(0).clamp(0, 10),
                    "{case}"
                );
            }
            Sku::Developer => assert_eq!((sku, capacity), ("Developer", 0), "{case}"),
        }

        let ids: Vec<&str> = network["subnets"]
            .as_array()
            .expect("subnets")
            .iter()
            .map(|s| s["id"].as_str().expect("subnet id"))
            .collect();
        let want: Vec<String> = design
            .subnets
            .iter()
            .map(|s| subnet_id(&design, &s.name))
            .collect();
        assert_eq!(ids, want, "{case}");

        match body["properties"].get("certificates") {
            None => assert!(
                design.certificates.is_empty(),
                "{case}: the design's certificates are missing from the body"
            ),
            Some(certs) => {
                assert!(
                    !design.certificates.is_empty(),
                    "{case}: certificates without any in the design"
                );
                let certs = certs.as_object().expect("certificates object");
                assert!(!certs.is_empty(), "{case}");
                for (name, cert) in certs {
                    assert!(
                        design.certificates.iter().any(|c| c.name.trim() == name),
                        "{case}: certificate {name} is not in the design"
                    );
                    assert_eq!(cert["kind"], "TrustedRoot", "{case}: {name}");
                    assert!(
                        cert["publicCertificate"]
                            .as_str()
                            .is_some_and(|c| !c.is_empty()),
                        "{case}: {name}"
                    );
                }
            }
        }
    }
}

/// NSG and route goldens keep Azure's rules: unique names, unique priorities per direction
/// within 100–4096, and routes that start with 0.0.0.0/0 → Internet under forced tunneling.
#[test]
fn golden_rules_and_routes_are_well_formed() {
    for case in CASES {
        let design = load(case);
        let read = |file: &str| -> Vec<Value> {
            golden(case, file)
                .as_array()
                .cloned()
                .unwrap_or_else(|| panic!("{case}/{file} is not an array"))
        };
        let rules = read("nsg.json");
        let mut seen = std::collections::HashSet::new();
        for r in &rules {
            assert!(
                seen.insert(r["name"].as_str().unwrap().to_string()),
                "{case}: {r}"
            );
            let p = &r["properties"];
            let prio = p["priority"].as_u64().unwrap();
            assert!((100..=4096).contains(&prio), "{case}: {r}");
            assert!(
                seen.insert(format!("{}#{prio}", p["direction"].as_str().unwrap())),
                "{case}: {r}"
            );
            assert!(
                p["description"].as_str().unwrap().chars().count() <= 140,
                "{case}: {r}"
            );
        }
        let routes = read("routes.json");
        let hop = |r: &Value| {
            (
                r["properties"]["addressPrefix"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                r["properties"]["nextHopType"].as_str().unwrap().to_string(),
            )
        };
        match design.forced_tunneling {
            ForcedTunneling::None => assert!(routes.is_empty(), "{case}"),
            // ExpressRoute: exactly the route the portal article asks for.
            ForcedTunneling::ExpressRoute => assert_eq!(
                routes.iter().map(hop).collect::<Vec<_>>(),
                [("0.0.0.0/0".to_string(), "Internet".to_string())],
                "{case}"
            ),
            // Firewall: the default route to the appliance or gateway first, then routes to
            // the Internet for dependencies only — never 0.0.0.0/0 → Internet.
            ForcedTunneling::Firewall => {
                let (first, first_hop) = hop(&routes[0]);
                assert_eq!(first, "0.0.0.0/0", "{case}");
                assert_ne!(first_hop, "Internet", "{case}");
                assert_eq!(
                    routes[0]["properties"].get("nextHopIpAddress").is_some(),
                    first_hop == "VirtualAppliance",
                    "{case}"
                );
                assert!(
                    routes[1..].iter().all(|r| {
                        let (p, h) = hop(r);
                        h == "Internet" && p != "0.0.0.0/0"
                    }),
                    "{case}"
                );
                let mut prefixes: Vec<String> = routes.iter().map(|r| hop(r).0).collect();
                let n = prefixes.len();
                prefixes.sort_unstable();
                prefixes.dedup();
                assert_eq!(prefixes.len(), n, "{case}: a prefix routed twice");
            }
        }
        if design.cloud == Cloud::Government {
            for tag in ["LogicAppsManagement", "LogicApps", "AzureConnectors"] {
                assert!(
                    !serde_json::to_string(&rules)
                        .unwrap()
                        .contains(&format!("\"{tag}\"")),
                    "{case}: {tag} does not work in Azure Government"
                );
            }
        }
    }
}

#[test]
fn deeply_nested_or_huge_json_is_refused_not_crashed() {
    for text in [
        "[".repeat(100_000),
        "{\"vnet\":".repeat(50_000),
        format!("{{\"name\": {}}}", "[".repeat(10_000)),
        r#"{"version": 1e400}"#.to_string(),
        r#"{"version": 18446744073709551616}"#.to_string(),
        r#"{"additionalCapacity": 9223372036854775808}"#.to_string(),
    ] {
        let result = Design::from_json(&text);
        assert!(result.is_err(), "{:.40}", text);
    }
}

mod properties {
    use super::*;
    use ise_planner::design::{
        Certificate, DependencyAddresses, Deployment, Firewall, GovernmentAddresses, Hosting,
        NextHop, Resource, StandardDesign, StandardSubnetSpec, SubnetSpec, View, VirtualNetwork,
    };
    use proptest::collection::vec;
    use proptest::prelude::*;
    use std::net::Ipv4Addr;

    /// Values worth trying in any string field.
    const ODD: &[&str] = &[
        "",
        " ",
        "10.0.0.0/8",
        "10.0.0.0/22",
        "10.0.0.0/27",
        " 10.0.0.0/24 ",
        "10.0.0.5/24",
        "0.0.0.0/0",
        "0.0.0.0/8",
        "255.255.255.255/32",
        "224.0.0.0/4",
        "168.63.129.16",
        "168.63.129.16/32",
        "169.254.169.254/32",
        "100.64.0.0/10",
        "127.0.0.1",
        "10.0.0.0/33",
        "10.0.0.0/-1",
        "10.0.0.0/4294967296",
        "999.999.999.999/99",
        "fd00::/8",
        "::1",
        "::ffff:10.0.0.0/104",
        "18446744073709551616",
        "-9223372036854775808",
        "1e400",
        "NaN",
        "westeurope",
        "West Europe",
        "usgovvirginia",
        "00000000-0000-0000-0000-000000000000",
        "f34b22a3-2202-4fb1-b040-1332bd928c84",
        "<script>alert(1)</script>",
        "\"'\\/%&?<>",
        "\u{0}\u{7}\u{1b}[31m",
        "\u{202e}evil",
        "😀🇺🇳👩‍👩‍👧",
        "ＡＢＣ１２３",
        "İıſK",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "MIIBszCCAVmgAwIBAgIU",
        "aGVsbG8=",
        "sql",
        "SQL",
    ];

    fn odd() -> impl Strategy<Value = String> {
        proptest::sample::select(ODD).prop_map(String::from)
    }

    /// Anything a person could type or paste.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => any::<String>(),
            3 => odd(),
            1 => "[a-zA-Z0-9_.()-]{0,100}",
            1 => "[0-9]{10,60}",
            1 => ".{0,300}",
            1 => (odd(), any::<String>()).prop_map(|(a, b)| a + &b),
        ]
    }

    /// A CIDR-looking string, usually valid, often with host bits set, sometimes not CIDR.
    fn prefix_text() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => (0u32..1 << 24, 8u8..=32).prop_map(|(offset, len)| {
                format!("{}/{len}", Ipv4Addr::from((10u32 << 24) | offset))
            }),
            2 => (any::<u32>(), 0u8..=32)
                .prop_map(|(addr, len)| format!("{}/{len}", Ipv4Addr::from(addr))),
            1 => (any::<u32>(), 0u8..=40)
                .prop_map(|(addr, len)| format!(" {}/{len}\t", Ipv4Addr::from(addr))),
            1 => any::<u32>().prop_map(|addr| Ipv4Addr::from(addr).to_string()),
            1 => text(),
        ]
    }

    fn enums() -> impl Strategy<Value = (Sku, AccessEndpoint, Deployment, Cloud)> {
        (
            prop_oneof![Just(Sku::Premium), Just(Sku::Developer)],
            prop_oneof![
                Just(AccessEndpoint::Internal),
                Just(AccessEndpoint::External)
            ],
            prop_oneof![Just(Deployment::Portal), Just(Deployment::Rest)],
            prop_oneof![
                Just(Cloud::Public),
                Just(Cloud::Government),
                Just(Cloud::China)
            ],
        )
    }

    fn capacity() -> impl Strategy<Value = i64> {
        prop_oneof![any::<i64>(), -2i64..14, Just(i64::MIN), Just(i64::MAX)]
    }

    fn certificate() -> impl Strategy<Value = Certificate> {
        let body = prop_oneof![
            text(),
            vec(any::<u8>(), 0..64).prop_map(|bytes| {
                use base64::Engine;
                base64::engine::general_purpose::STANDARD.encode(bytes)
            }),
        ];
        (text(), body).prop_map(|(name, public_certificate)| Certificate {
            name,
            public_certificate,
        })
    }

    fn addresses(max: usize) -> impl Strategy<Value = Vec<String>> {
        vec(prefix_text(), 0..max)
    }

    /// The view and the Standard network's inputs, with arbitrary values.
    fn standard_inputs(
        prefixes: BoxedStrategy<String>,
    ) -> impl Strategy<Value = (View, StandardDesign)> {
        let subnet = (text(), prop_oneof![3 => Just(String::new()), 1 => prefixes])
            .prop_map(|(name, prefix)| StandardSubnetSpec { name, prefix })
            .boxed();
        let resource = (text(), any::<bool>())
            .prop_map(|(name, is_new)| Resource { name, is_new })
            .boxed();
        (
            prop_oneof![Just(View::Ise), Just(View::Standard)],
            prop_oneof![
                Just(Hosting::WorkflowStandard),
                Just(Hosting::AppServiceEnvironment)
            ],
            (capacity(), capacity(), any::<bool>()),
            (resource.clone(), resource, text(), text()),
            (subnet.clone(), subnet.clone(), subnet),
        )
            .prop_map(
                |(
                    view,
                    hosting,
                    (integration, ase, reuse),
                    (logic_app, storage_account, plan_name, ase_name),
                    (i, p, a),
                )| {
                    let standard = StandardDesign {
                        hosting,
                        integration_subnet_size: integration.into(),
                        ase_subnet_size: ase.into(),
                        reuse_ise_space: reuse,
                        logic_app,
                        storage_account,
                        plan_name,
                        ase_name,
                        integration_subnet: i,
                        private_endpoint_subnet: p,
                        ase_subnet: a,
                    };
                    (view, standard)
                },
            )
    }

    /// A design with arbitrary values in every field: `prefixes` makes the network fields.
    fn design_with(prefixes: BoxedStrategy<String>) -> impl Strategy<Value = Design> {
        let ids = (text(), text(), text(), text(), any::<u32>());
        let tunneling = prop_oneof![
            Just(ForcedTunneling::None),
            Just(ForcedTunneling::ExpressRoute),
            Just(ForcedTunneling::Firewall)
        ];
        let settings = (enums(), capacity(), tunneling, any::<bool>());
        let firewall = (
            prop_oneof![
                Just(NextHop::VirtualAppliance),
                Just(NextHop::VirtualNetworkGateway)
            ],
            prop_oneof![
                2 => (0u32..1 << 16).prop_map(|n| Ipv4Addr::from((10u32 << 24) | n).to_string()),
                1 => prefix_text(),
            ],
        );
        // Per existing subnet: marked as an ISE subnet, bound through the design's own
        // method, and its delegation.
        let marks = vec((any::<bool>(), any::<bool>(), 0u8..4), 0..24);
        let extras = (firewall, addresses(4), any::<bool>(), marks);
        let vnet = (
            text(),
            text(),
            vec(prefixes.clone(), 0..4),
            vec(prefixes.clone(), 0..24),
        );
        let standard = standard_inputs(prefixes.clone());
        let subnets = vec(
            (text(), prop_oneof![3 => Just(String::new()), 1 => prefixes]),
            0..8,
        );
        let lists = (
            addresses(4),
            vec(certificate(), 0..4),
            addresses(6),
            (addresses(4), addresses(4), addresses(4)),
            (addresses(4), addresses(4), addresses(4), addresses(4)),
            vec(text(), 0..4),
        );
        (ids, settings, vnet, subnets, lists, extras, standard).prop_map(
            |(
                (subscription_id, resource_group, name, location, version),
                ((sku, access_endpoint, deployment, cloud), additional_capacity, ft, nva),
                (vnet_name, vnet_rg, address_prefixes, existing_subnets),
                subnets,
                (dns, certificates, connector, gov, dep, managed),
                ((next_hop, appliance_ip), callers, lb, marks),
                (view, standard),
            )| {
                let mut design = Design {
                    version,
                    subscription_id,
                    resource_group,
                    name,
                    location,
                    sku,
                    additional_capacity: additional_capacity.into(),
                    access_endpoint,
                    deployment,
                    cloud,
                    vnet: VirtualNetwork {
                        name: vnet_name,
                        resource_group: vnet_rg,
                        address_prefixes,
                        existing_subnets: existing_subnets.into_iter().map(Into::into).collect(),
                        is_new: false,
                    },
                    subnets: subnets
                        .into_iter()
                        .map(|(name, prefix)| SubnetSpec {
                            name,
                            prefix,
                            ..SubnetSpec::default()
                        })
                        .collect(),
                    forced_tunneling: ft,
                    firewall: Firewall {
                        next_hop,
                        appliance_ip,
                    },
                    dns_servers: dns,
                    network_virtual_appliance: nva,
                    certificates,
                    connector_outbound_addresses: connector,
                    government_addresses: GovernmentAddresses {
                        logic_apps_inbound: gov.0,
                        logic_apps_outbound: gov.1,
                        managed_connector_outbound: gov.2,
                    },
                    dependency_addresses: DependencyAddresses {
                        app_service_management: dep.0,
                        connectors: dep.1,
                        traffic_manager: dep.2,
                        logic_apps: dep.3,
                    },
                    managed_connectors: managed,
                    caller_addresses: callers,
                    allow_load_balancer_rule: lb,
                    view,
                    standard,
                };
                for (i, (marked, bind, delegation)) in marks.into_iter().enumerate() {
                    let Some(existing) = design.vnet.existing_subnets.get_mut(i) else {
                        break;
                    };
                    existing.ise_subnet = marked;
                    existing.delegations = match delegation {
                        0 => vec![],
                        1 => vec!["Microsoft.Logic/integrationServiceEnvironments".into()],
                        2 => vec!["Microsoft.Web/serverFarms".into()],
                        _ => vec![
                            "".into(),
                            "microsoft.logic/integrationserviceenvironments".into(),
                        ],
                    };
                    if marked && bind {
                        design.mark_existing_as_ise(i);
                    }
                }
                design
            },
        )
    }

    /// A typed prefix as the planner reads it: trimmed, host bits cleared.
    fn parsed(typed: &str) -> Option<Ipv4Net> {
        typed.trim().parse::<Ipv4Net>().ok().map(|n| n.trunc())
    }

    fn overlaps(a: Ipv4Net, b: Ipv4Net) -> bool {
        a.contains(&b) || b.contains(&a)
    }

    /// JSON values shaped like designs: the design's keys, wrong types, odd numbers.
    fn json_value() -> impl Strategy<Value = Value> {
        const KEYS: &[&str] = &[
            "version",
            "subscriptionId",
            "resourceGroup",
            "name",
            "location",
            "sku",
            "additionalCapacity",
            "accessEndpoint",
            "deployment",
            "cloud",
            "vnet",
            "addressPrefixes",
            "existingSubnets",
            "subnets",
            "prefix",
            "forcedTunneling",
            "dnsServers",
            "certificates",
            "publicCertificate",
            "governmentAddresses",
            "dependencyAddresses",
            "managedConnectors",
            "unknownField",
        ];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            (0u64..4).prop_map(Value::from),
            text().prop_map(Value::from),
            proptest::sample::select(
                &[
                    "Premium",
                    "developer",
                    "External",
                    "portal",
                    "arm",
                    "government",
                    "china"
                ][..]
            )
            .prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 8, |inner| {
            prop_oneof![
                vec(inner.clone(), 0..6).prop_map(Value::Array),
                vec(
                    (
                        prop_oneof![3 => proptest::sample::select(KEYS).prop_map(String::from), 1 => text()],
                        inner
                    ),
                    0..8
                )
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Whatever the design holds, planning returns (findings, never a panic), gives the
        /// same plan twice, and keeps one entry per ISE subnet (at most four).
        #[test]
        fn plan_never_panics_and_is_deterministic(design in design_with(prefix_text().boxed())) {
            let first = plan(&design);
            let second = plan(&design);
            prop_assert_eq!(
                serde_json::to_string(&first).unwrap(),
                serde_json::to_string(&second).unwrap()
            );
            prop_assert_eq!(&first, &second);
            prop_assert_eq!(first.subnets.len(), design.subnets.len().min(4));
            let body = first.rest.create.body.as_ref().expect("a PUT body");
            let text = serde_json::to_string(body).unwrap();
            prop_assert_eq!(&serde_json::from_str::<Value>(&text).unwrap(), body);
            prop_assert!(body["sku"]["capacity"].is_i64());
        }

        /// Allocated (not pinned) subnets are aligned /27s inside one VNet prefix, clear of
        /// existing subnets, pinned subnets, reserved ranges and each other.
        #[test]
        fn allocated_subnets_are_free_27s_inside_the_vnet(design in design_with(prefix_text().boxed())) {
            let p = plan(&design);
            let vnet: Vec<Ipv4Net> = design.vnet.address_prefixes.iter().filter_map(|s| parsed(s)).collect();
            let existing: Vec<Ipv4Net> = design.vnet.existing_subnets.iter().filter_map(|s| parsed(&s.prefix)).collect();
            // Only the first four ISE subnets are planned.
            let pinned: Vec<Ipv4Net> = design.subnets.iter().take(4).filter(|s| s.is_pinned()).filter_map(|s| parsed(&s.prefix)).collect();
            let mut allocated: Vec<Ipv4Net> = Vec::new();
            for (planned, spec) in p.subnets.iter().zip(&design.subnets) {
                prop_assert_eq!(planned.pinned, spec.is_pinned());
                if planned.pinned {
                    // Pinned subnets are validated, never moved.
                    prop_assert_eq!(planned.prefix.clone(), parsed(&spec.prefix).map(|n| n.to_string()));
                    continue;
                }
                let Some(prefix) = &planned.prefix else {
                    // The shortage itself, or an unusable VNet prefix it follows from.
                    prop_assert!(
                        p.findings.iter().any(|f| f.code == "allocation-no-space" || f.code == "vnet-prefix-missing"
                            || (f.severity == ise_planner::Severity::Error && f.field.starts_with("vnet.addressPrefixes[")))
                            || vnet.is_empty(),
                        "an unplaced subnet without a finding saying why"
                    );
                    continue;
                };
                let net: Ipv4Net = prefix.parse().expect("an allocated prefix parses");
                prop_assert_eq!(net.prefix_len(), 27, "{} is not a /27", net);
                prop_assert_eq!(net.trunc(), net, "{} is not aligned", net);
                prop_assert!(vnet.iter().any(|v| v.contains(&net)), "{} outside the VNet {:?}", net, vnet);
                prop_assert!(!existing.iter().any(|e| overlaps(*e, net)), "{} overlaps an existing subnet", net);
                prop_assert!(!pinned.iter().any(|e| overlaps(*e, net)), "{} overlaps a pinned subnet", net);
                prop_assert!(ise_planner::ise::reserved::overlapping(net).next().is_none(), "{} overlaps a reserved range", net);
                prop_assert!(!allocated.iter().any(|e| overlaps(*e, net)), "{} allocated twice", net);
                allocated.push(net);
            }
        }

        /// The same, on designs whose networks are mostly valid, so allocation really runs.
        #[test]
        fn allocation_on_mostly_valid_networks(
            design in design_with(
                (0u32..1 << 14, 14u8..=28)
                    .prop_map(|(offset, len)| format!("{}/{len}", Ipv4Addr::from((10u32 << 24) | (offset << 8))))
                    .boxed()
            )
        ) {
            let p = plan(&design);
            let vnet: Vec<Ipv4Net> = design.vnet.address_prefixes.iter().filter_map(|s| parsed(s)).collect();
            let existing: Vec<Ipv4Net> = design.vnet.existing_subnets.iter().filter_map(|s| parsed(&s.prefix)).collect();
            let pinned: Vec<Ipv4Net> = design.subnets.iter().take(4).filter(|s| s.is_pinned()).filter_map(|s| parsed(&s.prefix)).collect();
            let mut allocated: Vec<Ipv4Net> = Vec::new();
            for planned in p.subnets.iter().filter(|s| !s.pinned) {
                let Some(prefix) = &planned.prefix else {
                    prop_assert!(vnet.is_empty() || p.findings.iter().any(|f| f.code == "allocation-no-space"));
                    continue;
                };
                let net: Ipv4Net = prefix.parse().unwrap();
                prop_assert_eq!((net.prefix_len(), net.trunc()), (27, net));
                prop_assert!(vnet.iter().any(|v| v.contains(&net)));
                prop_assert!(!existing.iter().chain(&pinned).chain(&allocated).any(|e| overlaps(*e, net)), "{} is not free", net);
                allocated.push(net);
            }
        }

        /// Routes, delegation and required rules keep their promises in every setup:
        /// ExpressRoute is exactly 0.0.0.0/0 → Internet; through a firewall the default route
        /// never goes to the Internet and no dependency route takes the VNet's own space or
        /// private space; at most one placed subnet is delegated (none for the portal); an
        /// unplaced subnet has no delegation, route table or endpoints; a required rule left
        /// out of the NSG always comes with an error.
        #[test]
        fn routes_delegation_and_required_rules(design in design_with(prefix_text().boxed())) {
            let p = plan(&design);
            let vnet: Vec<Ipv4Net> = design.vnet.address_prefixes.iter().filter_map(|s| parsed(s)).collect();
            match design.forced_tunneling {
                ForcedTunneling::None => prop_assert!(p.routes.is_empty() && p.route_table.is_none()),
                ForcedTunneling::ExpressRoute => {
                    prop_assert_eq!(p.routes.len(), 1);
                    prop_assert_eq!((p.routes[0].address_prefix.as_str(), p.routes[0].next_hop_type), ("0.0.0.0/0", "Internet"));
                    prop_assert!(p.service_endpoints.is_empty());
                }
                ForcedTunneling::Firewall => {
                    for r in &p.routes {
                        let net: Ipv4Net = r.address_prefix.parse().expect("a route prefix parses");
                        if net.prefix_len() == 0 {
                            prop_assert_ne!(r.next_hop_type, "Internet", "0.0.0.0/0 → Internet bypasses the firewall");
                            prop_assert_eq!(r.next_hop_ip.is_some(), r.next_hop_type == "VirtualAppliance");
                        } else {
                            prop_assert_eq!(r.next_hop_type, "Internet");
                            prop_assert!(!vnet.iter().any(|v| overlaps(*v, net)), "{} takes VNet space {:?}", net, vnet);
                            prop_assert!(ise_planner::network::address_kind::not_public(net).is_none(), "{} is not public", net);
                        }
                    }
                    prop_assert_eq!(p.service_endpoints.len(), 5);
                }
            }
            let delegated = p.subnets.iter().filter(|s| s.delegation.is_some()).count();
            prop_assert!(delegated <= 1);
            if design.deployment == Deployment::Portal {
                prop_assert_eq!(delegated, 0);
            }
            for s in p.subnets.iter().filter(|s| s.prefix.is_none()) {
                prop_assert!(s.delegation.is_none() && s.route_table.is_none() && s.service_endpoints.is_empty());
            }
            let has_rule = |name: &str| p.nsg_rules.iter().any(|r| r.name == name);
            let required: &[&str] = match (design.access_endpoint, design.cloud) {
                (AccessEndpoint::External, Cloud::Government) => &["ise-in-connector-outbound-ips", "ise-in-designer-dynamic-properties", "ise-in-network-health-check", "ise-in-connector-deployment"],
                (AccessEndpoint::External, _) => &["ise-in-connector-outbound-ips"],
                (_, Cloud::Government) => &["ise-in-designer-dynamic-properties", "ise-in-network-health-check", "ise-in-connector-deployment"],
                _ => &[],
            };
            for name in required.iter().chain(&["ise-in-intersubnet"]) {
                prop_assert!(has_rule(name) || p.has_errors(), "{} left out without an error", name);
            }
            // Azure's limit counts addresses only: service tags never trigger it.
            if p.findings.iter().any(|f| f.code == "nsg-address-limit") {
                prop_assert!(ise_planner::ise::nsg::addresses_named(&p.nsg_rules) > ise_planner::ise::nsg::MAX_NSG_ADDRESSES);
            }
        }

        /// Any design survives a save and load (with the current version).
        #[test]
        fn designs_round_trip_through_json(design in design_with(prefix_text().boxed())) {
            let mut design = Design { version: DESIGN_VERSION, ..design };
            // The loader reads one ISE subnet past the four (the plan reports the excess).
            design.subnets.truncate(ise_planner::design::limits::load_cap("subnets").unwrap());
            prop_assert_eq!(Design::from_json(&design.to_json()), Ok(design));
        }

        /// Loading never panics on any text; what loads also plans.
        #[test]
        fn from_json_never_panics_on_any_text(text in prop_oneof![any::<String>(), ".{0,200}", odd()]) {
            if let Ok(design) = Design::from_json(&text) {
                let _ = plan(&design);
            }
        }

        /// Loading never panics on JSON shaped like a design; what loads also plans and
        /// saves again.
        #[test]
        fn from_json_never_panics_on_design_shaped_json(value in json_value(), wrap in any::<bool>()) {
            let value = if wrap { serde_json::json!({ "vnet": value.clone(), "subnets": [value] }) } else { value };
            let text = serde_json::to_string(&value).unwrap();
            match Design::from_json(&text) {
                Ok(design) => {
                    let _ = plan(&design);
                    prop_assert_eq!(Design::from_json(&design.to_json()), Ok(design));
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}
