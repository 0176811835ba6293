//! Exports of the plan in other formats.

pub mod csv;
