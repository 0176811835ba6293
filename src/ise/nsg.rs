//! Where the NSG rules come from: the portal article's inbound and outbound tables, as data, adjusted
//! for the access endpoint, the cloud, custom DNS, the External-ISE connector rule and callers,
//! and the optional explicit Azure Load Balancer rule; plus the Redis ports the tables leave
//! to "see Notes".
//!
//! Each rule cites the table row it implements. Priorities are fixed per row (not
//! renumbered when a row is left out), so a design change never reshuffles the others.

use serde::Serialize;
use serde_json::{json, Value};

use crate::design::{AccessEndpoint, Cloud, Design};
use crate::findings::citation::{Citation, NSG_OVERVIEW, REDIS_VNET};
use crate::findings::{code, Findings};
use crate::ise::validate::Checked;

/// Inbound or outbound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Direction {
    Inbound,
    Outbound,
}

/// One NSG security rule, in the planner's words; [`SecurityRule::to_arm`] gives Azure's shape.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityRule {
    /// Unique within the NSG; a valid NSG rule name.
    pub name: String,
    /// Unique per direction, within 100–4096.
    pub priority: u16,
    pub direction: Direction,
    /// Always `Allow`: the article lists what must be open.
    pub access: &'static str,
    /// Always `*`: the article asks for both TCP and UDP (portal article, "Enable access").
    pub protocol: &'static str,
    /// A service tag, or address prefixes.
    pub source_addresses: Vec<String>,
    /// Always `*`: source ports are ephemeral (portal article, "Network ports used by your ISE").
    pub source_ports: &'static str,
    pub destination_addresses: Vec<String>,
    /// Azure syntax: `443`, `6379-6383`, or several entries for `454, 455`.
    pub destination_ports: Vec<String>,
    /// The article row's "Purpose" cell.
    pub purpose: &'static str,
    pub source: Citation,
}

impl SecurityRule {
    /// The rule in the ARM shape `{name, properties: {...}}` used by NSG templates and the
    /// `Microsoft.Network/networkSecurityGroups/securityRules` API. A single address or port
    /// uses the singular property, several use the plural one, as Azure requires.
    pub fn to_arm(&self) -> Value {
        let mut props = serde_json::Map::new();
        props.insert("description".into(), Value::String(self.description()));
        props.insert("protocol".into(), json!(self.protocol));
        props.insert("sourcePortRange".into(), json!(self.source_ports));
        put_one_or_many(
            &mut props,
            "destinationPortRange",
            "destinationPortRanges",
            &self.destination_ports,
        );
        put_one_or_many(
            &mut props,
            "sourceAddressPrefix",
            "sourceAddressPrefixes",
            &self.source_addresses,
        );
        put_one_or_many(
            &mut props,
            "destinationAddressPrefix",
            "destinationAddressPrefixes",
            &self.destination_addresses,
        );
        props.insert("access".into(), json!(self.access));
        props.insert("priority".into(), json!(self.priority));
        props.insert("direction".into(), json!(self.direction));
        json!({ "name": self.name, "properties": props })
    }

    /// The rule's description in Azure (at most 140 characters): purpose and the article's
    /// section, such as `Connector deployment (ISE doc: Inbound security rules)`.
    pub fn description(&self) -> String {
        let text = format!(
            "{} ({}: {})",
            self.purpose, self.source.article.short, self.source.section
        );
        text.chars().take(140).collect()
    }
}

fn put_one_or_many(
    props: &mut serde_json::Map<String, Value>,
    one: &str,
    many: &str,
    values: &[String],
) {
    match values {
        [single] => {
            props.insert(one.into(), json!(single));
        }
        _ => {
            props.insert(many.into(), json!(values));
        }
    }
}

const INBOUND: &str = "Inbound security rules";
const OUTBOUND: &str = "Outbound security rules";
const EXTERNAL_STEP: &str = "Create your ISE";

/// Where the addresses of one side of a rule come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Addr {
    /// A service tag that works in every cloud.
    Tag(&'static str),
    /// "Address space for the virtual network with ISE subnets": the VNet's prefixes.
    VnetSpace,
    /// Internal ISE: VirtualNetwork; External ISE: Internet, or the caller addresses the
    /// article's note lets you name instead (row "Communication to your logic app").
    CallerByEndpoint,
    /// LogicAppsManagement; in Azure Government the Logic Apps inbound addresses.
    LogicAppsManagement,
    /// LogicApps; in Azure Government the Logic Apps inbound and outbound addresses.
    LogicApps,
    /// AzureConnectors; in Azure Government the managed connector outbound addresses.
    AzureConnectors,
    /// The custom DNS servers.
    DnsServers,
    /// The External ISE's connector outbound addresses (portal article, step after creation).
    ConnectorOutbound,
}

