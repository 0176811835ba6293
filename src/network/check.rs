//! Reading a virtual network's typed address space and existing subnets into usable prefixes,
//! every problem a finding: syntax, host bits, IPv6, reserved ranges, containment, overlap.
//!
//! The checks every planner of a VNet needs; the planner says who the space is for
//! ([`Service`]: its reserved ranges and how messages name it) and where the values sit in
//! its design (the field paths findings carry).

use ipnet::Ipv4Net;

use crate::findings::{code, Findings};
use crate::network::cidr::{self, PrefixProblem};
use crate::network::reserved::{self, is_private, ReservedRange};

/// Who the address space is checked for, as messages name it.
#[derive(Clone, Copy, Debug)]
pub struct Service {
    /// "an ISE".
    pub a: &'static str,
    /// "the ISE".
    pub the: &'static str,
    /// Who cannot resolve the service's own reserved ranges ("Logic Apps").
    pub resolver: &'static str,
    /// The ranges the service's subnets must not use (Azure's among them).
    pub reserved: &'static [ReservedRange],
}

/// At most this many overlapping pairs of one list are reported.
pub const OVERLAP_REPORT_LIMIT: usize = 50;

/// Reads one typed prefix, reporting problems at `field`. Host bits set are reported and the
/// network meant is used from then on, so the rest of the plan stays useful.
pub fn read_prefix(typed: &str, field: &str, what: &str, f: &mut Findings) -> Option<Ipv4Net> {
    read_parsed(
        cidr::parse_prefix(typed),
        typed,
        &|| field.to_string(),
        what,
        f,
    )
}

/// [`read_prefix`] for a prefix already parsed; `field` is made only for a finding (a VNet
/// with 100,000 existing subnets needs no 100,000 field paths).
pub fn read_parsed(
    parsed: Result<Ipv4Net, PrefixProblem>,
    typed: &str,
    field: &dyn Fn() -> String,
    what: &str,
    f: &mut Findings,
) -> Option<Ipv4Net> {
    let code = match parsed {
        Ok(net) => return Some(net),
        Err(PrefixProblem::HostBits { .. }) => code::CIDR_HOST_BITS,
        Err(PrefixProblem::Ipv6) => code::CIDR_IPV6,
        Err(_) => code::CIDR_SYNTAX,
    };
    let problem = parsed.err()?;
    f.error(code, field(), cidr::explain(&problem, typed, what));
    match problem {
        PrefixProblem::HostBits { meant } => Some(meant),
        _ => None,
    }
}

/// Reports every reserved range `net` overlaps: the service's own, then Azure's.
pub fn check_reserved(net: Ipv4Net, field: &str, what: &str, service: &Service, f: &mut Findings) {
    for r in reserved::overlapping(service.reserved, net) {
        if r.by_service {
            f.error(code::ADDRESS_UNRESOLVABLE, field, format!("{what} {net} overlaps {}, which {} cannot resolve; choose address space outside it.", r.what, service.resolver));
        } else {
            f.error(code::ADDRESS_NOT_ALLOWED, field, format!("{what} {net} overlaps {}, which Azure does not allow in a virtual network; choose other address space.", r.what));
        }
    }
}

/// Index pairs `(earlier, later)` of prefixes that overlap, found by sorting (CIDR prefixes
/// overlap only by nesting), at most `limit` of them.
pub fn overlapping_pairs(nets: &[(usize, Ipv4Net)], limit: usize) -> Vec<(usize, usize)> {
    let mut sorted: Vec<&(usize, Ipv4Net)> = nets.iter().collect();
    // Stable, so equal prefixes stay in index order.
    crate::order::sort_by_key(&mut sorted, |(_, n)| {
        (u64::from(u32::from(n.network())) << 8) | u64::from(n.prefix_len())
    });
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
    crate::order::sort_by_key(&mut pairs, |&(a, b)| ((a as u64) << 32) | b as u64);
    pairs
}

/// The prefix at `index` in an indexed list.
pub fn net_of(nets: &[(usize, Ipv4Net)], index: usize) -> Ipv4Net {
    nets.iter()
        .find(|(i, _)| *i == index)
        .map(|(_, n)| *n)
        .unwrap_or_default()
}

