//! Limits on what a design may hold, applied before anything else is planned, so the work
//! and the output of `plan()` stay proportional to the input whatever it holds.
//!
//! - **Text**: names have Azure's length limits; anything else a few hundred characters; a
//!   certificate 16 KiB. A value over its limit is an error finding and never reaches the
//!   plan: the plan uses the field's default in its place (a list entry is left out, as if
//!   blank), so IDs, URLs and request bodies stay short and valid. Validation then sees the
//!   substitute, and its findings about the substitute are dropped.
//! - **Lists**: each has a cap far above Azure's own limits; entries past it are ignored
//!   (one finding). The loader reads one entry past each cap ([`load_cap`]) and no further.
//! - **The ISE subnets**: exactly four; extra entries are one finding and are not planned.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use crate::design::{Design, DEFAULT_SUBNET_NAMES};
use crate::findings::FINDINGS_PER_CODE;
use crate::findings::{code, Finding, Findings};

/// Azure's limit for resource group names.
pub const RESOURCE_GROUP_NAME: usize = 90;
/// Azure's limit for virtual network names (2–64).
pub const VNET_NAME: usize = 64;
/// Azure's limit for subnet names.
pub const SUBNET_NAME: usize = 80;
/// Azure's limit for `Microsoft.Logic/integrationServiceEnvironments` names.
pub const ISE_NAME: usize = 80;
/// Certificate names (keys of the request's `certificates` object).
pub const CERTIFICATE_NAME: usize = 80;
/// Managed connector API names.
pub const CONNECTOR_NAME: usize = 80;
/// Any other text: a subscription ID, a region, a prefix, an address, a capacity, a delegation.
pub const TEXT: usize = 256;
/// A certificate as pasted (base64 or PEM text), in characters.
pub const CERTIFICATE: usize = 16 * 1024;

/// VNet address prefixes. (Azure documents no limit; real VNets have a handful.)
pub const VNET_PREFIXES: usize = 1_000;
/// Existing subnets: far above Azure's 3,000 per VNet, so imports of any real VNet fit.
pub const EXISTING_SUBNETS: usize = 200_000;
/// Delegations of one existing subnet (Azure delegates a subnet to one service).
pub const DELEGATIONS: usize = 4;
/// The ISE subnets: exactly four.
pub const ISE_SUBNETS: usize = 4;
/// Custom DNS servers (Azure allows 20 per VNet).
pub const DNS_SERVERS: usize = 1_000;
/// Each address list (connector outbound, callers, Government, dependencies): above Azure's
/// 4,000 addresses per NSG and 400 routes per table, which the plan warns about.
pub const ADDRESSES: usize = 10_000;
/// Certificates.
pub const CERTIFICATES: usize = 100;
/// Managed connectors (about twenty exist for an ISE).
pub const CONNECTORS: usize = 100;
/// Azure's limit of subnets in one virtual network (Azure subscription and service limits,
/// "Networking limits": subnets per virtual network).
pub const AZURE_SUBNETS_PER_VNET: usize = 3_000;

/// What stands in for a pinned ISE subnet prefix that is too long: still pinned (the user
/// typed something), never a prefix, never in an output.
pub const UNREADABLE: &str = "(too long)";

/// Every capped list: its path in the design JSON (`[]` for "each entry of") and its cap.
pub const LISTS: &[(&str, usize)] = &[
    ("vnet.addressPrefixes", VNET_PREFIXES),
    ("vnet.existingSubnets", EXISTING_SUBNETS),
    ("vnet.existingSubnets[].delegations", DELEGATIONS),
    ("subnets", ISE_SUBNETS),
    ("dnsServers", DNS_SERVERS),
    ("certificates", CERTIFICATES),
    ("connectorOutboundAddresses", ADDRESSES),
    ("callerAddresses", ADDRESSES),
    ("governmentAddresses.logicAppsInbound", ADDRESSES),
    ("governmentAddresses.logicAppsOutbound", ADDRESSES),
    ("governmentAddresses.managedConnectorOutbound", ADDRESSES),
    ("dependencyAddresses.appServiceManagement", ADDRESSES),
    ("dependencyAddresses.connectors", ADDRESSES),
    ("dependencyAddresses.trafficManager", ADDRESSES),
    ("dependencyAddresses.logicApps", ADDRESSES),
    ("managedConnectors", CONNECTORS),
];