/// Destination ports, possibly depending on the access endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ports {
    Fixed(&'static [&'static str]),
    /// Internal ISE: 454; External ISE: 443 (row "Communication from Azure Traffic Manager").
    TrafficManager,
}

/// When a row applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    Always,
    CustomDns,
    ExternalIse,
    /// The design asks for the explicit Azure Load Balancer rule.
    LoadBalancerRule,
}

/// One row of the article's tables.
struct Row {
    name: &'static str,
    priority: u16,
    direction: Direction,
    source: Addr,
    destination: Addr,
    ports: Ports,
    when: When,
    cite: Citation,
}

/// Azure's default rule `AllowAzureLoadBalancerInBound`, which the explicit rule repeats.
const LOAD_BALANCER: Citation = Citation {
    article: NSG_OVERVIEW,
    section: "Default security rules",
    row: "AllowAzureLoadBalancerInBound",
};

#[allow(clippy::too_many_arguments)] // One argument per column of the table below.
const fn row(
    name: &'static str,
    priority: u16,
    direction: Direction,
    source: Addr,
    destination: Addr,
    ports: Ports,
    when: When,
    section: &'static str,
    purpose: &'static str,
) -> Row {
    Row {
        name,
        priority,
        direction,
        source,
        destination,
        ports,
        when,
        cite: Citation::portal(section, purpose),
    }
}

use Addr::*;
use Direction::{Inbound as In, Outbound as Out};
use Ports::Fixed;

/// The portal article's tables, row by row, in the article's order.
///
/// Left out on purpose: the outbound row "Communication from your logic app" (destination
/// and ports "vary based on destination") — it is not a rule one can write down; the
/// checklist carries it instead.
const ROWS: &[Row] = &[
    row(
        "ise-in-intersubnet",
        100,
        In,
        VnetSpace,
        VnetSpace,
        Fixed(&["*"]),
        When::Always,
        INBOUND,
        "Intersubnet communication within virtual network",
    ),
    row(
        "ise-in-logic-app-https",
        110,
        In,
        CallerByEndpoint,
        Tag("VirtualNetwork"),
        Fixed(&["443"]),
        When::Always,
        INBOUND,
        "Communication to your logic app; runs history for logic app",
    ),
    row(
        "ise-in-designer-dynamic-properties",
        120,
        In,
        LogicAppsManagement,
        Tag("VirtualNetwork"),
        Fixed(&["454"]),
        When::Always,
        INBOUND,
        "Logic Apps designer - dynamic properties",
    ),
    row(
        "ise-in-network-health-check",
        130,
        In,
        LogicApps,
        Tag("VirtualNetwork"),
        Fixed(&["454"]),
        When::Always,
        INBOUND,
        "Network health check",
    ),
    row(
        "ise-in-connector-deployment",
        140,
        In,
        AzureConnectors,
        Tag("VirtualNetwork"),
        Fixed(&["454"]),
        When::Always,
        INBOUND,
        "Connector deployment",
    ),
    row(
        "ise-in-app-service-management",
        150,
        In,
        Tag("AppServiceManagement"),
        Tag("VirtualNetwork"),
        Fixed(&["454", "455"]),
        When::Always,
        INBOUND,
        "App Service Management dependency",
    ),
    row(
        "ise-in-traffic-manager",
        160,
        In,
        Tag("AzureTrafficManager"),
        Tag("VirtualNetwork"),
        Ports::TrafficManager,
        When::Always,
        INBOUND,
        "Communication from Azure Traffic Manager",
    ),
    row(
        "ise-in-api-management",
        170,
        In,
        Tag("ApiManagement"),
        Tag("VirtualNetwork"),
        Fixed(&["3443"]),
        When::Always,
        INBOUND,
        "Connector policy deployment; API Management - management endpoint",
    ),
    row(
        "ise-in-redis",
        180,
        In,
        Tag("VirtualNetwork"),
        Tag("VirtualNetwork"),
        Fixed(&["6379-6383"]),
        When::Always,
        INBOUND,
        "Access Azure Cache for Redis Instances between Role Instances",
    ),
    row(
        "ise-in-connector-outbound-ips",
        190,
        In,
        ConnectorOutbound,
        VnetSpace,
        Fixed(&["*"]),
        When::ExternalIse,
        EXTERNAL_STEP,
        "Permit traffic from connector outbound IP addresses",
    ),
    // Not in the portal article's table: Azure's default rule AllowAzureLoadBalancerInBound
    // (priority 65001) admits the load balancer's probes, which the ISE's internal
    // components (App Service Environment, API Management, Redis) rely on. An NSG with its
    // own deny-all inbound rule above 65001 needs this one explicitly.
    Row {
        name: "ise-in-azure-load-balancer",
        priority: 200,
        direction: In,
        source: Tag("AzureLoadBalancer"),
        destination: Tag("VirtualNetwork"),
        ports: Fixed(&["*"]),
        when: When::LoadBalancerRule,
        cite: LOAD_BALANCER,
    },
    row(
        "ise-out-intersubnet",
        100,
        Out,
        VnetSpace,
        VnetSpace,
        Fixed(&["*"]),
        When::Always,
        OUTBOUND,
        "Intersubnet communication within virtual network",
    ),
    row(
        "ise-out-azure-active-directory",
        110,
        Out,
        Tag("VirtualNetwork"),
        Tag("AzureActiveDirectory"),
        Fixed(&["80", "443"]),
        When::Always,
        OUTBOUND,
        "Azure Active Directory",
    ),
    row(
        "ise-out-storage",
        120,
        Out,
        Tag("VirtualNetwork"),
        Tag("Storage"),
        Fixed(&["80", "443", "445"]),
        When::Always,
        OUTBOUND,
        "Azure Storage dependency",
    ),
    row(
        "ise-out-connection-management",
        130,
        Out,
        Tag("VirtualNetwork"),
        Tag("AppService"),
        Fixed(&["443"]),
        When::Always,
        OUTBOUND,
        "Connection management",
    ),
    row(
        "ise-out-diagnostics",
        140,
        Out,
        Tag("VirtualNetwork"),
        Tag("AzureMonitor"),
        Fixed(&["443"]),
        When::Always,
        OUTBOUND,
        "Publish diagnostic logs & metrics",
    ),
    row(
        "ise-out-sql",
        150,
        Out,
        Tag("VirtualNetwork"),
        Tag("Sql"),
        Fixed(&["1433"]),
        When::Always,
        OUTBOUND,
        "Azure SQL dependency",
    ),
    row(
        "ise-out-resource-health",
        160,
        Out,
        Tag("VirtualNetwork"),
        Tag("AzureMonitor"),
        Fixed(&["1886"]),
        When::Always,
        OUTBOUND,
        "Azure Resource Health",
    ),
    row(
        "ise-out-event-hub",
        170,
        Out,
        Tag("VirtualNetwork"),
        Tag("EventHub"),
        Fixed(&["5672"]),
        When::Always,
        OUTBOUND,
        "Dependency from Log to Event Hub policy and monitoring agent",
    ),
    row(
        "ise-out-redis",
        180,
        Out,
        Tag("VirtualNetwork"),
        Tag("VirtualNetwork"),
        Fixed(&["6379-6383"]),
        When::Always,
        OUTBOUND,
        "Access Azure Cache for Redis Instances between Role Instances",
    ),
    row(
        "ise-out-dns",
        190,
        Out,
        Tag("VirtualNetwork"),
        DnsServers,
        Fixed(&["53"]),
        When::CustomDns,
        OUTBOUND,
        "DNS name resolution",
    ),
];

