//! What is written from the Logic Apps Standard plan: its tables (for the page and for CSV,
//! [`tables`]) and the files that deploy it — ARM, Bicep, Terraform, Azure CLI, PowerShell,
//! each a pure `fn(&Design, &StandardPlan) -> String` over [`target::StandardTarget`].
//!
//! ```
//! use ise_planner::export::{standard, Format};
//! let design = ise_planner::Design::default();
//! let plan = ise_planner::migrate::plan(&design).standard;
//! let bicep = standard::render(Format::Bicep, &design, &plan);
//! assert!(bicep.contains("'Microsoft.Web/sites@2024-11-01'"));
//! ```

pub mod arm;
pub mod azcli;
pub mod bicep;
pub mod bodies;
pub mod csv;
pub mod header;
pub mod powershell;
pub mod resources;
pub mod tables;
pub mod target;
pub mod terraform;

use crate::design::Design;
use crate::export::Format;
use crate::standard::plan::StandardPlan;

pub use crate::export::NETWORK_API_VERSION;

/// Private DNS zones and their virtual network links: Microsoft.Network's private DNS
/// specification, stable 2024-06-01 (its newest stable version).
pub const PRIVATE_DNS_API_VERSION: &str = "2024-06-01";
/// The storage account and its file share: Microsoft.Storage stable 2024-01-01, which has
/// `publicNetworkAccess`, `networkAcls` and `allowSharedKeyAccess`.
pub const STORAGE_API_VERSION: &str = "2024-01-01";
/// The logic app, its plan and an App Service Environment: Microsoft.Web stable 2024-11-01,
/// the first stable version with `outboundVnetRouting` (it drops the site-level
/// `vnetRouteAllEnabled` and `vnetContentShareEnabled`).
pub const WEB_API_VERSION: &str = "2024-11-01";

/// Each api-version with the resource types it is used for and where it is specified, for
/// the files' headers.
pub const API_VERSIONS: [(&str, &str, &str); 4] = [
    (
        "Microsoft.Network (subnets, network security groups, route tables, private endpoints and their zone groups)",
        NETWORK_API_VERSION,
        "specification/network/resource-manager/Microsoft.Network/stable/2024-05-01, as the ISE files",
    ),
    (
        "Microsoft.Network/privateDnsZones and their virtualNetworkLinks",
        PRIVATE_DNS_API_VERSION,
        "specification/privatedns/resource-manager/Microsoft.Network/stable/2024-06-01/privatedns.json",
    ),
    (
        "Microsoft.Storage/storageAccounts and fileServices/shares",
        STORAGE_API_VERSION,
        "specification/storage/resource-manager/Microsoft.Storage/stable/2024-01-01/storage.json",
    ),
    (
        "Microsoft.Web/serverfarms, sites and hostingEnvironments",
        WEB_API_VERSION,
        "specification/web/resource-manager/Microsoft.Web/AppService/stable/2024-11-01/WebApps.json: the first stable version with outboundVnetRouting.allTraffic, which the routing article recommends over the legacy vnetRouteAllEnabled that this version drops from the site",
    ),
];

/// A Standard file's name: the same as the ISE's (`main.bicep`): each target's files are a
/// deployment of their own, and the scripts name themselves in their messages.
pub fn file_name(format: Format) -> &'static str {
    format.file_name()
}

/// The Standard plan's file in `format` (ends with a newline).
pub fn render(format: Format, design: &Design, plan: &StandardPlan) -> String {
    // The plan was made from the design within its limits; the file reads the same bounded
    // design, so an over-long value never reaches a template or script.
    let bounded = crate::design::limits::bound(design);
    let design = bounded.design.as_ref();
    match format {
        Format::Arm => arm::render(design, plan),
        Format::Bicep => bicep::render(design, plan),
        Format::Terraform => terraform::render(design, plan),
        Format::AzCli => azcli::render(design, plan),
        Format::PowerShell => powershell::render(design, plan),
    }
}
