//! What each fuzz target runs, and the invariants it asserts: shared by the cargo-fuzz
//! targets (`fuzz/fuzz_targets/`, nightly) and the deterministic property test
//! (`tests/fuzz_properties.rs`, stable, part of `cargo test`), which includes this file.
//!
//! Every entry point takes whatever it is given without panicking, and the work it does
//! stays bounded: at most four ISE subnets planned, a bounded number of findings, request
//! bodies and plans proportional to the input, no value longer than its limit in a URL or
//! an ID, and every share link that can be made reads back.

use ise_planner::design::limits;
use ise_planner::design::share_link;
use ise_planner::design::{
    AccessEndpoint, Certificate, Cloud, Deployment, Design, ExistingSubnet, ForcedTunneling,
    Hosting, NextHop, Sku, StandardSubnetSpec, SubnetSpec, TypedNumber, View,
};
use ise_planner::export::tables;
use ise_planner::findings::code;
use ise_planner::findings::FINDINGS_PER_CODE;
use ise_planner::import::service_tags::ServiceTags;
use ise_planner::migrate;
use ise_planner::{plan, Plan};

// --- entry points ---------------------------------------------------------------------

/// The design loader on any bytes (read as text, invalid UTF-8 replaced), then the plan of
/// what loads.
pub fn design_load(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let result = Design::load(&text);
    // Text takes a shortcut for plain designs; a parsed value never does. Both agree.
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(body) {
        assert_eq!(
            Design::load_value(value),
            result,
            "text and value read differently"
        );
    }
    let Ok(loaded) = result else {
        return;
    };
    check_loaded(&loaded.design);
    // What loads saves and loads back to the same design, with nothing left to reset.
    let again = Design::load(&loaded.design.to_json()).expect("a saved design loads");
    assert_eq!(
        again.design, loaded.design,
        "save and load changed the design"
    );
    assert!(again.dropped.is_empty(), "{:?}", again.dropped);
    check_plan(&loaded.design, data.len());
    check_standard_plan(&loaded.design, data.len());
}

/// `plan()` and the Standard plan on a hostile design built from the bytes (see
/// [`hostile_design`]).
pub fn plan_recipe(data: &[u8]) {
    let design = hostile_design(&mut Bytes::new(data), Scale::Huge);
    let size = design_size(&design);
    check_plan(&design, size);
    check_standard_plan(&design, size);
}

/// [`plan_recipe`] at a given scale.
pub fn plan_recipe_at(data: &[u8], scale: Scale) {
    let design = hostile_design(&mut Bytes::new(data), scale);
    check_plan(&design, design_size(&design));
}

