//! Placing the four ISE subnets: pinned ones where the user put them, unpinned ones where an
//! earlier plan put them while that block stays valid, the rest by the allocation rule — and
//! which placed subnet is delegated.

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::design::{Deployment, Design};
use crate::findings::{code, Findings, Severity};
use crate::ise::allocation_note::{AllocationNote, Choice};
use crate::ise::validate::Checked;
use crate::ise::{is_logic_apps_delegation, reserved, DELEGATION_SERVICE, ISE_PREFIX_LEN};
use crate::network::allocate::{self, Shape};
use crate::network::{cidr, placement};

/// /27 blocks; four of them kept inside one aligned /25 when one is free (PRODUCT.md,
/// "Allocation").
pub const SHAPE: Shape = Shape::new(ISE_PREFIX_LEN, 25);

/// One of the four ISE subnets, as planned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedSubnet {
    pub name: String,
    /// `None` when the subnet could not be placed (no space, or an unreadable pinned prefix).
    pub prefix: Option<String>,
    /// Whether the user pinned the prefix (otherwise the planner allocated it).
    pub pinned: bool,
    /// First address Azure leaves usable (it keeps the first four and the last).
    pub first_usable: Option<String>,
    pub last_usable: Option<String>,
    pub usable_addresses: u64,
    pub total_addresses: u64,
    /// The delegation this subnet needs, if any.
    pub delegation: Option<&'static str>,
    /// Service endpoints to enable on it (forced tunneling).
    pub service_endpoints: Vec<&'static str>,
    /// The route table to associate with it (forced tunneling).
    pub route_table: Option<&'static str>,
}

impl PlannedSubnet {
    /// The subnet's prefix, when it has one.
    pub fn net(&self) -> Option<Ipv4Net> {
        self.prefix.as_ref()?.parse().ok()
    }
}

/// The subnets placed, and why they sit where they do.
pub struct Placed {
    pub subnets: Vec<PlannedSubnet>,
    /// Free aligned /27 blocks before the unpinned subnets were placed.
    pub free_blocks: u64,
    pub allocation: AllocationNote,
}

/// Places the design's subnets (see the module's summary), delegating one for a REST
/// deployment; a shortage of space becomes an error, a run that is not contiguous a note.
pub fn place(design: &Design, checked: &Checked, f: &mut Findings) -> Placed {
    let unpinned: Vec<usize> = (0..design.subnets.len())
        .filter(|&i| !checked.pinned_typed.get(i).copied().unwrap_or(false))
        .collect();
    let mut blocked: Vec<Ipv4Net> = checked.existing.clone();
    blocked.extend(checked.pinned.iter().flatten());
    blocked.extend(reserved::nets());
    let free = allocate::free_intervals(&checked.vnet_prefixes, &blocked);
    // The rule alone, without hints: where "Re-allocate all" puts the subnets. The findings
    // and the count of free blocks come from it, so hints never change them.
    let rule = allocate::allocate_in(&free, unpinned.len(), SHAPE);
    let typed: Vec<(usize, &str)> = unpinned
        .iter()
        .filter_map(|&i| Some((i, design.subnets.get(i)?.placed.as_str())))
        .collect();
    let space = placement::Space {
        vnet: &checked.vnet_prefixes,
        existing: &checked.existing,
        pinned: &checked.pinned,
        reserved: reserved::RESERVED,
        free: &free,
        block_len: ISE_PREFIX_LEN,
    };
    let hints = placement::check(&typed, &space);
    let to_place: Vec<usize> = unpinned
        .iter()
        .copied()
        .filter(|i| !hints.kept.iter().any(|(k, _)| k == i))
        .collect();
    let fresh = if hints.kept.is_empty() {
        rule.clone()
    } else {
        let kept: Vec<Ipv4Net> = hints.kept.iter().map(|(_, b)| *b).collect();
        allocate::allocate_in(&allocate::without(&free, &kept), to_place.len(), SHAPE)
    };
    let has_space = !checked.vnet_prefixes.is_empty();
    let vnet_unusable = vnet_unusable(f);
    report_space(f, &rule, unpinned.len(), has_space, vnet_unusable);
    let mut placed_at: Vec<Option<Ipv4Net>> = vec![None; design.subnets.len()];
    for &(i, block) in &hints.kept {
        placed_at[i] = Some(block);
    }
    for (&i, &block) in to_place.iter().zip(&fresh.blocks) {
        placed_at[i] = Some(block);
    }
    let allocation = AllocationNote::new(
        Choice::new(&unpinned, &rule, has_space),
        &hints.kept,
        Choice::new(&to_place, &fresh, has_space),
        hints.moved,
        vnet_unusable,
    );
    let mut subnets = planned_subnets(design, checked, &placed_at);
    if let Some(slot) = delegated_slot(design, &subnets) {
        subnets[slot].delegation = Some(DELEGATION_SERVICE);
    }
    Placed {
        subnets,
        free_blocks: rule.free_blocks,
        allocation,
    }
}

