//! The design: everything the user types, as one versioned serde type shared by the page
//! (autosave, file, share link) and the CLI (`--design`).
//!
//! Values are kept as typed (strings, not parsed prefixes) so that a half-typed or wrong
//! value is still a design — it becomes a finding, never a load failure.

use serde::{Deserialize, Serialize};

pub mod limits;
mod load;
pub(crate) mod read;
pub mod share_link;
mod standard;
pub use crate::azure::cloud::Cloud;
pub use load::{LoadError, Loaded};
pub use standard::{
    Hosting, Resource, StandardDesign, StandardSubnetSpec, View, DEFAULT_ASE_SUBNET_SIZE,
    DEFAULT_INTEGRATION_SUBNET_SIZE,
};

/// The format version this build writes. Older versions are migrated on load; newer ones
/// are refused with a message saying so. Version 3 added `view` and `standard`.
pub const DESIGN_VERSION: u32 = 3;

/// The ISE SKU; fixed after creation (portal article, create table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sku {
    #[default]
    #[serde(alias = "premium")]
    Premium,
    #[serde(alias = "developer")]
    Developer,
}

/// Who can call the ISE's endpoints; fixed after creation (portal article, create table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessEndpoint {
    #[default]
    #[serde(alias = "internal")]
    Internal,
    #[serde(alias = "external")]
    External,
}

/// How the ISE will be created; it decides subnet delegation (portal article, "Create subnets").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Deployment {
    /// The Azure portal: no subnet may be delegated.
    Portal,
    /// The REST API, an ARM template or PowerShell: one empty subnet is delegated.
    #[default]
    #[serde(alias = "arm", alias = "powershell")]
    Rest,
}

/// A whole number as the user typed it ("2", "-3", "2.5", or nothing), so that a wrong
/// value stays on screen and becomes a finding instead of being rewritten.
///
/// In JSON it is a number when the text is a plain integer, and a string otherwise; it
/// reads either.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TypedNumber(pub String);

impl TypedNumber {
    /// The text for a number.
    pub fn from_int(n: i64) -> TypedNumber {
        TypedNumber(n.to_string())
    }

    /// The number, when the text is a whole number (surrounding spaces allowed).
    pub fn value(&self) -> Option<i64> {
        self.0.trim().parse().ok()
    }

    /// The text as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<i64> for TypedNumber {
    fn from(n: i64) -> TypedNumber {
        TypedNumber::from_int(n)
    }
}

impl Serialize for TypedNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.parse::<i64>() {
            Ok(n) if n.to_string() == self.0 => serializer.serialize_i64(n),
            _ => serializer.serialize_str(&self.0),
        }
    }
}

impl<'de> Deserialize<'de> for TypedNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<TypedNumber, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Repr {
            Int(i64),
            Float(f64),
            Text(String),
            Null(()),
        }
        Ok(TypedNumber(match Repr::deserialize(deserializer)? {
            Repr::Int(n) => n.to_string(),
            Repr::Float(x) => x.to_string(),
            Repr::Text(t) => t,
            Repr::Null(()) => String::new(),
        }))
    }
}

