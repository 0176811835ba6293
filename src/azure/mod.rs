//! Facts about Azure that any planner needs: its clouds ([`cloud`]), its regions
//! ([`regions`]) and its naming rules ([`names`]).

pub mod cloud;
pub mod names;
pub mod regions;