/// The share-link reader on any text; and the link of what it reads reads back.
pub fn share_link_decode(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match share_link::decode(&text) {
        Ok(None) => assert!(!share_link::is_share_link(&text)),
        Ok(Some(loaded)) => {
            check_loaded(&loaded.design);
            share_link_round_trip(&loaded.design);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

/// Every design a link can be made of reads back from the link; one that cannot is too
/// large, and says so.
pub fn share_link_round_trip(design: &Design) {
    match share_link::encode(design) {
        Ok(link) => {
            assert!(link.len() <= share_link::MAX_FRAGMENT, "{}", link.len());
            let loaded = share_link::decode(&format!("#{link}"))
                .expect("a link that was made reads back")
                .expect("it is a share link");
            let expected = as_loaded(design);
            if loaded.design != expected {
                panic!(
                    "the link changed the design at {}",
                    first_difference(&expected, &loaded.design)
                );
            }
        }
        Err(e) => assert!(
            matches!(e, share_link::LinkError::TooLarge(_)),
            "encode failed otherwise: {e:?}"
        ),
    }
}

/// The Service Tags importer on any text; what it reads imports into a design that plans.
pub fn service_tags(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(tags) = ServiceTags::parse(&text) else {
        return;
    };
    let mut design = Design {
        forced_tunneling: ForcedTunneling::Firewall,
        ..Design::default()
    };
    let _ = tags.import_into(&mut design);
    design.cloud = Cloud::Government;
    design.location = "usgovvirginia".into();
    let _ = tags.import_into(&mut design);
    check_plan(&design, data.len());
}

/// The table exports (TSV and HTML) of the plan of a hostile design.
pub fn table_export(data: &[u8]) {
    table_export_at(data, Scale::Huge);
}

/// [`table_export`] at a given scale.
pub fn table_export_at(data: &[u8], scale: Scale) {
    let design = hostile_design(&mut Bytes::new(data), scale);
    check_tables(&plan(&design));
}

/// `design` as the loader returns it: the current version, each list cut one past its cap.
pub fn as_loaded(design: &Design) -> Design {
    let cap = |path: &str| limits::load_cap(path).expect("a capped list");
    let mut d = design.clone();
    d.version = ise_planner::design::DESIGN_VERSION;
    d.vnet
        .address_prefixes
        .truncate(cap("vnet.addressPrefixes"));
    d.vnet
        .existing_subnets
        .truncate(cap("vnet.existingSubnets"));
    for e in &mut d.vnet.existing_subnets {
        e.delegations
            .truncate(cap("vnet.existingSubnets[].delegations"));
    }
    d.subnets.truncate(cap("subnets"));
    d.dns_servers.truncate(cap("dnsServers"));
    d.certificates.truncate(cap("certificates"));
    d.managed_connectors.truncate(cap("managedConnectors"));
    d.connector_outbound_addresses
        .truncate(cap("connectorOutboundAddresses"));
    d.caller_addresses.truncate(cap("callerAddresses"));
    let g = &mut d.government_addresses;
    g.logic_apps_inbound
        .truncate(cap("governmentAddresses.logicAppsInbound"));
    g.logic_apps_outbound
        .truncate(cap("governmentAddresses.logicAppsOutbound"));
    g.managed_connector_outbound
        .truncate(cap("governmentAddresses.managedConnectorOutbound"));
    let dep = &mut d.dependency_addresses;
    dep.app_service_management
        .truncate(cap("dependencyAddresses.appServiceManagement"));
    dep.connectors
        .truncate(cap("dependencyAddresses.connectors"));
    dep.traffic_manager
        .truncate(cap("dependencyAddresses.trafficManager"));
    dep.logic_apps
        .truncate(cap("dependencyAddresses.logicApps"));
    d
}

/// The first JSON path where two designs differ, with both values (shortened).
pub fn first_difference(a: &Design, b: &Design) -> String {
    fn walk(a: &serde_json::Value, b: &serde_json::Value, path: String) -> Option<String> {
        use serde_json::Value;
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => x
                .iter()
                .find_map(|(k, v)| walk(v, y.get(k).unwrap_or(&Value::Null), format!("{path}.{k}")))
                .or_else(|| (x.len() != y.len()).then(|| format!("{path}: keys differ"))),
            (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (v, w))| walk(v, w, format!("{path}[{i}]"))),
            _ if a == b => None,
            _ => Some(format!(
                "{path}: {:.80} vs {:.80}",
                a.to_string(),
                b.to_string()
            )),
        }
    }
    let (a, b) = (serde_json::to_value(a), serde_json::to_value(b));
    match (a, b) {
        (Ok(a), Ok(b)) => walk(&a, &b, String::new()).unwrap_or_else(|| "nowhere".into()),
        _ => "(not serialisable)".into(),
    }
}

// --- invariants -----------------------------------------------------------------------

/// A design as the loader returns it: no list longer than one past its cap.
pub fn check_loaded(design: &Design) {
    let cap = |path: &str| limits::load_cap(path).expect("a capped list");
    let lengths = [
        ("vnet.addressPrefixes", design.vnet.address_prefixes.len()),
        ("vnet.existingSubnets", design.vnet.existing_subnets.len()),
        ("subnets", design.subnets.len()),
        ("dnsServers", design.dns_servers.len()),
        ("certificates", design.certificates.len()),
        ("managedConnectors", design.managed_connectors.len()),
        (
            "connectorOutboundAddresses",
            design.connector_outbound_addresses.len(),
        ),
        ("callerAddresses", design.caller_addresses.len()),
        (
            "dependencyAddresses.logicApps",
            design.dependency_addresses.logic_apps.len(),
        ),
    ];
    for (path, len) in lengths {
        assert!(len <= cap(path), "{path} has {len} entries after loading");
    }
    for e in &design.vnet.existing_subnets {
        assert!(e.delegations.len() <= cap("vnet.existingSubnets[].delegations"));
    }
}

/// The size of a design as compact JSON: the "input" outputs are measured against.
pub fn design_size(design: &Design) -> usize {
    serde_json::to_string(design).map_or(0, |s| s.len())
}

/// Plans `design` and asserts the work bounds. `input` is the size of what the design came
/// from (bytes).
pub fn check_plan(design: &Design, input: usize) {
    let p = plan(design);
    assert_eq!(
        p.subnets.len(),
        design.subnets.len().min(limits::ISE_SUBNETS)
    );
    for (planned, spec) in p.subnets.iter().zip(&design.subnets) {
        assert_eq!(
            planned.pinned,
            spec.is_pinned(),
            "a pinned subnet was moved"
        );
    }
    assert!(
        p.findings.len() <= code::ALL.len() * (FINDINGS_PER_CODE + 1),
        "{} findings",
        p.findings.len()
    );
    for f in &p.findings {
        assert!(code::ALL.contains(&f.code), "unknown code {}", f.code);
        assert!(f.field.len() <= 128, "field {:.60}…", f.field);
        // A message may list the VNet's prefixes, never a whole input.
        assert!(
            f.message.len() <= 1_024 + limits::VNET_PREFIXES * 20,
            "{}: a message of {} bytes",
            f.code,
            f.message.len()
        );
    }
    let body = serde_json::to_string(&p.rest.create.body).expect("the body serialises");
    assert!(
        body.len() <= 2 * input + 64 * 1024,
        "REST body {} bytes for {input} bytes of input",
        body.len()
    );
    let all = serde_json::to_string(&p).expect("the plan serialises");
    assert!(
        all.len() <= 64 * input + 1024 * 1024,
        "plan {} bytes for {input} bytes of input",
        all.len()
    );
    check_ids(&p);
}

/// Plans the ISE and then the Standard network (`migrate::plan`) and asserts the Standard
/// plan's bounds: two subnets, the allocated ones apart, a bounded number of findings with
/// documented codes, a plan proportional to the input.
pub fn check_standard_plan(design: &Design, input: usize) {
    let p = migrate::plan(design).standard;
    assert_eq!(p.subnets.len(), 2, "two new subnets whatever the design");
    let placed: Vec<_> = p
        .subnets
        .iter()
        .filter(|s| !s.pinned)
        .filter_map(|s| s.net())
        .collect();
    if let [a, b] = placed[..] {
        assert!(!a.contains(&b) && !b.contains(&a), "{a} and {b} overlap");
    }
    for s in &p.subnets {
        assert!(
            s.name.chars().count() <= limits::SUBNET_NAME,
            "a subnet name past its limit"
        );
    }
    assert!(
        p.findings.len() <= code::ALL.len() * (FINDINGS_PER_CODE + 1),
        "{} findings",
        p.findings.len()
    );
    for f in &p.findings {
        assert!(code::ALL.contains(&f.code), "unknown code {}", f.code);
        assert!(f.field.len() <= 128, "field {:.60}…", f.field);
        assert!(
            f.message.len() <= 2_048,
            "{}: a message of {} bytes",
            f.code,
            f.message.len()
        );
    }
    assert!(p.private_endpoints.len() <= 5 && p.dns_zones.len() <= 6);
    let all = serde_json::to_string(&p).expect("the plan serialises");
    assert!(
        all.len() <= 64 * input + 1024 * 1024,
        "Standard plan {} bytes for {input} bytes of input",
        all.len()
    );
}

/// No value longer than its limit in a request's URL or in a resource ID.
pub fn check_ids(p: &Plan) {
    let requests = std::iter::once(&p.rest.create)
        .chain(&p.rest.certificates_patch)
        .chain(&p.rest.connectors);
    for request in requests {
        let path = request
            .url
            .split_once("://")
            .and_then(|(_, rest)| rest.split_once('/'))
            .map(|(_, path)| path.split('?').next().unwrap_or_default())
            .expect("an https URL");
        for segment in path.split('/') {
            let decoded = percent_decode(segment);
            assert!(
                decoded.chars().count() <= limits::TEXT,
                "a URL segment of {} characters",
                decoded.chars().count()
            );
        }
    }
    let Some(body) = &p.rest.create.body else {
        return;
    };
    let name = body["name"].as_str().unwrap_or_default();
    assert!(name.chars().count() <= limits::ISE_NAME, "name {name:.40}…");
    let id = body["id"].as_str().unwrap_or_default();
    check_id(id);
    if let Some(subnets) = body["properties"]["networkConfiguration"]["subnets"].as_array() {
        assert!(subnets.len() <= limits::ISE_SUBNETS);
        for s in subnets {
            check_id(s["id"].as_str().unwrap_or_default());
        }
    }
    if let Some(certs) = body["properties"]["certificates"].as_object() {
        assert!(certs.len() <= limits::CERTIFICATES);
        for (name, cert) in certs {
            assert!(name.chars().count() <= limits::CERTIFICATE_NAME);
            let public = cert["publicCertificate"].as_str().unwrap_or_default();
            // PEM text is sent as base64 of the whole text: 4/3 of the limit.
            assert!(public.len() <= limits::CERTIFICATE * 4 * 4 / 3 + 4);
        }
    }
}

/// Each part of a resource ID within the limit of what it names.
fn check_id(id: &str) {
    let parts: Vec<&str> = id.split('/').collect();
    for pair in parts.windows(2) {
        let limit = match pair[0] {
            "subscriptions" => limits::TEXT,
            "resourceGroups" => limits::RESOURCE_GROUP_NAME,
            "virtualNetworks" => limits::VNET_NAME,
            "subnets" => limits::SUBNET_NAME,
            "integrationServiceEnvironments" => limits::ISE_NAME,
            _ => continue,
        };
        assert!(
            pair[1].chars().count() <= limit,
            "{} of {} characters in an ID",
            pair[0],
            pair[1].chars().count()
        );
    }
}

fn percent_decode(segment: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16);
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if let (b'%', Some(Some(hi)), Some(Some(lo))) = (
            bytes[i],
            bytes.get(i + 1).map(|b| hex(*b)),
            bytes.get(i + 2).map(|b| hex(*b)),
        ) {
            out.push((hi * 16 + lo) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The plan's tables: one TSV line per row plus the header, each with one cell per
/// column; HTML with every cell escaped.
pub fn check_tables(p: &Plan) {
    for table in [
        tables::nsg_rules(&p.nsg_rules),
        tables::routes(&p.routes),
        tables::subnets(p),
    ] {
        let tsv = table.to_tsv();
        let lines: Vec<&str> = tsv.strip_suffix('\n').unwrap_or(&tsv).split('\n').collect();
        assert_eq!(lines.len(), table.rows.len() + 1, "one line per row");
        for line in &lines {
            assert_eq!(line.split('\t').count(), table.headers.len(), "{line:.80}");
        }
        let html = table.to_html();
        let cells = table.rows.iter().map(Vec::len).sum::<usize>();
        assert_eq!(html.matches("<td>").count(), cells, "a cell opened markup");
        assert_eq!(html.matches('<').count(), html.matches('>').count());
        for row in &table.rows {
            for cell in row {
                assert!(
                    !cell.contains('<') || !html.contains(cell.as_str()),
                    "an unescaped cell"
                );
            }
        }
    }
}

// --- hostile input --------------------------------------------------------------------

/// A source of choices: a deterministic generator in the property test, the fuzzer's bytes in a
/// fuzz target.
pub trait Source {
    fn next_u64(&mut self) -> u64;

    /// A number below `n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True one time in `n`. (Zero choices — a fuzzer's input that ran out — say no, so
    /// that short inputs make small designs.)
    fn one_in(&mut self, n: usize) -> bool {
        n > 0 && self.below(n) == n - 1
    }
}

/// SplitMix64: small, deterministic, the same sequence on every machine.
pub struct Rng(pub u64);

impl Source for Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The fuzzer's bytes as choices (zeros once they run out).
pub struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Bytes<'a> {
        Bytes { data, at: 0 }
    }
}

impl Source for Bytes<'_> {
    fn next_u64(&mut self) -> u64 {
        let mut n = [0u8; 8];
        for b in n.iter_mut().take(2) {
            *b = self.data.get(self.at).copied().unwrap_or(0);
            self.at += 1;
        }
        u64::from_le_bytes(n)
    }
}

