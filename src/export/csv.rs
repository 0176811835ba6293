//! CSV of the plan's tables (RFC 4180: a header row, CRLF line ends, fields quoted when they
//! hold a comma, quote, CR or LF, quotes doubled), with spreadsheet formulas neutralised.
//! The columns are exactly the page's tables ([`crate::export::tables`]).
//!
//! ```
//! use ise_planner::export::{csv, tables::PlanTable};
//! let plan = ise_planner::plan(&ise_planner::Design::default());
//! let text = csv::plan_table(&plan, PlanTable::Subnets);
//! assert!(text.starts_with("Name,Prefix,First usable,"));
//! assert!(text.ends_with("\r\n"));
//! ```

use std::borrow::Cow;

use crate::export::tables::{neutralise_formula, PlanTable, Table};
use crate::ise::plan::Plan;

/// One field: formula neutralised, then quoted if it must be.
pub fn field(cell: &str) -> Cow<'_, str> {
    let cell = neutralise_formula(cell);
    if cell.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", cell.replace('"', "\"\"")))
    } else {
        cell
    }
}

fn line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(cell));
    }
    out.push_str("\r\n");
}

/// The table as CSV: the header row, then one line per row, each ending in CRLF.
pub fn to_csv(table: &Table) -> String {
    let mut out = String::new();
    line(&mut out, table.headers.iter().copied());
    for row in &table.rows {
        line(&mut out, row.iter().map(String::as_str));
    }
    out
}

/// One of the plan's tables as CSV.
pub fn plan_table(plan: &Plan, which: PlanTable) -> String {
    to_csv(&which.of(plan))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_follows_rfc_4180() {
        let t = Table {
            headers: vec!["A", "B"],
            rows: vec![
                vec!["plain".into(), "454, 455".into()],
                vec!["say \"hi\"".into(), "two\r\nlines".into()],
                vec!["".into(), "lf\nonly".into()],
            ],
        };
        assert_eq!(
            to_csv(&t),
            "A,B\r\nplain,\"454, 455\"\r\n\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n,\"lf\nonly\"\r\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_before_quoting() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(
            field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(field("\t=1"), "'\t=1");
        assert_eq!(field("\r=1"), "\"'\r=1\"");
        assert_eq!(field("6379-6383"), "6379-6383");
    }

    #[test]
    fn every_table_has_a_header_and_one_line_per_row() {
        let plan = crate::plan(&crate::Design::default());
        for which in PlanTable::ALL {
            let table = which.of(&plan);
            let text = plan_table(&plan, which);
            // No field of these tables holds a line break, so lines are records.
            assert_eq!(text.matches("\r\n").count(), table.rows.len() + 1);
            assert!(!text.replace("\r\n", "").contains(['\r', '\n']));
        }
    }
}
