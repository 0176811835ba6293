//! Checks of address space: the VNet's prefixes, the existing subnets and the pinned ISE
//! subnets — syntax, host bits, reserved ranges, containment and overlap.

use ipnet::Ipv4Net;

use crate::allocate::ISE_PREFIX_LEN;
use crate::cidr::{self, PrefixProblem};
use crate::design::Design;
use crate::findings::{code, Findings};
use crate::reserved;

/// The usable prefixes found.
pub struct CheckedNetwork {
    pub vnet_prefixes: Vec<Ipv4Net>,
    pub existing: Vec<Ipv4Net>,
    pub pinned: Vec<Option<Ipv4Net>>,
}

/// Reads one typed prefix, reporting problems at `field`. Host bits set are reported and the
/// network meant is used from then on, so the rest of the plan stays useful.
pub fn read_prefix(typed: &str, field: &str, what: &str, f: &mut Findings) -> Option<Ipv4Net> {
    match cidr::parse_prefix(typed) {
        Ok(net) => Some(net),
        Err(problem @ PrefixProblem::HostBits { meant }) => {
            f.error(
                code::CIDR_HOST_BITS,
                field,
                cidr::explain(&problem, typed, what),
            );
            Some(meant)
        }
        Err(problem @ PrefixProblem::Ipv6) => {
            f.error(code::CIDR_IPV6, field, cidr::explain(&problem, typed, what));
            None
        }
        Err(problem) => {
            f.error(
                code::CIDR_SYNTAX,
                field,
                cidr::explain(&problem, typed, what),
            );
            None
        }
    }
}

/// Reports every reserved range `net` overlaps: the portal article's unresolvable five, then Azure's.
fn check_reserved(net: Ipv4Net, field: &str, what: &str, f: &mut Findings) {
    for r in reserved::overlapping(net) {
        if r.unresolvable_by_logic_apps {
            f.error(code::ADDRESS_UNRESOLVABLE, field, format!("{what} {net} overlaps {}, which Logic Apps cannot resolve; choose address space outside it.", r.what));
        } else {
            f.error(code::ADDRESS_NOT_ALLOWED, field, format!("{what} {net} overlaps {}, which Azure does not allow in a virtual network; choose other address space.", r.what));
        }
    }
}

/// Index pairs `(earlier, later)` of prefixes that overlap, found by sorting (CIDR prefixes
/// overlap only by nesting), at most `limit` of them.
fn overlapping_pairs(nets: &[(usize, Ipv4Net)], limit: usize) -> Vec<(usize, usize)> {
    let mut sorted: Vec<&(usize, Ipv4Net)> = nets.iter().collect();
    sorted.sort_unstable_by_key(|(i, n)| (u32::from(n.network()), n.prefix_len(), *i));
    let mut pairs = Vec::new();
    let mut outer: Option<&(usize, Ipv4Net)> = None;
    for item in sorted {
        match outer {
            Some(o) if o.1.contains(&item.1) => {
                pairs.push((o.0.min(item.0), o.0.max(item.0)));
                if pairs.len() >= limit {
                    break;
                }
            }
            _ => outer = Some(item),
        }
    }
    pairs.sort_unstable();
    pairs
}

const OVERLAP_REPORT_LIMIT: usize = 50;
/// Pinned prefixes are read for this many subnets at most.
const MAX_SUBNETS_CHECKED: usize = 16;