const ODD: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{202e}evil",
    "😀👩‍👩‍👧",
    "ＡＢＣ１２３",
    "e\u{301}",
    "\"quoted\"",
    "<script>alert(1)</script>",
    "a/b?c=d&e#f",
    "..",
    "%2e%2e",
    "10.0.0.0/27",
    " 10.0.0.0/24\t",
    "10.0.1.0/22",
    "0.0.0.0/0",
    "168.63.129.16",
    "fd00::/8",
    "52.1.2.3",
    "300.1.2.3/8",
    "westeurope",
    "West Europe",
    "usgovvirginia",
    "f34b22a3-2202-4fb1-b040-1332bd928c84",
    "MIIBCgKCAQEAww==",
    "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
    "sql",
    "Microsoft.Logic/integrationServiceEnvironments",
];

/// How large hostile input gets: `Huge` reaches every cap (fuzzing, release builds);
/// `Small` stays within a few hundred entries so that tens of thousands of inputs run in
/// seconds in a debug build (the caps themselves are tried once each, separately).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Small,
    Huge,
}

impl Scale {
    /// `n`, or at most a few hundred when small.
    fn of(self, n: usize) -> usize {
        match self {
            Scale::Huge => n,
            Scale::Small => n.min(300),
        }
    }
}

/// A hostile string: odd values, lengths at and around the limits, and huge ones.
pub fn text(src: &mut impl Source) -> String {
    match src.below(10) {
        0..=4 => ODD[src.below(ODD.len())].to_string(),
        5 => {
            let limits = [
                limits::SUBNET_NAME,
                limits::VNET_NAME,
                limits::RESOURCE_GROUP_NAME,
                limits::TEXT,
            ];
            let n = limits[src.below(limits.len())] + src.below(3) - 1;
            "é".repeat(n)
        }
        6 => "x".repeat(src.below(4_000)),
        7 if src.one_in(50) => "v".repeat(100_000),
        _ => {
            let n = src.below(24);
            (0..n)
                .map(|_| {
                    let c = src.below(0x2_0000) as u32;
                    char::from_u32(c).unwrap_or('?')
                })
                .collect()
        }
    }
}