/// What the rule table needs from the design, already parsed and checked.
#[derive(Clone, Debug, Default)]
pub struct RuleInputs {
    /// The VNet's valid prefixes ("address space for the virtual network with ISE subnets").
    pub vnet_space: Vec<String>,
    /// Valid custom DNS server addresses.
    pub dns_servers: Vec<String>,
    /// Valid connector outbound prefixes (External ISE).
    pub connector_outbound: Vec<String>,
    /// Valid caller prefixes (External ISE); empty: the port-443 rule allows the Internet.
    pub callers: Vec<String>,
    /// Valid Azure Government replacement addresses.
    pub gov_logic_apps_inbound: Vec<String>,
    pub gov_logic_apps_outbound: Vec<String>,
    pub gov_managed_connector_outbound: Vec<String>,
}

/// A rule the design needs but cannot have yet, because addresses are missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OmittedRule {
    pub name: &'static str,
    pub purpose: &'static str,
    /// Which design field would supply the addresses.
    pub field: &'static str,
}

/// Azure's limit of addresses and ranges named by the rules of one NSG.
pub const MAX_NSG_ADDRESSES: usize = 4000;

/// The plan's step: the NSG rules the checked design needs, and a warning when they name more
/// addresses than one security group may hold.
pub fn rules_for(design: &Design, checked: &Checked, f: &mut Findings) -> Vec<SecurityRule> {
    let lists = &checked.lists;
    let inputs = RuleInputs {
        vnet_space: checked
            .vnet_prefixes
            .iter()
            .map(|n| n.to_string())
            .collect(),
        dns_servers: lists.dns_servers.clone(),
        connector_outbound: lists.connector_outbound.clone(),
        callers: lists.callers.clone(),
        gov_logic_apps_inbound: lists.gov_logic_apps_inbound.clone(),
        gov_logic_apps_outbound: lists.gov_logic_apps_outbound.clone(),
        gov_managed_connector_outbound: lists.gov_managed_connector_outbound.clone(),
    };
    // Rows left out are reported by the list checks (connector, Government, VNet errors).
    let (rules, _omitted) = security_rules(design, &inputs);
    // Azure's limit counts addresses and ranges, not service tags or `*`.
    let named = addresses_named(&rules);
    if named > MAX_NSG_ADDRESSES {
        f.warning(code::NSG_ADDRESS_LIMIT, longest_list(&inputs), format!("The NSG rules name {named} addresses and ranges; Azure allows {MAX_NSG_ADDRESSES} per security group. Summarise the address lists into wider prefixes."));
    }
    rules
}

