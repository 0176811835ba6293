//! The ISE planner: what is specific to an integration service environment — its validation
//! rules ([`validate`]), its four /27 subnets and their delegation ([`subnets`]), NSG rows
//! ([`nsg`]), routes and forced-tunneling modes ([`routes`]), the REST requests ([`rest`]),
//! the checklist ([`checklist`]) — and [`plan`], the pipeline that runs them in order.
//!
//! Everything cites the two ISE articles (portal and REST API) by section and row.

pub mod allocation_note;
pub mod checklist;
pub mod first_view;
pub mod nsg;
pub mod placement;
pub mod plan;
pub mod reserved;
pub mod rest;
pub mod routes;
pub mod subnets;
pub mod validate;

/// The service a REST/ARM/PowerShell deployment delegates one ISE subnet to. (The portal article says
/// `Microsoft.integrationServiceEnvironment`; ARM's service name is this one.)
pub const DELEGATION_SERVICE: &str = "Microsoft.Logic/integrationServiceEnvironments";

/// The ISE subnet size: /27, 32 addresses (portal article, "Create subnets").
pub const ISE_PREFIX_LEN: u8 = 27;

/// Whether an imported delegation names Logic Apps (ARM's service name, or the portal
/// article's spelling).
pub fn is_logic_apps_delegation(service: &str) -> bool {
    let s = service.trim();
    s.eq_ignore_ascii_case(DELEGATION_SERVICE)
        || s.eq_ignore_ascii_case("Microsoft.integrationServiceEnvironment")
}