/// A list of hostile strings, sometimes thousands, sometimes just past a cap.
pub fn texts(src: &mut impl Source, cap: usize, scale: Scale) -> Vec<String> {
    let n = match src.below(20) {
        19 => scale.of(cap + src.below(3)),
        18 => scale.of(src.below(3_000)),
        _ => src.below(6),
    };
    let filler = text(src);
    (0..n)
        .map(|i| {
            if i % 64 == 0 {
                text(src)
            } else {
                filler.clone()
            }
        })
        .collect()
}

/// A design with hostile values everywhere: huge names, thousands of subnets and
/// addresses, odd Unicode, lists at and past their caps.
pub fn hostile_design(src: &mut impl Source, scale: Scale) -> Design {
    let mut d = Design::default();
    hostile_choices(src, &mut d);
    d.vnet.name = text(src);
    d.vnet.resource_group = text(src);
    if !src.one_in(4) {
        d.vnet.address_prefixes = texts(src, limits::VNET_PREFIXES, scale);
    }
    d.vnet.existing_subnets = hostile_existing_subnets(src, scale);
    d.subnets = hostile_ise_subnets(src, scale);
    d.dns_servers = texts(src, limits::DNS_SERVERS, scale);
    d.network_virtual_appliance = src.one_in(2);
    d.certificates = hostile_certificates(src);
    hostile_address_lists(src, &mut d, scale);
    d.managed_connectors = texts(src, limits::CONNECTORS, scale);
    d.allow_load_balancer_rule = src.one_in(2);
    hostile_standard(src, &mut d);
    d
}

