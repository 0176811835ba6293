//! Property tests of allocation with placement hints: whatever the hints say, allocated
//! subnets are free, aligned /27s inside the VNet; a valid hint is always kept (and an
//! invalid one never); refreshing hints after a plan is a fixed point; pinning or unpinning
//! a subnet in place moves no other subnet.

use ipnet::Ipv4Net;
use ise_planner::design::{Design, ExistingSubnet, SubnetSpec};
use ise_planner::ise::placement::{pin, reallocate_all, unpin, with_placements, MAX_HINTS};
use ise_planner::{plan, Plan};
use proptest::prelude::*;
use proptest::sample::select;

/// A prefix as the planner reads it (host bits cleared), `None` when it is not IPv4 CIDR.
fn parsed(typed: &str) -> Option<Ipv4Net> {
    typed.trim().parse::<Ipv4Net>().ok().map(|n| n.trunc())
}

fn overlaps(a: Ipv4Net, b: Ipv4Net) -> bool {
    a.contains(&b) || b.contains(&a)
}

fn reserved(net: Ipv4Net) -> bool {
    ise_planner::ise::reserved::RESERVED
        .iter()
        .any(|r| overlaps(r.net, net))
}

fn prefixes(p: &Plan) -> Vec<Option<String>> {
    p.subnets.iter().map(|s| s.prefix.clone()).collect()
}

/// A /27 somewhere in 10.0.0.0/22 (32 blocks, so hints collide with each other and with
/// existing and pinned subnets), sometimes with host bits.
fn block_text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (0u32..4, 0u32..8).prop_map(|(c, b)| format!("10.0.{c}.{}/27", b * 32)),
        1 => (0u32..4, 1u32..32).prop_map(|(c, h)| format!("10.0.{c}.{h}/27")),
    ]
}

fn hint() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => Just(String::new()),
        6 => block_text(),
        1 => (0u32..8, 24u8..=29).prop_map(|(c, len)| format!("10.0.{c}.0/{len}")),
        1 => select(&["168.63.129.0/27", "100.64.0.0/27", "10.9.0.0/27", "fd00::/27", "here", " 10.0.1.32/27 "][..])
            .prop_map(String::from),
    ]
}

fn vnet_prefix() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => Just("10.0.0.0/22".to_string()),
        3 => select(&["10.0.0.0/23", "10.0.2.0/23", "10.0.0.0/21"][..]).prop_map(String::from),
        2 => (0u32..4, 22u8..=28).prop_map(|(c, len)| format!("10.0.{c}.0/{len}")),
        1 => select(&["168.63.129.0/24", "100.64.0.0/22", "10.0.0/22", "10.0.2.1/23"][..])
            .prop_map(String::from),
    ]
}

fn existing() -> impl Strategy<Value = String> {
    (0u32..4, 0u32..8, 25u8..=29)
        .prop_map(|(c, b, len)| format!("10.0.{c}.{}/{len}", b * 32))
        .prop_map(|s| parsed(&s).map_or(s, |n| n.to_string()))
}

fn design() -> impl Strategy<Value = Design> {
    let subnet = (
        prop_oneof![4 => Just(String::new()), 1 => block_text()],
        hint(),
    );
    (
        prop_oneof![
            9 => proptest::collection::vec(vnet_prefix(), 1..3),
            1 => Just(Vec::new()),
        ],
        proptest::collection::vec(existing(), 0..6),
        // At most four: only four ISE subnets are ever planned (more is one error, handled
        // by the limits and tested there), so allocation is about these.
        proptest::collection::vec(subnet, 0..5),
    )
        .prop_map(|(vnet, existing, subnets)| {
            let mut d = Design::default();
            d.vnet.address_prefixes = vnet;
            d.vnet.existing_subnets = existing.into_iter().map(ExistingSubnet::from).collect();
            d.subnets = subnets
                .into_iter()
                .enumerate()
                .map(|(i, (prefix, placed))| SubnetSpec {
                    name: format!("ise-subnet-{}", i + 1),
                    prefix,
                    placed,
                })
                .collect();
            d
        })
}

