//! Imports from files Azure's tools produce: an existing virtual network (`vnet`) and the
//! Service Tags file (`service_tags`). Text in, design changes and a summary out.

mod arm_expression;
mod azure_json;
pub mod service_tags;
pub mod vnet;