/// The field of the longest list the rules take addresses from.
fn longest_list(inputs: &RuleInputs) -> &'static str {
    [
        (
            inputs.connector_outbound.len(),
            "connectorOutboundAddresses",
        ),
        (inputs.callers.len(), "callerAddresses"),
        (inputs.dns_servers.len(), "dnsServers"),
        (
            inputs.gov_logic_apps_inbound.len(),
            "governmentAddresses.logicAppsInbound",
        ),
        (
            inputs.gov_logic_apps_outbound.len(),
            "governmentAddresses.logicAppsOutbound",
        ),
        (
            inputs.gov_managed_connector_outbound.len(),
            "governmentAddresses.managedConnectorOutbound",
        ),
    ]
    .into_iter()
    .max_by_key(|(n, _)| *n)
    .map_or("connectorOutboundAddresses", |(_, field)| field)
}

/// The NSG rules the design needs, inbound first, each direction in priority order, and the
/// rows left out for want of addresses.
pub fn security_rules(
    design: &Design,
    inputs: &RuleInputs,
) -> (Vec<SecurityRule>, Vec<OmittedRule>) {
    let mut rules = Vec::new();
    let mut omitted = Vec::new();
    let context = Context {
        external: design.access_endpoint == AccessEndpoint::External,
        gov: design.cloud == Cloud::Government,
        inputs,
    };
    for r in ROWS.iter().filter(|r| applies(r.when, design)) {
        let (source, destination) =
            match (context.resolve(r.source), context.resolve(r.destination)) {
                (Ok(s), Ok(d)) => (s, d),
                (Err(field), _) | (_, Err(field)) => {
                    omitted.push(OmittedRule {
                        name: r.name,
                        purpose: r.cite.row,
                        field,
                    });
                    continue;
                }
            };
        let ports = match r.ports {
            Fixed(p) => p.iter().map(|s| s.to_string()).collect(),
            Ports::TrafficManager => vec![if context.external { "443" } else { "454" }.to_string()],
        };
        rules.push(SecurityRule {
            name: r.name.to_string(),
            priority: r.priority,
            direction: r.direction,
            access: "Allow",
            protocol: "*",
            source_addresses: source,
            source_ports: "*",
            destination_addresses: destination,
            destination_ports: ports,
            purpose: r.cite.row,
            source: r.cite,
        });
    }
    (rules, omitted)
}

/// Whether a row's condition holds for the design.
fn applies(when: When, design: &Design) -> bool {
    match when {
        When::Always => true,
        When::CustomDns => !design.dns_servers.iter().all(|s| s.trim().is_empty()),
        When::ExternalIse => design.access_endpoint == AccessEndpoint::External,
        When::LoadBalancerRule => design.allow_load_balancer_rule,
    }
}

/// What a row's addresses are resolved against.
struct Context<'a> {
    external: bool,
    gov: bool,
    inputs: &'a RuleInputs,
}

