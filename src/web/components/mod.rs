//! The page's components, one concern each. They receive the plan and the design, and send
//! edits up; none holds a business rule. `tools_worker` is the page's side of the tools
//! worker that the export and import components share.

pub mod address_map;
pub mod buttons;
pub mod checklist;
pub mod environment_form;
pub mod existing_subnets;
pub mod exports;
pub mod fields;
pub mod findings_panel;
pub mod network_form;
pub mod requests;
pub mod routes_table;
pub mod routing_form;
pub mod rules_table;
pub mod safeguards;
pub mod subnets_table;
pub mod toolbar;
pub mod tools_worker;
pub mod vnet_import;
