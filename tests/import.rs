//! Importing an existing VNet: the four shapes Azure's tools print (committed fixtures under
//! `tests/fixtures/import/`), what an import replaces and keeps, refusals with a plain
//! message, bounds on huge files, hostile input, and `ise-plan --import-vnet` as a process.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use ise_planner::design::{AccessEndpoint, Design, Sku};
use ise_planner::import::vnet::{
    self, parse, ImportError, ImportedSubnet, Source, MAX_IMPORT_BYTES, MAX_SUBNETS,
};
use ise_planner::plan;
use proptest::prelude::*;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const ISE: &str = "Microsoft.Logic/integrationServiceEnvironments";
const SUBSCRIPTION: &str = "f34b22a3-2202-4fb1-b040-1332bd928c84";

/// The subnets every fixture describes.
fn expected_subnets() -> Vec<ImportedSubnet> {
    let s = |name: &str, prefixes: &[&str], delegation: Option<&str>| ImportedSubnet {
        name: name.into(),
        prefixes: prefixes.iter().map(|p| p.to_string()).collect(),
        delegations: delegation.into_iter().map(String::from).collect(),
    };
    vec![
        s("GatewaySubnet", &["10.20.255.0/27"], None),
        s("AzureFirewallSubnet", &["10.20.254.0/26"], None),
        s("snet-app", &["10.20.1.0/24"], None),
        s("snet-data", &["10.20.2.0/25", "10.20.2.128/25"], None),
        s(
            "snet-web-dualstack",
            &["10.20.3.0/24", "ace:cab:deca:deed::/64"],
            None,
        ),
        s(
            "snet-appservice",
            &["10.20.4.0/26"],
            Some("Microsoft.Web/serverFarms"),
        ),
        s("snet-ise-01", &["10.20.10.0/27"], Some(ISE)),
        s("snet-ise-02", &["10.20.10.32/27"], None),
        s("snet-ise-03", &["10.20.10.64/27"], None),
        s("snet-ise-04", &["10.20.10.96/27"], None),
    ]
}

const VNET_FILES: [(&str, Source); 4] = [
    ("az-vnet-show.json", Source::AzCli),
    ("rest-vnet-get.json", Source::Rest),
    ("arm-template.json", Source::ArmTemplate),
    ("powershell-vnet.json", Source::PowerShell),
];