/// Checks the VNet prefixes, existing subnets and pinned ISE subnets.
pub fn check(design: &Design, f: &mut Findings) -> CheckedNetwork {
    // The VNet.
    let mut vnet: Vec<(usize, Ipv4Net)> = Vec::new();
    let typed: Vec<(usize, &String)> = design
        .vnet
        .address_prefixes
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.trim().is_empty())
        .collect();
    if typed.is_empty() {
        f.error(code::VNET_PREFIX_MISSING, "vnet.addressPrefixes", "Enter the virtual network's address space: one or more IPv4 prefixes such as 10.0.0.0/22.");
    }
    for (i, text) in typed {
        let field = format!("vnet.addressPrefixes[{i}]");
        if let Some(net) = read_prefix(text, &field, "the VNet prefix", f) {
            check_reserved(net, &field, "The VNet prefix", f);
            if !reserved::is_private(net) && reserved::overlapping(net).next().is_none() {
                f.info(code::VNET_PREFIX_PUBLIC, &field, format!("{net} is outside the private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16); Azure allows it, but make sure you own it."));
            }
            vnet.push((i, net));
        }
    }
    for (a, b) in overlapping_pairs(&vnet, OVERLAP_REPORT_LIMIT) {
        let (na, nb) = (net_of(&vnet, a), net_of(&vnet, b));
        f.error(code::VNET_PREFIXES_OVERLAP, format!("vnet.addressPrefixes[{b}]"), format!("VNet prefixes {na} and {nb} overlap; a virtual network's address prefixes must be disjoint. Remove or change one."));
    }
    let vnet_nets: Vec<Ipv4Net> = vnet.iter().map(|(_, n)| *n).collect();
    let vnet_cover = cidr::Cover::new(vnet_nets.clone());

    // Existing subnets.
    let mut existing: Vec<(usize, Ipv4Net)> = Vec::new();
    for (i, text) in design
        .vnet
        .existing_subnets
        .iter()
        .map(|s| &s.prefix)
        .enumerate()
        .filter(|(_, p)| !p.trim().is_empty())
    {
        let field = format!("vnet.existingSubnets[{i}]");
        if let Some(net) = read_prefix(text, &field, "the existing subnet", f) {
            if !vnet_cover.is_empty() && !vnet_cover.contains(net) {
                f.warning(code::EXISTING_SUBNET_OUTSIDE_VNET, &field, format!("Existing subnet {net} is not inside any VNet prefix; check it, or add the address prefix that holds it."));
            }
            existing.push((i, net));
        }
    }
    for (a, b) in overlapping_pairs(&existing, OVERLAP_REPORT_LIMIT) {
        let (na, nb) = (net_of(&existing, a), net_of(&existing, b));
        f.warning(code::EXISTING_SUBNETS_OVERLAP, format!("vnet.existingSubnets[{b}]"), format!("Existing subnets {na} and {nb} overlap, which Azure does not allow; one of them is mistyped."));
    }

    // Pinned ISE subnets.
    let mut pinned: Vec<Option<Ipv4Net>> = Vec::with_capacity(design.subnets.len());
    for (i, spec) in design.subnets.iter().enumerate() {
        let field = format!("subnets[{i}].prefix");
        // A design has four subnets (more is an error of its own); checking a hostile list
        // of thousands against every existing subnet would only cost time.
        let net = if spec.is_pinned() && i < MAX_SUBNETS_CHECKED {
            read_prefix(&spec.prefix, &field, "the ISE subnet", f)
        } else {
            None
        };
        if let Some(net) = net {
            check_pinned(net, &field, &vnet_nets, &existing, f);
        }
        pinned.push(net);
    }
    let indexed: Vec<(usize, Ipv4Net)> = pinned
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some((i, (*n)?)))
        .collect();
    for (a, b) in overlapping_pairs(&indexed, OVERLAP_REPORT_LIMIT) {
        let (na, nb) = (net_of(&indexed, a), net_of(&indexed, b));
        f.error(code::SUBNETS_OVERLAP, format!("subnets[{b}].prefix"), format!("ISE subnets {na} and {nb} overlap; each of the four needs its own /27. Clear this prefix to let the planner choose one."));
    }

    CheckedNetwork {
        vnet_prefixes: vnet_nets,
        existing: existing.into_iter().map(|(_, n)| n).collect(),
        pinned,
    }
}

fn net_of(nets: &[(usize, Ipv4Net)], index: usize) -> Ipv4Net {
    nets.iter()
        .find(|(i, _)| *i == index)
        .map(|(_, n)| *n)
        .unwrap_or_default()
}