/// How many entries the loader keeps of the list at `path` (in [`LISTS`] form): one past
/// its cap, so the plan can say the list was too long. `None`: not a capped list.
pub fn load_cap(path: &str) -> Option<usize> {
    LISTS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, cap)| cap + 1)
}

/// A design cut to the limits, with what was cut.
#[derive(Debug)]
pub struct Bounded<'a> {
    /// The design itself when it is within every limit, else a bounded copy.
    pub design: Cow<'a, Design>,
    /// The limits' findings: at most [`FINDINGS_PER_CODE`] of one code.
    pub findings: Vec<Finding>,
    /// How many more findings of a code there were, beyond those listed.
    pub uncounted: Vec<(&'static str, usize)>,
    /// Fields whose value was replaced: validation's findings about them concern the
    /// substitute, not what the user typed.
    replaced: HashSet<String>,
}

impl Bounded<'_> {
    /// Whether the design was within every limit (nothing was replaced or cut).
    pub fn is_within_limits(&self) -> bool {
        matches!(self.design, Cow::Borrowed(_))
    }

    /// Validation's findings about the bounded design, with those about replaced values
    /// left out and the limits' own findings first.
    pub fn merge(&self, checked: Findings) -> Findings {
        let mut out = self.findings.clone();
        out.extend(
            checked
                .0
                .into_iter()
                .filter(|f| !self.replaced.contains(&f.field)),
        );
        Findings(out)
    }
}

/// The length of `text` in characters when it is over `limit`.
fn over(text: &str, limit: usize) -> Option<usize> {
    if text.len() <= limit {
        return None;
    }
    let n = text.chars().count();
    (n > limit).then_some(n)
}

/// What a text field is and what happens when it is too long.
struct Rule {
    limit: usize,
    /// The finding's code: the field's own code for names, else `value-too-long`.
    code: &'static str,
    /// "The ISE name", "This existing subnet's prefix".
    what: &'static str,
    /// The limit is Azure's (else the planner's).
    azure: bool,
}

const fn rule(limit: usize, code: &'static str, what: &'static str, azure: bool) -> Rule {
    Rule {
        limit,
        code,
        what,
        azure,
    }
}

const TEXT_RULE: fn(&'static str) -> Rule = |what| rule(TEXT, code::VALUE_TOO_LONG, what, false);

struct Bounder<'a> {
    design: Cow<'a, Design>,
    findings: Findings,
    /// Findings listed per code; past [`FINDINGS_PER_CODE`] they are only counted, so a
    /// list of 200,000 over-long entries costs no 200,000 messages.
    listed: HashMap<&'static str, usize>,
    uncounted: BTreeMap<&'static str, usize>,
    replaced: HashSet<String>,
}

