//! The ISE Network Planner core: a platform-free library that turns a [`Design`] into a
//! [`Plan`].
//!
//! Plain data in, plain data out: no browser API, no clock, no randomness, no I/O. The web
//! page (`src/web`) and the `ise-plan` command-line tool (`src/bin/ise-plan`) are thin
//! shells over [`plan()`].
//!
//! ```
//! let design = ise_planner::Design::default();
//! let plan = ise_planner::plan(&design);
//! assert_eq!(plan.subnets.len(), 4);
//! assert!(!plan.has_errors());
//! ```
//!
//! The modules form layers; a module may use its own layer and the ones below it, never one
//! above (`tests/layout.rs` checks this):
//!
//! | layer | modules | what they are for |
//! |---|---|---|
//! | 0 | [`order`], [`findings`] | sorting; findings, codes, citations, field labels |
//! | 1 | [`network`], [`azure`] | any VNet plan: CIDR, reserved ranges, allocation, the map; regions, clouds, names |
//! | 2 | [`design`] | the design the user edits: its type, versions, reading, limits, share links |
//! | 3 | [`ise`], [`standard`] | the ISE planner: validation, subnets, NSG rules, routes, requests, checklist; beside it, never using it, the Logic Apps Standard planner: the network that replaces the ISE |
//! | 4 | [`export`], [`import`], [`migrate`] | deployment files and tables out; Azure's JSON in; both planners run in turn |
//! | 5 | [`tools`] | what the page's tools worker serves |
//!
//! Every requirement cites a published Microsoft Learn article: each NSG rule, route and
//! checklist item carries a [`findings::citation::Citation`] naming the section and row it
//! implements.

pub mod azure;
pub mod design;
pub mod export;
pub mod findings;
pub mod import;
pub mod ise;
pub mod migrate;
pub mod network;
pub mod order;
pub mod standard;
pub mod tools;

pub use design::Design;
pub use findings::{Finding, Severity};
pub use ise::plan::{plan, Plan};
