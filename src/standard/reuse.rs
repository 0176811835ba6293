//! Reusing the ISE's address space once the ISE is deleted: for each of the ISE's blocks,
//! which new subnet it can hold or form with its neighbours (an aligned /26 needs two
//! adjacent, aligned /27s), which it cannot, and why.

use ipnet::Ipv4Net;
use serde::Serialize;

use crate::design::Design;
use crate::findings::citation::Citation;
use crate::findings::{code, Findings};
use crate::network::{allocate, cidr};
use crate::standard::addresses::Addresses;
use crate::standard::network::{Space, STANDARD};
use crate::standard::subnets::Placed;
use crate::standard::{sources, SubnetRole};

/// What the ISE's space can become.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReuseReport {
    /// Whether the plan places the new subnets in the ISE's space (the design asks it to).
    pub reusing: bool,
    /// The ISE's subnets, each with what it can become.
    pub blocks: Vec<IseBlock>,
    /// What reuse depends on: subnets never overlap, and Azure releases a deleted ISE's
    /// subnets only after a while.
    pub sources: Vec<Citation>,
}

/// One of the ISE's subnets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IseBlock {
    pub name: String,
    pub prefix: String,
    /// The new subnets the plan puts (partly) in this block.
    pub placed: Vec<String>,
    /// Each new subnet: whether this block can hold it or form it.
    pub options: Vec<ReuseOption>,
}

/// Whether one ISE block can hold, or help form, one new subnet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReuseOption {
    pub role: SubnetRole,
    /// The new subnet's name.
    pub subnet: String,
    /// Its prefix length.
    pub size: u8,
    /// The aligned block it would take: inside this ISE block, or the larger block that holds it.
    pub block: Option<String>,
    pub possible: bool,
    /// Why, in a sentence.
    pub reason: String,
}

/// The report, when the ISE has subnets; reusing without them is a warning.
pub fn report(
    design: &Design,
    space: &Space,
    addresses: &Addresses,
    placed: &Placed,
    f: &mut Findings,
) -> Option<ReuseReport> {
    let reusing = design.standard.reuse_ise_space;
    if space.ise.is_empty() {
        if reusing {
            f.warning(code::REUSE_WITHOUT_ISE_SUBNETS, "standard.reuseIseSpace", "The ISE plan has no placed subnets, so there is no ISE space to reuse: the new subnets are placed in the VNet's free space.");
        }
        return None;
    }
    let released = released_space(space, addresses);
    let blocks = space
        .ise
        .iter()
        .map(|ise| IseBlock {
            name: ise.name.clone(),
            prefix: ise.prefix.to_string(),
            placed: placed
                .subnets
                .iter()
                .filter(|s| s.net().is_some_and(|n| cidr::overlaps(n, ise.prefix)))
                .map(|s| s.name.clone())
                .collect(),
            options: placed
                .subnets
                .iter()
                .zip(&placed.lengths)
                .filter(|(_, len)| **len > 0)
                .map(|(s, len)| {
                    option(
                        ise.prefix, s.role, &s.name, *len, &released, space, addresses,
                    )
                })
                .collect(),
        })
        .collect();
    Some(ReuseReport {
        reusing,
        blocks,
        sources: vec![sources::SUBNETS_NEVER_OVERLAP, sources::ISE_SUBNET_RELEASE],
    })
}

/// The VNet's free space once the ISE's subnets are released (the other new subnets not
/// counted: each option is weighed alone).
fn released_space(space: &Space, addresses: &Addresses) -> Vec<(u64, u64)> {
    let mut blocked = space.existing_nets();
    blocked.extend(STANDARD.reserved.iter().map(|r| r.net));
    blocked.extend(addresses.appliance.map(Ipv4Net::from));
    allocate::free_intervals(&space.vnet, &blocked)
}

/// Whether the ISE block `ise` can hold (a smaller or equal subnet) or help form (a larger
/// one) a `/len` subnet.
fn option(
    ise: Ipv4Net,
    role: SubnetRole,
    name: &str,
    len: u8,
    released: &[(u64, u64)],
    space: &Space,
    addresses: &Addresses,
) -> ReuseOption {
    let mut out = ReuseOption {
        role,
        subnet: name.to_string(),
        size: len,
        block: None,
        possible: false,
        reason: String::new(),
    };
    if len >= ise.prefix_len() {
        let inside = allocate::intersect(released, &allocate::free_intervals(&[ise], &[]));
        out.block = allocate::lowest_block(&inside, len).map(|b| b.to_string());
        out.possible = out.block.is_some();
        out.reason = match &out.block {
            Some(b) if len == ise.prefix_len() => format!("The /{len} is this block itself, {b}."),
            Some(b) => format!("A /{len} fits inside this /{}: {b}.", ise.prefix_len()),
            None => format!("No free aligned /{len} is left inside this block."),
        };
        return out;
    }
    let Ok(larger) = Ipv4Net::new(ise.network(), len).map(|n| n.trunc()) else {
        return out;
    };
    out.block = Some(larger.to_string());
    out.possible = allocate::is_free(released, larger);
    let blocks = 1u64 << (ise.prefix_len() - len);
    out.reason = if out.possible {
        format!("An aligned /{len} needs {blocks} adjacent, aligned /{}s: {larger} takes this block with {}.", ise.prefix_len(), neighbours(larger, ise, space))
    } else {
        format!(
            "An aligned /{len} holding this block would be {larger}, but {}.",
            blocker(larger, space, addresses)
        )
    };
    out
}

