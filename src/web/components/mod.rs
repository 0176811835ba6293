//! The page's components, each named after what the user sees. They receive the plan and the
//! design, and send edits up; none holds a business rule (browser APIs are `crate::browser`'s,
//! state is `crate::state`'s).

pub mod address_map;
pub mod buttons;
pub mod checklist;
pub mod environment_form;
pub mod existing_subnets;
pub mod exports;
pub mod fields;
pub mod findings_panel;
pub mod network_form;
pub mod printed_inputs;
pub mod requests;
pub mod routes_table;
pub mod routing_form;
pub mod rules_table;
pub mod safeguards;
pub mod standard_form;
pub mod standard_plan;
pub mod subnets_table;
pub mod toolbar;
pub mod view_switch;
pub mod vnet_import;