/// The ISE's identity (each sometimes left as the default) and every choice of the design.
fn hostile_choices(src: &mut impl Source, d: &mut Design) {
    if !src.one_in(3) {
        d.subscription_id = text(src);
    }
    if !src.one_in(3) {
        d.resource_group = text(src);
    }
    if !src.one_in(3) {
        d.name = text(src);
    }
    if !src.one_in(3) {
        d.location = text(src);
    }
    d.sku = [Sku::Premium, Sku::Developer][src.below(2)];
    d.additional_capacity = TypedNumber(text(src));
    d.access_endpoint = [AccessEndpoint::Internal, AccessEndpoint::External][src.below(2)];
    d.deployment = [Deployment::Portal, Deployment::Rest][src.below(2)];
    d.cloud = [Cloud::Public, Cloud::Government, Cloud::China][src.below(3)];
    d.forced_tunneling = [
        ForcedTunneling::None,
        ForcedTunneling::ExpressRoute,
        ForcedTunneling::Firewall,
    ][src.below(3)];
    d.firewall.next_hop = [NextHop::VirtualAppliance, NextHop::VirtualNetworkGateway][src.below(2)];
    d.firewall.appliance_ip = text(src);
}

/// A few existing subnets, or thousands, at and past their cap: mostly valid /29s, now and
/// then an odd name, prefix or delegation list, every seventh marked as an ISE subnet.
fn hostile_existing_subnets(src: &mut impl Source, scale: Scale) -> Vec<ExistingSubnet> {
    let existing = match src.below(40) {
        39 => scale.of(limits::EXISTING_SUBNETS + src.below(3)),
        35..=38 => scale.of(src.below(5_000)),
        _ => src.below(8),
    };
    let odd_name = text(src);
    (0..existing)
        .map(|i| {
            let i = i as u32;
            ExistingSubnet {
                name: if i % 97 == 0 {
                    odd_name.clone()
                } else {
                    String::new()
                },
                prefix: if i % 61 == 0 {
                    text(src)
                } else {
                    format!(
                        "10.{}.{}.{}/29",
                        (i >> 13) & 255,
                        (i >> 5) & 255,
                        (i & 31) * 8
                    )
                },
                ise_subnet: i % 7 == 0,
                delegations: if i % 101 == 0 {
                    texts(src, limits::DELEGATIONS, scale)
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

/// The ISE's subnets: usually four, sometimes fewer or thousands, with odd names, prefixes
/// and placements.
fn hostile_ise_subnets(src: &mut impl Source, scale: Scale) -> Vec<SubnetSpec> {
    let subnets = match src.below(10) {
        9 => scale.of(2_000 + src.below(2_000)),
        8 => src.below(4),
        _ => 4,
    };
    (0..subnets)
        .map(|i| SubnetSpec {
            name: if src.one_in(2) {
                format!("ise-{i}")
            } else {
                text(src)
            },
            prefix: if src.one_in(3) {
                text(src)
            } else {
                String::new()
            },
            placed: if src.one_in(8) {
                text(src)
            } else {
                String::new()
            },
        })
        .collect()
}

/// A few certificates, or one past the cap, with odd names and bodies over their size.
fn hostile_certificates(src: &mut impl Source) -> Vec<Certificate> {
    let certificates = if src.one_in(30) {
        limits::CERTIFICATES + 1
    } else {
        src.below(4)
    };
    let body = text(src);
    (0..certificates)
        .map(|i| Certificate {
            name: if src.one_in(2) {
                format!("cert{i}")
            } else {
                text(src)
            },
            public_certificate: if src.one_in(3) {
                "A".repeat(src.below(2 * limits::CERTIFICATE))
            } else {
                body.clone()
            },
        })
        .collect()
}

/// Every address list: connectors, callers, Azure Government's and the dependencies'.
fn hostile_address_lists(src: &mut impl Source, d: &mut Design, scale: Scale) {
    d.connector_outbound_addresses = texts(src, limits::ADDRESSES, scale);
    d.caller_addresses = texts(src, limits::ADDRESSES, scale);
    let g = &mut d.government_addresses;
    g.logic_apps_inbound = texts(src, limits::ADDRESSES, scale);
    g.logic_apps_outbound = texts(src, limits::ADDRESSES, scale);
    g.managed_connector_outbound = texts(src, limits::ADDRESSES, scale);
    let dep = &mut d.dependency_addresses;
    dep.app_service_management = texts(src, limits::ADDRESSES, scale);
    dep.connectors = texts(src, limits::ADDRESSES, scale);
    dep.traffic_manager = texts(src, limits::ADDRESSES, scale);
    dep.logic_apps = texts(src, limits::ADDRESSES, scale);
}

/// The Standard network's inputs, hostile: odd names and sizes, pins, both hostings.
fn hostile_standard(src: &mut impl Source, d: &mut Design) {
    d.view = [View::Ise, View::Standard][src.below(2)];
    let s = &mut d.standard;
    s.hosting = [Hosting::WorkflowStandard, Hosting::AppServiceEnvironment][src.below(2)];
    s.reuse_ise_space = src.one_in(2);
    if src.one_in(2) {
        s.integration_subnet_size = TypedNumber(if src.one_in(2) {
            src.below(40).to_string()
        } else {
            text(src)
        });
        s.ase_subnet_size = TypedNumber(text(src));
    }
    if src.one_in(2) {
        s.logic_app.name = text(src);
        s.storage_account.name = text(src);
        s.plan_name = text(src);
        s.ase_name = text(src);
    }
    for spec in [
        &mut s.integration_subnet,
        &mut s.private_endpoint_subnet,
        &mut s.ase_subnet,
    ] {
        if src.one_in(3) {
            *spec = StandardSubnetSpec {
                name: text(src),
                prefix: if src.one_in(2) {
                    format!("10.0.{}.0/{}", src.below(4), 22 + src.below(11))
                } else {
                    text(src)
                },
            };
        }
    }
}

/// Pieces spliced into JSON by [`mutate`].
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "7",
    "-1",
    "1e999",
    "1.0",
    "\"\"",
    "\"version\":1",
    "\"version\":2",
    "\"subnets\":",
    "[{}]",
    "\\u0000",
    "\\ud800",
    "\u{feff}",
    "\"existingSubnets\":[\"10.0.0.0/24\"]",
    "\"forcedTunneling\":true",
    "\"x\":[[[[[[",
    "\"version\":3",
    "\"view\":\"standard\"",
    "\"standard\":{\"hosting\":\"appServiceEnvironment\",\"reuseIseSpace\":true}",
    "\"integrationSubnetSize\":",
];

/// A byte-level mutation of `input`: flips, deletions, duplications and spliced JSON
/// tokens, a few at a time.
pub fn mutate(src: &mut impl Source, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=src.below(4) {
        let at = src.below(out.len() + 1);
        match src.below(5) {
            0 if at < out.len() => out[at] ^= 1 << src.below(8),
            1 if at < out.len() => {
                let end = (at + src.below(32)).min(out.len());
                out.drain(at..end);
            }
            2 if at < out.len() => {
                let end = (at + src.below(256)).min(out.len());
                let piece = out[at..end].to_vec();
                out.splice(at..at, piece);
            }
            3 => {
                let token = TOKENS[src.below(TOKENS.len())].as_bytes().to_vec();
                out.splice(at..at, token);
            }
            _ => out.insert(at.min(out.len()), src.below(256) as u8),
        }
    }
    out
}