/// Which unpinned subnets' hints are valid, decided here independently of the planner: an
/// aligned /27 inside one readable VNet prefix, clear of reserved ranges, existing subnets,
/// pinned subnets and the valid hints of lower-numbered subnets.
fn valid_hints(d: &Design) -> Vec<Option<Ipv4Net>> {
    let vnet: Vec<Ipv4Net> = d
        .vnet
        .address_prefixes
        .iter()
        .filter_map(|s| parsed(s))
        .collect();
    let existing: Vec<Ipv4Net> = d
        .vnet
        .existing_subnets
        .iter()
        .filter_map(|s| parsed(&s.prefix))
        .collect();
    let pinned: Vec<Ipv4Net> = d
        .subnets
        .iter()
        .filter(|s| s.is_pinned())
        .filter_map(|s| parsed(&s.prefix))
        .collect();
    let mut kept: Vec<Ipv4Net> = Vec::new();
    d.subnets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if s.is_pinned() || i >= MAX_HINTS {
                return None;
            }
            let net: Ipv4Net = s.placed.trim().parse().ok()?;
            let valid = net.prefix_len() == 27
                && net.trunc() == net
                && vnet.iter().any(|v| v.contains(&net))
                && !reserved(net)
                && !existing
                    .iter()
                    .chain(&pinned)
                    .chain(&kept)
                    .any(|e| overlaps(*e, net));
            valid.then(|| {
                kept.push(net);
                net
            })
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Allocated subnets are aligned /27s inside one VNet prefix, clear of reserved ranges,
    /// existing subnets, pinned subnets and each other; planning is deterministic.
    #[test]
    fn allocated_subnets_are_free_aligned_27s(d in design()) {
        let p = plan(&d);
        prop_assert_eq!(&p, &plan(&d), "deterministic");
        prop_assert_eq!(p.subnets.len(), d.subnets.len());
        let vnet: Vec<Ipv4Net> = d.vnet.address_prefixes.iter().filter_map(|s| parsed(s)).collect();
        let existing: Vec<Ipv4Net> = d.vnet.existing_subnets.iter().filter_map(|s| parsed(&s.prefix)).collect();
        let pinned: Vec<Ipv4Net> = d.subnets.iter().filter(|s| s.is_pinned()).filter_map(|s| parsed(&s.prefix)).collect();
        let mut allocated: Vec<Ipv4Net> = Vec::new();
        for (planned, spec) in p.subnets.iter().zip(&d.subnets) {
            prop_assert_eq!(planned.pinned, spec.is_pinned());
            if planned.pinned {
                prop_assert_eq!(planned.prefix.clone(), parsed(&spec.prefix).map(|n| n.to_string()));
                continue;
            }
            let Some(prefix) = &planned.prefix else { continue };
            let net: Ipv4Net = prefix.parse().unwrap();
            prop_assert_eq!((net.prefix_len(), net.trunc()), (27, net), "{} is an aligned /27", net);
            prop_assert!(vnet.iter().any(|v| v.contains(&net)), "{} inside the VNet", net);
            prop_assert!(!reserved(net), "{} avoids reserved ranges", net);
            prop_assert!(
                !existing.iter().chain(&pinned).chain(&allocated).any(|e| overlaps(*e, net)),
                "{} is free", net
            );
            allocated.push(net);
        }
        // Unplaced subnets only when the space really is short (or the VNet unusable).
        let unplaced = p.subnets.iter().filter(|s| !s.pinned && s.prefix.is_none()).count();
        prop_assert_eq!(unplaced, p.allocation.rule.unplaced.len());
        if unplaced > 0 {
            prop_assert!(p.free_blocks < p.subnets.iter().filter(|s| !s.pinned).count() as u64);
            prop_assert!(p.allocation.summary.contains("not placed"), "{}", p.allocation.summary);
        }
    }

    /// The first paint shows the plan's subnets exactly: the same prefixes, delegations,
    /// usable ranges and placement note, from the network checks and placement alone.
    #[test]
    fn the_first_view_is_the_plan(d in design()) {
        let p = plan(&d);
        let view = ise_planner::ise::first_view::first_view(&d);
        prop_assert_eq!(view.subnets.len(), p.subnets.len());
        for (first, planned) in view.subnets.iter().zip(&p.subnets) {
            prop_assert_eq!(
                (&first.name, &first.prefix, first.pinned, &first.first_usable, &first.last_usable, first.usable_addresses, first.delegation),
                (&planned.name, &planned.prefix, planned.pinned, &planned.first_usable, &planned.last_usable, planned.usable_addresses, planned.delegation)
            );
        }
        prop_assert_eq!(&view.allocation, &p.allocation.summary);
        prop_assert_eq!(view.free_space, p.allocation.free_space());
    }

    /// A valid hint is always kept, and an invalid one never: the subnet sits at its hint
    /// exactly when the hint is valid.
    #[test]
    fn a_valid_hint_is_always_kept(d in design()) {
        let p = plan(&d);
        let valid = valid_hints(&d);
        for (i, (spec, planned)) in d.subnets.iter().zip(&p.subnets).enumerate() {
            if spec.is_pinned() || spec.placed.trim().is_empty() {
                continue;
            }
            match valid[i] {
                Some(net) => prop_assert_eq!(planned.prefix.clone(), Some(net.to_string()), "subnet {} keeps its hint", i),
                None if i < MAX_HINTS => {
                    prop_assert_ne!(planned.prefix.as_deref(), Some(spec.placed.trim()), "subnet {} left its invalid hint", i);
                    prop_assert!(p.allocation.moved.iter().any(|m| m.subnet == i), "subnet {}'s move is explained", i);
                }
                None => {}
            }
        }
    }

    /// Refreshing the hints after a plan is a fixed point: planning again gives the same
    /// subnets and findings, and refreshing again changes nothing.
    #[test]
    fn refreshing_hints_is_a_fixed_point(d in design()) {
        let p = plan(&d);
        let refreshed = with_placements(&d, &p).unwrap_or_else(|| d.clone());
        let again = plan(&refreshed);
        prop_assert_eq!(prefixes(&again), prefixes(&p));
        prop_assert_eq!(&again.findings, &p.findings, "hints never change the findings");
        prop_assert_eq!(again.free_blocks, p.free_blocks);
        prop_assert!(again.allocation.moved.is_empty());
        prop_assert_eq!(with_placements(&refreshed, &again), None);
    }

    /// Without hints the plan follows the rule; "Re-allocate all" returns to it.
    #[test]
    fn reallocating_forgets_the_hints(d in design()) {
        let mut cleared = d.clone();
        for s in &mut cleared.subnets {
            s.placed.clear();
        }
        let fresh = plan(&cleared);
        prop_assert!(fresh.allocation.follows_rule && fresh.allocation.kept.is_empty());
        let mut reallocated = d.clone();
        reallocate_all(&mut reallocated);
        prop_assert_eq!(prefixes(&plan(&reallocated)), prefixes(&fresh));
        // What the note says "Re-allocate all" would give is what it gives.
        let rule: Vec<(usize, String)> = plan(&d).allocation.rule.placed.iter().map(|b| (b.subnet, b.prefix.clone())).collect();
        let got: Vec<(usize, String)> = prefixes(&fresh).into_iter().enumerate()
            .filter(|(i, _)| !d.subnets[*i].is_pinned())
            .filter_map(|(i, p)| Some((i, p?)))
            .collect();
        prop_assert_eq!(rule, got);
    }

    /// Once settled, pinning any subnet where it is, or unpinning it, moves no subnet.
    #[test]
    fn pinning_or_unpinning_in_place_moves_nothing(d in design(), which in 0usize..8) {
        let p = plan(&d);
        let d = with_placements(&d, &p).unwrap_or(d);
        let Some(i) = (!d.subnets.is_empty()).then(|| which % d.subnets.len()) else { return Ok(()) };
        let mut changed = d.clone();
        if d.subnets[i].is_pinned() {
            unpin(&mut changed, i);
        } else if let Some(prefix) = &p.subnets[i].prefix {
            pin(&mut changed, i, prefix);
        } else {
            return Ok(());
        }
        // Pinned prefixes the planner could not read, or hints past the limit, are not "in
        // place" to begin with.
        prop_assume!(d.subnets.len() <= MAX_HINTS);
        prop_assume!(!d.subnets[i].is_pinned() || parsed(&d.subnets[i].prefix).is_some());
        let after = plan(&changed);
        let moved: Vec<usize> = (0..d.subnets.len())
            .filter(|&k| after.subnets[k].prefix != p.subnets[k].prefix && p.subnets[k].prefix.is_some())
            .collect();
        // Unpinning a subnet whose pinned prefix was not a valid place (too big, overlapping…)
        // may move it, and only it.
        let allowed: &[usize] = if d.subnets[i].is_pinned() { &[i][..] } else { &[] };
        prop_assert!(moved.iter().all(|k| allowed.contains(k)), "moved {:?} after (un)pinning {}", moved, i);
    }
}