/// A subnet that already exists in the virtual network.
///
/// In JSON either an object or, as version 1 wrote it, just the prefix string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, from = "ExistingSubnetRepr")]
pub struct ExistingSubnet {
    /// The subnet's name in Azure (empty when only the prefix is known).
    pub name: String,
    /// Its address prefix in CIDR form.
    pub prefix: String,
    /// It is already one of the ISE's four subnets (documenting or auditing an ISE that
    /// exists): it is checked as an ISE subnet, not reported as an overlap.
    #[serde(skip_serializing_if = "is_false")]
    pub ise_subnet: bool,
    /// The services it is delegated to, as imported (`Microsoft.Logic/integrationServiceEnvironments`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub delegations: Vec<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ExistingSubnetRepr {
    Prefix(String),
    Object(ExistingSubnetObject),
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct ExistingSubnetObject {
    name: String,
    prefix: String,
    ise_subnet: bool,
    delegations: Vec<String>,
}

impl From<ExistingSubnetRepr> for ExistingSubnet {
    fn from(repr: ExistingSubnetRepr) -> ExistingSubnet {
        match repr {
            ExistingSubnetRepr::Prefix(prefix) => ExistingSubnet {
                prefix,
                ..ExistingSubnet::default()
            },
            ExistingSubnetRepr::Object(o) => ExistingSubnet {
                name: o.name,
                prefix: o.prefix,
                ise_subnet: o.ise_subnet,
                delegations: o.delegations,
            },
        }
    }
}

impl From<&str> for ExistingSubnet {
    /// An existing subnet known only by its prefix.
    fn from(prefix: &str) -> ExistingSubnet {
        ExistingSubnet {
            prefix: prefix.to_string(),
            ..ExistingSubnet::default()
        }
    }
}

impl From<String> for ExistingSubnet {
    fn from(prefix: String) -> ExistingSubnet {
        ExistingSubnet {
            prefix,
            ..ExistingSubnet::default()
        }
    }
}

/// The virtual network the ISE is injected into.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct VirtualNetwork {
    pub name: String,
    /// The VNet's resource group when it is not the ISE's (empty: the ISE's).
    pub resource_group: String,
    /// One or more IPv4 prefixes in CIDR form.
    pub address_prefixes: Vec<String>,
    /// Subnets that already exist in the VNet (allocation avoids them).
    pub existing_subnets: Vec<ExistingSubnet>,
    /// The VNet does not exist yet: exports declare it. Otherwise they reference it as
    /// existing and add only the ISE subnets to it.
    pub is_new: bool,
}

impl Default for VirtualNetwork {
    fn default() -> Self {
        VirtualNetwork {
            name: "ise-vnet".into(),
            resource_group: String::new(),
            address_prefixes: vec!["10.0.0.0/22".into()],
            existing_subnets: Vec::new(),
            is_new: false,
        }
    }
}

impl VirtualNetwork {
    /// How many existing subnets the design lists (a row without a prefix is not one).
    pub fn existing_subnet_count(&self) -> usize {
        self.existing_subnets
            .iter()
            .filter(|s| !s.prefix.trim().is_empty())
            .count()
    }
}

/// One of the four ISE subnets: a name, and a prefix when the user pins one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SubnetSpec {
    pub name: String,
    /// Empty: the planner allocates it. Otherwise the prefix is pinned: validated, never moved.
    pub prefix: String,
    /// Where the planner last placed this (unpinned) subnet. The planner keeps it there
    /// while that block stays valid, so that other edits do not move it; empty: none yet.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub placed: String,
}

impl SubnetSpec {
    /// Whether the user pinned a prefix.
    pub fn is_pinned(&self) -> bool {
        !self.prefix.trim().is_empty()
    }
}

/// A self-signed public certificate the ISE should trust (REST API article, `certificates`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Certificate {
    pub name: String,
    /// Base64 of the certificate file, as the article's `publicCertificate`.
    pub public_certificate: String,
}

/// Addresses that replace service tags that do not work in Azure Government (portal
/// article, inbound security rules, "Important" notes).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GovernmentAddresses {
    /// Logic Apps inbound addresses for Azure Government (replace LogicAppsManagement, LogicApps).
    pub logic_apps_inbound: Vec<String>,
    /// Logic Apps outbound addresses for Azure Government (with the inbound, replace LogicApps).
    pub logic_apps_outbound: Vec<String>,
    /// Managed connector outbound addresses for Azure Government (replace AzureConnectors).
    pub managed_connector_outbound: Vec<String>,
}

/// Addresses that need their own route to the Internet when Internet-bound traffic is
/// forced through a firewall (portal article, "Forced tunneling requirements",
/// user-defined routes).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DependencyAddresses {
    /// App Service Environment management addresses.
    pub app_service_management: Vec<String>,
    /// Azure IP addresses for connectors in the ISE region.
    pub connectors: Vec<String>,
    /// Azure Traffic Manager management (probe) addresses.
    pub traffic_manager: Vec<String>,
    /// Logic Apps inbound and outbound addresses for the ISE region.
    pub logic_apps: Vec<String>,
}

impl DependencyAddresses {
    /// Every list with its JSON field name and what it is, in the article's order.
    pub fn lists(&self) -> [(&'static str, &'static str, &[String]); 4] {
        [
            (
                "appServiceManagement",
                "App Service Environment management addresses",
                &self.app_service_management,
            ),
            (
                "connectors",
                "Azure connector addresses for the ISE region",
                &self.connectors,
            ),
            (
                "trafficManager",
                "Azure Traffic Manager management addresses",
                &self.traffic_manager,
            ),
            (
                "logicApps",
                "Logic Apps inbound and outbound addresses for the ISE region",
                &self.logic_apps,
            ),
        ]
    }
}

