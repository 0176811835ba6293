//! The Logic Apps Standard planner: the network that replaces an ISE — its subnets (placed by
//! the shared allocator, avoiding the ISE's or reusing them), private endpoints and their DNS
//! zones, app settings, NSG rows, routes, how each ISE choice carries over, and a checklist —
//! and [`plan`], the pipeline that runs them in order.
//!
//! It stands beside the ISE planner and never uses it: the ISE's subnets come in as data
//! ([`IseSubnet`]), so `migrate` (a layer up) runs one planner, then the other. Every rule
//! cites the Learn article section it comes from ([`sources`]); where the articles are silent,
//! the plan says so and says what it does instead ([`decisions`], [`carry_over`]).

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::design::{Design, Hosting, StandardSubnetSpec};

pub mod addresses;
pub mod carry_over;
pub mod checklist;
pub mod decisions;
pub mod endpoints;
pub mod names;
pub mod network;
pub mod nsg;
pub mod outbound;
pub mod plan;
pub mod reuse;
pub mod routes;
pub mod settings;
pub mod sizes;
pub mod sources;
pub mod subnets;

pub use plan::{plan, StandardPlan};

/// One of the ISE's subnets as its plan placed it: the space the Standard subnets avoid while
/// the ISE runs, or may reuse once it is deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IseSubnet {
    pub name: String,
    pub prefix: Ipv4Net,
}

/// The service the integration subnet is delegated to.
pub const INTEGRATION_DELEGATION: &str = "Microsoft.Web/serverFarms";
/// The service an App Service Environment's subnet is delegated to.
pub const ASE_DELEGATION: &str = "Microsoft.Web/hostingEnvironments";

/// What a subnet of the Standard network is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SubnetRole {
    /// Virtual network integration of the Workflow Standard plan (outbound).
    Integration,
    /// The private endpoints: the storage account's, and the logic app's own.
    PrivateEndpoints,
    /// The App Service Environment v3.
    AppServiceEnvironment,
}

impl SubnetRole {
    /// The subnets a design needs, in the order the plan lists them.
    pub fn for_design(design: &Design) -> [SubnetRole; 2] {
        match design.standard.hosting {
            Hosting::WorkflowStandard => [SubnetRole::Integration, SubnetRole::PrivateEndpoints],
            Hosting::AppServiceEnvironment => [
                SubnetRole::AppServiceEnvironment,
                SubnetRole::PrivateEndpoints,
            ],
        }
    }

    /// In words, for messages: "the integration subnet".
    pub fn what(self) -> &'static str {
        match self {
            SubnetRole::Integration => "the integration subnet",
            SubnetRole::PrivateEndpoints => "the private-endpoint subnet",
            SubnetRole::AppServiceEnvironment => "the App Service Environment subnet",
        }
    }

    /// The design field of its name and prefix: `standard.integrationSubnet`.
    pub fn field(self) -> &'static str {
        match self {
            SubnetRole::Integration => "standard.integrationSubnet",
            SubnetRole::PrivateEndpoints => "standard.privateEndpointSubnet",
            SubnetRole::AppServiceEnvironment => "standard.aseSubnet",
        }
    }

    /// Its name and pinned prefix in the design.
    pub fn spec(self, design: &Design) -> &StandardSubnetSpec {
        let s = &design.standard;
        match self {
            SubnetRole::Integration => &s.integration_subnet,
            SubnetRole::PrivateEndpoints => &s.private_endpoint_subnet,
            SubnetRole::AppServiceEnvironment => &s.ase_subnet,
        }
    }

    /// The service it is delegated to, if any.
    pub fn delegation(self) -> Option<&'static str> {
        match self {
            SubnetRole::Integration => Some(INTEGRATION_DELEGATION),
            SubnetRole::PrivateEndpoints => None,
            SubnetRole::AppServiceEnvironment => Some(ASE_DELEGATION),
        }
    }
}
