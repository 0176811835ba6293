//! Placement hints: an unpinned subnet stays where an earlier plan put it (its `placed`
//! hint) while that block stays valid; here, which hints can be kept and why the others
//! cannot. (A planner's design edits that write the hints live with the planner.)
//!
//! Without hints every edit would re-run the allocation rule over all unpinned subnets, and
//! pinning one subnet could move the others. With them, a subnet moves only when its block
//! stops being valid or the user asks for a fresh allocation.

use ipnet::Ipv4Net;
use serde::Serialize;
use std::collections::BTreeMap;

use crate::network::allocate;
use crate::network::cidr;
use crate::network::reserved::{self, ReservedRange};

/// Hints are honoured (and written) for this many subnets at most: a design has four, and a
/// hostile list of thousands must not cost time.
pub const MAX_HINTS: usize = 16;
/// A hint quoted back in a message is cut to this many characters.
pub const QUOTED_CHARS: usize = 48;

/// Why an unpinned subnet could not stay at the block an earlier plan gave it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum HintProblem {
    /// The hint is not an aligned prefix of the subnet's size.
    NotABlock,
    /// The block is not inside one of the VNet's prefixes.
    OutsideVnet,
    /// The block overlaps a range the planner reserves.
    Reserved { range: &'static str },
    /// The block overlaps an existing subnet.
    OverlapsExisting { prefix: String },
    /// The block overlaps the prefix another planned subnet (by index) is pinned to.
    OverlapsPinned { subnet: usize },
    /// An earlier planned subnet (by index) already keeps that block.
    TakenByKept { subnet: usize },
}

impl HintProblem {
    /// The reason as the end of a sentence ("it overlaps existing subnet 10.0.0.0/24"), for
    /// subnets of `/block_len`.
    pub fn explain(&self, block_len: u8) -> String {
        match self {
            HintProblem::NotABlock => format!("it is not an aligned /{block_len} prefix"),
            HintProblem::OutsideVnet => "it is not inside one of the VNet's prefixes".into(),
            HintProblem::Reserved { range } => format!("it overlaps {range}"),
            HintProblem::OverlapsExisting { prefix } => {
                format!("it overlaps existing subnet {prefix}")
            }
            HintProblem::OverlapsPinned { subnet } => {
                format!("it overlaps the prefix subnet {} is pinned to", subnet + 1)
            }
            HintProblem::TakenByKept { subnet } => {
                format!("subnet {} stays in that block", subnet + 1)
            }
        }
    }
}

/// An unpinned subnet whose earlier block could not be kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MovedSubnet {
    /// The subnet's index in the design.
    pub subnet: usize,
    /// Its `placed` hint as typed (cut short when long).
    pub from: String,
    pub problem: HintProblem,
}

/// The hints of one design, checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hints {
    /// Subnets kept at their hint, by index, in index order.
    pub kept: Vec<(usize, Ipv4Net)>,
    /// Subnets whose hint could not be kept.
    pub moved: Vec<MovedSubnet>,
}

/// What a hint is checked against.
pub struct Space<'a> {
    /// The VNet's usable prefixes.
    pub vnet: &'a [Ipv4Net],
    /// The existing subnets.
    pub existing: &'a [Ipv4Net],
    /// Per planned subnet, the prefix it is pinned to (when readable).
    pub pinned: &'a [Option<Ipv4Net>],
    /// The ranges the planner reserves (also cut out of `free`).
    pub reserved: &'static [ReservedRange],
    /// The free intervals of the VNet once existing, pinned and reserved ranges are taken out
    /// ([`allocate::free_intervals`]).
    pub free: &'a [(u64, u64)],
    /// The prefix length of the subnets placed.
    pub block_len: u8,
}

/// Checks the `placed` hints (subnet index and the hint as typed) of the unpinned subnets, in
/// ascending index order: a hint is kept when it is an aligned block of `space.block_len`
/// inside one VNet prefix, clear of existing subnets, pinned subnets, reserved ranges and the
/// hints kept before it (lower index wins).
pub fn check(hints_typed: &[(usize, &str)], space: &Space<'_>) -> Hints {
    let mut hints = Hints::default();
    let mut taken: BTreeMap<u32, usize> = BTreeMap::new();
    for &(i, typed) in hints_typed.iter().take_while(|&&(i, _)| i < MAX_HINTS) {
        let typed = typed.trim();
        if typed.is_empty() {
            continue;
        }
        let problem = match cidr::parse_prefix(typed) {
            Ok(net) if net.prefix_len() == space.block_len => {
                if !allocate::is_free(space.free, net) {
                    Some(why_not_free(net, i, space))
                } else if let Some(&other) = taken.get(&u32::from(net.network())) {
                    // Aligned blocks of one size overlap only when they are the same block.
                    Some(HintProblem::TakenByKept { subnet: other })
                } else {
                    taken.insert(u32::from(net.network()), i);
                    hints.kept.push((i, net));
                    None
                }
            }
            _ => Some(HintProblem::NotABlock),
        };
        if let Some(problem) = problem {
            hints.moved.push(MovedSubnet {
                subnet: i,
                from: quoted(typed),
                problem,
            });
        }
    }
    hints
}

/// Why an aligned block is not in the free space.
fn why_not_free(net: Ipv4Net, subnet: usize, space: &Space<'_>) -> HintProblem {
    if !space.vnet.iter().any(|v| v.contains(&net)) {
        return HintProblem::OutsideVnet;
    }
    if let Some(r) = reserved::overlapping(space.reserved, net).next() {
        return HintProblem::Reserved { range: r.what };
    }
    if let Some(e) = space.existing.iter().find(|e| cidr::overlaps(**e, net)) {
        return HintProblem::OverlapsExisting {
            prefix: e.to_string(),
        };
    }
    if let Some(j) = space
        .pinned
        .iter()
        .enumerate()
        .position(|(j, p)| j != subnet && p.is_some_and(|p| cidr::overlaps(p, net)))
    {
        return HintProblem::OverlapsPinned { subnet: j };
    }
    HintProblem::OutsideVnet
}

fn quoted(typed: &str) -> String {
    if typed.chars().count() <= QUOTED_CHARS {
        typed.to_string()
    } else {
        let cut: String = typed.chars().take(QUOTED_CHARS).collect();
        format!("{cut}…")
    }
}
