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
/// Azure's limit for `Microsoft.Web/sites` names (the Standard logic app).
pub const SITE_NAME: usize = 60;
/// Azure's limit for `Microsoft.Web/serverfarms` names (the Workflow Standard plan).
pub const PLAN_NAME: usize = 60;
/// Azure's limit for storage account names.
pub const STORAGE_ACCOUNT_NAME: usize = 24;
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

const fn text(what: &'static str) -> Rule {
    rule(TEXT, code::VALUE_TOO_LONG, what, false)
}

const fn standard_subnet_name(what: &'static str) -> Rule {
    rule(SUBNET_NAME, code::STANDARD_NAME_INVALID, what, true)
}

/// A capped list: where it is, what it is called, its cap.
struct ListRow {
    path: &'static str,
    what: &'static str,
    cap: usize,
    len: fn(&Design) -> usize,
    truncate: fn(&mut Design, usize),
}

/// The design's capped lists, each cut to its cap before any text is checked (so the text
/// checks only visit what is kept). The delegations of each existing subnet are cut in
/// [`bound`]'s own loop; the ISE subnets are counted apart ([`subnet_count`]).
const LIST_ROWS: &[ListRow] = &[
    ListRow {
        path: "vnet.addressPrefixes",
        what: "The VNet's address space",
        cap: VNET_PREFIXES,
        len: |d| d.vnet.address_prefixes.len(),
        truncate: |d, n| d.vnet.address_prefixes.truncate(n),
    },
    ListRow {
        path: "vnet.existingSubnets",
        what: "The list of existing subnets",
        cap: EXISTING_SUBNETS,
        len: |d| d.vnet.existing_subnets.len(),
        truncate: |d, n| d.vnet.existing_subnets.truncate(n),
    },
    ListRow {
        path: "dnsServers",
        what: "The list of DNS servers",
        cap: DNS_SERVERS,
        len: |d| d.dns_servers.len(),
        truncate: |d, n| d.dns_servers.truncate(n),
    },
    ListRow {
        path: "certificates",
        what: "The list of certificates",
        cap: CERTIFICATES,
        len: |d| d.certificates.len(),
        truncate: |d, n| d.certificates.truncate(n),
    },
    ListRow {
        path: "connectorOutboundAddresses",
        what: "The list of connector outbound addresses",
        cap: ADDRESSES,
        len: |d| d.connector_outbound_addresses.len(),
        truncate: |d, n| d.connector_outbound_addresses.truncate(n),
    },
    ListRow {
        path: "callerAddresses",
        what: "The list of caller addresses",
        cap: ADDRESSES,
        len: |d| d.caller_addresses.len(),
        truncate: |d, n| d.caller_addresses.truncate(n),
    },
    ListRow {
        path: "governmentAddresses.logicAppsInbound",
        what: "The list of Logic Apps inbound addresses",
        cap: ADDRESSES,
        len: |d| d.government_addresses.logic_apps_inbound.len(),
        truncate: |d, n| d.government_addresses.logic_apps_inbound.truncate(n),
    },
    ListRow {
        path: "governmentAddresses.logicAppsOutbound",
        what: "The list of Logic Apps outbound addresses",
        cap: ADDRESSES,
        len: |d| d.government_addresses.logic_apps_outbound.len(),
        truncate: |d, n| d.government_addresses.logic_apps_outbound.truncate(n),
    },
    ListRow {
        path: "governmentAddresses.managedConnectorOutbound",
        what: "The list of managed connector outbound addresses",
        cap: ADDRESSES,
        len: |d| d.government_addresses.managed_connector_outbound.len(),
        truncate: |d, n| {
            d.government_addresses
                .managed_connector_outbound
                .truncate(n)
        },
    },
    ListRow {
        path: "dependencyAddresses.appServiceManagement",
        what: "The list of App Service Environment management addresses",
        cap: ADDRESSES,
        len: |d| d.dependency_addresses.app_service_management.len(),
        truncate: |d, n| d.dependency_addresses.app_service_management.truncate(n),
    },
    ListRow {
        path: "dependencyAddresses.connectors",
        what: "The list of connector addresses",
        cap: ADDRESSES,
        len: |d| d.dependency_addresses.connectors.len(),
        truncate: |d, n| d.dependency_addresses.connectors.truncate(n),
    },
    ListRow {
        path: "dependencyAddresses.trafficManager",
        what: "The list of Traffic Manager addresses",
        cap: ADDRESSES,
        len: |d| d.dependency_addresses.traffic_manager.len(),
        truncate: |d, n| d.dependency_addresses.traffic_manager.truncate(n),
    },
    ListRow {
        path: "dependencyAddresses.logicApps",
        what: "The list of Logic Apps addresses",
        cap: ADDRESSES,
        len: |d| d.dependency_addresses.logic_apps.len(),
        truncate: |d, n| d.dependency_addresses.logic_apps.truncate(n),
    },
    ListRow {
        path: "managedConnectors",
        what: "The list of managed connectors",
        cap: CONNECTORS,
        len: |d| d.managed_connectors.len(),
        truncate: |d, n| d.managed_connectors.truncate(n),
    },
];