impl Context<'_> {
    /// The addresses a row's source or destination stands for; `Err(field)`: the list the
    /// row needs is empty, so the row is left out and that field gets the error.
    fn resolve(&self, addr: Addr) -> Result<Vec<String>, &'static str> {
        let inputs = self.inputs;
        let (external, gov) = (self.external, self.gov);
        let list = |v: &[String], field| {
            if v.is_empty() {
                Err(field)
            } else {
                Ok(v.to_vec())
            }
        };
        match addr {
            Tag(tag) => Ok(vec![tag.to_string()]),
            // The VirtualNetwork tag is wider (peered and on-premises ranges): without a
            // valid address space the rule waits rather than opening more than asked.
            VnetSpace => list(&inputs.vnet_space, "vnet.addressPrefixes"),
            CallerByEndpoint if external && !inputs.callers.is_empty() => {
                Ok(inputs.callers.clone())
            }
            CallerByEndpoint => Ok(vec![if external {
                "Internet"
            } else {
                "VirtualNetwork"
            }
            .into()]),
            LogicAppsManagement if gov => list(
                &inputs.gov_logic_apps_inbound,
                "governmentAddresses.logicAppsInbound",
            ),
            LogicAppsManagement => Ok(vec!["LogicAppsManagement".into()]),
            LogicApps if gov => self.government_logic_apps(),
            LogicApps => Ok(vec!["LogicApps".into()]),
            AzureConnectors if gov => list(
                &inputs.gov_managed_connector_outbound,
                "governmentAddresses.managedConnectorOutbound",
            ),
            AzureConnectors => Ok(vec!["AzureConnectors".into()]),
            DnsServers => list(&inputs.dns_servers, "dnsServers"),
            ConnectorOutbound => list(&inputs.connector_outbound, "connectorOutboundAddresses"),
        }
    }

    /// The portal article: "provide both the Logic Apps inbound IP addresses and outbound IP
    /// addresses" — the Government rule needs the two lists.
    fn government_logic_apps(&self) -> Result<Vec<String>, &'static str> {
        let inputs = self.inputs;
        if inputs.gov_logic_apps_inbound.is_empty() {
            return Err("governmentAddresses.logicAppsInbound");
        }
        if inputs.gov_logic_apps_outbound.is_empty() {
            return Err("governmentAddresses.logicAppsOutbound");
        }
        let both = [
            inputs.gov_logic_apps_inbound.as_slice(),
            inputs.gov_logic_apps_outbound.as_slice(),
        ]
        .concat();
        Ok(crate::ise::validate::lists::unique(both))
    }
}

/// Azure's limit of security rules in one NSG.
pub const MAX_RULES_PER_NSG: usize = 1000;

/// How many addresses and ranges the rules name, the count Azure limits per NSG: service
/// tags (`VirtualNetwork`, `Internet`…) and `*` do not count.
pub fn addresses_named(rules: &[SecurityRule]) -> usize {
    rules
        .iter()
        .flat_map(|r| r.source_addresses.iter().chain(&r.destination_addresses))
        .filter(|a| crate::network::cidr::parse_address_or_prefix(a).is_ok())
        .count()
}

/// Why the ISE needs Azure Load Balancer traffic, for the page and the checklist.
pub const LOAD_BALANCER_NOTE: &str = "An ISE relies on Azure's default inbound rule AllowAzureLoadBalancerInBound (priority 65001), which admits the Azure Load Balancer's health probes its internal App Service Environment, API Management and Redis instances need. If your NSG has its own deny-all inbound rule, keep an allow from the AzureLoadBalancer service tag above it; the planner writes one (ise-in-azure-load-balancer) when you ask for the explicit Azure Load Balancer rule (allowLoadBalancerRule).";

/// One port requirement of Azure Cache for Redis in a virtual network: the ports behind the
/// portal article's "6379 - 6383, plus see Notes".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RedisPort {
    pub direction: Direction,
    /// Azure port syntax: `8443`, `10221-10231`.
    pub ports: &'static str,
    /// The other end, as the Redis article names it.
    pub remote: &'static str,
    pub purpose: &'static str,
    /// Which generated rule (or Azure default rule) already opens it, if any.
    pub covered_by: Option<&'static str>,
    pub source: Citation,
}

const REDIS_OUT: Citation = Citation {
    article: REDIS_VNET,
    section: "What are some common misconfiguration issues with Azure Cache for Redis and VNets?",
    row: "Outbound port requirements",
};
const REDIS_IN: Citation = Citation {
    article: REDIS_VNET,
    section: "What are some common misconfiguration issues with Azure Cache for Redis and VNets?",
    row: "Inbound port requirements",
};

const fn redis(
    direction: Direction,
    ports: &'static str,
    remote: &'static str,
    purpose: &'static str,
    covered_by: Option<&'static str>,
) -> RedisPort {
    RedisPort {
        direction,
        ports,
        remote,
        purpose,
        covered_by,
        source: match direction {
            Direction::Inbound => REDIS_IN,
            Direction::Outbound => REDIS_OUT,
        },
    }
}

const INTERSUBNET_IN: Option<&str> = Some("ise-in-intersubnet");
const INTERSUBNET_OUT: Option<&str> = Some("ise-out-intersubnet");
const LOAD_BALANCER_DEFAULT: Option<&str> =
    Some("Azure's default AllowAzureLoadBalancerInBound (or ise-in-azure-load-balancer)");

