//! The Service Tags importer (ServiceTags::parse, import_into) on any file.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| ise_planner_fuzz::service_tags(data));
