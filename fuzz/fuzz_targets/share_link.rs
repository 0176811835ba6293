//! The share-link reader on any fragment; what it reads makes a link that reads back.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ise_planner_fuzz::share_link_decode(data));