/// What else a larger block takes besides `ise`: the other ISE blocks in it, and free space.
fn neighbours(larger: Ipv4Net, ise: Ipv4Net, space: &Space) -> String {
    let mut parts: Vec<String> = space
        .ise
        .iter()
        .filter(|s| s.prefix != ise && larger.contains(&s.prefix))
        .map(|s| format!("{} ({})", s.name, s.prefix))
        .collect();
    let ise_space = allocate::joined(&allocate::free_intervals(&space.ise_nets(), &[]));
    if !allocate::is_free(&ise_space, larger) {
        parts.push("free space beside it".into());
    }
    parts.join(" and ")
}

/// Why a larger block is not free once the ISE is gone.
fn blocker(larger: Ipv4Net, space: &Space, addresses: &Addresses) -> String {
    if !cidr::Cover::new(space.vnet.clone()).contains(larger) {
        return "it is not inside the VNet's address space".into();
    }
    if let Some(r) = STANDARD
        .reserved
        .iter()
        .find(|r| cidr::overlaps(r.net, larger))
    {
        return format!("it overlaps {}", r.what);
    }
    if let Some((name, e)) = space
        .existing
        .iter()
        .find(|(_, e)| cidr::overlaps(*e, larger))
    {
        let shown = if name.is_empty() {
            e.to_string()
        } else {
            format!("{name} ({e})")
        };
        return format!("it also holds existing subnet {shown}");
    }
    match addresses.appliance.filter(|ip| larger.contains(ip)) {
        Some(ip) => format!("it holds the firewall appliance's address {ip}"),
        None => "part of it is not free".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standard::network::read;
    use crate::standard::subnets::place;
    use crate::standard::IseSubnet;

    fn report_for(design: &Design, ise: &[&str]) -> (Option<ReuseReport>, Findings) {
        let ise: Vec<IseSubnet> = ise
            .iter()
            .enumerate()
            .map(|(i, p)| IseSubnet {
                name: format!("ise-{}", i + 1),
                prefix: p.parse().unwrap(),
            })
            .collect();
        let mut f = Findings::default();
        let space = read(design, &ise, &mut f);
        let placed = place(design, &space, &Addresses::default(), 5, &mut f);
        (
            report(design, &space, &Addresses::default(), &placed, &mut f),
            f,
        )
    }

    #[test]
    fn a_26_needs_two_adjacent_aligned_27s() {
        // ise-2 and ise-3 are adjacent but not in one aligned /26.
        let (r, _) = report_for(&Design::default(), &["10.0.0.32/27", "10.0.0.64/27"]);
        let r = r.unwrap();
        assert!(!r.reusing);
        let first = r.blocks[0]
            .options
            .iter()
            .find(|o| o.role == SubnetRole::Integration)
            .unwrap();
        // 10.0.0.0/26 = free 10.0.0.0/27 + ise-1: possible, with free space.
        assert_eq!(first.block.as_deref(), Some("10.0.0.0/26"));
        assert!(
            first.possible && first.reason.contains("free space"),
            "{}",
            first.reason
        );
        assert!(!first.reason.contains("ise-2"), "{}", first.reason);
        let pe = r.blocks[1]
            .options
            .iter()
            .find(|o| o.role == SubnetRole::PrivateEndpoints)
            .unwrap();
        assert_eq!(
            (pe.block.as_deref(), pe.possible),
            (Some("10.0.0.64/28"), true)
        );
    }

    #[test]
    fn a_blocked_neighbour_is_named() {
        let mut d = Design::default();
        d.vnet.existing_subnets = vec![crate::design::ExistingSubnet {
            name: "web".into(),
            prefix: "10.0.0.0/27".into(),
            ..Default::default()
        }];
        let (r, _) = report_for(&d, &["10.0.0.32/27"]);
        let o = &r.unwrap().blocks[0].options[0];
        assert!(!o.possible);
        assert!(
            o.reason.contains("existing subnet web (10.0.0.0/27)"),
            "{}",
            o.reason
        );
        // A /24 from a /27 at the VNet's edge.
        let mut d = Design::default();
        d.vnet.address_prefixes = vec!["10.0.0.0/25".into()];
        d.standard.hosting = crate::design::Hosting::AppServiceEnvironment;
        let (r, _) = report_for(&d, &["10.0.0.0/27"]);
        let o = &r.unwrap().blocks[0].options[0];
        assert_eq!(o.size, 24);
        assert!(
            !o.possible && o.reason.contains("not inside the VNet"),
            "{}",
            o.reason
        );
    }

    #[test]
    fn reuse_without_ise_subnets_is_a_warning() {
        let mut d = Design::default();
        assert!(report_for(&d, &[]).0.is_none());
        d.standard.reuse_ise_space = true;
        let (r, f) = report_for(&d, &[]);
        assert!(r.is_none());
        assert_eq!(f.0[0].code, code::REUSE_WITHOUT_ISE_SUBNETS);
    }
}
