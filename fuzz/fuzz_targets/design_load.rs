//! The design loader (Design::load) on any bytes, then plan() of what loads.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ise_planner_fuzz::design_load(data));
