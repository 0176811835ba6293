//! What is written from the Logic Apps Standard plan: its tables (for the page and for CSV,
//! [`tables`]) and the files that deploy it.

pub mod tables;