/// How Internet-bound traffic leaves the ISE's subnets. The portal article describes two
/// different setups that need different routes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ForcedTunneling {
    /// Traffic goes to the Internet the normal way: no route table is needed.
    #[default]
    None,
    /// ExpressRoute with forced tunneling ("Prerequisites"): one route 0.0.0.0/0 → Internet
    /// on every ISE subnet, so the ISE reaches its dependencies directly.
    #[serde(alias = "expressroute", alias = "ExpressRoute")]
    ExpressRoute,
    /// Forced tunneling through a firewall or appliance ("Forced tunneling requirements"):
    /// the default route goes to the appliance or gateway, and only the dependency
    /// addresses get routes to the Internet.
    #[serde(alias = "Firewall")]
    Firewall,
}

impl ForcedTunneling {
    /// Whether any forced tunneling is set up (a route table is needed).
    pub fn is_on(self) -> bool {
        self != ForcedTunneling::None
    }
}

/// Where the firewall setup sends Internet-bound traffic (the default route's next hop).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NextHop {
    /// A firewall or network virtual appliance, by its private IP address.
    #[default]
    VirtualAppliance,
    /// The virtual network gateway (a VPN).
    VirtualNetworkGateway,
}

/// The firewall or gateway that forced tunneling sends Internet-bound traffic to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Firewall {
    pub next_hop: NextHop,
    /// The appliance's private IPv4 address (next hop `VirtualAppliance` only).
    pub appliance_ip: String,
}

/// Everything the user decides about one ISE and its network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Design {
    /// The format version; see [`DESIGN_VERSION`].
    pub version: u32,
    pub subscription_id: String,
    pub resource_group: String,
    /// The ISE's name.
    pub name: String,
    /// An Azure region name such as `westeurope`.
    pub location: String,
    pub sku: Sku,
    /// Premium: extra processing units, 0–10, on top of the base unit. Developer: not used.
    /// Kept as typed.
    pub additional_capacity: TypedNumber,
    pub access_endpoint: AccessEndpoint,
    pub deployment: Deployment,
    pub cloud: Cloud,
    pub vnet: VirtualNetwork,
    /// The four ISE subnets, in order.
    pub subnets: Vec<SubnetSpec>,
    /// How Internet-bound traffic leaves the ISE subnets.
    pub forced_tunneling: ForcedTunneling,
    /// The next hop of the default route when forced tunneling goes through a firewall.
    pub firewall: Firewall,
    /// Custom DNS servers of the VNet (IPv4 addresses); adds the outbound port-53 rule.
    pub dns_servers: Vec<String>,
    /// Outbound traffic passes a network virtual appliance.
    pub network_virtual_appliance: bool,
    pub certificates: Vec<Certificate>,
    /// External ISE: the connector outbound addresses for the extra inbound rule.
    pub connector_outbound_addresses: Vec<String>,
    /// External ISE: who calls request triggers and webhooks or views runs history. When
    /// given, the port-443 rule allows these instead of the whole Internet.
    pub caller_addresses: Vec<String>,
    pub government_addresses: GovernmentAddresses,
    pub dependency_addresses: DependencyAddresses,
    /// Managed ISE connectors to deploy after creation (API names such as `sql`).
    pub managed_connectors: Vec<String>,
    /// Emit an explicit inbound allow from `AzureLoadBalancer` (for NSGs whose custom
    /// deny-all rule would otherwise shadow Azure's default `AllowAzureLoadBalancerInBound`).
    pub allow_load_balancer_rule: bool,
    /// Which plan the page shows: the ISE's or its Logic Apps Standard replacement's.
    /// (Written only when it is not the default, so a design that never opened the Standard
    /// view saves as it did before version 3, its version number aside.)
    #[serde(skip_serializing_if = "View::is_default")]
    pub view: View,
    /// The inputs of the Logic Apps Standard network that replaces the ISE (written only when
    /// one of them differs from its default).
    #[serde(skip_serializing_if = "StandardDesign::is_default")]
    pub standard: StandardDesign,
}

