//! CSV of the Standard plan's tables, one file per table of [`super::tables`] (the page's
//! rows), written by the ISE's CSV writer: RFC 4180, spreadsheet formulas neutralised.
//!
//! ```
//! use ise_planner::export::standard::{csv, tables::StandardTable};
//! let plan = ise_planner::migrate::plan(&ise_planner::Design::default()).standard;
//! let text = csv::plan_table(&plan, StandardTable::PrivateEndpoints);
//! assert!(text.starts_with("Name,Resource,Sub-resource,"));
//! ```

use super::tables::StandardTable;
use crate::export::csv::to_csv;
use crate::standard::plan::StandardPlan;

/// One of the Standard plan's tables as CSV.
pub fn plan_table(plan: &StandardPlan, which: StandardTable) -> String {
    to_csv(&which.of(plan))
}

/// The file name of a table: `standard-private-endpoints.csv` (the ISE's tables, often saved
/// beside them, are `subnets.csv`, `routes.csv`…).
pub fn file_name(which: StandardTable) -> String {
    format!("standard-{}.csv", which.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_one_file_with_a_header_row() {
        let mut design = crate::Design::default();
        design.standard.logic_app.name = "=cmd|' /C calc'!A0".into();
        let plan = crate::migrate::plan(&design).standard;
        for which in StandardTable::ALL {
            let text = plan_table(&plan, which);
            assert!(text.ends_with("\r\n"), "{}", which.name());
            assert_eq!(
                text.lines()
                    .next()
                    .map(|l| l.ends_with("Article,Article URL")),
                Some(true)
            );
            assert!(file_name(which).starts_with("standard-"));
        }
        let endpoints = plan_table(&plan, StandardTable::PrivateEndpoints);
        assert!(
            !endpoints.contains("\r\n=cmd"),
            "formulas neutralised: {endpoints}"
        );
    }
}
