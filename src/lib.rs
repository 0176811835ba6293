//! The ISE Network Planner core: a platform-free library that turns a [`Design`] into a
//! [`Plan`].
//!
//! Plain data in, plain data out: no browser API, no clock, no randomness, no I/O. The web
//! page (`src/web`) and the `ise-plan` command-line tool (`src/bin/ise-plan.rs`) are thin
//! shells over [`plan()`].
//!
//! ```
//! let design = ise_planner::Design::default();
//! let plan = ise_planner::plan(&design);
//! assert_eq!(plan.subnets.len(), 4);
//! assert!(!plan.has_errors());
//! ```
//!
//! Every requirement comes from two published Microsoft Learn articles, *Connect to Azure
//! virtual networks from Azure Logic Apps by using an integration service environment (ISE)*
//! and *Create an integration service environment (ISE) by using the Logic Apps REST API*;
//! each NSG rule, route and checklist item carries a [`citation::Citation`] naming the
//! section and row it implements.

pub mod address_map;
pub mod allocate;
pub mod allocation_note;
pub mod checklist;
pub mod cidr;
pub mod citation;
pub mod design;
mod design_read;
pub mod export;
pub mod field_labels;
pub mod findings;
pub mod import;
pub mod names;
pub mod nsg;
pub mod order;
pub mod placement;
pub mod plan;
pub mod regions;
pub mod reserved;
pub mod rest;
pub mod routes;
pub mod share_link;
pub mod tables;
pub mod tools;
pub mod validate;

pub use design::Design;
pub use findings::{Finding, Severity};
pub use plan::{plan, Plan};
