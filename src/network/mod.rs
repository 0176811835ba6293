//! What any Azure virtual-network plan needs, whichever service the subnets are for: typed
//! prefixes read ([`cidr`]), what an address is ([`address_kind`]), the addresses settings name
//! ([`addresses`]: lists, DNS servers, an appliance), the ranges no subnet may
//! use ([`reserved`]), the allocator ([`allocate`]), placement hints ([`placement`]) and the
//! address map ([`address_map`]).
//!
//! Nothing here knows about an ISE or any other service: a planner passes its own block
//! size, reserved ranges and subnets in.

pub mod address_kind;
pub mod address_map;
pub mod addresses;
pub mod allocate;
pub mod check;
pub mod cidr;
pub mod placement;
pub mod reserved;