/// Notes an IPv6 prefix (a dual-stack VNet) and says to skip it; `false` for anything else.
pub fn ipv6_ignored(
    typed: &str,
    field: &str,
    what: &str,
    service: &Service,
    f: &mut Findings,
) -> bool {
    if cidr::parse_prefix(typed) != Err(PrefixProblem::Ipv6) {
        return false;
    }
    f.info(code::IPV6_IGNORED, field, format!("{what} {} is IPv6 (a dual-stack virtual network); {} uses IPv4 only, so the planner leaves it out.", typed.trim(), service.the));
    true
}

/// The VNet's usable prefixes, by index in `typed` (blank entries skipped); `field` is the
/// list's path (`vnet.addressPrefixes`).
pub fn vnet_prefixes(
    typed: &[String],
    field: &str,
    service: &Service,
    f: &mut Findings,
) -> Vec<(usize, Ipv4Net)> {
    let typed: Vec<(usize, &String)> = typed
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.trim().is_empty())
        .collect();
    if typed.is_empty() {
        f.error(code::VNET_PREFIX_MISSING, field, "Enter the virtual network's address space: one or more IPv4 prefixes such as 10.0.0.0/22.");
    }
    let mut vnet = Vec::new();
    let mut ipv6_only = !typed.is_empty();
    for (i, text) in typed {
        let at = format!("{field}[{i}]");
        if ipv6_ignored(text, &at, "VNet prefix", service, f) {
            continue;
        }
        ipv6_only = false;
        if let Some(net) = read_prefix(text, &at, "the VNet prefix", f) {
            check_reserved(net, &at, "The VNet prefix", service, f);
            if !is_private(net)
                && reserved::overlapping(service.reserved, net)
                    .next()
                    .is_none()
            {
                f.info(code::VNET_PREFIX_PUBLIC, &at, format!("{net} is outside the private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16); Azure allows it, but make sure you own it."));
            }
            vnet.push((i, net));
        }
    }
    if ipv6_only {
        f.error(code::VNET_PREFIX_MISSING, field, format!("The virtual network has only IPv6 prefixes; {} needs IPv4 address space. Add an IPv4 prefix such as 10.0.0.0/22.", service.a));
    }
    for (a, b) in overlapping_pairs(&vnet, OVERLAP_REPORT_LIMIT) {
        let (na, nb) = (net_of(&vnet, a), net_of(&vnet, b));
        f.error(code::VNET_PREFIXES_OVERLAP, format!("{field}[{b}]"), format!("VNet prefixes {na} and {nb} overlap; a virtual network's address prefixes must be disjoint. Remove or change one."));
    }
    vnet
}

/// The existing subnets' usable prefixes, by index: `typed` gives each subnet to read (index
/// and prefix as typed), `field` the list's path (`vnet.existingSubnets`).
pub fn existing_subnets<'a>(
    typed: impl Iterator<Item = (usize, &'a str)>,
    field: &str,
    vnet: &cidr::Cover,
    service: &Service,
    f: &mut Findings,
) -> Vec<(usize, Ipv4Net)> {
    let mut existing = Vec::new();
    for (i, text) in typed {
        // Parsed once, the field's path made only for a finding: this runs for every one of
        // up to 100,000 existing subnets on every keystroke.
        let at = || format!("{field}[{i}]");
        let parsed = cidr::parse_prefix(text);
        if parsed == Err(PrefixProblem::Ipv6) {
            ipv6_ignored(text, &at(), "existing subnet", service, f);
            continue;
        }
        if let Some(net) = read_parsed(parsed, text, &at, "the existing subnet", f) {
            if !vnet.is_empty() && !vnet.contains(net) {
                f.warning(code::EXISTING_SUBNET_OUTSIDE_VNET, at(), format!("Existing subnet {net} is not inside any VNet prefix; check it, or add the address prefix that holds it."));
            }
            existing.push((i, net));
        }
    }
    for (a, b) in overlapping_pairs(&existing, OVERLAP_REPORT_LIMIT) {
        let (na, nb) = (net_of(&existing, a), net_of(&existing, b));
        f.warning(code::EXISTING_SUBNETS_OVERLAP, format!("{field}[{b}]"), format!("Existing subnets {na} and {nb} overlap, which Azure does not allow; one of them is mistyped."));
    }
    existing
}