impl Bounder<'_> {
    /// Whether another finding of `code` is listed (else it is counted).
    fn room(&mut self, code: &'static str) -> bool {
        let listed = self.listed.entry(code).or_insert(0);
        if *listed < FINDINGS_PER_CODE {
            *listed += 1;
            true
        } else {
            *self.uncounted.entry(code).or_insert(0) += 1;
            false
        }
    }

    /// Reports a text over its limit. `record`: validation may have something to say about
    /// the substitute, which is then left out.
    ///
    /// `field` is `dyn`, not generic: the reporter is called from some forty places, and a
    /// generic body would be copied into the page's wasm at each of them.
    #[inline(never)]
    fn report_text(
        &mut self,
        n: usize,
        field: &dyn Fn() -> String,
        rule: &Rule,
        substitute: &str,
        record: bool,
    ) {
        let listed = self.room(rule.code);
        if !listed && !record {
            return;
        }
        let field = field();
        if listed {
            let whose = if rule.azure {
                "Azure allows"
            } else {
                "the planner reads at most"
            };
            let instead = if substitute.is_empty() {
                "Until you shorten it, the plan leaves it out.".to_string()
            } else if substitute == UNREADABLE {
                "Until you shorten it, the plan treats it as a prefix it cannot read: the subnet stays pinned and is not placed.".to_string()
            } else {
                format!(
                    "Until you shorten it, the plan uses the default \"{substitute}\" in its place."
                )
            };
            let message = format!(
                "{} is {} characters long; {whose} {}. {instead}",
                rule.what,
                thousands(n),
                thousands(rule.limit)
            );
            self.findings.error(rule.code, field.clone(), message);
        }
        if record {
            self.replaced.insert(field);
        }
    }

    #[inline(never)]
    fn report_list(&mut self, field: &dyn Fn() -> String, what: &str, cap: usize) {
        if !self.room(code::LIST_TOO_LONG) {
            return;
        }
        self.findings.error(
            code::LIST_TOO_LONG,
            field(),
            format!(
                "{what} has more than {} entries; the planner reads the first {} and ignores the rest. Shorten the list (summarise addresses into wider prefixes).",
                thousands(cap),
                thousands(cap)
            ),
        );
    }
}

/// Replaces the text at `$($place)+` (a place in the design) with `$substitute` when it is
/// over its rule's limit; validation's findings about the substitute are left out.
macro_rules! text {
    ($b:ident, [$($place:tt)+], $field:expr, $rule:expr, $substitute:expr) => {
        if let Some(n) = over(&$b.design.$($place)+, $rule.limit) {
            let substitute: String = $substitute.into();
            $b.report_text(n, &|| $field.into(), &$rule, &substitute, true);
            $b.design.to_mut().$($place)+ = substitute;
        }
    };
}

/// Blanks the list entry at `$($place)+` when it is over its rule's limit. A blank entry is
/// skipped by validation and everything after it.
macro_rules! entry {
    ($b:ident, [$($place:tt)+], $field:expr, $rule:expr) => {
        if let Some(n) = over(&$b.design.$($place)+, $rule.limit) {
            $b.report_text(n, &|| $field, &$rule, "", false);
            $b.design.to_mut().$($place)+.clear();
        }
    };
}

/// Cuts the list at `$($place)+` to `$cap` entries.
macro_rules! list {
    ($b:ident, [$($place:tt)+], $field:expr, $what:expr, $cap:expr) => {
        if $b.design.$($place)+.len() > $cap {
            $b.design.to_mut().$($place)+.truncate($cap);
            $b.report_list(&|| $field.into(), $what, $cap);
        }
    };
}

/// Blanks the entries of the address list at `$($place)+` that are too long to be an address.
macro_rules! addresses {
    ($b:ident, [$($place:tt)+], $field:expr) => {
        for i in 0..$b.design.$($place)+.len() {
            entry!($b, [$($place)+[i]], format!("{}[{i}]", $field), TEXT_RULE("This address"));
        }
    };
}

