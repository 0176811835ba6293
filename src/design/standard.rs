//! The design's inputs for the Logic Apps Standard network that replaces the ISE (format
//! version 3): hosting, subnet sizes and names, the storage account and the logic app.

use serde::{Deserialize, Serialize};

use super::TypedNumber;

/// Which plan the page shows for the design: the ISE (retired) or its Logic Apps Standard
/// replacement. Saved with the design, so a file or link opens on the same view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    Ise,
    Standard,
}

impl View {
    /// Whether this is the view a design opens on by default (the ISE's).
    pub fn is_default(&self) -> bool {
        *self == View::default()
    }
}

/// Where the Standard logic app runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Hosting {
    /// A Workflow Standard App Service plan, joined to the VNet by virtual network
    /// integration (a subnet delegated to `Microsoft.Web/serverFarms`).
    #[default]
    WorkflowStandard,
    /// An App Service Environment v3 in its own subnet (delegated to
    /// `Microsoft.Web/hostingEnvironments`).
    AppServiceEnvironment,
}

/// An Azure resource the plan uses: its name, and whether the deployment creates it or it
/// exists already.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Resource {
    pub name: String,
    /// The resource does not exist yet: the deployment creates it. Otherwise the plan's
    /// settings are applied to the existing one.
    pub is_new: bool,
}

/// A subnet of the Standard network: its name, and a prefix when the user pins one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StandardSubnetSpec {
    pub name: String,
    /// Empty: the planner allocates it. Otherwise pinned: validated, never moved.
    pub prefix: String,
}

impl StandardSubnetSpec {
    fn named(name: &str) -> StandardSubnetSpec {
        StandardSubnetSpec {
            name: name.into(),
            prefix: String::new(),
        }
    }

    /// Whether the user pinned a prefix.
    pub fn is_pinned(&self) -> bool {
        !self.prefix.trim().is_empty()
    }
}

/// Everything the user decides about the Logic Apps Standard network that replaces the ISE.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StandardDesign {
    pub hosting: Hosting,
    /// The integration subnet's prefix length (26 for a /26), kept as typed. Used when the
    /// integration subnet is not pinned.
    pub integration_subnet_size: TypedNumber,
    /// The App Service Environment subnet's prefix length (24 for a /24), kept as typed.
    pub ase_subnet_size: TypedNumber,
    /// Place the new subnets in the ISE's address space, which is free once the ISE (and
    /// its subnets) are deleted. Otherwise the new subnets avoid it, so both run side by side.
    pub reuse_ise_space: bool,
    pub logic_app: Resource,
    pub storage_account: Resource,
    /// The Workflow Standard App Service plan's name.
    pub plan_name: String,
    /// The App Service Environment's name.
    pub ase_name: String,
    pub integration_subnet: StandardSubnetSpec,
    pub private_endpoint_subnet: StandardSubnetSpec,
    pub ase_subnet: StandardSubnetSpec,
}

impl StandardDesign {
    /// Whether every input has its default value.
    pub fn is_default(&self) -> bool {
        *self == StandardDesign::default()
    }
}

/// The integration subnet size the Logic Apps article recommends: a /26.
pub const DEFAULT_INTEGRATION_SUBNET_SIZE: i64 = 26;
/// The App Service Environment subnet size its article recommends: a /24.
pub const DEFAULT_ASE_SUBNET_SIZE: i64 = 24;

impl Default for StandardDesign {
    fn default() -> Self {
        StandardDesign {
            hosting: Hosting::WorkflowStandard,
            integration_subnet_size: TypedNumber::from_int(DEFAULT_INTEGRATION_SUBNET_SIZE),
            ase_subnet_size: TypedNumber::from_int(DEFAULT_ASE_SUBNET_SIZE),
            reuse_ise_space: false,
            logic_app: Resource {
                name: "logicapp-1".into(),
                is_new: true,
            },
            storage_account: Resource {
                name: "logicappstorage1".into(),
                is_new: true,
            },
            plan_name: "logicapp-plan".into(),
            ase_name: "logicapp-ase".into(),
            integration_subnet: StandardSubnetSpec::named("logicapp-integration"),
            private_endpoint_subnet: StandardSubnetSpec::named("logicapp-private-endpoints"),
            ase_subnet: StandardSubnetSpec::named("logicapp-ase"),
        }
    }
}
