//! End-to-end tests of the `ise-plan` command-line tool: the real binary, spawned with
//! `std::process::Command`, checked on exit status, stdout (JSON) and stderr (findings and
//! usage messages).

use serde_json::Value;
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_ise-plan");

/// What one run of the binary gave.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// stdout as JSON; fails the test with both streams when it is not.
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e})\n--- stdout\n{}\n--- stderr\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// Exit status 2, a message on stderr, nothing on stdout, and no panic.
    fn assert_usage_error(&self, what: &str) {
        assert_eq!(self.code, 2, "{what}: exit status\n{}", self.stderr);
        assert!(
            !self.stderr.trim().is_empty(),
            "{what}: a message on stderr"
        );
        assert!(
            self.stdout.trim().is_empty(),
            "{what}: nothing on stdout, got {}",
            self.stdout
        );
        self.assert_no_panic(what);
    }

    fn assert_no_panic(&self, what: &str) {
        for text in ["panicked", "RUST_BACKTRACE", "stack backtrace"] {
            assert!(
                !self.stderr.contains(text) && !self.stdout.contains(text),
                "{what}: panic text {text:?} in the output\n{}",
                self.stderr
            );
        }
    }
}

fn run_with_stdin(args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        // A panic would print its backtrace; the tests look for it.
        .env("RUST_BACKTRACE", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ise-plan");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        pipe.write_all(text.as_bytes()).expect("write stdin");
    }
    let out = child.wait_with_output().expect("wait for ise-plan");
    Run {
        code: out
            .status
            .code()
            .expect("exit status (not killed by a signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    run_with_stdin(args, None)
}

/// A run expected to succeed with exit status 0.
fn ok(args: &[&str]) -> Value {
    let r = run(args);
    assert_eq!(r.code, 0, "ise-plan {args:?}\n{}", r.stderr);
    r.assert_no_panic("successful run");
    r.json()
}

/// A run whose output is wanted whatever the findings (exit 0 or 1, never 2).
fn output(args: &[&str]) -> Value {
    let r = run(args);
    assert!(
        r.code == 0 || r.code == 1,
        "ise-plan {args:?}\n{}",
        r.stderr
    );
    r.assert_no_panic("run");
    r.json()
}

/// A file in a fresh per-test directory, removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "ise-plan-cli-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        let path = dir.join(name);
        std::fs::write(&path, contents).expect("write temp file");
        TempFile(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn rule<'a>(nsg: &'a Value, name: &str) -> &'a Value {
    nsg.as_array()
        .expect("nsg is an array")
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no NSG rule {name} in {nsg:#}"))
}

fn prefixes(plan: &Value) -> Vec<String> {
    plan["subnets"]
        .as_array()
        .expect("subnets array")
        .iter()
        .map(|s| s["prefix"].as_str().unwrap_or("<none>").to_string())
        .collect()
}

// --- the default run and each --emit ---

#[test]
fn default_run_prints_the_plan() {
    let plan = ok(&[]);
    let findings = plan["findings"].as_array().expect("findings array");
    for f in findings {
        for key in ["severity", "code", "field", "message"] {
            assert!(f[key].is_string(), "finding {f} lacks string {key}");
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap()));
    }
    let subnets = plan["subnets"].as_array().expect("subnets array");
    assert_eq!(subnets.len(), 4);
    for s in subnets {
        assert!(s["name"].as_str().is_some_and(|n| !n.is_empty()), "{s}");
        let prefix = s["prefix"].as_str().expect("prefix");
        assert!(prefix.ends_with("/27"), "{prefix}");
    }
    // Same as asking for it by name.
    assert_eq!(ok(&["--emit", "plan"]), plan);
}

#[test]
fn emit_rest_body() {
    let body = ok(&["--emit", "rest-body"]);
    assert_eq!(
        body["type"],
        "Microsoft.Logic/integrationServiceEnvironments"
    );
    assert_eq!(body["name"], "ise-1");
    assert_eq!(body["sku"]["name"], "Premium");
    assert!(body["sku"]["capacity"].is_i64());
    assert_eq!(
        body["properties"]["networkConfiguration"]["accessEndpoint"]["type"],
        "Internal"
    );
    assert_eq!(
        body["properties"]["networkConfiguration"]["subnets"]
            .as_array()
            .map(Vec::len),
        Some(4)
    );
    assert!(body["properties"].get("certificates").is_none());
}

#[test]
fn emit_rest_request() {
    let req = ok(&["--emit", "rest-request"]);
    assert_eq!(req["method"], "PUT");
    assert_eq!(
        req["url"],
        "https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ise-rg/providers/Microsoft.Logic/integrationServiceEnvironments/ise-1?api-version=2019-05-01"
    );
    assert_eq!(req["headers"]["Content-Type"], "application/json");
    assert!(req["headers"]["Authorization"]
        .as_str()
        .is_some_and(|a| a.starts_with("Bearer ")));
    assert_eq!(req["body"], ok(&["--emit", "rest-body"]));
}

#[test]
fn emit_nsg() {
    let nsg = ok(&["--emit", "nsg"]);
    let rules = nsg.as_array().expect("an array of rules");
    assert!(!rules.is_empty());
    let mut names = HashSet::new();
    let mut priorities: HashSet<(String, u64)> = HashSet::new();
    let mut directions = HashSet::new();
    for r in rules {
        let keys: Vec<&String> = r.as_object().expect("rule object").keys().collect();
        assert_eq!(keys, ["name", "properties"], "{r}");
        let name = r["name"].as_str().expect("name");
        assert!(names.insert(name.to_string()), "duplicate rule name {name}");
        let p = &r["properties"];
        let direction = p["direction"].as_str().expect("direction").to_string();
        assert!(direction == "Inbound" || direction == "Outbound", "{r}");
        let priority = p["priority"].as_u64().expect("priority");
        assert!((100..=4096).contains(&priority), "{r}");
        assert!(
            priorities.insert((direction.clone(), priority)),
            "priority {priority} twice in {direction}"
        );
        directions.insert(direction);
        assert_eq!(p["access"], "Allow");
        assert_eq!(p["protocol"], "*");
        assert_eq!(p["sourcePortRange"], "*");
    }
    assert_eq!(directions.len(), 2, "both Inbound and Outbound");
}

#[test]
fn emit_routes_without_and_with_forced_tunneling() {
    assert_eq!(ok(&["--emit", "routes"]), serde_json::json!([]));
    let routes = output(&["--emit", "routes", "--forced-tunneling"]);
    let first = &routes.as_array().expect("routes array")[0];
    assert_eq!(first["properties"]["addressPrefix"], "0.0.0.0/0");
    assert_eq!(first["properties"]["nextHopType"], "Internet");
    assert!(first["name"].is_string());
}

#[test]
fn emitted_design_loads_back_to_the_same_plan() {
    let flags = [
        "--vnet-prefix",
        "10.20.0.0/16",
        "--vnet-prefix",
        "172.16.0.0/24",
        "--existing-subnet",
        "10.20.0.0/24",
        "--subnet",
        "front=10.20.9.0/27",
        "--access",
        "external",
        "--sku",
        "developer",
        "--name",
        "contoso-ise",
        "--location",
        "northeurope",
        "--subscription",
        "f34b22a3-2202-4fb1-b040-1332bd928c84",
        "--resource-group",
        "contoso-rg",
        "--vnet-name",
        "contoso-vnet",
        "--deploy",
        "portal",
        "--forced-tunneling",
        "--dns-server",
        "10.20.0.4",
    ];
    let direct = run(&[&flags[..], &["--emit", "plan"]].concat());
    let design = run(&[&flags[..], &["--emit", "design"]].concat());
    assert_eq!(design.code, direct.code);
    let design_json = design.json();
    assert_eq!(design_json["version"], 3);
    assert_eq!(design_json["name"], "contoso-ise");
    let file = TempFile::new("design.json", &design.stdout);
    let loaded = run(&["--design", file.path(), "--emit", "plan"]);
    assert_eq!(loaded.code, direct.code, "{}", loaded.stderr);
    assert_eq!(loaded.json(), direct.json());
    assert_eq!(loaded.stderr, direct.stderr, "the same findings");
    // And the design itself survives the round trip.
    let again = run(&["--design", file.path(), "--emit", "design"]);
    assert_eq!(again.json(), design_json);
}

#[test]
fn emitted_design_keeps_its_subnets_in_place_when_edited() {
    let flags = [
        "--vnet-prefix",
        "10.20.0.0/22",
        "--existing-subnet",
        "10.20.0.0/24",
    ];
    let plan = ok(&[&flags[..], &["--emit", "plan"]].concat());
    let mut design = ok(&[&flags[..], &["--emit", "design"]].concat());
    // The planner's placements are in the file.
    let placed: Vec<String> = design["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["placed"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(placed, prefixes(&plan));
    assert_eq!(placed[0], "10.20.1.0/27");
    // Pin subnet 2 where it is: the other three stay (without the placements, the rule
    // would move them to the next whole /25).
    design["subnets"][1]["prefix"] = placed[1].clone().into();
    let file = TempFile::new("design.json", &design.to_string());
    let edited = ok(&["--design", file.path(), "--emit", "plan"]);
    assert_eq!(prefixes(&edited), placed);
    for s in design["subnets"].as_array_mut().unwrap() {
        s["placed"] = "".into();
    }
    let file = TempFile::new("design.json", &design.to_string());
    let without = ok(&["--design", file.path(), "--emit", "plan"]);
    assert_ne!(prefixes(&without)[2], placed[2]);
    // Emitting the emitted design again changes nothing.
    let emitted = run(&[&flags[..], &["--emit", "design"]].concat()).stdout;
    let file = TempFile::new("design.json", &emitted);
    assert_eq!(
        run(&["--design", file.path(), "--emit", "design"]).stdout,
        emitted
    );
}

// --- exit status 1: the design has errors ---

#[test]
fn errors_exit_1_with_findings_on_stderr_and_json_on_stdout() {
    let r = run(&["--vnet-prefix", "10.0.1.0/22"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    r.assert_no_panic("host bits");
    let line = r
        .stderr
        .lines()
        .find(|l| l.starts_with("error[cidr-host-bits] vnet.addressPrefixes[0]: "))
        .unwrap_or_else(|| panic!("no host-bits error line in\n{}", r.stderr));
    assert!(
        line.contains("10.0.0.0/22"),
        "names the network meant: {line}"
    );
    let plan = r.json();
    assert!(plan["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["severity"] == "error" && f["code"] == "cidr-host-bits"));
    // The network meant is used, so the plan stays useful.
    assert_eq!(prefixes(&plan)[0], "10.0.0.0/27");
    // Every --emit still prints its output.
    for emit in ["rest-body", "rest-request", "nsg", "routes", "design"] {
        let r = run(&["--vnet-prefix", "10.0.1.0/22", "--emit", emit]);
        assert_eq!(r.code, 1, "--emit {emit}");
        r.json();
    }
}

#[test]
fn no_space_is_an_error_not_a_crash() {
    let r = run(&["--vnet-prefix", "10.0.0.0/26"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("error[allocation-no-space]"),
        "{}",
        r.stderr
    );
    let plan = r.json();
    assert_eq!(plan["subnets"].as_array().unwrap().len(), 4);
    assert!(plan["subnets"][3]["prefix"].is_null());
}

// --- exit status 2: bad usage or an unreadable design ---

#[test]
fn unknown_flag_exits_2() {
    run(&["--bogus"]).assert_usage_error("unknown flag");
    run(&["--emit", "yaml"]).assert_usage_error("unknown --emit value");
    run(&["--cloud", "mars"]).assert_usage_error("unknown --cloud value");
    run(&["--capacity", "lots"]).assert_usage_error("non-numeric --capacity");
    run(&["extra-positional"]).assert_usage_error("positional argument");
}

#[test]
fn subnet_without_equals_exits_2() {
    let r = run(&["--subnet", "ise-compute"]);
    r.assert_usage_error("--subnet without =");
    assert!(r.stderr.contains("NAME=CIDR"), "{}", r.stderr);
}

#[test]
fn five_subnets_exit_2() {
    let r = run(&[
        "--subnet",
        "a=10.0.0.0/27",
        "--subnet",
        "b=10.0.0.32/27",
        "--subnet",
        "c=10.0.0.64/27",
        "--subnet",
        "d=10.0.0.96/27",
        "--subnet",
        "e=10.0.0.128/27",
    ]);
    r.assert_usage_error("five --subnet flags");
    assert!(r.stderr.contains("four"), "{}", r.stderr);
}

#[test]
fn missing_design_file_exits_2() {
    let r = run(&["--design", "/nonexistent/ise-plan/design.json"]);
    r.assert_usage_error("missing design file");
    assert!(
        r.stderr.contains("/nonexistent/ise-plan/design.json"),
        "{}",
        r.stderr
    );
}

#[test]
fn design_that_is_not_json_exits_2() {
    for text in ["this is not json", "", "[1, 2, 3]", "{\"name\": "] {
        let file = TempFile::new("bad.json", text);
        let r = run(&["--design", file.path()]);
        r.assert_usage_error(&format!("design file {text:?}"));
        assert!(
            r.stderr.contains("not a design file")
                || r.stderr.contains("not an ISE Network Planner design"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn design_with_a_field_of_the_wrong_type_is_planned_with_a_warning() {
    let file = TempFile::new("shape.json", r#"{"version": 2, "subnets": 7}"#);
    let r = run(&["--design", file.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.assert_no_panic("wrong type");
    assert!(
        r.stderr.contains("warning") && r.stderr.contains("subnets has the wrong type"),
        "{}",
        r.stderr
    );
    assert_eq!(prefixes(&r.json()).len(), 4, "the default subnets");
}

#[test]
fn design_from_a_newer_version_exits_2() {
    let file = TempFile::new("new.json", r#"{"version": 99, "name": "future"}"#);
    let r = run(&["--design", file.path()]);
    r.assert_usage_error("version 99");
    assert!(r.stderr.contains("newer"), "{}", r.stderr);
    for version in ["0", "\"1\"", "-1", "1.5", "null"] {
        let file = TempFile::new("v.json", &format!(r#"{{"version": {version}}}"#));
        run(&["--design", file.path()]).assert_usage_error(&format!("version {version}"));
    }
}

#[test]
fn design_path_that_is_a_directory_exits_2() {
    let dir = std::env::temp_dir();
    run(&["--design", dir.to_str().unwrap()]).assert_usage_error("directory as design");
}

// --- reading designs ---

#[test]
fn design_from_stdin() {
    let text =
        r#"{"version": 1, "name": "from-stdin", "vnet": {"addressPrefixes": ["10.5.0.0/24"]}}"#;
    let r = run_with_stdin(&["--design", "-", "--emit", "plan"], Some(text));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let plan = r.json();
    assert_eq!(plan["rest"]["create"]["body"]["name"], "from-stdin");
    assert_eq!(prefixes(&plan)[0], "10.5.0.0/27");
    // Empty stdin is not a design.
    run_with_stdin(&["--design", "-"], Some("")).assert_usage_error("empty stdin");
}

#[test]
fn flags_override_the_design_file() {
    let file = TempFile::new(
        "design.json",
        r#"{
          "version": 1,
          "name": "from-file",
          "sku": "Developer",
          "accessEndpoint": "External",
          "connectorOutboundAddresses": ["52.1.2.0/28"],
          "vnet": {"name": "file-vnet", "addressPrefixes": ["10.9.0.0/16"], "existingSubnets": ["10.9.0.0/24"]},
          "dnsServers": ["10.9.0.4"]
        }"#,
    );
    // Without flags, the file's values.
    let body = ok(&["--design", file.path(), "--emit", "rest-body"]);
    assert_eq!(body["name"], "from-file");
    assert_eq!(body["sku"]["name"], "Developer");
    let plan = ok(&["--design", file.path()]);
    assert_eq!(prefixes(&plan)[0], "10.9.1.0/27");

    let args = [
        "--design",
        file.path(),
        "--name",
        "from-flag",
        "--sku",
        "premium",
        "--access",
        "internal",
        "--vnet-name",
        "flag-vnet",
        "--vnet-prefix",
        "10.7.0.0/24",
        "--existing-subnet",
        "10.7.0.0/26",
        "--dns-server",
        "10.7.0.5",
    ];
    let body = output(&[&args[..], &["--emit", "rest-body"]].concat());
    assert_eq!(body["name"], "from-flag");
    assert_eq!(body["sku"]["name"], "Premium");
    assert_eq!(
        body["properties"]["networkConfiguration"]["accessEndpoint"]["type"],
        "Internal"
    );
    assert!(
        body["properties"]["networkConfiguration"]["subnets"][0]["id"]
            .as_str()
            .unwrap()
            .contains("/virtualNetworks/flag-vnet/subnets/")
    );
    let plan = output(&args);
    assert_eq!(
        prefixes(&plan)[0],
        "10.7.0.128/27",
        "lists are replaced, not merged"
    );
    let nsg = output(&[&args[..], &["--emit", "nsg"]].concat());
    assert_eq!(
        rule(&nsg, "ise-out-dns")["properties"]["destinationAddressPrefix"],
        "10.7.0.5"
    );
    // Values the flags do not touch stay as the file has them.
    let design = output(&[&args[..], &["--emit", "design"]].concat());
    assert_eq!(
        design["connectorOutboundAddresses"],
        serde_json::json!(["52.1.2.0/28"])
    );
}

// --- flags ---

#[test]
fn four_subnet_flags_pin_exactly_those_prefixes() {
    let plan = ok(&[
        "--subnet",
        "a=10.0.0.0/27",
        "--subnet",
        "b=10.0.1.64/27",
        "--subnet",
        "c=10.0.2.0/27",
        "--subnet",
        "d=10.0.3.224/27",
    ]);
    let subnets = plan["subnets"].as_array().unwrap();
    let got: Vec<(&str, &str, bool)> = subnets
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["prefix"].as_str().unwrap(),
                s["pinned"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("a", "10.0.0.0/27", true),
            ("b", "10.0.1.64/27", true),
            ("c", "10.0.2.0/27", true),
            ("d", "10.0.3.224/27", true)
        ]
    );
}

#[test]
fn the_same_subnet_four_times_is_reported_not_crashed() {
    let r = run(&[
        "--subnet",
        "a=10.0.0.0/27",
        "--subnet",
        "a=10.0.0.0/27",
        "--subnet",
        "a=10.0.0.0/27",
        "--subnet",
        "a=10.0.0.0/27",
    ]);
    assert_eq!(r.code, 1);
    r.assert_no_panic("same subnet four times");
    assert!(r.stderr.contains("error[subnets-overlap]"), "{}", r.stderr);
    assert_eq!(prefixes(&r.json()), ["10.0.0.0/27"; 4]);
}

#[test]
fn fewer_subnet_flags_fill_up_with_allocated_defaults() {
    let plan = ok(&["--subnet", "web=10.0.3.224/27", "--subnet", "ise-redis="]);
    let subnets = plan["subnets"].as_array().unwrap();
    let names: Vec<&str> = subnets
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["web", "ise-redis", "ise-subnet-1", "ise-subnet-2"]);
    assert_eq!(subnets[0]["pinned"], true);
    assert_eq!(subnets[1]["pinned"], false, "NAME= names without pinning");
    assert_eq!(
        prefixes(&plan),
        [
            "10.0.3.224/27",
            "10.0.0.0/27",
            "10.0.0.32/27",
            "10.0.0.64/27"
        ]
    );
}

#[test]
fn external_access_changes_the_443_source_and_traffic_manager_port() {
    let internal = ok(&["--emit", "nsg"]);
    assert_eq!(
        rule(&internal, "ise-in-logic-app-https")["properties"]["sourceAddressPrefix"],
        "VirtualNetwork"
    );
    assert_eq!(
        rule(&internal, "ise-in-traffic-manager")["properties"]["destinationPortRange"],
        "454"
    );
    let external = output(&["--access", "external", "--emit", "nsg"]);
    let https = &rule(&external, "ise-in-logic-app-https")["properties"];
    assert_eq!(https["sourceAddressPrefix"], "Internet");
    assert_eq!(https["destinationPortRange"], "443");
    assert_eq!(
        rule(&external, "ise-in-traffic-manager")["properties"]["destinationPortRange"],
        "443"
    );
    let body = output(&["--access", "external", "--emit", "rest-body"]);
    assert_eq!(
        body["properties"]["networkConfiguration"]["accessEndpoint"]["type"],
        "External"
    );
}

#[test]
fn government_cloud_uses_its_management_host() {
    let req = output(&["--cloud", "government", "--emit", "rest-request"]);
    let url = req["url"].as_str().unwrap();
    assert!(
        url.starts_with("https://management.usgovcloudapi.net/subscriptions/"),
        "{url}"
    );
    assert!(url.ends_with("?api-version=2019-05-01"), "{url}");
}

#[test]
fn portal_deployment_leaves_no_delegation() {
    let rest = ok(&[]);
    assert_eq!(
        rest["subnets"][0]["delegation"],
        "Microsoft.Logic/integrationServiceEnvironments"
    );
    let portal = ok(&["--deploy", "portal"]);
    for s in portal["subnets"].as_array().unwrap() {
        assert!(s["delegation"].is_null(), "{s}");
    }
}

#[test]
fn dns_server_adds_the_outbound_port_53_rule() {
    let is_dns = |r: &Value| {
        r["properties"]["direction"] == "Outbound"
            && r["properties"]["destinationPortRange"] == "53"
    };
    let without = ok(&["--emit", "nsg"]);
    assert!(!without.as_array().unwrap().iter().any(is_dns));
    let with = ok(&["--dns-server", "10.0.0.4", "--emit", "nsg"]);
    let dns: Vec<&Value> = with
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| is_dns(r))
        .collect();
    assert_eq!(dns.len(), 1, "{with:#}");
    assert_eq!(dns[0]["properties"]["destinationAddressPrefix"], "10.0.0.4");
    let two = ok(&[
        "--dns-server",
        "10.0.0.4",
        "--dns-server",
        "10.0.0.5",
        "--emit",
        "nsg",
    ]);
    assert_eq!(
        rule(&two, "ise-out-dns")["properties"]["destinationAddressPrefixes"],
        serde_json::json!(["10.0.0.4", "10.0.0.5"])
    );
    // A bad address is a finding, not a crash.
    let r = run(&["--dns-server", "dns.contoso.com"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("error[dns-server-invalid] dnsServers[0]"),
        "{}",
        r.stderr
    );
}

#[test]
fn capacity_flag_reaches_the_request_and_is_checked() {
    // sku.capacity is the additional capacity itself (Azure's SKU list: Premium 0..=10).
    let body = ok(&["--capacity", "3", "--emit", "rest-body"]);
    assert_eq!(body["sku"]["capacity"], 3);
    let r = run(&["--capacity", "-1"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("error[capacity-out-of-range]"),
        "{}",
        r.stderr
    );
    let r = run(&["--capacity", "9223372036854775807", "--emit", "rest-body"]);
    assert_eq!(r.code, 1);
    r.assert_no_panic("huge capacity");
    assert_eq!(r.json()["sku"]["capacity"], 10);
}

#[test]
fn help_mentions_every_flag() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for flag in [
        "--design",
        "--vnet-prefix",
        "--existing-subnet",
        "--subnet",
        "--access",
        "--sku",
        "--capacity",
        "--name",
        "--location",
        "--subscription",
        "--resource-group",
        "--vnet-name",
        "--cloud",
        "--deploy",
        "--forced-tunneling",
        "--firewall-ip",
        "--firewall-next-hop",
        "--dns-server",
        "--emit",
        "--vnet-resource-group",
        "--new-vnet",
        "--connector-address",
        "--caller-address",
        "--load-balancer-rule",
        "--network-virtual-appliance",
        "--dependency-app-service-management",
        "--dependency-connectors",
        "--dependency-traffic-manager",
        "--dependency-logic-apps",
        "--government-logic-apps-inbound",
        "--government-logic-apps-outbound",
        "--government-connector-outbound",
        "--connector",
        "--certificate",
    ] {
        assert!(
            r.stdout.contains(&format!("{flag} ")) || r.stdout.contains(&format!("{flag}\n")),
            "--help does not mention {flag}"
        );
    }
    for emit in [
        "plan",
        "rest-body",
        "rest-request",
        "nsg",
        "routes",
        "design",
    ] {
        assert!(
            r.stdout.contains(emit),
            "--help does not list --emit {emit}"
        );
    }
    for value in ["expressroute", "firewall", "none", "appliance", "gateway"] {
        assert!(r.stdout.contains(value), "--help does not list {value}");
    }
    let v = run(&["--version"]);
    assert_eq!(v.code, 0);
    assert!(v.stdout.contains(env!("CARGO_PKG_VERSION")));
}

// --- forced tunneling: two setups ---

/// A design file for forced tunneling through a firewall, with every dependency list.
const FIREWALL_DESIGN: &str = r#"{
  "version": 2,
  "forcedTunneling": "firewall",
  "firewall": {"nextHop": "VirtualAppliance", "applianceIp": "10.0.3.4"},
  "dependencyAddresses": {
    "appServiceManagement": ["13.66.140.0/26"],
    "connectors": ["13.69.227.208/28"],
    "trafficManager": ["13.65.92.252"],
    "logicApps": ["13.95.155.53", "52.174.54.218"]
  }
}"#;

fn route_hops(routes: &Value) -> Vec<(String, String, Option<String>)> {
    routes
        .as_array()
        .expect("routes array")
        .iter()
        .map(|r| {
            let p = &r["properties"];
            (
                p["addressPrefix"].as_str().unwrap().to_string(),
                p["nextHopType"].as_str().unwrap().to_string(),
                p["nextHopIpAddress"].as_str().map(String::from),
            )
        })
        .collect()
}

fn lines_with<'a>(stderr: &'a str, prefix: &str) -> Vec<&'a str> {
    stderr.lines().filter(|l| l.starts_with(prefix)).collect()
}

#[test]
fn forced_tunneling_flag_takes_a_mode_and_bare_means_expressroute() {
    let expected = vec![("0.0.0.0/0".to_string(), "Internet".to_string(), None)];
    for args in [
        &["--forced-tunneling", "--emit", "routes"][..],
        &["--forced-tunneling", "expressroute", "--emit", "routes"][..],
        &["--forced-tunneling=expressroute", "--emit", "routes"][..],
        &["--emit", "routes", "--forced-tunneling"][..],
    ] {
        let r = run(args);
        assert_eq!(r.code, 0, "{args:?}\n{}", r.stderr);
        assert_eq!(route_hops(&r.json()), expected, "{args:?}");
        // ExpressRoute needs no dependency addresses: no finding about them.
        assert!(!r.stderr.contains("dependency-addresses"), "{}", r.stderr);
    }
    // The plan: a route table on every subnet, no service endpoints.
    let plan = ok(&["--forced-tunneling"]);
    assert_eq!(plan["serviceEndpoints"], serde_json::json!([]));
    for s in plan["subnets"].as_array().unwrap() {
        assert_eq!(s["routeTable"], "ise-route-table", "{s}");
        assert_eq!(s["serviceEndpoints"], serde_json::json!([]), "{s}");
    }
    run(&["--forced-tunneling", "sideways"]).assert_usage_error("unknown mode");
}

#[test]
fn forced_tunneling_none_turns_off_what_the_design_turned_on() {
    let file = TempFile::new("fw.json", FIREWALL_DESIGN);
    let on = ok(&["--design", file.path(), "--emit", "routes"]);
    assert_eq!(on.as_array().unwrap().len(), 6);
    let r = run(&[
        "--design",
        file.path(),
        "--forced-tunneling",
        "none",
        "--emit",
        "routes",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.json(), serde_json::json!([]));
    // The lists it no longer uses are one note, and the appliance address another.
    assert_eq!(
        lines_with(&r.stderr, "info[dependency-addresses-unused]").len(),
        1,
        "{}",
        r.stderr
    );
    assert_eq!(
        lines_with(&r.stderr, "info[firewall-ip-unused]").len(),
        1,
        "{}",
        r.stderr
    );
    let design = ok(&[
        "--design",
        file.path(),
        "--forced-tunneling",
        "none",
        "--emit",
        "design",
    ]);
    assert_eq!(design["forcedTunneling"], "none");
}

#[test]
fn firewall_forced_tunneling_routes_to_the_appliance() {
    let file = TempFile::new("fw.json", FIREWALL_DESIGN);
    let r = run(&["--design", file.path(), "--emit", "routes"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let hops = route_hops(&r.json());
    assert_eq!(
        hops[0],
        (
            "0.0.0.0/0".into(),
            "VirtualAppliance".into(),
            Some("10.0.3.4".into())
        )
    );
    assert_eq!(hops.len(), 6);
    for (prefix, hop, ip) in &hops[1..] {
        assert_eq!((hop.as_str(), ip), ("Internet", &None), "{prefix}");
        assert_ne!(
            prefix, "0.0.0.0/0",
            "no default route to the Internet through a firewall"
        );
    }
    let plan = ok(&["--design", file.path()]);
    let endpoints: Vec<&str> = plan["serviceEndpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["service"].as_str().unwrap())
        .collect();
    assert_eq!(
        endpoints,
        [
            "Microsoft.Sql",
            "Microsoft.Storage",
            "Microsoft.ServiceBus",
            "Microsoft.KeyVault",
            "Microsoft.EventHub"
        ]
    );
    let checklist: Vec<&str> = plan["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    for id in [
        "forced-tunneling-firewall",
        "forced-tunneling-service-endpoints",
    ] {
        assert!(checklist.contains(&id), "{id} in {checklist:?}");
    }
    // The gateway instead: no address.
    let r = run(&[
        "--design",
        file.path(),
        "--firewall-next-hop",
        "gateway",
        "--emit",
        "routes",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        route_hops(&r.json())[0],
        ("0.0.0.0/0".into(), "VirtualNetworkGateway".into(), None)
    );
    // --firewall-ip sets the appliance and its address.
    let r = run(&[
        "--design",
        file.path(),
        "--firewall-next-hop",
        "gateway",
        "--emit",
        "design",
    ]);
    let gateway_design = TempFile::new("gw.json", &r.stdout);
    let r = run(&[
        "--design",
        gateway_design.path(),
        "--firewall-ip",
        "10.0.2.4",
        "--emit",
        "routes",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        route_hops(&r.json())[0],
        (
            "0.0.0.0/0".into(),
            "VirtualAppliance".into(),
            Some("10.0.2.4".into())
        )
    );
    // Both at once contradict each other: bad usage.
    let r = run(&[
        "--firewall-ip",
        "10.0.2.4",
        "--firewall-next-hop",
        "gateway",
    ]);
    r.assert_usage_error("--firewall-ip with a gateway");
    assert!(r.stderr.contains("--firewall-ip"), "{}", r.stderr);
}

#[test]
fn firewall_without_dependencies_is_one_error() {
    let r = run(&[
        "--forced-tunneling",
        "firewall",
        "--firewall-ip",
        "10.0.3.4",
        "--emit",
        "routes",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let missing = lines_with(
        &r.stderr,
        "error[dependency-addresses-missing] dependencyAddresses: ",
    );
    assert_eq!(missing.len(), 1, "one finding, not four:\n{}", r.stderr);
    for what in [
        "App Service Environment management",
        "connector",
        "Traffic Manager",
        "Logic Apps",
        "Service Tags file",
    ] {
        assert!(missing[0].contains(what), "{what}: {}", missing[0]);
    }
    // The output is still printed: the default route to the appliance.
    assert_eq!(
        route_hops(&r.json()),
        [(
            "0.0.0.0/0".into(),
            "VirtualAppliance".into(),
            Some("10.0.3.4".into())
        )]
    );
}

#[test]
fn the_appliance_address_is_checked() {
    let file = TempFile::new("fw.json", FIREWALL_DESIGN);
    let r = run(&[
        "--design",
        file.path(),
        "--firewall-ip",
        "10.0.0.40",
        "--emit",
        "routes",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let line = lines_with(
        &r.stderr,
        "error[firewall-ip-in-ise-subnet] firewall.applianceIp: ",
    );
    assert_eq!(line.len(), 1, "{}", r.stderr);
    assert!(
        line[0].contains("ise-subnet-2 (10.0.0.32/27)"),
        "{}",
        line[0]
    );
    assert!(route_hops(&r.json()).iter().all(|h| h.0 != "0.0.0.0/0"));
    for bad in ["firewall.contoso.com", "10.0.3.4/32", "127.0.0.1"] {
        let r = run(&["--design", file.path(), "--firewall-ip", bad]);
        assert_eq!(r.code, 1, "{bad}");
        assert!(
            r.stderr
                .contains("error[firewall-ip-invalid] firewall.applianceIp"),
            "{bad}: {}",
            r.stderr
        );
    }
    let r = run(&["--forced-tunneling", "firewall"]);
    assert!(
        r.stderr.contains("error[firewall-ip-missing]"),
        "{}",
        r.stderr
    );
    // In a peered hub VNet: a note, and the route stands.
    let r = run(&[
        "--design",
        file.path(),
        "--firewall-ip",
        "10.200.0.4",
        "--emit",
        "routes",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("info[firewall-ip-outside-vnet]"),
        "{}",
        r.stderr
    );
    assert_eq!(route_hops(&r.json())[0].2.as_deref(), Some("10.200.0.4"));
}

// --- required NSG rows that cannot be written are errors ---

#[test]
fn an_external_ise_without_connector_addresses_exits_1() {
    let r = run(&["--access", "external", "--emit", "nsg"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let line = lines_with(
        &r.stderr,
        "error[connector-addresses-missing] connectorOutboundAddresses: ",
    );
    assert_eq!(line.len(), 1, "{}", r.stderr);
    assert!(
        line[0].contains("Properties") && line[0].contains("Connector outgoing IP addresses"),
        "{}",
        line[0]
    );
    // The NSG is still printed, without the rule that cannot be written.
    let nsg = r.json();
    assert!(nsg
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["name"] != "ise-in-connector-outbound-ips"));
    // With the addresses: clean, and the 443 note suggests narrowing to callers.
    let file = TempFile::new(
        "ext.json",
        r#"{"version": 2, "accessEndpoint": "External", "connectorOutboundAddresses": ["13.69.227.208/28"]}"#,
    );
    let r = run(&["--design", file.path(), "--emit", "nsg"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("info[https-open-to-internet] callerAddresses"),
        "{}",
        r.stderr
    );
    assert_eq!(
        rule(&r.json(), "ise-in-connector-outbound-ips")["properties"]["sourceAddressPrefix"],
        "13.69.227.208/28"
    );
}

#[test]
fn azure_government_without_replacement_addresses_exits_1() {
    let r = run(&[
        "--cloud",
        "government",
        "--location",
        "usgovvirginia",
        "--emit",
        "nsg",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let missing = lines_with(
        &r.stderr,
        "error[government-addresses-missing] governmentAddresses.",
    );
    assert_eq!(missing.len(), 3, "{}", r.stderr);
    assert!(
        missing.iter().all(|l| l.contains("Service Tags file")),
        "{missing:?}"
    );
    let nsg = r.json();
    for name in [
        "ise-in-designer-dynamic-properties",
        "ise-in-network-health-check",
        "ise-in-connector-deployment",
    ] {
        assert!(
            nsg.as_array().unwrap().iter().all(|r| r["name"] != name),
            "{name}"
        );
    }
}

// --- every address is checked for what it will do ---

#[test]
fn addresses_are_checked_for_what_they_do() {
    let file = TempFile::new(
        "ext.json",
        r#"{"version": 2, "accessEndpoint": "External",
            "connectorOutboundAddresses": ["13.69.227.208/28", "10.1.0.0/16", "0.0.0.0/0"],
            "callerAddresses": ["198.51.100.0/24", "10.50.0.0/16", "224.0.0.1"],
            "dnsServers": ["10.0.0.4", "8.8.8.8", "127.0.0.1"]}"#,
    );
    let r = run(&["--design", file.path(), "--emit", "nsg"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for line in [
        "error[address-not-public] connectorOutboundAddresses[1]: ",
        "error[address-catch-all] connectorOutboundAddresses[2]: ",
        "error[address-not-usable] callerAddresses[2]: ",
        "error[address-not-usable] dnsServers[2]: ",
        "warning[dns-server-public] dnsServers[1]: ",
    ] {
        assert_eq!(lines_with(&r.stderr, line).len(), 1, "{line}\n{}", r.stderr);
    }
    let nsg = r.json();
    // Only the fit entries reach the rules.
    assert_eq!(
        rule(&nsg, "ise-in-connector-outbound-ips")["properties"]["sourceAddressPrefix"],
        "13.69.227.208/28"
    );
    assert_eq!(
        rule(&nsg, "ise-in-logic-app-https")["properties"]["sourceAddressPrefixes"],
        serde_json::json!(["198.51.100.0/24", "10.50.0.0/16"])
    );
    assert_eq!(
        rule(&nsg, "ise-out-dns")["properties"]["destinationAddressPrefixes"],
        serde_json::json!(["10.0.0.4", "8.8.8.8"])
    );
}

#[test]
fn dual_stack_vnets_plan_their_ipv4_space() {
    let r = run(&[
        "--vnet-prefix",
        "10.0.0.0/22",
        "--vnet-prefix",
        "fd00:db8::/48",
        "--existing-subnet",
        "fd00:db8::/64",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        lines_with(&r.stderr, "info[ipv6-ignored] ").len(),
        2,
        "{}",
        r.stderr
    );
    assert_eq!(prefixes(&r.json())[0], "10.0.0.0/27");
    // An ISE subnet itself must be IPv4.
    let r = run(&["--subnet", "a=fd00:db8::/64"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("error[cidr-ipv6] subnets[0].prefix"),
        "{}",
        r.stderr
    );
}

// --- auditing an existing ISE network ---

fn audit_design(deployment: &str, delegated: &[usize]) -> String {
    let existing: Vec<Value> = (0..4)
        .map(|i| {
            let delegations: Vec<&str> = if delegated.contains(&i) {
                vec!["Microsoft.Logic/integrationServiceEnvironments"]
            } else {
                vec![]
            };
            serde_json::json!({
                "name": format!("legacy-{i}"),
                "prefix": format!("10.0.1.{}/27", i * 32),
                "iseSubnet": true,
                "delegations": delegations,
            })
        })
        .collect();
    let subnets: Vec<Value> = (0..4)
        .map(|i| serde_json::json!({"name": format!("legacy-{i}"), "prefix": format!("10.0.1.{}/27", i * 32)}))
        .collect();
    serde_json::json!({
        "version": 2,
        "deployment": deployment,
        "vnet": {"addressPrefixes": ["10.0.0.0/22"], "existingSubnets": existing},
        "subnets": subnets,
    })
    .to_string()
}

#[test]
fn an_existing_ise_network_is_audited() {
    let file = TempFile::new("audit.json", &audit_design("rest", &[2]));
    let r = run(&["--design", file.path()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !r.stderr.contains("subnet-overlaps-existing"),
        "{}",
        r.stderr
    );
    let plan = r.json();
    let delegated: Vec<bool> = plan["subnets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["delegation"].is_string())
        .collect();
    assert_eq!(delegated, [false, false, true, false]);
    // Delegated for a portal deployment, or twice: errors.
    let file = TempFile::new("audit.json", &audit_design("portal", &[2]));
    let r = run(&["--design", file.path()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "error[existing-ise-subnet-delegated-for-portal] vnet.existingSubnets[2].delegations"
        ),
        "{}",
        r.stderr
    );
    let file = TempFile::new("audit.json", &audit_design("rest", &[0, 3]));
    let r = run(&["--design", file.path()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("error[ise-subnets-delegated-twice] vnet.existingSubnets[3].delegations"),
        "{}",
        r.stderr
    );
    // Marked, but no ISE subnet stands for it.
    let r = run(&["--design", file.path(), "--subnet", "other=10.0.2.0/27"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        lines_with(&r.stderr, "error[existing-ise-subnet-unbound] ").len(),
        4,
        "{}",
        r.stderr
    );
}

// --- load balancer and Redis ports ---

#[test]
fn load_balancer_rule_on_request_and_redis_ports_in_the_checklist() {
    let without = ok(&["--emit", "nsg"]);
    assert!(without
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["name"] != "ise-in-azure-load-balancer"));
    let file = TempFile::new(
        "lb.json",
        r#"{"version": 2, "allowLoadBalancerRule": true}"#,
    );
    let nsg = ok(&["--design", file.path(), "--emit", "nsg"]);
    let lb = &rule(&nsg, "ise-in-azure-load-balancer")["properties"];
    assert_eq!(lb["direction"], "Inbound");
    assert_eq!(lb["sourceAddressPrefix"], "AzureLoadBalancer");
    assert_eq!(lb["destinationAddressPrefix"], "VirtualNetwork");
    assert_eq!(lb["destinationPortRange"], "*");
    assert_eq!(lb["protocol"], "*");
    let plan = ok(&[]);
    let item = |id: &str| {
        plan["checklist"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap_or_else(|| panic!("no checklist item {id}"))
            .clone()
    };
    let redis = item("redis-ports");
    for port in [
        "8443",
        "8500",
        "10221-10231",
        "13000-13999",
        "15000-15999",
        "16001",
        "20226",
    ] {
        assert!(redis["text"].as_str().unwrap().contains(port), "{port}");
    }
    assert!(redis["source"]["url"]
        .as_str()
        .unwrap()
        .ends_with("/cache-how-to-premium-vnet"));
    assert!(item("azure-load-balancer")["text"]
        .as_str()
        .unwrap()
        .contains("AllowAzureLoadBalancerInBound"));
}

#[test]
fn service_tags_fill_the_firewall_dependency_routes() {
    let tags = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/service-tags-sample.json"
    );
    let args = [
        "--forced-tunneling",
        "firewall",
        "--firewall-ip",
        "10.0.3.4",
        "--location",
        "West Europe",
    ];
    // Without the file: one error naming the missing lists, exit 1.
    let without = run(&[&args[..], &["--emit", "routes"]].concat());
    assert_eq!(without.code, 1, "{}", without.stderr);
    assert!(without
        .stderr
        .contains("error[dependency-addresses-missing]"));
    // With it: every dependency gets its route to the Internet, and the run is clean.
    let with = run(&[&args[..], &["--service-tags", tags, "--emit", "routes"]].concat());
    assert_eq!(with.code, 0, "{}", with.stderr);
    assert!(
        with.stderr
            .contains("Imported 5 dependency addresses for westeurope"),
        "{}",
        with.stderr
    );
    let routes = with.json();
    let to_internet: Vec<&str> = routes
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["properties"]["nextHopType"] == "Internet")
        .map(|r| r["properties"]["addressPrefix"].as_str().unwrap())
        .collect();
    assert_eq!(
        to_internet,
        [
            "13.66.140.0/26",
            "52.174.88.118/32",
            "13.65.92.252/32",
            "13.95.155.53/32",
            "13.95.155.54/32"
        ]
    );
    // The region is read after --location: a region without tags leaves the lists empty.
    let elsewhere = run(&[
        &args[..4],
        &[
            "--location",
            "eastus",
            "--service-tags",
            tags,
            "--emit",
            "routes",
        ],
    ]
    .concat());
    assert_eq!(elsewhere.code, 1, "{}", elsewhere.stderr);
}

#[test]
fn service_tags_that_are_not_a_tags_file_exit_2() {
    let file = TempFile::new("tags.json", r#"{"version": 2}"#);
    let r = run(&["--service-tags", file.path()]);
    r.assert_usage_error("not a Service Tags file");
    assert!(r.stderr.contains("no service tags"), "{}", r.stderr);
    // Refused before anything is read (stdin is not even opened).
    let r = run(&["--design", "-", "--service-tags", "-"]);
    r.assert_usage_error("two readers of stdin");
    assert!(r.stderr.contains("only one of"), "{}", r.stderr);
}

#[test]
fn existing_subnets_take_names_on_the_command_line() {
    let design = ok(&[
        "--existing-subnet",
        "web=10.0.0.0/24",
        "--existing-subnet",
        "10.0.1.0/26",
        "--emit",
        "design",
    ]);
    let existing = &design["vnet"]["existingSubnets"];
    assert_eq!(existing[0]["name"], "web");
    assert_eq!(existing[0]["prefix"], "10.0.0.0/24");
    assert_eq!(existing[1]["name"], "");
    assert_eq!(existing[1]["prefix"], "10.0.1.0/26");
}

// --- every design field from flags ---

/// A design file whose every list and option differs from what the flags below set.
const EVERY_FIELD_DESIGN: &str = r#"{
  "version": 2,
  "accessEndpoint": "External",
  "vnet": {"name": "file-vnet", "resourceGroup": "file-net-rg", "isNew": false},
  "connectorOutboundAddresses": ["52.1.1.0/28"],
  "callerAddresses": ["198.51.100.1"],
  "dependencyAddresses": {
    "appServiceManagement": ["13.1.0.0/26"],
    "connectors": ["13.2.0.0/28"],
    "trafficManager": ["13.3.0.1"],
    "logicApps": ["13.4.0.1"]
  },
  "governmentAddresses": {
    "logicAppsInbound": ["52.5.0.0/26"],
    "logicAppsOutbound": ["52.6.0.0/26"],
    "managedConnectorOutbound": ["52.7.0.0/27"]
  },
  "allowLoadBalancerRule": true,
  "networkVirtualAppliance": true,
  "managedConnectors": ["sql"],
  "certificates": [{"name": "file-cert", "publicCertificate": "RklMRQ=="}]
}"#;

/// Each flag sets its design field, over the design file's value.
#[test]
fn every_design_field_has_a_flag_that_overrides_the_file() {
    let file = TempFile::new("every.json", EVERY_FIELD_DESIGN);
    let pem = TempFile::new(
        "root.pem",
        "-----BEGIN CERTIFICATE-----\nTUlJ\nQkNn\n-----END CERTIFICATE-----\n",
    );
    let der = TempFile::new("root.cer", "\u{1}\u{2}DER");
    let pem_flag = format!("pem=@{}", pem.path());
    let der_flag = format!("der=@{}", der.path());
    let cases: Vec<(Vec<&str>, &str, Value)> = vec![
        (
            vec![
                "--connector-address",
                "52.9.0.0/28",
                "--connector-address",
                "52.9.1.0/28",
            ],
            "/connectorOutboundAddresses",
            serde_json::json!(["52.9.0.0/28", "52.9.1.0/28"]),
        ),
        (
            vec!["--caller-address", "203.0.113.0/24"],
            "/callerAddresses",
            serde_json::json!(["203.0.113.0/24"]),
        ),
        (
            vec!["--dependency-app-service-management", "13.9.0.0/26"],
            "/dependencyAddresses/appServiceManagement",
            serde_json::json!(["13.9.0.0/26"]),
        ),
        (
            vec![
                "--dependency-connectors",
                "13.9.1.0/28",
                "--dependency-connectors",
                "13.9.2.0/28",
            ],
            "/dependencyAddresses/connectors",
            serde_json::json!(["13.9.1.0/28", "13.9.2.0/28"]),
        ),
        (
            vec!["--dependency-traffic-manager", "13.9.3.1"],
            "/dependencyAddresses/trafficManager",
            serde_json::json!(["13.9.3.1"]),
        ),
        (
            vec!["--dependency-logic-apps", "13.9.4.1"],
            "/dependencyAddresses/logicApps",
            serde_json::json!(["13.9.4.1"]),
        ),
        (
            vec!["--government-logic-apps-inbound", "52.9.5.0/26"],
            "/governmentAddresses/logicAppsInbound",
            serde_json::json!(["52.9.5.0/26"]),
        ),
        (
            vec!["--government-logic-apps-outbound", "52.9.6.0/26"],
            "/governmentAddresses/logicAppsOutbound",
            serde_json::json!(["52.9.6.0/26"]),
        ),
        (
            vec!["--government-connector-outbound", "52.9.7.0/27"],
            "/governmentAddresses/managedConnectorOutbound",
            serde_json::json!(["52.9.7.0/27"]),
        ),
        (
            vec!["--load-balancer-rule", "false"],
            "/allowLoadBalancerRule",
            serde_json::json!(false),
        ),
        (
            vec!["--network-virtual-appliance", "false"],
            "/networkVirtualAppliance",
            serde_json::json!(false),
        ),
        (
            vec!["--connector", "servicebus", "--connector", "azureblob"],
            "/managedConnectors",
            serde_json::json!(["servicebus", "azureblob"]),
        ),
        (
            vec!["--certificate", "inline=QUJD"],
            "/certificates",
            serde_json::json!([{"name": "inline", "publicCertificate": "QUJD"}]),
        ),
        (
            vec!["--certificate", &pem_flag, "--certificate", &der_flag],
            "/certificates",
            serde_json::json!([{"name": "pem", "publicCertificate": "TUlJQkNn"}, {"name": "der", "publicCertificate": "AQJERVI="}]),
        ),
        (vec!["--new-vnet"], "/vnet/isNew", serde_json::json!(true)),
        (
            vec!["--vnet-resource-group", "flag-net-rg"],
            "/vnet/resourceGroup",
            serde_json::json!("flag-net-rg"),
        ),
        // Given once as '', a list flag empties the file's list.
        (
            vec!["--caller-address", ""],
            "/callerAddresses",
            serde_json::json!([]),
        ),
        (
            vec!["--connector", ""],
            "/managedConnectors",
            serde_json::json!([]),
        ),
    ];
    for (flags, pointer, want) in cases {
        let args = [
            &["--design", file.path()][..],
            &flags,
            &["--emit", "design"],
        ]
        .concat();
        let design = output(&args);
        assert_eq!(design.pointer(pointer), Some(&want), "{flags:?}");
        // Without the flag, the file's value.
        let from_file = output(&["--design", file.path(), "--emit", "design"]);
        assert_ne!(from_file.pointer(pointer), Some(&want), "{pointer}");
    }
    // The bare boolean flags turn on what the default leaves off.
    let design = ok(&[
        "--load-balancer-rule",
        "--network-virtual-appliance",
        "--emit",
        "design",
    ]);
    assert_eq!(design["allowLoadBalancerRule"], true);
    assert_eq!(design["networkVirtualAppliance"], true);
    let design = ok(&["--new-vnet", "false", "--emit", "design"]);
    assert_eq!(design["vnet"]["isNew"], false);
}

/// The flags reach the plan: an External ISE planned from flags alone has its connector
/// rule, narrowed 443 rule, connectors and certificates; firewall forced tunneling gets its
/// dependency routes from flags.
#[test]
fn an_external_ise_plans_from_flags_alone() {
    let base = [
        "--access",
        "external",
        "--connector-address",
        "13.69.227.208/28",
        "--caller-address",
        "203.0.113.0/24",
        "--load-balancer-rule",
    ];
    let nsg = ok(&[&base[..], &["--emit", "nsg"]].concat());
    assert_eq!(
        rule(&nsg, "ise-in-connector-outbound-ips")["properties"]["sourceAddressPrefix"],
        "13.69.227.208/28"
    );
    assert!(nsg
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["properties"]["sourceAddressPrefix"] == "AzureLoadBalancer"));
    assert!(nsg.as_array().unwrap().iter().any(|r| {
        r["properties"]["sourceAddressPrefix"] == "203.0.113.0/24"
            || r["properties"]["sourceAddressPrefixes"] == serde_json::json!(["203.0.113.0/24"])
    }));
    let plan = ok(&[
        &base[..],
        &["--connector", "sql", "--certificate", "root=QUJD"],
    ]
    .concat());
    assert_eq!(plan["rest"]["connectors"].as_array().unwrap().len(), 1);
    assert_eq!(
        plan["rest"]["create"]["body"]["properties"]["certificates"]["root"]["publicCertificate"],
        "QUJD"
    );
    let routes = ok(&[
        "--forced-tunneling",
        "firewall",
        "--firewall-ip",
        "10.0.3.4",
        "--dependency-app-service-management",
        "13.66.140.0/26",
        "--dependency-connectors",
        "13.69.227.208/28",
        "--dependency-traffic-manager",
        "13.65.92.252",
        "--dependency-logic-apps",
        "13.95.155.53",
        "--emit",
        "routes",
    ]);
    let prefixes: Vec<&str> = routes
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["properties"]["addressPrefix"].as_str().unwrap())
        .collect();
    for want in [
        "13.66.140.0/26",
        "13.69.227.208/28",
        "13.65.92.252/32",
        "13.95.155.53/32",
    ] {
        assert!(prefixes.contains(&want), "{want} in {prefixes:?}");
    }
    let gov = ok(&[
        "--cloud",
        "government",
        "--location",
        "usgovvirginia",
        "--government-logic-apps-inbound",
        "52.127.10.0/26",
        "--government-logic-apps-outbound",
        "52.127.11.0/26",
        "--government-connector-outbound",
        "52.127.12.0/27",
        "--emit",
        "nsg",
    ]);
    assert!(gov.to_string().contains("52.127.12.0/27"));
}

/// Address-list flags override what --service-tags filled.
#[test]
fn address_flags_override_the_service_tags_file() {
    let tags = TempFile::new(
        "tags.json",
        r#"{"values": [{"name": "AzureTrafficManager", "properties": {"addressPrefixes": ["13.65.92.252/32"]}}]}"#,
    );
    let design = output(&[
        "--service-tags",
        tags.path(),
        "--dependency-traffic-manager",
        "40.68.30.66",
        "--emit",
        "design",
    ]);
    assert_eq!(
        design["dependencyAddresses"]["trafficManager"],
        serde_json::json!(["40.68.30.66"])
    );
}

#[test]
fn a_certificate_flag_without_a_name_or_file_exits_2() {
    run(&["--certificate", "QUJD"]).assert_usage_error("--certificate without NAME=");
    run(&["--certificate", "x=@/nonexistent/root.cer"])
        .assert_usage_error("--certificate with a missing file");
}

// ---- --target standard: the Logic Apps Standard network ----

/// `--target standard --emit design`: the effective design, on the Standard view.
fn standard_design(args: &[&str]) -> Value {
    let mut all = vec!["--target", "standard", "--emit", "design"];
    all.extend_from_slice(args);
    let design = output(&all);
    assert_eq!(design["view"], "standard", "{args:?}");
    design
}

#[test]
fn target_standard_prints_the_standard_plan_and_its_findings() {
    let r = run(&["--target", "standard"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let plan = r.json();
    assert_eq!(
        plan["subnets"][0]["delegation"],
        "Microsoft.Web/serverFarms"
    );
    assert_eq!(plan["privateEndpoints"].as_array().unwrap().len(), 5);
    assert!(plan.get("rest").is_none(), "not the ISE's plan");
    assert!(
        r.stderr
            .contains("warning[push-triggers-private-endpoint] accessEndpoint:"),
        "the Standard plan's findings on stderr: {}",
        r.stderr
    );
    // The Standard plan's errors give exit 1, the output still printed.
    let r = run(&["--target", "standard", "--storage-account", "Bad Name"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("error[standard-name-invalid] standard.storageAccount.name"),
        "{}",
        r.stderr
    );
    assert!(r.json()["subnets"].is_array());
    // The ISE is still the default.
    assert!(ok(&[]).get("rest").is_some());
}

#[test]
fn every_standard_flag_reaches_the_design() {
    let d = standard_design(&[
        "--hosting",
        "app-service-environment",
        "--integration-subnet-size",
        "/27",
        "--ase-subnet-size",
        "25",
        "--reuse-ise-space",
        "--logic-app",
        "contoso-workflows",
        "--new-logic-app",
        "false",
        "--storage-account",
        "contosost",
        "--new-storage-account",
        "false",
        "--plan-name",
        "contoso-ws1",
        "--ase-name",
        "contoso-ase",
        "--integration-subnet",
        "int=10.0.2.0/26",
        "--private-endpoint-subnet",
        "pe",
        "--ase-subnet",
        "ase=",
    ]);
    let s = &d["standard"];
    assert_eq!(s["hosting"], "appServiceEnvironment");
    assert_eq!(s["integrationSubnetSize"], "/27");
    assert_eq!(s["aseSubnetSize"], 25, "a number as typed");
    assert_eq!(s["reuseIseSpace"], true);
    assert_eq!(
        s["logicApp"],
        serde_json::json!({"name": "contoso-workflows", "isNew": false})
    );
    assert_eq!(
        s["storageAccount"],
        serde_json::json!({"name": "contosost", "isNew": false})
    );
    assert_eq!(s["planName"], "contoso-ws1");
    assert_eq!(s["aseName"], "contoso-ase");
    assert_eq!(
        s["integrationSubnet"],
        serde_json::json!({"name": "int", "prefix": "10.0.2.0/26"})
    );
    assert_eq!(s["privateEndpointSubnet"]["name"], "pe");
    assert_eq!(
        s["aseSubnet"],
        serde_json::json!({"name": "ase", "prefix": ""})
    );
    // The flags override the design file, and shape the plan.
    let file = TempFile::new("design.json", &d.to_string());
    let plan = output(&[
        "--design",
        file.path(),
        "--target",
        "standard",
        "--hosting",
        "workflow-standard",
        "--reuse-ise-space",
        "false",
    ]);
    assert_eq!(plan["hosting"], "workflowStandard");
    assert_eq!(plan["subnets"][0]["name"], "int");
    assert_eq!(plan["subnets"][0]["prefix"], "10.0.2.0/26");
    assert_eq!(plan["subnets"][1]["name"], "pe");
    let plan = ok(&[
        "--target",
        "standard",
        "--integration-subnet-size",
        "27",
        "--reuse-ise-space",
    ]);
    assert_eq!(
        plan["subnets"][0]["prefix"], "10.0.0.0/27",
        "in the ISE's space"
    );
    let plan = ok(&[
        "--target",
        "standard",
        "--hosting",
        "ase",
        "--ase-subnet-size",
        "26",
        "--ase-name",
        "my-ase",
    ]);
    assert!(plan["subnets"][0]["prefix"]
        .as_str()
        .unwrap()
        .ends_with("/26"));
    assert!(plan["dnsZones"]
        .as_array()
        .unwrap()
        .iter()
        .any(|z| z["name"] == "my-ase.appserviceenvironment.net"));
}

#[test]
fn target_standard_files_and_tables() {
    for (emit, needle) in [
        ("arm", "Microsoft.Web/sites"),
        ("bicep", "'Microsoft.Web/sites@2024-11-01'"),
        ("terraform", "azurerm_logic_app_standard"),
        ("azcli", "az network private-dns zone create"),
        ("powershell", "New-AzPrivateDnsZone"),
    ] {
        let r = run(&["--target", "standard", "--emit", emit]);
        assert_eq!(r.code, 0, "{emit}: {}", r.stderr);
        assert!(r.stdout.contains(needle), "{emit}");
        assert!(r.stdout.contains("Logic Apps Standard network"), "{emit}");
    }
    let r = run(&[
        "--target",
        "standard",
        "--emit",
        "csv",
        "--table",
        "dns-zones",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("Zone,VNet link,Records,Article,Article URL\r\n"),
        "{}",
        r.stdout
    );
    // Tables are named for their target; the ISE's JSON outputs have no Standard form.
    let r = run(&["--target", "standard", "--emit", "csv"]);
    r.assert_usage_error("no table");
    assert!(
        r.stderr
            .contains("--table subnets|reuse|private-endpoints|dns-zones|"),
        "{}",
        r.stderr
    );
    run(&[
        "--target", "standard", "--emit", "csv", "--table", "inbound",
    ])
    .assert_usage_error("an ISE table");
    run(&["--emit", "csv", "--table", "dns-zones"])
        .assert_usage_error("a Standard table for the ISE");
    for emit in ["rest-body", "rest-request", "nsg", "routes"] {
        run(&["--target", "standard", "--emit", emit]).assert_usage_error(emit);
    }
    run(&["--target", "both"]).assert_usage_error("an unknown target");
    let help = run(&["--help"]);
    for flag in [
        "--target",
        "--hosting",
        "--integration-subnet-size",
        "--ase-subnet-size",
        "--reuse-ise-space",
        "--logic-app",
        "--new-logic-app",
        "--storage-account",
        "--new-storage-account",
        "--plan-name",
        "--ase-name",
        "--integration-subnet",
        "--private-endpoint-subnet",
        "--ase-subnet",
    ] {
        // Whole flags: "--logic-app" is also the tail of "--new-logic-app".
        assert!(
            help.stdout.contains(&format!("{flag} ")) || help.stdout.contains(&format!("{flag}\n")),
            "--help lists {flag}"
        );
    }
}