/// Whether a VNet prefix has an error that makes it unusable: a shortage of space that
/// follows from it is not reported again.
fn vnet_unusable(f: &Findings) -> bool {
    f.0.iter().any(|x| {
        x.severity == Severity::Error
            && x.field.starts_with("vnet.addressPrefixes[")
            && matches!(
                x.code,
                code::CIDR_SYNTAX
                    | code::CIDR_IPV6
                    | code::ADDRESS_UNRESOLVABLE
                    | code::ADDRESS_NOT_ALLOWED
            )
    })
}

/// The error when the rule found too few blocks; the note when they are not one run.
fn report_space(
    f: &mut Findings,
    rule: &allocate::Allocation,
    wanted: usize,
    has_space: bool,
    vnet_unusable: bool,
) {
    if has_space && rule.blocks.len() < wanted {
        if !vnet_unusable {
            let free = rule.free_blocks;
            f.error(
                code::ALLOCATION_NO_SPACE,
                "vnet.addressPrefixes",
                format!(
                    "The VNet has {free} free /27 block{} but {wanted} {} needed for the unpinned ISE subnets; add an address prefix (a free /25 holds all four) or free some space.",
                    if free == 1 { "" } else { "s" },
                    if wanted == 1 { "is" } else { "are" }
                ),
            );
        }
    } else if has_space && wanted > 1 && !rule.contiguous {
        f.info(code::ALLOCATION_NOT_CONTIGUOUS, "subnets", "No free aligned /25 was left, so the subnets take the lowest free /27 blocks and will not summarise to one prefix.");
    }
}

/// Each design subnet as placed: pinned ones at their readable prefix, the others at the
/// block they were given.
fn planned_subnets(
    design: &Design,
    checked: &Checked,
    placed_at: &[Option<Ipv4Net>],
) -> Vec<PlannedSubnet> {
    design
        .subnets
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let pinned = checked.pinned_typed.get(i).copied().unwrap_or(false);
            let net = if pinned {
                checked.pinned.get(i).copied().flatten()
            } else {
                placed_at[i]
            };
            planned_subnet(spec.name.trim(), net, pinned)
        })
        .collect()
}

/// A subnet as placed; delegation, route table and endpoints are added once all are placed.
fn planned_subnet(name: &str, net: Option<Ipv4Net>, pinned: bool) -> PlannedSubnet {
    let usable = net.and_then(cidr::azure_usable);
    PlannedSubnet {
        name: name.to_string(),
        prefix: net.map(|n| n.to_string()),
        pinned,
        first_usable: usable.map(|u| u.0.to_string()),
        last_usable: usable.map(|u| u.1.to_string()),
        usable_addresses: usable.map_or(0, |u| u.2),
        total_addresses: net.map_or(0, cidr::size),
        delegation: None,
        service_endpoints: Vec::new(),
        route_table: None,
    }
}

/// The ISE subnet to delegate: none for a portal deployment; for REST, ARM or PowerShell
/// the subnet bound to an existing subnet already delegated to Logic Apps (auditing an ISE
/// that exists), else the first subnet that has a prefix. A subnet that could not be placed
/// is never delegated.
fn delegated_slot(design: &Design, subnets: &[PlannedSubnet]) -> Option<usize> {
    if design.deployment != Deployment::Rest {
        return None;
    }
    let placed = |slot: &usize| subnets.get(*slot).is_some_and(|s| s.prefix.is_some());
    let any_delegated = design
        .vnet
        .existing_subnets
        .iter()
        .any(|e| e.ise_subnet && e.delegations.iter().any(|d| is_logic_apps_delegation(d)));
    if !any_delegated {
        return (0..subnets.len()).find(placed);
    }
    // A design has four subnets; a hostile list of thousands is an error of its own.
    let already = (0..subnets.len().min(16)).filter(placed).find(|&slot| {
        design.existing_bound_to(slot).is_some_and(|i| {
            design.vnet.existing_subnets[i]
                .delegations
                .iter()
                .any(|d| is_logic_apps_delegation(d))
        })
    });
    already.or_else(|| (0..subnets.len()).find(placed))
}
