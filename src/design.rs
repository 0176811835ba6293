//! The design: everything the user types, as one versioned serde type shared by the page
//! (autosave, file, share link) and the CLI (`--design`).
//!
//! Values are kept as typed (strings, not parsed prefixes) so that a half-typed or wrong
//! value is still a design — it becomes a finding, never a load failure.

use serde::{Deserialize, Serialize};

/// The format version this build writes. Older versions are migrated on load; newer ones
/// are refused with a message saying so.
pub const DESIGN_VERSION: u32 = 1;

/// The ISE SKU; fixed after creation (seed 000, create table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sku {
    #[default]
    #[serde(alias = "premium")]
    Premium,
    #[serde(alias = "developer")]
    Developer,
}

/// Who can call the ISE's endpoints; fixed after creation (seed 000, create table).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessEndpoint {
    #[default]
    #[serde(alias = "internal")]
    Internal,
    #[serde(alias = "external")]
    External,
}

/// How the ISE will be created; it decides subnet delegation (seed 000, "Create subnets").
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

/// The Azure cloud; it decides the management host and which service tags work.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cloud {
    #[default]
    Public,
    Government,
    China,
}

impl Cloud {
    /// The Azure Resource Manager host of this cloud.
    pub fn management_host(self) -> &'static str {
        match self {
            Cloud::Public => "management.azure.com",
            Cloud::Government => "management.usgovcloudapi.net",
            Cloud::China => "management.chinacloudapi.cn",
        }
    }

    /// The name people use.
    pub fn display_name(self) -> &'static str {
        match self {
            Cloud::Public => "Azure public",
            Cloud::Government => "Azure Government",
            Cloud::China => "Azure China (21Vianet)",
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
    /// Prefixes of subnets that already exist in the VNet (allocation avoids them).
    pub existing_subnets: Vec<String>,
}

impl Default for VirtualNetwork {
    fn default() -> Self {
        VirtualNetwork {
            name: "ise-vnet".into(),
            resource_group: String::new(),
            address_prefixes: vec!["10.0.0.0/22".into()],
            existing_subnets: Vec::new(),
        }
    }
}

/// One of the four ISE subnets: a name, and a prefix when the user pins one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SubnetSpec {
    pub name: String,
    /// Empty: the planner allocates it. Otherwise the prefix is pinned: validated, never moved.
    pub prefix: String,
}

impl SubnetSpec {
    /// Whether the user pinned a prefix.
    pub fn is_pinned(&self) -> bool {
        !self.prefix.trim().is_empty()
    }
}

/// A self-signed public certificate the ISE should trust (seed 002, `certificates`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Certificate {
    pub name: String,
    /// Base64 of the certificate file, as seed 002's `publicCertificate`.
    pub public_certificate: String,
}

/// Addresses that replace service tags that do not work in Azure Government (seed 000,
/// inbound rules table, "Important" notes).
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

/// Addresses that need their own route to the Internet under forced tunneling (seed 000,
/// "Forced tunneling requirements", user-defined routes).
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
    /// Every list with its JSON field name and what it is, in seed order.
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
    pub additional_capacity: i64,
    pub access_endpoint: AccessEndpoint,
    pub deployment: Deployment,
    pub cloud: Cloud,
    pub vnet: VirtualNetwork,
    /// The four ISE subnets, in order; the first is the one delegated for REST deployments.
    pub subnets: Vec<SubnetSpec>,
    /// ExpressRoute with forced tunneling: adds the 0.0.0.0/0 → Internet route and the rest.
    pub forced_tunneling: bool,
    /// Custom DNS servers of the VNet (IPv4 addresses); adds the outbound port-53 rule.
    pub dns_servers: Vec<String>,
    /// Outbound traffic passes a network virtual appliance.
    pub network_virtual_appliance: bool,
    pub certificates: Vec<Certificate>,
    /// External ISE: the connector outbound addresses for the extra inbound rule.
    pub connector_outbound_addresses: Vec<String>,
    pub government_addresses: GovernmentAddresses,
    pub dependency_addresses: DependencyAddresses,
    /// Managed ISE connectors to deploy after creation (API names such as `sql`).
    pub managed_connectors: Vec<String>,
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
            additional_capacity: 0,
            access_endpoint: AccessEndpoint::Internal,
            deployment: Deployment::Rest,
            cloud: Cloud::Public,
            vnet: VirtualNetwork::default(),
            subnets: default_subnets(),
            forced_tunneling: false,
            dns_servers: Vec::new(),
            network_virtual_appliance: false,
            certificates: Vec::new(),
            connector_outbound_addresses: Vec::new(),
            government_addresses: GovernmentAddresses::default(),
            dependency_addresses: DependencyAddresses::default(),
            managed_connectors: Vec::new(),
        }
    }
}

