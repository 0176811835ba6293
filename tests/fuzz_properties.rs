//! The fuzz targets' bodies (`fuzz/src/lib.rs`) on stable, deterministic: structured hostile designs,
//! byte mutations of valid designs, damaged share links and Service Tags files — tens of
//! thousands of inputs in about 15 s (a debug build), each checked against the work bounds (sizes and
//! counts, never timings).
//!
//! `ISE_FUZZ_ROUNDS=N` multiplies the number of inputs (a long run: see the README);
//! `ISE_FUZZ_START=S` starts the generator elsewhere.

#[path = "../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod checks;

use checks::{mutate, Rng, Scale, Source};
use ise_planner::design::share_link;
use ise_planner::design::Design;

fn rounds() -> usize {
    std::env::var("ISE_FUZZ_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(1)
}

fn rng(salt: u64) -> Rng {
    let start = std::env::var("ISE_FUZZ_START")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x15e_5eed);
    Rng(start ^ salt.wrapping_mul(0x2545_f491_4f6c_dd1d))
}

/// Valid designs to mutate: the golden cases, the version-1 fixture, the default.
fn starting_inputs() -> Vec<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut out = vec![Design::default().to_json().into_bytes()];
    for case in [
        "default",
        "crowded-vnet",
        "external-government",
        "hostile-names",
    ] {
        if let Ok(text) = std::fs::read(root.join("golden").join(case).join("design.json")) {
            out.push(text);
        }
    }
    if let Ok(text) = std::fs::read(root.join("fixtures/design-v1.json")) {
        out.push(text);
    }
    assert!(out.len() >= 2, "the starting designs are readable");
    out
}

/// Runs `body` on `n` inputs; on a failure, says which input (as escaped text) failed.
fn each(n: usize, mut make: impl FnMut(usize) -> Vec<u8>, body: fn(&[u8])) {
    for i in 0..n * rounds() {
        let input = make(i);
        let result = std::panic::catch_unwind(|| body(&input));
        if let Err(e) = result {
            let shown: String = String::from_utf8_lossy(&input)
                .chars()
                .take(2_000)
                .collect();
            eprintln!("failing input #{i} ({} bytes): {shown:?}", input.len());
            std::panic::resume_unwind(e);
        }
    }
}

#[test]
fn mutated_designs_load_and_plan_within_bounds() {
    let inputs = starting_inputs();
    let mut rng = rng(1);
    each(
        10_000,
        |i| mutate(&mut rng, &inputs[i % inputs.len()]),
        checks::design_load,
    );
}

#[test]
fn hostile_designs_plan_within_bounds() {
    let mut rng = rng(2);
    each(
        1_500,
        |_| (0..64).map(|_| rng.next_u64() as u8).collect(),
        |data| checks::plan_recipe_at(data, Scale::Small),
    );
    // The same generator, driven by the deterministic generator instead of bytes.
    for _ in 0..300 * rounds() {
        let design = checks::hostile_design(&mut rng, Scale::Small);
        checks::check_plan(&design, checks::design_size(&design));
    }
}

#[test]
fn hostile_designs_plan_the_standard_network_within_bounds() {
    let mut rng = rng(7);
    each(
        800,
        |_| (0..64).map(|_| rng.next_u64() as u8).collect(),
        |data| {
            let design = checks::hostile_design(&mut checks::Bytes::new(data), Scale::Small);
            checks::check_standard_plan(&design, checks::design_size(&design));
        },
    );
}

#[test]
fn hostile_designs_round_trip_through_share_links() {
    let mut rng = rng(3);
    for _ in 0..300 * rounds() {
        let design = checks::hostile_design(&mut rng, Scale::Small);
        checks::share_link_round_trip(&design);
    }
}

#[test]
fn damaged_share_links_are_errors_or_designs() {
    let links: Vec<Vec<u8>> = starting_inputs()
        .iter()
        .filter_map(|s| Design::from_json(&String::from_utf8_lossy(s)).ok())
        .filter_map(|d| share_link::encode(&d).ok())
        .map(String::into_bytes)
        .collect();
    let mut rng = rng(4);
    each(
        10_000,
        |i| {
            if i % 10 == 0 {
                // Not a link at all: random text.
                (0..rng.below(40)).map(|_| rng.next_u64() as u8).collect()
            } else {
                mutate(&mut rng, &links[i % links.len()])
            }
        },
        checks::share_link_decode,
    );
}