impl Default for Design {
    fn default() -> Self {
        Design {
            version: DESIGN_VERSION,
            subscription_id: "00000000-0000-0000-0000-000000000000".into(),
            resource_group: "ise-rg".into(),
            name: "ise-1".into(),
            location: "westeurope".into(),
            sku: Sku::Premium,
            additional_capacity: TypedNumber::from_int(0),
            access_endpoint: AccessEndpoint::Internal,
            deployment: Deployment::Rest,
            cloud: Cloud::Public,
            vnet: VirtualNetwork::default(),
            subnets: default_subnets(),
            forced_tunneling: ForcedTunneling::None,
            firewall: Firewall::default(),
            dns_servers: Vec::new(),
            network_virtual_appliance: false,
            certificates: Vec::new(),
            connector_outbound_addresses: Vec::new(),
            caller_addresses: Vec::new(),
            government_addresses: GovernmentAddresses::default(),
            dependency_addresses: DependencyAddresses::default(),
            managed_connectors: Vec::new(),
            allow_load_balancer_rule: false,
            view: View::Ise,
            standard: StandardDesign::default(),
        }
    }
}

/// The default names of the four ISE subnets. Neutral on purpose: Azure decides which
/// internal component uses which subnet.
pub const DEFAULT_SUBNET_NAMES: [&str; 4] = [
    "ise-subnet-1",
    "ise-subnet-2",
    "ise-subnet-3",
    "ise-subnet-4",
];

/// Four unpinned subnets with the default names.
pub fn default_subnets() -> Vec<SubnetSpec> {
    DEFAULT_SUBNET_NAMES
        .iter()
        .map(|n| SubnetSpec {
            name: (*n).into(),
            ..SubnetSpec::default()
        })
        .collect()
}

/// Whether two typed prefixes name the same network (`10.0.0.0/27` and ` 10.0.0.0/27`);
/// text that is not a prefix matches only the same text.
pub fn same_prefix(a: &str, b: &str) -> bool {
    match (
        crate::network::cidr::parse_address_or_prefix(a),
        crate::network::cidr::parse_address_or_prefix(b),
    ) {
        (Ok(x), Ok(y)) => x == y,
        _ => a.trim() == b.trim(),
    }
}

impl Design {
    /// Marks existing subnet `index` as one of the ISE's four subnets (documenting or
    /// auditing an ISE that exists): sets its `iseSubnet` flag and pins an ISE subnet to the
    /// same name and prefix — the ISE subnet already bound to it, else the one with the same
    /// name (any case), else the first one not bound to another existing subnet. Returns the
    /// ISE subnet's index; `None` (and no change) when `index` is out of range or all four
    /// ISE subnets are already bound to other existing subnets.
    pub fn mark_existing_as_ise(&mut self, index: usize) -> Option<usize> {
        let existing = self.vnet.existing_subnets.get(index)?.clone();
        let bound: Vec<Option<usize>> = (0..self.subnets.len())
            .map(|slot| self.existing_bound_to(slot))
            .collect();
        let free = |slot: usize| bound[slot].is_none() || bound[slot] == Some(index);
        let slot = (0..self.subnets.len())
            .find(|&s| bound[s] == Some(index))
            .or_else(|| {
                (0..self.subnets.len()).find(|&s| {
                    free(s)
                        && !existing.name.trim().is_empty()
                        && self.subnets[s]
                            .name
                            .trim()
                            .eq_ignore_ascii_case(existing.name.trim())
                })
            })
            .or_else(|| (0..self.subnets.len()).find(|&s| free(s) && !self.subnets[s].is_pinned()))
            .or_else(|| (0..self.subnets.len()).find(|&s| free(s)))
            .or_else(|| {
                (self.subnets.len() < 4).then(|| {
                    self.subnets.push(SubnetSpec::default());
                    self.subnets.len() - 1
                })
            })?;
        let spec = &mut self.subnets[slot];
        if !existing.name.trim().is_empty() {
            spec.name = existing.name.trim().to_string();
        }
        spec.prefix = existing.prefix.trim().to_string();
        spec.placed.clear();
        self.vnet.existing_subnets[index].ise_subnet = true;
        Some(slot)
    }

