//! Deployment exports: the plan as an ARM template, a Bicep file, Terraform, an Azure CLI
//! script and a PowerShell script — pure functions `fn(&Design, &Plan) -> String`.
//!
//! Every export deploys the same thing, read from the plan ([`Target`]): the ISE subnets as
//! child resources of the virtual network (declared only when the design says it is new),
//! created one after another; one NSG with exactly the plan's rules; the route table and
//! its routes when the plan has routes; the ISE and its managed connectors. User values
//! reach each language only through [`quote`].
//!
//! ```
//! use ise_planner::export::Format;
//! let design = ise_planner::Design::default();
//! let plan = ise_planner::plan(&design);
//! let bicep = Format::Bicep.render(&design, &plan);
//! assert!(bicep.contains("resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' existing"));
//! ```

pub mod arm;
pub mod azcli;
pub mod bicep;
pub mod csv;
pub mod header;
pub mod powershell;
pub mod quote;
pub mod standard;
pub mod tables;
pub mod target;
pub mod terraform;
pub mod tree;

use crate::design::Design;
use crate::ise::plan::Plan;
pub use target::{ConnectorTarget, IseTarget, SubnetTarget, Target, VnetTarget};

/// The one api-version of every networking resource (virtual network, subnets, NSG, route
/// table): a stable version of the Azure REST API specification,
/// `specification/network/resource-manager/Microsoft.Network/stable/2024-05-01`.
pub const NETWORK_API_VERSION: &str = "2024-05-01";
/// Where [`NETWORK_API_VERSION`] is specified, for the exports' headers.
pub const NETWORK_API_SOURCE: &str =
    "Azure REST API specification, specification/network/resource-manager/Microsoft.Network/stable/2024-05-01";
/// The api-version of the ARM template's nested deployment (an ISE in another resource
/// group than its virtual network): Microsoft.Resources stable/2022-09-01.
pub const DEPLOYMENTS_API_VERSION: &str = "2022-09-01";
/// The name the exports give the ISE's network security group.
pub const NSG_NAME: &str = "ise-nsg";
/// The name of the subnet delegation (`delegations[].name`).
pub const DELEGATION_NAME: &str = "integrationServiceEnvironments";
/// The resource type of a managed ISE connector.
pub const CONNECTOR_TYPE: &str = "Microsoft.Logic/integrationServiceEnvironments/managedApis";

/// The export formats, with their usual file names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// ARM template, `azuredeploy.json`.
    Arm,
    /// Bicep, `main.bicep`.
    Bicep,
    /// Terraform (azurerm + azapi), `main.tf`.
    Terraform,
    /// Azure CLI bash script, `deploy.sh`.
    AzCli,
    /// Azure PowerShell script, `deploy.ps1`.
    PowerShell,
}

impl Format {
    /// Every format, in the order the README lists them.
    pub const ALL: [Format; 5] = [
        Format::Arm,
        Format::Bicep,
        Format::Terraform,
        Format::AzCli,
        Format::PowerShell,
    ];

    /// The file name people expect for it.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Arm => "azuredeploy.json",
            Format::Bicep => "main.bicep",
            Format::Terraform => "main.tf",
            Format::AzCli => "deploy.sh",
            Format::PowerShell => "deploy.ps1",
        }
    }

    /// The export's text (ends with a newline).
    pub fn render(self, design: &Design, plan: &Plan) -> String {
        // The plan was made from the design within its limits; the export reads the same
        // bounded design, so an over-long value never reaches a template or script.
        let bounded = crate::design::limits::bound(design);
        let design = bounded.design.as_ref();
        match self {
            Format::Arm => arm::render(design, plan),
            Format::Bicep => bicep::render(design, plan),
            Format::Terraform => terraform::render(design, plan),
            Format::AzCli => azcli::render(design, plan),
            Format::PowerShell => powershell::render(design, plan),
        }
    }
}