/// The Redis article's port tables, beyond the 6379-6383 the portal article lists itself.
pub const REDIS_PORTS: &[RedisPort] = &[
    redis(Out, "80, 443", "Internet (Azure Storage and certificate revocation/PKI)", "Redis dependencies on Azure Storage/PKI", Some("ise-out-storage for Storage; Azure's default AllowInternetOutBound for PKI")),
    redis(Out, "443", "AzureKeyVault, AzureMonitor", "Redis dependency on Azure Key Vault and Azure Monitor", Some("ise-out-diagnostics for AzureMonitor; nothing for AzureKeyVault unless Azure's default AllowInternetOutBound stays")),
    redis(Out, "53", "168.63.129.16, 169.254.169.254 and any custom DNS server", "Redis dependencies on DNS", Some("ise-out-dns for custom DNS servers; Azure's platform addresses are not filtered by NSGs")),
    redis(Out, "8443", "the Redis subnet", "Internal communications for Redis", INTERSUBNET_OUT),
    redis(Out, "10221-10231", "the Redis subnet", "Internal communications for Redis", INTERSUBNET_OUT),
    redis(Out, "20226", "the Redis subnet", "Internal communications for Redis", INTERSUBNET_OUT),
    redis(Out, "13000-13999", "the Redis subnet", "Internal communications for Redis", INTERSUBNET_OUT),
    redis(Out, "15000-15999", "the Redis subnet and a geo-replica's subnet", "Internal communications for Redis and geo-replication", INTERSUBNET_OUT),
    redis(Out, "6379-6380", "the Redis subnet", "Internal communications for Redis", Some("ise-out-redis")),
    redis(In, "6379, 6380", "the Redis subnet, the virtual network, Azure Load Balancer", "Client communication to Redis, Azure load balancing", Some("ise-in-redis")),
    redis(In, "8443", "the Redis subnet", "Internal communications for Redis", INTERSUBNET_IN),
    redis(In, "8500", "Azure Load Balancer", "Azure load balancing", LOAD_BALANCER_DEFAULT),
    redis(In, "10221-10231", "the Redis subnet, Azure Load Balancer", "Internal communications for Redis", INTERSUBNET_IN),
    redis(In, "13000-13999", "the virtual network, Azure Load Balancer", "Client communication to Redis clusters, Azure load balancing", INTERSUBNET_IN),
    redis(In, "15000-15999", "the virtual network, Azure Load Balancer and a geo-replica's subnet", "Client communication to Redis clusters, Azure load balancing, geo-replication", INTERSUBNET_IN),
    redis(In, "16001", "Azure Load Balancer", "Azure load balancing", LOAD_BALANCER_DEFAULT),
    redis(In, "20226", "the Redis subnet", "Internal communications for Redis", INTERSUBNET_IN),
];

