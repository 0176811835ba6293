//! The deployment exports (ARM, Bicep, Terraform, Azure CLI, PowerShell), end to end.
//!
//! - Golden files: `tests/exports/<case>/` holds each case's `design.json` and the five
//!   exports exactly as `ise-plan --design design.json --emit <format>` prints them.
//! - Every export of every case is parsed by its language's real grammar: JSON plus a
//!   checker of ARM expressions, `tree-sitter-bicep`, `hcl-rs`, `bash -n` and `shellcheck`,
//!   `tree-sitter-powershell`.
//! - Every export's NSG rules are read back and compared with the plan's (`--emit nsg`).
//! - Hostile names reach each language as exactly one string literal, and the bash script
//!   is run against a stub `az` that records every argument vector.
//!
//! After an intended change of the output, regenerate the expected files and review the diff:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test exports
//! git diff tests/exports
//! ```

use ise_planner::design::{
    AccessEndpoint, Certificate, Cloud, Design, ForcedTunneling, NextHop, Sku, SubnetSpec,
};
use ise_planner::export::{arm, azcli, quote, Format, Target};
use ise_planner::ise::nsg::SecurityRule;
use ise_planner::{plan, Plan};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

mod support;
use support::*;

/// The ISE exports' ARM functions.
fn parse_arm(text: &str) -> ArmFile {
    parse_arm_with(text, arm::FUNCTIONS)
}

const POWERSHELL_VARIABLES: &[&str] = &[
    "$ErrorActionPreference",
    "$rules",
    "$nsg",
    "$routes",
    "$routeTable",
    "$vnet",
    "$delegation",
    "$iseBody",
    "$connectorBody",
    "$response",
    "$Force",
    "$TimeoutMinutes",
    "$PollSeconds",
    "$null",
    "$true",
    "$_",
    "$haveDns",
    "$wantDns",
    "$rule",
    "$route",
    "$old",
    "$subnet",
    "$isePath",
    "$state",
    "$started",
    "$minutes",
    "$failure",
    "$message",
];

fn parse_powershell(text: &str) -> PowerShellFile {
    parse_powershell_with(text, POWERSHELL_VARIABLES)
}

/// A stub whose Azure holds the design's existing VNet (with the design's DNS servers, as
/// its header asks) and nothing else.
fn stub_for(design: &Design) -> Stub {
    let mut initial = json!({});
    if !design.vnet.is_new {
        let plan = plan(design);
        let t = Target::new(design, &plan);
        initial["vnets"] = json!({
            format!("{}/{}", t.vnet.resource_group, t.vnet.name): {
                "addressPrefixes": design.vnet.address_prefixes,
                "dnsServers": t.vnet.dns_servers,
                "subnets": {}
            }
        });
    }
    Stub::with_initial(initial)
}

// ---------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------

const CERTIFICATE: &str = "MIIBCgKCAQEAww==";

/// A value with every kind of quote PowerShell, bash, Bicep, HCL and JSON know.
const QUOTES: &str = "q'\"`’‘‚‛“”";

fn default_design() -> Design {
    Design::default()
}

/// External access, Azure Government (with its replacement addresses), custom DNS,
/// certificates, managed connectors, Developer SKU.
fn external_government_dns() -> Design {
    let mut d = Design {
        subscription_id: "f34b22a3-2202-4fb1-b040-1332bd928c84".into(),
        resource_group: "contoso-rg".into(),
        name: "contoso-ise".into(),
        location: "usgovvirginia".into(),
        sku: Sku::Developer,
        access_endpoint: AccessEndpoint::External,
        cloud: Cloud::Government,
        dns_servers: vec!["10.20.0.4".into(), "10.20.0.5".into()],
        connector_outbound_addresses: vec!["52.127.1.0/28".into(), "52.127.2.16/28".into()],
        certificates: vec![Certificate {
            name: "rootCertificate".into(),
            public_certificate: CERTIFICATE.into(),
        }],
        managed_connectors: vec!["sql".into(), "servicebus".into()],
        ..Design::default()
    };
    d.vnet.name = "contoso-vnet".into();
    d.vnet.address_prefixes = vec!["10.20.0.0/16".into()];
    d.vnet.existing_subnets = vec!["10.20.0.0/24".into()];
    d.government_addresses.logic_apps_inbound = vec!["52.127.10.0/26".into()];
    d.government_addresses.logic_apps_outbound = vec!["52.127.11.0/26".into()];
    d.government_addresses.managed_connector_outbound = vec!["52.127.12.0/27".into()];
    d
}

/// Forced tunneling through a firewall appliance, with dependency addresses.
fn firewall() -> Design {
    let mut d = Design {
        forced_tunneling: ForcedTunneling::Firewall,
        managed_connectors: vec!["azureblob".into()],
        ..Design::default()
    };
    d.firewall.next_hop = NextHop::VirtualAppliance;
    d.firewall.appliance_ip = "10.0.3.4".into();
    d.dependency_addresses.app_service_management = vec!["13.66.140.0/26".into()];
    d.dependency_addresses.connectors = vec!["52.174.88.118/32".into()];
    d.dependency_addresses.traffic_manager = vec!["40.68.30.66/32".into()];
    d.dependency_addresses.logic_apps = vec!["13.95.155.53/32".into(), "52.174.54.218/32".into()];
    d
}

/// A new virtual network, in its own resource group, with a pinned subnet.
fn new_vnet() -> Design {
    let mut d = Design::default();
    d.vnet.is_new = true;
    d.vnet.name = "ise-new-vnet".into();
    d.vnet.resource_group = "network-rg".into();
    d.vnet.address_prefixes = vec!["10.50.0.0/24".into(), "10.60.0.0/24".into()];
    d.subnets[3].prefix = "10.60.0.224/27".into();
    d
}

/// Hostile text in every free-text field (the planner reports most as errors; the exports
/// must still be safe). The VNet is in its own (hostile) resource group.
fn hostile_names() -> Design {
    let mut d = Design {
        subscription_id: format!("--debug{QUOTES}$(touch pwned-subscription)"),
        resource_group: "rg;&|$(touch pwned-rg)`touch pwned-rg2`\ttab\rcr\nlf".into(),
        name: format!("[ise]{QUOTES}${{HOME}}%{{x}}"),
        location: "West Europe'; touch pwned-location".into(),
        certificates: vec![
            Certificate {
                name: format!("cert{QUOTES}$(touch pwned-cert)"),
                public_certificate: CERTIFICATE.into(),
            },
            Certificate {
                name: "ok-cert".into(),
                public_certificate: CERTIFICATE.into(),
            },
        ],
        managed_connectors: vec!["sql'; touch pwned-connector; '".into(), "sql".into()],
        ..Design::default()
    };
    d.vnet.name = format!("vnet\n'@\n{}\n--flag\n#{QUOTES}", azcli::BODY_DELIMITER);
    d.vnet.resource_group = "net-rg${HOME}%{if x}$$${y}\\\\".into();
    d.subnets = vec![
        SubnetSpec {
            name: format!("sub{QUOTES}$(touch pwned-subnet)"),
            ..SubnetSpec::default()
        },
        SubnetSpec {
            name: "a/b?c=d&e|f;g>h<i".into(),
            ..SubnetSpec::default()
        },
        SubnetSpec {
            name: "[concat('x')]\u{7}ünïcødé-网络-😀".into(),
            ..SubnetSpec::default()
        },
        SubnetSpec {
            name: "--name\u{0}nul\u{202e}bidi\r\n'@".into(),
            ..SubnetSpec::default()
        },
    ];
    d
}

/// The same hostile names, all in one resource group (so that Bicep declares the ISE).
fn hostile_one_group() -> Design {
    let mut d = hostile_names();
    d.vnet.resource_group = String::new();
    d
}

/// Only two of the four subnets fit: the exports hold what can be deployed and say what not.
fn unplaced_subnet() -> Design {
    let mut d = Design {
        managed_connectors: vec!["sql".into()],
        ..Design::default()
    };
    d.vnet.address_prefixes = vec!["10.0.0.0/26".into()];
    d
}