/// Checks every limit; returns the design itself when it is within them all.
pub fn bound(design: &Design) -> Bounded<'_> {
    let mut b = Bounder {
        design: Cow::Borrowed(design),
        findings: Findings::default(),
        listed: HashMap::new(),
        uncounted: BTreeMap::new(),
        replaced: HashSet::new(),
    };

    // Lists first, so that the text checks below only visit what is kept.
    if b.design.subnets.len() > ISE_SUBNETS {
        b.design.to_mut().subnets.truncate(ISE_SUBNETS);
        b.findings.error(
            code::SUBNET_COUNT,
            "subnets",
            "An ISE needs exactly four subnets; this design has more. The planner uses the first four and ignores the rest: remove the others.",
        );
    }
    list!(
        b,
        [vnet.address_prefixes],
        "vnet.addressPrefixes",
        "The VNet's address space",
        VNET_PREFIXES
    );
    list!(
        b,
        [vnet.existing_subnets],
        "vnet.existingSubnets",
        "The list of existing subnets",
        EXISTING_SUBNETS
    );
    list!(
        b,
        [dns_servers],
        "dnsServers",
        "The list of DNS servers",
        DNS_SERVERS
    );
    list!(
        b,
        [certificates],
        "certificates",
        "The list of certificates",
        CERTIFICATES
    );
    list!(
        b,
        [connector_outbound_addresses],
        "connectorOutboundAddresses",
        "The list of connector outbound addresses",
        ADDRESSES
    );
    list!(
        b,
        [caller_addresses],
        "callerAddresses",
        "The list of caller addresses",
        ADDRESSES
    );
    list!(
        b,
        [government_addresses.logic_apps_inbound],
        "governmentAddresses.logicAppsInbound",
        "The list of Logic Apps inbound addresses",
        ADDRESSES
    );
    list!(
        b,
        [government_addresses.logic_apps_outbound],
        "governmentAddresses.logicAppsOutbound",
        "The list of Logic Apps outbound addresses",
        ADDRESSES
    );
    list!(
        b,
        [government_addresses.managed_connector_outbound],
        "governmentAddresses.managedConnectorOutbound",
        "The list of managed connector outbound addresses",
        ADDRESSES
    );
    list!(
        b,
        [dependency_addresses.app_service_management],
        "dependencyAddresses.appServiceManagement",
        "The list of App Service Environment management addresses",
        ADDRESSES
    );
    list!(
        b,
        [dependency_addresses.connectors],
        "dependencyAddresses.connectors",
        "The list of connector addresses",
        ADDRESSES
    );
    list!(
        b,
        [dependency_addresses.traffic_manager],
        "dependencyAddresses.trafficManager",
        "The list of Traffic Manager addresses",
        ADDRESSES
    );
    list!(
        b,
        [dependency_addresses.logic_apps],
        "dependencyAddresses.logicApps",
        "The list of Logic Apps addresses",
        ADDRESSES
    );
    list!(
        b,
        [managed_connectors],
        "managedConnectors",
        "The list of managed connectors",
        CONNECTORS
    );
    for i in 0..b.design.vnet.existing_subnets.len() {
        list!(
            b,
            [vnet.existing_subnets[i].delegations],
            format!("vnet.existingSubnets[{i}].delegations"),
            "This existing subnet's list of delegations",
            DELEGATIONS
        );
    }

    // The environment.
    let defaults = Design::default();
    text!(
        b,
        [subscription_id],
        "subscriptionId",
        TEXT_RULE("The subscription ID"),
        defaults.subscription_id.as_str()
    );
    text!(
        b,
        [resource_group],
        "resourceGroup",
        rule(
            RESOURCE_GROUP_NAME,
            code::RESOURCE_GROUP_INVALID,
            "The resource group name",
            true
        ),
        defaults.resource_group.as_str()
    );
    text!(
        b,
        [name],
        "name",
        rule(ISE_NAME, code::ISE_NAME_INVALID, "The ISE name", true),
        defaults.name.as_str()
    );
    text!(
        b,
        [location],
        "location",
        TEXT_RULE("The location"),
        defaults.location.as_str()
    );
    text!(
        b,
        [additional_capacity.0],
        "additionalCapacity",
        TEXT_RULE("The additional capacity"),
        defaults.additional_capacity.as_str()
    );
    text!(
        b,
        [firewall.appliance_ip],
        "firewall.applianceIp",
        TEXT_RULE("The appliance's IP address"),
        ""
    );

    // The virtual network.
    text!(
        b,
        [vnet.name],
        "vnet.name",
        rule(
            VNET_NAME,
            code::VNET_NAME_INVALID,
            "The virtual network name",
            true
        ),
        defaults.vnet.name.as_str()
    );
    text!(
        b,
        [vnet.resource_group],
        "vnet.resourceGroup",
        rule(
            RESOURCE_GROUP_NAME,
            code::VNET_RESOURCE_GROUP_INVALID,
            "The virtual network's resource group name",
            true
        ),
        ""
    );
    for i in 0..b.design.vnet.address_prefixes.len() {
        entry!(
            b,
            [vnet.address_prefixes[i]],
            format!("vnet.addressPrefixes[{i}]"),
            TEXT_RULE("This VNet prefix")
        );
    }
    for i in 0..b.design.vnet.existing_subnets.len() {
        entry!(
            b,
            [vnet.existing_subnets[i].name],
            format!("vnet.existingSubnets[{i}].name"),
            rule(
                SUBNET_NAME,
                code::VALUE_TOO_LONG,
                "This existing subnet's name",
                true
            )
        );
        entry!(
            b,
            [vnet.existing_subnets[i].prefix],
            format!("vnet.existingSubnets[{i}].prefix"),
            TEXT_RULE("This existing subnet's prefix")
        );
        for j in 0..b.design.vnet.existing_subnets[i].delegations.len() {
            entry!(
                b,
                [vnet.existing_subnets[i].delegations[j]],
                format!("vnet.existingSubnets[{i}].delegations[{j}]"),
                TEXT_RULE("This delegation")
            );
        }
    }

    // The ISE subnets.
    for i in 0..b.design.subnets.len() {
        let default_name = DEFAULT_SUBNET_NAMES.get(i).copied().unwrap_or_default();
        text!(
            b,
            [subnets[i].name],
            format!("subnets[{i}].name"),
            rule(
                SUBNET_NAME,
                code::SUBNET_NAME_TOO_LONG,
                "The subnet name",
                true
            ),
            default_name
        );
        // Pinned stays pinned, as for any prefix that does not read.
        text!(
            b,
            [subnets[i].prefix],
            format!("subnets[{i}].prefix"),
            TEXT_RULE("This subnet's prefix"),
            UNREADABLE
        );
        text!(
            b,
            [subnets[i].placed],
            format!("subnets[{i}].placed"),
            TEXT_RULE("This subnet's last placement"),
            ""
        );
    }

    // Lists of text.
    for i in 0..b.design.dns_servers.len() {
        entry!(
            b,
            [dns_servers[i]],
            format!("dnsServers[{i}]"),
            TEXT_RULE("This DNS server")
        );
    }
    for i in 0..b.design.certificates.len() {
        text!(
            b,
            [certificates[i].name],
            format!("certificates[{i}].name"),
            rule(
                CERTIFICATE_NAME,
                code::CERTIFICATE_NAME_INVALID,
                "The certificate name",
                false
            ),
            ""
        );
        text!(
            b,
            [certificates[i].public_certificate],
            format!("certificates[{i}].publicCertificate"),
            rule(
                CERTIFICATE,
                code::VALUE_TOO_LONG,
                "The public certificate",
                false
            ),
            ""
        );
    }
    for i in 0..b.design.managed_connectors.len() {
        entry!(
            b,
            [managed_connectors[i]],
            format!("managedConnectors[{i}]"),
            rule(
                CONNECTOR_NAME,
                code::CONNECTOR_NAME_INVALID,
                "The connector name",
                false
            )
        );
    }
    addresses!(
        b,
        [connector_outbound_addresses],
        "connectorOutboundAddresses"
    );
    addresses!(b, [caller_addresses], "callerAddresses");
    addresses!(
        b,
        [government_addresses.logic_apps_inbound],
        "governmentAddresses.logicAppsInbound"
    );
    addresses!(
        b,
        [government_addresses.logic_apps_outbound],
        "governmentAddresses.logicAppsOutbound"
    );
    addresses!(
        b,
        [government_addresses.managed_connector_outbound],
        "governmentAddresses.managedConnectorOutbound"
    );
    addresses!(
        b,
        [dependency_addresses.app_service_management],
        "dependencyAddresses.appServiceManagement"
    );
    addresses!(
        b,
        [dependency_addresses.connectors],
        "dependencyAddresses.connectors"
    );
    addresses!(
        b,
        [dependency_addresses.traffic_manager],
        "dependencyAddresses.trafficManager"
    );
    addresses!(
        b,
        [dependency_addresses.logic_apps],
        "dependencyAddresses.logicApps"
    );

    subnets_per_vnet(&mut b);

    Bounded {
        design: b.design,
        findings: b.findings.0,
        uncounted: b.uncounted.into_iter().collect(),
        replaced: b.replaced,
    }
}