    /// Undoes [`Design::mark_existing_as_ise`]: clears the flag and unpins the ISE subnet
    /// bound to it (which keeps its name and is allocated again).
    pub fn unmark_existing_as_ise(&mut self, index: usize) {
        let slots: Vec<usize> = (0..self.subnets.len())
            .filter(|&s| self.existing_bound_to(s) == Some(index))
            .collect();
        for slot in slots {
            self.subnets[slot].prefix.clear();
        }
        if let Some(e) = self.vnet.existing_subnets.get_mut(index) {
            e.ise_subnet = false;
        }
    }

    /// The existing subnet that ISE subnet `slot` stands for: one marked `iseSubnet` whose
    /// prefix is the one the ISE subnet is pinned to (the first, should several match).
    pub fn existing_bound_to(&self, slot: usize) -> Option<usize> {
        let spec = self.subnets.get(slot)?;
        if !spec.is_pinned() {
            return None;
        }
        self.vnet
            .existing_subnets
            .iter()
            .position(|e| e.ise_subnet && same_prefix(&e.prefix, &spec.prefix))
    }

    /// The design as pretty JSON, the format of files and of the CLI's `--emit design`.
    pub fn to_json(&self) -> String {
        // Serialising plain strings, numbers and enums cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let d = Design::default();
        assert_eq!(Design::from_json(&d.to_json()).unwrap(), d);
        let mut d = Design::default();
        d.vnet.existing_subnets = vec![
            "10.0.0.0/24".into(),
            ExistingSubnet {
                name: "ise-a".into(),
                prefix: "10.0.1.0/27".into(),
                ise_subnet: true,
                delegations: vec!["Microsoft.Logic/integrationServiceEnvironments".into()],
            },
        ];
        d.additional_capacity = TypedNumber("2.5".into());
        d.forced_tunneling = ForcedTunneling::Firewall;
        d.firewall.appliance_ip = "10.0.3.4".into();
        assert_eq!(Design::from_json(&d.to_json()).unwrap(), d);
    }

    #[test]
    fn missing_fields_take_defaults_and_case_is_forgiven() {
        let d = Design::from_json(
            r#"{"version":2,"sku":"developer","vnet":{"addressPrefixes":["10.1.0.0/24"]}}"#,
        )
        .unwrap();
        assert_eq!(d.sku, Sku::Developer);
        assert_eq!(d.vnet.address_prefixes, ["10.1.0.0/24"]);
        assert_eq!(d.vnet.name, "ise-vnet");
        assert_eq!(d.subnets.len(), 4);
    }

    #[test]
    fn byte_order_mark_is_ignored() {
        assert_eq!(
            Design::from_json("\u{feff}{\"version\":2}").unwrap(),
            Design::default()
        );
    }