fn check_pinned(
    net: Ipv4Net,
    field: &str,
    vnet: &[Ipv4Net],
    existing: &[(usize, Ipv4Net)],
    f: &mut Findings,
) {
    let len = net.prefix_len();
    if len > ISE_PREFIX_LEN {
        f.error(code::SUBNET_TOO_SMALL, field, format!("{net} has {} addresses; an ISE subnet needs a /27 (32 addresses, of which Azure keeps 5).", cidr::size(net)));
    } else if len < ISE_PREFIX_LEN {
        f.warning(code::SUBNET_LARGER_THAN_NEEDED, field, format!("{net} is larger than the /27 an ISE subnet needs; more addresses bring no benefit. Use a /27 to save address space."));
    }
    check_reserved(net, field, "The ISE subnet", f);
    if !vnet.is_empty() && !vnet.iter().any(|v| v.contains(&net)) {
        let list: Vec<String> = vnet.iter().map(|v| v.to_string()).collect();
        f.error(code::SUBNET_OUTSIDE_VNET, field, format!("{net} is not inside one of the VNet's prefixes ({}); pin a prefix inside one, or clear it to allocate.", list.join(", ")));
    }
    if let Some((_, other)) = existing.iter().find(|(_, e)| cidr::overlaps(*e, net)) {
        f.error(code::SUBNET_OVERLAPS_EXISTING, field, format!("{net} overlaps existing subnet {other}; ISE subnets must be empty. Pin a free prefix, or clear it to allocate."));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::design::SubnetSpec;

    fn codes(design: &Design) -> Vec<&'static str> {
        let mut f = Findings::default();
        check(design, &mut f);
        f.0.iter().map(|x| x.code).collect()
    }
    fn with_vnet(prefixes: &[&str]) -> Design {
        let mut d = Design::default();
        d.vnet.address_prefixes = prefixes.iter().map(|s| s.to_string()).collect();
        d
    }
    fn pin(d: &mut Design, i: usize, prefix: &str) {
        d.subnets[i] = SubnetSpec {
            name: d.subnets[i].name.clone(),
            prefix: prefix.into(),
            ..SubnetSpec::default()
        };
    }

    #[test]
    fn vnet_codes() {
        assert!(codes(&with_vnet(&["10.0.0.0/22"])).is_empty());
        assert_eq!(codes(&with_vnet(&[])), [code::VNET_PREFIX_MISSING]);
        assert_eq!(codes(&with_vnet(&[" "])), [code::VNET_PREFIX_MISSING]);
        assert_eq!(codes(&with_vnet(&["10.0.0/22"])), [code::CIDR_SYNTAX]);
        assert_eq!(codes(&with_vnet(&["10.0.1.0/22"])), [code::CIDR_HOST_BITS]);
        assert_eq!(codes(&with_vnet(&["fd00::/48"])), [code::CIDR_IPV6]);
        assert_eq!(
            codes(&with_vnet(&["100.64.0.0/16"])),
            [code::ADDRESS_UNRESOLVABLE]
        );
        assert_eq!(
            codes(&with_vnet(&["168.63.0.0/16"])),
            [code::ADDRESS_UNRESOLVABLE]
        );
        assert_eq!(
            codes(&with_vnet(&["224.0.0.0/24"])),
            [code::ADDRESS_NOT_ALLOWED]
        );
        assert_eq!(
            codes(&with_vnet(&["20.0.0.0/24"])),
            [code::VNET_PREFIX_PUBLIC]
        );
        assert_eq!(
            codes(&with_vnet(&["10.0.0.0/16", "10.0.4.0/24"])),
            [code::VNET_PREFIXES_OVERLAP]
        );
    }

    #[test]
    fn host_bits_message_names_the_network_meant() {
        let mut f = Findings::default();
        check(&with_vnet(&["10.1.2.3/16"]), &mut f);
        assert!(
            f.0[0].message.contains("did you mean 10.1.0.0/16"),
            "{}",
            f.0[0].message
        );
        assert_eq!(f.0[0].field, "vnet.addressPrefixes[0]");
    }

    #[test]
    fn existing_codes() {
        let mut d = with_vnet(&["10.0.0.0/22"]);
        d.vnet.existing_subnets = vec![
            "10.9.0.0/24".into(),
            "10.0.0.0/24".into(),
            "10.0.0.0/25".into(),
            "x".into(),
        ];
        assert_eq!(
            codes(&d),
            [
                code::EXISTING_SUBNET_OUTSIDE_VNET,
                code::CIDR_SYNTAX,
                code::EXISTING_SUBNETS_OVERLAP
            ]
        );
    }

    #[test]
    fn pinned_codes() {
        let mut d = with_vnet(&["10.0.0.0/22"]);
        d.vnet.existing_subnets = vec!["10.0.1.0/24".into()];
        pin(&mut d, 0, "10.0.0.0/28");
        pin(&mut d, 1, "10.0.2.0/26");
        pin(&mut d, 2, "10.0.1.32/27");
        pin(&mut d, 3, "10.0.2.32/27");
        assert_eq!(
            codes(&d),
            [
                code::SUBNET_TOO_SMALL,
                code::SUBNET_LARGER_THAN_NEEDED,
                code::SUBNET_OVERLAPS_EXISTING,
                code::SUBNETS_OVERLAP
            ]
        );
        let mut d = with_vnet(&["10.0.0.0/22"]);
        pin(&mut d, 0, "10.5.0.0/27");
        assert_eq!(codes(&d), [code::SUBNET_OUTSIDE_VNET]);
        let mut d = with_vnet(&["10.0.0.0/22"]);
        pin(&mut d, 0, "127.0.0.0/27");
        assert_eq!(
            codes(&d),
            [code::ADDRESS_UNRESOLVABLE, code::SUBNET_OUTSIDE_VNET]
        );
    }
}