/// Warns when the VNet would hold more subnets than Azure allows: the existing ones plus
/// the ISE subnets that are not among them.
fn subnets_per_vnet(b: &mut Bounder<'_>) {
    let existing = &b.design.vnet.existing_subnets;
    let typed = existing
        .iter()
        .filter(|e| !e.prefix.trim().is_empty())
        .count();
    let marked = existing.iter().filter(|e| e.ise_subnet).count();
    let new = b.design.subnets.len().saturating_sub(marked);
    let total = typed + new;
    if total > AZURE_SUBNETS_PER_VNET {
        b.findings.warning(
            code::VNET_SUBNET_LIMIT,
            "vnet.existingSubnets",
            format!(
                "The virtual network would hold {} subnets ({} existing and {new} new for the ISE); Azure allows {} per virtual network. Check the list of existing subnets, or use another virtual network.",
                thousands(total),
                thousands(typed),
                thousands(AZURE_SUBNETS_PER_VNET)
            ),
        );
    }
}

/// A count with thousands separators: `200,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::{Certificate, ExistingSubnet, SubnetSpec};
    use crate::plan;

    fn codes(findings: &[Finding]) -> Vec<(&'static str, &str)> {
        findings
            .iter()
            .map(|f| (f.code, f.field.as_str()))
            .collect()
    }

    #[test]
    fn a_design_within_the_limits_is_not_copied() {
        let d = Design::default();
        let b = bound(&d);
        assert!(b.is_within_limits());
        assert!(b.findings.is_empty());
        // Exactly at each limit is still within it.
        let mut d = Design {
            name: "i".repeat(ISE_NAME),
            resource_group: "r".repeat(RESOURCE_GROUP_NAME),
            location: "é".repeat(TEXT),
            dns_servers: vec!["10.0.0.4".into(); DNS_SERVERS],
            ..Design::default()
        };
        d.vnet.name = "v".repeat(VNET_NAME);
        d.subnets[0].name = "s".repeat(SUBNET_NAME);
        assert!(bound(&d).is_within_limits());
    }

    #[test]
    fn extra_ise_subnets_are_one_error_and_not_planned() {
        let mut d = Design::default();
        d.vnet.name = "v".repeat(100_000);
        d.subnets = (0..2_000)
            .map(|i| SubnetSpec {
                name: format!("s{i}"),
                prefix: "10.0.0.0/27".into(),
                ..SubnetSpec::default()
            })
            .collect();
        let p = plan(&d);
        assert_eq!(p.subnets.len(), 4);
        let count: Vec<_> = p
            .findings
            .iter()
            .filter(|f| f.code == code::SUBNET_COUNT)
            .collect();
        assert_eq!(count.len(), 1);
        assert!(
            count[0].message.contains("first four"),
            "{}",
            count[0].message
        );
        // The long VNet name never reaches the request: the default stands in for it.
        let body = serde_json::to_string(&p.rest).unwrap();
        assert!(body.len() < 4_000, "{}", body.len());
        assert!(body.contains("/virtualNetworks/ise-vnet/subnets/"));
        let vnet: Vec<_> = codes(&p.findings)
            .into_iter()
            .filter(|(_, field)| *field == "vnet.name")
            .collect();
        assert_eq!(vnet, [(code::VNET_NAME_INVALID, "vnet.name")]);
    }

    #[test]
    fn over_long_text_is_replaced_and_reported_once() {
        let mut d = Design {
            cloud: crate::design::Cloud::Government,
            ..Design::default()
        };
        d.name = "n".repeat(81);
        d.location = "x".repeat(300);
        d.subscription_id = "0".repeat(257);
        d.subnets[2].name = "s".repeat(81);
        d.subnets[3].prefix = "1".repeat(300);
        let b = bound(&d);
        assert_eq!(
            codes(&b.findings),
            [
                (code::VALUE_TOO_LONG, "subscriptionId"),
                (code::ISE_NAME_INVALID, "name"),
                (code::VALUE_TOO_LONG, "location"),
                (code::SUBNET_NAME_TOO_LONG, "subnets[2].name"),
                (code::VALUE_TOO_LONG, "subnets[3].prefix"),
            ]
        );
        assert!(b.findings[1]
            .message
            .contains("is 81 characters long; Azure allows 80"));
        assert!(b.findings[1].message.contains("\"ise-1\""));
        assert!(b.findings[4].message.contains("stays pinned"));
        let bd = &b.design;
        assert_eq!(
            (
                bd.name.as_str(),
                bd.location.as_str(),
                bd.subnets[2].name.as_str()
            ),
            ("ise-1", "westeurope", "ise-subnet-3")
        );
        assert_eq!(bd.subnets[3].prefix, UNREADABLE);
        // Through plan(): one finding per field, none about the substitutes (the default
        // location is not a Government region, the default subscription is a placeholder).
        let p = plan(&d);
        for field in ["name", "location", "subscriptionId", "subnets[2].name"] {
            let at: Vec<_> = p.findings.iter().filter(|f| f.field == field).collect();
            assert_eq!(at.len(), 1, "{field}: {at:?}");
        }
        assert_eq!(p.rest.create.body.as_ref().unwrap()["name"], "ise-1");
        assert!(
            p.subnets[3].pinned && p.subnets[3].prefix.is_none(),
            "pinned to nothing readable, as for any prefix that does not read"
        );
        assert!(!p.findings.iter().any(|f| f.code == code::CIDR_SYNTAX));
    }

    #[test]
    fn lists_are_cut_at_their_caps() {
        let mut d = Design::default();
        d.vnet.existing_subnets = vec![ExistingSubnet::from("10.0.0.0/24"); EXISTING_SUBNETS + 1];
        d.vnet.existing_subnets[0].delegations = vec!["x".into(); DELEGATIONS + 1];
        d.connector_outbound_addresses = vec!["52.1.2.3".into(); ADDRESSES + 5];
        d.managed_connectors = vec!["sql".into(); CONNECTORS + 1];
        let b = bound(&d);
        assert_eq!(b.design.vnet.existing_subnets.len(), EXISTING_SUBNETS);
        assert_eq!(
            b.design.vnet.existing_subnets[0].delegations.len(),
            DELEGATIONS
        );
        assert_eq!(b.design.connector_outbound_addresses.len(), ADDRESSES);
        assert_eq!(b.design.managed_connectors.len(), CONNECTORS);
        let found = codes(&b.findings);
        for field in [
            "vnet.existingSubnets",
            "connectorOutboundAddresses",
            "managedConnectors",
            "vnet.existingSubnets[0].delegations",
        ] {
            assert!(
                found.contains(&(code::LIST_TOO_LONG, field)),
                "{field}: {found:?}"
            );
        }
        assert!(found.contains(&(code::VNET_SUBNET_LIMIT, "vnet.existingSubnets")));
        let message = &b.findings[0].message;
        assert!(message.contains("more than 200,000"), "{message}");
    }

    #[test]
    fn long_entries_and_certificates_are_left_out() {
        let mut d = Design {
            dns_servers: vec!["10.0.0.4".into(), " ".repeat(257)],
            ..Design::default()
        };
        d.dependency_addresses.logic_apps = vec!["x".repeat(1_000), "13.1.2.3".into()];
        d.certificates = vec![
            Certificate {
                name: "big".into(),
                public_certificate: "A".repeat(CERTIFICATE + 4),
            },
            Certificate {
                name: "c".repeat(81),
                public_certificate: "MIIB".into(),
            },
        ];
        let b = bound(&d);
        assert_eq!(
            codes(&b.findings),
            [
                (code::VALUE_TOO_LONG, "dnsServers[1]"),
                (code::VALUE_TOO_LONG, "certificates[0].publicCertificate"),
                (code::CERTIFICATE_NAME_INVALID, "certificates[1].name"),
                (code::VALUE_TOO_LONG, "dependencyAddresses.logicApps[0]"),
            ]
        );
        assert_eq!(b.design.dependency_addresses.logic_apps, ["", "13.1.2.3"]);
        let p = plan(&d);
        assert!(
            p.rest.certificates_patch.is_none(),
            "no certificate is sent"
        );
        // Validation does not add "is empty" findings about what was left out.
        assert!(!p
            .findings
            .iter()
            .any(|f| f.code == code::CERTIFICATE_BASE64_INVALID));
    }

    #[test]
    fn azure_subnets_per_vnet() {
        let with = |n: usize, marked: usize| {
            let mut d = Design::default();
            d.vnet.existing_subnets = (0..n)
                .map(|i| ExistingSubnet {
                    prefix: format!("10.{}.{}.0/24", 1 + i / 256, i % 256),
                    ise_subnet: i < marked,
                    ..ExistingSubnet::default()
                })
                .collect();
            codes(&bound(&d).findings).contains(&(code::VNET_SUBNET_LIMIT, "vnet.existingSubnets"))
        };
        assert!(!with(2_996, 0), "2,996 existing and 4 new is Azure's limit");
        assert!(with(2_997, 0));
        assert!(
            !with(3_000, 4),
            "the four ISE subnets are among the existing ones"
        );
        assert!(with(3_001, 4));
    }

    #[test]
    fn many_findings_of_one_code_are_counted_not_written() {
        let mut d = Design::default();
        d.vnet.existing_subnets = (0..50_000)
            .map(|i| ExistingSubnet {
                name: "n".repeat(81),
                prefix: format!("10.0.{}.0/24", i % 4),
                delegations: vec!["d".into(); DELEGATIONS + 1],
                ..ExistingSubnet::default()
            })
            .collect();
        let b = bound(&d);
        assert!(
            b.findings.len() <= 3 * FINDINGS_PER_CODE,
            "{}",
            b.findings.len()
        );
        let mut uncounted = b.uncounted.clone();
        uncounted.sort_unstable();
        assert_eq!(
            uncounted,
            [
                (code::LIST_TOO_LONG, 50_000 - FINDINGS_PER_CODE),
                (code::VALUE_TOO_LONG, 50_000 - FINDINGS_PER_CODE)
            ]
        );
        let p = plan(&d);
        let long: Vec<_> = p
            .findings
            .iter()
            .filter(|f| f.code == code::VALUE_TOO_LONG)
            .collect();
        assert_eq!(long.len(), FINDINGS_PER_CODE + 1);
        let last = &long[FINDINGS_PER_CODE].message;
        assert!(last.contains("49975 more"), "{last}");
    }

    #[test]
    fn loader_caps_match_the_lists() {
        assert_eq!(load_cap("vnet.existingSubnets"), Some(EXISTING_SUBNETS + 1));
        assert_eq!(load_cap("subnets"), Some(5));
        assert_eq!(load_cap("vnet"), None);
        assert_eq!(thousands(200_000), "200,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
    }
}