    #[test]
    fn typed_numbers_keep_what_was_typed() {
        for (json, text, value) in [
            ("3", "3", Some(3)),
            ("-3", "-3", Some(-3)),
            ("2.5", "2.5", None),
            ("\"\"", "", None),
            ("\" 4 \"", " 4 ", Some(4)),
            ("null", "", None),
        ] {
            let d = Design::from_json(&format!(r#"{{"version":2,"additionalCapacity":{json}}}"#))
                .unwrap();
            assert_eq!(d.additional_capacity.as_str(), text, "{json}");
            assert_eq!(d.additional_capacity.value(), value, "{json}");
        }
        // A plain integer is written as a number, anything else as the text typed.
        assert!(Design::default()
            .to_json()
            .contains("\"additionalCapacity\": 0"));
        let d = Design {
            additional_capacity: TypedNumber("-".into()),
            ..Design::default()
        };
        assert!(d.to_json().contains("\"additionalCapacity\": \"-\""));
    }

    #[test]
    fn versions_are_checked() {
        assert!(matches!(
            Design::from_json(r#"{"version":4}"#),
            Err(LoadError::TooNew(4))
        ));
        let err = Design::from_json(r#"{"version":4}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("newer") && err.contains("up to 3"), "{err}");
        assert!(matches!(
            Design::from_json(r#"{"version":0}"#),
            Err(LoadError::UnknownVersion(_))
        ));
        assert!(matches!(
            Design::from_json(r#"{"version":"1"}"#),
            Err(LoadError::UnknownVersion(_))
        ));
        assert!(matches!(
            Design::from_json(r#"{"version":1.5}"#),
            Err(LoadError::UnknownVersion(_))
        ));
        assert!(Design::from_json(r#"{"version":1}"#).is_ok());
        assert!(Design::from_json(r#"{"version":1.0}"#).is_ok());
        assert!(Design::from_json(r#"{"version":2.0}"#).is_ok());
        assert!(Design::from_json(r#"{"version":3}"#).is_ok());
        assert!(Design::from_json(r#"{"version":4294967297}"#).is_err());
    }

    #[test]
    fn objects_that_are_not_designs_are_refused() {
        for text in [r#"{}"#, r#"{"foo":1}"#, r#"{"name":"x"}"#] {
            let err = Design::from_json(text).unwrap_err();
            assert!(matches!(err, LoadError::NotADesign(_)), "{text}");
            assert!(err.to_string().contains("no \"version\""), "{err}");
        }
        let plan = serde_json::to_string(&crate::plan(&Design::default())).unwrap();
        let err = Design::from_json(&plan).unwrap_err();
        assert!(err.to_string().contains("it is a plan"), "{err}");
    }

    #[test]
    fn version_1_forced_tunneling_becomes_express_route() {
        let d = Design::from_json(r#"{"version":1,"forcedTunneling":true,"vnet":{"existingSubnets":["10.0.0.0/24"]},"additionalCapacity":2}"#).unwrap();
        assert_eq!(d.version, DESIGN_VERSION);
        assert_eq!(d.forced_tunneling, ForcedTunneling::ExpressRoute);
        assert_eq!(
            d.vnet.existing_subnets,
            [ExistingSubnet::from("10.0.0.0/24")]
        );
        assert_eq!(d.additional_capacity.value(), Some(2));
        let d = Design::from_json(r#"{"version":1,"forcedTunneling":false}"#).unwrap();
        assert_eq!(d.forced_tunneling, ForcedTunneling::None);
    }

    #[test]
    fn a_real_version_1_file_loads() {
        // Written by `ise-plan --emit design` of the planner that wrote version 1.
        let d = Design::from_json(include_str!("../../tests/fixtures/design-v1.json")).unwrap();
        assert_eq!(d.version, DESIGN_VERSION);
        assert_eq!(d.forced_tunneling, ForcedTunneling::ExpressRoute);
        assert_eq!(d.access_endpoint, AccessEndpoint::External);
        assert_eq!(d.additional_capacity.value(), Some(2));
        assert_eq!(
            d.vnet.existing_subnets,
            [
                ExistingSubnet::from("10.20.0.0/24"),
                ExistingSubnet::from("10.20.1.0/26")
            ]
        );
        assert_eq!(d.subnets[0].name, "ise-compute", "names are kept as saved");
        assert_eq!(d.dns_servers, ["10.20.0.4"]);
        // Saved again, it is a current design that loads to the same thing.
        assert_eq!(Design::from_json(&d.to_json()).unwrap(), d);
    }

    #[test]
    fn version_2_files_load_as_version_3_with_the_standard_defaults() {
        let d = Design::from_json(r#"{"version":2,"name":"old-ise","accessEndpoint":"External"}"#)
            .unwrap();
        assert_eq!(d.version, 3);
        assert_eq!(
            (d.view, d.standard.clone()),
            (View::Ise, StandardDesign::default())
        );
        assert_eq!(d.name, "old-ise");
        let v1 = Design::from_json(include_str!("../../tests/fixtures/design-v1.json")).unwrap();
        assert_eq!(v1.standard, StandardDesign::default());
        // Saved, it says version 3; the view and the Standard inputs, at their defaults, are
        // left out, so the file reads as before.
        let json = d.to_json();
        assert!(json.contains("\"version\": 3"), "{json}");
        assert!(
            !json.contains("\"view\"") && !json.contains("\"standard\""),
            "{json}"
        );
        // Either one changed: it is written (the Standard inputs whole).
        let d = Design {
            view: View::Standard,
            ..Design::default()
        };
        assert!(d.to_json().contains("\"view\": \"standard\""));
        assert!(!d.to_json().contains("\"standard\":"));
        let mut d = Design::default();
        d.standard.reuse_ise_space = true;
        let json = d.to_json();
        assert!(json.contains("\"reuseIseSpace\": true"), "{json}");
        assert!(json.contains("\"integrationSubnetSize\": 26"), "{json}");
        assert_eq!(Design::from_json(&json).unwrap(), d);
    }

    #[test]
    fn the_standard_inputs_round_trip() {
        let mut d = Design {
            view: View::Standard,
            ..Design::default()
        };
        d.standard.hosting = Hosting::AppServiceEnvironment;
        d.standard.integration_subnet_size = TypedNumber("27".into());
        d.standard.ase_subnet_size = TypedNumber("/25".into());
        d.standard.reuse_ise_space = true;
        d.standard.storage_account = Resource {
            name: "contosost".into(),
            is_new: false,
        };
        d.standard.ase_subnet.prefix = "10.0.2.0/24".into();
        let json = d.to_json();
        assert!(
            json.contains("\"hosting\": \"appServiceEnvironment\""),
            "{json}"
        );
        assert_eq!(Design::from_json(&json).unwrap(), d);
    }

    #[test]
    fn rows_without_a_prefix_are_not_existing_subnets() {
        let mut v = VirtualNetwork::default();
        assert_eq!(v.existing_subnet_count(), 0);
        v.existing_subnets = vec![
            "10.0.1.0/24 web".into(),
            ExistingSubnet::default(),
            " ".into(),
        ];
        assert_eq!(v.existing_subnet_count(), 1);
    }

    #[test]
    fn marking_an_existing_subnet_binds_an_ise_subnet() {
        let mut d = Design::default();
        d.vnet.existing_subnets = vec![
            "10.0.0.0/24".into(),
            ExistingSubnet {
                name: "ISE-Subnet-3".into(),
                prefix: "10.0.1.0/27".into(),
                ..ExistingSubnet::default()
            },
            ExistingSubnet {
                name: "legacy-b".into(),
                prefix: "10.0.1.32/27".into(),
                ..ExistingSubnet::default()
            },
        ];
        // Same name wins; then the first free ISE subnet.
        assert_eq!(d.mark_existing_as_ise(1), Some(2));
        assert_eq!(d.subnets[2].prefix, "10.0.1.0/27");
        assert_eq!(d.subnets[2].name, "ISE-Subnet-3");
        assert_eq!(d.existing_bound_to(2), Some(1));
        assert_eq!(d.mark_existing_as_ise(2), Some(0));
        assert_eq!(
            (d.subnets[0].name.as_str(), d.subnets[0].prefix.as_str()),
            ("legacy-b", "10.0.1.32/27")
        );
        // Marking again is idempotent.
        assert_eq!(d.mark_existing_as_ise(1), Some(2));
        assert!(d.vnet.existing_subnets[1].ise_subnet);
        // Out of range changes nothing.
        let before = d.clone();
        assert_eq!(d.mark_existing_as_ise(9), None);
        assert_eq!(d, before);
        // Unmarking unpins the ISE subnet but keeps its name.
        d.unmark_existing_as_ise(1);
        assert!(!d.vnet.existing_subnets[1].ise_subnet);
        assert_eq!(d.subnets[2].prefix, "");
        assert_eq!(d.subnets[2].name, "ISE-Subnet-3");
        assert_eq!(d.existing_bound_to(0), Some(2));
    }

    #[test]
    fn at_most_four_existing_subnets_can_be_bound() {
        let mut d = Design::default();
        d.vnet.existing_subnets = (0..5)
            .map(|i| ExistingSubnet::from(format!("10.0.{i}.0/27")))
            .collect();
        for i in 0..4 {
            assert!(d.mark_existing_as_ise(i).is_some());
        }
        assert_eq!(d.mark_existing_as_ise(4), None);
        assert!(!d.vnet.existing_subnets[4].ise_subnet);
        assert!(same_prefix(" 10.0.0.0/27", "10.0.0.0/27"));
        assert!(!same_prefix("10.0.0.0/27", "10.0.0.0/28"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for text in [
            "",
            "[]",
            "null",
            "{",
            r#"{"version":2,"additionalCapacity":1e400}"#,
            r#"{"version":2} trailing"#,
        ] {
            let err = Design::from_json(text).unwrap_err();
            assert!(!err.to_string().is_empty());
        }
        // A value of the wrong type is reset, not a reason to refuse the file.
        for (text, field) in [
            (r#"{"version":2,"sku":"Gold"}"#, "sku"),
            (r#"{"version":2,"subnets":7}"#, "subnets"),
            (r#"{"version":2,"forcedTunneling":true}"#, "forcedTunneling"),
        ] {
            let loaded = Design::load(text).unwrap();
            assert_eq!(loaded.dropped, [field]);
            assert_eq!(loaded.design, Design::default());
        }
    }
}