/// What stands in for a text over its limit.
#[derive(Clone, Copy)]
enum Substitute {
    /// The field's value in the default design.
    Default,
    /// The default name of the ISE subnet at this index.
    SubnetName,
    /// Nothing.
    Blank,
    /// [`UNREADABLE`]: a pinned prefix stays pinned.
    Unreadable,
    /// A list entry is blanked (validation skips blank entries and says nothing of them).
    Entry,
}

/// Where a text sits: one field, or the same field of each entry of a list (`[]` in the
/// row's path stands for the index).
#[derive(Clone, Copy)]
enum Place {
    One(fn(&Design) -> &String, fn(&mut Design) -> &mut String),
    Each(
        fn(&Design) -> usize,
        fn(&Design, usize) -> &String,
        fn(&mut Design, usize) -> &mut String,
    ),
}

/// A text the design holds, its limit, and what replaces it when it is over.
struct TextRow {
    path: &'static str,
    rule: Rule,
    place: Place,
    substitute: Substitute,
}

/// The design's texts, in the order their findings are listed (rows about one list's
/// entries stand together: they are checked entry by entry).
const TEXT_ROWS: &[TextRow] = &[
    // The environment.
    TextRow {
        path: "subscriptionId",
        rule: text("The subscription ID"),
        place: Place::One(|d| &d.subscription_id, |d| &mut d.subscription_id),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "resourceGroup",
        rule: rule(
            RESOURCE_GROUP_NAME,
            code::RESOURCE_GROUP_INVALID,
            "The resource group name",
            true,
        ),
        place: Place::One(|d| &d.resource_group, |d| &mut d.resource_group),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "name",
        rule: rule(ISE_NAME, code::ISE_NAME_INVALID, "The ISE name", true),
        place: Place::One(|d| &d.name, |d| &mut d.name),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "location",
        rule: text("The location"),
        place: Place::One(|d| &d.location, |d| &mut d.location),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "additionalCapacity",
        rule: text("The additional capacity"),
        place: Place::One(
            |d| &d.additional_capacity.0,
            |d| &mut d.additional_capacity.0,
        ),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "firewall.applianceIp",
        rule: text("The appliance's IP address"),
        place: Place::One(
            |d| &d.firewall.appliance_ip,
            |d| &mut d.firewall.appliance_ip,
        ),
        substitute: Substitute::Blank,
    },
    // The virtual network.
    TextRow {
        path: "vnet.name",
        rule: rule(
            VNET_NAME,
            code::VNET_NAME_INVALID,
            "The virtual network name",
            true,
        ),
        place: Place::One(|d| &d.vnet.name, |d| &mut d.vnet.name),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "vnet.resourceGroup",
        rule: rule(
            RESOURCE_GROUP_NAME,
            code::VNET_RESOURCE_GROUP_INVALID,
            "The virtual network's resource group name",
            true,
        ),
        place: Place::One(|d| &d.vnet.resource_group, |d| &mut d.vnet.resource_group),
        substitute: Substitute::Blank,
    },
    TextRow {
        path: "vnet.addressPrefixes[]",
        rule: text("This VNet prefix"),
        place: Place::Each(
            |d| d.vnet.address_prefixes.len(),
            |d, i| &d.vnet.address_prefixes[i],
            |d, i| &mut d.vnet.address_prefixes[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "vnet.existingSubnets[].name",
        rule: rule(
            SUBNET_NAME,
            code::VALUE_TOO_LONG,
            "This existing subnet's name",
            true,
        ),
        place: Place::Each(
            |d| d.vnet.existing_subnets.len(),
            |d, i| &d.vnet.existing_subnets[i].name,
            |d, i| &mut d.vnet.existing_subnets[i].name,
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "vnet.existingSubnets[].prefix",
        rule: text("This existing subnet's prefix"),
        place: Place::Each(
            |d| d.vnet.existing_subnets.len(),
            |d, i| &d.vnet.existing_subnets[i].prefix,
            |d, i| &mut d.vnet.existing_subnets[i].prefix,
        ),
        substitute: Substitute::Entry,
    },
    // The ISE subnets.
    TextRow {
        path: "subnets[].name",
        rule: rule(
            SUBNET_NAME,
            code::SUBNET_NAME_TOO_LONG,
            "The subnet name",
            true,
        ),
        place: Place::Each(
            |d| d.subnets.len(),
            |d, i| &d.subnets[i].name,
            |d, i| &mut d.subnets[i].name,
        ),
        substitute: Substitute::SubnetName,
    },
    TextRow {
        path: "subnets[].prefix",
        rule: text("This subnet's prefix"),
        place: Place::Each(
            |d| d.subnets.len(),
            |d, i| &d.subnets[i].prefix,
            |d, i| &mut d.subnets[i].prefix,
        ),
        substitute: Substitute::Unreadable,
    },
    TextRow {
        path: "subnets[].placed",
        rule: text("This subnet's last placement"),
        place: Place::Each(
            |d| d.subnets.len(),
            |d, i| &d.subnets[i].placed,
            |d, i| &mut d.subnets[i].placed,
        ),
        substitute: Substitute::Blank,
    },
    // The Logic Apps Standard network.
    TextRow {
        path: "standard.integrationSubnetSize",
        rule: text("The integration subnet size"),
        place: Place::One(
            |d| &d.standard.integration_subnet_size.0,
            |d| &mut d.standard.integration_subnet_size.0,
        ),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.aseSubnetSize",
        rule: text("The App Service Environment subnet size"),
        place: Place::One(
            |d| &d.standard.ase_subnet_size.0,
            |d| &mut d.standard.ase_subnet_size.0,
        ),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.logicApp.name",
        rule: rule(
            SITE_NAME,
            code::STANDARD_NAME_INVALID,
            "The logic app name",
            true,
        ),
        place: Place::One(
            |d| &d.standard.logic_app.name,
            |d| &mut d.standard.logic_app.name,
        ),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.storageAccount.name",
        rule: rule(
            STORAGE_ACCOUNT_NAME,
            code::STANDARD_NAME_INVALID,
            "The storage account name",
            true,
        ),
        place: Place::One(
            |d| &d.standard.storage_account.name,
            |d| &mut d.standard.storage_account.name,
        ),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.planName",
        rule: rule(
            PLAN_NAME,
            code::STANDARD_NAME_INVALID,
            "The App Service plan name",
            true,
        ),
        place: Place::One(|d| &d.standard.plan_name, |d| &mut d.standard.plan_name),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.aseName",
        rule: text("The App Service Environment name"),
        place: Place::One(|d| &d.standard.ase_name, |d| &mut d.standard.ase_name),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.integrationSubnet.name",
        rule: standard_subnet_name("The integration subnet name"),
        place: Place::One(
            |d| &d.standard.integration_subnet.name,
            |d| &mut d.standard.integration_subnet.name,
        ),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.integrationSubnet.prefix",
        rule: text("The integration subnet's prefix"),
        place: Place::One(
            |d| &d.standard.integration_subnet.prefix,
            |d| &mut d.standard.integration_subnet.prefix,
        ),
        substitute: Substitute::Unreadable,
    },
    TextRow {
        path: "standard.privateEndpointSubnet.name",
        rule: standard_subnet_name("The private-endpoint subnet name"),
        place: Place::One(
            |d| &d.standard.private_endpoint_subnet.name,
            |d| &mut d.standard.private_endpoint_subnet.name,
        ),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.privateEndpointSubnet.prefix",
        rule: text("The private-endpoint subnet's prefix"),
        place: Place::One(
            |d| &d.standard.private_endpoint_subnet.prefix,
            |d| &mut d.standard.private_endpoint_subnet.prefix,
        ),
        substitute: Substitute::Unreadable,
    },
    TextRow {
        path: "standard.aseSubnet.name",
        rule: standard_subnet_name("The App Service Environment subnet name"),
        place: Place::One(
            |d| &d.standard.ase_subnet.name,
            |d| &mut d.standard.ase_subnet.name,
        ),
        substitute: Substitute::Default,
    },
    TextRow {
        path: "standard.aseSubnet.prefix",
        rule: text("The App Service Environment subnet's prefix"),
        place: Place::One(
            |d| &d.standard.ase_subnet.prefix,
            |d| &mut d.standard.ase_subnet.prefix,
        ),
        substitute: Substitute::Unreadable,
    },
    // Lists of text.
    TextRow {
        path: "dnsServers[]",
        rule: text("This DNS server"),
        place: Place::Each(
            |d| d.dns_servers.len(),
            |d, i| &d.dns_servers[i],
            |d, i| &mut d.dns_servers[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "certificates[].name",
        rule: rule(
            CERTIFICATE_NAME,
            code::CERTIFICATE_NAME_INVALID,
            "The certificate name",
            false,
        ),
        place: Place::Each(
            |d| d.certificates.len(),
            |d, i| &d.certificates[i].name,
            |d, i| &mut d.certificates[i].name,
        ),
        substitute: Substitute::Blank,
    },
    TextRow {
        path: "certificates[].publicCertificate",
        rule: rule(
            CERTIFICATE,
            code::VALUE_TOO_LONG,
            "The public certificate",
            false,
        ),
        place: Place::Each(
            |d| d.certificates.len(),
            |d, i| &d.certificates[i].public_certificate,
            |d, i| &mut d.certificates[i].public_certificate,
        ),
        substitute: Substitute::Blank,
    },
    TextRow {
        path: "managedConnectors[]",
        rule: rule(
            CONNECTOR_NAME,
            code::CONNECTOR_NAME_INVALID,
            "The connector name",
            false,
        ),
        place: Place::Each(
            |d| d.managed_connectors.len(),
            |d, i| &d.managed_connectors[i],
            |d, i| &mut d.managed_connectors[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "connectorOutboundAddresses[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.connector_outbound_addresses.len(),
            |d, i| &d.connector_outbound_addresses[i],
            |d, i| &mut d.connector_outbound_addresses[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "callerAddresses[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.caller_addresses.len(),
            |d, i| &d.caller_addresses[i],
            |d, i| &mut d.caller_addresses[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "governmentAddresses.logicAppsInbound[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.government_addresses.logic_apps_inbound.len(),
            |d, i| &d.government_addresses.logic_apps_inbound[i],
            |d, i| &mut d.government_addresses.logic_apps_inbound[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "governmentAddresses.logicAppsOutbound[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.government_addresses.logic_apps_outbound.len(),
            |d, i| &d.government_addresses.logic_apps_outbound[i],
            |d, i| &mut d.government_addresses.logic_apps_outbound[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "governmentAddresses.managedConnectorOutbound[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.government_addresses.managed_connector_outbound.len(),
            |d, i| &d.government_addresses.managed_connector_outbound[i],
            |d, i| &mut d.government_addresses.managed_connector_outbound[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "dependencyAddresses.appServiceManagement[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.dependency_addresses.app_service_management.len(),
            |d, i| &d.dependency_addresses.app_service_management[i],
            |d, i| &mut d.dependency_addresses.app_service_management[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "dependencyAddresses.connectors[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.dependency_addresses.connectors.len(),
            |d, i| &d.dependency_addresses.connectors[i],
            |d, i| &mut d.dependency_addresses.connectors[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "dependencyAddresses.trafficManager[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.dependency_addresses.traffic_manager.len(),
            |d, i| &d.dependency_addresses.traffic_manager[i],
            |d, i| &mut d.dependency_addresses.traffic_manager[i],
        ),
        substitute: Substitute::Entry,
    },
    TextRow {
        path: "dependencyAddresses.logicApps[]",
        rule: text("This address"),
        place: Place::Each(
            |d| d.dependency_addresses.logic_apps.len(),
            |d, i| &d.dependency_addresses.logic_apps[i],
            |d, i| &mut d.dependency_addresses.logic_apps[i],
        ),
        substitute: Substitute::Entry,
    },
];

struct Bounder<'a> {
    design: Cow<'a, Design>,
    findings: Findings,
    /// Findings listed per code; past [`FINDINGS_PER_CODE`] they are only counted, so a
    /// list of 200,000 over-long entries costs no 200,000 messages.
    listed: HashMap<&'static str, usize>,
    uncounted: BTreeMap<&'static str, usize>,
    replaced: HashSet<String>,
    /// The substitute of the text last reported, until it is written in.
    substitute: String,
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

/// Checks every limit; returns the design itself when it is within them all.
pub fn bound(design: &Design) -> Bounded<'_> {
    let mut b = Bounder {
        design: Cow::Borrowed(design),
        findings: Findings::default(),
        listed: HashMap::new(),
        uncounted: BTreeMap::new(),
        replaced: HashSet::new(),
        substitute: String::new(),
    };
    // Lists first, so that the text checks below only visit what is kept.
    subnet_count(&mut b);
    for row in LIST_ROWS {
        b.cut_list(row.path.into(), row.what, row.cap, row.len, row.truncate);
    }
    for i in 0..b.design.vnet.existing_subnets.len() {
        let len = |d: &Design, i: usize| d.vnet.existing_subnets[i].delegations.len();
        if len(&b.design, i) > DELEGATIONS {
            let field = format!("vnet.existingSubnets[{i}].delegations");
            let what = "This existing subnet's list of delegations";
            b.design.to_mut().vnet.existing_subnets[i]
                .delegations
                .truncate(DELEGATIONS);
            b.report_list(&|| field.clone(), what, DELEGATIONS);
        }
    }
    let defaults = Design::default();
    // Rows of one list's entries are checked entry by entry: all the fields of entry 0,
    // then of entry 1…
    let mut rest = TEXT_ROWS;
    while let Some(first) = rest.first() {
        let list = first.path.split("[]").next().unwrap_or_default();
        let n = rest
            .iter()
            .take_while(|r| {
                matches!(r.place, Place::Each(..)) && r.path.split("[]").next() == Some(list)
            })
            .count()
            .max(1);
        b.check_texts(&rest[..n], &defaults);
        rest = &rest[n..];
    }
    subnets_per_vnet(&mut b);
    Bounded {
        design: b.design,
        findings: b.findings.0,
        uncounted: b.uncounted.into_iter().collect(),
        replaced: b.replaced,
    }
}

impl Bounder<'_> {
    /// Cuts a list to `cap` entries, with one finding.
    fn cut_list(
        &mut self,
        field: String,
        what: &str,
        cap: usize,
        len: fn(&Design) -> usize,
        truncate: fn(&mut Design, usize),
    ) {
        if len(&self.design) > cap {
            truncate(self.design.to_mut(), cap);
            self.report_list(&|| field.clone(), what, cap);
        }
    }

    /// Checks the text of a row, or the texts of a group of rows about the same list's
    /// entries, entry by entry.
    fn check_texts(&mut self, rows: &[TextRow], defaults: &Design) {
        let Some(Place::Each(count, ..)) = rows.first().map(|r| r.place) else {
            if let Some(row) = rows.first() {
                self.check_one(row, defaults);
            }
            return;
        };
        for i in 0..count(&self.design) {
            for row in rows {
                self.check_entry(row, i);
            }
            if rows[0].path.starts_with("vnet.existingSubnets[]") {
                delegation_texts(self, i);
            }
        }
    }

    fn check_one(&mut self, row: &TextRow, defaults: &Design) {
        let Place::One(at, at_mut) = row.place else {
            return;
        };
        if let Some(n) = over(at(&self.design), row.rule.limit) {
            let substitute = match row.substitute {
                Substitute::Default => at(defaults).clone(),
                Substitute::Unreadable => UNREADABLE.to_string(),
                _ => String::new(),
            };
            self.replace(n, row.path.into(), &row.rule, substitute, row.substitute);
            *at_mut(self.design.to_mut()) = self.take_substitute();
        }
    }

    fn check_entry(&mut self, row: &TextRow, i: usize) {
        let Place::Each(_, at, at_mut) = row.place else {
            return;
        };
        if let Some(n) = over(at(&self.design, i), row.rule.limit) {
            let substitute = match row.substitute {
                Substitute::SubnetName => DEFAULT_SUBNET_NAMES
                    .get(i)
                    .copied()
                    .unwrap_or_default()
                    .to_string(),
                Substitute::Unreadable => UNREADABLE.to_string(),
                _ => String::new(),
            };
            let field = row.path.replacen("[]", &format!("[{i}]"), 1);
            self.replace(n, field, &row.rule, substitute, row.substitute);
            *at_mut(self.design.to_mut(), i) = self.take_substitute();
        }
    }

    /// Reports a text over its limit and keeps its substitute for [`Self::take_substitute`].
    fn replace(
        &mut self,
        n: usize,
        field: String,
        rule: &Rule,
        substitute: String,
        kind: Substitute,
    ) {
        // A blanked entry is skipped by validation: nothing to leave out later.
        let record = !matches!(kind, Substitute::Entry);
        self.report_text(n, &|| field.clone(), rule, &substitute, record);
        self.substitute = substitute;
    }

    fn take_substitute(&mut self) -> String {
        std::mem::take(&mut self.substitute)
    }
}

/// An ISE has exactly four subnets: extra entries are one finding and are not planned.
fn subnet_count(b: &mut Bounder<'_>) {
    if b.design.subnets.len() > ISE_SUBNETS {
        b.design.to_mut().subnets.truncate(ISE_SUBNETS);
        b.findings.error(
            code::SUBNET_COUNT,
            "subnets",
            "An ISE needs exactly four subnets; this design has more. The planner uses the first four and ignores the rest: remove the others.",
        );
    }
}

/// Blanks the delegations of existing subnet `i` that are too long.
fn delegation_texts(b: &mut Bounder<'_>, i: usize) {
    let rule = text("This delegation");
    for j in 0..b.design.vnet.existing_subnets[i].delegations.len() {
        let typed = &b.design.vnet.existing_subnets[i].delegations[j];
        if let Some(n) = over(typed, rule.limit) {
            let field = format!("vnet.existingSubnets[{i}].delegations[{j}]");
            b.replace(n, field, &rule, String::new(), Substitute::Entry);
            b.design.to_mut().vnet.existing_subnets[i].delegations[j].clear();
        }
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
    fn every_standard_text_is_capped() {
        let mut d = Design::default();
        let s = &mut d.standard;
        s.integration_subnet_size.0 = "2".repeat(TEXT + 1);
        s.ase_subnet_size.0 = "2".repeat(TEXT + 1);
        s.logic_app.name = "a".repeat(SITE_NAME + 1);
        s.storage_account.name = "s".repeat(STORAGE_ACCOUNT_NAME + 1);
        s.plan_name = "p".repeat(PLAN_NAME + 1);
        s.ase_name = "e".repeat(TEXT + 1);
        for subnet in [
            &mut s.integration_subnet,
            &mut s.private_endpoint_subnet,
            &mut s.ase_subnet,
        ] {
            subnet.name = "n".repeat(SUBNET_NAME + 1);
            subnet.prefix = "1".repeat(TEXT + 1);
        }
        let b = bound(&d);
        let fields: Vec<&str> = b.findings.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields.len(), 12, "{fields:?}");
        assert!(
            fields.iter().all(|f| f.starts_with("standard.")),
            "{fields:?}"
        );
        let kept = &b.design.standard;
        let defaults = crate::design::StandardDesign::default();
        assert_eq!(kept.logic_app.name, defaults.logic_app.name);
        assert_eq!(
            kept.integration_subnet_size,
            defaults.integration_subnet_size
        );
        assert_eq!(
            kept.integration_subnet.name,
            defaults.integration_subnet.name
        );
        // A pinned prefix that is too long stays pinned, unreadable: never placed elsewhere.
        assert_eq!(kept.ase_subnet.prefix, UNREADABLE);
        assert!(kept.ase_subnet.is_pinned());
        let names = b
            .findings
            .iter()
            .filter(|f| f.code == code::STANDARD_NAME_INVALID)
            .count();
        assert_eq!(names, 6);
        // Exactly at each limit is within it.
        let mut d = Design::default();
        d.standard.logic_app.name = "a".repeat(SITE_NAME);
        d.standard.storage_account.name = "s".repeat(STORAGE_ACCOUNT_NAME);
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
