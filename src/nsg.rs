//! Where the NSG rules come from: the portal article's inbound and outbound tables, as data, adjusted
//! for the access endpoint, the cloud, custom DNS and the External-ISE connector rule.
//!
//! Each rule cites the table row it implements. Priorities are fixed per row (not
//! renumbered when a row is left out), so a design change never reshuffles the others.

use serde::Serialize;
use serde_json::{json, Value};

use crate::citation::Citation;
use crate::design::{AccessEndpoint, Cloud, Design};

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
    /// Internal ISE: VirtualNetwork; External ISE: Internet (row "Communication to your logic app").
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

/// The NSG rules the design needs, inbound first, each direction in priority order, and the
/// rows left out for want of addresses.
pub fn security_rules(
    design: &Design,
    inputs: &RuleInputs,
) -> (Vec<SecurityRule>, Vec<OmittedRule>) {
    let mut rules = Vec::new();
    let mut omitted = Vec::new();
    let external = design.access_endpoint == AccessEndpoint::External;
    let gov = design.cloud == Cloud::Government;
    for r in ROWS {
        let applies = match r.when {
            When::Always => true,
            When::CustomDns => !design.dns_servers.iter().all(|s| s.trim().is_empty()),
            When::ExternalIse => external,
        };
        if !applies {
            continue;
        }
        let resolve = |addr: Addr| -> Result<Vec<String>, &'static str> {
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
                // The portal article: "provide both the Logic Apps inbound IP addresses and outbound IP
                // addresses" — the rule needs the two lists.
                LogicApps if gov => {
                    list(
                        &inputs.gov_logic_apps_inbound,
                        "governmentAddresses.logicAppsInbound",
                    )?;
                    list(
                        &inputs.gov_logic_apps_outbound,
                        "governmentAddresses.logicAppsOutbound",
                    )?;
                    let both = [
                        inputs.gov_logic_apps_inbound.as_slice(),
                        inputs.gov_logic_apps_outbound.as_slice(),
                    ]
                    .concat();
                    Ok(crate::validate::lists::unique(both))
                }
                LogicApps => Ok(vec!["LogicApps".into()]),
                AzureConnectors if gov => list(
                    &inputs.gov_managed_connector_outbound,
                    "governmentAddresses.managedConnectorOutbound",
                ),
                AzureConnectors => Ok(vec!["AzureConnectors".into()]),
                DnsServers => list(&inputs.dns_servers, "dnsServers"),
                ConnectorOutbound => list(&inputs.connector_outbound, "connectorOutboundAddresses"),
            }
        };
        let (source, destination) = match (resolve(r.source), resolve(r.destination)) {
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
            Ports::TrafficManager => vec![if external { "443" } else { "454" }.to_string()],
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

/// Azure's limit of security rules in one NSG.
pub const MAX_RULES_PER_NSG: usize = 1000;

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
}
