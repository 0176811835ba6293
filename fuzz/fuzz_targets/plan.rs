//! plan() on a hostile design built from the fuzzer's bytes.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ise_planner_fuzz::plan_recipe(data));
