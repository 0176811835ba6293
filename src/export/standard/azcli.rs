//! placeholder
use crate::design::Design;
use crate::standard::plan::StandardPlan;
pub fn render(_design: &Design, _plan: &StandardPlan) -> String {
    String::new()
}