/// The Redis "see Notes" ports by number, one sentence per direction, for the checklist
/// and the page.
pub fn redis_ports_text() -> String {
    let list = |direction: Direction| {
        REDIS_PORTS
            .iter()
            .filter(|p| p.direction == direction)
            .map(|p| format!("{} ({})", p.ports, p.remote))
            .collect::<Vec<_>>()
            .join("; ")
    };
    format!(
        "Besides 6379-6383, Azure Cache for Redis in a virtual network needs, inbound: {}; outbound: {}. The intersubnet rules open the ports inside the VNet's space, Azure's default AllowAzureLoadBalancerInBound admits the load balancer on 8500 and 16001, and outbound 443 to AzureKeyVault needs a rule of its own if you deny Internet-bound traffic.",
        list(In),
        list(Out)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_for(design: &Design, inputs: &RuleInputs) -> Vec<SecurityRule> {
        security_rules(design, inputs).0
    }

    fn find<'a>(rules: &'a [SecurityRule], name: &str) -> &'a SecurityRule {
        rules
            .iter()
            .find(|r| r.name == name)
            .unwrap_or_else(|| panic!("no rule {name}"))
    }

    #[test]
    fn table_is_well_formed() {
        for dir in [In, Out] {
            let mut prios: Vec<u16> = ROWS
                .iter()
                .filter(|r| r.direction == dir)
                .map(|r| r.priority)
                .collect();
            assert!(prios.iter().all(|p| (100..=4096).contains(p)));
            let n = prios.len();
            prios.sort_unstable();
            prios.dedup();
            assert_eq!(prios.len(), n, "priorities unique per direction");
        }
        let mut names: Vec<_> = ROWS.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ROWS.len());
        for name in names {
            assert!(
                name.len() <= 80 && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            );
        }
    }

    #[test]
    fn internal_ise_rows() {
        let inputs = RuleInputs {
            vnet_space: vec!["10.0.0.0/22".into()],
            ..Default::default()
        };
        let rules = rules_for(&Design::default(), &inputs);
        assert_eq!(rules.iter().filter(|r| r.direction == In).count(), 9);
        assert_eq!(rules.iter().filter(|r| r.direction == Out).count(), 9);
        assert_eq!(
            find(&rules, "ise-in-logic-app-https").source_addresses,
            ["VirtualNetwork"]
        );
        assert_eq!(
            find(&rules, "ise-in-traffic-manager").destination_ports,
            ["454"]
        );
        assert_eq!(
            find(&rules, "ise-in-app-service-management").destination_ports,
            ["454", "455"]
        );
        assert_eq!(
            find(&rules, "ise-in-redis").destination_ports,
            ["6379-6383"]
        );
        assert_eq!(
            find(&rules, "ise-in-intersubnet").source_addresses,
            ["10.0.0.0/22"]
        );
        assert_eq!(
            find(&rules, "ise-out-storage").destination_ports,
            ["80", "443", "445"]
        );
        assert!(rules
            .iter()
            .all(|r| r.protocol == "*" && r.source_ports == "*" && r.access == "Allow"));
    }

    #[test]
    fn external_ise_rows() {
        let design = Design {
            access_endpoint: AccessEndpoint::External,
            ..Design::default()
        };
        let inputs = RuleInputs {
            vnet_space: vec!["10.0.0.0/22".into()],
            connector_outbound: vec!["52.1.2.0/28".into()],
            ..Default::default()
        };
        let rules = rules_for(&design, &inputs);
        assert_eq!(
            find(&rules, "ise-in-logic-app-https").source_addresses,
            ["Internet"]
        );
        assert_eq!(
            find(&rules, "ise-in-traffic-manager").destination_ports,
            ["443"]
        );
        assert_eq!(
            find(&rules, "ise-in-connector-outbound-ips").source_addresses,
            ["52.1.2.0/28"]
        );
        // Without the addresses the rule is left out, and said so.
        let (rules, omitted) = security_rules(
            &design,
            &RuleInputs {
                vnet_space: vec!["10.0.0.0/22".into()],
                ..Default::default()
            },
        );
        assert!(rules
            .iter()
            .all(|r| r.name != "ise-in-connector-outbound-ips"));
        assert_eq!(omitted[0].field, "connectorOutboundAddresses");
    }

    #[test]
    fn government_replaces_three_tags() {
        let design = Design {
            cloud: Cloud::Government,
            ..Design::default()
        };
        let inputs = RuleInputs {
            vnet_space: vec!["10.0.0.0/22".into()],
            gov_logic_apps_inbound: vec!["13.72.1.1/32".into()],
            gov_logic_apps_outbound: vec!["13.72.2.2/32".into()],
            gov_managed_connector_outbound: vec!["13.72.3.0/28".into()],
            ..Default::default()
        };
        let rules = rules_for(&design, &inputs);
        assert_eq!(
            find(&rules, "ise-in-designer-dynamic-properties").source_addresses,
            ["13.72.1.1/32"]
        );
        assert_eq!(
            find(&rules, "ise-in-network-health-check").source_addresses,
            ["13.72.1.1/32", "13.72.2.2/32"]
        );
        assert_eq!(
            find(&rules, "ise-in-connector-deployment").source_addresses,
            ["13.72.3.0/28"]
        );
        assert!(rules.iter().all(|r| !r
            .source_addresses
            .iter()
            .any(|a| a.starts_with("LogicApps") || a == "AzureConnectors")));
        let (_, omitted) = security_rules(&design, &RuleInputs::default());
        let names: Vec<_> = omitted.iter().map(|o| o.name).collect();
        assert_eq!(
            names,
            [
                "ise-in-intersubnet",
                "ise-in-designer-dynamic-properties",
                "ise-in-network-health-check",
                "ise-in-connector-deployment",
                "ise-out-intersubnet"
            ]
        );
        // The health-check rule needs both the inbound and the outbound addresses.
        let only_inbound = RuleInputs {
            gov_logic_apps_inbound: vec!["13.72.1.1/32".into()],
            ..inputs.clone()
        };
        let only_inbound = RuleInputs {
            gov_logic_apps_outbound: vec![],
            ..only_inbound
        };
        let (rules, omitted) = security_rules(&design, &only_inbound);
        assert!(rules
            .iter()
            .all(|r| r.name != "ise-in-network-health-check"));
        assert_eq!(omitted[0].field, "governmentAddresses.logicAppsOutbound");
    }

    #[test]
    fn dns_rule_only_with_custom_dns() {
        let inputs = RuleInputs {
            dns_servers: vec!["10.0.0.4".into()],
            ..Default::default()
        };
        assert!(rules_for(&Design::default(), &inputs)
            .iter()
            .all(|r| r.name != "ise-out-dns"));
        let design = Design {
            dns_servers: vec!["10.0.0.4".into()],
            ..Design::default()
        };
        let rules = rules_for(&design, &inputs);
        let dns = find(&rules, "ise-out-dns");
        assert_eq!(
            (
                dns.destination_addresses.as_slice(),
                dns.destination_ports.as_slice()
            ),
            (&["10.0.0.4".to_string()][..], &["53".to_string()][..])
        );
    }

    #[test]
    fn arm_shape_uses_singular_and_plural() {
        let inputs = RuleInputs {
            vnet_space: vec!["10.0.0.0/22".into(), "10.1.0.0/24".into()],
            ..Default::default()
        };
        let rules = rules_for(&Design::default(), &inputs);
        let asm = find(&rules, "ise-in-app-service-management").to_arm();
        assert_eq!(
            asm["properties"]["destinationPortRanges"],
            json!(["454", "455"])
        );
        assert!(asm["properties"].get("destinationPortRange").is_none());
        assert_eq!(
            asm["properties"]["sourceAddressPrefix"],
            json!("AppServiceManagement")
        );
        let inter = find(&rules, "ise-in-intersubnet").to_arm();
        assert_eq!(
            inter["properties"]["sourceAddressPrefixes"],
            json!(["10.0.0.0/22", "10.1.0.0/24"])
        );
        assert_eq!(inter["properties"]["direction"], json!("Inbound"));
        assert!(rules.iter().all(|r| r.description().chars().count() <= 140));
    }

    #[test]
    fn callers_narrow_the_external_443_rule() {
        let design = Design {
            access_endpoint: AccessEndpoint::External,
            ..Design::default()
        };
        let inputs = RuleInputs {
            vnet_space: vec!["10.0.0.0/22".into()],
            connector_outbound: vec!["52.1.2.0/28".into()],
            callers: vec!["203.0.113.0/24".into(), "10.8.0.0/16".into()],
            ..Default::default()
        };
        let rules = rules_for(&design, &inputs);
        let https = find(&rules, "ise-in-logic-app-https");
        assert_eq!(https.source_addresses, ["203.0.113.0/24", "10.8.0.0/16"]);
        assert_eq!(https.destination_ports, ["443"]);
        // An Internal ISE keeps VirtualNetwork whatever the list holds.
        let rules = rules_for(&Design::default(), &inputs);
        assert_eq!(
            find(&rules, "ise-in-logic-app-https").source_addresses,
            ["VirtualNetwork"]
        );
    }

    #[test]
    fn the_load_balancer_rule_is_optional_and_cites_azure() {
        let inputs = RuleInputs {
            vnet_space: vec!["10.0.0.0/22".into()],
            ..Default::default()
        };
        assert!(rules_for(&Design::default(), &inputs)
            .iter()
            .all(|r| r.name != "ise-in-azure-load-balancer"));
        let design = Design {
            allow_load_balancer_rule: true,
            ..Design::default()
        };
        let rules = rules_for(&design, &inputs);
        let lb = find(&rules, "ise-in-azure-load-balancer");
        assert_eq!(
            (
                lb.direction,
                lb.source_addresses.as_slice(),
                lb.destination_addresses.as_slice(),
                lb.destination_ports.as_slice(),
                lb.protocol
            ),
            (
                In,
                &["AzureLoadBalancer".to_string()][..],
                &["VirtualNetwork".to_string()][..],
                &["*".to_string()][..],
                "*"
            )
        );
        assert_eq!(lb.source.article, NSG_OVERVIEW);
        assert_eq!(lb.source.row, "AllowAzureLoadBalancerInBound");
        assert_eq!(
            lb.description(),
            "AllowAzureLoadBalancerInBound (NSG doc: Default security rules)"
        );
        assert!(LOAD_BALANCER_NOTE.contains("deny-all"));
    }

    #[test]
    fn only_addresses_count_toward_azures_limit() {
        let inputs = RuleInputs {
            vnet_space: vec!["10.0.0.0/22".into(), "10.1.0.0/24".into()],
            dns_servers: vec!["10.0.0.4".into()],
            ..Default::default()
        };
        let design = Design {
            dns_servers: vec!["10.0.0.4".into()],
            ..Design::default()
        };
        let rules = rules_for(&design, &inputs);
        // Two intersubnet rules × (2 sources + 2 destinations) + the DNS server; every
        // service tag and `*` is left out.
        assert_eq!(addresses_named(&rules), 9);
    }

    #[test]
    fn redis_ports_come_from_the_redis_article() {
        let text = redis_ports_text();
        for port in [
            "8443",
            "8500",
            "10221-10231",
            "13000-13999",
            "15000-15999",
            "16001",
            "20226",
            "6379-6380",
        ] {
            assert!(text.contains(port), "{port}");
        }
        assert_eq!(REDIS_PORTS.iter().filter(|p| p.direction == In).count(), 8);
        assert_eq!(REDIS_PORTS.iter().filter(|p| p.direction == Out).count(), 9);
        assert!(REDIS_PORTS.iter().all(|p| p.source.article == REDIS_VNET));
        // Every rule a Redis port is said to be covered by exists.
        for p in REDIS_PORTS {
            if let Some(by) = p.covered_by {
                if by.starts_with("ise-") {
                    let name = by.split([' ', ';']).next().unwrap();
                    assert!(ROWS.iter().any(|r| r.name == name), "{name}");
                }
            }
        }
    }
}