#[test]
fn service_tags_files_are_read_or_refused() {
    let sample = br#"{"changeNumber": 1, "cloud": "Public", "values": [
        {"name": "AppServiceManagement", "properties": {"addressPrefixes": ["13.66.140.0/26", "2603:1000::/40"]}},
        {"name": "AzureConnectors.WestEurope", "properties": {"addressPrefixes": ["52.174.88.118/32"]}},
        {"name": "AzureTrafficManager", "properties": {"addressPrefixes": ["13.65.92.252/32"]}},
        {"name": "LogicApps.WestEurope", "properties": {"addressPrefixes": ["13.95.155.53/32"]}},
        {"name": "LogicApps.USGovVirginia", "properties": {"addressPrefixes": ["52.227.159.157/32"]}},
        {"name": "AzureConnectors.USGovVirginia", "properties": {"addressPrefixes": ["52.127.61.192/26"]}}
    ]}"#;
    let mut rng = rng(5);
    each(6_000, |_| mutate(&mut rng, sample), checks::service_tags);
}

#[test]
fn tables_export_escapes_every_cell() {
    let mut rng = rng(6);
    each(
        1_500,
        |_| (0..64).map(|_| rng.next_u64() as u8).collect(),
        |data| checks::table_export_at(data, Scale::Small),
    );
}

#[test]
fn the_probes_link_is_bounded() {
    // The probe's share link: a 100,000-character VNet name and 2,000 ISE subnets.
    let mut d = Design::default();
    d.vnet.name = "v".repeat(100_000);
    d.subnets = (0..2_000)
        .map(|i| ise_planner::design::SubnetSpec {
            name: format!("s{i}"),
            ..Default::default()
        })
        .collect();
    let link = share_link::encode(&d).expect("it compresses into a link");
    assert!(link.len() < share_link::MAX_FRAGMENT, "{}", link.len());
    // It reads back to a design that is planned within bounds, its four subnets only.
    checks::share_link_decode(link.as_bytes());
    let loaded = share_link::decode(&link).unwrap().unwrap();
    assert_eq!(loaded.design.subnets.len(), 5, "read one past the four");
    checks::check_plan(&loaded.design, link.len());
}

#[test]
fn designs_at_every_cap_plan_within_bounds() {
    use ise_planner::design::limits;
    use ise_planner::design::{Certificate, ExistingSubnet, SubnetSpec};
    // Each list one past its cap, each text past its limit, all at once: the most a loaded
    // design can hold (the huge cases the generator above leaves out).
    let mut d = Design {
        name: "n".repeat(limits::ISE_NAME + 1),
        ..Design::default()
    };
    d.vnet.name = "v".repeat(100_000);
    d.vnet.address_prefixes = (0..=limits::VNET_PREFIXES as u32)
        .map(|i| format!("10.{}.{}.0/24", i / 256, i % 256))
        .collect();
    d.vnet.existing_subnets = (0..=limits::EXISTING_SUBNETS as u32)
        .map(|i| ExistingSubnet {
            prefix: format!(
                "172.{}.{}.{}/30",
                16 + (i >> 14),
                (i >> 6) & 255,
                (i & 63) * 4
            ),
            delegations: if i % 1000 == 0 {
                vec!["x".repeat(300); limits::DELEGATIONS + 1]
            } else {
                Vec::new()
            },
            ..ExistingSubnet::default()
        })
        .collect();
    d.subnets = (0..3_000)
        .map(|i| SubnetSpec {
            name: format!("s{i}"),
            prefix: "10.0.0.0/27".into(),
            ..SubnetSpec::default()
        })
        .collect();
    let addresses = |k: u32| -> Vec<String> {
        (0..=limits::ADDRESSES as u32)
            .map(|i| format!("{}.{}.{}.0/24", 20 + k, i / 256, i % 256))
            .collect()
    };
    d.access_endpoint = ise_planner::design::AccessEndpoint::External;
    d.cloud = ise_planner::design::Cloud::Government;
    d.forced_tunneling = ise_planner::design::ForcedTunneling::Firewall;
    d.connector_outbound_addresses = addresses(1);
    d.caller_addresses = addresses(2);
    d.government_addresses.logic_apps_inbound = addresses(3);
    d.government_addresses.logic_apps_outbound = addresses(4);
    d.government_addresses.managed_connector_outbound = addresses(5);
    d.dependency_addresses.logic_apps = addresses(6);
    d.dns_servers = vec!["10.0.0.4".into(); limits::DNS_SERVERS + 1];
    d.certificates = (0..=limits::CERTIFICATES)
        .map(|i| Certificate {
            name: format!("c{i}"),
            public_certificate: "A".repeat(limits::CERTIFICATE + 1),
        })
        .collect();
    d.managed_connectors = vec!["sql".into(); limits::CONNECTORS + 1];
    checks::check_plan(&d, checks::design_size(&d));
    checks::check_standard_plan(&d, checks::design_size(&d));
    let p = ise_planner::plan(&d);
    let codes: Vec<&str> = p.findings.iter().map(|f| f.code).collect();
    for code in [
        "list-too-long",
        "value-too-long",
        "subnet-count",
        "vnet-subnet-limit",
    ] {
        assert!(codes.contains(&code), "{code}: {codes:?}");
    }
    checks::check_tables(&p);
}
