//! The table exports (TSV, HTML) of the plan of a hostile design.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ise_planner_fuzz::table_export(data));