/// The golden cases.
/// A case: its directory name and how to build its design.
type Case = (&'static str, fn() -> Design);

const CASES: &[Case] = &[
    ("default", default_design),
    ("external-government-dns", external_government_dns),
    ("firewall", firewall),
    ("new-vnet", new_vnet),
    ("hostile-names", hostile_names),
    ("unplaced-subnet", unplaced_subnet),
];

/// Every design the grammar, rule and safety checks run on.
fn all_designs() -> Vec<(&'static str, Design)> {
    let mut all: Vec<(&'static str, Design)> = CASES.iter().map(|(n, f)| (*n, f())).collect();
    all.push(("hostile-one-group", hostile_one_group()));
    all
}

// ---------------------------------------------------------------------------------------
// Golden files
// ---------------------------------------------------------------------------------------

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exports")
}

#[test]
fn exports_match_the_goldens() {
    let mut failures = Vec::new();
    for (case, make) in CASES {
        let design = make();
        let plan = plan(&design);
        let dir = golden_dir().join(case);
        let mut files = vec![("design.json".to_string(), design.to_json() + "\n")];
        for format in Format::ALL {
            files.push((
                format.file_name().to_string(),
                format.render(&design, &plan),
            ));
        }
        compare_with_goldens(&dir, "exports", case, files, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf the change is intended: UPDATE_GOLDEN=1 cargo test --test exports, then review git diff tests/exports.",
        failures.join("\n\n")
    );
}

/// The CLI prints the goldens byte for byte, and exits 1 exactly when the design has errors.
#[test]
fn cli_prints_the_goldens() {
    if updating() {
        return;
    }
    for (case, make) in CASES {
        let design_path = golden_dir().join(case).join("design.json");
        let has_errors = plan(&make()).has_errors();
        for format in Format::ALL {
            let out = Command::new(env!("CARGO_BIN_EXE_ise-plan"))
                .args(["--design", design_path.to_str().unwrap()])
                .args(["--emit", emit_name(format)])
                .output()
                .expect("run ise-plan");
            assert_eq!(
                out.status.code(),
                Some(if has_errors { 1 } else { 0 }),
                "{case} --emit {}: {}",
                emit_name(format),
                String::from_utf8_lossy(&out.stderr)
            );
            let expected =
                std::fs::read_to_string(golden_dir().join(case).join(format.file_name()))
                    .expect("golden file");
            assert!(
                out.stdout == expected.as_bytes(),
                "{case} --emit {}",
                emit_name(format)
            );
        }
    }
}

/// Runs the design's script once against a fresh stub (with `--force`, so that a design
/// with errors runs too); returns each call's arguments and what was left in the working
/// directory.
fn run_with_stub_az(design: &Design, script_text: &str) -> (Vec<Vec<String>>, Vec<String>) {
    let run = stub_for(design).run(script_text, &["--force"]);
    run.assert_clean("one run");
    (run.calls, run.left)
}

/// The `az rest --method=put` calls.
fn rest_puts(calls: &[Vec<String>]) -> Vec<&Vec<String>> {
    calls
        .iter()
        .filter(|c| subcommand(c) == "rest" && option(&options(c), "method") == ["put"])
        .collect()
}

// ---------------------------------------------------------------------------------------
// Rules, read back from each format
// ---------------------------------------------------------------------------------------

/// A rule in comparable form: every field `az network nsg rule create` takes.
#[derive(Debug, PartialEq, Eq, Clone)]
struct Rule {
    name: String,
    priority: String,
    direction: String,
    access: String,
    protocol: String,
    source_addresses: Vec<String>,
    source_ports: Vec<String>,
    destination_addresses: Vec<String>,
    destination_ports: Vec<String>,
    description: String,
}

fn from_plan(rule: &SecurityRule) -> Rule {
    Rule {
        name: rule.name.clone(),
        priority: rule.priority.to_string(),
        direction: serde_json::to_value(rule.direction)
            .unwrap()
            .as_str()
            .unwrap()
            .into(),
        access: rule.access.into(),
        protocol: rule.protocol.into(),
        source_addresses: rule.source_addresses.clone(),
        source_ports: vec![rule.source_ports.to_string()],
        destination_addresses: rule.destination_addresses.clone(),
        destination_ports: rule.destination_ports.clone(),
        description: rule.description(),
    }
}

/// A rule from ARM-shaped JSON (`{name, properties}`), with `key` naming each property
/// (camelCase for ARM and Bicep, snake_case for Terraform).
fn from_arm_shape(name: &Value, props: &Value, key: fn(&str) -> String) -> Rule {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let one_or_many = |one: &str, many: &str| -> Vec<String> {
        match (props.get(key(one)), props.get(key(many))) {
            (Some(v), None) => vec![text(v)],
            (None, Some(Value::Array(items))) => items.iter().map(text).collect(),
            other => panic!("{one}/{many}: {other:?} in {props}"),
        }
    };
    Rule {
        name: text(name),
        priority: text(&props[key("priority")]),
        direction: text(&props[key("direction")]),
        access: text(&props[key("access")]),
        protocol: text(&props[key("protocol")]),
        source_addresses: one_or_many("sourceAddressPrefix", "sourceAddressPrefixes"),
        source_ports: one_or_many("sourcePortRange", "sourcePortRanges"),
        destination_addresses: one_or_many(
            "destinationAddressPrefix",
            "destinationAddressPrefixes",
        ),
        destination_ports: one_or_many("destinationPortRange", "destinationPortRanges"),
        description: text(&props[key("description")]),
    }
}

fn camel(name: &str) -> String {
    name.to_string()
}

fn snake(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn rules_in_arm(file: &ArmFile) -> Vec<Rule> {
    let nsgs: Vec<&Value> = arm_resources(&file.template)
        .into_iter()
        .filter(|r| r["type"] == "Microsoft.Network/networkSecurityGroups")
        .collect();
    assert_eq!(nsgs.len(), 1, "one NSG");
    nsgs[0]["properties"]["securityRules"]
        .as_array()
        .expect("securityRules")
        .iter()
        .map(|r| from_arm_shape(&r["name"], &r["properties"], camel))
        .collect()
}

fn rules_in_bicep(file: &BicepFile) -> Vec<Rule> {
    let nsg: Vec<&Value> = file
        .resources
        .iter()
        .filter(|(_, kind, _, _)| kind.starts_with("Microsoft.Network/networkSecurityGroups@"))
        .map(|(_, _, _, body)| body)
        .collect();
    assert_eq!(nsg.len(), 1, "one NSG");
    nsg[0]["properties"]["securityRules"]
        .as_array()
        .expect("securityRules")
        .iter()
        .map(|r| from_arm_shape(&r["name"], &r["properties"], camel))
        .collect()
}

fn rules_in_hcl(file: &HclFile) -> Vec<Rule> {
    let nsg = &file.json["resource"]["azurerm_network_security_group"]["ise"];
    blocks(&nsg["security_rule"])
        .into_iter()
        .map(|r| from_arm_shape(&r["name"], r, snake))
        .collect()
}

fn rules_in_bash(calls: &[Vec<String>]) -> Vec<Rule> {
    calls
        .iter()
        .filter(|c| subcommand(c) == "network nsg rule create")
        .map(|c| {
            let o = options(c);
            let one = |n: &str| {
                let v = option(&o, n);
                assert_eq!(v.len(), 1, "--{n}");
                v[0].clone()
            };
            Rule {
                name: one("name"),
                priority: one("priority"),
                direction: one("direction"),
                access: one("access"),
                protocol: one("protocol"),
                source_addresses: option(&o, "source-address-prefixes").to_vec(),
                source_ports: option(&o, "source-port-ranges").to_vec(),
                destination_addresses: option(&o, "destination-address-prefixes").to_vec(),
                destination_ports: option(&o, "destination-port-ranges").to_vec(),
                description: one("description"),
            }
        })
        .collect()
}

fn rules_in_powershell(file: &PowerShellFile) -> Vec<Rule> {
    file.calls
        .iter()
        .filter(|(name, _)| name == "New-AzNetworkSecurityRuleConfig")
        .map(|(_, params)| {
            let get = |n: &str| -> Vec<String> {
                params
                    .iter()
                    .find(|(p, _)| p == &format!("-{n}"))
                    .map(|(_, v)| v.clone())
                    .unwrap_or_else(|| panic!("no -{n}"))
            };
            let one = |n: &str| {
                let v = get(n);
                assert_eq!(v.len(), 1, "-{n}");
                v[0].clone()
            };
            Rule {
                name: one("Name"),
                priority: one("Priority"),
                direction: one("Direction"),
                access: one("Access"),
                protocol: one("Protocol"),
                source_addresses: get("SourceAddressPrefix"),
                source_ports: get("SourcePortRange"),
                destination_addresses: get("DestinationAddressPrefix"),
                destination_ports: get("DestinationPortRange"),
                description: one("Description"),
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------

fn render_all(design: &Design, plan: &Plan) -> Vec<(Format, String)> {
    Format::ALL
        .iter()
        .map(|f| (*f, f.render(design, plan)))
        .collect()
}

/// Every export of every design parses with its grammar, and its rules are the plan's.
#[test]
fn every_export_parses_and_has_exactly_the_plans_rules() {
    for (case, design) in all_designs() {
        let plan = plan(&design);
        let want: Vec<Rule> = plan.nsg_rules.iter().map(from_plan).collect();
        assert!(!want.is_empty(), "{case}");
        for (format, text) in render_all(&design, &plan) {
            let got = match format {
                Format::Arm => rules_in_arm(&parse_arm(&text)),
                Format::Bicep => rules_in_bicep(&parse_bicep(&text)),
                Format::Terraform => rules_in_hcl(&parse_hcl(&text)),
                Format::AzCli => {
                    let dir = temp_dir("syntax");
                    let path = dir.join("deploy.sh");
                    std::fs::write(&path, &text).unwrap();
                    check_bash_syntax(&path);
                    let _ = std::fs::remove_dir_all(&dir);
                    rules_in_bash(&run_with_stub_az(&design, &text).0)
                }
                Format::PowerShell => rules_in_powershell(&parse_powershell(&text)),
            };
            assert_eq!(
                got, want,
                "{case}: the {format:?} rules differ from the plan's"
            );
        }
    }
}

/// The ARM template's rules are `--emit nsg`, checked through the CLI.
#[test]
fn arm_rules_equal_emit_nsg() {
    if updating() {
        return; // the design files are being rewritten
    }
    for (case, _) in CASES {
        let design = golden_dir().join(case).join("design.json");
        let run = |emit: &str| {
            let out = Command::new(env!("CARGO_BIN_EXE_ise-plan"))
                .args(["--design", design.to_str().unwrap(), "--emit", emit])
                .output()
                .expect("run ise-plan");
            String::from_utf8(out.stdout).unwrap()
        };
        let nsg: Value = serde_json::from_str(&run("nsg")).unwrap();
        let arm = parse_arm(&run("arm"));
        let from_arm = arm_resources(&arm.template)
            .into_iter()
            .find(|r| r["type"] == "Microsoft.Network/networkSecurityGroups")
            .map(|r| r["properties"]["securityRules"].clone());
        assert_eq!(from_arm, Some(nsg), "{case}");
    }
}

/// Subnets one after another, delegation and service endpoints where the plan has them,
/// the NSG and route table on each, the VNet declared only when new.
#[test]
fn subnets_follow_the_plan_in_every_format() {
    for (case, design) in all_designs() {
        let plan = plan(&design);
        let target = Target::new(&design, &plan);
        let placed: Vec<_> = target.placed_subnets().collect();

        // ARM: an existing VNet's subnets as chained child resources; a new VNet's inline
        // (a redeployment keeps them).
        let arm_file = parse_arm(&Format::Arm.render(&design, &plan));
        let resources = arm_resources(&arm_file.template);
        let child_subnets: Vec<&Value> = resources
            .iter()
            .copied()
            .filter(|r| r["type"] == "Microsoft.Network/virtualNetworks/subnets")
            .collect();
        let vnets: Vec<&Value> = resources
            .iter()
            .copied()
            .filter(|r| r["type"] == "Microsoft.Network/virtualNetworks")
            .collect();
        assert_eq!(
            vnets.len(),
            usize::from(design.vnet.is_new),
            "{case}: the VNet is declared only when new"
        );
        let inline: Vec<Value> = vnets
            .first()
            .and_then(|v| v["properties"]["subnets"].as_array().cloned())
            .unwrap_or_default();
        let subnets: Vec<&Value> = if design.vnet.is_new {
            assert!(
                child_subnets.is_empty(),
                "{case}: a new VNet's subnets are inline"
            );
            inline.iter().collect()
        } else {
            child_subnets
        };
        assert_eq!(subnets.len(), placed.len(), "{case}");
        for (i, (r, s)) in subnets.iter().zip(&placed).enumerate() {
            if design.vnet.is_new {
                assert_eq!(r["name"], s.name, "{case}");
            } else {
                assert_eq!(
                    r["name"],
                    format!("{}/{}", target.vnet.name, s.name),
                    "{case}"
                );
                assert_eq!(r["apiVersion"], "2024-05-01");
                let depends = r["dependsOn"].as_array().unwrap();
                if i > 0 {
                    let previous = depends.last().unwrap().as_str().unwrap();
                    assert!(
                        previous
                            .starts_with("[resourceId('Microsoft.Network/virtualNetworks/subnets'"),
                        "{case}: subnet {i} does not wait for the one before: {depends:?}"
                    );
                }
            }
            assert_eq!(
                r["properties"]["addressPrefix"],
                s.prefix.unwrap(),
                "{case}"
            );
            assert_eq!(
                r["properties"]["delegations"][0]["properties"]["serviceName"].as_str(),
                s.delegation,
                "{case}"
            );
            let endpoints: Vec<&str> = r["properties"]["serviceEndpoints"]
                .as_array()
                .map(|a| a.iter().map(|e| e["service"].as_str().unwrap()).collect())
                .unwrap_or_default();
            assert_eq!(endpoints, s.service_endpoints, "{case}");
            assert_eq!(
                r["properties"]["routeTable"].is_object(),
                s.route_table.is_some(),
                "{case}"
            );
            assert!(
                r["properties"]["networkSecurityGroup"].is_object(),
                "{case}"
            );
        }
        let routes = resources
            .iter()
            .find(|r| r["type"] == "Microsoft.Network/routeTables")
            .map(|r| r["properties"]["routes"].clone());
        let want_routes = plan
            .route_table
            .map(|_| Value::Array(plan.routes.iter().map(|r| r.to_arm()).collect()));
        assert_eq!(routes, want_routes, "{case}: ARM routes");

        // Terraform
        let tf = parse_hcl(&Format::Terraform.render(&design, &plan));
        let tf_subnets = &tf.json["resource"]["azurerm_subnet"];
        assert_eq!(
            tf_subnets.as_object().map_or(0, |o| o.len()),
            placed.len(),
            "{case}"
        );
        for (i, s) in placed.iter().enumerate() {
            let r = &tf_subnets[format!("ise_{}", s.position)];
            assert_eq!(r["name"], s.name, "{case}");
            assert_eq!(r["address_prefixes"], json!([s.prefix.unwrap()]), "{case}");
            assert_eq!(
                r["delegation"]["service_delegation"]["name"].as_str(),
                s.delegation,
                "{case}"
            );
            let depends = r["depends_on"].as_array().map(Vec::len).unwrap_or(0);
            assert_eq!(depends, usize::from(i > 0), "{case}: subnet {}", s.position);
            let nsg_association = &tf.json["resource"]
                ["azurerm_subnet_network_security_group_association"]
                [format!("ise_{}", s.position)];
            assert_eq!(
                nsg_association["subnet_id"],
                format!("${{azurerm_subnet.ise_{}.id}}", s.position)
            );
            let rt_association = &tf.json["resource"]["azurerm_subnet_route_table_association"]
                [format!("ise_{}", s.position)];
            assert_eq!(
                rt_association.is_object(),
                s.route_table.is_some(),
                "{case}"
            );
        }
        assert_eq!(
            tf.json["data"]["azurerm_virtual_network"]["ise"].is_object(),
            !design.vnet.is_new,
            "{case}"
        );
        let tf_routes: Vec<Value> =
            blocks(&tf.json["resource"]["azurerm_route_table"]["ise"]["route"])
                .into_iter()
                .cloned()
                .collect();
        let want: Vec<Value> = plan
            .routes
            .iter()
            .map(|r| {
                let mut v = json!({"name": r.name, "address_prefix": r.address_prefix, "next_hop_type": r.next_hop_type});
                if let Some(ip) = &r.next_hop_ip {
                    v["next_hop_in_ip_address"] = json!(ip);
                }
                v
            })
            .collect();
        assert_eq!(tf_routes, want, "{case}: Terraform routes");

        // Bicep
        let bicep = parse_bicep(&Format::Bicep.render(&design, &plan));
        let vnet = bicep
            .resources
            .iter()
            .find(|r| r.0 == "vnet")
            .expect("vnet");
        assert_eq!(vnet.2, !design.vnet.is_new, "{case}: existing");
        let bicep_routes = bicep
            .resources
            .iter()
            .find(|r| r.1.starts_with("Microsoft.Network/routeTables@"))
            .map(|r| r.3["properties"]["routes"].clone());
        assert_eq!(bicep_routes, want_routes, "{case}: Bicep routes");
        let bicep_subnets: Vec<_> = bicep
            .resources
            .iter()
            .filter(|r| {
                r.1.starts_with("Microsoft.Network/virtualNetworks/subnets@")
            })
            .collect();
        assert_eq!(bicep_subnets.len(), placed.len(), "{case}");
        let inline = vnet.3["properties"]["subnets"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (i, (r, s)) in bicep_subnets.iter().zip(&placed).enumerate() {
            assert_eq!(r.3["parent"], "<ref:vnet>", "{case}");
            assert_eq!(r.3["name"], s.name, "{case}");
            if design.vnet.is_new {
                // Declared inline in the VNet; here only referenced, for the ISE's IDs.
                assert!(r.2 && r.3.get("properties").is_none(), "{case}");
                assert_eq!(inline[i]["name"], s.name, "{case}");
                assert_eq!(
                    inline[i]["properties"]["addressPrefix"],
                    s.prefix.unwrap(),
                    "{case}"
                );
            } else if i > 0 {
                assert!(!r.2, "{case}");
                assert_eq!(
                    r.3["dependsOn"],
                    json!([format!("<ref:{}>", bicep_subnets[i - 1].0)]),
                    "{case}"
                );
            }
        }
        assert_eq!(
            inline.len(),
            if design.vnet.is_new { placed.len() } else { 0 },
            "{case}"
        );

        // bash
        let (calls, _) = run_with_stub_az(&design, &Format::AzCli.render(&design, &plan));
        let subnet_calls: Vec<_> = calls
            .iter()
            .filter(|c| subcommand(c) == "network vnet subnet create")
            .collect();
        assert_eq!(subnet_calls.len(), placed.len(), "{case}");
        for (c, s) in subnet_calls.iter().zip(&placed) {
            let o = options(c);
            assert_eq!(option(&o, "name"), [as_argument(s.name)], "{case}");
            assert_eq!(
                option(&o, "address-prefixes"),
                [s.prefix.unwrap()],
                "{case}"
            );
            assert_eq!(option(&o, "network-security-group"), ["ise-nsg"], "{case}");
            if let Some(d) = s.delegation {
                assert_eq!(option(&o, "delegations"), [d], "{case}");
            }
            if !s.service_endpoints.is_empty() {
                assert_eq!(
                    option(&o, "service-endpoints"),
                    s.service_endpoints,
                    "{case}"
                );
            }
        }
        let route_calls: Vec<_> = calls
            .iter()
            .filter(|c| subcommand(c) == "network route-table route create")
            .collect();
        assert_eq!(route_calls.len(), plan.routes.len(), "{case}");
        for (c, r) in route_calls.iter().zip(&plan.routes) {
            let o = options(c);
            assert_eq!(option(&o, "address-prefix"), [r.address_prefix.as_str()]);
            assert_eq!(option(&o, "next-hop-type"), [r.next_hop_type]);
            if let Some(ip) = &r.next_hop_ip {
                assert_eq!(option(&o, "next-hop-ip-address"), [ip.as_str()]);
            }
        }

        // PowerShell
        let ps = parse_powershell(&Format::PowerShell.render(&design, &plan));
        let count = |cmdlet: &str| ps.calls.iter().filter(|(n, _)| n == cmdlet).count();
        let n = placed.len();
        assert_eq!(
            (
                count("Get-AzVirtualNetworkSubnetConfig"),
                count("Add-AzVirtualNetworkSubnetConfig"),
                count("Set-AzVirtualNetworkSubnetConfig"),
                count("Set-AzVirtualNetwork")
            ),
            (n, n, n, n),
            "{case}"
        );
        let ps_routes: Vec<Parameters> = ps
            .calls
            .iter()
            .filter(|(n, _)| n == "New-AzRouteConfig")
            .map(|(_, p)| p.clone())
            .collect();
        let want_ps_routes: Vec<Parameters> = plan
            .routes
            .iter()
            .map(|r| {
                let mut p = vec![
                    ("-Name".to_string(), vec![r.name.clone()]),
                    ("-AddressPrefix".to_string(), vec![r.address_prefix.clone()]),
                    (
                        "-NextHopType".to_string(),
                        vec![r.next_hop_type.to_string()],
                    ),
                ];
                if let Some(ip) = &r.next_hop_ip {
                    p.push(("-NextHopIpAddress".to_string(), vec![ip.clone()]));
                }
                p
            })
            .collect();
        assert_eq!(ps_routes, want_ps_routes, "{case}: PowerShell routes");
        // Add- (a new subnet) and Set- (one an earlier run made) with the same settings.
        let configs: Vec<_> = ps
            .calls
            .iter()
            .filter(|(n, _)| {
                n == "Add-AzVirtualNetworkSubnetConfig" || n == "Set-AzVirtualNetworkSubnetConfig"
            })
            .collect();
        let both: Vec<_> = placed.iter().flat_map(|s| [s, s]).collect();
        assert_eq!(configs.len(), both.len(), "{case}");
        for ((_, params), s) in configs.iter().zip(both) {
            let get = |n: &str| params.iter().find(|(p, _)| p == n).map(|(_, v)| v.clone());
            assert_eq!(get("-Name"), Some(vec![as_argument(s.name)]), "{case}");
            assert_eq!(
                get("-AddressPrefix"),
                Some(vec![s.prefix.unwrap().to_string()]),
                "{case}"
            );
            assert_eq!(
                get("-Delegation").is_some(),
                s.delegation.is_some(),
                "{case}"
            );
            assert_eq!(
                get("-RouteTable").is_some(),
                s.route_table.is_some(),
                "{case}"
            );
        }
    }
}

/// The ISE and its connectors in each format, from the plan's request.
#[test]
fn the_ise_and_its_connectors() {
    for (case, design) in all_designs() {
        let plan = plan(&design);
        let target = Target::new(&design, &plan);
        let body = plan.rest.create.body.clone().unwrap();

        // ARM: sku, properties (subnet IDs by resourceId), connectors with a location.
        let arm_file = parse_arm(&Format::Arm.render(&design, &plan));
        let resources = arm_resources(&arm_file.template);
        let ise: Vec<_> = resources
            .iter()
            .filter(|r| r["type"] == "Microsoft.Logic/integrationServiceEnvironments")
            .collect();
        let connectors: Vec<_> = resources
            .iter()
            .filter(|r| r["type"] == "Microsoft.Logic/integrationServiceEnvironments/managedApis")
            .collect();
        match &target.ise {
            None => assert!(ise.is_empty() && connectors.is_empty(), "{case}"),
            Some(_) => {
                assert_eq!(ise.len(), 1, "{case}");
                assert_eq!(ise[0]["apiVersion"], "2019-05-01");
                assert_eq!(ise[0]["sku"], body["sku"], "{case}");
                assert_eq!(ise[0]["name"], body["name"], "{case}");
                assert_eq!(ise[0]["location"], body["location"], "{case}");
                assert_eq!(
                    ise[0]["properties"]["networkConfiguration"]["accessEndpoint"],
                    body["properties"]["networkConfiguration"]["accessEndpoint"]
                );
                assert_eq!(
                    ise[0]["properties"].get("certificates"),
                    body["properties"].get("certificates"),
                    "{case}"
                );
                let ids = ise[0]["properties"]["networkConfiguration"]["subnets"]
                    .as_array()
                    .unwrap();
                assert_eq!(ids.len(), 4);
                assert_eq!(connectors.len(), plan.rest.connectors.len(), "{case}");
                for (c, request) in connectors.iter().zip(&plan.rest.connectors) {
                    assert_eq!(c["location"], request.body.as_ref().unwrap()["location"]);
                    assert!(c.get("tags").is_none() && c.get("properties").is_none());
                }
            }
        }

        // Terraform: azapi body is the request's sku and properties (subnets as references).
        let tf = parse_hcl(&Format::Terraform.render(&design, &plan));
        let ise = &tf.json["resource"]["azapi_resource"]["ise"];
        match &target.ise {
            None => assert!(ise.is_null(), "{case}"),
            Some(_) => {
                assert_eq!(
                    ise["type"],
                    "Microsoft.Logic/integrationServiceEnvironments@2019-05-01"
                );
                assert_eq!(ise["name"], body["name"], "{case}");
                assert_eq!(ise["body"]["sku"], body["sku"], "{case}");
                let mut properties = body["properties"].clone();
                properties["networkConfiguration"]["subnets"] = json!((1..=4)
                    .map(|i| json!({"id": format!("${{azurerm_subnet.ise_{i}.id}}")}))
                    .collect::<Vec<_>>());
                assert_eq!(ise["body"]["properties"], properties, "{case}");
                assert_eq!(
                    ise["schema_validation_enabled"].as_bool(),
                    body["properties"].get("certificates").map(|_| false),
                    "{case}"
                );
            }
        }

        // bash: the recorded PUT carries the plan's body exactly.
        let (calls, _) = run_with_stub_az(&design, &Format::AzCli.render(&design, &plan));
        let puts = rest_puts(&calls);
        match &target.ise {
            None => assert!(puts.is_empty(), "{case}"),
            Some(_) => {
                assert_eq!(puts.len(), 1 + plan.rest.connectors.len(), "{case}");
                let o = options(puts[0]);
                assert_eq!(option(&o, "method"), ["put"]);
                assert_eq!(option(&o, "url"), [plan.rest.create.url.as_str()], "{case}");
                let sent: Value = serde_json::from_str(&option(&o, "body")[0]).expect("JSON body");
                assert_eq!(sent, body, "{case}: the ISE body");
                for (call, request) in puts[1..].iter().zip(&plan.rest.connectors) {
                    let o = options(call);
                    assert_eq!(option(&o, "url"), [request.url.as_str()]);
                    let sent: Value = serde_json::from_str(&option(&o, "body")[0]).unwrap();
                    assert_eq!(Some(sent), request.body, "{case}");
                }
            }
        }

        // PowerShell: the body variable holds the plan's body.
        let ps_text = Format::PowerShell.render(&design, &plan);
        let ps = parse_powershell(&ps_text);
        let invokes: Vec<_> = ps
            .calls
            .iter()
            .filter(|(n, p)| {
                n == "Invoke-AzRestMethod"
                    && p.contains(&("-Method".to_string(), vec!["PUT".to_string()]))
            })
            .collect();
        match &target.ise {
            None => assert!(invokes.is_empty(), "{case}"),
            Some(ise) => {
                assert_eq!(invokes.len(), 1 + plan.rest.connectors.len(), "{case}");
                let path = &invokes[0].1.iter().find(|(p, _)| p == "-Path").unwrap().1;
                assert_eq!(path, &[ise.path().to_string()], "{case}");
                let pretty = serde_json::to_string_pretty(&body).unwrap();
                assert!(
                    ps.strings.contains(&pretty),
                    "{case}: the ISE body is not one literal"
                );
            }
        }
    }
}

/// The exact hostile values the exports must carry, each as one literal.
fn hostile_values(design: &Design, plan: &Plan) -> Vec<(&'static str, String)> {
    let target = Target::new(design, plan);
    let mut values = vec![("vnet.name", target.vnet.name.to_string())];
    for s in target.placed_subnets() {
        values.push(("subnet name", s.name.to_string()));
    }
    values.push(("location", target.location.to_string()));
    values
}

#[test]
fn hostile_names_stay_data_in_every_format() {
    for design in [hostile_names(), hostile_one_group()] {
        let plan = plan(&design);
        assert!(plan.has_errors(), "validation flags hostile names");
        let target = Target::new(&design, &plan);
        assert_eq!(target.placed_subnets().count(), 4);
        let same_group = !target.ise_in_other_resource_group();
        let mut common = hostile_values(&design, &plan);
        let ise_name = design.name.trim().to_string();
        let vnet_rg = target.vnet.resource_group.to_string();
        let subscription = design.subscription_id.trim().to_string();

        // ARM: names as literals (a leading [ escaped), IDs as quoted expression arguments.
        let arm_file = parse_arm(&Format::Arm.render(&design, &plan));
        let mut arm_values = common.clone();
        arm_values.push(("ISE name", ise_name.clone()));
        arm_values.push(("VNet resource group", vnet_rg.clone()));
        if !same_group {
            arm_values.push((
                "ISE resource group",
                design.resource_group.trim().to_string(),
            ));
        }
        for (what, v) in &arm_values {
            assert!(arm_file.strings.contains(v), "ARM lost the {what} {v:?}");
        }

        // Bicep: every value one string literal, no interpolation.
        let bicep = parse_bicep(&Format::Bicep.render(&design, &plan));
        let mut bicep_values = common.clone();
        if same_group {
            bicep_values.push(("ISE name", ise_name.clone()));
        }
        for (what, v) in &bicep_values {
            assert!(bicep.strings.contains(v), "Bicep lost the {what} {v:?}");
        }

        // Terraform: every value one string, no template.
        let tf = parse_hcl(&Format::Terraform.render(&design, &plan));
        let mut tf_values = common.clone();
        tf_values.push(("ISE name", ise_name.clone()));
        tf_values.push(("VNet resource group", vnet_rg.clone()));
        tf_values.push(("subscription", subscription.clone()));
        for (what, v) in &tf_values {
            assert!(tf.strings.contains(v), "Terraform lost the {what} {v:?}");
        }

        // PowerShell: every value one verbatim string.
        let ps = parse_powershell(&Format::PowerShell.render(&design, &plan));
        common.push(("VNet resource group", vnet_rg.clone()));
        common.push(("subscription", subscription.clone()));
        for (what, v) in &common {
            assert!(
                ps.strings.contains(&as_argument(v)),
                "PowerShell lost the {what} {v:?}"
            );
        }

        // bash: run it; every value arrives whole, nothing else runs.
        let script = Format::AzCli.render(&design, &plan);
        let (calls, left) = run_with_stub_az(&design, &script);
        assert!(left.is_empty(), "the script created {left:?}");
        let arguments: BTreeSet<String> = calls
            .iter()
            .flat_map(|c| options(c))
            .flat_map(|(_, v)| v)
            .collect();
        for (what, v) in &common {
            assert!(
                arguments.contains(&as_argument(v)),
                "bash lost the {what} {v:?}"
            );
        }
        for call in &calls {
            let sub = subcommand(call);
            assert!(
                [
                    "account set",
                    "network nsg create",
                    "network nsg rule create",
                    "network vnet subnet create",
                    "rest",
                    "network route-table create",
                    "network route-table route create",
                    "network vnet create",
                    "network vnet show",
                    "network nsg show",
                    "network route-table show",
                    "network vnet subnet show",
                    "network vnet subnet update",
                ]
                .contains(&sub.as_str()),
                "unexpected az call {call:?}"
            );
        }
        assert_eq!(
            calls[0],
            [
                "account",
                "set",
                &format!("--subscription={}", as_argument(&subscription))
            ]
        );
    }
}

#[test]
fn a_value_equal_to_the_here_document_delimiter_cannot_end_it() {
    let design = Design {
        name: azcli::BODY_DELIMITER.into(),
        ..Design::default()
    };
    let plan = plan(&design);
    let script = Format::AzCli.render(&design, &plan);
    let (calls, _) = run_with_stub_az(&design, &script);
    let put = rest_puts(&calls)[0];
    let body: Value = serde_json::from_str(&option(&options(put), "body")[0]).unwrap();
    assert_eq!(Some(body), plan.rest.create.body);
}

/// A design with errors still gets every export, and the CLI exits 1.
#[test]
fn design_errors_still_export_and_exit_1() {
    for format in Format::ALL {
        let out = Command::new(env!("CARGO_BIN_EXE_ise-plan"))
            .args(["--name", "bad name!", "--emit", emit_name(format)])
            .output()
            .expect("run ise-plan");
        assert_eq!(out.status.code(), Some(1), "{format:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("NOT READY: the design has errors (ise-name-invalid)"),
            "{format:?}: {text}"
        );
        assert!(text.contains("bad name!"), "{format:?}");
    }
}

/// A subnet the planner could not place: the file still parses, holds what can be
/// deployed, and says what is missing.
#[test]
fn unplaced_subnets_leave_a_valid_file_that_says_so() {
    let design = unplaced_subnet();
    let plan = plan(&design);
    assert!(plan.has_errors());
    for (format, text) in render_all(&design, &plan) {
        assert!(
            text.contains("INCOMPLETE: ISE subnet 3 of 4 has no address prefix"),
            "{format:?}"
        );
        if format != Format::Arm {
            assert!(
                text.contains("INCOMPLETE: ISE subnet 4 of 4 is left out"),
                "{format:?}"
            );
        }
        assert!(!text.contains("10.0.0.64/27"), "{format:?}");
        assert!(
            !text.contains("Microsoft.Logic/integrationServiceEnvironments@")
                && !text.contains("managedApis/sql"),
            "{format:?}: no ISE without its subnets"
        );
    }
    let arm = parse_arm(&Format::Arm.render(&design, &plan));
    assert_eq!(
        arm.template["metadata"]["incomplete"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

/// Each export's header: what it deploys, the retirement, the version, the articles.
#[test]
fn headers() {
    let design = firewall();
    let plan = plan(&design);
    for (format, text) in render_all(&design, &plan) {
        let head: String = match format {
            Format::Arm => parse_arm(&text).template["metadata"]["description"]
                .as_str()
                .unwrap()
                .to_string(),
            _ => text
                .lines()
                .take_while(|l| l.starts_with('#') || l.starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        for needle in [
            "2022-11-01",
            "2024-08-31",
            env!("CARGO_PKG_VERSION"),
            ise_planner::findings::citation::PORTAL_ARTICLE.title,
            ise_planner::findings::citation::REST_ARTICLE.url,
            "api-version 2024-05-01",
            "one route table with",
        ] {
            assert!(
                head.contains(needle),
                "{format:?} header lacks {needle:?}:\n{head}"
            );
        }
    }
}

// Every string survives each language's quoting, as read back by the language's parser.
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    #[test]
    fn any_string_round_trips_through_each_quoting(value in proptest::prop_oneof![
        proptest::prelude::any::<String>(),
        // The characters that matter to some language, densely.
        "[\\\\'\"`$%{}\\[\\]()’‘‚‛“”@#;&|<>\n\r\t\x00\x07\u{202e}a-z -]{0,40}",
    ]) {
        // HCL, read by hcl-rs.
        let body = hcl::parse(&format!("x = {}\n", quote::hcl(&value))).expect("HCL parses");
        let attribute = body.attributes().next().expect("one attribute");
        proptest::prop_assert_eq!(&attribute.expr, &hcl::Expression::String(value.clone()));

        // Bicep, read by tree-sitter-bicep.
        let text = format!("var x = {}\n", quote::bicep(&value));
        let tree = tree_sitter_parse(tree_sitter_bicep::LANGUAGE.into(), &text);
        proptest::prop_assert!(syntax_errors(&tree, &text).is_empty(), "{:?}", text);
        let mut decoded = None;
        for_each_node(tree.root_node(), &mut |n| {
            if n.kind() == "string" {
                decoded = Some(bicep_string(n, &text));
            }
        });
        proptest::prop_assert_eq!(decoded.as_ref(), Some(&value));

        // PowerShell, read by tree-sitter-powershell.
        let text = format!("$x = {}\n", quote::powershell(&value));
        let tree = tree_sitter_parse(tree_sitter_powershell::LANGUAGE.into(), &text);
        proptest::prop_assert!(syntax_errors(&tree, &text).is_empty(), "{:?}", text);
        let mut strings = Vec::new();
        for_each_node(tree.root_node(), &mut |n| {
            if n.kind() == "verbatim_string_characters" {
                strings.push(powershell_string(node_text(n, &text)));
            }
        });
        proptest::prop_assert_eq!(strings, vec![as_argument(&value)]);

        // ARM: a literal, and a string inside an expression.
        let mut literals = BTreeSet::new();
        let mut errors = Vec::new();
        let literal = arm_text(&quote::arm_literal(&value), arm::FUNCTIONS, &mut literals, &mut errors);
        proptest::prop_assert_eq!(&literal, &value);
        proptest::prop_assert!(errors.is_empty(), "{:?}", errors);
        proptest::prop_assert!(literals.contains(&value));
        let call = format!("resourceId({})", quote::arm_string(&value));
        proptest::prop_assert_eq!(arm_expression(&call, arm::FUNCTIONS), Ok(vec![value.clone()]));
    }
}

/// A route to an appliance carries its next-hop address in every format (the plan's
/// firewall mode will produce such routes; here one is set by hand).
#[test]
fn an_appliance_next_hop_reaches_every_format() {
    let design = firewall();
    let mut plan = plan(&design);
    plan.routes[0].next_hop_type = "VirtualAppliance";
    plan.routes[0].next_hop_ip = Some("10.0.3.4".into());
    let want = plan.routes[0].to_arm();

    let arm = parse_arm(&Format::Arm.render(&design, &plan));
    let table = arm_resources(&arm.template)
        .into_iter()
        .find(|r| r["type"] == "Microsoft.Network/routeTables")
        .expect("route table");
    assert_eq!(table["properties"]["routes"][0], want);

    let bicep = parse_bicep(&Format::Bicep.render(&design, &plan));
    let table = bicep
        .resources
        .iter()
        .find(|r| r.1.starts_with("Microsoft.Network/routeTables@"))
        .expect("route table");
    assert_eq!(table.3["properties"]["routes"][0], want);

    let tf = parse_hcl(&Format::Terraform.render(&design, &plan));
    let route = blocks(&tf.json["resource"]["azurerm_route_table"]["ise"]["route"])[0].clone();
    assert_eq!(route["next_hop_type"], "VirtualAppliance");
    assert_eq!(route["next_hop_in_ip_address"], "10.0.3.4");

    let (calls, _) = run_with_stub_az(&design, &Format::AzCli.render(&design, &plan));
    let call = calls
        .iter()
        .find(|c| subcommand(c) == "network route-table route create")
        .expect("a route");
    let o = options(call);
    assert_eq!(option(&o, "next-hop-type"), ["VirtualAppliance"]);
    assert_eq!(option(&o, "next-hop-ip-address"), ["10.0.3.4"]);

    let ps = parse_powershell(&Format::PowerShell.render(&design, &plan));
    let (_, params) = ps
        .calls
        .iter()
        .find(|(n, _)| n == "New-AzRouteConfig")
        .expect("a route");
    assert!(params.contains(&(
        "-NextHopIpAddress".to_string(),
        vec!["10.0.3.4".to_string()]
    )));
}

// ---------------------------------------------------------------------------------------
// Issue 14: exports a pipeline can trust
// ---------------------------------------------------------------------------------------

/// The header lines of a rendered file (the ARM template's description).
fn header_text(format: Format, text: &str) -> String {
    match format {
        Format::Arm => parse_arm(text).template["metadata"]["description"]
            .as_str()
            .unwrap()
            .to_string(),
        _ => text
            .lines()
            .take_while(|l| l.starts_with('#') || l.starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// How many subnets each format delegates, and whether it creates the ISE.
fn delegations_and_ise(design: &Design, plan: &Plan) -> Vec<(Format, usize, bool)> {
    let mut out = Vec::new();
    let arm = parse_arm(&Format::Arm.render(design, plan));
    let resources = arm_resources(&arm.template);
    let subnets: Vec<Value> = resources
        .iter()
        .flat_map(|r| match r["type"].as_str() {
            Some("Microsoft.Network/virtualNetworks/subnets") => vec![r.to_owned().clone()],
            Some("Microsoft.Network/virtualNetworks") => r["properties"]["subnets"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
            _ => vec![],
        })
        .collect();
    let delegated = |subnets: &[Value]| {
        subnets
            .iter()
            .filter(|s| s["properties"]["delegations"].is_array())
            .count()
    };
    let arm_ise = resources
        .iter()
        .any(|r| r["type"] == "Microsoft.Logic/integrationServiceEnvironments");
    out.push((Format::Arm, delegated(&subnets), arm_ise));

    let bicep = parse_bicep(&Format::Bicep.render(design, plan));
    let mut bicep_subnets: Vec<Value> = Vec::new();
    for (_, kind, _, body) in &bicep.resources {
        if kind.starts_with("Microsoft.Network/virtualNetworks/subnets@") {
            bicep_subnets.push(body.clone());
        } else if kind.starts_with("Microsoft.Network/virtualNetworks@") {
            bicep_subnets.extend(
                body["properties"]["subnets"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default(),
            );
        }
    }
    let bicep_ise = bicep.resources.iter().any(|r| {
        r.1.starts_with("Microsoft.Logic/integrationServiceEnvironments@")
    });
    out.push((Format::Bicep, delegated(&bicep_subnets), bicep_ise));

    let tf = parse_hcl(&Format::Terraform.render(design, plan));
    let tf_delegated = tf.json["resource"]["azurerm_subnet"]
        .as_object()
        .map_or(0, |o| {
            o.values().filter(|s| s["delegation"].is_object()).count()
        });
    out.push((
        Format::Terraform,
        tf_delegated,
        tf.json["resource"]["azapi_resource"]["ise"].is_object(),
    ));

    let (calls, _) = run_with_stub_az(design, &Format::AzCli.render(design, plan));
    let sh_delegated = calls
        .iter()
        .filter(|c| subcommand(c) == "network vnet subnet create")
        .filter(|c| options(c).iter().any(|(n, _)| n == "delegations"))
        .count();
    out.push((Format::AzCli, sh_delegated, !rest_puts(&calls).is_empty()));

    let ps = parse_powershell(&Format::PowerShell.render(design, plan));
    let ps_delegated = ps
        .calls
        .iter()
        .filter(|(n, _)| n == "New-AzDelegation")
        .count();
    let ps_ise = ps.calls.iter().any(|(n, p)| {
        n == "Invoke-AzRestMethod" && p.contains(&("-Method".to_string(), vec!["PUT".to_string()]))
    });
    out.push((Format::PowerShell, ps_delegated, ps_ise));
    out
}

/// Every export creates the ISE through ARM, azapi, `az rest` or `Invoke-AzRestMethod` — the
/// REST path, which needs one delegated subnet. A design that creates the ISE in the portal
/// gets the network only, undelegated, and the header and checklist say to use the portal.
#[test]
fn delegation_follows_the_api_path_in_every_format() {
    // A new VNet in the ISE's resource group (a Bicep file holds one group's resources).
    let mut same_group = new_vnet();
    same_group.vnet.resource_group.clear();
    for design in [default_design(), same_group] {
        let plan = plan(&design);
        for (format, delegated, ise) in delegations_and_ise(&design, &plan) {
            assert_eq!((delegated, ise), (1, true), "{format:?}: REST path");
        }
    }
    for mut design in [default_design(), new_vnet()] {
        design.deployment = ise_planner::design::Deployment::Portal;
        design.managed_connectors = vec!["sql".into()];
        let plan = plan(&design);
        for (format, delegated, ise) in delegations_and_ise(&design, &plan) {
            assert_eq!((delegated, ise), (0, false), "{format:?}: portal");
            let text = format.render(&design, &plan);
            assert!(
                header_text(format, &text).contains("CREATE THE ISE IN THE PORTAL"),
                "{format:?}"
            );
            assert!(!text.contains("managedApis"), "{format:?}: no connectors");
        }
        let item = plan
            .checklist
            .iter()
            .find(|i| i.id == "create-ise-in-portal")
            .expect("the checklist says so");
        assert!(item.text.contains("portal") && item.text.contains("network only"));
    }
}

/// A new VNet gets the design's DNS servers in every format.
#[test]
fn a_new_vnet_gets_the_designs_dns_servers_in_every_format() {
    let mut design = new_vnet();
    design.dns_servers = vec!["10.50.0.4".into(), " 10.60.0.4".into()];
    let plan = plan(&design);
    let want = json!(["10.50.0.4", "10.60.0.4"]);

    let arm = parse_arm(&Format::Arm.render(&design, &plan));
    let vnet = arm_resources(&arm.template)
        .into_iter()
        .find(|r| r["type"] == "Microsoft.Network/virtualNetworks")
        .unwrap()
        .clone();
    assert_eq!(vnet["properties"]["dhcpOptions"]["dnsServers"], want);

    let bicep = parse_bicep(&Format::Bicep.render(&design, &plan));
    let vnet = bicep.resources.iter().find(|r| r.0 == "vnet").unwrap();
    assert_eq!(vnet.3["properties"]["dhcpOptions"]["dnsServers"], want);

    let tf = parse_hcl(&Format::Terraform.render(&design, &plan));
    assert_eq!(
        tf.json["resource"]["azurerm_virtual_network"]["ise"]["dns_servers"],
        want
    );

    let (calls, _) = run_with_stub_az(&design, &Format::AzCli.render(&design, &plan));
    let create = calls
        .iter()
        .find(|c| subcommand(c) == "network vnet create")
        .unwrap();
    assert_eq!(
        option(&options(create), "dns-servers"),
        ["10.50.0.4", "10.60.0.4"]
    );

    let ps = parse_powershell(&Format::PowerShell.render(&design, &plan));
    let (_, params) = ps
        .calls
        .iter()
        .find(|(n, _)| n == "New-AzVirtualNetwork")
        .unwrap();
    assert!(params.contains(&(
        "-DnsServer".to_string(),
        vec!["10.50.0.4".to_string(), "10.60.0.4".to_string()]
    )));
}

/// For an existing VNet the scripts compare its DNS servers with the design's and stop
/// with a clear message when they differ; the templates say so in their header.
#[test]
fn scripts_stop_when_an_existing_vnets_dns_servers_differ() {
    let design = external_government_dns();
    let plan = plan(&design);
    let script = Format::AzCli.render(&design, &plan);
    let vnet = |dns: Value| json!({"vnets": {"contoso-rg/contoso-vnet": {"addressPrefixes": ["10.20.0.0/16"], "dnsServers": dns, "subnets": {}}}});
    for (have, ok) in [
        (json!(["10.20.0.5", "10.20.0.4"]), true),
        (json!(["10.20.0.4"]), false),
        (json!([]), false),
        (json!(["10.20.0.4", "10.20.0.5", "10.9.9.9"]), false),
    ] {
        let run = Stub::with_initial(vnet(have.clone())).run(&script, &[]);
        if ok {
            run.assert_clean("the same servers, in another order");
            continue;
        }
        assert_eq!(run.code, Some(1), "{have}: {}", run.stderr);
        assert!(
            run.stderr.contains("DNS servers") && run.stderr.contains("10.20.0.4 10.20.0.5"),
            "{have}: {}",
            run.stderr
        );
        assert!(
            run.calls
                .iter()
                .all(|c| !subcommand(c).starts_with("network nsg")),
            "{have}: stopped before the NSG"
        );
    }
    // A design without custom DNS stops on a VNet that has some.
    let design = default_design();
    let plan_ = ise_planner::plan(&design);
    let run = Stub::with_initial(json!({"vnets": {"ise-rg/ise-vnet": {"addressPrefixes": ["10.0.0.0/22"], "dnsServers": ["10.0.0.4"], "subnets": {}}}}))
        .run(&Format::AzCli.render(&design, &plan_), &[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("Azure-provided DNS"), "{}", run.stderr);

    // PowerShell (not executed here: no PowerShell on this machine): the VNet's servers are
    // compared with the design's, and the script throws, before the NSG.
    let text = Format::PowerShell.render(&external_government_dns(), &plan);
    let compare = text
        .find("if ($haveDns -ne $wantDns) {")
        .expect("the comparison");
    assert!(text.contains("$haveDns = (@($vnet.DhcpOptions.DnsServers"));
    assert!(text.contains("$wantDns = (@('10.20.0.4', '10.20.0.5') | Sort-Object) -join ', '"));
    assert!(text[compare..].starts_with("if ($haveDns -ne $wantDns) {\n  throw ("));
    assert!(compare < text.find("Get-AzNetworkSecurityGroup").unwrap());

    // The templates: a header note.
    for format in [Format::Arm, Format::Bicep, Format::Terraform] {
        let head = header_text(format, &format.render(&external_government_dns(), &plan));
        assert!(
            head.contains("DNS: the existing virtual network must already use the design's 2 custom DNS servers"),
            "{format:?}: {head}"
        );
    }
}

/// Terraform gives the ISE and its connectors azapi `timeouts` long enough for an ISE.
#[test]
fn terraform_gives_the_ise_and_connectors_five_hour_timeouts() {
    let design = external_government_dns();
    let plan = plan(&design);
    let tf = parse_hcl(&Format::Terraform.render(&design, &plan));
    let azapi = tf.json["resource"]["azapi_resource"].as_object().unwrap();
    assert_eq!(azapi.len(), 3, "the ISE and two connectors");
    for (label, r) in azapi {
        assert_eq!(
            r["timeouts"],
            json!({"create": "5h", "update": "5h", "delete": "5h"}),
            "{label}"
        );
    }
}

/// The connector PUTs come after the last poll of the ISE.
fn connectors_after_the_wait(run: &ScriptRun) -> bool {
    let last_get = run
        .calls
        .iter()
        .rposition(|c| subcommand(c) == "rest" && option(&options(c), "method") == ["get"]);
    let first_connector = run.calls.iter().position(|c| {
        subcommand(c) == "rest" && option(&options(c), "url")[0].contains("/managedApis/")
    });
    matches!((last_get, first_connector), (Some(g), Some(c)) if g < c)
}

/// deploy.sh says up front that the ISE may take hours, polls it with a line every poll
/// until Succeeded (simulated time: an ISE InProgress for two hours), and only then sends
/// the connectors; Failed or Canceled stop it with the state and Azure's message; the user's
/// time-out stops it too.
#[test]
fn deploy_sh_waits_for_the_ise_before_the_connectors() {
    let design = external_government_dns();
    let plan = plan(&design);
    let script = Format::AzCli.render(&design, &plan);

    let run = stub_for(&design)
        .set("AZ_STUB_ISE_STATES", "InProgress*120,Succeeded")
        .run(&script, &[]);
    run.assert_clean("two hours InProgress");
    let up_front = run
        .stdout
        .find("usually takes up to two hours, occasionally four")
        .expect("says how long before waiting");
    let waiting = run
        .stdout
        .matches("deploy.sh: waiting for the ISE: provisioningState InProgress")
        .count();
    assert_eq!((waiting, run.sleeps), (120, 120));
    assert!(up_front < run.stdout.find("waiting for the ISE").unwrap());
    assert!(run
        .stdout
        .contains("ready (provisioningState Succeeded) after 120 minutes"));
    assert!(connectors_after_the_wait(&run));

    for end in ["Failed", "Canceled"] {
        let run = stub_for(&design)
            .set("AZ_STUB_ISE_STATES", &format!("InProgress*3,{end}"))
            .set(
                "AZ_STUB_FAILURE_MESSAGE",
                "The subnet ise-subnet-1 is not empty.",
            )
            .run(&script, &[]);
        assert_eq!(run.code, Some(1), "{end}");
        assert!(
            run.stderr.contains(&format!(
                "provisioningState {end}: The subnet ise-subnet-1 is not empty."
            )),
            "{end}: {}",
            run.stderr
        );
        assert_eq!(rest_puts(&run.calls).len(), 1, "{end}: no connector");
    }

    let run = stub_for(&design)
        .set("AZ_STUB_ISE_STATES", "InProgress")
        .run(&script, &["--timeout-minutes", "3", "--poll-seconds=60"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("gave up waiting after 3 minutes"),
        "{}",
        run.stderr
    );
    assert_eq!(run.sleeps, 3);
    assert_eq!(rest_puts(&run.calls).len(), 1, "no connector");
    // A bad number is a usage error, before anything runs; --help says what the options are.
    let run = stub_for(&design).run(&script, &["--timeout-minutes", "soon"]);
    assert_eq!(run.code, Some(2));
    assert!(run.calls.is_empty());
    let run = stub_for(&design).run(&script, &["--help"]);
    run.assert_clean("--help");
    assert!(run.calls.is_empty());
    for option in ["--force", "--timeout-minutes N", "--poll-seconds N"] {
        assert!(run.stdout.contains(option), "{option}: {}", run.stdout);
    }
}

/// deploy.ps1 (not executed: PowerShell cannot be installed on this machine) is checked
/// in its text and tree: it says up front how long the ISE takes, and a loop polls the
/// ISE's state, sleeps -PollSeconds, throws on Failed or Canceled with the state and
/// Azure's message and at -TimeoutMinutes, before the first connector PUT.
#[test]
fn deploy_ps1_waits_for_the_ise_before_the_connectors() {
    let design = external_government_dns();
    let plan = plan(&design);
    let text = Format::PowerShell.render(&design, &plan);
    parse_powershell(&text);
    let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let param = at("param(\n");
    assert!(
        text[param..].contains("[int]$TimeoutMinutes = 300,")
            && text[param..].contains("[int]$PollSeconds = 60")
    );
    let says = at("usually takes up to two hours, occasionally four");
    let put = at("Invoke-AzRestMethod -Method 'PUT' -Path '/subscriptions/f34b22a3");
    let wait = at("\nwhile ($true) {\n  $state = Get-IseState\n");
    let connector = at("$connectorBody = ");
    assert!(says < put && put < wait && wait < connector);
    let body = &text[wait..connector];
    for needle in [
        "if ($state -eq 'Succeeded') {",
        "break",
        "if ($state -eq 'Failed' -or $state -eq 'Canceled') {",
        "Get-AzActivityLog -ResourceId '/subscriptions/",
        "throw ('deploy.ps1: the ISE''s creation ended with provisioningState ' + $state + ': ' + $message)",
        "if ($minutes -ge $TimeoutMinutes) {",
        "Write-Output -InputObject ('deploy.ps1: waiting for the ISE: provisioningState ' + $state",
        "Start-Sleep -Seconds $PollSeconds",
    ] {
        assert!(body.contains(needle), "{needle}");
    }
}

/// The resources in the stub's state, without the counter of ISE polls.
fn resources_of(state: &Value) -> Value {
    let mut state = state.clone();
    if let Some(ise) = state["ise"].as_object_mut() {
        for entry in ise.values_mut() {
            entry.as_object_mut().unwrap().remove("gets");
        }
    }
    state
}

/// deploy.sh run twice against a stateful stub: the second run exits 0, creates nothing
/// that exists, drops nothing, changes nothing, and does not send the ISE request again.
#[test]
fn deploy_sh_runs_twice_and_the_second_run_changes_nothing() {
    let mut designs = all_designs();
    let mut portal = firewall();
    portal.deployment = ise_planner::design::Deployment::Portal;
    designs.push(("portal", portal));
    for (case, design) in designs {
        let plan = plan(&design);
        let script = Format::AzCli.render(&design, &plan);
        let stub = stub_for(&design);
        let first = stub.run(&script, &["--force"]);
        first.assert_clean(case);
        let after_first = resources_of(&stub.state());
        let second = stub.run(&script, &["--force"]);
        second.assert_clean(case);
        for e in &second.events {
            assert!(
                !(e["op"] == "create" && e["existed"] == true),
                "{case}: the second run created again what exists: {e}"
            );
            assert_eq!(e["changed"], false, "{case}: the second run changed {e}");
            assert_eq!(e["dropped"], json!([]), "{case}: {e}");
        }
        assert!(
            second.events.iter().all(|e| e["resource"] != "ise"),
            "{case}: the ISE request was sent again"
        );
        assert_eq!(resources_of(&stub.state()), after_first, "{case}");
        // The first run made what the plan has.
        let state = stub.state();
        let rules: usize = state["nsgs"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n["rules"].as_object().unwrap().len())
            .sum();
        assert_eq!(rules, plan.nsg_rules.len(), "{case}");
    }
}

/// An existence check tells "missing" (az exits 3) from "failed": a lookup that fails for
/// another reason (sign-in, permissions) stops the script instead of creating anew.
#[test]
fn deploy_sh_stops_when_a_lookup_fails() {
    let design = firewall();
    let plan = plan(&design);
    let script = Format::AzCli.render(&design, &plan);
    let run = stub_for(&design)
        .set("AZ_STUB_FAIL", "network nsg show")
        .run(&script, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("a lookup failed (exit 1): ERROR: (AuthorizationFailed)"),
        "{}",
        run.stderr
    );
    assert!(run
        .calls
        .iter()
        .all(|c| subcommand(c) != "network nsg create"));
}

/// A second run after an NSG fix or a failed ISE: rules are updated in place (the NSG is not
/// re-created), and an ISE that Failed is sent again.
#[test]
fn deploy_sh_updates_in_place_and_retries_a_failed_ise() {
    let design = firewall();
    let plan = plan(&design);
    let script = Format::AzCli.render(&design, &plan);
    // The first PUT ends Failed; a second one succeeds.
    let stub = stub_for(&design).set(
        "AZ_STUB_ISE_STATES",
        "InProgress,Failed|InProgress,Succeeded",
    );
    assert_eq!(stub.run(&script, &[]).code, Some(1));
    // The plan changes a rule (as a fix would): the next run updates it in place.
    let mut fixed = plan.clone();
    fixed.nsg_rules[0].priority = 199;
    let script = Format::AzCli.render(&design, &fixed);
    let run = stub.run(&script, &[]);
    run.assert_clean("after the fix");
    let changed: Vec<&Value> = run.events.iter().filter(|e| e["changed"] == true).collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_eq!(changed[0]["op"], "update");
    assert_eq!(
        changed[0]["resource"],
        format!("rule {}", plan.nsg_rules[0].name)
    );
    assert_eq!(
        changed[1]["existed"], false,
        "the connector, first sent now"
    );
    assert!(
        run.events
            .iter()
            .any(|e| e["resource"] == "ise" && e["existed"] == true),
        "the failed ISE is sent again"
    );
    assert!(
        run.events
            .iter()
            .all(|e| !(e["op"] == "create" && e["existed"] == true)),
        "nothing created again: {:?}",
        run.events
    );
    assert!(run
        .stdout
        .contains("exists with provisioningState Failed: sending the request again"));
}

/// deploy.ps1's run-twice safety, checked in its syntax tree (the script is not executed:
/// PowerShell cannot be installed on this machine). Every `New-`/`Add-` of the VNet, NSG,
/// route table and subnets is in the `then` branch of `if ($null -eq $x)`, where `$x` was
/// just read by the matching `Get-` with `-ErrorAction SilentlyContinue`; the `else` branch
/// updates in place (`Set-`); the ISE PUT is behind a check of its state.
#[test]
fn deploy_ps1_looks_before_it_creates() {
    let guarded = [
        (
            "New-AzVirtualNetwork",
            "Get-AzVirtualNetwork",
            "$vnet",
            Some("Write-Output"),
        ),
        (
            "New-AzNetworkSecurityGroup",
            "Get-AzNetworkSecurityGroup",
            "$nsg",
            Some("Set-AzNetworkSecurityGroup"),
        ),
        (
            "New-AzRouteTable",
            "Get-AzRouteTable",
            "$routeTable",
            Some("Set-AzRouteTable"),
        ),
        (
            "Add-AzVirtualNetworkSubnetConfig",
            "Get-AzVirtualNetworkSubnetConfig",
            "$subnet",
            Some("Set-AzVirtualNetworkSubnetConfig"),
        ),
    ];
    for (case, design) in all_designs() {
        let plan = plan(&design);
        let text = Format::PowerShell.render(&design, &plan);
        let tree = tree_sitter_parse(tree_sitter_powershell::LANGUAGE.into(), &text);
        assert!(syntax_errors(&tree, &text).is_empty(), "{case}");
        let commands = ps_commands(&tree, &text);
        for (create, get, variable, update) in guarded {
            for (_, node) in commands.iter().filter(|(n, _)| n == create) {
                let (condition, in_else) = enclosing_if(*node, &text)
                    .unwrap_or_else(|| panic!("{case}: {create} is not behind a check"));
                assert_eq!(
                    condition,
                    format!("$null -eq {variable}"),
                    "{case}: {create}"
                );
                assert!(!in_else, "{case}: {create} in the else branch");
                let before = &text[..node.start_byte()];
                let read = before
                    .rfind(&format!("{variable} = {get} "))
                    .unwrap_or_else(|| panic!("{case}: {create} without {get} before it"));
                assert!(
                    before[read..].contains(&format!(
                        " -ErrorAction SilentlyContinue\nif ($null -eq {variable}) {{"
                    )),
                    "{case}: {create}: the Get- right before the check reads quietly"
                );
                // The else branch of the same if keeps and updates.
                let if_start = before
                    .rfind(&format!("if ($null -eq {variable}) {{"))
                    .unwrap();
                let branch = &text[if_start..];
                let branch = &branch[..branch.find("\n}\n").unwrap()];
                if let Some(update) = update {
                    assert!(
                        branch.contains("} else {") && branch.contains(update),
                        "{case}: {create}"
                    );
                }
            }
        }
        // The ISE PUT is sent only when the GET found no ISE, or one that Failed or was
        // Canceled.
        for (_, node) in commands.iter().filter(|(n, _)| n == "Invoke-AzRestMethod") {
            let call = node_text(*node, &text);
            if call.contains("-Method 'PUT'") && !call.contains("$connectorBody") {
                let (condition, _) = enclosing_if(*node, &text).expect("the ISE PUT is checked");
                assert_eq!(
                    condition, "$null -eq $state -or $state -eq 'Failed' -or $state -eq 'Canceled'",
                    "{case}"
                );
            }
        }
        let creates = commands.iter().filter(|(n, _)| {
            n.starts_with("New-Az")
                && ![
                    "New-AzNetworkSecurityRuleConfig",
                    "New-AzRouteConfig",
                    "New-AzDelegation",
                ]
                .contains(&n.as_str())
        });
        for (name, node) in creates {
            assert!(
                enclosing_if(*node, &text).is_some(),
                "{case}: {name} unguarded"
            );
        }
    }
}

/// A design with errors: the scripts stop at the top with the reason unless forced; the
/// templates need a parameter set to deploy anyway. A design without errors has neither.
#[test]
fn files_of_a_design_with_errors_refuse_to_deploy() {
    let mut design = default_design();
    design.name = "bad name!".into();
    let plan = plan(&design);
    let reason = "NOT READY: the design has errors (ise-name-invalid)";

    let script = Format::AzCli.render(&design, &plan);
    let refused = stub_for(&design).run(&script, &[]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused.stderr.contains(reason) && refused.stderr.contains("--force"),
        "{}",
        refused.stderr
    );
    assert!(refused.calls.is_empty(), "nothing ran: {:?}", refused.calls);
    let forced = stub_for(&design).run(&script, &["--force"]);
    forced.assert_clean("--force");
    assert!(forced.stdout.contains("Deploying anyway (--force)"));

    // PowerShell: the check comes right after the parameters, before any Az cmdlet.
    let ps = Format::PowerShell.render(&design, &plan);
    let check = ps.find("if (-not $Force) {\n  throw 'deploy.ps1: NOT READY: the design has errors (ise-name-invalid)").expect("the refusal");
    assert!(check < ps.find("Set-AzContext").unwrap());
    assert!(ps.find("[switch]$Force").unwrap() < check);

    // ARM and Bicep: a bool parameter with no default that only true satisfies.
    let arm = parse_arm(&Format::Arm.render(&design, &plan));
    let parameter = &arm.template["parameters"]["deployDespiteErrors"];
    assert_eq!(parameter["type"], "bool");
    assert_eq!(parameter["allowedValues"], json!([true]));
    assert!(parameter.get("defaultValue").is_none());
    assert!(parameter["metadata"]["description"]
        .as_str()
        .unwrap()
        .contains(reason));
    let bicep = Format::Bicep.render(&design, &plan);
    parse_bicep(&bicep);
    assert!(bicep.contains("@allowed([\n  true\n])\nparam deployDespiteErrors bool\n"));
    // Terraform: a variable with no default whose validation only true passes.
    let tf = parse_hcl(&Format::Terraform.render(&design, &plan));
    let variable = &tf.json["variable"]["deploy_despite_errors"];
    assert_eq!(variable["type"], "${bool}");
    assert!(variable.get("default").is_none());
    assert_eq!(
        variable["validation"]["condition"],
        "${var.deploy_despite_errors}"
    );

    // Without errors: no refusal anywhere.
    let design = default_design();
    let plan = ise_planner::plan(&design);
    assert!(!plan.has_errors());
    assert!(parse_arm(&Format::Arm.render(&design, &plan))
        .template
        .get("parameters")
        .is_none());
    assert!(!Format::Bicep.render(&design, &plan).contains("param "));
    assert!(!Format::Terraform
        .render(&design, &plan)
        .contains("variable "));
    assert!(!Format::PowerShell
        .render(&design, &plan)
        .contains("if (-not $Force)"));
    stub_for(&design)
        .run(&Format::AzCli.render(&design, &plan), &[])
        .assert_clean("a clean design");
}

/// The Terraform configuration, reviewed for what would make a second plan show changes:
/// each resource managed one way only (no inline subnets in the VNet beside `azurerm_subnet`,
/// no separate rules or routes beside the inline ones, no separate DNS resource), the
/// delegation's actions given as Azure sets them, the ISE and connectors with timeouts.
#[test]
fn terraform_leaves_nothing_for_a_second_plan_to_change() {
    for (case, design) in all_designs() {
        let plan = plan(&design);
        let tf = parse_hcl(&Format::Terraform.render(&design, &plan));
        let resources = tf.json["resource"].as_object().unwrap();
        for kind in resources.keys() {
            assert!(
                [
                    "azurerm_virtual_network",
                    "azurerm_network_security_group",
                    "azurerm_route_table",
                    "azurerm_subnet",
                    "azurerm_subnet_network_security_group_association",
                    "azurerm_subnet_route_table_association",
                    "azapi_resource",
                ]
                .contains(&kind.as_str()),
                "{case}: {kind}"
            );
        }
        if let Some(vnet) = resources.get("azurerm_virtual_network") {
            assert!(
                vnet["ise"].get("subnet").is_none(),
                "{case}: inline subnets"
            );
        }
        for subnet in resources["azurerm_subnet"]
            .as_object()
            .into_iter()
            .flat_map(|o| o.values())
        {
            if subnet["delegation"].is_object() {
                assert_eq!(
                    subnet["delegation"]["service_delegation"]["actions"],
                    json!([ise_planner::export::terraform::DELEGATION_ACTION]),
                    "{case}"
                );
            }
            for attribute in ["network_security_group_id", "route_table_id"] {
                assert!(subnet.get(attribute).is_none(), "{case}: {attribute}");
            }
        }
        for (label, r) in resources
            .get("azapi_resource")
            .and_then(|r| r.as_object())
            .into_iter()
            .flatten()
        {
            assert!(r["timeouts"].is_object(), "{case}: {label}");
        }
    }
}