#[test]
fn every_shape_gives_the_same_virtual_network() {
    for (file, source) in VNET_FILES {
        let v = parse(&fixture(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(v.source, source, "{file}");
        assert_eq!(v.name.as_deref(), Some("contoso-vnet"), "{file}");
        assert_eq!(v.location.as_deref(), Some("westeurope"), "{file}");
        assert_eq!(
            v.address_prefixes,
            Some(vec!["10.20.0.0/16".into(), "ace:cab:deca::/48".into()]),
            "{file}"
        );
        assert_eq!(
            v.dns_servers,
            Some(vec!["10.20.0.4".into(), "10.20.0.5".into()]),
            "{file}"
        );
        assert_eq!(v.subnets, expected_subnets(), "{file}");
        assert!(v.notes.is_empty(), "{file}: {:?}", v.notes);
        if source == Source::ArmTemplate {
            // A template has no resource ID: it can be deployed anywhere.
            assert_eq!((v.resource_group, v.subscription_id), (None, None));
        } else {
            assert_eq!(
                v.resource_group.as_deref(),
                Some("contoso-network-rg"),
                "{file}"
            );
            assert_eq!(v.subscription_id.as_deref(), Some(SUBSCRIPTION), "{file}");
        }
    }
}

#[test]
fn a_subnet_list_names_its_vnet_by_the_subnet_ids() {
    let v = parse(&fixture("az-subnet-list.json")).unwrap();
    assert_eq!(v.source, Source::AzCliSubnets);
    assert_eq!(v.name.as_deref(), Some("contoso-vnet"));
    assert_eq!(v.resource_group.as_deref(), Some("contoso-network-rg"));
    assert_eq!(v.subscription_id.as_deref(), Some(SUBSCRIPTION));
    assert_eq!(
        (v.location, v.address_prefixes, v.dns_servers),
        (None, None, None)
    );
    assert_eq!(v.subnets, expected_subnets());

    // The REST shape of the same list: GET …/subnets answers {"value": [...]}.
    let rest: serde_json::Value = serde_json::from_str(&fixture("rest-vnet-get.json")).unwrap();
    let list = serde_json::json!({ "value": rest["properties"]["subnets"] }).to_string();
    let v = parse(&list).unwrap();
    assert_eq!(v.source, Source::RestSubnets);
    assert_eq!(v.subnets, expected_subnets());

    // PowerShell's subnets (Get-AzVirtualNetworkSubnetConfig).
    let ps: serde_json::Value = serde_json::from_str(&fixture("powershell-vnet.json")).unwrap();
    let v = parse(&ps["Subnets"].to_string()).unwrap();
    assert_eq!(v.source, Source::PowerShellSubnets);
    assert_eq!(v.name.as_deref(), Some("contoso-vnet"));
    assert_eq!(v.subnets, expected_subnets());

    // `az network vnet subnet show`: one subnet.
    let az: serde_json::Value = serde_json::from_str(&fixture("az-subnet-list.json")).unwrap();
    let v = parse(&az[6].to_string()).unwrap();
    assert_eq!(v.subnets, expected_subnets()[6..7]);
}

fn imported_design() -> (Design, vnet::ImportSummary) {
    let mut d = Design {
        name: "contoso-ise".into(),
        sku: Sku::Developer,
        access_endpoint: AccessEndpoint::External,
        ..Design::default()
    };
    let summary = vnet::import(&fixture("az-vnet-show.json"), &mut d).unwrap();
    (d, summary)
}

#[test]
fn the_import_replaces_the_vnet_and_keeps_the_ise() {
    let (d, summary) = imported_design();
    assert_eq!(
        summary.to_string(),
        "Imported VNet contoso-vnet: 2 address prefixes, 10 subnets (12 prefixes), 1 recognised as an ISE subnet"
    );
    assert!(summary.notes.is_empty(), "{:?}", summary.notes);
    // Kept: the ISE.
    assert_eq!(d.name, "contoso-ise");
    assert_eq!(d.sku, Sku::Developer);
    assert_eq!(d.access_endpoint, AccessEndpoint::External);
    assert_eq!(d.resource_group, "ise-rg");
    // Replaced: the VNet, the subscription and the region it lives in.
    assert_eq!(d.vnet.name, "contoso-vnet");
    assert_eq!(d.vnet.resource_group, "contoso-network-rg");
    assert_eq!(d.subscription_id, SUBSCRIPTION);
    assert_eq!(d.location, "westeurope");
    assert_eq!(d.dns_servers, ["10.20.0.4", "10.20.0.5"]);
    assert!(!d.vnet.is_new);
    // One entry per prefix, names kept, IPv6 kept too.
    let entries: Vec<(&str, &str)> = d
        .vnet
        .existing_subnets
        .iter()
        .map(|e| (e.name.as_str(), e.prefix.as_str()))
        .collect();
    assert_eq!(entries.len(), 12);
    assert_eq!(entries[3], ("snet-data", "10.20.2.0/25"));
    assert_eq!(entries[4], ("snet-data", "10.20.2.128/25"));
    assert_eq!(entries[6], ("snet-web-dualstack", "ace:cab:deca:deed::/64"));
    // The delegated subnet is one of the ISE's four.
    let ise = d
        .vnet
        .existing_subnets
        .iter()
        .position(|e| e.ise_subnet)
        .unwrap();
    assert_eq!(d.vnet.existing_subnets[ise].name, "snet-ise-01");
    assert_eq!(d.vnet.existing_subnets[ise].delegations, [ISE]);
    assert_eq!(d.subnets[0].name, "snet-ise-01");
    assert_eq!(d.subnets[0].prefix, "10.20.10.0/27");
    assert_eq!(d.existing_bound_to(0), Some(ise));
    // The design saves and loads with the import in it.
    assert_eq!(Design::from_json(&d.to_json()).unwrap(), d);
}

#[test]
fn the_imported_design_plans_around_the_existing_subnets() {
    let (d, _) = imported_design();
    let p = plan(&d);
    assert_eq!(p.subnets.len(), 4);
    assert_eq!(p.subnets[0].prefix.as_deref(), Some("10.20.10.0/27"));
    let vnet: ipnet::Ipv4Net = "10.20.0.0/16".parse().unwrap();
    let existing: Vec<ipnet::Ipv4Net> = d
        .vnet
        .existing_subnets
        .iter()
        .filter(|e| !e.ise_subnet)
        .filter_map(|e| e.prefix.parse().ok())
        .collect();
    for s in &p.subnets[1..] {
        let net: ipnet::Ipv4Net = s.prefix.as_deref().unwrap().parse().unwrap();
        assert!(vnet.contains(&net), "{net} in the VNet");
        assert!(
            existing
                .iter()
                .all(|e| !e.contains(&net.network()) && !net.contains(&e.network())),
            "{net} overlaps an existing subnet"
        );
    }
}

#[test]
fn a_template_resolves_parameters_and_child_subnets() {
    // A subnet declared only as a child resource, and a location given as an expression.
    let t = r#"{
      "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      "parameters": {"vnetName": {"type": "string", "defaultValue": "hub"},
                     "space": {"type": "array", "defaultValue": ["10.1.0.0/16"]}},
      "variables": {"iseSubnet": "ise-a"},
      "resources": [
        {"type": "Microsoft.Network/virtualNetworks", "name": "[parameters('vnetName')]",
         "location": "[resourceGroup().location]",
         "properties": {"addressSpace": {"addressPrefixes": "[parameters('space')]"},
                        "subnets": [{"name": "app", "properties": {"addressPrefix": "10.1.0.0/24"}}]},
         "resources": [{"type": "subnets", "name": "nested", "properties": {"addressPrefix": "10.1.2.0/24"}}]},
        {"type": "Microsoft.Network/virtualNetworks/subnets",
         "name": "[concat(parameters('vnetName'), '/', variables('iseSubnet'))]",
         "properties": {"addressPrefix": "10.1.1.0/27",
                        "delegations": [{"name": "d", "properties": {"serviceName": "Microsoft.Logic/integrationServiceEnvironments"}}]}},
        {"type": "Microsoft.Network/virtualNetworks/subnets", "name": "other-vnet/x",
         "properties": {"addressPrefix": "10.9.0.0/24"}},
        {"type": "Microsoft.Network/virtualNetworks/subnets", "name": "hub/app",
         "properties": {"addressPrefix": "10.1.0.0/24"}}
      ]
    }"#;
    let v = parse(t).unwrap();
    assert_eq!(v.source, Source::ArmTemplate);
    assert_eq!(v.name.as_deref(), Some("hub"));
    assert_eq!(v.location, None);
    assert_eq!(v.address_prefixes, Some(vec!["10.1.0.0/16".into()]));
    let names: Vec<&str> = v.subnets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["app", "ise-a", "nested"]);
    assert!(v.subnets[1].is_ise());
    assert!(
        v.notes
            .iter()
            .any(|n| n.contains("[resourceGroup().location]")),
        "{:?}",
        v.notes
    );
    // What the template does not say stays as it was.
    let mut d = Design::default();
    let s = v.apply_to(&mut d);
    assert_eq!(d.location, "westeurope");
    assert!(s.notes.iter().any(|n| n.contains("does not evaluate")));
}

