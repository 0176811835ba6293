//! The Logic Apps Standard deployment files (ARM, Bicep, Terraform, Azure CLI, PowerShell,
//! CSV), end to end, with the ISE exports' checks:
//!
//! - Golden files: `tests/exports-standard/<case>/` holds each case's `design.json`, the five
//!   files exactly as `ise-plan --target standard --emit <format>` prints them, and one CSV
//!   per Standard table.
//! - Every file of every case is parsed by its language's grammar (ARM expressions,
//!   tree-sitter Bicep and PowerShell, hcl-rs, `bash -n` and shellcheck), and holds exactly
//!   the plan's NSG rules.
//! - Hostile names reach each language as exactly one string literal; `deploy.sh` runs
//!   against the stateful stub `az`, which records every argument.
//! - `deploy.sh` runs twice: the second run creates nothing, changes nothing, drops nothing
//!   (the private DNS zone and link `create`s fail on existing ones, a site's PUT would drop
//!   its settings: the stub says so); `deploy.ps1`'s guards are checked in its tree.
//! - A design with errors: the scripts stop unless forced, the templates need a parameter.
//!
//! After an intended change of the output: `UPDATE_GOLDEN=1 cargo test --test exports_standard`
//! and review `git diff tests/exports-standard`.

use ise_planner::design::{AccessEndpoint, Cloud, Design, ForcedTunneling, Hosting, NextHop};
use ise_planner::export::standard::tables::StandardTable;
use ise_planner::export::standard::target::StandardTarget;
use ise_planner::export::standard::{self, arm as standard_arm, csv};
use ise_planner::export::{azcli, Format};
use ise_planner::migrate;
use ise_planner::standard::plan::StandardPlan;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

mod support;
use support::*;

// ---------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------

const QUOTES: &str = "q'\"`’‘‚‛“”";

/// An Internal ISE replaced by a new logic app on a WS1 plan with a new storage account.
fn internal() -> Design {
    Design::default()
}

/// External, with callers and connector addresses (access restrictions); the logic app and
/// its storage account exist already.
fn external_existing() -> Design {
    let mut d = Design {
        access_endpoint: AccessEndpoint::External,
        caller_addresses: vec!["203.0.113.0/24".into()],
        connector_outbound_addresses: vec!["52.174.88.118/32".into()],
        ..Design::default()
    };
    d.standard.logic_app.name = "contoso-workflows".into();
    d.standard.logic_app.is_new = false;
    d.standard.storage_account.name = "contosoworkflowsst".into();
    d.standard.storage_account.is_new = false;
    d
}

/// ExpressRoute with forced tunneling, on a new virtual network.
fn expressroute_new_vnet() -> Design {
    let mut d = Design {
        forced_tunneling: ForcedTunneling::ExpressRoute,
        ..Design::default()
    };
    d.vnet.is_new = true;
    d.vnet.name = "standard-vnet".into();
    d.vnet.address_prefixes = vec!["10.30.0.0/24".into()];
    d
}

/// Forced tunneling through a firewall, the VNet in its own resource group.
fn firewall_other_group() -> Design {
    let mut d = Design {
        forced_tunneling: ForcedTunneling::Firewall,
        ..Design::default()
    };
    d.firewall.next_hop = NextHop::VirtualAppliance;
    d.firewall.appliance_ip = "10.0.3.4".into();
    d.vnet.resource_group = "network-rg".into();
    d
}

/// Azure Government, three custom DNS servers (the third cannot be carried).
fn government_dns() -> Design {
    Design {
        cloud: Cloud::Government,
        location: "usgovvirginia".into(),
        dns_servers: vec!["10.0.2.4".into(), "10.0.2.5".into(), "10.0.2.6".into()],
        ..Design::default()
    }
}

/// The new subnets in the ISE's space, once the ISE is deleted.
fn reuse() -> Design {
    let mut d = Design::default();
    d.standard.reuse_ise_space = true;
    d
}

/// An internal App Service Environment v3.
fn ase() -> Design {
    let mut d = Design::default();
    d.standard.hosting = Hosting::AppServiceEnvironment;
    d.standard.ase_name = "contoso-ase".into();
    d
}