/// The default names of the four ISE subnets, after the components that use them.
pub const DEFAULT_SUBNET_NAMES: [&str; 4] = [
    "ise-compute",
    "ise-connectors",
    "ise-api-management",
    "ise-redis",
];

/// Four unpinned subnets with the default names.
pub fn default_subnets() -> Vec<SubnetSpec> {
    DEFAULT_SUBNET_NAMES
        .iter()
        .map(|n| SubnetSpec {
            name: (*n).into(),
            prefix: String::new(),
        })
        .collect()
}

/// Why a saved design could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not an object.
    NotJson(String),
    /// JSON, but a field has the wrong type.
    Shape(String),
    /// Saved by a newer version of the planner.
    TooNew(u64),
    /// A version number this planner never wrote.
    UnknownVersion(String),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::NotJson(e) => write!(f, "this is not a design file (it is not a JSON object): {e}"),
            LoadError::Shape(e) => write!(f, "this design file has a field of the wrong type: {e}"),
            LoadError::TooNew(v) => write!(
                f,
                "this design was saved by a newer ISE Network Planner (format version {v}); this one reads versions up to {DESIGN_VERSION}: update the planner"
            ),
            LoadError::UnknownVersion(v) => write!(f, "this design has format version {v}, which no ISE Network Planner wrote; set \"version\": {DESIGN_VERSION}"),
        }
    }
}

impl std::error::Error for LoadError {}

impl Design {
    /// Reads a design from JSON: a saved file, an autosave, a share link's payload.
    ///
    /// Missing fields take their defaults, unknown fields are ignored, a missing `version`
    /// is read as the current one. Never panics.
    pub fn from_json(text: &str) -> Result<Design, LoadError> {
        // Editors on Windows often start files with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| LoadError::NotJson(e.to_string()))?;
        Design::from_value(value)
    }

    /// Like [`Design::from_json`], from an already parsed value.
    pub fn from_value(mut value: serde_json::Value) -> Result<Design, LoadError> {
        let object = value
            .as_object_mut()
            .ok_or_else(|| LoadError::NotJson("expected an object in braces".into()))?;
        match object.get("version") {
            None => {}
            Some(v) => match v.as_u64() {
                Some(n) if n as u32 == DESIGN_VERSION && n <= u64::from(u32::MAX) => {}
                Some(n) if n > u64::from(DESIGN_VERSION) => return Err(LoadError::TooNew(n)),
                _ => return Err(LoadError::UnknownVersion(v.to_string())),
            },
        }
        object.insert("version".into(), DESIGN_VERSION.into());
        serde_json::from_value(value).map_err(|e| LoadError::Shape(e.to_string()))
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
    }

    #[test]
    fn missing_fields_take_defaults_and_case_is_forgiven() {
        let d =
            Design::from_json(r#"{"sku":"developer","vnet":{"addressPrefixes":["10.1.0.0/24"]}}"#)
                .unwrap();
        assert_eq!(d.sku, Sku::Developer);
        assert_eq!(d.vnet.address_prefixes, ["10.1.0.0/24"]);
        assert_eq!(d.vnet.name, "ise-vnet");
        assert_eq!(d.subnets.len(), 4);
    }

    #[test]
    fn byte_order_mark_is_ignored() {
        assert_eq!(Design::from_json("\u{feff}{}").unwrap(), Design::default());
    }

    #[test]
    fn versions_are_checked() {
        assert!(matches!(
            Design::from_json(r#"{"version":2}"#),
            Err(LoadError::TooNew(2))
        ));
        assert!(matches!(
            Design::from_json(r#"{"version":0}"#),
            Err(LoadError::UnknownVersion(_))
        ));
        assert!(matches!(
            Design::from_json(r#"{"version":"1"}"#),
            Err(LoadError::UnknownVersion(_))
        ));
        assert!(Design::from_json(r#"{"version":1}"#).is_ok());
        assert!(Design::from_json(r#"{"version":4294967297}"#).is_err());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for text in [
            "",
            "[]",
            "null",
            "{",
            r#"{"sku":"Gold"}"#,
            r#"{"subnets":7}"#,
            r#"{"additionalCapacity":1e400}"#,
        ] {
            let err = Design::from_json(text).unwrap_err();
            assert!(!err.to_string().is_empty());
        }
    }
}