#[test]
fn refusals_say_what_to_do() {
    let refuse = |text: &str| parse(text).unwrap_err();
    let depth2 = refuse(&fixture("powershell-vnet-depth2.json"));
    assert!(matches!(depth2, ImportError::Truncated { .. }));
    let message = depth2.to_string();
    assert!(message.contains("ConvertTo-Json -Depth 10"), "{message}");
    assert!(
        message.contains(
            "Get-AzVirtualNetwork -ResourceGroupName 'contoso-network-rg' -Name 'contoso-vnet'"
        ),
        "{message}"
    );
    // A list of VNets past PowerShell's depth.
    let listed = refuse(
        r#"[{"Name":"a","ResourceGroupName":"rg","AddressSpace":{"AddressPrefixes":["10.0.0.0/16"]},"Subnets":["Microsoft.Azure.Commands.Network.Models.PSSubnet"]}]"#,
    );
    assert!(
        listed.to_string().contains("PSSubnet") && listed.to_string().contains("-Depth 10"),
        "{listed}"
    );

    // `az network vnet list` of two VNets.
    let az = fixture("az-vnet-show.json");
    let two = refuse(&format!("[{az}, {}]", az.replace("contoso-vnet", "spoke")));
    assert!(
        two.to_string()
            .contains("2 virtual networks (contoso-vnet, spoke)"),
        "{two}"
    );
    // Subnets of two VNets.
    let list = fixture("az-subnet-list.json");
    let mut subnets: Vec<serde_json::Value> = serde_json::from_str(&list).unwrap();
    subnets[0]["id"] = subnets[0]["id"]
        .as_str()
        .unwrap()
        .replace("contoso-vnet", "spoke")
        .into();
    let mixed = refuse(&serde_json::to_string(&subnets).unwrap());
    assert!(mixed.to_string().contains("2 virtual networks"), "{mixed}");

    for (text, says) in [
        ("", "empty"),
        ("not json", "not JSON"),
        ("[]", "list is empty"),
        ("42", "single value"),
        (r#"{"name":"x"}"#, "no address space"),
        (r#"[{"a":1}]"#, "neither virtual networks nor subnets"),
        (
            r#"{"resources":[]}"#,
            "no Microsoft.Network/virtualNetworks",
        ),
        (&Design::default().to_json(), "Open design"),
        (r#"{"changeNumber":1,"values":[]}"#, "Service Tags"),
    ] {
        let message = refuse(text).to_string();
        assert!(message.contains(says), "{text:?}: {message}");
    }
    // Every refusal of an unknown shape lists the accepted ones and their commands.
    let message = refuse(r#"{"name":"x"}"#).to_string();
    for command in [
        "az network vnet show",
        "az network vnet subnet list",
        "virtualNetworks",
        "ARM template",
        "Get-AzVirtualNetwork",
    ] {
        assert!(message.contains(command), "{command}: {message}");
    }
}

#[test]
fn utf16_files_from_windows_powershell_are_read() {
    let text = fixture("powershell-vnet.json");
    let bytes: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let mut d = Design::default();
    let s = vnet::import_bytes(&bytes, &mut d).unwrap();
    assert_eq!(s.subnets, 10);
    assert_eq!(
        vnet::import_bytes(b"\xff\x00garbage", &mut d).unwrap_err(),
        ImportError::NotText
    );
}

#[test]
fn hostile_values_stay_data() {
    let text = r#"{"name":"<script>alert(1)</script>\u001b[2J$(rm -rf ~)","id":"/subscriptions/x/resourceGroups/'; DROP TABLE--/providers/Microsoft.Network/virtualNetworks/v",
      "addressSpace":{"addressPrefixes":["10.0.0.0/16","=HYPERLINK(\"http://evil\")","\u202e61/0.0.0.01"]},
      "subnets":[{"name":"`whoami`","addressPrefix":"10.0.0.0/24","delegations":[{"serviceName":"Microsoft.Logic/integrationServiceEnvironments\"; rm -rf /"}]}]}"#;
    let mut d = Design::default();
    let s = vnet::import(text, &mut d).unwrap();
    assert_eq!(
        d.vnet.name, "<script>alert(1)</script>\u{1b}[2J$(rm -rf ~)",
        "stored as given"
    );
    assert_eq!(d.vnet.resource_group, "'; DROP TABLE--");
    assert!(
        s.ise_subnets.is_empty(),
        "a look-alike service is not the ISE"
    );
    let shown = s.to_string();
    assert!(
        !shown.contains('\u{1b}'),
        "no terminal escapes in the summary: {shown:?}"
    );
    // The planner turns the values into findings, not failures.
    let p = plan(&d);
    assert!(p.has_errors());
    assert_eq!(Design::from_json(&d.to_json()).unwrap(), d);
}

#[test]
fn huge_files_are_refused_or_capped() {
    // Over the byte limit: refused before any parsing.
    let big = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert_eq!(
        parse(&big).unwrap_err(),
        ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        }
    );
    // A million subnets under the byte limit: read, capped and said so.
    let n = 1_000_000;
    let mut text = String::with_capacity(32 * n + 100);
    text.push_str(r#"{"name":"big","addressSpace":{"addressPrefixes":["10.0.0.0/8"]},"subnets":["#);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(r#"{"addressPrefix":"10.0.0.0/29"}"#);
    }
    text.push_str("]}");
    assert!(text.len() <= MAX_IMPORT_BYTES);
    let v = parse(&text).unwrap();
    assert_eq!(v.subnets.len(), MAX_SUBNETS);
    assert!(
        v.notes
            .iter()
            .any(|note| note.contains("1000000 subnets") && note.contains("first 3000")),
        "{:?}",
        v.notes
    );
    // Nesting past what any Azure file has: skipped without recursion where the importer
    // does not look, an error (not a stack overflow) where it does.
    let deep = format!(
        r#"{{"subnets":{}{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let v = parse(&deep).unwrap();
    assert!(v.subnets.is_empty());
    let deep = format!(
        r#"{}{{}}{}"#,
        r#"{"properties":"#.repeat(100_000),
        "}".repeat(100_000)
    );
    // Past the reader's depth the objects are skipped: no subnets, and no crash.
    assert!(parse(&deep).is_err());
    let deep = format!(
        r#"{}{{"subnets":[{{"addressPrefix":"10.0.0.0/24"}}]}}{}"#,
        r#"{"value":["#.repeat(100_000),
        "]}".repeat(100_000)
    );
    assert!(parse(&deep).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Whatever the text, the import answers (a summary or a refusal) and a design it
    /// produced plans without panicking.
    #[test]
    fn any_text_is_answered(text in "\\PC{0,200}") {
        let mut d = Design::default();
        if vnet::import(&text, &mut d).is_ok() {
            let _ = plan(&d);
        }
    }

    /// Damaged fixtures: a byte range replaced by other text.
    #[test]
    fn damaged_fixtures_are_answered(
        which in 0usize..6,
        at in 0.0f64..1.0,
        len in 0usize..40,
        with in "[\\[\\]{}\",:0-9a-zA-Z./ ]{0,12}",
    ) {
        let files = ["az-vnet-show.json", "az-subnet-list.json", "rest-vnet-get.json",
            "arm-template.json", "powershell-vnet.json", "powershell-vnet-depth2.json"];
        let text = fixture(files[which]);
        let start = (at * text.len() as f64) as usize;
        let end = (start + len).min(text.len());
        if text.is_char_boundary(start) && text.is_char_boundary(end) {
            let damaged = format!("{}{}{}", &text[..start], with, &text[end..]);
            let mut d = Design::default();
            match vnet::import(&damaged, &mut d) {
                Ok(s) => {
                    prop_assert!(s.subnets <= MAX_SUBNETS);
                    let _ = plan(&d);
                }
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }
}

// ---- ise-plan --import-vnet, as a process ----

const BIN: &str = env!("CARGO_BIN_EXE_ise-plan");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
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
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        // A run refused for its arguments exits without reading stdin (broken pipe).
        let _ = pipe.write_all(bytes);
    }
    let out = child.wait_with_output().unwrap();
    let r = Run {
        code: out.status.code().expect("exit status"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    };
    assert!(
        !r.stderr.contains("panicked"),
        "ise-plan {args:?} panicked:\n{}",
        r.stderr
    );
    r
}

fn fixture_path(name: &str) -> String {
    format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A run whose design is wanted: exit 0 or 1 (the fixtures' dual-stack VNet may be
/// reported), stdout the effective design.
fn design_of(r: &Run) -> Design {
    assert!(r.code == 0 || r.code == 1, "exit {}\n{}", r.code, r.stderr);
    Design::from_json(&r.stdout).unwrap_or_else(|e| panic!("{e}\n{}", r.stdout))
}

fn assert_usage_error(r: &Run, says: &str) {
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    assert!(r.stderr.contains(says), "{says:?} in\n{}", r.stderr);
}

struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "ise-plan-import-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
    fn file(&self, name: &str, contents: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, contents).unwrap();
        path.to_str().unwrap().to_string()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn cli_imports_each_shape_from_a_file() {
    for file in [
        "az-vnet-show.json",
        "az-subnet-list.json",
        "rest-vnet-get.json",
        "arm-template.json",
        "powershell-vnet.json",
    ] {
        let r = run(
            &["--import-vnet", &fixture_path(file), "--emit", "design"],
            None,
        );
        let d = design_of(&r);
        assert_eq!(d.vnet.name, "contoso-vnet", "{file}");
        assert_eq!(d.vnet.existing_subnets.len(), 12, "{file}");
        assert!(
            r.stderr.contains("ise-plan: Imported VNet contoso-vnet: ")
                && r.stderr.contains("1 recognised as an ISE subnet"),
            "{file}: {}",
            r.stderr
        );
    }
}

#[test]
fn cli_reads_stdin_and_applies_design_then_import_then_flags() {
    let dir = TempDir::new();
    let saved = Design {
        name: "from-the-file".into(),
        location: "northeurope".into(),
        ..Design::default()
    };
    let design = dir.file("design.json", saved.to_json().as_bytes());
    let vnet = std::fs::read(fixture_path("az-vnet-show.json")).unwrap();
    let r = run(
        &[
            "--design",
            &design,
            "--import-vnet",
            "-",
            "--vnet-name",
            "renamed",
            "--emit",
            "design",
        ],
        Some(&vnet),
    );
    let d = design_of(&r);
    assert_eq!(d.name, "from-the-file", "the design file's ISE is kept");
    assert_eq!(d.location, "westeurope", "the import replaces the region");
    assert_eq!(d.vnet.name, "renamed", "flags override the import");
    assert_eq!(d.vnet.existing_subnets.len(), 12);

    // Only one of them may read stdin.
    let r = run(
        &["--design", "-", "--import-vnet", "-"],
        Some(b"{\"version\":2}"),
    );
    assert_usage_error(
        &r,
        "only one of --design, --import-vnet and --service-tags can read stdin",
    );
}

#[test]
fn cli_refuses_bad_files_with_exit_status_2() {
    let dir = TempDir::new();
    let r = run(
        &[
            "--import-vnet",
            &fixture_path("powershell-vnet-depth2.json"),
        ],
        None,
    );
    assert_usage_error(&r, "ConvertTo-Json -Depth 10");
    let missing = dir.0.join("none.json");
    let r = run(&["--import-vnet", missing.to_str().unwrap()], None);
    assert_usage_error(&r, "cannot read the VNet from");
    let r = run(
        &[
            "--import-vnet",
            &dir.file("design.json", Design::default().to_json().as_bytes()),
        ],
        None,
    );
    assert_usage_error(&r, "Open design");
    let r = run(
        &[
            "--import-vnet",
            &dir.file("latin1.json", b"{\"name\":\"caf\xe9\"}"),
        ],
        None,
    );
    assert_usage_error(&r, "UTF-8");
    let r = run(&["--import-vnet", "-"], Some(b"[]"));
    assert_usage_error(&r, "the list is empty");
}

#[cfg(unix)]
#[test]
fn cli_stops_reading_an_endless_file() {
    let r = run(&["--import-vnet", "/dev/zero"], None);
    assert_usage_error(&r, "larger than 32 MiB");
}

#[test]
fn cli_help_names_the_import_and_csv_flags() {
    let r = run(&["--help"], None);
    assert_eq!(r.code, 0);
    for text in [
        "--import-vnet <FILE>",
        "[--import-vnet FILE]",
        "--table <TABLE>",
        "|design|csv|",
        "subnets|inbound|outbound|routes",
    ] {
        assert!(
            r.stdout.contains(text),
            "--help lacks {text:?}\n{}",
            r.stdout
        );
    }
}