/// Hostile text in every name (the planner reports most as errors; the files stay safe).
fn hostile_names() -> Design {
    let mut d = Design {
        subscription_id: format!("--debug{QUOTES}$(touch pwned-subscription)"),
        resource_group: "rg;&|$(touch pwned-rg)`touch pwned-rg2`\ttab\rcr\nlf".into(),
        location: "West Europe'; touch pwned-location".into(),
        ..Design::default()
    };
    d.vnet.name = format!("vnet\n'@\n{}\n--flag\n#{QUOTES}", azcli::BODY_DELIMITER);
    let s = &mut d.standard;
    s.logic_app.name = format!("[app]{QUOTES}${{HOME}}%{{x}}");
    // Within the 24 characters Azure allows (a longer name is replaced by the default).
    s.storage_account.name = "st'$(touch pwned)`x`".into();
    s.plan_name = "plan'; touch pwned-plan; '".into();
    s.integration_subnet.name = format!("sub{QUOTES}$(touch pwned-subnet)");
    s.private_endpoint_subnet.name =
        "[concat('x')]\u{7}ünïcødé-网络-😀 --name\u{0}nul\r\n'@".into();
    d
}

type Case = (&'static str, fn() -> Design);

const CASES: &[Case] = &[
    ("internal", internal),
    ("external-existing", external_existing),
    ("expressroute-new-vnet", expressroute_new_vnet),
    ("firewall-other-group", firewall_other_group),
    ("government-dns", government_dns),
    ("reuse", reuse),
    ("ase", ase),
    ("hostile-names", hostile_names),
];

fn standard_plan(design: &Design) -> StandardPlan {
    migrate::plan(design).standard
}

fn render_all(design: &Design, plan: &StandardPlan) -> Vec<(Format, String)> {
    Format::ALL
        .into_iter()
        .map(|f| (f, standard::render(f, design, plan)))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Golden files and the CLI
// ---------------------------------------------------------------------------------------

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/exports-standard")
}

/// Every file of a case: its design, the five deployment files, one CSV per table.
fn files_of(design: &Design) -> Vec<(String, String)> {
    let plan = standard_plan(design);
    let mut files = vec![("design.json".to_string(), design.to_json() + "\n")];
    for (format, text) in render_all(design, &plan) {
        files.push((standard::file_name(format).to_string(), text));
    }
    for table in StandardTable::ALL {
        files.push((csv::file_name(table), csv::plan_table(&plan, table)));
    }
    files
}

#[test]
fn standard_files_match_the_goldens() {
    let mut failures = Vec::new();
    for (case, make) in CASES {
        let dir = golden_dir().join(case);
        compare_with_goldens(
            &dir,
            "exports-standard",
            case,
            files_of(&make()),
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{}\n\nIf intended: UPDATE_GOLDEN=1 cargo test --test exports_standard, then review git diff tests/exports-standard.",
        failures.join("\n")
    );
}

/// `ise-plan --target standard` prints the goldens byte for byte, and exits 1 exactly when
/// the Standard plan has errors.
#[test]
fn the_cli_prints_the_goldens() {
    if updating() {
        return;
    }
    for (case, make) in CASES {
        let dir = golden_dir().join(case);
        let design_path = dir.join("design.json");
        let has_errors = standard_plan(&make()).has_errors();
        let run = |args: &[&str]| {
            Command::new(env!("CARGO_BIN_EXE_ise-plan"))
                .args([
                    "--design",
                    design_path.to_str().unwrap(),
                    "--target",
                    "standard",
                ])
                .args(args)
                .output()
                .expect("run ise-plan")
        };
        for format in Format::ALL {
            let out = run(&["--emit", emit_name(format)]);
            assert_eq!(
                out.status.code(),
                Some(i32::from(has_errors)),
                "{case} {format:?}"
            );
            let expected = std::fs::read(dir.join(format.file_name())).unwrap();
            assert!(
                out.stdout == expected,
                "{case} --emit {}",
                emit_name(format)
            );
        }
        for table in [StandardTable::PrivateEndpoints, StandardTable::NsgRules] {
            let out = run(&["--emit", "csv", "--table", table.name()]);
            let expected = std::fs::read(dir.join(csv::file_name(table))).unwrap();
            assert!(out.stdout == expected, "{case} --table {}", table.name());
        }
    }
}

// ---------------------------------------------------------------------------------------
// Grammars, rules and hostile names
// ---------------------------------------------------------------------------------------

/// The variables the Standard PowerShell script may use (an unexpected one would be a
/// value that escaped its quotes).
const POWERSHELL_VARIABLES: &[&str] = &[
    "$ErrorActionPreference",
    "$Force",
    "$TimeoutMinutes",
    "$PollSeconds",
    "$null",
    "$true",
    "$false",
    "$_",
    "$vnet",
    "$iseSubnet",
    "$rules",
    "$rule",
    "$old",
    "$nsg1",
    "$routes",
    "$route",
    "$routeTable",
    "$delegation",
    "$subnet",
    "$storage",
    "$zone",
    "$link",
    "$endpointSubnet",
    "$connection",
    "$endpoint",
    "$zoneConfig",
    "$plan",
    "$planBody",
    "$response",
    "$share",
    "$site",
    "$storageKey",
    "$siteBody",
    "$siteNetwork",
    "$siteAccess",
    "$asePath",
    "$aseBody",
    "$state",
    "$started",
    "$minutes",
    "$failure",
    "$message",
];

fn parse_powershell(text: &str) -> PowerShellFile {
    parse_powershell_with(text, POWERSHELL_VARIABLES)
}

fn parse_arm(text: &str) -> ArmFile {
    parse_arm_with(text, standard_arm::FUNCTIONS)
}

/// The NSG rules a file holds, as `(name, priority)`, read back in its own language.
fn rules_in(format: Format, design: &Design, text: &str, dir: &Path) -> BTreeSet<(String, String)> {
    let mut rules = BTreeSet::new();
    let mut add = |name: &Value, priority: &Value| {
        rules.insert((
            name.as_str().unwrap_or_default().to_string(),
            priority.to_string(),
        ));
    };
    match format {
        Format::Arm => {
            for r in arm_resources(&parse_arm(text).template) {
                for rule in r["properties"]["securityRules"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    add(&rule["name"], &rule["properties"]["priority"]);
                }
            }
        }
        Format::Bicep => {
            for (_, _, _, body) in parse_bicep(text).resources {
                for rule in body["properties"]["securityRules"]
                    .as_array()
                    .into_iter()
                    .flatten()
                {
                    add(&rule["name"], &rule["properties"]["priority"]);
                }
            }
        }
        Format::Terraform => {
            let json = parse_hcl(text).json;
            for nsg in json["resource"]["azurerm_network_security_group"]
                .as_object()
                .into_iter()
                .flatten()
            {
                for rule in blocks(&nsg.1["security_rule"]) {
                    add(&rule["name"], &rule["priority"]);
                }
            }
        }
        Format::AzCli => {
            let script = dir.join("deploy.sh");
            std::fs::write(&script, text).unwrap();
            check_bash_syntax(&script);
            let run = stub_for(design).run(text, &["--force"]);
            run.assert_clean("rules");
            for call in run
                .calls
                .iter()
                .filter(|c| subcommand(c) == "network nsg rule create")
            {
                let o = options(call);
                rules.insert((
                    option(&o, "name")[0].clone(),
                    option(&o, "priority")[0].clone(),
                ));
            }
        }
        Format::PowerShell => {
            for (name, params) in parse_powershell(text).calls {
                if name == "New-AzNetworkSecurityRuleConfig" {
                    let get = |p: &str| {
                        params
                            .iter()
                            .find(|(k, _)| k == p)
                            .map(|(_, v)| v[0].clone())
                            .unwrap()
                    };
                    rules.insert((get("-Name"), get("-Priority")));
                }
            }
        }
    }
    rules
}

#[test]
fn every_file_parses_and_holds_exactly_the_plans_rules() {
    for (case, make) in CASES {
        let design = make();
        let plan = standard_plan(&design);
        let want: BTreeSet<(String, String)> = plan
            .nsg_rules
            .iter()
            .map(|r| (r.name.to_string(), r.priority.to_string()))
            .collect();
        let dir = temp_dir("standard-grammar");
        for (format, text) in render_all(&design, &plan) {
            let got = rules_in(format, &design, &text, &dir);
            assert_eq!(got, want, "{case} {format:?}");
            // bash 3.2 (macOS's) reads a here-document inside `$(…)` as code, quotes and all:
            // the script must not have one. (This machine's bash 5 would parse it.)
            if format == Format::AzCli {
                assert!(
                    !text.contains("$(cat <<"),
                    "{case}: a here-document inside $(…)"
                );
            }
        }
    }
}

/// What each hostile value must arrive as: one literal.
fn hostile_values(design: &Design, plan: &StandardPlan) -> Vec<(&'static str, String)> {
    let t = StandardTarget::new(design, plan);
    let mut values = vec![
        ("vnet name", t.vnet.name.to_string()),
        ("storage account", t.storage.name.to_string()),
        ("location", t.location.clone()),
    ];
    for s in t.placed_subnets() {
        values.push(("subnet name", s.name.to_string()));
    }
    values
}

#[test]
fn hostile_names_stay_data_in_every_format() {
    let design = hostile_names();
    let plan = standard_plan(&design);
    assert!(plan.has_errors(), "validation flags hostile names");
    let t = StandardTarget::new(&design, &plan);
    assert_eq!(t.placed_subnets().count(), 2);
    let values = hostile_values(&design, &plan);
    let app = design.standard.logic_app.name.trim().to_string();
    let arm = parse_arm(&standard::render(Format::Arm, &design, &plan));
    let bicep = parse_bicep(&standard::render(Format::Bicep, &design, &plan));
    let tf = parse_hcl(&standard::render(Format::Terraform, &design, &plan));
    let ps = parse_powershell(&standard::render(Format::PowerShell, &design, &plan));
    for (what, v) in values.iter().chain([("logic app", app.clone())].iter()) {
        assert!(arm.strings.contains(v), "ARM lost the {what} {v:?}");
        assert!(bicep.strings.contains(v), "Bicep lost the {what} {v:?}");
        assert!(tf.strings.contains(v), "Terraform lost the {what} {v:?}");
        assert!(
            ps.strings.contains(&as_argument(v)),
            "PowerShell lost the {what} {v:?}"
        );
    }
    // bash: run it; every value arrives whole, nothing else runs.
    let script = standard::render(Format::AzCli, &design, &plan);
    let run = stub_for(&design).run(&script, &["--force"]);
    run.assert_clean("hostile names");
    assert!(run.left.is_empty(), "the script created {:?}", run.left);
    let arguments: BTreeSet<String> = run
        .calls
        .iter()
        .flat_map(|c| options(c))
        .flat_map(|(_, v)| v)
        .collect();
    for (what, v) in &values {
        assert!(
            arguments.contains(&as_argument(v)),
            "bash lost the {what} {v:?}"
        );
    }
    let site_put = run
        .calls
        .iter()
        .find(|c| {
            subcommand(c) == "rest"
                && option(&options(c), "method") == ["put"]
                && option(&options(c), "url")[0].contains("/Microsoft.Web/sites/")
        })
        .expect("the site's PUT");
    let body: Value = serde_json::from_str(&option(&options(site_put), "body")[0])
        .expect("the site's body is JSON");
    let storage = body["properties"]["siteConfig"]["appSettings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "AzureWebJobsStorage")
        .unwrap();
    assert_eq!(
        storage["value"],
        format!("DefaultEndpointsProtocol=https;AccountName={};AccountKey=c3R1Yi1rZXk=;EndpointSuffix=core.windows.net", t.storage.name),
        "the key goes where it belongs, the hostile name stays a name"
    );
    for call in &run.calls {
        let sub = subcommand(call);
        assert!(
            KNOWN_COMMANDS.contains(&sub.as_str()),
            "unexpected az call {call:?}"
        );
    }
}

/// Every `az` command a Standard script may run.
const KNOWN_COMMANDS: &[&str] = &[
    "account set",
    "network nsg show",
    "network nsg create",
    "network nsg rule create",
    "network route-table show",
    "network route-table create",
    "network route-table route create",
    "network vnet show",
    "network vnet create",
    "network vnet subnet show",
    "network vnet subnet create",
    "network vnet subnet update",
    "storage account show",
    "storage account create",
    "storage account update",
    "storage account keys list",
    "storage share-rm show",
    "storage share-rm create",
    "network private-dns zone show",
    "network private-dns zone create",
    "network private-dns link vnet show",
    "network private-dns link vnet create",
    "network private-endpoint show",
    "network private-endpoint create",
    "network private-endpoint dns-zone-group create",
    "appservice plan show",
    "logicapp show",
    "logicapp config appsettings set",
    "rest",
    "monitor activity-log list",
];

// ---------------------------------------------------------------------------------------
// deploy.sh against the stateful stub
// ---------------------------------------------------------------------------------------

/// A stub whose Azure holds what the design says exists: the VNet (without the ISE's subnets
/// when their space is reused: the ISE is gone), an existing storage account and logic app
/// (with a setting of its own, which must survive).
fn stub_for(design: &Design) -> Stub {
    let plan = standard_plan(design);
    let t = StandardTarget::new(design, &plan);
    let mut initial = json!({});
    if !t.vnet.is_new {
        let ise: serde_json::Map<String, Value> = t
            .ise_subnets
            .iter()
            .filter(|_| !t.reuse)
            .map(|(name, prefix)| (name.to_string(), json!({"addressPrefixes": [prefix]})))
            .collect();
        initial["vnets"] = json!({
            format!("{}/{}", t.vnet.resource_group, t.vnet.name): {
                "addressPrefixes": design.vnet.address_prefixes,
                "dnsServers": t.vnet.dns_servers,
                "subnets": ise
            }
        });
    }
    if !t.storage.is_new {
        initial["storage"] = json!({ format!("{}/{}", t.resource_group, t.storage.name): {} });
    }
    if let Some(app) = t.app.as_ref().filter(|a| !a.site.is_new) {
        initial["sites"] = json!({ format!("{}/{}", t.resource_group, app.site.name): {"properties": {}, "appSettings": {"MY_SETTING": "kept"}} });
    }
    Stub::with_initial(initial)
}

/// deploy.sh run twice: the second run exits 0, creates nothing that exists (the stub fails
/// a zone or link `create` of an existing one), changes nothing, drops nothing, and never
/// sends a logic app's or environment's PUT again.
#[test]
fn deploy_sh_runs_twice_and_the_second_run_changes_nothing() {
    for (case, make) in CASES {
        let design = make();
        let plan = standard_plan(&design);
        let script = standard::render(Format::AzCli, &design, &plan);
        let stub = stub_for(&design);
        let first = stub.run(&script, &["--force"]);
        first.assert_clean(case);
        let after_first = without_polls(stub.state());
        let second = stub.run(&script, &["--force"]);
        second.assert_clean(case);
        for e in &second.events {
            assert!(
                !(e["op"] == "create" && e["existed"] == true),
                "{case}: created again: {e}"
            );
            assert!(e["op"] != "put", "{case}: a PUT sent again: {e}");
            assert_eq!(e["changed"], false, "{case}: the second run changed {e}");
            assert_eq!(e["dropped"], json!([]), "{case}: {e}");
        }
        let state = without_polls(stub.state());
        assert_eq!(state, after_first, "{case}");
        // The first run made what the plan has.
        let count = |table: &str| state[table].as_object().map_or(0, |o| o.len());
        assert_eq!(count("endpoints"), plan.private_endpoints.len(), "{case}");
        assert_eq!(count("zone_groups"), plan.private_endpoints.len(), "{case}");
        assert_eq!(count("zones"), plan.dns_zones.len(), "{case}");
        assert_eq!(count("links"), plan.dns_zones.len(), "{case}");
        let storage = state["storage"]
            .as_object()
            .unwrap()
            .values()
            .next()
            .unwrap();
        assert_eq!(
            storage["public-network-access"],
            json!(["Disabled"]),
            "{case}"
        );
        assert_eq!(storage["default-action"], json!(["Deny"]), "{case}");
        assert_eq!(storage["bypass"], json!(["AzureServices"]), "{case}");
        // On a Workflow Standard plan the script makes the site or writes to it; in an
        // environment the plan and app are left to the user (INCOMPLETE).
        let site = state["sites"].as_object().and_then(|o| o.values().next());
        assert_eq!(
            site.is_some(),
            design.standard.hosting == Hosting::WorkflowStandard,
            "{case}: the site"
        );
        if let Some(site) = site {
            assert_eq!(
                site["properties"]["outboundVnetRouting"]["allTraffic"], true,
                "{case}"
            );
            assert_eq!(
                site["appSettings"]["WEBSITE_CONTENTOVERVNET"], "1",
                "{case}"
            );
            if !design.standard.logic_app.is_new {
                assert_eq!(
                    site["appSettings"]["MY_SETTING"], "kept",
                    "{case}: settings merged"
                );
            }
        }
    }
}

/// The stub's state without its count of polls.
fn without_polls(mut state: Value) -> Value {
    if let Some(long) = state["ise"].as_object_mut() {
        for entry in long.values_mut() {
            entry.as_object_mut().unwrap().remove("gets");
        }
    }
    state
}

/// With the ISE's space reused, the script stops before it changes anything while one of the
/// ISE's subnets exists, and says what to do.
#[test]
fn deploy_sh_stops_while_the_ises_subnets_exist() {
    let design = reuse();
    let plan = standard_plan(&design);
    let t = StandardTarget::new(&design, &plan);
    let script = standard::render(Format::AzCli, &design, &plan);
    let subnets: serde_json::Map<String, Value> = t
        .ise_subnets
        .iter()
        .map(|(name, prefix)| (name.to_string(), json!({"addressPrefixes": [prefix]})))
        .collect();
    let stub = Stub::with_initial(
        json!({"vnets": {"ise-rg/ise-vnet": {"addressPrefixes": ["10.0.0.0/22"], "dnsServers": [], "subnets": subnets}}}),
    );
    let run = stub.run(&script, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the ISE's subnet ise-subnet-1 (10.0.0.0/27) still exists"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Delete the ISE first"),
        "{}",
        run.stderr
    );
    assert!(run.events.is_empty(), "nothing written: {:?}", run.events);
}

/// The App Service Environment: the script says it may take hours, polls it with a line
/// every poll until Succeeded, stops on Failed and at the time-out.
#[test]
fn deploy_sh_waits_for_the_environment() {
    let design = ase();
    let plan = standard_plan(&design);
    let script = standard::render(Format::AzCli, &design, &plan);
    let run = stub_for(&design)
        .set("AZ_STUB_ISE_STATES", "InProgress*90,Succeeded")
        .run(&script, &[]);
    run.assert_clean("ninety minutes InProgress");
    assert!(run
        .stdout
        .contains("creating the App Service Environment may take hours"));
    assert_eq!(run.sleeps, 90);
    assert!(run.stdout.contains(
        "the App Service Environment is ready (provisioningState Succeeded) after 90 minutes"
    ));
    let run = stub_for(&design)
        .set("AZ_STUB_ISE_STATES", "InProgress,Failed")
        .set("AZ_STUB_FAILURE_MESSAGE", "The subnet is not delegated.")
        .run(&script, &[]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("provisioningState Failed: The subnet is not delegated."),
        "{}",
        run.stderr
    );
    let run = stub_for(&design)
        .set("AZ_STUB_ISE_STATES", "InProgress")
        .run(&script, &["--timeout-minutes=2"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("gave up waiting after 2 minutes"),
        "{}",
        run.stderr
    );
}

/// A design with errors: the scripts stop at the top unless forced; the templates need the
/// parameter or variable set to deploy. A clean design has neither.
#[test]
fn files_of_a_design_with_errors_refuse_to_deploy() {
    let mut design = internal();
    design.standard.storage_account.name = "Not A Storage Name".into();
    let plan = standard_plan(&design);
    assert!(plan.has_errors());
    let reason = "NOT READY: the design has errors (standard-name-invalid)";
    let script = standard::render(Format::AzCli, &design, &plan);
    let refused = stub_for(&design).run(&script, &[]);
    assert_eq!(refused.code, Some(1));
    assert!(
        refused.stderr.contains(reason) && refused.stderr.contains("--force"),
        "{}",
        refused.stderr
    );
    assert!(refused.calls.is_empty(), "nothing ran: {:?}", refused.calls);
    stub_for(&design)
        .run(&script, &["--force"])
        .assert_clean("--force");
    let ps = standard::render(Format::PowerShell, &design, &plan);
    let check = ps.find("if (-not $Force) {\n  throw 'deploy.ps1: NOT READY: the design has errors (standard-name-invalid)").expect("the refusal");
    assert!(check < ps.find("Set-AzContext").unwrap());
    let arm = parse_arm(&standard::render(Format::Arm, &design, &plan));
    let parameter = &arm.template["parameters"]["deployDespiteErrors"];
    assert_eq!(
        (parameter["type"].as_str(), &parameter["allowedValues"]),
        (Some("bool"), &json!([true]))
    );
    assert!(parameter.get("defaultValue").is_none());
    let bicep = standard::render(Format::Bicep, &design, &plan);
    assert!(bicep.contains("@allowed([\n  true\n])\nparam deployDespiteErrors bool\n"));
    let tf = parse_hcl(&standard::render(Format::Terraform, &design, &plan));
    assert_eq!(
        tf.json["variable"]["deploy_despite_errors"]["validation"]["condition"],
        "${var.deploy_despite_errors}"
    );

    let clean = internal();
    let plan = standard_plan(&clean);
    assert!(!plan.has_errors());
    for (format, text) in render_all(&clean, &plan) {
        for refusal in [
            "NOT READY: the design",
            "deployDespiteErrors",
            "deploy_despite_errors",
            "if [ \"$force\" != 1 ]",
            "if (-not $Force)",
        ] {
            assert!(!text.contains(refusal), "{format:?}: {refusal}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// deploy.ps1's guards, in its tree (PowerShell cannot be installed here)
// ---------------------------------------------------------------------------------------

/// Every `New-Az*` that makes a resource is in the `then` branch of `if ($null -eq $x)`,
/// where `$x` was just read by a `Get-` with `-ErrorAction SilentlyContinue`; the plan's and
/// site's PUTs likewise; the environment's PUT behind its state.
#[test]
fn deploy_ps1_looks_before_it_creates() {
    let builders = [
        "New-AzNetworkSecurityRuleConfig",
        "New-AzRouteConfig",
        "New-AzDelegation",
        "New-AzPrivateLinkServiceConnection",
        "New-AzPrivateDnsZoneConfig",
        "New-AzPrivateDnsZoneGroup",
    ];
    for (case, make) in CASES {
        let design = make();
        let plan = standard_plan(&design);
        let text = standard::render(Format::PowerShell, &design, &plan);
        let tree = tree_sitter_parse(tree_sitter_powershell::LANGUAGE.into(), &text);
        assert!(syntax_errors(&tree, &text).is_empty(), "{case}");
        parse_powershell(&text);
        for (name, node) in ps_commands(&tree, &text) {
            let call = node_text(node, &text);
            let creates = name.starts_with("New-Az") && !builders.contains(&name.as_str());
            let puts = name == "Invoke-AzRestMethod" && call.contains("-Method 'PUT'");
            if !creates && !puts {
                continue;
            }
            let (condition, in_else) = enclosing_if(node, &text)
                .unwrap_or_else(|| panic!("{case}: {call} is not behind a check"));
            assert!(!in_else, "{case}: {call} in an else branch");
            if call.contains("$aseBody") {
                assert_eq!(
                    condition, "$null -eq $state -or $state -eq 'Failed' -or $state -eq 'Canceled'",
                    "{case}"
                );
                continue;
            }
            let variable = condition
                .strip_prefix("$null -eq ")
                .unwrap_or_else(|| panic!("{case}: {call} behind {condition}"));
            let before = &text[..node.start_byte()];
            let read = before
                .rfind(&format!("{variable} = Get-"))
                .unwrap_or_else(|| panic!("{case}: {call} without a Get- of {variable}"));
            assert!(
                before[read..].contains(&format!(
                    "-ErrorAction SilentlyContinue\nif ($null -eq {variable}) {{"
                )),
                "{case}: {call}"
            );
        }
    }
}

/// The Terraform configuration, reviewed for what would make a second plan show changes:
/// rules and routes inline only, delegations with the actions Azure sets, an environment
/// with hours-long timeouts.
#[test]
fn terraform_leaves_nothing_for_a_second_plan_to_change() {
    for (case, make) in CASES {
        let design = make();
        let tf = parse_hcl(&standard::render(
            Format::Terraform,
            &design,
            &standard_plan(&design),
        ));
        let resources = tf.json["resource"].as_object().unwrap();
        for kind in [
            "azurerm_network_security_rule",
            "azurerm_route",
            "azurerm_virtual_network_dns_servers",
        ] {
            assert!(!resources.contains_key(kind), "{case}: {kind}");
        }
        for subnet in resources["azurerm_subnet"]
            .as_object()
            .into_iter()
            .flat_map(|o| o.values())
        {
            if subnet["delegation"].is_object() {
                assert_eq!(
                    subnet["delegation"]["service_delegation"]["actions"],
                    json!(["Microsoft.Network/virtualNetworks/subnets/action"]),
                    "{case}"
                );
            }
        }
        let ase = resources.get("azurerm_app_service_environment_v3");
        assert_eq!(
            ase.is_some(),
            design.standard.hosting == Hosting::AppServiceEnvironment,
            "{case}: the environment"
        );
        if let Some(ase) = ase {
            assert_eq!(ase["standard"]["timeouts"]["create"], "6h", "{case}");
        }
    }
}
